// Time-based one-time passwords (RFC 6238) for the second factor, with replay protection.
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const PERIOD = 30;

function totp(secret: string, label = "Roundtable"): TOTP {
  return new TOTP({
    issuer: "Roundtable",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random base32 TOTP secret. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI and an SVG QR code for enrolling an authenticator app. */
export async function totpEnrolment(secret: string, email: string): Promise<{ otpauthUri: string; qrSvg: string }> {
  const otpauthUri = totp(secret, email).toString();
  const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", margin: 1, width: 200 });
  return { otpauthUri, qrSvg };
}

/** The current code for a secret (demo and tests). */
export function currentTotpCode(secret: string, at: Date = new Date()): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/**
 * Checks a code within ±1 step. Returns the time step it matched so the caller can refuse a
 * replay (a step not newer than the last one used), or null when it does not match.
 */
export function matchTotp(secret: string, code: string, at: Date, lastStep: number | null): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(at.getTime() / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
