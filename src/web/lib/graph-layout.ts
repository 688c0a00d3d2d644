// A small layered layout for directed graphs (Sugiyama-style): cycles broken by reversing edges, longest-path
// layers, long edges split by virtual nodes, barycentre ordering with crossing counts and adjacent swaps, rows placed
// near their neighbours, edges routed through their virtual nodes, and labels placed where they hit no node or label.

/** An edge of the graph to lay out, from `from` to `to`. */
export interface LayoutEdge {
  from: string;
  to: string;
}

/** Node ids in columns: `layers[i]` holds the nodes of column i, top to bottom. */
export interface Layout {
  layers: string[][];
  /** Each node's column and row. */
  place: Map<string, { layer: number; row: number }>;
}

/** The sizes a drawing is laid out with (SVG user units). */
export interface GraphSizes {
  nodeWidth: number;
  nodeHeight: number;
  /** Vertical space between two nodes of a column. */
  rowGap: number;
  /** Height of the lane an edge takes to pass a column, and the space around it. */
  laneHeight: number;
  laneGap: number;
  /** The narrowest and widest space between two columns; within them it fits the longest edge label. */
  minColumnGap: number;
  maxColumnGap: number;
  padding: number;
  /** Estimated width of one character of an edge label, and the label's height. */
  labelCharWidth: number;
  labelHeight: number;
}

export const DEFAULT_SIZES: GraphSizes = {
  nodeWidth: 212,
  nodeHeight: 46,
  rowGap: 18,
  laneHeight: 14,
  laneGap: 8,
  minColumnGap: 72,
  maxColumnGap: 124,
  padding: 18,
  labelCharWidth: 5.4,
  labelHeight: 13,
};

/** An edge to draw: `label` is placed on it. */
export interface GeometryEdge extends LayoutEdge {
  label?: string | undefined;
}

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How one edge is drawn. */
export interface EdgeGeometry {
  /** SVG path data from the provider to the dependent; its last segment ends horizontally at the dependent's side. */
  path: string;
  /** The points the path runs through, in drawing order (each joined to the next by a horizontal-tangent curve). */
  points: Point[];
  /** Drawn right to left because the edge closes a cycle. */
  reversed: boolean;
  /** Where the label's centre goes (text anchored in the middle, vertically centred), with its estimated box. */
  label: (Point & { box: Box }) | null;
}

/** A whole drawing: node boxes by id, and per input edge its geometry (null for an edge that cannot be drawn). */
export interface GraphGeometry {
  width: number;
  height: number;
  columnGap: number;
  layers: string[][];
  nodes: Map<string, Box & { layer: number; row: number }>;
  edges: (EdgeGeometry | null)[];
}

/** The edges that close a cycle (found by depth-first search from the nodes in their given order). */
function backEdges(ids: readonly string[], out: Map<string, string[]>): Set<string> {
  const state = new Map<string, "open" | "done">();
  const back = new Set<string>();
  for (const start of ids) {
    if (state.has(start)) continue;
    // Iterative DFS: a stack of [node, index of the next successor to visit].
    const stack: [string, number][] = [[start, 0]];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number];
      const [node, index] = top;
      const next = out.get(node)?.[index];
      if (next === undefined) {
        state.set(node, "done");
        stack.pop();
        continue;
      }
      top[1] = index + 1;
      const seen = state.get(next);
      if (seen === "open") back.add(`${node}\u0000${next}`);
      else if (seen === undefined) {
        state.set(next, "open");
        stack.push([next, 0]);
      }
    }
  }
  return back;
}

/** One edge as laid out: left to right through `chain` (its ends and the virtual nodes between). */
interface Routed {
  index: number;
  reversed: boolean;
  chain: string[];
}

/** A graph split into layers, with every edge spanning one layer at a time through virtual nodes. */
interface Layered {
  layers: string[][];
  /** Virtual node ids. */
  virtual: Set<string>;
  /** Real nodes without any edge (kept at the bottom of their column). */
  unlinked: Set<string>;
  routed: Routed[];
  /** Neighbours in the previous and in the next layer, once per edge segment. */
  up: Map<string, string[]>;
  down: Map<string, string[]>;
  layerOf: Map<string, number>;
}

function rank(ids: readonly string[], edges: readonly LayoutEdge[]): Layered {
  const known = new Set(ids);
  const valid = edges.map((e, index) => ({ ...e, index })).filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to);
  const out = new Map<string, string[]>();
  for (const e of valid) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const back = backEdges(ids, out);
  // Edges closing a cycle are laid out reversed, which leaves the graph acyclic.
  const oriented = valid.map((e) => {
    const reversed = back.has(`${e.from}\u0000${e.to}`);
    return { index: e.index, reversed, left: reversed ? e.to : e.from, right: reversed ? e.from : e.to };
  });

  // Longest-path layering (Kahn's order): each node one column after its furthest predecessor.
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of oriented) {
    preds.get(e.right)?.push(e.left);
    succs.get(e.left)?.push(e.right);
  }
  const indegree = new Map(ids.map((id) => [id, preds.get(id)?.length ?? 0]));
  const layerOf = new Map<string, number>(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const next of succs.get(node) ?? []) {
      layerOf.set(next, Math.max(layerOf.get(next) ?? 0, (layerOf.get(node) ?? 0) + 1));
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  // A node nothing points to sits right before the nearest node it points to, not far left with a long edge.
  for (const id of ids) {
    const next = succs.get(id) ?? [];
    if ((preds.get(id) ?? []).length === 0 && next.length > 0) {
      layerOf.set(id, Math.min(...next.map((n) => layerOf.get(n) ?? 0)) - 1);
    }
  }

  const count = ids.length > 0 ? Math.max(0, ...layerOf.values()) + 1 : 0;
  const layers: string[][] = Array.from({ length: count }, () => []);
  const linked = new Set(valid.flatMap((e) => [e.from, e.to]));
  const unlinked = new Set(ids.filter((id) => !linked.has(id)));
  for (const id of ids.filter((i) => linked.has(i))) layers[layerOf.get(id) ?? 0]?.push(id);
  // Nodes without any edge go to the bottom of the shortest column (the leftmost of equals), out of the edges' way.
  for (const id of unlinked) {
    const shortest = layers.reduce((best, layer, i) => (layer.length < (layers[best] as string[]).length ? i : best), 0);
    layerOf.set(id, shortest);
    layers[shortest]?.push(id);
  }

  const virtual = new Set<string>();
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    down.set(a, [...(down.get(a) ?? []), b]);
    up.set(b, [...(up.get(b) ?? []), a]);
  };
  const routed: Routed[] = oriented.map((e) => {
    const chain = [e.left];
    const from = layerOf.get(e.left) ?? 0;
    const to = layerOf.get(e.right) ?? 0;
    for (let layer = from + 1; layer < to; layer++) {
      const id = `\u0001${e.index}:${layer}`;
      virtual.add(id);
      layerOf.set(id, layer);
      layers[layer]?.push(id);
      chain.push(id);
    }
    chain.push(e.right);
    for (let i = 1; i < chain.length; i++) link(chain[i - 1] as string, chain[i] as string);
    return { index: e.index, reversed: e.reversed, chain };
  });
  return { layers, virtual, unlinked, routed, up, down, layerOf };
}

/** Crossings between the segments from layer `upper` to the next one, given each node's row. */
function crossingsBetween(upper: readonly string[], down: Map<string, string[]>, rowOf: Map<string, number>): number {
  const segments: [number, number][] = [];
  for (const a of upper) {
    for (const b of down.get(a) ?? []) segments.push([rowOf.get(a) ?? 0, rowOf.get(b) ?? 0]);
  }
  let crossings = 0;
  for (let i = 0; i < segments.length; i++) {
    const [a1, b1] = segments[i] as [number, number];
    for (let j = i + 1; j < segments.length; j++) {
      const [a2, b2] = segments[j] as [number, number];
      if ((a1 - a2) * (b1 - b2) < 0) crossings++;
    }
  }
  return crossings;
}

/** Orders every layer to keep edge crossings few: barycentre sweeps, the best order kept, then adjacent swaps. */
function order(g: Layered): void {
  const { layers, up, down, unlinked } = g;
  const rowOf = new Map<string, number>();
  const index = (layer: readonly string[]) => {
    layer.forEach((id, row) => {
      rowOf.set(id, row);
    });
  };
  for (const layer of layers) index(layer);
  const total = () => {
    let sum = 0;
    for (let i = 0; i + 1 < layers.length; i++) sum += crossingsBetween(layers[i] as string[], down, rowOf);
    return sum;
  };
  const sortBy = (layer: string[], neighbours: Map<string, string[]>) => {
    const keyed = layer.map((id, row) => {
      const around = neighbours.get(id) ?? [];
      // Nodes without edges stay below the others (a barycentre can exceed this layer's length).
      const key = unlinked.has(id)
        ? Number.MAX_SAFE_INTEGER / 2 + row
        : around.length === 0
          ? row
          : around.reduce((s, n) => s + (rowOf.get(n) ?? 0), 0) / around.length;
      return { id, key };
    });
    keyed.sort((a, b) => a.key - b.key);
    layer.splice(0, layer.length, ...keyed.map((k) => k.id));
    index(layer);
  };

  let best = layers.map((l) => [...l]);
  let fewest = total();
  for (let sweep = 0; sweep < 8 && fewest > 0; sweep++) {
    if (sweep % 2 === 0) for (let i = 1; i < layers.length; i++) sortBy(layers[i] as string[], up);
    else for (let i = layers.length - 2; i >= 0; i--) sortBy(layers[i] as string[], down);
    const now = total();
    if (now < fewest) {
      fewest = now;
      best = layers.map((l) => [...l]);
    }
  }
  layers.forEach((layer, i) => {
    layer.splice(0, layer.length, ...(best[i] as string[]));
    index(layer);
  });

  // Swap neighbours in a column while that removes crossings with the columns either side.
  const around = (i: number) =>
    (i > 0 ? crossingsBetween(layers[i - 1] as string[], down, rowOf) : 0) +
    (i + 1 < layers.length ? crossingsBetween(layers[i] as string[], down, rowOf) : 0);
  const size = layers.reduce((s, l) => s + l.length, 0);
  for (let pass = 0; pass < 6 && fewest > 0 && size <= 400; pass++) {
    let improved = false;
    layers.forEach((layer, i) => {
      for (let r = 0; r + 1 < layer.length; r++) {
        const before = around(i);
        if (before === 0) return;
        const [a, b] = [layer[r] as string, layer[r + 1] as string];
        layer[r] = b;
        layer[r + 1] = a;
        index(layer);
        if (around(i) < before) improved = true;
        else {
          layer[r] = a;
          layer[r + 1] = b;
          index(layer);
        }
      }
    });
    if (!improved) break;
  }
}

/** Weighted least-squares fit of `values` under the constraint that it does not decrease (pool adjacent violators). */
function nonDecreasing(values: readonly number[], weights: readonly number[]): number[] {
  const blocks: { value: number; weight: number; size: number }[] = [];
  values.forEach((value, i) => {
    blocks.push({ value, weight: weights[i] ?? 1, size: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as { value: number; weight: number; size: number };
      const prev = blocks[blocks.length - 2] as { value: number; weight: number; size: number };
      if (prev.value <= last.value) break;
      const weight = prev.weight + last.weight;
      blocks.splice(blocks.length - 2, 2, {
        value: (prev.value * prev.weight + last.value * last.weight) / weight,
        weight,
        size: prev.size + last.size,
      });
    }
  });
  return blocks.flatMap((b) => Array.from({ length: b.size }, () => b.value));
}

/** Vertical centres: each node near the mean of its neighbours, in its column's order, without overlapping. */
function placeRows(g: Layered, sizes: GraphSizes): Map<string, number> {
  const { layers, virtual, up, down } = g;
  const height = (id: string) => (virtual.has(id) ? sizes.laneHeight : sizes.nodeHeight);
  const gap = (a: string, b: string) => (virtual.has(a) || virtual.has(b) ? sizes.laneGap : sizes.rowGap);
  // Minimal distance between the centres of consecutive entries of a layer, accumulated from the top.
  const offsets = layers.map((layer) => {
    const result: number[] = [];
    let at = 0;
    layer.forEach((id, i) => {
      if (i > 0) {
        const prev = layer[i - 1] as string;
        at += height(prev) / 2 + gap(prev, id) + height(id) / 2;
      }
      result.push(at);
    });
    return result;
  });
  const centre = new Map<string, number>();
  const tallest = Math.max(0, ...layers.map((l, i) => (l.length === 0 ? 0 : (offsets[i]?.[l.length - 1] ?? 0))));
  layers.forEach((layer, i) => {
    const span = layer.length === 0 ? 0 : (offsets[i]?.[layer.length - 1] ?? 0);
    layer.forEach((id, r) => {
      centre.set(id, (tallest - span) / 2 + (offsets[i]?.[r] ?? 0));
    });
  });
  // Segments between virtual nodes pull hardest, so that long edges run straight.
  const weight = (a: string, b: string) => (virtual.has(a) && virtual.has(b) ? 8 : virtual.has(a) || virtual.has(b) ? 2 : 1);
  const relax = (i: number) => {
    const layer = layers[i] as string[];
    if (layer.length === 0) return;
    const desired = layer.map((id) => {
      const neighbours = [...(up.get(id) ?? []), ...(down.get(id) ?? [])];
      if (neighbours.length === 0) return centre.get(id) ?? 0;
      let sum = 0;
      let total = 0;
      for (const n of neighbours) {
        const w = weight(id, n);
        sum += w * (centre.get(n) ?? 0);
        total += w;
      }
      return sum / total;
    });
    const offset = offsets[i] as number[];
    const fitted = nonDecreasing(
      desired.map((d, r) => d - (offset[r] ?? 0)),
      layer.map((id) => (virtual.has(id) ? 1 : 2)),
    );
    layer.forEach((id, r) => {
      centre.set(id, (fitted[r] ?? 0) + (offset[r] ?? 0));
    });
  };
  for (let pass = 0; pass < 12; pass++) {
    if (pass % 2 === 0) for (let i = 0; i < layers.length; i++) relax(i);
    else for (let i = layers.length - 1; i >= 0; i--) relax(i);
  }
  return centre;
}

/** The estimated width of an edge label. */
export function labelWidth(text: string, sizes: GraphSizes = DEFAULT_SIZES): number {
  return Math.ceil(text.length * sizes.labelCharWidth) + 8;
}

/** SVG path data through `points`, each pair joined by a curve leaving and arriving horizontally. */
export function curveThrough(points: readonly Point[]): string {
  const first = points[0];
  if (!first) return "";
  let d = `M ${round(first.x)} ${round(first.y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    if (a.y === b.y) d += ` L ${round(b.x)} ${round(b.y)}`;
    else {
      const bend = (b.x - a.x) / 2;
      d += ` C ${round(a.x + bend)} ${round(a.y)}, ${round(b.x - bend)} ${round(b.y)}, ${round(b.x)} ${round(b.y)}`;
    }
  }
  return d;
}

/** The point at `t` (0..1) on the horizontal-tangent curve from `a` to `b`. */
export function pointOnCurve(a: Point, b: Point, t: number): Point {
  const s = 1 - t;
  // Control points sit half way along x at the ends' heights: x is a cubic Bézier over a, m, m, b; y over a, a, b, b.
  const mx = (a.x + b.x) / 2;
  return {
    x: s * s * s * a.x + 3 * s * s * t * mx + 3 * s * t * t * mx + t * t * t * b.x,
    y: s * s * s * a.y + 3 * s * s * t * a.y + 3 * s * t * t * b.y + t * t * t * b.y,
  };
}

/** Room for an arrowhead in front of the node it points to, kept clear of labels. */
const ARROW_ROOM = 12;

const round = (n: number) => Math.round(n * 10) / 10;

/** The area two boxes share. */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Lays out `ids` in columns so that edges point rightwards where the graph allows (edges closing a cycle point back).
 * Nodes without incoming edges sit just before the nodes they point to; each other node one column after its furthest
 * predecessor. Nodes without any edge go to the bottom of the shortest column.
 */
export function layeredLayout(ids: readonly string[], edges: readonly LayoutEdge[]): Layout {
  const g = rank(ids, edges);
  order(g);
  const layers = g.layers.map((layer) => layer.filter((id) => !g.virtual.has(id)));
  const place = new Map<string, { layer: number; row: number }>();
  layers.forEach((layer, column) => {
    layer.forEach((id, row) => {
      place.set(id, { layer: column, row });
    });
  });
  return { layers, place };
}

/**
 * The whole drawing of a graph: node boxes, and for every edge a path that never crosses a node (an edge skipping
 * columns runs through its own lane past the nodes in between), end points spread along each node's side so that
 * arrowheads do not overlap, and a label position clear of nodes and other labels where there is one.
 */
export function graphGeometry(
  ids: readonly string[],
  edges: readonly GeometryEdge[],
  custom: Partial<GraphSizes> = {},
): GraphGeometry {
  const sizes = { ...DEFAULT_SIZES, ...custom };
  const g = rank(ids, edges);
  order(g);
  const centre = placeRows(g, sizes);

  const widest = Math.max(0, ...edges.map((e) => (e.label ? labelWidth(e.label, sizes) : 0)));
  const columnGap = Math.round(Math.min(sizes.maxColumnGap, Math.max(sizes.minColumnGap, widest + ARROW_ROOM + 4)));
  const columnX = (layer: number) => sizes.padding + layer * (sizes.nodeWidth + columnGap);

  // Shift everything so that the highest box starts at the padding.
  const halfHeight = (id: string) => (g.virtual.has(id) ? sizes.laneHeight : sizes.nodeHeight) / 2;
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const [id, c] of centre) {
    top = Math.min(top, c - halfHeight(id));
    bottom = Math.max(bottom, c + halfHeight(id));
  }
  if (!Number.isFinite(top)) [top, bottom] = [0, 0];
  const shift = sizes.padding - top;
  const y = (id: string) => (centre.get(id) ?? 0) + shift;

  const nodes = new Map<string, Box & { layer: number; row: number }>();
  const layers = g.layers.map((layer) => layer.filter((id) => !g.virtual.has(id)));
  layers.forEach((layer, column) => {
    layer.forEach((id, row) => {
      nodes.set(id, {
        x: columnX(column),
        y: y(id) - sizes.nodeHeight / 2,
        width: sizes.nodeWidth,
        height: sizes.nodeHeight,
        layer: column,
        row,
      });
    });
  });

  // Ports: the edges leaving a node's right side (or entering its left side) in the order of the heights they come
  // from or go to, spread evenly along the side.
  const port = new Map<string, number>();
  const spread = (side: "left" | "right") => {
    const bySide = new Map<string, { key: string; towards: number; far: number; index: number }[]>();
    for (const r of g.routed) {
      const [end, next, far] =
        side === "right"
          ? [r.chain[0] as string, r.chain[1] as string, r.chain[r.chain.length - 1] as string]
          : [r.chain[r.chain.length - 1] as string, r.chain[r.chain.length - 2] as string, r.chain[0] as string];
      const list = bySide.get(end) ?? [];
      list.push({ key: `${r.index}:${side}`, towards: y(next), far: y(far), index: r.index });
      bySide.set(end, list);
    }
    for (const [end, list] of bySide) {
      list.sort((a, b) => a.towards - b.towards || a.far - b.far || a.index - b.index);
      const box = nodes.get(end);
      if (!box) continue;
      const step = box.height / (list.length + 1);
      list.forEach((p, i) => {
        port.set(p.key, box.y + step * (i + 1));
      });
    }
  };
  spread("right");
  spread("left");

  const result: (EdgeGeometry | null)[] = edges.map(() => null);
  const candidates: { index: number; options: Point[]; width: number }[] = [];
  for (const r of g.routed) {
    const first = r.chain[0] as string;
    const last = r.chain[r.chain.length - 1] as string;
    const a = nodes.get(first);
    const b = nodes.get(last);
    if (!a || !b) continue;
    const start: Point = { x: a.x + a.width, y: port.get(`${r.index}:right`) ?? a.y + a.height / 2 };
    const end: Point = { x: b.x, y: port.get(`${r.index}:left`) ?? b.y + b.height / 2 };
    const points: Point[] = [start];
    const lanes: [Point, Point][] = [];
    for (const id of r.chain.slice(1, -1)) {
      const x = columnX(g.layerOf.get(id) ?? 0);
      const lane: [Point, Point] = [
        { x, y: y(id) },
        { x: x + sizes.nodeWidth, y: y(id) },
      ];
      lanes.push(lane);
      points.push(...lane);
    }
    points.push(end);
    // The arrowhead's tip sits at the path's end: leave it just outside the node it points to.
    const drawn = r.reversed ? [...points].reverse() : points;
    const tip = drawn[drawn.length - 1] as Point;
    drawn[drawn.length - 1] = { x: tip.x + (r.reversed ? 2 : -2), y: tip.y };
    result[r.index] = { path: curveThrough(drawn), points: drawn, reversed: r.reversed, label: null };

    const text = edges[r.index]?.label;
    if (text) {
      // Preferred places: the middle of a lane past a column (wide and clear), then the middle of each curve between
      // columns, a little above or below it, then further along it.
      const options: Point[] = [];
      const middleFirst = [...lanes].sort(
        (p, q) => Math.abs(lanes.indexOf(p) - (lanes.length - 1) / 2) - Math.abs(lanes.indexOf(q) - (lanes.length - 1) / 2),
      );
      for (const [p, q] of middleFirst) options.push({ x: (p.x + q.x) / 2, y: p.y });
      const curves: [Point, Point][] = [];
      for (let i = 0; i + 1 < points.length; i += 2) curves.push([points[i] as Point, points[i + 1] as Point]);
      for (const [p, q] of curves) {
        const mid = pointOnCurve(p, q, 0.5);
        options.push(mid, { x: mid.x, y: mid.y - sizes.labelHeight * 0.75 }, { x: mid.x, y: mid.y + sizes.labelHeight * 0.75 });
      }
      for (const [p, q] of curves) options.push(pointOnCurve(p, q, 0.35), pointOnCurve(p, q, 0.65));
      candidates.push({ index: r.index, options, width: labelWidth(text, sizes) });
    }
  }

  const width = ids.length === 0 ? sizes.padding * 2 : columnX(layers.length - 1) + sizes.nodeWidth + sizes.padding;
  const height = Math.ceil(bottom - top + sizes.padding * 2);

  // Labels with the fewest places to go first; each takes its first place clear of nodes, labels and the border.
  // A node's box reaches a little further left, over the arrowheads pointing into it.
  const nodeBoxes = [...nodes.values()].map((n) => ({
    x: n.x - ARROW_ROOM,
    y: n.y - 2,
    width: n.width + ARROW_ROOM + 2,
    height: n.height + 4,
  }));
  const taken: Box[] = [];
  candidates.sort((p, q) => p.options.length - q.options.length || p.index - q.index);
  for (const c of candidates) {
    let chosen: { at: Point; box: Box; cost: number } | null = null;
    for (const at of c.options) {
      const box = { x: at.x - c.width / 2, y: at.y - sizes.labelHeight / 2, width: c.width, height: sizes.labelHeight };
      const outside = box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height ? 1 : 0;
      const cost = [...nodeBoxes, ...taken].reduce((s, o) => s + overlap(box, o), 0) + outside * 1000;
      if (!chosen || cost < chosen.cost) chosen = { at, box, cost };
      if (cost === 0) break;
    }
    const geometry = result[c.index];
    if (chosen && geometry) {
      geometry.label = { ...chosen.at, box: chosen.box };
      taken.push(chosen.box);
    }
  }

  return { width, height, columnGap, layers, nodes, edges: result };
}
