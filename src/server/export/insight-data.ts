// The insight report as data: one long CSV (section, row, column, value, withheld) and a STIX 2.1
// bundle — a `report` by the exchange's identity, one `note` per table carrying that table as CSV,
// all under the report's TLP 2.0 marking definition.
import { createHash, randomUUID } from "node:crypto";
import type { InsightReport, StatTable } from "../../shared/schemas/index.js";
import { stixTimestamp, tlpMarkingDefinition } from "../../shared/stix.js";
import { TLP_MARKING_IDS } from "../../shared/tlp.js";
import { toCsv } from "./csv.js";

type Row = readonly unknown[];

function tableRows(section: string, t: StatTable): Row[] {
  const out: Row[] = [];
  t.rows.forEach((row, r) => {
    t.columns.forEach((column, c) => {
      const v = t.cells[r]?.[c] ?? null;
      out.push([section, row, column, v, v === null]);
    });
    const total = t.rowTotals[r] ?? null;
    out.push([section, row, "total", total, total === null]);
  });
  return out;
}

/** Every figure of the report as rows of [section, row, column, value, withheld]. */
export function insightRows(report: InsightReport): Row[] {
  return [
    ["section", "row", "column", "value", "withheld"],
    ["report", "period", "from", report.from, false],
    ["report", "period", "to", report.to, false],
    ["report", "label", "tlp", report.tlp, false],
    ["report", "organisations", "covered", report.organisationsCovered, report.organisationsCovered === null],
    ...tableRows("incidents-and-threats-by-sector", report.bySectorAndKind),
    ...tableRows("trend-by-month", report.trend),
    ...tableRows("incident-severity-by-month", report.severity),
    ["measures", "all", "adopted", report.measures.adopted, report.measures.adopted === null],
    ...report.measures.rows.map((m) => [
      "measures",
      m.title,
      "implemented-share",
      m.implementedShare,
      m.implementedShare === null,
    ]),
    ...tableRows("dependencies-provider-by-dependent-sector", report.cascade.heatMap),
    ["cascade", "all", "analyses", report.cascade.analyses, report.cascade.analyses === null],
    ...report.lessons.map((l) => ["lessons", l.title, "organisation", l.organisation ?? "", false]),
  ];
}

/** The report as one CSV. */
export function insightCsv(report: InsightReport): string {
  return toCsv(insightRows(report));
}

/** A stable UUIDv4-shaped id derived from a name (the exchange's identity keeps its id across exports). */
function stableUuid(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  const variant = ((Number.parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The report as a STIX 2.1 bundle. */
export function insightStixBundle(report: InsightReport, exchange: { name: string; url: string }) {
  const at = stixTimestamp(new Date(report.generatedAt));
  const marking = TLP_MARKING_IDS[report.tlp];
  const identity = {
    type: "identity",
    spec_version: "2.1",
    id: `identity--${stableUuid(`roundtable:${exchange.url}`)}`,
    created: "2020-01-01T00:00:00.000Z",
    modified: "2020-01-01T00:00:00.000Z",
    name: exchange.name,
    identity_class: "organization",
  };
  const reportId = `report--${randomUUID()}`;
  const common = { spec_version: "2.1", created: at, modified: at, created_by_ref: identity.id, object_marking_refs: [marking] };
  const tables: [string, StatTable][] = [
    ["Incidents and threats by sector and kind", report.bySectorAndKind],
    ["Incidents and threats per month", report.trend],
    ["Incidents per month by severity (1–5)", report.severity],
    ["Dependencies from provider sector (rows) to dependent sector (columns)", report.cascade.heatMap],
  ];
  const notes = tables.map(([title, t]) => ({
    type: "note",
    id: `note--${randomUUID()}`,
    ...common,
    abstract: title,
    content: toCsv([["", ...t.columns, "total"], ...t.rows.map((r, i) => [r, ...(t.cells[i] ?? []), t.rowTotals[i]])]),
    object_refs: [reportId],
  }));
  const summary = [
    `Anonymised insight of the exchange for ${report.from} to ${report.to}.`,
    "Counts covering fewer than 3 organisations are withheld (empty cells).",
    report.organisationsCovered === null ? "" : `Organisations covered: ${report.organisationsCovered}.`,
    report.measures.adopted === null ? "" : `Preparedness measures adopted: ${report.measures.adopted}.`,
  ]
    .filter(Boolean)
    .join(" ");
  const stixReport = {
    type: "report",
    id: reportId,
    ...common,
    name: `Strategic insight ${report.from} to ${report.to}`,
    description: summary,
    report_types: ["threat-report"],
    published: at,
    object_refs: notes.map((n) => n.id),
  };
  return {
    type: "bundle",
    id: `bundle--${randomUUID()}`,
    objects: [tlpMarkingDefinition(report.tlp), identity, stixReport, ...notes],
  };
}
