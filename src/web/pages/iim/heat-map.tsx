// The IIM coefficient matrix as an SVG heat map: rows are the sectors affected, columns the sectors they depend on.
import type { Sector } from "../../data/types.js";
import { sectorName } from "../../lib/format.js";

const LABEL_W = 176;
const HEAD_H = 118;
const CELL = 50;

/** Mixes the page's light surface with the accent colour by `t` (0–1). */
function shade(t: number): string {
  const from = [244, 247, 251];
  const to = [29, 78, 137];
  const mix = from.map((f, i) => Math.round(f + ((to[i] as number) - f) * Math.max(0, Math.min(1, t))));
  return `rgb(${mix.join(" ")})`;
}

/** The heat map of `coefficients[i][j]` over `sectors`. */
export function HeatMap({ sectors, coefficients }: { sectors: readonly string[]; coefficients: readonly (readonly number[])[] }) {
  const n = sectors.length;
  const max = Math.max(0.0001, ...coefficients.flat());
  const size = n * CELL;
  const names = sectors.map((s) => sectorName(s as Sector));
  return (
    <figure className="chart heat-map">
      <svg
        viewBox={`0 0 ${LABEL_W + size + 8} ${HEAD_H + size + 8}`}
        style={{ maxWidth: `${LABEL_W + size + 8}px` }}
        role="img"
        aria-label={`Interdependency coefficients of ${n} sectors; the strongest is ${max.toFixed(2)}`}
      >
        {names.map((name, j) => (
          <text
            key={`col-${sectors[j]}`}
            transform={`translate(${LABEL_W + j * CELL + CELL / 2 + 4}, ${HEAD_H - 6}) rotate(-50)`}
            className="chart-axis-label"
          >
            {name}
          </text>
        ))}
        {names.map((name, i) => (
          <g key={`row-${sectors[i]}`}>
            <text x={LABEL_W - 8} y={HEAD_H + i * CELL + CELL / 2 + 4} textAnchor="end" className="chart-row-label">
              {name}
            </text>
            {sectors.map((source, j) => {
              const value = coefficients[i]?.[j] ?? 0;
              const t = value / max;
              return (
                <g key={source}>
                  <rect
                    x={LABEL_W + j * CELL}
                    y={HEAD_H + i * CELL}
                    width={CELL - 2}
                    height={CELL - 2}
                    rx="3"
                    fill={shade(t)}
                    className="heat-cell"
                  >
                    <title>{`${name} depends on ${names[j]}: ${value.toFixed(2)}`}</title>
                  </rect>
                  {value > 0 && (
                    <text
                      x={LABEL_W + j * CELL + CELL / 2 - 1}
                      y={HEAD_H + i * CELL + CELL / 2 + 3}
                      textAnchor="middle"
                      className={t > 0.55 ? "heat-value heat-value-dark" : "heat-value"}
                    >
                      {value.toFixed(2)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption className="hint">
        Row: the sector affected; column: the sector it depends on. A coefficient of 0.30 means the row's sector loses 0.3 of its
        operability for each unit of the column's inoperability. Darker is stronger.
      </figcaption>
    </figure>
  );
}
