// Horizontal SVG bars of shares (0–1), one row per label, with the value written beside each bar.
import { formatShare } from "../lib/format.js";

/** One bar. */
export interface ShareBar {
  label: string;
  value: number;
  /** Drawn in the accent colour, e.g. a sector perturbed directly. */
  emphasis?: boolean;
}

const W = 620;
const LABEL_W = 180;
const VALUE_W = 56;
const ROW = 28;

/** The bars; `label` names the chart for assistive technology. */
export function ShareBars({ bars, label }: { bars: readonly ShareBar[]; label: string }) {
  const plot = W - LABEL_W - VALUE_W;
  const height = bars.length * ROW + 4;
  return (
    <svg className="share-bars" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={label}>
      {bars.map((bar, i) => {
        const y = i * ROW + 2;
        const value = Math.max(0, Math.min(1, bar.value));
        return (
          <g key={bar.label} data-testid="share-bar">
            <text x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end" className="chart-axis-label chart-row-label">
              {bar.label}
            </text>
            <rect x={LABEL_W} y={y + 4} width={plot} height={ROW - 8} className="share-bar-track" />
            <rect
              x={LABEL_W}
              y={y + 4}
              width={plot * value}
              height={ROW - 8}
              className={bar.emphasis ? "share-bar share-bar-emphasis" : "share-bar"}
            >
              <title>{`${bar.label}: ${formatShare(bar.value)}`}</title>
            </rect>
            <text x={LABEL_W + plot + 6} y={y + ROW / 2 + 4} className="chart-value">
              {value > 0 && value < 0.01 ? "<1%" : formatShare(value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
