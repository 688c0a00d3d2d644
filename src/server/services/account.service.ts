// A person's own account: second factor enrolment, personal API tokens.
import { randomUUID } from "node:crypto";
import { AppError } from "../../shared/errors.js";
import type { ApiToken, SessionResponse } from "../../shared/schemas/index.js";
import type { Deps, Viewer } from "../context.js";
import { appendAudit } from "../repositories/audit.repository.js";
import type { ApiTokenRow } from "../repositories/auth.repository.js";
import * as authRepo from "../repositories/auth.repository.js";
import * as members from "../repositories/membership.repository.js";
import { hashSecret, randomSecret } from "../security/secrets.js";
import { matchTotp, newTotpSecret, totpEnrolment } from "../security/totp.js";
import { presentSession, totpRequired } from "./session.service.js";

/** Starts TOTP enrolment: a new pending secret, its URI and QR code. */
export async function startTotpEnrolment(deps: Deps, viewer: Viewer) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const person = await members.findPerson(trx, viewer.personId);
    if (!person) throw new AppError("unauthenticated", "Log in again.");
    const secret = newTotpSecret();
    await members.updatePerson(trx, person.id, { totp_pending_secret: secret });
    return { secret, ...(await totpEnrolment(secret, person.email)) };
  });
}

/** Confirms enrolment with a first code; completes a session that was waiting for it. */
export async function confirmTotpEnrolment(
  deps: Deps,
  viewer: Viewer,
  sessionHash: string | null,
  csrfToken: string,
  code: string,
): Promise<SessionResponse> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const now = deps.clock();
    const person = await members.findPerson(trx, viewer.personId);
    if (!person?.totp_pending_secret) throw new AppError("conflict", "Start the enrolment first.");
    const step = matchTotp(person.totp_pending_secret, code, now, null);
    if (step === null) throw new AppError("invalid_second_factor", "The code does not match; check your device's clock.");
    await members.updatePerson(trx, person.id, {
      totp_secret: person.totp_pending_secret,
      totp_pending_secret: null,
      totp_last_step: step,
    });
    if (sessionHash) await authRepo.setSessionStage(trx, sessionHash, "complete");
    await appendAudit(trx, {
      at: now,
      actorId: person.id,
      organisationId: person.organisation_id,
      category: "auth",
      action: "totp.enrolled",
    });
    const updated = await members.findPerson(trx, person.id);
    return presentSession(trx, updated ?? person, "complete", csrfToken);
  });
}

/** Removes the second factor, unless the person's role requires one. */
export async function disableTotp(deps: Deps, viewer: Viewer): Promise<void> {
  await deps.db.asViewer(viewer.personId, async (trx) => {
    const person = await members.findPerson(trx, viewer.personId);
    if (!person) throw new AppError("unauthenticated", "Log in again.");
    if (totpRequired(person.role)) throw new AppError("forbidden", "Chairs and the secretariat must keep a second factor.");
    await members.updatePerson(trx, person.id, { totp_secret: null, totp_pending_secret: null });
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: person.id,
      organisationId: person.organisation_id,
      category: "auth",
      action: "totp.removed",
    });
  });
}

/** Presents an API token (never its secret or hash). */
export function presentApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** Creates a personal API token; the secret is returned once and stored only as a hash. */
export async function createApiToken(deps: Deps, personId: string, name: string, expiresInDays: number) {
  return deps.db.asViewer(personId, async (trx) => {
    const now = deps.clock();
    const person = await members.findPerson(trx, personId);
    if (!person) throw new AppError("not_found", "No such person.");
    const prefix = randomSecret(6).slice(0, 8);
    const token = `rt_${prefix}_${randomSecret(32)}`;
    const row: ApiTokenRow = {
      id: randomUUID(),
      person_id: personId,
      name,
      prefix: `rt_${prefix}`,
      token_hash: hashSecret(token),
      created_at: now,
      expires_at: new Date(now.getTime() + expiresInDays * 86_400_000),
      revoked_at: null,
      last_used_at: null,
    };
    await authRepo.insertApiToken(trx, row);
    await appendAudit(trx, {
      at: now,
      actorId: personId,
      organisationId: person.organisation_id,
      category: "token",
      action: "token.created",
      subjectType: "api_token",
      subjectId: row.id,
      details: { expiresInDays },
    });
    return { token, apiToken: presentApiToken(row) };
  });
}

export async function listApiTokens(deps: Deps, viewer: Viewer): Promise<ApiToken[]> {
  return deps.db.asViewer(viewer.personId, async (trx) =>
    (await authRepo.listApiTokens(trx, viewer.personId)).map(presentApiToken),
  );
}

export async function revokeApiToken(deps: Deps, viewer: Viewer, id: string): Promise<void> {
  await deps.db.asViewer(viewer.personId, async (trx) => {
    if (!(await authRepo.revokeApiToken(trx, viewer.personId, id, deps.clock())))
      throw new AppError("not_found", "No such token.");
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: viewer.personId,
      organisationId: viewer.organisationId,
      category: "token",
      action: "token.revoked",
      subjectType: "api_token",
      subjectId: id,
    });
  });
}
