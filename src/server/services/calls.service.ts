// Urgent calls: any member convenes one about a new threat or incident; the invitees (resolved to
// named persons) get the bridge details as TLP:RED, a live notification and an e-mail (label and
// link only), and answer a roll-call the convener watches fill; a summary item ends the call.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { AppError, notFound } from "../../shared/errors.js";
import { type Audience, isActiveViewer, resolveAudience } from "../../shared/policy.js";
import type { UrgentCall } from "../../shared/schemas/index.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { EVENTS_CHANNEL, notify } from "../notifications/notify.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as repo from "../repositories/calls.repository.js";
import { loadFacts } from "../repositories/facts.repository.js";
import * as itemsRepo from "../repositories/items.repository.js";
import { checkAudience, contentAudit, createItemIn, requireAcceptedDocuments } from "./items.service.js";

type RollCallStatus = "affected" | "not-affected" | "investigating";

async function callOr404(trx: Tx, id: string): Promise<repo.CallWithNames> {
  const row = await repo.findCall(trx, id);
  if (!row) throw notFound("urgent call");
  return row;
}

async function summaries(trx: Tx, rows: repo.CallWithNames[], viewer: Viewer) {
  const answers = await repo.answersOf(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const own = answers.filter((a) => a.call_id === r.id);
    return {
      id: r.id,
      title: r.title,
      startsAt: r.starts_at.toISOString(),
      status: r.status,
      convener: { id: r.author_id, name: r.convener_name },
      invited: r.audience_persons.length,
      answered: own.length,
      myAnswer: (own.find((a) => a.person_id === viewer.personId)?.status ?? null) as RollCallStatus | null,
    };
  });
}

async function present(trx: Tx, row: repo.CallWithNames, viewer: Viewer): Promise<UrgentCall> {
  const [base] = await summaries(trx, [row], viewer);
  const answers = await repo.answersOf(trx, [row.id]);
  const invitees = await repo.personsWithOrganisations(trx, row.audience_persons);
  const item = row.item_id ? await itemsRepo.findReadableItem(trx, row.item_id) : undefined;
  return {
    ...(base as NonNullable<typeof base>),
    tlp: "TLP:RED",
    bridge: row.bridge,
    convenerOrganisation: { id: row.author_organisation_id, name: row.convener_organisation_name },
    item: item ? { id: item.id, title: item.title, tlp: item.tlp } : null,
    rollCall: invitees.map((p) => {
      const answer = answers.find((a) => a.person_id === p.id);
      return {
        person: { id: p.id, name: p.name },
        organisation: { id: p.organisation_id, name: p.organisation_name },
        status: answer?.status ?? null,
        note: answer?.note ?? "",
        answeredAt: answer?.answered_at.toISOString() ?? null,
      };
    }),
    endedAt: row.ended_at?.toISOString() ?? null,
    summaryItemId: row.summary_item_id,
    isConvener: row.author_id === viewer.personId,
  };
}

/** Convenes an urgent call; invitees are resolved now to the active persons they name. */
export async function convene(
  deps: Deps,
  viewer: Viewer,
  input: { title: string; itemId: string | null; bridge: string; startsAt?: string; invitees: Audience },
): Promise<UrgentCall> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    if (input.itemId && !(await itemsRepo.findReadableItem(trx, input.itemId))) throw notFound("item");
    const scope = input.invitees;
    if (!scope.exchange && !scope.organisations.length && !scope.groups.length && !scope.persons.length) {
      throw new AppError(
        "audience_invalid",
        "Choose whom to invite: the whole exchange, working groups, organisations or persons.",
      );
    }
    if (scope.exchange && (scope.organisations.length || scope.groups.length || scope.persons.length)) {
      throw new AppError("audience_invalid", "Invite either the whole exchange or a list, not both.");
    }
    await checkAudience(trx, "TLP:GREEN", scope.exchange ? scope : { ...scope, exchange: false });
    const facts = await loadFacts(trx);
    const invitees = [...resolveAudience(scope, facts)].filter((id) => id !== viewer.personId && isActiveViewer(id, facts));
    if (invitees.length === 0) throw new AppError("audience_invalid", "No one active to invite: choose other invitees.");
    const now = deps.clock();
    const row = {
      id: randomUUID(),
      title: input.title,
      item_id: input.itemId,
      bridge: input.bridge,
      starts_at: input.startsAt ? new Date(input.startsAt) : now,
      status: "open" as const,
      ended_at: null,
      summary_item_id: null,
      tlp: "TLP:RED" as const,
      audience_exchange: false,
      audience_organisations: [],
      audience_groups: [],
      audience_persons: invitees,
      author_id: viewer.personId,
      author_organisation_id: viewer.organisationId,
      created_at: now,
    };
    await repo.insertCall(trx, row);
    await appendAudit(
      trx,
      contentAudit(deps, viewer, "call.convened", { type: "urgent-call", id: row.id }, { invited: invitees.length }),
    );
    await notify(trx, deps, {
      type: "call.invited",
      subject: { type: "urgent-call", id: row.id, title: row.title, tlp: row.tlp, chain: [row] },
      urgent: true,
      exclude: [viewer.personId],
    });
    return present(trx, await callOr404(trx, row.id), viewer);
  });
}

/** The calls the viewer convened or is invited to. */
export async function listCalls(deps: Deps, viewer: Viewer) {
  return deps.db.asViewer(viewer.personId, async (trx) => ({ calls: await summaries(trx, await repo.listCalls(trx), viewer) }));
}

/** One call (404 for anyone but its invitees and convener). */
export async function getCall(deps: Deps, viewer: Viewer, id: string): Promise<UrgentCall> {
  return deps.db.asViewer(viewer.personId, async (trx) => present(trx, await callOr404(trx, id), viewer));
}

/** An invitee answers the roll-call (again, to update); the convener is told live. */
export async function answerRollCall(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: { status: RollCallStatus; note: string },
): Promise<UrgentCall> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const call = await callOr404(trx, id);
    if (!call.audience_persons.includes(viewer.personId)) {
      throw new AppError("not_invited", "Only the invitees answer the roll-call.");
    }
    if (call.status === "ended") throw new AppError("conflict", "The call has ended.");
    await repo.upsertAnswer(trx, {
      call_id: id,
      person_id: viewer.personId,
      organisation_id: viewer.organisationId,
      status: input.status,
      note: input.note,
      answered_at: deps.clock(),
    });
    await appendAudit(trx, contentAudit(deps, viewer, "call.answered", { type: "urgent-call", id }, { status: input.status }));
    await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${`update:urgent-call:${id}`})`.execute(trx);
    await notify(trx, deps, {
      type: "call.answered",
      subject: { type: "urgent-call", id, title: call.title, tlp: call.tlp, chain: [call] },
      urgent: false,
      only: [call.author_id],
      exclude: [viewer.personId],
    });
    return present(trx, await callOr404(trx, id), viewer);
  });
}

/** The convener ends the call with a summary item for the invitees (their organisations unless RED). */
export async function endCall(deps: Deps, viewer: Viewer, id: string, input: { summary: string; tlp: TlpLabel; title?: string }) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const call = await callOr404(trx, id);
    if (call.author_id !== viewer.personId) throw new AppError("forbidden", "Only the convener ends the call.");
    // Claim the end first: of two conveners' clicks, one ends the call and the other gets 409.
    if (!(await repo.endOpenCall(trx, id, deps.clock()))) throw new AppError("conflict", "The call has ended already.");
    const invitees = await repo.personsWithOrganisations(trx, call.audience_persons);
    const audience: { exchange: boolean; organisations: string[]; groups: string[]; persons: string[] } =
      input.tlp === "TLP:RED"
        ? { exchange: false, organisations: [], groups: [], persons: [...call.audience_persons] }
        : { exchange: false, organisations: [...new Set(invitees.map((p) => p.organisation_id))], groups: [], persons: [] };
    const item = await createItemIn(trx, deps, viewer, {
      kind: "announcement",
      // The call's title is TLP:RED to its invitees: it travels only into a RED summary unless retitled.
      title:
        input.title ??
        (input.tlp === "TLP:RED"
          ? `Urgent call summary: ${call.title}`.slice(0, 300)
          : `Urgent call summary, ${call.starts_at.toISOString().slice(0, 10)}`),
      body: input.summary,
      tlp: input.tlp,
      audience,
      sectors: [],
      details: {},
      anonymous: false,
      statisticsConsent: false,
    });
    await repo.updateCall(trx, id, { summary_item_id: item.id });
    await appendAudit(trx, contentAudit(deps, viewer, "call.ended", { type: "urgent-call", id }, { summary: item.id }));
    await notify(trx, deps, {
      type: "call.ended",
      subject: { type: "urgent-call", id, title: call.title, tlp: call.tlp, chain: [call] },
      urgent: false,
      exclude: [viewer.personId],
    });
    return present(trx, await callOr404(trx, id), viewer);
  });
}
