// Participation, balance and exchange health computed from the facts a viewer's statistics may
// use (src/shared/statistics.ts): pure, so the server, the tests and the benchmark share it.
// Organisation rows use attributable facts only; every pooled figure goes through the cell rule.
import { ORGANISATION_KINDS } from "./schemas/common.js";
import type { HealthKpi, OrganisationParticipation } from "./schemas/insight.schemas.js";
import {
  type Counted,
  medianOrNull,
  pooledCount,
  pooledMedian,
  pooledOrganisations,
  pooledRate,
  pooledRow,
} from "./statistics.js";
import { TLP_LABELS, type TlpLabel } from "./tlp.js";

type Kind = (typeof ORGANISATION_KINDS)[number];

export interface StatOrganisation {
  id: string;
  name: string;
  kind: Kind;
  sectors: string[];
  isSecretariat: boolean;
  createdAt: Date;
}

/** A group of like items (weight: how many) the statistics may use; `reaches` are the kinds of organisation its audience reaches beyond its own. */
export interface ItemFact extends Counted {
  month: string;
  kind: string;
  tlp: TlpLabel;
  reaches: readonly Kind[];
  /** Hours from each incident's start to its sharing (incidents only; one per item of the group). */
  shareDelays: readonly number[];
}
export interface MonthFact extends Counted {
  month: string;
}
export interface ValueFact extends MonthFact {
  value: number;
}
export interface HitFact extends MonthFact {
  hit: boolean;
}

/** Everything the dashboard is computed from, for one viewer and one period. */
export interface ParticipationFacts {
  months: readonly string[];
  now: Date;
  inactiveDays: number;
  organisations: readonly StatOrganisation[];
  items: readonly ItemFact[];
  comments: readonly MonthFact[];
  /** Weighted: reads of readable items by an organisation's persons in a month. */
  reads: readonly MonthFact[];
  acknowledgements: readonly ValueFact[];
  expectedAcknowledgements: readonly HitFact[];
  /** One per answering organisation and RFI: hours to its first answer. */
  rfiAnswers: readonly ValueFact[];
  /** One per RFI (org: the asker): answered by another organisation? */
  rfis: readonly (HitFact & { firstAnswerHours: number | null })[];
  /** Weighted: reactions other organisations gave an organisation's readable, named items. */
  reactions: readonly (Counted & { reaction: "useful" | "seen" })[];
  /** One per held meeting and organisation it was for. */
  attendance: readonly HitFact[];
  /** One per action due in the period (up to now), owned by an organisation. */
  actions: readonly HitFact[];
  measuresAdopted: readonly MonthFact[];
  /** The last attributable contribution (item or comment) of each organisation, at any time. */
  lastContribution: ReadonlyMap<string, Date>;
}

const sum = (facts: readonly Counted[]) => facts.reduce((n, f) => n + (f.weight ?? 1), 0);

/** One organisation's row: attributable facts only. */
export function organisationRow(f: ParticipationFacts, o: StatOrganisation): OrganisationParticipation {
  const mine = <T extends Counted>(facts: readonly T[]) => facts.filter((x) => x.attributable && x.org === o.id);
  const items = mine(f.items);
  const byKind: Record<string, number> = {};
  const byLabel = Object.fromEntries(TLP_LABELS.map((l) => [l, 0])) as Record<TlpLabel, number>;
  for (const i of items) {
    byKind[i.kind] = (byKind[i.kind] ?? 0) + (i.weight ?? 1);
    byLabel[i.tlp] += i.weight ?? 1;
  }
  const acks = mine(f.acknowledgements);
  const answers = mine(f.rfiAnswers);
  const reactions = mine(f.reactions);
  const attendance = mine(f.attendance);
  const actions = mine(f.actions);
  return {
    organisation: { id: o.id, name: o.name, kind: o.kind, sectors: o.sectors },
    contributed: sum(items),
    contributedByKind: byKind,
    contributedByLabel: byLabel,
    comments: sum(mine(f.comments)),
    itemsRead: sum(mine(f.reads)),
    acknowledgements: acks.length,
    acknowledgementMedianHours: medianOrNull(acks.map((a) => a.value)),
    rfiAnswers: answers.length,
    rfiAnswerMedianHours: medianOrNull(answers.map((a) => a.value)),
    usefulReceived: sum(reactions.filter((r) => r.reaction === "useful")),
    seenReceived: sum(reactions.filter((r) => r.reaction === "seen")),
    meetingsAttended: attendance.filter((a) => a.hit).length,
    meetingsHeld: attendance.length,
    actionsDue: actions.length,
    actionsClosedOnTime: actions.filter((a) => a.hit).length,
    lastContributionAt: f.lastContribution.get(o.id)?.toISOString() ?? null,
  };
}

/** Pooled figures per kind of organisation (public, private, academia). */
export function kindRows(f: ParticipationFacts) {
  const kindOf = new Map(f.organisations.map((o) => [o.id, o.kind]));
  return ORGANISATION_KINDS.map((kind) => {
    const of = <T extends Counted>(facts: readonly T[]) => facts.filter((x) => kindOf.get(x.org) === kind);
    const items = of(f.items);
    const labels = pooledRow(TLP_LABELS.map((l) => items.filter((i) => i.tlp === l)));
    return {
      kind,
      organisations: f.organisations.filter((o) => o.kind === kind).length,
      contributed: labels.total,
      contributedByLabel: Object.fromEntries(TLP_LABELS.map((l, i) => [l, labels.cells[i] ?? null])) as Record<
        TlpLabel,
        number | null
      >,
      itemsRead: pooledCount(of(f.reads)),
      acknowledgements: pooledCount(of(f.acknowledgements)),
      rfiAnswers: pooledCount(of(f.rfiAnswers)),
    };
  });
}

const FLOWS: readonly [Kind, Kind][] = ORGANISATION_KINDS.flatMap((a) =>
  ORGANISATION_KINDS.filter((b) => b !== a).map((b) => [a, b] as [Kind, Kind]),
);

/** Contributions from each kind of organisation reaching each other kind, per month, and the public/private ratio. */
export function flowBalance(f: ParticipationFacts) {
  const kindOf = new Map(f.organisations.map((o) => [o.id, o.kind]));
  const series = FLOWS.map(([from, to]) => {
    const facts = f.items.filter((i) => kindOf.get(i.org) === from && i.reaches.includes(to));
    const row = pooledRow(f.months.map((m) => facts.filter((i) => i.month === m)));
    return { from, to, byMonth: row.cells, total: row.total };
  });
  const find = (from: Kind, to: Kind) => series.find((s) => s.from === from && s.to === to) as (typeof series)[number];
  const toPrivate = find("public", "private");
  const toPublic = find("private", "public");
  const ratioOf = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : round2(a / b));
  const ratioByMonth = f.months.map((_, i) => ratioOf(toPrivate.byMonth[i] ?? null, toPublic.byMonth[i] ?? null));
  return { series, ratioByMonth, ratio: ratioOf(toPrivate.total, toPublic.total), trend: trendOf(ratioByMonth) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Whether the public → private ratio rose (towards private) or fell (towards public) between the halves of the period. */
export function trendOf(ratios: readonly (number | null)[]): "towards-public" | "towards-private" | "steady" | null {
  const half = Math.floor(ratios.length / 2);
  const mean = (xs: readonly (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null && x > 0).map(Math.log);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  const first = mean(ratios.slice(0, half));
  const second = mean(ratios.slice(half));
  if (first === null || second === null) return null;
  if (second - first > Math.log(1.1)) return "towards-private";
  if (first - second > Math.log(1.1)) return "towards-public";
  return "steady";
}

/** Active organisations with no attributable contribution for `inactiveDays`, with a suggested nudge. */
export function inactiveOrganisations(f: ParticipationFacts, rows: readonly OrganisationParticipation[]) {
  const cutoff = f.now.getTime() - f.inactiveDays * 86_400_000;
  return f.organisations
    .filter((o) => !o.isSecretariat && o.createdAt.getTime() <= cutoff)
    .filter((o) => (f.lastContribution.get(o.id)?.getTime() ?? 0) < cutoff)
    .map((o) => {
      const row = rows.find((r) => r.organisation.id === o.id);
      const itemsRead = row?.itemsRead ?? 0;
      return {
        organisation: { id: o.id, name: o.name, kind: o.kind, sectors: o.sectors },
        lastContributionAt: f.lastContribution.get(o.id)?.toISOString() ?? null,
        itemsRead,
        nudge: nudgeFor(o.name, itemsRead, f.inactiveDays),
      };
    });
}

/** A suggestion for the chairs, never a sanction: a listener is asked in, a silent member is called. */
export function nudgeFor(name: string, itemsRead: number, days: number): string {
  if (itemsRead > 0)
    return (
      `${name} read ${itemsRead} item${itemsRead === 1 ? "" : "s"} but has shared nothing the chairs can see in ${days} days. ` +
      "Ask them whether they have seen any of it too (a “seen it too” is a contribution), or invite them to present a lesson at the next meeting."
    );
  return (
    `${name} has neither read nor shared anything the chairs can see in ${days} days. ` +
    "Check that their contacts are current and that they can sign in; a call from a chair usually helps more than a reminder."
  );
}

const KPI_LABELS: Record<HealthKpi["key"], [string, HealthKpi["unit"]]> = {
  "active-contributors": ["Active contributors (share of organisations)", "share"],
  "incident-to-first-share-hours": ["Incident start to first share (median hours)", "hours"],
  "warning-acknowledgement-rate": ["Warnings acknowledged (share)", "share"],
  "warning-acknowledgement-hours": ["Time to acknowledge a warning (median hours)", "hours"],
  "rfi-response-rate": ["RFIs answered (share)", "share"],
  "rfi-response-hours": ["Time to first RFI answer (median hours)", "hours"],
  "attendance-rate": ["Meeting attendance (share of organisations)", "share"],
  "action-closure-rate": ["Actions closed on time (share)", "share"],
  "measures-adopted": ["Preparedness measures adopted", "count"],
};

/** The exchange health indicators per month and over the period. */
export function healthKpis(f: ParticipationFacts): HealthKpi[] {
  const perMonth = <T extends MonthFact>(facts: readonly T[], fn: (x: readonly T[]) => number | null) => ({
    byMonth: f.months.map((m) => fn(facts.filter((x) => x.month === m))),
    value: fn(facts),
  });
  // The share of the organisations that were members by the end of the month (or of the period).
  const membersBy = (month: string | undefined) =>
    f.organisations.filter((o) => month === undefined || o.createdAt.toISOString().slice(0, 7) <= month).length;
  const share = (n: number | null, month?: string) => {
    const members = membersBy(month);
    return n === null || members === 0 ? null : Math.round((n / members) * 1000) / 1000;
  };
  const contributions: MonthFact[] = [...f.items, ...f.comments];
  const incidents = f.items.flatMap((i) => i.shareDelays.map((value) => ({ ...i, weight: 1, value })));
  const rfiLatency = f.rfis
    .filter((r) => r.firstAnswerHours !== null)
    .map((r) => ({ ...r, value: r.firstAnswerHours as number }));
  // An adoption is the exchange's own decision, recorded in its minutes: it is counted as the
  // exchange's, without the cell rule, but only for measures the viewer may read.
  const adopted = (x: readonly MonthFact[]) => x.filter((m) => m.attributable).length;
  const series: Record<HealthKpi["key"], { byMonth: (number | null)[]; value: number | null }> = {
    "active-contributors": {
      byMonth: f.months.map((m) => share(pooledOrganisations(contributions.filter((x) => x.month === m)), m)),
      value: share(pooledOrganisations(contributions)),
    },
    "incident-to-first-share-hours": perMonth(incidents, pooledMedian),
    "warning-acknowledgement-rate": perMonth(f.expectedAcknowledgements, pooledRate),
    "warning-acknowledgement-hours": perMonth(f.acknowledgements, pooledMedian),
    "rfi-response-rate": perMonth(f.rfis, pooledRate),
    "rfi-response-hours": perMonth(rfiLatency, pooledMedian),
    "attendance-rate": perMonth(f.attendance, pooledRate),
    "action-closure-rate": perMonth(f.actions, pooledRate),
    "measures-adopted": perMonth(f.measuresAdopted, adopted),
  };
  return (Object.keys(KPI_LABELS) as HealthKpi["key"][]).map((key) => ({
    key,
    label: KPI_LABELS[key]?.[0] ?? key,
    unit: KPI_LABELS[key]?.[1] ?? "count",
    ...series[key],
  }));
}
