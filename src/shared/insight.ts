// The strategic insight report for policy makers, computed from facts that may leave the circle
// of readers: CLEAR/GREEN items the builder may read, and items released for anonymised
// statistics. Nothing is attributed: every cell pools its facts and is withheld under 3
// organisations, and additive rows get complementary suppression.

import { SECTORS } from "./schemas/common.js";
import type { InsightReport, StatTable } from "./schemas/insight.schemas.js";
import { type Cell, type Counted, pooledCount, pooledOrganisations, pooledRow } from "./statistics.js";
import type { TlpLabel } from "./tlp.js";

/** The kinds the report counts as incidents and threats. */
export const INSIGHT_KINDS = ["incident", "threat", "vulnerability", "warning"] as const;

/** One item the report may count (never shown: only counted). */
export interface InsightItem {
  org: string;
  /** The builder may read it with its organisation's name: it pools only with others' when they cover 3 organisations. */
  attributable: boolean;
  kind: string;
  tlp: TlpLabel;
  month: string;
  sectors: readonly string[];
  severity: number | null;
  cascadeAnalysis: boolean;
}

/** One dependency between two services the report may count. */
export interface InsightDependency {
  attributable: boolean;
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

/** A table of pooled counts, each row protected against its total; rows with nothing shown are left out. */
function table<T extends Counted>(
  rows: readonly string[],
  columns: readonly string[],
  facts: readonly T[],
  inRow: (f: T, row: string) => boolean,
  inColumn: (f: T, column: string) => boolean,
): StatTable & { totals: Cell[] } {
  const out: StatTable & { totals: Cell[] } = { rows: [], columns: [...columns], cells: [], rowTotals: [], totals: [] };
  for (const row of rows) {
    const inThisRow = facts.filter((f) => inRow(f, row));
    const r = pooledRow(columns.map((c) => inThisRow.filter((f) => inColumn(f, c))));
    // A row that shows nothing would still say that something exists there.
    if (r.total === null && r.cells.every((c) => c === null || c === 0)) continue;
    out.rows.push(row);
    out.cells.push(r.cells);
    out.rowTotals.push(r.total);
    out.totals.push(r.totalCell);
  }
  return out;
}

const plain = ({ totals: _, ...t }: StatTable & { totals: Cell[] }): StatTable => t;

/** The report: every figure pooled and suppressed, labelled CLEAR only when everything behind it was. */
export function computeInsight(f: InsightFacts): InsightReport {
  const threats = f.items.filter((i) => (INSIGHT_KINDS as readonly string[]).includes(i.kind));
  const sectorsPresent = SECTORS.filter((s) => threats.some((i) => i.sectors.includes(s)));
  const depSectors = [...new Set(f.dependencies.flatMap((d) => [d.providerSector, d.dependentSector]))].sort();
  const counted = [...threats, ...f.items.filter((i) => i.cascadeAnalysis)];
  const labels = [...counted.map((i) => i.tlp), ...f.shownLabels];
  // A month's incidents split by severity are part of its trend row: one row of eight cells
  // (severities 1–5, threats, vulnerabilities, warnings) is protected against the month's total,
  // so neither table minus the other isolates a withheld cell.
  const levels = ["1", "2", "3", "4", "5"];
  const trend: StatTable = { rows: [...f.months], columns: [...INSIGHT_KINDS], cells: [], rowTotals: [] };
  const severity: StatTable = { rows: [...f.months], columns: levels, cells: [], rowTotals: [] };
  for (const m of f.months) {
    const ofMonth = threats.filter((i) => i.month === m);
    const row = pooledRow([
      ...levels.map((l) => ofMonth.filter((i) => i.kind === "incident" && String(i.severity) === l)),
      ...INSIGHT_KINDS.slice(1).map((k) => ofMonth.filter((i) => i.kind === k)),
    ]);
    const bySeverity = row.cells.slice(0, levels.length);
    const incidents = bySeverity.some((c) => c === null) ? null : bySeverity.reduce<number>((n, c) => n + (c ?? 0), 0);
    severity.cells.push(bySeverity);
    severity.rowTotals.push(incidents);
    trend.cells.push([incidents, ...row.cells.slice(levels.length)]);
    trend.rowTotals.push(row.total);
  }
  return {
    from: f.from,
    to: f.to,
    generatedAt: f.generatedAt.toISOString(),
    tlp: labels.every((l) => l === "TLP:CLEAR") ? "TLP:CLEAR" : "TLP:GREEN",
    months: [...f.months],
    bySectorAndKind: plain(
      table(
        sectorsPresent,
        INSIGHT_KINDS,
        threats,
        (i, sector) => i.sectors.includes(sector),
        (i, k) => i.kind === k,
      ),
    ),
    trend,
    severity,
    measures: f.measures,
    cascade: {
      heatMap: plain(
        table(
          depSectors,
          depSectors,
          f.dependencies.map((d) => ({ ...d, org: d.providerOrg, alsoOrg: d.dependentOrg })),
          (d, s) => d.providerSector === s,
          (d, s) => d.dependentSector === s,
        ),
      ),
      analyses: pooledCount(f.items.filter((i) => i.cascadeAnalysis)),
    },
    lessons: f.lessons,
    organisationsCovered: pooledOrganisations(counted),
  };
}
