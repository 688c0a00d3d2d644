// The strategic insight report for policy makers, computed from facts that may leave the circle
// of readers: CLEAR/GREEN items the builder may read, and items released for anonymised
// statistics. Nothing is attributed: every cell pools its facts and is withheld under 3
// organisations, and additive rows get complementary suppression.

import { SECTORS } from "./schemas/common.js";
import type { InsightReport, StatTable } from "./schemas/insight.schemas.js";
import { type Counted, protectRow, suppressedCount, suppressedOrganisations } from "./statistics.js";
import type { TlpLabel } from "./tlp.js";

/** The kinds the report counts as incidents and threats. */
export const INSIGHT_KINDS = ["incident", "threat", "vulnerability", "warning"] as const;

/** One item the report may count (never shown: only counted). */
export interface InsightItem {
  org: string;
  kind: string;
  tlp: TlpLabel;
  month: string;
  sectors: readonly string[];
  severity: number | null;
  cascadeAnalysis: boolean;
}

/** One dependency between two services the report may count. */
export interface InsightDependency {
  providerSector: string;
  dependentSector: string;
  providerOrg: string;
  dependentOrg: string;
}

/** Everything the report is computed from. */
export interface InsightFacts {
  from: string;
  to: string;
  months: readonly string[];
  generatedAt: Date;
  items: readonly InsightItem[];
  dependencies: readonly InsightDependency[];
  measures: InsightReport["measures"];
  lessons: InsightReport["lessons"];
  /** Labels of what is shown by title (measures, lessons). */
  shownLabels: readonly TlpLabel[];
}

const pooled = (org: string, alsoOrg?: string): Counted => ({ org, attributable: false, ...(alsoOrg ? { alsoOrg } : {}) });

/** A table of pooled counts with complementary suppression per row. */
function table<T>(
  rows: readonly string[],
  columns: readonly string[],
  facts: readonly T[],
  inRow: (f: T, row: string) => boolean,
  inColumn: (f: T, column: string) => boolean,
  toCounted: (f: T) => Counted,
): StatTable {
  const cells: (number | null)[][] = [];
  const rowTotals: (number | null)[] = [];
  for (const row of rows) {
    const inThisRow = facts.filter((f) => inRow(f, row));
    const counted = (xs: readonly T[]) => suppressedCount(xs.map(toCounted));
    const protectedRow = protectRow(
      columns.map((c) => counted(inThisRow.filter((f) => inColumn(f, c)))),
      counted(inThisRow.filter((f) => columns.some((c) => inColumn(f, c)))),
    );
    cells.push(protectedRow.cells);
    rowTotals.push(protectedRow.total);
  }
  return { rows: [...rows], columns: [...columns], cells, rowTotals };
}

/** The report: every figure pooled and suppressed, labelled CLEAR only when everything behind it was. */
export function computeInsight(f: InsightFacts): InsightReport {
  const threats = f.items.filter((i) => (INSIGHT_KINDS as readonly string[]).includes(i.kind));
  const asCounted = (i: InsightItem) => pooled(i.org);
  const incidents = threats.filter((i) => i.kind === "incident" && i.severity !== null);
  const sectorsPresent = SECTORS.filter((s) => threats.some((i) => i.sectors.includes(s)));
  const depSectors = [...new Set(f.dependencies.flatMap((d) => [d.providerSector, d.dependentSector]))].sort();
  const counted = [...threats, ...f.items.filter((i) => i.cascadeAnalysis)];
  const labels = [...counted.map((i) => i.tlp), ...f.shownLabels];
  return {
    from: f.from,
    to: f.to,
    generatedAt: f.generatedAt.toISOString(),
    tlp: labels.every((l) => l === "TLP:CLEAR") ? "TLP:CLEAR" : "TLP:GREEN",
    months: [...f.months],
    bySectorAndKind: table(
      sectorsPresent,
      INSIGHT_KINDS,
      threats,
      (i, s) => i.sectors.includes(s),
      (i, k) => i.kind === k,
      asCounted,
    ),
    trend: table(
      f.months,
      INSIGHT_KINDS,
      threats,
      (i, m) => i.month === m,
      (i, k) => i.kind === k,
      asCounted,
    ),
    severity: table(
      f.months,
      ["1", "2", "3", "4", "5"],
      incidents,
      (i, m) => i.month === m,
      (i, s) => String(i.severity) === s,
      asCounted,
    ),
    measures: f.measures,
    cascade: {
      heatMap: table(
        depSectors,
        depSectors,
        f.dependencies,
        (d, s) => d.providerSector === s,
        (d, s) => d.dependentSector === s,
        (d) => pooled(d.providerOrg, d.dependentOrg),
      ),
      analyses: suppressedCount(f.items.filter((i) => i.cascadeAnalysis).map(asCounted)),
    },
    lessons: f.lessons,
    organisationsCovered: suppressedOrganisations(counted.map(asCounted)),
  };
}
