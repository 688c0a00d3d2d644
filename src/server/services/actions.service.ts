// Action items: created from minutes (taking the agenda item's label and audience) or on their
// own; an owner person and/or organisation who must be able to read it; status with a note and
// history; "my actions" for a person and their organisation.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import { type Audience, readersOf } from "../../shared/policy.js";
import type { ActionItem, CreateActionRequest } from "../../shared/schemas/index.js";
import { isAtLeastAsRestrictive } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { type ContentRow, contentOf, notify } from "../notifications/notify.js";
import * as repo from "../repositories/actions.repository.js";
import { appendAudit } from "../repositories/audit.repository.js";
import { loadFacts } from "../repositories/facts.repository.js";
import * as meetingsRepo from "../repositories/meetings.repository.js";
import * as members from "../repositories/membership.repository.js";
import { audienceColumns, checkAudience, contentAudit, normaliseAudience, requireAcceptedDocuments } from "./items.service.js";

const OPEN = ["open", "in-progress"] as const;
const EXCHANGE: Audience = { exchange: true, organisations: [], groups: [], persons: [] };

/** Today as YYYY-MM-DD in UTC. */
export function today(deps: Deps): string {
  return deps.clock().toISOString().slice(0, 10);
}

function canUpdate(row: repo.ActionWithNames, viewer: Viewer): boolean {
  return (
    row.owner_person_id === viewer.personId ||
    row.owner_organisation_id === viewer.organisationId ||
    row.author_id === viewer.personId ||
    viewer.role === "secretariat" ||
    viewer.role === "chair"
  );
}

async function present(deps: Deps, trx: Tx, rows: repo.ActionWithNames[], viewer: Viewer): Promise<ActionItem[]> {
  const history = await repo.historyOf(
    trx,
    rows.map((r) => r.id),
  );
  const day = today(deps);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    ownerPerson: r.owner_person_id ? { id: r.owner_person_id, name: r.owner_person_name ?? "" } : null,
    ownerOrganisation: r.owner_organisation_id ? { id: r.owner_organisation_id, name: r.owner_organisation_name ?? "" } : null,
    dueOn: r.due_on,
    status: r.status,
    statusNote: r.status_note,
    overdue: (OPEN as readonly string[]).includes(r.status) && r.due_on < day,
    meeting: r.meeting_id ? { id: r.meeting_id, title: r.meeting_title ?? "" } : null,
    agendaItemId: r.agenda_item_id,
    tlp: r.tlp,
    createdBy: { id: r.author_id, name: r.author_name },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    history: history
      .filter((h) => h.action_id === r.id)
      .map((h) => ({
        status: h.status as ActionItem["status"],
        note: h.note,
        by: { id: h.by_person_id, name: h.by_name },
        at: h.at.toISOString(),
      })),
    canUpdate: canUpdate(r, viewer),
  }));
}

async function actionOr404(trx: Tx, id: string): Promise<repo.ActionWithNames> {
  const row = await repo.findAction(trx, id);
  if (!row) throw notFound("action");
  return row;
}

/** The rows an action hangs from (meeting, agenda item), as owner: for the policy's reference function. */
export async function chainOf(
  trx: Tx,
  action: { meeting_id: string | null; agenda_item_id: string | null },
): Promise<ContentRow[]> {
  return repo.parentsOf(trx, action);
}

/** Creates an action; its owner must be able to read it, and is notified. */
export async function createAction(deps: Deps, viewer: Viewer, input: CreateActionRequest): Promise<ActionItem> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const agenda = input.agendaItemId ? await meetingsRepo.findAgendaItem(trx, input.agendaItemId) : undefined;
    if (input.agendaItemId && !agenda) throw notFound("agenda item");
    const meetingId = agenda?.meeting_id ?? input.meetingId;
    const meeting = meetingId ? await meetingsRepo.findMeeting(trx, meetingId) : undefined;
    if (meetingId && !meeting) throw notFound("meeting");
    // From the minutes, an action is as restricted as its agenda item unless told otherwise.
    const tlp = input.tlp ?? agenda?.tlp ?? meeting?.tlp ?? "TLP:GREEN";
    const audience = normaliseAudience(
      input.audience ??
        (agenda
          ? {
              exchange: agenda.audience_exchange,
              organisations: agenda.audience_organisations,
              groups: agenda.audience_groups,
              persons: agenda.audience_persons,
            }
          : EXCHANGE),
    );
    for (const parent of [meeting, agenda]) {
      if (parent && !isAtLeastAsRestrictive(tlp, parent.tlp)) {
        throw new AppError(
          "label_too_permissive",
          `An action is never less restrictive than what it comes from (${parent.tlp}).`,
        );
      }
    }
    await checkAudience(trx, tlp, audience);
    if (input.ownerPersonId && !(await members.existingIds(trx, "persons", [input.ownerPersonId])).has(input.ownerPersonId)) {
      throw new AppError("validation_failed", "The owner is not a member of the exchange.", { path: "ownerPersonId" });
    }
    if (input.ownerOrganisationId) {
      const org = await members.findOrganisation(trx, input.ownerOrganisationId);
      if (org?.status !== "active") {
        throw new AppError("validation_failed", "The owner organisation is not an active member.", {
          path: "ownerOrganisationId",
        });
      }
    }
    const now = deps.clock();
    const row = {
      id: randomUUID(),
      title: input.title,
      description: input.description,
      owner_person_id: input.ownerPersonId,
      owner_organisation_id: input.ownerOrganisationId,
      due_on: input.dueOn,
      status: "open" as const,
      status_note: "",
      meeting_id: meetingId ?? null,
      agenda_item_id: agenda?.id ?? null,
      reminded_at: null,
      escalated_at: null,
      closed_at: null,
      tlp,
      ...audienceColumns(audience),
      author_id: viewer.personId,
      author_organisation_id: viewer.organisationId,
      created_at: now,
      updated_at: now,
    };
    const chain: ContentRow[] = [...(meeting ? [meeting] : []), ...(agenda ? [agenda] : []), row];
    const owners = await ownersOf(trx, row);
    const facts = await loadFacts(trx);
    const readers = readersOf(chain.map(contentOf), facts);
    if (!owners.some((id) => readers.has(id))) {
      throw new AppError(
        "action_owner_cannot_read",
        "The owner could not read this action: choose a label and audience that include them.",
      );
    }
    await repo.insertAction(trx, row);
    await repo.insertActionUpdate(trx, {
      id: randomUUID(),
      action_id: row.id,
      status: "open",
      note: "",
      by_person_id: viewer.personId,
      at: now,
    });
    await appendAudit(trx, contentAudit(deps, viewer, "action.created", { type: "action", id: row.id }, { tlp }));
    await notify(trx, deps, {
      type: "action.assigned",
      subject: { type: "action", id: row.id, title: row.title, tlp, chain },
      urgent: false,
      only: owners,
      exclude: [viewer.personId],
    });
    return (await present(deps, trx, [await actionOr404(trx, row.id)], viewer))[0] as ActionItem;
  });
}

/** Who owns an action: the owner person, or else every person of the owner organisation. */
export async function ownersOf(
  trx: Tx,
  row: { owner_person_id: string | null; owner_organisation_id: string | null },
): Promise<string[]> {
  if (row.owner_person_id) return [row.owner_person_id];
  return row.owner_organisation_id ? members.personsOf(trx, row.owner_organisation_id) : [];
}

/** One readable action. */
export async function getAction(deps: Deps, viewer: Viewer, id: string): Promise<ActionItem> {
  return deps.db.asViewer(
    viewer.personId,
    async (trx) => (await present(deps, trx, [await actionOr404(trx, id)], viewer))[0] as ActionItem,
  );
}

/** The viewer's own actions and their organisation's, open ones first. */
export async function myActions(deps: Deps, viewer: Viewer) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const mine = await repo.listActions(trx, (q) => q.where("x.owner_person_id", "=", viewer.personId));
    const organisation = await repo.listActions(trx, (q) =>
      q
        .where("x.owner_organisation_id", "=", viewer.organisationId)
        .where((eb) => eb.or([eb("x.owner_person_id", "is", null), eb("x.owner_person_id", "!=", viewer.personId)])),
    );
    return { mine: await present(deps, trx, mine, viewer), organisation: await present(deps, trx, organisation, viewer) };
  });
}

/** Readable actions, by status and whether overdue (the chairs' follow-up list). */
export async function listActions(
  deps: Deps,
  viewer: Viewer,
  query: { status?: ActionItem["status"]; overdue?: "true" | "false" },
) {
  const day = today(deps);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const rows = await repo.listActions(trx, (q) => {
      let r = q;
      if (query.status) r = r.where("x.status", "=", query.status);
      if (query.overdue === "true") r = r.where("x.status", "in", [...OPEN]).where("x.due_on", "<", day);
      return r;
    });
    return { actions: await present(deps, trx, rows, viewer) };
  });
}

/** The readable actions of a meeting (for its page). */
export async function listActionsOfMeeting(deps: Deps, trx: Tx, viewer: Viewer, meetingId: string): Promise<ActionItem[]> {
  return present(deps, trx, await repo.listActions(trx, (q) => q.where("x.meeting_id", "=", meetingId)), viewer);
}

/** Changes an action's status (with a note) or due date; owners, the author and managers may. */
export async function updateAction(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: { status: ActionItem["status"]; note: string; dueOn?: string },
): Promise<ActionItem> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const row = await actionOr404(trx, id);
    if (!canUpdate(row, viewer)) {
      throw new AppError("forbidden", "Only the owner, the author, the secretariat or a chair updates this action.");
    }
    const now = deps.clock();
    const closing = input.status === "done" || input.status === "dropped";
    const newDue = input.dueOn && input.dueOn !== row.due_on ? input.dueOn : undefined;
    await repo.updateAction(trx, id, {
      status: input.status,
      status_note: input.note,
      closed_at: closing ? (row.closed_at ?? now) : null,
      updated_at: now,
      // A new due date earns a new reminder and, if missed, a new escalation.
      ...(newDue ? { due_on: newDue, reminded_at: null, escalated_at: null } : {}),
    });
    await repo.insertActionUpdate(trx, {
      id: randomUUID(),
      action_id: id,
      status: input.status,
      note: newDue ? `${input.note}${input.note ? " " : ""}(due ${newDue})`.trim() : input.note,
      by_person_id: viewer.personId,
      at: now,
    });
    await appendAudit(trx, contentAudit(deps, viewer, "action.updated", { type: "action", id }, { status: input.status }));
    return (await present(deps, trx, [await actionOr404(trx, id)], viewer))[0] as ActionItem;
  });
}
