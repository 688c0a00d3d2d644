// Admission and administration of the exchange: organisations, persons, chairs, working groups.
// Administration grants no reading: nothing here touches content.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import type { Organisation, Person, WorkingGroup } from "../../shared/schemas/index.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as authRepo from "../repositories/auth.repository.js";
import * as members from "../repositories/membership.repository.js";
import { hashPassword } from "../security/passwords.js";
import { hashSecret, randomSecret } from "../security/secrets.js";
import { openSession } from "./session.service.js";

const INVITATION_DAYS = 14;

function requireSecretariat(viewer: Viewer): void {
  if (viewer.role !== "secretariat") throw new AppError("forbidden", "Only the secretariat may do this.");
}

function requireAdministrator(viewer: Viewer): void {
  if (viewer.role !== "secretariat" && viewer.role !== "chair") {
    throw new AppError("forbidden", "Only the secretariat and the chairs may do this.");
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

async function audit(
  deps: Deps,
  trx: Tx,
  viewer: Viewer | null,
  action: string,
  organisationId: string | null,
  subject?: { type: string; id: string },
  details?: Record<string, string | number | boolean | null>,
) {
  await appendAudit(trx, {
    at: deps.clock(),
    actorId: viewer?.personId ?? null,
    organisationId,
    category: "membership",
    action,
    subjectType: subject?.type,
    subjectId: subject?.id,
    details,
  });
}

export async function listOrganisations(deps: Deps, viewer: Viewer): Promise<Organisation[]> {
  return deps.db.asViewer(viewer.personId, async (trx) =>
    (await members.listOrganisations(trx)).map(members.presentOrganisation),
  );
}

export async function listPersons(deps: Deps, viewer: Viewer): Promise<Person[]> {
  return deps.db.asViewer(viewer.personId, (trx) => members.listPersons(trx));
}

/** The secretariat invites an organisation; it becomes active when its first person accepts. */
export async function inviteOrganisation(
  deps: Deps,
  viewer: Viewer,
  input: { name: string; kind: Organisation["kind"]; sectors: string[] },
): Promise<Organisation> {
  requireSecretariat(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const row: members.OrganisationRow = {
      id: randomUUID(),
      name: input.name,
      kind: input.kind,
      sectors: input.sectors,
      status: "invited",
      is_secretariat: false,
      created_at: deps.clock(),
      left_at: null,
      exit_confirmation: null,
      escalation_person_id: null,
      named_in_insight: false,
    };
    try {
      await members.insertOrganisation(trx, row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("conflict", `An organisation named "${input.name}" exists already.`);
      throw error;
    }
    await audit(deps, trx, viewer, "organisation.invited", row.id, { type: "organisation", id: row.id }, { kind: row.kind });
    return members.presentOrganisation(row);
  });
}

async function issueInvitation(deps: Deps, trx: Tx, person: members.PersonRow) {
  const token = randomSecret();
  const now = deps.clock();
  await authRepo.insertInvitation(trx, {
    token_hash: hashSecret(token),
    person_id: person.id,
    created_at: now,
    expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  });
  return `${deps.config.publicUrl}/invitation/${token}`;
}

async function mailInvitation(deps: Deps, person: { email: string; name: string }, organisationName: string, url: string) {
  if (!deps.mailer.enabled) return false;
  await deps.mailer.send({
    to: person.email,
    subject: "Your invitation to the Roundtable information sharing exchange",
    text: `Dear ${person.name},\n\nYou have been invited to join the information sharing exchange on behalf of ${organisationName}.\n\nAccept the invitation and set your password here (valid ${INVITATION_DAYS} days):\n${url}\n\nIf you did not expect this message, ignore it.\n`,
  });
  return true;
}

/** The secretariat invites a person; returns the invitation link (and mails it if SMTP is set). */
export async function invitePerson(
  deps: Deps,
  viewer: Viewer,
  input: { email: string; name: string; organisationId: string; secretariat: boolean },
): Promise<{ person: Person; invitationUrl: string; mailed: boolean }> {
  requireSecretariat(viewer);
  const { person, url, organisationName } = await deps.db.asViewer(viewer.personId, async (trx) => {
    const organisation = await members.findOrganisation(trx, input.organisationId);
    if (!organisation) throw new AppError("validation_failed", "No such organisation.", { path: "organisationId" });
    if (organisation.status === "left") throw new AppError("conflict", "That organisation has left the exchange.");
    if (input.secretariat && !organisation.is_secretariat) {
      throw new AppError("validation_failed", "Only persons of the secretariat's organisation can have the secretariat role.");
    }
    const row: Omit<members.PersonRow, "failed_logins"> = {
      id: randomUUID(),
      organisation_id: organisation.id,
      email: input.email,
      name: input.name,
      role: input.secretariat ? "secretariat" : "member",
      chair_seat: null,
      status: "invited",
      password_hash: null,
      totp_secret: null,
      totp_pending_secret: null,
      totp_last_step: null,
      locked_until: null,
      created_at: deps.clock(),
      activated_at: null,
      left_at: null,
      exit_confirmation: null,
    };
    try {
      await members.insertPerson(trx, row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("conflict", "A person with that e-mail exists already.");
      throw error;
    }
    const url = await issueInvitation(deps, trx, { ...row, failed_logins: 0 });
    await audit(deps, trx, viewer, "person.invited", organisation.id, { type: "person", id: row.id }, { role: row.role });
    return {
      person: members.presentPerson({ ...row, failed_logins: 0 }, organisation.name),
      url,
      organisationName: organisation.name,
    };
  });
  const mailed = await mailInvitation(deps, person, organisationName, url);
  return { person, invitationUrl: url, mailed };
}

/** Issues a fresh invitation link for a person who has not accepted yet. */
export async function reissueInvitation(deps: Deps, viewer: Viewer, personId: string) {
  requireSecretariat(viewer);
  const { person, url, organisationName } = await deps.db.asViewer(viewer.personId, async (trx) => {
    const row = await members.findPerson(trx, personId);
    if (!row) throw new AppError("not_found", "No such person.");
    if (row.status !== "invited") throw new AppError("conflict", "This person has already accepted the invitation.");
    const organisation = await members.findOrganisation(trx, row.organisation_id);
    const url = await issueInvitation(deps, trx, row);
    await audit(deps, trx, viewer, "person.reinvited", row.organisation_id, { type: "person", id: row.id });
    return { person: members.presentPerson(row, organisation?.name ?? ""), url, organisationName: organisation?.name ?? "" };
  });
  const mailed = await mailInvitation(deps, person, organisationName, url);
  return { person, invitationUrl: url, mailed };
}

/** What an invitation link is for, before it is accepted. */
export async function describeInvitation(deps: Deps, token: string) {
  return deps.db.asViewer(null, async (trx) => {
    const invitation = await authRepo.findOpenInvitation(trx, hashSecret(token), deps.clock());
    const person = invitation ? await members.findPerson(trx, invitation.person_id) : undefined;
    if (!invitation || !person || person.status !== "invited") {
      throw new AppError("invitation_invalid", "This invitation link is not valid any more. Ask the secretariat for a new one.");
    }
    const organisation = await members.findOrganisation(trx, person.organisation_id);
    return {
      email: person.email,
      name: person.name,
      organisationName: organisation?.name ?? "",
      role: person.role,
      expiresAt: invitation.expires_at.toISOString(),
    };
  });
}

/** Accepts an invitation: sets the password, activates the person (and a newly invited organisation). */
export async function acceptInvitation(deps: Deps, token: string, password: string, name?: string) {
  const passwordHash = await hashPassword(password);
  return deps.db.asViewer(null, async (trx) => {
    const now = deps.clock();
    const tokenHash = hashSecret(token);
    const invitation = await authRepo.findOpenInvitation(trx, tokenHash, now);
    const person = invitation ? await members.findPerson(trx, invitation.person_id) : undefined;
    const organisation = person ? await members.findOrganisation(trx, person.organisation_id) : undefined;
    if (!invitation || !person || !organisation || person.status !== "invited") {
      throw new AppError("invitation_invalid", "This invitation link is not valid any more. Ask the secretariat for a new one.");
    }
    if (organisation.status !== "invited" && organisation.status !== "active") {
      throw new AppError("account_inactive", "Your organisation is not active in the exchange.");
    }
    await authRepo.useInvitation(trx, tokenHash, now);
    await members.updatePerson(trx, person.id, {
      status: "active",
      password_hash: passwordHash,
      activated_at: now,
      ...(name ? { name } : {}),
    });
    if (organisation.status === "invited") {
      await members.updateOrganisation(trx, organisation.id, { status: "active" });
      await audit(deps, trx, null, "organisation.activated", organisation.id, { type: "organisation", id: organisation.id });
    }
    await appendAudit(trx, {
      at: now,
      actorId: person.id,
      organisationId: organisation.id,
      category: "membership",
      action: "invitation.accepted",
      subjectType: "person",
      subjectId: person.id,
    });
    const active = (await members.findPerson(trx, person.id)) as members.PersonRow;
    const stage = active.role === "secretariat" || active.role === "chair" ? "enrolment" : "complete";
    return openSession(deps, trx, active, stage);
  });
}

type Transition = "suspend" | "reinstate" | "offboard";

const ALLOWED_FROM: Record<Transition, readonly string[]> = {
  suspend: ["active", "invited"],
  reinstate: ["suspended"],
  offboard: ["active", "invited", "suspended"],
};
const TARGET: Record<Transition, "suspended" | "active" | "left"> = {
  suspend: "suspended",
  reinstate: "active",
  offboard: "left",
};

/** Suspends, reinstates or offboards a person; suspension and exit end their sessions and tokens at once. */
export async function changePersonStatus(
  deps: Deps,
  viewer: Viewer,
  personId: string,
  transition: Transition,
  confirmation?: string,
): Promise<Person> {
  requireSecretariat(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const now = deps.clock();
    const person = await members.findPerson(trx, personId);
    if (!person) throw new AppError("not_found", "No such person.");
    if (person.id === viewer.personId && transition !== "reinstate")
      throw new AppError("conflict", "You cannot suspend or offboard yourself.");
    if (!ALLOWED_FROM[transition].includes(person.status)) {
      throw new AppError(
        "conflict",
        `A person who is ${person.status} cannot be ${TARGET[transition] === "left" ? "offboarded" : `${transition}ed`}.`,
      );
    }
    if (transition === "reinstate" && person.activated_at === null) {
      await members.updatePerson(trx, person.id, { status: "invited" });
    } else {
      await members.updatePerson(trx, person.id, {
        status: TARGET[transition],
        ...(transition === "offboard" ? { left_at: now, exit_confirmation: confirmation ?? null } : {}),
        // Losing access also loses a chair seat; the chairs are appointed again.
        ...(transition !== "reinstate" && person.role === "chair" ? { role: "member" as const, chair_seat: null } : {}),
      });
    }
    if (transition !== "reinstate") await authRepo.revokeAccess(trx, [person.id], now);
    await audit(
      deps,
      trx,
      viewer,
      `person.${transition === "offboard" ? "offboarded" : `${transition}ed`}`,
      person.organisation_id,
      { type: "person", id: person.id },
    );
    const updated = (await members.findPerson(trx, person.id)) as members.PersonRow;
    const organisation = await members.findOrganisation(trx, person.organisation_id);
    return members.presentPerson(updated, organisation?.name ?? "");
  });
}

/** Suspends, reinstates or offboards an organisation with all its persons' access. */
export async function changeOrganisationStatus(
  deps: Deps,
  viewer: Viewer,
  organisationId: string,
  transition: Transition,
  confirmation?: string,
): Promise<Organisation> {
  requireSecretariat(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const now = deps.clock();
    const organisation = await members.findOrganisation(trx, organisationId);
    if (!organisation) throw new AppError("not_found", "No such organisation.");
    if (organisation.is_secretariat && transition !== "reinstate")
      throw new AppError("conflict", "The secretariat's organisation cannot be suspended or offboarded.");
    if (!ALLOWED_FROM[transition].includes(organisation.status)) {
      throw new AppError("conflict", `An organisation that is ${organisation.status} cannot change that way.`);
    }
    await members.updateOrganisation(trx, organisation.id, {
      status: TARGET[transition],
      ...(transition === "offboard" ? { left_at: now, exit_confirmation: confirmation ?? null } : {}),
    });
    const persons = await members.personsOfOrganisation(trx, organisation.id);
    if (transition !== "reinstate") {
      await authRepo.revokeAccess(
        trx,
        persons.map((p) => p.id),
        now,
      );
      for (const p of persons) {
        if (transition === "offboard" && p.status !== "left") {
          await members.updatePerson(trx, p.id, {
            status: "left",
            left_at: now,
            exit_confirmation: confirmation ?? null,
            role: p.role === "chair" ? "member" : p.role,
            chair_seat: null,
          });
        } else if (p.role === "chair") {
          await members.updatePerson(trx, p.id, { role: "member", chair_seat: null });
        }
      }
    }
    await audit(
      deps,
      trx,
      viewer,
      `organisation.${transition === "offboard" ? "offboarded" : `${transition}ed`}`,
      organisation.id,
      { type: "organisation", id: organisation.id },
    );
    return members.presentOrganisation((await members.findOrganisation(trx, organisation.id)) as members.OrganisationRow);
  });
}

/** Appoints the industry chair (from a private organisation) or the public chair (from a public one). */
export async function appointChair(deps: Deps, viewer: Viewer, personId: string, seat: "industry" | "public"): Promise<Person> {
  requireSecretariat(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const person = await members.findPerson(trx, personId);
    if (!person) throw new AppError("not_found", "No such person.");
    const organisation = await members.findOrganisation(trx, person.organisation_id);
    if (person.status !== "active" || organisation?.status !== "active")
      throw new AppError("conflict", "Only an active person can chair the exchange.");
    if (person.role === "secretariat") throw new AppError("conflict", "The secretariat cannot hold a chair seat.");
    const wanted = seat === "industry" ? "private" : "public";
    if (organisation.kind !== wanted) {
      throw new AppError(
        "conflict",
        `The ${seat} chair comes from a ${wanted} organisation; ${organisation.name} is ${organisation.kind}.`,
      );
    }
    if (person.chair_seat && person.chair_seat !== seat)
      throw new AppError("conflict", "This person already holds the other seat.");
    try {
      await members.updatePerson(trx, person.id, { role: "chair", chair_seat: seat });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("chair_seat_taken", `The ${seat} chair is held by someone else; remove them first.`);
      throw error;
    }
    if (!person.totp_secret) await authRepo.demandEnrolment(trx, person.id);
    await audit(deps, trx, viewer, "chair.appointed", person.organisation_id, { type: "person", id: person.id }, { seat });
    return members.presentPerson((await members.findPerson(trx, person.id)) as members.PersonRow, organisation.name);
  });
}

/** Ends a chair's term; the person stays a member. */
export async function removeChair(deps: Deps, viewer: Viewer, personId: string): Promise<Person> {
  requireSecretariat(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const person = await members.findPerson(trx, personId);
    if (!person) throw new AppError("not_found", "No such person.");
    if (person.role !== "chair") throw new AppError("conflict", "This person is not a chair.");
    await members.updatePerson(trx, person.id, { role: "member", chair_seat: null });
    await audit(
      deps,
      trx,
      viewer,
      "chair.removed",
      person.organisation_id,
      { type: "person", id: person.id },
      { seat: person.chair_seat },
    );
    const organisation = await members.findOrganisation(trx, person.organisation_id);
    return members.presentPerson((await members.findPerson(trx, person.id)) as members.PersonRow, organisation?.name ?? "");
  });
}

export async function listGroups(deps: Deps, viewer: Viewer): Promise<WorkingGroup[]> {
  return deps.db.asViewer(viewer.personId, (trx) => members.listGroups(trx));
}

/** Creates (id null) or replaces a working group; members must exist. */
export async function saveGroup(
  deps: Deps,
  viewer: Viewer,
  id: string | null,
  input: { name: string; description: string; persons: string[]; organisations: string[] },
): Promise<WorkingGroup> {
  requireAdministrator(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const persons = [...new Set(input.persons)];
    const organisations = [...new Set(input.organisations)];
    const foundPersons = await members.existingIds(trx, "persons", persons);
    const foundOrgs = await members.existingIds(trx, "organisations", organisations);
    const missing = [...persons.filter((p) => !foundPersons.has(p)), ...organisations.filter((o) => !foundOrgs.has(o))];
    if (missing.length) throw new AppError("validation_failed", "Some members do not exist or have left.", { missing });
    const groupId = id ?? randomUUID();
    const existing = id ? await members.findGroup(trx, id) : undefined;
    if (id && !existing) throw new AppError("not_found", "No such working group.");
    const before = { persons: new Set(existing?.persons ?? []), organisations: new Set(existing?.organisations ?? []) };
    // Administration grants no reading: an administrator cannot put themselves or their own
    // organisation into a group (and so into its audience); another administrator must.
    if (
      (persons.includes(viewer.personId) && !before.persons.has(viewer.personId)) ||
      (organisations.includes(viewer.organisationId) && !before.organisations.has(viewer.organisationId))
    ) {
      throw new AppError(
        "forbidden",
        "You cannot add yourself or your own organisation to a working group; ask another administrator.",
      );
    }
    const added = [
      ...persons.filter((p) => !before.persons.has(p)),
      ...organisations.filter((o) => !before.organisations.has(o)),
    ];
    const removed = [
      ...[...before.persons].filter((p) => !persons.includes(p)),
      ...[...before.organisations].filter((o) => !organisations.includes(o)),
    ];
    try {
      await members.saveGroup(
        trx,
        { id: groupId, name: input.name, description: input.description, persons, organisations },
        id ? null : deps.clock(),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("conflict", `A working group named "${input.name}" exists already.`);
      throw error;
    }
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: viewer.personId,
      organisationId: viewer.organisationId,
      category: "admin",
      action: id ? "group.updated" : "group.created",
      subjectType: "working_group",
      subjectId: groupId,
      details: {
        added: added.join(","),
        removed: removed.join(","),
        persons: persons.length,
        organisations: organisations.length,
      },
    });
    return { id: groupId, name: input.name, description: input.description, persons, organisations };
  });
}

export async function deleteGroup(deps: Deps, viewer: Viewer, id: string): Promise<void> {
  requireAdministrator(viewer);
  await deps.db.asViewer(viewer.personId, async (trx) => {
    if (!(await members.deleteGroup(trx, id))) throw new AppError("not_found", "No such working group.");
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: viewer.personId,
      organisationId: viewer.organisationId,
      category: "admin",
      action: "group.deleted",
      subjectType: "working_group",
      subjectId: id,
    });
  });
}

/**
 * Names who is told when an organisation has not acknowledged a warning in time: an active person
 * of that organisation, or nobody (then all its persons are). The secretariat or the organisation's
 * own persons may set it.
 */
export async function setEscalationContact(
  deps: Deps,
  viewer: Viewer,
  organisationId: string,
  personId: string | null,
): Promise<Organisation> {
  if (viewer.role !== "secretariat" && viewer.organisationId !== organisationId) {
    throw new AppError("forbidden", "Only the secretariat or the organisation itself names its escalation contact.");
  }
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const organisation = await members.findOrganisation(trx, organisationId);
    if (!organisation) throw notFound("organisation");
    if (personId) {
      const person = await members.findPerson(trx, personId);
      if (!person || person.organisation_id !== organisationId || person.status !== "active") {
        throw new AppError("validation_failed", "The escalation contact must be an active person of the organisation.", {
          path: "personId",
        });
      }
    }
    await members.setEscalationContact(trx, organisationId, personId);
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: viewer.personId,
      organisationId: viewer.organisationId,
      category: "membership",
      action: "organisation.escalation_contact",
      subjectType: "organisation",
      subjectId: organisationId,
      details: { personId: personId ?? "none" },
    });
    return members.presentOrganisation({ ...organisation, escalation_person_id: personId });
  });
}
