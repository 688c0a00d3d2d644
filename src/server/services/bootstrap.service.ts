// First start of a real exchange: a one-time link creates the secretariat and its first account.
import { randomUUID } from "node:crypto";
import { AppError } from "../../shared/errors.js";
import type { Deps } from "../context.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as authRepo from "../repositories/auth.repository.js";
import * as members from "../repositories/membership.repository.js";
import { hashPassword } from "../security/passwords.js";
import { hashSecret, randomSecret } from "../security/secrets.js";
import { openSession } from "./session.service.js";

/** True while the exchange has no secretariat yet. */
export async function needsSetup(deps: Deps): Promise<boolean> {
  return deps.db.asViewer(null, async (trx) => !(await members.findSecretariatOrganisation(trx)));
}

/** Issues a new one-time setup token (earlier ones stop working); null when setup is done. */
export async function issueSetupToken(deps: Deps): Promise<string | null> {
  return deps.db.asOwner(async (trx) => {
    if (await members.findSecretariatOrganisation(trx)) return null;
    const token = randomSecret();
    await authRepo.insertBootstrapToken(trx, hashSecret(token), deps.clock());
    return token;
  });
}

/** Creates the secretariat organisation and its first person with the token; opens their session. */
export async function completeSetup(
  deps: Deps,
  input: { token: string; organisationName: string; name: string; email: string; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  return deps.db.asViewer(null, async (trx) => {
    const now = deps.clock();
    if (await members.findSecretariatOrganisation(trx)) throw new AppError("already_set_up", "This exchange is set up already.");
    if (!(await authRepo.useBootstrapToken(trx, hashSecret(input.token), now))) {
      throw new AppError("invitation_invalid", "This setup link is not valid. Run `roundtable admin setup-link` for a new one.");
    }
    const organisationId = randomUUID();
    await members.insertOrganisation(trx, {
      id: organisationId,
      name: input.organisationName,
      kind: "public",
      sectors: ["government"],
      status: "active",
      is_secretariat: true,
      created_at: now,
      left_at: null,
      exit_confirmation: null,
      escalation_person_id: null,
      named_in_insight: false,
    });
    const person = {
      id: randomUUID(),
      organisation_id: organisationId,
      email: input.email,
      name: input.name,
      role: "secretariat" as const,
      chair_seat: null,
      status: "active" as const,
      password_hash: passwordHash,
      totp_secret: null,
      totp_pending_secret: null,
      totp_last_step: null,
      locked_until: null,
      created_at: now,
      activated_at: now,
      left_at: null,
      exit_confirmation: null,
    };
    await members.insertPerson(trx, person);
    await appendAudit(trx, {
      at: now,
      actorId: person.id,
      organisationId,
      category: "admin",
      action: "exchange.set_up",
      subjectType: "organisation",
      subjectId: organisationId,
    });
    return openSession(deps, trx, { ...person, failed_logins: 0 }, "enrolment");
  });
}
