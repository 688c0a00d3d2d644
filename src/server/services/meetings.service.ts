// Meetings: the yearly calendar with a rotating host, agendas in three parts with a label per
// agenda item, attendance, minutes and decisions. The secretariat and chairs manage; members
// propose agenda items and answer for their own attendance.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import type { Audience } from "../../shared/policy.js";
import {
  AGENDA_PARTS,
  type AgendaItem,
  type CreateMeetingRequest,
  type Meeting,
  type MeetingSummary,
} from "../../shared/schemas/index.js";
import { isAtLeastAsRestrictive, type TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { notify } from "../notifications/notify.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as repo from "../repositories/meetings.repository.js";
import * as members from "../repositories/membership.repository.js";
import { listActionsOfMeeting } from "./actions.service.js";
import { audienceColumns, checkAudience, contentAudit, normaliseAudience, requireAcceptedDocuments } from "./items.service.js";

/** Whether the viewer arranges meetings (the secretariat and the chairs). */
export function isManager(viewer: Viewer): boolean {
  return viewer.role === "secretariat" || viewer.role === "chair";
}

function requireManager(viewer: Viewer): void {
  if (!isManager(viewer)) throw new AppError("forbidden", "Only the secretariat and the chairs arrange meetings.");
}

function requireFuture(deps: Deps, startsAt: Date): void {
  if (startsAt.getTime() <= deps.clock().getTime()) {
    throw new AppError("meeting_in_past", "A meeting must start in the future.", { path: "startsAt" });
  }
}

type MeetingWithHost = repo.MeetingRow & { host_name: string | null; my_response?: "attending" | "apologies" | null };

function summary(row: MeetingWithHost): MeetingSummary {
  return {
    id: row.id,
    title: row.title,
    format: row.format,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    location: row.location,
    host: row.host_organisation_id ? { id: row.host_organisation_id, name: row.host_name ?? "" } : null,
    status: row.status,
    tlp: row.tlp,
    myResponse: row.my_response ?? null,
  };
}

type AgendaRow = NonNullable<Awaited<ReturnType<typeof repo.findAgendaItem>>>;

async function presentAgenda(trx: Tx, rows: AgendaRow[]): Promise<AgendaItem[]> {
  const decisions = await repo.decisionsOf(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    part: r.part,
    position: r.position,
    title: r.title,
    description: r.description,
    presenter: r.presenter_id ? { id: r.presenter_id, name: r.presenter_name ?? "" } : null,
    chathamHouse: r.chatham_house,
    status: r.status,
    tlp: r.tlp,
    proposedBy: { id: r.author_id, name: r.author_name },
    minutes: r.minutes,
    minutesUpdatedAt: r.minutes_at?.toISOString() ?? null,
    decisions: decisions
      .filter((d) => d.agenda_item_id === r.id)
      .map((d) => ({
        id: d.id,
        text: d.text,
        decidedAt: d.decided_at.toISOString(),
        recordedBy: { id: d.recorded_by, name: d.recorded_by_name },
      })),
  }));
}

async function meetingOr404(trx: Tx, id: string): Promise<MeetingWithHost> {
  const row = await repo.findMeeting(trx, id);
  if (!row) throw notFound("meeting");
  return row;
}

async function agendaItemOr404(trx: Tx, id: string): Promise<AgendaRow> {
  const row = await repo.findAgendaItem(trx, id);
  if (!row) throw notFound("agenda item");
  return row;
}

async function presentMeeting(deps: Deps, trx: Tx, row: MeetingWithHost, viewer: Viewer): Promise<Meeting> {
  const agenda = await presentAgenda(trx, await repo.agendaOf(trx, row.id));
  const attendance = await repo.attendanceOf(trx, row.id);
  const mine = attendance.find((a) => a.person_id === viewer.personId);
  return {
    ...summary({ ...row, my_response: mine?.response ?? null }),
    agenda: AGENDA_PARTS.map((part) => ({
      part,
      items: agenda.filter((a) => a.part === part && a.status === "accepted"),
    })),
    proposals: agenda.filter((a) => a.status !== "accepted"),
    attendance: attendance.map((a) => ({
      person: { id: a.person_id, name: a.person_name },
      organisation: { id: a.organisation_id, name: a.organisation_name },
      response: a.response,
      attended: a.attended,
      note: a.note,
    })),
    actions: await listActionsOfMeeting(deps, trx, viewer, row.id),
    canManage: isManager(viewer),
  };
}

async function insertMeetingIn(
  trx: Tx,
  deps: Deps,
  viewer: Viewer,
  input: Omit<CreateMeetingRequest, "audience"> & { audience: Audience },
): Promise<string> {
  const audience = normaliseAudience(input.audience);
  await checkAudience(trx, input.tlp, audience);
  const startsAt = new Date(input.startsAt);
  requireFuture(deps, startsAt);
  if (input.hostOrganisationId) {
    const host = await members.findOrganisation(trx, input.hostOrganisationId);
    if (host?.status !== "active") throw new AppError("validation_failed", "The host organisation is not an active member.");
  }
  const now = deps.clock();
  const row = {
    id: randomUUID(),
    title: input.title,
    format: input.format,
    starts_at: startsAt,
    ends_at: new Date(input.endsAt),
    location: input.location,
    host_organisation_id: input.hostOrganisationId,
    status: "scheduled" as const,
    tlp: input.tlp,
    ...audienceColumns(audience),
    author_id: viewer.personId,
    author_organisation_id: viewer.organisationId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertMeeting(trx, row);
  await appendAudit(trx, contentAudit(deps, viewer, "meeting.created", { type: "meeting", id: row.id }, { tlp: row.tlp }));
  await notify(trx, deps, {
    type: "meeting.scheduled",
    subject: { type: "meeting", id: row.id, title: row.title, tlp: row.tlp, chain: [row] },
    urgent: false,
    exclude: [viewer.personId],
  });
  return row.id;
}

/** Schedules one meeting (secretariat and chairs). */
export async function createMeeting(
  deps: Deps,
  viewer: Viewer,
  input: Omit<CreateMeetingRequest, "audience"> & { audience: Audience },
) {
  requireManager(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const id = await insertMeetingIn(trx, deps, viewer, input);
    return presentMeeting(deps, trx, await meetingOr404(trx, id), viewer);
  });
}

/** Plans a year of regular meetings; hosts rotate, those that hosted least recently first. */
export async function planYear(
  deps: Deps,
  viewer: Viewer,
  input: { dates: string[]; startTime: string; durationMinutes: number; format: "in-person" | "call" | "hybrid"; title: string },
) {
  requireManager(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const hosts = await repo.hostRotation(trx);
    const dates = [...new Set(input.dates)].sort();
    const ids: string[] = [];
    for (const [i, date] of dates.entries()) {
      const startsAt = new Date(`${date}T${input.startTime}:00.000Z`);
      const host = input.format === "call" ? null : (hosts[i % Math.max(1, hosts.length)] ?? null);
      ids.push(
        await insertMeetingIn(trx, deps, viewer, {
          title: `${input.title} ${date}`,
          format: input.format,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000).toISOString(),
          location: "",
          hostOrganisationId: host?.id ?? null,
          tlp: "TLP:GREEN",
          audience: { exchange: true, organisations: [], groups: [], persons: [] },
        }),
      );
    }
    const rows = await Promise.all(ids.map((id) => meetingOr404(trx, id)));
    return { meetings: rows.map(summary) };
  });
}

/** The meetings of a year (the current one by default) that the viewer may see. */
export async function listMeetings(deps: Deps, viewer: Viewer, year?: number) {
  const y = year ?? deps.clock().getUTCFullYear();
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const rows = await repo.listMeetings(trx, new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y + 1, 0, 1)), viewer.personId);
    return { meetings: rows.map(summary) };
  });
}

/** One meeting with what the viewer may read of its agenda, minutes and actions. */
export async function getMeeting(deps: Deps, viewer: Viewer, id: string): Promise<Meeting> {
  return deps.db.asViewer(viewer.personId, async (trx) => presentMeeting(deps, trx, await meetingOr404(trx, id), viewer));
}

/** Reschedules, relocates, cancels or marks a meeting held. */
export async function updateMeeting(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: { status?: "scheduled" | "held" | "cancelled"; location?: string; startsAt?: string; endsAt?: string },
) {
  requireManager(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const row = await meetingOr404(trx, id);
    const startsAt = input.startsAt ? new Date(input.startsAt) : row.starts_at;
    const endsAt = input.endsAt ? new Date(input.endsAt) : row.ends_at;
    if (input.startsAt) requireFuture(deps, startsAt);
    if (endsAt <= startsAt) throw new AppError("validation_failed", "endsAt: ends before it starts", { path: "endsAt" });
    await repo.updateMeeting(trx, id, {
      ...(input.status ? { status: input.status } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      starts_at: startsAt,
      ends_at: endsAt,
      updated_at: deps.clock(),
    });
    await appendAudit(
      trx,
      contentAudit(deps, viewer, "meeting.updated", { type: "meeting", id }, { status: input.status ?? row.status }),
    );
    return presentMeeting(deps, trx, await meetingOr404(trx, id), viewer);
  });
}

/** Proposes an agenda item (a manager's goes straight onto the agenda). */
export async function proposeAgendaItem(
  deps: Deps,
  viewer: Viewer,
  meetingId: string,
  input: {
    part: AgendaItem["part"];
    title: string;
    description: string;
    presenterId: string | null;
    chathamHouse: boolean;
    tlp: TlpLabel;
    audience: Audience;
  },
): Promise<AgendaItem> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const meeting = await meetingOr404(trx, meetingId);
    await requireAcceptedDocuments(trx, viewer);
    if (meeting.status === "cancelled") throw new AppError("conflict", "The meeting is cancelled.");
    if (!isAtLeastAsRestrictive(input.tlp, meeting.tlp)) {
      throw new AppError("label_too_permissive", `An agenda item is never less restrictive than its meeting (${meeting.tlp}).`);
    }
    const audience = normaliseAudience(input.audience);
    await checkAudience(trx, input.tlp, audience);
    if (input.presenterId && !(await members.existingIds(trx, "persons", [input.presenterId])).has(input.presenterId)) {
      throw new AppError("validation_failed", "The presenter is not a member of the exchange.", { path: "presenterId" });
    }
    const now = deps.clock();
    const row = {
      id: randomUUID(),
      meeting_id: meetingId,
      part: input.part,
      position: await repo.nextPosition(trx, meetingId, input.part),
      title: input.title,
      description: input.description,
      presenter_id: input.presenterId,
      chatham_house: input.chathamHouse,
      status: isManager(viewer) ? ("accepted" as const) : ("proposed" as const),
      minutes: "",
      minutes_by: null,
      minutes_at: null,
      tlp: input.tlp,
      ...audienceColumns(audience),
      author_id: viewer.personId,
      author_organisation_id: viewer.organisationId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertAgendaItem(trx, row);
    await appendAudit(trx, contentAudit(deps, viewer, "agenda.proposed", { type: "agenda-item", id: row.id }, { tlp: row.tlp }));
    if (row.status === "proposed") {
      const managers = await members.personsWithRoles(trx, ["secretariat", "chair"]);
      await notify(trx, deps, {
        type: "agenda.proposed",
        subject: { type: "agenda-item", id: row.id, title: row.title, tlp: row.tlp, chain: [meeting, row], meetingId },
        urgent: false,
        only: managers,
        exclude: [viewer.personId],
      });
    }
    return (await presentAgenda(trx, [await agendaItemOr404(trx, row.id)]))[0] as AgendaItem;
  });
}

/** Accepts, declines or moves an agenda item (secretariat and chairs). */
export async function arrangeAgendaItem(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: { status?: AgendaItem["status"]; part?: AgendaItem["part"]; position?: number; presenterId?: string | null },
): Promise<AgendaItem> {
  requireManager(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const row = await agendaItemOr404(trx, id);
    const part = input.part ?? row.part;
    const position = input.position ?? (part !== row.part ? await repo.nextPosition(trx, row.meeting_id, part) : row.position);
    await repo.updateAgendaItem(trx, id, {
      status: input.status ?? row.status,
      part,
      position,
      ...(input.presenterId !== undefined ? { presenter_id: input.presenterId } : {}),
      updated_at: deps.clock(),
    });
    await appendAudit(
      trx,
      contentAudit(deps, viewer, "agenda.arranged", { type: "agenda-item", id }, { status: input.status ?? row.status }),
    );
    return (await presentAgenda(trx, [await agendaItemOr404(trx, id)]))[0] as AgendaItem;
  });
}

/** Writes the minutes of an agenda item; they carry the agenda item's label. */
export async function setMinutes(deps: Deps, viewer: Viewer, id: string, minutes: string): Promise<AgendaItem> {
  requireManager(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const row = await agendaItemOr404(trx, id);
    const now = deps.clock();
    await repo.updateAgendaItem(trx, id, { minutes, minutes_by: viewer.personId, minutes_at: now, updated_at: now });
    await appendAudit(trx, contentAudit(deps, viewer, "minutes.written", { type: "agenda-item", id }, { tlp: row.tlp }));
    return (await presentAgenda(trx, [await agendaItemOr404(trx, id)]))[0] as AgendaItem;
  });
}

/** Records a decision taken under an agenda item. */
export async function addDecision(deps: Deps, viewer: Viewer, id: string, text: string): Promise<AgendaItem> {
  requireManager(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const row = await agendaItemOr404(trx, id);
    const decisionId = randomUUID();
    await repo.insertDecision(trx, {
      id: decisionId,
      agenda_item_id: id,
      text,
      decided_at: deps.clock(),
      recorded_by: viewer.personId,
    });
    await appendAudit(trx, contentAudit(deps, viewer, "decision.recorded", { type: "agenda-item", id }, { tlp: row.tlp }));
    return (await presentAgenda(trx, [await agendaItemOr404(trx, id)]))[0] as AgendaItem;
  });
}

/** The viewer says whether they attend or send apologies. */
export async function rsvp(
  deps: Deps,
  viewer: Viewer,
  meetingId: string,
  input: { response: "attending" | "apologies"; note: string },
) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const meeting = await meetingOr404(trx, meetingId);
    await repo.upsertAttendance(trx, {
      meeting_id: meetingId,
      person_id: viewer.personId,
      response: input.response,
      note: input.note,
      updated_at: deps.clock(),
    });
    return presentMeeting(deps, trx, meeting, viewer);
  });
}

/** Records who actually attended (secretariat and chairs). */
export async function recordAttendance(
  deps: Deps,
  viewer: Viewer,
  meetingId: string,
  attended: { personId: string; attended: boolean }[],
) {
  requireManager(viewer);
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const meeting = await meetingOr404(trx, meetingId);
    const known = await members.existingIds(
      trx,
      "persons",
      attended.map((a) => a.personId),
    );
    const unknown = attended.filter((a) => !known.has(a.personId)).map((a) => a.personId);
    if (unknown.length) throw new AppError("validation_failed", "Some persons are not members of the exchange.", { unknown });
    for (const a of attended) {
      await repo.upsertAttendance(trx, {
        meeting_id: meetingId,
        person_id: a.personId,
        attended: a.attended,
        updated_at: deps.clock(),
      });
    }
    await appendAudit(
      trx,
      contentAudit(deps, viewer, "attendance.recorded", { type: "meeting", id: meetingId }, { count: attended.length }),
    );
    return presentMeeting(deps, trx, meeting, viewer);
  });
}
