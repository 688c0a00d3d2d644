// The demo's stand-in for a phone: the current TOTP code of a demo account.
import { demoLogins, demoTotpSecret } from "../server/demo/seed.js";
import { currentTotpCode } from "../server/security/totp.js";

/** The current code of a demo chair or secretariat account; throws for anyone else. */
export function demoTotpCode(email: string, at: Date = new Date()): string {
  const login = demoLogins().find((l) => l.email === email.toLowerCase());
  if (!login) throw new Error(`${email} is not a demo account (see: roundtable demo logins).`);
  if (login.role === "member") throw new Error(`${email} is a member without a second factor; just log in.`);
  return currentTotpCode(demoTotpSecret(login.email), at);
}
