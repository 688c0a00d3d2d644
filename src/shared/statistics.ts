// The rule every statistic obeys (DESIGN.md): it counts what the viewer may read, plus what its
// originator released for anonymised statistics, and withholds any cell that covers fewer than
// MIN_CELL organisations. A fact is *attributable* when the viewer could see it with its
// organisation's name anyway (readable, not anonymous); every other fact is *pooled* and counts
// only where pooled facts of at least MIN_CELL organisations meet, so a difference between a
// pooled cell and the attributable rows never isolates one organisation's hidden contribution.
import { MIN_CELL } from "./suppression.js";

/** One counted thing: whose it is, whether the viewer may see it attributed, how much it weighs. */
export interface Counted {
  org: string;
  /** A second organisation behind the fact (the other end of a dependency). */
  alsoOrg?: string;
  attributable: boolean;
  /** How many things this fact stands for (default 1). */
  weight?: number;
}

const orgsOf = (facts: readonly Counted[]): Set<string> => {
  const orgs = new Set<string>();
  for (const f of facts) {
    orgs.add(f.org);
    if (f.alsoOrg) orgs.add(f.alsoOrg);
  }
  return orgs;
};

/** The facts a cell may count: the attributable ones, and the pooled ones only when they cover MIN_CELL organisations. */
export function countable<T extends Counted>(facts: readonly T[]): readonly T[] {
  const pooled = facts.filter((f) => !f.attributable);
  if (pooled.length === 0 || orgsOf(pooled).size >= MIN_CELL) return facts;
  return facts.filter((f) => f.attributable);
}

/** The classic suppressed count: 0 for nothing, null (withheld) under MIN_CELL organisations. For published reports. */
export function suppressedCount(facts: readonly Counted[]): number | null {
  const total = facts.reduce((n, f) => n + (f.weight ?? 1), 0);
  if (total === 0) return 0;
  return orgsOf(facts).size >= MIN_CELL ? total : null;
}

/** How many organisations the facts cover: 0 for none, null (withheld) under MIN_CELL. */
export function suppressedOrganisations(facts: readonly Counted[]): number | null {
  const n = orgsOf(facts).size;
  return n === 0 ? 0 : n >= MIN_CELL ? n : null;
}

/**
 * A count for a viewer who knows the attributable facts: pooled facts of fewer than MIN_CELL
 * organisations are left out silently (a withheld mark would itself say they exist), then the
 * count is suppressed as usual.
 */
export function pooledCount(facts: readonly Counted[]): number | null {
  return suppressedCount(countable(facts));
}

/**
 * How many organisations the facts cover, for a viewer who knows the attributable ones: the
 * organisations of attributable facts, plus those known only through pooled facts when at least
 * MIN_CELL of them are — so the count never reveals that one more organisation is behind a pooled fact.
 */
export function pooledOrganisations(facts: readonly Counted[]): number | null {
  const named = orgsOf(facts.filter((f) => f.attributable));
  const extra = [...orgsOf(facts.filter((f) => !f.attributable))].filter((o) => !named.has(o)).length;
  const n = named.size + (extra >= MIN_CELL ? extra : 0);
  return n === 0 ? 0 : n >= MIN_CELL ? n : null;
}

/** The median of the facts' values, or null when they cover fewer than MIN_CELL organisations. */
export function pooledMedian(facts: readonly (Counted & { value: number })[]): number | null {
  const kept = countable(facts);
  if (kept.length === 0 || orgsOf(kept).size < MIN_CELL) return null;
  return round1(median(kept.map((f) => f.value)));
}

/** The share of facts that are hits, or null when they cover fewer than MIN_CELL organisations. */
export function pooledRate(facts: readonly (Counted & { hit: boolean })[]): number | null {
  const kept = countable(facts);
  if (kept.length === 0 || orgsOf(kept).size < MIN_CELL) return null;
  return round3(kept.filter((f) => f.hit).length / kept.length);
}

/** A cell of an additive row: its shown value (null: withheld) and the facts it counted. */
export interface Cell {
  value: number | null;
  facts: readonly Counted[];
}

/** A cell for a viewer who knows the attributable facts (see pooledCount). */
export function pooledCell(facts: readonly Counted[]): Cell {
  const kept = countable(facts);
  return { value: suppressedCount(kept), facts: kept };
}

/**
 * Complementary suppression of an additive row against its total: while the total is shown and
 * the withheld cells together cover fewer than MIN_CELL organisations (total − shown cells would
 * isolate them), the smallest shown non-zero cell is withheld too; failing one, the total.
 */
export function protect(cells: readonly Cell[], total: Cell): { cells: (number | null)[]; total: number | null } {
  const values = cells.map((c) => c.value);
  let shownTotal = total.value;
  for (;;) {
    const withheld = cells.filter((_, i) => values[i] === null);
    if (shownTotal === null || withheld.length === 0) break;
    if (orgsOf(withheld.flatMap((c) => c.facts)).size >= MIN_CELL) break;
    let smallest = -1;
    values.forEach((v, i) => {
      if (v !== null && v > 0 && (smallest < 0 || v < (values[smallest] as number))) smallest = i;
    });
    if (smallest < 0) shownTotal = null;
    else values[smallest] = null;
  }
  return { cells: values, total: shownTotal };
}

/** An additive row of pooled cells whose total counts exactly what its cells counted, protected. */
export function pooledRow(cellFacts: readonly (readonly Counted[])[]): {
  cells: (number | null)[];
  total: number | null;
  totalCell: Cell;
} {
  const cells = cellFacts.map(pooledCell);
  const union = [...new Set(cells.flatMap((c) => c.facts))];
  const row = protect(cells, { value: suppressedCount(union), facts: union });
  return { ...row, totalCell: { value: row.total, facts: union } };
}

/** The median of numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The median or null for none, unpooled: for an organisation's own row. */
export function medianOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : round1(median(values));
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Calendar months (YYYY-MM) from `from` to `to` (ISO days), inclusive. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const last = to.slice(0, 7);
  while (d.toISOString().slice(0, 7) <= last) {
    months.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return months;
}

/** Hours between two instants, never negative. */
export function hoursBetween(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / 3_600_000);
}
