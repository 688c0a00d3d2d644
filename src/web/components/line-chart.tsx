// A line chart of shares (0–1) over months as SVG: one line per series, broken where a value is missing (suppressed).
import { SERIES_COLOURS } from "../../shared/charts.js";
import { formatShare } from "../lib/format.js";

/** One line: its name and a value (or null, a gap) per x position. */
export interface LineSeries {
  label: string;
  values: readonly (number | null)[];
}

const W = 560;
const H = 240;
const M = { left: 48, right: 16, top: 12, bottom: 34 };

/** Runs of consecutive non-null values, as [index, value] pairs. */
function runs(values: readonly (number | null)[]): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length) out.push(current);
      current = [];
    } else current.push([index, value]);
  });
  if (current.length) out.push(current);
  return out;
}

/** The chart, its legend and the figures as a table in a disclosure; `gapNote` explains the gaps in the legend. */
export function LineChart({
  label,
  xLabels,
  series,
  gapNote,
}: {
  label: string;
  xLabels: readonly string[];
  series: readonly LineSeries[];
  gapNote: string;
}) {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const step = xLabels.length > 1 ? plotW / (xLabels.length - 1) : 0;
  const xAt = (i: number) => M.left + (xLabels.length > 1 ? i * step : plotW / 2);
  const yAt = (v: number) => M.top + plotH * (1 - Math.max(0, Math.min(1, v)));
  // At most about six month labels fit under the axis.
  const every = Math.max(1, Math.ceil(xLabels.length / 6));

  return (
    <figure className="chart">
      <svg className="line-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={yAt(v)} y2={yAt(v)} className="chart-grid" />
            <text x={M.left - 6} y={yAt(v) + 4} textAnchor="end" className="chart-axis-label">
              {formatShare(v)}
            </text>
          </g>
        ))}
        {xLabels.map((text, i) =>
          i % every === 0 || i === xLabels.length - 1 ? (
            <text key={text} x={xAt(i)} y={H - 12} textAnchor="middle" className="chart-axis-label">
              {text}
            </text>
          ) : null,
        )}
        {series.map((s, index) => {
          const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
          return (
            <g key={s.label} stroke={colour} fill={colour}>
              {runs(s.values).map((run) => (
                <polyline
                  key={run[0]?.[0]}
                  className="chart-line"
                  points={run.map(([i, v]) => `${xAt(i)},${yAt(v)}`).join(" ")}
                />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one point per month, fixed order.
                  <circle key={i} cx={xAt(i)} cy={yAt(v)} r="4">
                    <title>{`${s.label}, ${xLabels[i]}: ${formatShare(v)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s, index) => {
            const empty = s.values.every((v) => v === null);
            return (
              <li key={s.label} className={empty ? "legend-entry muted" : "legend-entry"}>
                <span
                  className="legend-line"
                  style={{ background: SERIES_COLOURS[index % SERIES_COLOURS.length] }}
                  aria-hidden="true"
                />
                {s.label}
                {empty && " (suppressed)"}
              </li>
            );
          })}
        </ul>
        <p className="hint">{gapNote}</p>
      </figcaption>
      <details className="disclosure chart-figures">
        <summary>Show the figures</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Group</th>
                {xLabels.map((text) => (
                  <th key={text} scope="col" className="numeric">
                    {text}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.label}>
                  <th scope="row">{s.label}</th>
                  {s.values.map((v, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one cell per month, fixed order.
                    <td key={i} className="numeric">
                      {v === null ? "—" : formatShare(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
