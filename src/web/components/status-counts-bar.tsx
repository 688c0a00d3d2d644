// A measure's implementation statuses across the applicable organisations as one stacked SVG bar with a legend;
// a count covering fewer than 3 organisations is suppressed by the server (null) and shown as "<3".
import { IMPLEMENTATION_STATUSES, MIN_AGGREGATE_ORGANISATIONS } from "../../shared/schemas/measures.schemas.js";
import type { ImplementationStatus, MeasureAggregate } from "../data/types.js";
import { implementationStatusName } from "../lib/format.js";

/** The colour of each status in every measure chart (text and legend say the status too). */
export const STATUS_COLOURS: Record<ImplementationStatus, string> = {
  "not-started": "#b3261e",
  planned: "#d08c00",
  "in-progress": "#2f6db3",
  implemented: "#1e6b3a",
  "not-applicable": "#8c96a3",
};

const WIDTH = 600;
const HEIGHT = 30;
const SUPPRESSED = `<${MIN_AGGREGATE_ORGANISATIONS}`;

const countText = (count: number | null) => (count === null ? SUPPRESSED : String(count));

/** The stacked bar; `compact` leaves out the sentence under it (lists of measures). */
export function StatusCountsBar({ aggregate, compact = false }: { aggregate: MeasureAggregate; compact?: boolean }) {
  const total = aggregate.applicableOrganisations;
  const known = IMPLEMENTATION_STATUSES.map((status) => ({ status, count: aggregate.byStatus[status] }));
  const shown = known.filter((k): k is { status: ImplementationStatus; count: number } => k.count !== null && k.count > 0);
  const counted = shown.reduce((sum, k) => sum + k.count, 0);
  const rest = Math.max(0, total - counted);
  const suppressed = known.some((k) => k.count === null);
  const scale = total > 0 ? WIDTH / total : 0;

  let x = 0;
  const segments = shown.map((k) => {
    const segment = { ...k, x, width: k.count * scale };
    x += segment.width;
    return segment;
  });
  const description = [
    `${total} applicable organisation${total === 1 ? "" : "s"}`,
    `reported: ${aggregate.reported === null ? `fewer than ${MIN_AGGREGATE_ORGANISATIONS}` : aggregate.reported}`,
    ...known.map(
      (k) => `${implementationStatusName(k.status)}: ${k.count === null ? `fewer than ${MIN_AGGREGATE_ORGANISATIONS}` : k.count}`,
    ),
  ].join("; ");

  return (
    <div className="status-counts" data-testid="status-counts">
      <svg
        className="status-bar"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Implementation status. ${description}.`}
      >
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} className="status-bar-rest" />
        {segments.map((s) => (
          <rect key={s.status} x={s.x} y="0" width={s.width} height={HEIGHT} fill={STATUS_COLOURS[s.status]}>
            <title>{`${implementationStatusName(s.status)}: ${s.count}`}</title>
          </rect>
        ))}
        {rest > 0 && total > 0 && (
          <rect x={x} y="0" width={rest * scale} height={HEIGHT} className="status-bar-unknown">
            <title>{suppressed ? "Not reported, or in a suppressed count" : "Not reported"}</title>
          </rect>
        )}
      </svg>
      <ul className="chart-legend status-legend">
        {known.map((k) => (
          <li key={k.status} className="legend-entry" data-status={k.status}>
            <span className="legend-swatch" style={{ background: STATUS_COLOURS[k.status] }} aria-hidden="true" />
            {implementationStatusName(k.status)} <strong className="legend-count">{countText(k.count)}</strong>
          </li>
        ))}
        {rest > 0 && (
          <li className="legend-entry">
            <span className="legend-swatch status-bar-unknown-swatch" aria-hidden="true" />
            {suppressed ? (
              "Not reported, or in a suppressed count"
            ) : (
              <>
                Not reported <strong className="legend-count">{rest}</strong>
              </>
            )}
          </li>
        )}
      </ul>
      {!compact && (
        <p className="hint">
          {total} applicable organisation{total === 1 ? "" : "s"}, {countText(aggregate.reported)} reported. Counts of fewer than{" "}
          {MIN_AGGREGATE_ORGANISATIONS} organisations are shown as “{SUPPRESSED}” so that no organisation can be singled out.
        </p>
      )}
    </div>
  );
}
