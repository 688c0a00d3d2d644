// The insight report as a printable HTML page (the same SVG charts as the web page) and as a PDF
// printed by headless Chromium. One print at a time: Chromium is heavy on a small server.
import { chromium } from "playwright-core";
import { escapeXml as esc, heatMapSvg, lineChartSvg, stackedBarsSvg, WITHHELD_MARK, WITHHELD_NOTE } from "../../shared/charts.js";
import { AppError } from "../../shared/errors.js";
import { KINDS } from "../../shared/kinds.js";
import type { InsightReport, StatTable } from "../../shared/schemas/index.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A row or column key as a reader expects it: "Oct 2026", "Incident", "Digital infrastructure". */
function labelOf(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const kind = (KINDS as Record<string, { name: string }>)[key];
  if (kind) return kind.name;
  return key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, " ");
}

/** The same table with readable row and column names. */
function readable(t: StatTable): StatTable {
  return { ...t, rows: t.rows.map(labelOf), columns: t.columns.map(labelOf) };
}

const cell = (v: number | null | undefined) =>
  v === null || v === undefined ? `<span title="${esc(WITHHELD_NOTE)}">${esc(WITHHELD_MARK)}</span>` : String(v);
const share = (v: number | null) => (v === null ? cell(null) : `${Math.round(v * 100)}%`);

function tableHtml(caption: string, t: StatTable): string {
  if (t.rows.length === 0) return `<p class="empty">${esc(caption)}: nothing to show for this period.</p>`;
  const head = `<tr><th></th>${t.columns.map((c) => `<th>${esc(c)}</th>`).join("")}<th>Total</th></tr>`;
  const body = t.rows
    .map(
      (r, i) =>
        `<tr><th>${esc(r)}</th>${t.columns.map((_, j) => `<td>${cell(t.cells[i]?.[j])}</td>`).join("")}<td>${cell(t.rowTotals[i])}</td></tr>`,
    )
    .join("");
  return `<table><caption>${esc(caption)}</caption>${head}${body}</table>`;
}

const column = (t: StatTable, j: number) => t.rows.map((_, i) => t.cells[i]?.[j] ?? null);

/** The report as a self-contained HTML document (no scripts, no external resources). */
export function insightHtml(raw: InsightReport, exchangeName: string): string {
  const label = raw.tlp;
  const report = {
    ...raw,
    months: raw.months.map(labelOf),
    bySectorAndKind: readable(raw.bySectorAndKind),
    trend: readable(raw.trend),
    severity: { ...readable(raw.severity), columns: raw.severity.columns },
    cascade: { ...raw.cascade, heatMap: readable(raw.cascade.heatMap) },
  };
  const trend = lineChartSvg({
    title: "Incidents and threats per month",
    xLabels: report.months,
    series: report.trend.columns.map((c, j) => ({ label: c, values: column(report.trend, j) })),
    unit: "count",
  });
  const severity = stackedBarsSvg({
    title: "Incidents per month by severity",
    xLabels: report.months,
    series: report.severity.columns.map((c, j) => ({ label: `Severity ${c}`, values: column(report.severity, j) })),
  });
  const sectors =
    report.bySectorAndKind.rows.length > 0
      ? heatMapSvg({
          title: "Incidents and threats by sector and kind",
          rows: report.bySectorAndKind.rows,
          columns: report.bySectorAndKind.columns,
          cells: report.bySectorAndKind.cells,
        })
      : "";
  const dependencies =
    report.cascade.heatMap.rows.length > 0
      ? heatMapSvg({
          title: "Dependencies: provider sector (rows) → dependent sector (columns)",
          rows: report.cascade.heatMap.rows,
          columns: report.cascade.heatMap.columns,
          cells: report.cascade.heatMap.cells,
        })
      : "";
  const measures = report.measures.rows.length
    ? `<table><caption>Measures in force</caption><tr><th>Measure</th><th>Adopted</th><th>Applicable organisations</th><th>Implemented</th></tr>${report.measures.rows
        .map(
          (m) =>
            `<tr><th>${esc(m.title)}</th><td>${esc(m.adoptedOn ?? "")}</td><td>${m.applicable}</td><td>${share(m.implementedShare)}</td></tr>`,
        )
        .join("")}</table>`
    : `<p class="empty">No measure in force that may be shown.</p>`;
  const lessons = report.lessons.length
    ? `<ul>${report.lessons.map((l) => `<li><strong>${esc(l.title)}</strong> (${esc(l.sectors.join(", ") || "all sectors")}; ${esc(l.createdAt.slice(0, 10))})${l.organisation ? ` — ${esc(l.organisation)}` : ""}</li>`).join("")}</ul>`
    : `<p class="empty">No lesson shared in this period.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strategic insight ${esc(report.from)} to ${esc(report.to)}</title>
<style>
@page { size: A4; margin: 16mm 14mm; }
body { font-family: system-ui, "Noto Sans", Arial, sans-serif; color: #1c2430; font-size: 11pt; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 18pt 0 6pt; break-after: avoid; }
.tlp { display: inline-block; background: #000; color: ${label === "TLP:CLEAR" ? "#FFFFFF" : "#33FF00"}; font-weight: 700; padding: 2pt 6pt; }
.meta { color: #5a6472; } table { border-collapse: collapse; margin: 6pt 0; break-inside: avoid; font-size: 9.5pt; }
caption { text-align: left; font-weight: 600; padding-bottom: 3pt; } th, td { border: 1px solid #d9dde3; padding: 2pt 5pt; text-align: right; }
th:first-child { text-align: left; } figure { margin: 6pt 0; break-inside: avoid; } svg { max-width: 100%; height: auto; }
.empty { color: #5a6472; font-style: italic; }
</style></head><body>
<p><span class="tlp">${esc(label)}</span></p>
<h1>Strategic insight</h1>
<p class="meta">${esc(exchangeName)} · ${esc(report.from)} to ${esc(report.to)} · generated ${esc(report.generatedAt.slice(0, 16).replace("T", " "))} UTC</p>
<p>Anonymised: only CLEAR and GREEN information and contributions released for statistics are counted; no organisation is named unless it agreed; every figure behind fewer than 3 organisations is withheld (${esc(WITHHELD_MARK)}).
Organisations covered: ${cell(report.organisationsCovered)}.</p>
<h2>Incidents and threats</h2>
<figure>${trend}</figure>
${sectors ? `<figure>${sectors}</figure>` : ""}
${tableHtml("By sector and kind", report.bySectorAndKind)}
<h2>Severity of incidents</h2>
<figure>${severity}</figure>
<h2>Preparedness measures</h2>
<p>Adopted in the period: ${cell(report.measures.adopted)}.</p>
${measures}
<h2>Cascade risks</h2>
<p>Cascade analyses saved in the period: ${cell(report.cascade.analyses)}.</p>
${dependencies ? `<figure>${dependencies}</figure>` : `<p class="empty">No dependency between shareable services.</p>`}
<h2>Lessons learned</h2>
${lessons}
<p class="meta">${esc(label)} — ${esc(label === "TLP:CLEAR" ? "may be shared publicly." : "may be shared within the community, not published.")}</p>
</body></html>`;
}

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
const MAX_WAITING = 4;
const PRINT_TIMEOUT_MS = 30_000;

/** Prints HTML to an A4 PDF with headless Chromium; 503 pdf_unavailable when Chromium cannot start or is busy. */
export async function renderPdf(html: string, chromiumPath: string): Promise<Buffer> {
  if (waiting >= MAX_WAITING) throw new AppError("pdf_unavailable", "Several reports are being printed; try again in a minute.");
  waiting++;
  const run = async () => {
    let browser: Awaited<ReturnType<typeof chromium.launch>>;
    try {
      browser = await chromium.launch({
        executablePath: chromiumPath,
        timeout: PRINT_TIMEOUT_MS,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      });
    } catch {
      throw new AppError(
        "pdf_unavailable",
        `Cannot start Chromium at ${chromiumPath}; set ROUNDTABLE_CHROMIUM or install chromium.`,
      );
    }
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      page.setDefaultTimeout(PRINT_TIMEOUT_MS);
      await page.setContent(html, { waitUntil: "load" });
      return await page.pdf({ format: "A4", printBackground: true });
    } finally {
      await browser.close();
    }
  };
  const next = queue.then(run, run).finally(() => {
    waiting--;
  });
  queue = next.catch(() => undefined);
  return next;
}
