// Logging in and out, the second factor, and turning a cookie or API token into a Viewer.
import { AppError } from "../../shared/errors.js";
import type { SessionPerson, SessionResponse } from "../../shared/schemas/index.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as authRepo from "../repositories/auth.repository.js";
import { hasAcceptedCurrent } from "../repositories/documents.repository.js";
import type { PersonRow } from "../repositories/membership.repository.js";
import * as members from "../repositories/membership.repository.js";
import { verifyPassword } from "../security/passwords.js";
import { hashSecret, randomSecret } from "../security/secrets.js";
import { matchTotp } from "../security/totp.js";

const MAX_FAILURES = 5;
const LOCKOUT_MINUTES = 15;

/** Chairs and the secretariat must use a second factor. */
export function totpRequired(role: PersonRow["role"]): boolean {
  return role === "chair" || role === "secretariat";
}

/** A session as the API presents it. */
export async function presentSession(
  trx: Tx,
  person: PersonRow,
  stage: SessionResponse["stage"],
  csrfToken: string,
): Promise<SessionResponse> {
  const organisation = await members.findOrganisation(trx, person.organisation_id);
  const presented: SessionPerson = {
    id: person.id,
    email: person.email,
    name: person.name,
    organisationId: person.organisation_id,
    organisationName: organisation?.name ?? "",
    role: person.role,
    chairSeat: person.chair_seat,
    status: person.status,
    totpEnabled: person.totp_secret !== null,
    totpRequired: totpRequired(person.role),
    acceptedCurrentDocuments: await hasAcceptedCurrent(trx, person.id),
  };
  return { stage, csrfToken, person: presented };
}

/** The stage a fresh login starts in. */
export function initialStage(person: PersonRow): SessionResponse["stage"] {
  if (person.totp_secret) return "second_factor";
  return totpRequired(person.role) ? "enrolment" : "complete";
}

/** Opens a session for a person; returns the raw id for the cookie. */
export async function openSession(deps: Deps, trx: Tx, person: PersonRow, stage: SessionResponse["stage"]) {
  const rawId = randomSecret();
  const csrfToken = randomSecret(24);
  const now = deps.clock();
  await authRepo.insertSession(trx, {
    id_hash: hashSecret(rawId),
    person_id: person.id,
    stage,
    csrf_token: csrfToken,
    created_at: now,
    expires_at: new Date(now.getTime() + deps.config.sessionHours * 3600_000),
  });
  return { rawId, response: await presentSession(trx, person, stage, csrfToken) };
}

async function isActive(trx: Tx, person: PersonRow): Promise<boolean> {
  if (person.status !== "active") return false;
  return (await members.findOrganisation(trx, person.organisation_id))?.status === "active";
}

async function recordFailure(deps: Deps, trx: Tx, person: PersonRow, action: string): Promise<void> {
  const now = deps.clock();
  const failures = person.failed_logins + 1;
  const locked = failures >= MAX_FAILURES;
  await members.updatePerson(trx, person.id, {
    failed_logins: locked ? 0 : failures,
    locked_until: locked ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : person.locked_until,
  });
  await appendAudit(trx, {
    at: now,
    actorId: person.id,
    organisationId: person.organisation_id,
    category: "auth",
    action,
    details: { locked },
  });
}

type LoginOutcome = { ok: true; rawId: string; response: SessionResponse } | { ok: false; error: AppError };

/**
 * Checks e-mail and password. Failures are recorded (and committed) before the caller answers
 * with the error, so throttling and the audit trail survive the failed request.
 */
export async function login(deps: Deps, email: string, password: string): Promise<LoginOutcome> {
  // The slow hash runs outside any transaction, so it holds no connection (PGlite has only one).
  const candidate = await deps.db.asViewer(null, (trx) => members.findPersonByEmail(trx, email));
  const valid = await verifyPassword(candidate?.password_hash ?? null, password);
  return deps.db.asViewer(null, async (trx): Promise<LoginOutcome> => {
    const now = deps.clock();
    const person = candidate && (await members.findPersonForUpdate(trx, candidate.id));
    if (person?.locked_until && person.locked_until > now) {
      return { ok: false, error: new AppError("account_locked", "Too many failed attempts. Try again later.") };
    }
    if (!person || !valid || person.password_hash !== candidate?.password_hash) {
      if (person) await recordFailure(deps, trx, person, "login.failed");
      return { ok: false, error: new AppError("invalid_credentials", "E-mail or password is wrong.") };
    }
    if (!(await isActive(trx, person))) {
      return { ok: false, error: new AppError("account_inactive", "This account or its organisation is not active.") };
    }
    await members.updatePerson(trx, person.id, { failed_logins: 0, locked_until: null });
    const stage = initialStage(person);
    await appendAudit(trx, {
      at: now,
      actorId: person.id,
      organisationId: person.organisation_id,
      category: "auth",
      action: stage === "second_factor" ? "login.password_ok" : "login",
    });
    const opened = await openSession(deps, trx, person, stage);
    return { ok: true, ...opened };
  });
}

type StepOutcome = { ok: true; response: SessionResponse } | { ok: false; error: AppError };

/** Completes a login with a TOTP code. */
export async function secondFactor(deps: Deps, rawSessionId: string, code: string): Promise<StepOutcome> {
  return deps.db.asViewer(null, async (trx): Promise<StepOutcome> => {
    const now = deps.clock();
    const session = await authRepo.findSession(trx, hashSecret(rawSessionId), now);
    if (session?.stage !== "second_factor") {
      return { ok: false, error: new AppError("unauthenticated", "Log in with your password first.") };
    }
    const person = await members.findPersonForUpdate(trx, session.person_id);
    if (!person?.totp_secret) return { ok: false, error: new AppError("unauthenticated", "Log in again.") };
    if (person.locked_until && person.locked_until > now) {
      return { ok: false, error: new AppError("account_locked", "Too many failed attempts. Try again later.") };
    }
    const step = matchTotp(person.totp_secret, code, now, person.totp_last_step);
    if (step === null) {
      await recordFailure(deps, trx, person, "second_factor.failed");
      return { ok: false, error: new AppError("invalid_second_factor", "The code is wrong or was already used.") };
    }
    await members.updatePerson(trx, person.id, { totp_last_step: step, failed_logins: 0 });
    await authRepo.setSessionStage(trx, session.id_hash, "complete");
    await appendAudit(trx, {
      at: now,
      actorId: person.id,
      organisationId: person.organisation_id,
      category: "auth",
      action: "login",
    });
    return { ok: true, response: await presentSession(trx, person, "complete", session.csrf_token) };
  });
}

/** Ends a session. */
export async function logout(deps: Deps, rawSessionId: string): Promise<void> {
  await deps.db.asViewer(null, async (trx) => {
    const session = await authRepo.findSession(trx, hashSecret(rawSessionId), deps.clock());
    if (!session) return;
    await authRepo.deleteSession(trx, session.id_hash);
    const person = await members.findPerson(trx, session.person_id);
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: session.person_id,
      organisationId: person?.organisation_id ?? null,
      category: "auth",
      action: "logout",
    });
  });
}

/** What an authenticated request knows about its session. */
export interface Authenticated {
  viewer: Viewer;
  stage: SessionResponse["stage"];
  csrfToken: string | null;
  sessionHash: string | null;
}

/** Resolves a session cookie; null when absent, expired, or its person is no longer active. */
export async function authenticateSession(deps: Deps, rawSessionId: string): Promise<Authenticated | null> {
  return deps.db.asViewer(null, async (trx) => {
    const p = await authRepo.findSessionPrincipal(trx, hashSecret(rawSessionId), deps.clock());
    if (p?.person_status !== "active" || p.organisation_status !== "active") return null;
    return {
      viewer: { personId: p.person_id, organisationId: p.organisation_id, role: p.role, via: "session" },
      stage: p.stage,
      csrfToken: p.csrf_token,
      sessionHash: p.id_hash,
    };
  });
}

const TOKEN_USE_AUDIT_MS = 3600_000;
const TOKEN_TOUCH_MS = 60_000;

/** Resolves an API token (optionally with the e-mail it must belong to); throws a stable 401/403. */
export async function authenticateToken(deps: Deps, rawToken: string, email?: string): Promise<Authenticated> {
  return deps.db.asViewer(null, async (trx) => {
    const now = deps.clock();
    const p = await authRepo.findTokenPrincipal(trx, hashSecret(rawToken));
    if (!p || (email !== undefined && p.email.toLowerCase() !== email.toLowerCase())) {
      throw new AppError("unauthenticated", "The API token is not valid.");
    }
    if (p.revoked_at) throw new AppError("token_revoked", "The API token was revoked.");
    if (p.expires_at <= now) throw new AppError("token_expired", "The API token has expired.");
    if (p.person_status !== "active" || p.organisation_status !== "active") {
      throw new AppError("account_inactive", "This account or its organisation is not active.");
    }
    const idle = p.last_used_at ? now.getTime() - p.last_used_at.getTime() : Number.POSITIVE_INFINITY;
    // Use is recorded in the audit trail at most hourly per token, and last-used at most every minute,
    // so a busy script neither floods the chain nor turns every read into a write.
    if (idle > TOKEN_USE_AUDIT_MS) {
      await appendAudit(trx, {
        at: now,
        actorId: p.person_id,
        organisationId: p.organisation_id,
        category: "token",
        action: "token.used",
        subjectType: "api_token",
        subjectId: p.token_id,
      });
    }
    if (idle > TOKEN_TOUCH_MS) await authRepo.touchApiToken(trx, p.token_id, now);
    return {
      viewer: { personId: p.person_id, organisationId: p.organisation_id, role: p.role, via: "token" },
      stage: "complete",
      csrfToken: null,
      sessionHash: null,
    };
  });
}

/** The current session presented (for GET /api/session). */
export async function describeSession(deps: Deps, auth: Authenticated): Promise<SessionResponse> {
  return deps.db.asViewer(null, async (trx) => {
    const person = await members.findPerson(trx, auth.viewer.personId);
    if (!person) throw new AppError("unauthenticated", "Log in again.");
    return presentSession(trx, person, auth.stage, auth.csrfToken ?? "");
  });
}
