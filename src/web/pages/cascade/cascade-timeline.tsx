// A simulation as a Gantt-like SVG timeline: one row per service the viewer may see, from its first impact to its
// restoration, coloured by level; services the viewer may not see are rows of "N services in <sector>".
import type { Sector, SimulationResult } from "../../data/types.js";
import { formatHours, impactName, sectorName } from "../../lib/format.js";

const W = 1000;
const LABEL_W = 260;
const RIGHT = 20;
const ROW = 30;
const TOP = 8;
const AXIS = 26;
const STEPS = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 1440, 2160];

/** The colour of a level: 1 degraded, 2 failed. */
export const LEVEL_COLOURS: Record<number, string> = { 1: "#d08c00", 2: "#b3261e" };

interface Segment {
  from: number;
  to: number;
  level: number;
}

interface TimelineRow {
  key: string;
  label: string;
  detail: string;
  worst: number;
  segments: Segment[];
  open: boolean;
  hidden: boolean;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Level changes of one service (from the timeline; a restoration may step 2 → 1 → 0) as coloured stretches. */
function segmentsOf(
  events: SimulationResult["timeline"],
  horizon: number,
  fallback: Segment,
): { segments: Segment[]; open: boolean } {
  if (events.length === 0) return { segments: [fallback], open: fallback.to >= horizon };
  const sorted = [...events].sort((a, b) => a.atHours - b.atHours);
  const segments: Segment[] = [];
  sorted.forEach((event, i) => {
    const next = sorted[i + 1];
    const end = next ? next.atHours : horizon;
    if (event.level > 0 && end > event.atHours) {
      segments.push({ from: event.atHours, to: end, level: event.level });
    }
  });
  const last = sorted[sorted.length - 1];
  return { segments: segments.length ? segments : [fallback], open: !!last && last.level > 0 };
}

/** The rows: visible services by first impact, then the hidden ones per sector. */
function rowsOf(result: SimulationResult): TimelineRow[] {
  const horizon = result.horizonHours;
  const visible = [...result.services]
    .sort((a, b) => a.firstAtHours - b.firstAtHours || a.name.localeCompare(b.name))
    .map((s): TimelineRow => {
      const fallback = { from: s.firstAtHours, to: s.restoredAtHours ?? horizon, level: s.worst };
      const { segments, open } = segmentsOf(
        result.timeline.filter((e) => e.serviceId === s.id),
        horizon,
        fallback,
      );
      return {
        key: s.id,
        label: s.name,
        detail: `${s.organisation.name} · ${sectorName(s.sector)}${s.commonCause ? " · common cause" : ""}`,
        worst: s.worst,
        segments,
        open: s.restoredAtHours === null || open,
        hidden: false,
      };
    });
  const hidden = result.hidden.map((h): TimelineRow => {
    const count = h.degraded + h.failed;
    const events = result.timeline.filter((e) => e.serviceId === null && e.sector === h.sector);
    const restored = events.filter((e) => e.level === 0);
    const lastRestored = Math.max(h.firstAtHours, ...restored.map((e) => e.atHours));
    const open = restored.length < count;
    return {
      key: `hidden:${h.sector}`,
      label: `${count} service${count === 1 ? "" : "s"} in ${sectorName(h.sector as Sector)}`,
      detail: `Not visible to you: ${h.failed} failed, ${h.degraded} degraded`,
      worst: h.failed > 0 ? 2 : 1,
      segments: [{ from: h.firstAtHours, to: open ? horizon : lastRestored, level: h.failed > 0 ? 2 : 1 }],
      open,
      hidden: true,
    };
  });
  return [...visible, ...hidden];
}

/** The timeline chart with its legend. */
export function CascadeTimeline({ result }: { result: SimulationResult }) {
  const rows = rowsOf(result);
  const horizon = Math.max(1, result.horizonHours);
  // When everything is restored well before the horizon, the axis ends soon after the last restoration.
  const lastEnd = Math.max(0, ...rows.flatMap((r) => r.segments.map((s) => s.to)));
  const open = rows.some((r) => r.open);
  const step = STEPS.find((s) => (open ? horizon : Math.min(horizon, lastEnd * 1.1)) / s <= 8) ?? horizon;
  const span = open ? horizon : Math.min(horizon, Math.max(step, Math.ceil((lastEnd * 1.1) / step) * step));
  const plot = W - LABEL_W - RIGHT;
  const xAt = (hours: number) => LABEL_W + (Math.max(0, Math.min(span, hours)) / span) * plot;
  const ticks = Array.from({ length: Math.floor(span / step) + 1 }, (_, i) => i * step);
  const height = TOP + rows.length * ROW + AXIS;

  return (
    <figure className="chart cascade-timeline">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={`Timeline of the cascade over ${formatHours(span)}: ${rows.length} rows`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={xAt(t)} x2={xAt(t)} y1={TOP} y2={TOP + rows.length * ROW} className="chart-grid" />
            <text x={xAt(t)} y={height - 8} textAnchor="middle" className="chart-axis-label">
              {t === 0 ? "0" : formatHours(t)}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = TOP + i * ROW;
          const last = row.segments[row.segments.length - 1];
          return (
            <g
              key={row.key}
              className={row.hidden ? "timeline-row timeline-row-hidden" : "timeline-row"}
              data-testid="timeline-row"
            >
              <title>{`${row.label} — ${row.detail}`}</title>
              <text
                x={LABEL_W - 8}
                y={y + ROW / 2 + 4}
                textAnchor="end"
                className={row.hidden ? "chart-row-label chart-row-hidden" : "chart-row-label"}
              >
                {clip(row.label, 36)}
              </text>
              {row.segments.map((s) => (
                <rect
                  key={`${s.from}-${s.level}`}
                  x={xAt(s.from)}
                  y={y + 5}
                  width={Math.max(2, xAt(s.to) - xAt(s.from))}
                  height={ROW - 10}
                  rx="3"
                  fill={LEVEL_COLOURS[s.level] ?? LEVEL_COLOURS[2]}
                  className={row.hidden ? "timeline-bar-hidden" : undefined}
                />
              ))}
              {row.open && last && (
                <text x={Math.min(W - RIGHT, xAt(last.to)) - 2} y={y + ROW / 2 + 4} textAnchor="end" className="timeline-open">
                  ▸
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          <li className="legend-entry">
            <span className="legend-swatch" style={{ background: LEVEL_COLOURS[1] }} aria-hidden="true" />
            {impactName(1)}
          </li>
          <li className="legend-entry">
            <span className="legend-swatch" style={{ background: LEVEL_COLOURS[2] }} aria-hidden="true" />
            {impactName(2)}
          </li>
          <li className="legend-entry">
            <span className="legend-swatch timeline-swatch-hidden" aria-hidden="true" />
            Services you cannot see, counted by sector
          </li>
          <li className="legend-entry">▸ not restored within the horizon</li>
          {span < horizon && <li className="legend-entry muted">The axis ends after the last restoration.</li>}
        </ul>
      </figcaption>
    </figure>
  );
}
