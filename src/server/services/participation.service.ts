// Participation, balance and exchange health: the facts are read as the viewer (their TLP), then
// computed by the pure rules of src/shared/participation.ts. Chairs and the secretariat see every
// organisation's row; a member sees its own organisation's.
import { AppError } from "../../shared/errors.js";
import {
  flowBalance,
  healthKpis,
  inactiveOrganisations,
  kindRows,
  organisationRow,
  type ParticipationFacts,
  type StatOrganisation,
} from "../../shared/participation.js";
import { type ExchangeFacts, readersOf } from "../../shared/policy.js";
import type { ORGANISATION_KINDS } from "../../shared/schemas/common.js";
import type { MyParticipation, ParticipationDashboard, ParticipationQuery } from "../../shared/schemas/index.js";
import { hoursBetween, monthsOf } from "../../shared/statistics.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { appendAudit } from "../repositories/audit.repository.js";
import { loadFacts } from "../repositories/facts.repository.js";
import * as repo from "../repositories/participation.repository.js";
import { isManager } from "./meetings.service.js";

type Kind = (typeof ORGANISATION_KINDS)[number];

/** The period of a query: `to` defaults to today, `from` to the first day of the twelfth month back (whole months). */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const fromDate = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
  fromDate.setUTCMonth(fromDate.getUTCMonth() - 11);
  const from = query.from ?? fromDate.toISOString().slice(0, 10);
  if (from > to) throw new AppError("validation_failed", "The period's first day comes after its last.", { field: "from" });
  if (Date.parse(to) - Date.parse(from) > 3 * 366 * 86_400_000)
    throw new AppError("validation_failed", "A period covers at most three years.", { field: "to" });
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  return { from, to, start, end, months: monthsOf(from, to) };
}

const month = (d: Date) => d.toISOString().slice(0, 7);

/** The kinds of organisation (other than the author's own) an audience reaches. */
function reachOf(
  organisations: readonly StatOrganisation[],
  facts: ExchangeFacts,
): (audience: { exchange: boolean; organisations: string[]; groups: string[]; persons: string[] }, author: string) => Kind[] {
  const kindOf = new Map(organisations.map((o) => [o.id, o.kind]));
  const memo = new Map<string, Kind[]>();
  return (audience, author) => {
    const key = `${author}|${audience.exchange}|${audience.organisations}|${audience.groups}|${audience.persons}`;
    const known = memo.get(key);
    if (known) return known;
    const orgs = new Set<string>();
    if (audience.exchange) for (const o of organisations) orgs.add(o.id);
    for (const o of audience.organisations) orgs.add(o);
    for (const g of audience.groups) {
      const group = facts.groups.get(g);
      for (const o of group?.organisations ?? []) orgs.add(o);
      for (const p of group?.persons ?? []) orgs.add(facts.persons.get(p)?.organisationId ?? "");
    }
    for (const p of audience.persons) orgs.add(facts.persons.get(p)?.organisationId ?? "");
    orgs.delete(author);
    const kinds = [...new Set([...orgs].map((o) => kindOf.get(o)).filter((k): k is Kind => k !== undefined))];
    memo.set(key, kinds);
    return kinds;
  };
}

/** The organisations (other than the author's) whose persons may read content, memoised by label, author and audience. */
function readerOrganisations(facts: ExchangeFacts): (content: repo.LabelledRow) => Set<string> {
  const memo = new Map<string, Set<string>>();
  return (content) => {
    const key = [
      content.tlp,
      content.author_id,
      content.audience_exchange,
      content.audience_organisations,
      content.audience_groups,
      content.audience_persons,
    ].join("|");
    const known = memo.get(key);
    if (known) return new Set(known);
    const readers = readersOf(
      [
        {
          tlp: content.tlp as TlpLabel,
          authorId: content.author_id,
          authorOrganisationId: content.author_organisation_id,
          audience: {
            exchange: content.audience_exchange,
            organisations: content.audience_organisations,
            groups: content.audience_groups,
            persons: content.audience_persons,
          },
        },
      ],
      facts,
    );
    const orgs = new Set([...readers].map((p) => facts.persons.get(p)?.organisationId ?? ""));
    orgs.delete("");
    orgs.delete(content.author_organisation_id);
    memo.set(key, orgs);
    return new Set(orgs);
  };
}

/** Reads everything the statistics of one viewer and period use (one transaction as the viewer). */
async function gatherFacts(
  trx: Tx,
  deps: Deps,
  period: ReturnType<typeof periodOf>,
  inactiveDays: number,
  viewerOrganisationId: string,
): Promise<ParticipationFacts> {
  const { start, end } = period;
  const now = deps.clock();
  const [orgRows, exchange, items, comments, answers, rfis, reads, warnings, acks, reactions, meetings, actions, adopted, last] =
    await Promise.all([
      repo.activeOrganisations(trx),
      loadFacts(trx),
      repo.statisticsItems(trx, start, end),
      repo.comments(trx, start, end),
      repo.rfiAnswers(trx, start, end),
      repo.rfis(trx, start, end),
      repo.reads(trx, start, end),
      repo.warningsAskingAcknowledgement(trx, start, end),
      repo.acknowledgements(trx, start, end),
      repo.reactionsReceived(trx, start, end),
      repo.heldMeetings(trx, start, end),
      repo.actionsDue(trx, period.from, minDay(period.to, now.toISOString().slice(0, 10)), now.toISOString().slice(0, 10)),
      repo.measuresAdopted(trx, start, end),
      repo.lastContributions(trx, now),
    ]);
  const organisations: StatOrganisation[] = orgRows.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    sectors: o.sectors,
    isSecretariat: o.is_secretariat,
    createdAt: o.created_at,
  }));
  const active = new Set(organisations.map((o) => o.id));
  const reach = reachOf(organisations, exchange);
  const readersOrgs = readerOrganisations(exchange);
  const firstAnswer = new Map<string, Date>();
  for (const a of answers) {
    const seen = firstAnswer.get(a.rfi_id);
    if (!seen || a.first_at < seen) firstAnswer.set(a.rfi_id, a.first_at);
  }
  const ackKey = new Set(acks.map((a) => `${a.item_id}/${a.org}`));
  return {
    months: period.months,
    now,
    inactiveDays,
    organisations,
    items: items.map((i) => ({
      org: i.author_organisation_id,
      // The viewer could see it with its organisation's name: readable and not anonymous (to them).
      attributable: i.readable && (!i.anonymous || i.author_organisation_id === viewerOrganisationId),
      weight: i.n,
      month: i.month,
      kind: i.kind,
      tlp: i.tlp as TlpLabel,
      reaches: reach(
        {
          exchange: i.audience_exchange,
          organisations: i.audience_organisations,
          groups: i.audience_groups,
          persons: i.audience_persons,
        },
        i.author_organisation_id,
      ),
      shareDelays: i.delays ?? [],
    })),
    comments: comments.map((c) => ({ org: c.org, attributable: c.attributable, month: c.month, weight: c.n })),
    reads: reads.map((r) => ({ org: r.org, attributable: true, month: r.month, weight: r.n })),
    acknowledgements: acks.map((a) => ({
      org: a.org,
      attributable: true,
      month: month(a.posted_at),
      value: hoursBetween(a.posted_at, a.at),
    })),
    expectedAcknowledgements: warnings.flatMap((w) =>
      [...readersOrgs(w)]
        .filter((o) => active.has(o))
        .map((o) => ({ org: o, attributable: true, month: month(w.created_at), hit: ackKey.has(`${w.id}/${o}`) })),
    ),
    rfiAnswers: answers.map((a) => ({
      org: a.org,
      attributable: a.attributable,
      month: month(a.asked_at),
      value: hoursBetween(a.asked_at, a.first_at),
    })),
    rfis: rfis.map((r) => {
      const first = firstAnswer.get(r.id);
      return {
        org: r.org,
        attributable: r.attributable,
        month: month(r.at),
        hit: first !== undefined,
        firstAnswerHours: first ? hoursBetween(r.at, first) : null,
      };
    }),
    reactions: reactions.map((r) => ({ org: r.org, attributable: true, reaction: r.reaction, weight: r.n })),
    attendance: meetings.flatMap((m) => {
      const invited = readersOrgs(m);
      invited.add(m.author_organisation_id);
      return [...invited]
        .filter((o) => active.has(o))
        .map((o) => ({ org: o, attributable: true, month: month(m.starts_at), hit: m.attended.includes(o) }));
    }),
    actions: actions
      .filter((a) => a.org !== null)
      .map((a) => ({ org: a.org, attributable: true, month: a.due_on.slice(0, 7), hit: a.on_time })),
    measuresAdopted: adopted.map((m) => ({ org: m.org, attributable: true, month: month(m.adopted_at) })),
    lastContribution: new Map(last.map((l) => [l.org, l.at])),
  };
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

async function compute(deps: Deps, viewer: Viewer, query: ParticipationQuery) {
  const period = periodOf(query, deps.clock());
  const inactiveDays = query.inactiveDays ?? deps.config.inactiveDays;
  const facts = await deps.db.asViewer(viewer.personId, (trx) =>
    gatherFacts(trx, deps, period, inactiveDays, viewer.organisationId),
  );
  const head = {
    from: period.from,
    to: period.to,
    months: period.months,
    inactiveDays,
    generatedAt: deps.clock().toISOString(),
  };
  return { head, facts };
}

/** The dashboard of every organisation (chairs and the secretariat). */
export async function dashboard(deps: Deps, viewer: Viewer, query: ParticipationQuery): Promise<ParticipationDashboard> {
  if (!isManager(viewer)) throw new AppError("forbidden", "The participation dashboard is for the chairs and the secretariat.");
  const { head, facts } = await compute(deps, viewer, query);
  const organisations = facts.organisations.map((o) => organisationRow(facts, o));
  return {
    ...head,
    organisations,
    kinds: kindRows(facts),
    flow: flowBalance(facts),
    inactive: inactiveOrganisations(facts, organisations),
    health: healthKpis(facts),
  };
}

/** A member's own organisation: its row, whether it is flagged, what others found useful, the exchange's health. */
export async function mine(deps: Deps, viewer: Viewer, query: ParticipationQuery): Promise<MyParticipation> {
  const { head, facts } = await compute(deps, viewer, query);
  const self = facts.organisations.find((o) => o.id === viewer.organisationId);
  if (!self) throw new AppError("forbidden", "Your organisation is not an active member of the exchange.");
  const own = organisationRow(facts, self);
  const { useful, named } = await deps.db.asViewer(viewer.personId, async (trx) => ({
    useful: await repo.usefulToOthers(trx, viewer.organisationId, 10),
    named: (await repo.activeOrganisations(trx)).find((o) => o.id === viewer.organisationId)?.named_in_insight ?? false,
  }));
  return {
    ...head,
    own,
    flaggedInactive: inactiveOrganisations(facts, [own]).some((o) => o.organisation.id === self.id),
    namedInInsight: named,
    useful: useful.map((u) => ({
      item: { id: u.id, title: u.title, kind: u.kind, tlp: u.tlp as TlpLabel, createdAt: u.created_at.toISOString() },
      useful: u.useful,
      seen: u.seen,
    })),
    health: healthKpis(facts),
  };
}

/** Records whether the viewer's organisation consents to be named in insight reports (audited). */
export async function setNamingConsent(deps: Deps, viewer: Viewer, named: boolean): Promise<{ ok: true }> {
  await deps.db.asViewer(viewer.personId, async (trx) => {
    await repo.setNamedInInsight(trx, viewer.organisationId, named);
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: viewer.personId,
      organisationId: viewer.organisationId,
      category: "membership",
      action: named ? "organisation.insight-naming.granted" : "organisation.insight-naming.withdrawn",
      subjectType: "organisation",
      subjectId: viewer.organisationId,
    });
  });
  return { ok: true };
}
