// A dependency graph drawn as SVG in columns (layeredLayout): providers left, the services depending on them right.
import { useId } from "react";
import { layeredLayout } from "../lib/graph-layout.js";

/** How a node is drawn: whose service it is, or what a simulation did to it. */
export type GraphTone = "own" | "other" | "initial" | "degraded" | "failed" | "unaffected" | "hidden";

/** One service (or group of hidden services) in the graph. */
export interface GraphNode {
  id: string;
  label: string;
  /** A second, smaller line (organisation, sector, times). */
  detail?: string;
  tone: GraphTone;
}

/** A dependency: `from` is the provider, `to` the service that needs it (failures travel along the arrow). */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  label?: string;
  /** Drawn stronger, e.g. an input a simulation cut. */
  active?: boolean;
}

const TONE_NAMES: Record<GraphTone, string> = {
  own: "Your organisation's service",
  other: "Another organisation's service",
  initial: "Failed at the start",
  degraded: "Degraded",
  failed: "Failed",
  unaffected: "Not affected",
  hidden: "Services you cannot see (counted by sector)",
};

const NODE_W = 212;
const NODE_H = 46;
const COL_GAP = 76;
const ROW_GAP = 18;
const PAD = 18;
const LOOP_LANE = 14;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The graph with its legend; `label` names the drawing for assistive technology. */
export function ServiceGraph({
  nodes,
  edges,
  label,
}: {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  label: string;
}) {
  const base = useId().replace(/:/g, "");
  const { layers, place } = layeredLayout(
    nodes.map((n) => n.id),
    edges,
  );
  const tallest = Math.max(1, ...layers.map((l) => l.length));
  const height = PAD * 2 + tallest * NODE_H + (tallest - 1) * ROW_GAP;
  const width = PAD * 2 + layers.length * NODE_W + Math.max(0, layers.length - 1) * COL_GAP;
  const position = (id: string) => {
    const p = place.get(id);
    if (!p) return null;
    const column = layers[p.layer]?.length ?? 1;
    const offset = ((tallest - column) * (NODE_H + ROW_GAP)) / 2;
    return { x: PAD + p.layer * (NODE_W + COL_GAP), y: PAD + offset + p.row * (NODE_H + ROW_GAP), layer: p.layer };
  };
  const tones = [...new Set(nodes.map((n) => n.tone))];
  // Edges closing a cycle run in lanes under the nodes and need room there.
  const loopIndex = new Map(
    edges
      .filter((e) => place.has(e.from) && place.has(e.to) && (place.get(e.from)?.layer ?? 0) >= (place.get(e.to)?.layer ?? 0))
      .map((e, i) => [e.id, i]),
  );
  const drawnHeight = height + (loopIndex.size > 0 ? 16 + loopIndex.size * LOOP_LANE : 0);

  return (
    <figure className="graph">
      <div className="graph-scroll">
        <svg
          className="graph-svg"
          role="img"
          aria-label={label}
          width={width}
          height={drawnHeight}
          viewBox={`0 0 ${width} ${drawnHeight}`}
        >
          <defs>
            {(["plain", "active"] as const).map((kind) => (
              <marker
                key={kind}
                id={`${base}-arrow-${kind}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" className={`graph-arrow graph-arrow-${kind}`} />
              </marker>
            ))}
          </defs>
          {edges.map((edge) => {
            const a = position(edge.from);
            const b = position(edge.to);
            if (!a || !b) return null;
            let d: string;
            let mid: { x: number; y: number };
            if (a.layer < b.layer) {
              const [x1, y1, x2, y2] = [a.x + NODE_W, a.y + NODE_H / 2, b.x - 2, b.y + NODE_H / 2];
              const bend = (x2 - x1) / 2;
              d = `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
              mid = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
            } else {
              // Closing a cycle: out of the provider's right side, down a column gap, along under every node, up
              // the gap left of the dependent and into it, so that it never crosses a node.
              const lane = height + 12 + (loopIndex.get(edge.id) ?? 0) * LOOP_LANE;
              const out = a.x + NODE_W + 14;
              const into = b.x - 14;
              const [y1, y2] = [a.y + NODE_H / 2, b.y + NODE_H / 2];
              d = `M ${a.x + NODE_W} ${y1} H ${out} V ${lane} H ${into} V ${y2} H ${b.x - 2}`;
              mid = { x: (out + into) / 2, y: lane };
            }
            const kind = edge.active ? "active" : "plain";
            return (
              <g key={edge.id} className={`graph-edge graph-edge-${kind}`}>
                <path d={d} markerEnd={`url(#${base}-arrow-${kind})`} />
                {edge.label && (
                  <text x={mid.x} y={mid.y - 4} textAnchor="middle" className="graph-edge-label">
                    {edge.label}
                  </text>
                )}
              </g>
            );
          })}
          {nodes.map((node) => {
            const p = position(node.id);
            if (!p) return null;
            return (
              <g key={node.id} className={`graph-node graph-node-${node.tone}`} data-testid="graph-node">
                <title>{node.detail ? `${node.label} — ${node.detail}` : node.label}</title>
                <rect x={p.x} y={p.y} width={NODE_W} height={NODE_H} rx="6" />
                <text x={p.x + 10} y={p.y + (node.detail ? 19 : 28)} className="graph-node-label">
                  {clip(node.label, 25)}
                </text>
                {node.detail && (
                  <text x={p.x + 10} y={p.y + 36} className="graph-node-detail">
                    {clip(node.detail, 34)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="chart-legend">
          {tones.map((tone) => (
            <li key={tone} className="legend-entry">
              <span className={`legend-swatch graph-swatch-${tone}`} aria-hidden="true" />
              {TONE_NAMES[tone]}
            </li>
          ))}
          {edges.length > 0 && (
            <li className="legend-entry">
              <span aria-hidden="true">A → B: </span>B depends on A; a failure travels along the arrow
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
