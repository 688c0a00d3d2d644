// Charts as standalone SVG markup (line, stacked bars, heat map). Pure: no DOM, no Node, no fonts or scripts, so the
// web UI shows these strings inline and the server embeds the very same strings in the HTML it prints to PDF.
// Every text is XML-escaped by construction. A null value is withheld (fewer than 3 organisations behind it): it is
// drawn as withheld ("<3", hatched) or left as a gap, never as zero.

/** Distinct colours for up to ten series (then they repeat; the legend names each one). */
export const SERIES_COLOURS = [
  "#1d4e89",
  "#c05600",
  "#1e6b3a",
  "#8e2c8e",
  "#b3261e",
  "#007c89",
  "#6b5b00",
  "#4a525d",
  "#d6336c",
  "#5c7cfa",
] as const;

/** How a withheld value is shown. */
export const WITHHELD_MARK = "<3";
/** What a withheld value means, for legends and tooltips. */
export const WITHHELD_NOTE = "withheld: fewer than 3 organisations";

/** How the values of a line chart read: shares 0–1 as percentages, hours as durations, or plain counts. */
export type ChartUnit = "share" | "hours" | "count";

/** One named series: a value (or null, withheld) per x position. */
export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
}

const W = 640;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
const TEXT = "#1c2430";
const MUTED = "#5a6472";
const GRID = "#d9dde3";
const TITLE_H = 30;
const LEGEND_ROW = 20;
/** A rough average glyph width as a share of the font size, to lay out labels without measuring text. */
const GLYPH = 0.6;

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 does not allow. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A value as the charts write it: "42%" for shares, "6 h" / "2 d 4 h" for hours, "12" / "1.5" for counts. */
export function formatChartValue(value: number | null, unit: ChartUnit = "count"): string {
  if (value === null || !Number.isFinite(value)) return WITHHELD_MARK;
  if (unit === "share") return `${Math.round(value * 100)}%`;
  if (unit === "hours") {
    if (value < 1) return value === 0 ? "0 h" : `${Math.round(value * 60)} min`;
    if (value < 48) return `${Number.isInteger(value) ? value : value.toFixed(1)} h`;
    const days = Math.floor(value / 24);
    const rest = Math.round(value - days * 24);
    return rest ? `${days} d ${rest} h` : `${days} d`;
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

// ---------- helpers ----------

const round = (n: number) => Math.round(n * 10) / 10;
const known = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** A short, stable id prefix derived from the chart's input, so several charts on one page do not share ids. */
function idFor(kind: string, input: unknown): string {
  const text = JSON.stringify(input);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return `rtc-${kind}-${hash.toString(36)}`;
}

function textWidth(text: string, size: number): number {
  return text.length * size * GLYPH;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface TextOpts {
  anchor?: "start" | "middle" | "end";
  size?: number;
  fill?: string;
  weight?: "bold";
  extra?: string;
}

function text(x: number, y: number, content: string, o: TextOpts = {}): string {
  const attrs = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    o.anchor && o.anchor !== "start" ? `text-anchor="${o.anchor}"` : "",
    `font-size="${o.size ?? 11}"`,
    `fill="${o.fill ?? MUTED}"`,
    o.weight ? `font-weight="${o.weight}"` : "",
    o.extra ?? "",
  ].filter(Boolean);
  return `<text ${attrs.join(" ")}>${escapeXml(content)}</text>`;
}

const tooltip = (content: string) => `<title>${escapeXml(content)}</title>`;

/** The opening tag, accessible name and description, and the hatch pattern every withheld mark uses. */
function open(id: string, height: number, title: string, desc: string, kind: string, defs = ""): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${Math.ceil(height)}" width="100%" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" class="rt-chart rt-${kind}" font-family="${escapeXml(FONT)}">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>` +
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${MUTED}" stroke-width="2"/>` +
    `</pattern>${defs}</defs>` +
    `<rect width="${W}" height="${Math.ceil(height)}" fill="#ffffff"/>` +
    text(0, 18, title, { size: 14, fill: TEXT, weight: "bold" })
  );
}

interface LegendEntry {
  label: string;
  /** A fill or stroke colour, or a url(#…) pattern. */
  paint: string;
  shape: "line" | "box";
  className?: string;
}

/** Legend entries laid out in rows under the plot; returns the markup and the height used. */
function legend(entries: readonly LegendEntry[], top: number): { svg: string; height: number } {
  let x = 0;
  let y = top;
  const parts: string[] = [];
  for (const entry of entries) {
    const label = truncate(entry.label, 90);
    const width = 22 + textWidth(label, 11) + 18;
    if (x > 0 && x + width > W) {
      x = 0;
      y += LEGEND_ROW;
    }
    const swatch =
      entry.shape === "line"
        ? `<line x1="${x}" y1="${y - 4}" x2="${x + 16}" y2="${y - 4}" stroke="${entry.paint}" stroke-width="3"/>`
        : `<rect x="${x + 2}" y="${y - 10}" width="12" height="12" fill="${entry.paint}" stroke="${MUTED}" stroke-width="0.5"/>`;
    const cls = entry.className ? ` class="${entry.className}"` : "";
    parts.push(`<g${cls}>${swatch}${text(x + 22, y, label, { fill: TEXT })}</g>`);
    x += width;
  }
  return { svg: `<g class="rt-legend">${parts.join("")}</g>`, height: entries.length ? y - top + LEGEND_ROW : 0 };
}

/** A "nice" step (1, 2, 2.5 or 5 × 10^k) so that about `count` steps cover `span`. */
function niceStep(span: number, count: number, integer: boolean): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

/** The y axis ticks from 0 (or the lowest value) to a nice maximum covering every known value. */
function yTicks(values: readonly number[], unit: ChartUnit): number[] {
  if (unit === "share") return [0, 0.25, 0.5, 0.75, 1];
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const span = hi - lo || 1;
  // Beyond two days, hours read best in whole days.
  const step = unit === "hours" && span > 48 ? niceStep(span / 24, 4, true) * 24 : niceStep(span, 4, unit === "count");
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = start; v < hi + step - 1e-9 && ticks.length < 12; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks.length < 2) ticks.push(start + step);
  return ticks;
}

interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The y coordinate of a value. */
  y: (v: number) => number;
}

/** Horizontal grid lines with their labels, and x labels under the plot (thinned to what fits). */
function axes(plot: Plot, ticks: readonly number[], unit: ChartUnit, xLabels: readonly string[], xAt: (i: number) => number) {
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${plot.left}" x2="${plot.right}" y1="${round(plot.y(t))}" y2="${round(plot.y(t))}" stroke="${GRID}" stroke-width="1"/>` +
        text(plot.left - 6, plot.y(t) + 4, formatChartValue(t, unit), { anchor: "end" }),
    )
    .join("");
  const longest = Math.max(1, ...xLabels.map((l) => textWidth(truncate(l, 14), 11)));
  const room = xLabels.length > 1 ? (plot.right - plot.left) / (xLabels.length - 1) : W;
  const every = Math.max(1, Math.ceil((longest + 8) / room));
  const xs = xLabels
    .map((label, i) => {
      if (i % every !== 0) return "";
      const shown = truncate(label, 14);
      // Keep the first and last labels inside the chart.
      const half = textWidth(shown, 11) / 2;
      return text(Math.max(half, Math.min(W - half, xAt(i))), plot.bottom + 16, shown, { anchor: "middle" });
    })
    .join("");
  return `<g class="rt-axes">${grid}${xs}</g>`;
}

// ---------- line chart ----------

/** Runs of consecutive known values, as [index, value] pairs: a null breaks the line. */
function runs(values: readonly (number | null)[]): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  values.forEach((value, index) => {
    if (!known(value)) {
      if (current.length) out.push(current);
      current = [];
    } else current.push([index, value]);
  });
  if (current.length) out.push(current);
  return out;
}

/**
 * A line chart: one line per series over `xLabels`, broken (not dropped to zero) where a value is null, with a y axis
 * in the given unit and a legend that explains the gaps (`gapNote` overrides the explanation).
 */
export function lineChartSvg(opts: {
  title: string;
  xLabels: readonly string[];
  series: readonly ChartSeries[];
  unit?: ChartUnit;
  gapNote?: string;
}): string {
  const unit = opts.unit ?? "count";
  const id = idFor("line", opts);
  const values = opts.series.flatMap((s) => s.values.filter(known));
  const ticks = yTicks(values, unit);
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const labelW = Math.max(36, ...ticks.map((t) => textWidth(formatChartValue(t, unit), 11))) + 12;
  const plot: Plot = { left: labelW, right: W - 16, top: TITLE_H + 8, bottom: TITLE_H + 208, y: () => 0 };
  plot.y = (v) => plot.bottom - ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo || 1)) * (plot.bottom - plot.top);
  const n = opts.xLabels.length;
  const xAt = (i: number) => (n > 1 ? plot.left + (i * (plot.right - plot.left)) / (n - 1) : (plot.left + plot.right) / 2);

  const lines = opts.series
    .map((s, si) => {
      const colour = SERIES_COLOURS[si % SERIES_COLOURS.length];
      const paths = runs(s.values)
        .filter((run) => run.length > 1)
        .map(
          (run) =>
            `<polyline class="rt-line" data-series="${si}" fill="none" stroke="${colour}" stroke-width="2.5" ` +
            `stroke-linejoin="round" stroke-linecap="round" points="${run.map(([i, v]) => `${round(xAt(i))},${round(plot.y(v))}`).join(" ")}"/>`,
        )
        .join("");
      const points = s.values
        .map((v, i) =>
          known(v)
            ? `<circle class="rt-point" data-series="${si}" data-index="${i}" cx="${round(xAt(i))}" cy="${round(plot.y(v))}" r="3.5" fill="${colour}">` +
              `${tooltip(`${s.label}, ${opts.xLabels[i] ?? i}: ${formatChartValue(v, unit)}`)}</circle>`
            : "",
        )
        .join("");
      return `<g class="rt-series">${paths}${points}</g>`;
    })
    .join("");

  const gapNote = opts.gapNote ?? `A gap in a line: ${WITHHELD_NOTE}, or nothing to measure that month.`;
  const hasGap = opts.series.some((s) => s.values.some((v) => !known(v)));
  const entries: LegendEntry[] = opts.series.map((s, si) => ({
    label: s.values.some(known) ? s.label : `${s.label} (${WITHHELD_MARK}, withheld)`,
    paint: SERIES_COLOURS[si % SERIES_COLOURS.length] ?? TEXT,
    shape: "line",
  }));
  const key = legend(entries, plot.bottom + 44);
  const noteY = plot.bottom + 44 + key.height;
  const note = hasGap ? text(0, noteY, gapNote, { extra: 'class="rt-gap-note"' }) : "";
  const height = noteY + (hasGap ? 12 : -LEGEND_ROW + 12);
  const desc = opts.series
    .map((s) => `${s.label}: ${s.values.map((v, i) => `${opts.xLabels[i] ?? i} ${formatChartValue(v, unit)}`).join(", ")}`)
    .join("; ");
  return `${open(id, height, opts.title, desc, "line-chart")}${axes(plot, ticks, unit, opts.xLabels, xAt)}${lines}${key.svg}${note}</svg>`;
}

// ---------- stacked bars ----------

/**
 * Stacked bars: one bar per x label, one segment per series. A null segment is never drawn as zero: a bar with any
 * withheld segment gets a hatched cap marked "<3", and the legend explains it.
 */
export function stackedBarsSvg(opts: { title: string; xLabels: readonly string[]; series: readonly ChartSeries[] }): string {
  const id = idFor("bars", opts);
  const n = opts.xLabels.length;
  const totals = opts.xLabels.map((_, i) =>
    opts.series.reduce((sum, s) => sum + Math.max(0, known(s.values[i]) ? s.values[i]! : 0), 0),
  );
  const withheld = opts.xLabels.map((_, i) => opts.series.filter((s) => !known(s.values[i])).map((s) => s.label));
  const ticks = yTicks(totals, "count");
  const hi = ticks[ticks.length - 1] ?? 1;
  const labelW = Math.max(36, ...ticks.map((t) => textWidth(String(t), 11))) + 12;
  const CAP = 12;
  // Room above the highest bar for a cap and its mark.
  const plot: Plot = { left: labelW, right: W - 16, top: TITLE_H + 8 + CAP + 14, bottom: TITLE_H + 230, y: () => 0 };
  plot.y = (v) => plot.bottom - (Math.max(0, Math.min(hi, v)) / hi) * (plot.bottom - plot.top);
  const band = (plot.right - plot.left) / Math.max(1, n);
  const barW = Math.min(48, band * 0.7);
  const xAt = (i: number) => plot.left + band * (i + 0.5);

  const bars = opts.xLabels
    .map((x, i) => {
      let base = 0;
      const segments = opts.series
        .map((s, si) => {
          const v = s.values[i];
          if (!known(v) || v <= 0) return "";
          const y0 = plot.y(base);
          base += v;
          const y1 = plot.y(base);
          return (
            `<rect class="rt-segment" data-series="${si}" data-index="${i}" x="${round(xAt(i) - barW / 2)}" y="${round(y1)}" ` +
            `width="${round(barW)}" height="${round(y0 - y1)}" fill="${SERIES_COLOURS[si % SERIES_COLOURS.length]}">` +
            `${tooltip(`${s.label}, ${x}: ${formatChartValue(v)}`)}</rect>`
          );
        })
        .join("");
      const top = plot.y(base);
      const missing = withheld[i] ?? [];
      const mark = missing.length
        ? `<g class="rt-withheld" data-index="${i}"><rect x="${round(xAt(i) - barW / 2)}" y="${round(top - CAP)}" width="${round(barW)}" ` +
          `height="${CAP}" fill="url(#${id}-hatch)" stroke="${MUTED}" stroke-width="0.75">` +
          `${tooltip(`${x}: ${missing.join(", ")} ${WITHHELD_NOTE}`)}</rect>` +
          `${text(xAt(i), top - CAP - 3, WITHHELD_MARK, { anchor: "middle", size: 10, fill: TEXT })}</g>`
        : base > 0
          ? text(xAt(i), top - 4, formatChartValue(base), { anchor: "middle", size: 10, fill: TEXT, extra: 'class="rt-total"' })
          : "";
      return `<g class="rt-bar" data-index="${i}">${segments}${mark}</g>`;
    })
    .join("");

  const anyWithheld = withheld.some((w) => w.length > 0);
  const entries: LegendEntry[] = opts.series.map((s, si) => ({
    label: s.label,
    paint: SERIES_COLOURS[si % SERIES_COLOURS.length] ?? TEXT,
    shape: "box",
  }));
  if (anyWithheld)
    entries.push({
      label: `${WITHHELD_MARK} ${WITHHELD_NOTE}`,
      paint: `url(#${id}-hatch)`,
      shape: "box",
      className: "rt-withheld-key",
    });
  const key = legend(entries, plot.bottom + 44);
  const height = plot.bottom + 44 + key.height - 4;
  const desc = opts.xLabels
    .map(
      (x, i) =>
        `${x}: ${opts.series.map((s) => `${s.label} ${formatChartValue(known(s.values[i]) ? s.values[i]! : null)}`).join(", ")}`,
    )
    .join("; ");
  return `${open(id, height, opts.title, desc, "stacked-bars")}${axes(plot, ticks, "count", opts.xLabels, xAt)}${bars}${key.svg}</svg>`;
}

// ---------- heat map ----------

const LIGHT = [0xee, 0xf3, 0xfa];
const DARK = [0x1d, 0x4e, 0x89];

/** The fill of a cell: from a light tint (0) to the accent colour (the largest value). */
function heat(t: number): string {
  const c = LIGHT.map((l, k) => Math.round(l + ((DARK[k] ?? l) - l) * Math.max(0, Math.min(1, t))));
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * A heat map: `rows` × `columns` cells coloured by value with the number written in each; a null cell is hatched and
 * marked "<3" (withheld), never coloured as zero. The legend shows the colour scale and explains withheld cells.
 */
export function heatMapSvg(opts: {
  title: string;
  rows: readonly string[];
  columns: readonly string[];
  cells: readonly (readonly (number | null)[])[];
}): string {
  const id = idFor("heat", opts);
  const cell = (r: number, c: number) => opts.cells[r]?.[c] ?? null;
  const values = opts.cells.flatMap((row) => row.filter(known));
  const max = Math.max(0, ...values);
  const rowW = Math.min(200, Math.max(40, ...opts.rows.map((r) => textWidth(truncate(r, 28), 12))) + 10);
  const colLabels = opts.columns.map((c) => truncate(c, 24));
  const longest = Math.max(0, ...colLabels.map((c) => textWidth(c, 11)));
  const columns = Math.max(1, opts.columns.length);
  const wide = Math.max(18, Math.min(80, (W - rowW - 8) / columns));
  const rotate = longest > wide - 6;
  // Labels slanted up and to the right need room beyond the last column.
  const cellW = rotate ? Math.max(18, Math.min(80, (W - rowW - 8 - longest * Math.SQRT1_2) / columns)) : wide;
  const cellH = 26;
  const headH = rotate ? Math.ceil(longest * Math.sin(Math.PI / 4)) + 14 : 22;
  const top = TITLE_H + 6 + headH;
  const xAt = (c: number) => rowW + c * cellW;

  const header = colLabels
    .map((label, c) => {
      const x = xAt(c) + cellW / 2;
      const full = tooltip(opts.columns[c] ?? label);
      return rotate
        ? `<text x="${round(x)}" y="${top - 6}" font-size="11" fill="${TEXT}" transform="rotate(-45 ${round(x)} ${top - 6})">${full}${escapeXml(label)}</text>`
        : `<text x="${round(x)}" y="${top - 8}" text-anchor="middle" font-size="11" fill="${TEXT}">${full}${escapeXml(label)}</text>`;
    })
    .join("");
  const body = opts.rows
    .map((row, r) => {
      const y = top + r * cellH;
      const label = text(rowW - 8, y + cellH / 2 + 4, truncate(row, 28), { anchor: "end", size: 12, fill: TEXT });
      const cells = opts.columns
        .map((column, c) => {
          const v = cell(r, c);
          const x = xAt(c);
          const rect = `x="${round(x + 1)}" y="${y + 1}" width="${round(cellW - 2)}" height="${cellH - 2}"`;
          if (!known(v)) {
            return (
              `<g class="rt-cell rt-withheld" data-row="${r}" data-col="${c}"><rect ${rect} fill="url(#${id}-hatch)" stroke="${MUTED}" stroke-width="0.5">` +
              `${tooltip(`${row} × ${column}: ${WITHHELD_NOTE}`)}</rect>` +
              `<rect x="${round(x + cellW / 2 - 11)}" y="${y + cellH / 2 - 7}" width="22" height="14" rx="3" fill="#ffffff"/>` +
              `${text(x + cellW / 2, y + cellH / 2 + 4, WITHHELD_MARK, { anchor: "middle", size: 11, fill: TEXT, weight: "bold" })}</g>`
            );
          }
          const t = max > 0 ? v / max : 0;
          return (
            `<g class="rt-cell" data-row="${r}" data-col="${c}"><rect ${rect} fill="${heat(t)}">${tooltip(`${row} × ${column}: ${formatChartValue(v)}`)}</rect>` +
            `${text(x + cellW / 2, y + cellH / 2 + 4, formatChartValue(v), { anchor: "middle", size: 11, fill: t > 0.55 ? "#ffffff" : TEXT })}</g>`
          );
        })
        .join("");
      return `<g class="rt-row">${label}${cells}</g>`;
    })
    .join("");

  const scaleY = top + opts.rows.length * cellH + 24;
  const gradient = `<linearGradient id="${id}-scale"><stop offset="0" stop-color="${heat(0)}"/><stop offset="1" stop-color="${heat(1)}"/></linearGradient>`;
  const scale =
    `<g class="rt-legend">${text(0, scaleY, "0", { fill: TEXT })}` +
    `<rect x="14" y="${scaleY - 10}" width="120" height="12" fill="url(#${id}-scale)" stroke="${MUTED}" stroke-width="0.5"/>` +
    `${text(140, scaleY, formatChartValue(max), { fill: TEXT })}</g>`;
  const anyWithheld = opts.rows.some((_, r) => opts.columns.some((_, c) => !known(cell(r, c))));
  const withheldKey = anyWithheld
    ? `<g class="rt-withheld-key"><rect x="200" y="${scaleY - 10}" width="12" height="12" fill="url(#${id}-hatch)" stroke="${MUTED}" stroke-width="0.5"/>` +
      `${text(220, scaleY, `${WITHHELD_MARK} ${WITHHELD_NOTE}`, { fill: TEXT })}</g>`
    : "";
  const desc = opts.rows
    .map((row, r) => `${row}: ${opts.columns.map((column, c) => `${column} ${formatChartValue(cell(r, c))}`).join(", ")}`)
    .join("; ");
  return `${open(id, scaleY + 10, opts.title, desc, "heat-map", gradient)}${header}${body}${scale}${withheldKey}</svg>`;
}
