// A small layered layout for directed graphs (Sugiyama-style): cycles broken, longest-path layers, barycentre ordering.

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

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Lays out `ids` in columns so that edges point rightwards where the graph allows (edges closing a cycle point back).
 * Nodes without incoming edges start the first column; each other node sits one column after its furthest predecessor.
 */
export function layeredLayout(ids: readonly string[], edges: readonly LayoutEdge[]): Layout {
  const known = new Set(ids);
  const valid = edges.filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to);
  const out = new Map<string, string[]>();
  for (const e of valid) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const back = backEdges(ids, out);
  const forward = valid.filter((e) => !back.has(`${e.from}\u0000${e.to}`));

  // Longest-path layering over the acyclic forward edges (Kahn's order).
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of forward) {
    preds.get(e.to)?.push(e.from);
    succs.get(e.from)?.push(e.to);
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

  const count = Math.max(0, ...layerOf.values()) + 1;
  const layers: string[][] = Array.from({ length: ids.length > 0 ? count : 0 }, () => []);
  // Nodes without any edge go to the end of their column, out of the way of the edges.
  const linked = new Set(valid.flatMap((e) => [e.from, e.to]));
  for (const id of [...ids.filter((i) => linked.has(i)), ...ids.filter((i) => !linked.has(i))]) {
    layers[layerOf.get(id) ?? 0]?.push(id);
  }

  // Barycentre sweeps: order each column by the mean row of its neighbours in the previous (then next) column.
  const rowOf = new Map<string, number>();
  const index = () => {
    for (const layer of layers) {
      layer.forEach((id, row) => {
        rowOf.set(id, row);
      });
    }
  };
  index();
  const sortBy = (layer: string[], neighbours: Map<string, string[]>) => {
    const keyed = layer.map((id, row) => ({
      id,
      key: linked.has(id) ? (mean((neighbours.get(id) ?? []).map((n) => rowOf.get(n) ?? 0)) ?? row) : layer.length + row,
    }));
    keyed.sort((a, b) => a.key - b.key);
    layer.splice(0, layer.length, ...keyed.map((k) => k.id));
    layer.forEach((id, row) => {
      rowOf.set(id, row);
    });
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let i = 1; i < layers.length; i++) sortBy(layers[i] as string[], preds);
    for (let i = layers.length - 2; i >= 0; i--) sortBy(layers[i] as string[], succs);
  }
  index();

  const place = new Map<string, { layer: number; row: number }>();
  layers.forEach((layer, column) => {
    for (const id of layer) place.set(id, { layer: column, row: rowOf.get(id) ?? 0 });
  });
  return { layers, place };
}
