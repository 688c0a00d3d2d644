// A dependency graph drawn as SVG in columns (graphGeometry): providers left, the services depending on them right;
// an edge that skips columns runs in its own lane past the services in between.
import { useId, useMemo } from "react";
import { DEFAULT_SIZES, graphGeometry } from "../lib/graph-layout.js";

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

const SIZES = DEFAULT_SIZES;
const NODE_W = SIZES.nodeWidth;
const NODE_H = SIZES.nodeHeight;

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
  const layout = useMemo(
    () =>
      graphGeometry(
        nodes.map((n) => n.id),
        edges.map((e) => ({ from: e.from, to: e.to, label: e.label })),
        SIZES,
      ),
    [nodes, edges],
  );
  const { width, height } = layout;
  const names = new Map(nodes.map((n) => [n.id, n.label]));
  const tones = [...new Set(nodes.map((n) => n.tone))];
  // Active edges are drawn last, above the others.
  const drawOrder = edges
    .map((edge, index) => ({ edge, index }))
    .sort((a, b) => Number(!!a.edge.active) - Number(!!b.edge.active));
  const described = edges.filter((e) => names.has(e.from) && names.has(e.to));
  const sentence = (e: GraphEdge) =>
    `${names.get(e.to)} depends on ${names.get(e.from)}${e.label ? ` — ${e.label}` : ""}${e.active ? " (cut)" : ""}`;

  return (
    <figure className="graph">
      <div className="graph-scroll">
        <svg
          className="graph-svg"
          role="img"
          aria-label={label}
          aria-describedby={described.length > 0 ? `${base}-desc` : undefined}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          // Shrinks a little to fit a narrow page (keeping its proportions and its text readable), then scrolls.
          style={{ width: "100%", maxWidth: `${width}px`, minWidth: `${Math.round(width * 0.85)}px`, height: "auto" }}
        >
          {described.length > 0 && <desc id={`${base}-desc`}>{`${described.map(sentence).join(". ")}.`}</desc>}
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
          {drawOrder.map(({ edge, index }) => {
            const geometry = layout.edges[index];
            if (!geometry) return null;
            const kind = edge.active ? "active" : "plain";
            return (
              <g key={edge.id} className={`graph-edge graph-edge-${kind}`} data-testid="graph-edge">
                <title>{sentence(edge)}</title>
                <path d={geometry.path} markerEnd={`url(#${base}-arrow-${kind})`} />
              </g>
            );
          })}
          {nodes.map((node) => {
            const p = layout.nodes.get(node.id);
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
          {/* Labels last, on a chip of the background that interrupts the line they sit on; placed clear of nodes. */}
          {drawOrder.map(({ edge, index }) => {
            const at = layout.edges[index]?.label;
            if (!edge.label || !at) return null;
            return (
              <g key={edge.id} className="graph-edge-label-chip">
                <rect
                  x={at.box.x + 1}
                  y={at.box.y + 1}
                  width={at.box.width - 2}
                  height={at.box.height - 2}
                  rx="3"
                  style={{ fill: "var(--surface)", opacity: 0.9 }}
                />
                <text x={at.x} y={at.y} textAnchor="middle" dominantBaseline="central" className="graph-edge-label">
                  {edge.label}
                </text>
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
