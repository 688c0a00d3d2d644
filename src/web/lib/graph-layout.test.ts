/// <reference types="node" />
// The layered graph layout: columns, lanes for edges that skip columns, cycles, ports, labels clear of the nodes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Box,
  type GeometryEdge,
  type GraphGeometry,
  graphGeometry,
  layeredLayout,
  overlap,
  type Point,
  pointOnCurve,
} from "./graph-layout.js";

/** Every point of every drawn edge, sampled along its curves. */
function samples(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    for (let t = 0; t <= 1.0001; t += 0.02) out.push(pointOnCurve(points[i - 1] as Point, points[i] as Point, t));
  }
  return out;
}

const inside = (p: Point, b: Box) =>
  p.x > b.x + 0.5 && p.x < b.x + b.width - 0.5 && p.y > b.y + 0.5 && p.y < b.y + b.height - 0.5;

/** Checks what every drawing must hold: edges drawn and clear of every node, nodes apart, labels clear of nodes. */
function assertReadable(g: GraphGeometry, edges: readonly GeometryEdge[], ids: readonly string[]) {
  const boxes = [...g.nodes.values()];
  assert.equal(g.nodes.size, ids.length, "every node is placed");
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) assert.equal(overlap(boxes[i] as Box, boxes[j] as Box), 0, "nodes overlap");
  }
  for (const b of boxes) {
    assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.width <= g.width && b.y + b.height <= g.height, "a node leaves the drawing");
  }
  edges.forEach((e, i) => {
    const geometry = g.edges[i];
    if (e.from === e.to) {
      assert.equal(geometry, null);
      return;
    }
    assert.ok(geometry, `edge ${e.from}→${e.to} is not drawn`);
    assert.ok(geometry.path.startsWith("M "));
    for (const p of samples(geometry.points)) {
      for (const b of boxes) assert.ok(!inside(p, b), `edge ${e.from}→${e.to} runs through a node at ${p.x},${p.y}`);
    }
    // The path ends at the dependent's side: the left one, or the right one for an edge closing a cycle.
    const to = g.nodes.get(e.to) as Box;
    const end = geometry.points[geometry.points.length - 1] as Point;
    assert.ok(Math.abs(end.x - (geometry.reversed ? to.x + to.width : to.x)) <= 2, "the arrow does not reach its node");
    assert.ok(end.y > to.y && end.y < to.y + to.height);
  });
}

describe("layered graph layout", () => {
  // The seeded demo: grid → fibre → core → cards, with core and cards also depending on what the column before
  // them depends on.
  const demo = {
    ids: ["cards", "core", "fibre", "grid"],
    edges: [
      { from: "grid", to: "core", label: "Physical · 4 h" },
      { from: "grid", to: "fibre", label: "Physical · 8 h" },
      { from: "fibre", to: "core", label: "Cyber · 0 h" },
      { from: "core", to: "cards", label: "Cyber · 0 h" },
      { from: "fibre", to: "cards", label: "Geographic · 2 h" },
    ],
  };

  it("puts providers left of what depends on them", () => {
    const { layers, place } = layeredLayout(demo.ids, demo.edges);
    assert.deepEqual(layers, [["grid"], ["fibre"], ["core"], ["cards"]]);
    assert.deepEqual(place.get("core"), { layer: 2, row: 0 });
  });

  it("routes an edge that skips a column past the node in between, never through it", () => {
    const g = graphGeometry(demo.ids, demo.edges);
    assertReadable(g, demo.edges, demo.ids);
    const fibre = g.nodes.get("fibre") as Box;
    const skip = g.edges[0]?.points ?? [];
    assert.equal(skip.length, 4, "grid → core runs through one lane");
    const laneY = (skip[1] as Point).y;
    assert.equal(laneY, (skip[2] as Point).y);
    assert.ok(laneY < fibre.y || laneY > fibre.y + fibre.height, "the lane passes the fibre node");
  });

  it("spreads the arrows into one node and keeps every label clear of nodes and of each other", () => {
    const g = graphGeometry(demo.ids, demo.edges);
    const intoCore = [g.edges[0], g.edges[2]].map((e) => e?.points[e.points.length - 1]?.y);
    assert.notEqual(intoCore[0], intoCore[1]);
    const labels = g.edges.map((e) => e?.label?.box).filter((b): b is Box => !!b);
    assert.equal(labels.length, demo.edges.length);
    for (const [i, a] of labels.entries()) {
      for (const n of g.nodes.values()) assert.equal(overlap(a, n), 0, "a label covers a node");
      for (const b of labels.slice(i + 1)) assert.equal(overlap(a, b), 0, "two labels overlap");
    }
  });

  it("widens the columns for long labels, within bounds", () => {
    const short = graphGeometry(["a", "b"], [{ from: "a", to: "b", label: "1 h" }]);
    const long = graphGeometry(["a", "b"], [{ from: "a", to: "b", label: "Geographic · 2 h" }]);
    const huge = graphGeometry(["a", "b"], [{ from: "a", to: "b", label: "x".repeat(200) }]);
    assert.ok(short.columnGap < long.columnGap);
    assert.ok(huge.columnGap <= 124);
    assert.ok(long.edges[0]?.label && overlap(long.edges[0].label.box, long.nodes.get("b") as Box) === 0);
  });

  it("draws an edge closing a cycle backwards, still clear of the nodes", () => {
    const ids = ["a", "b", "c"];
    const edges = [
      { from: "a", to: "b" },
      { from: "b", to: "c" },
      { from: "c", to: "a", label: "loop" },
    ];
    const g = graphGeometry(ids, edges);
    assertReadable(g, edges, ids);
    assert.deepEqual(
      g.edges.map((e) => e?.reversed),
      [false, false, true],
    );
  });

  it("keeps two edges between the same services apart, also in both directions", () => {
    const ids = ["a", "b"];
    const edges = [
      { from: "a", to: "b", label: "Physical · 1 h" },
      { from: "a", to: "b", label: "Cyber · 0 h" },
      { from: "b", to: "a", label: "Logical · 3 h" },
    ];
    const g = graphGeometry(ids, edges);
    assertReadable(g, edges, ids);
    const ends = g.edges.map((e) => JSON.stringify(e?.points.map((p) => [Math.round(p.x), Math.round(p.y)])));
    assert.equal(new Set(ends).size, 3, "two edges share a path");
  });

  it("puts services without dependencies at the bottom of the first column and ignores unknown ends", () => {
    const ids = ["lonely", "a", "b"];
    const edges = [
      { from: "a", to: "b" },
      { from: "a", to: "gone" },
      { from: "a", to: "a" },
    ];
    const g = graphGeometry(ids, edges);
    assert.deepEqual(g.layers, [["a", "lonely"], ["b"]]);
    assert.equal(g.edges[1], null);
    assert.equal(g.edges[2], null);
    assert.ok((g.nodes.get("lonely") as Box).y > (g.nodes.get("a") as Box).y);
    assert.deepEqual(graphGeometry([], []).nodes.size, 0);
  });

  it("spreads services without dependencies over the shortest columns", () => {
    const { layers } = layeredLayout(
      ["x", "a", "y", "b", "c"],
      [
        { from: "a", to: "b" },
        { from: "b", to: "c" },
      ],
    );
    assert.deepEqual(layers, [["a", "x"], ["b", "y"], ["c"]]);
    // Also when the edges into a column come from many rows (a barycentre beyond the column's length).
    const wide = layeredLayout(
      ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "lonely"],
      [
        { from: "s2", to: "s4" },
        { from: "s0", to: "s1" },
        { from: "s0", to: "s5" },
        { from: "s2", to: "s3" },
        { from: "s2", to: "s6" },
        { from: "s4", to: "s6" },
      ],
    );
    assert.deepEqual(wide.layers[2], ["s6", "lonely"]);
  });

  it("orders columns so that a graph drawable without crossings is drawn without", () => {
    // Two separate chains given in an order that crosses them.
    const ids = ["a1", "b1", "b2", "a2", "a3", "b3"];
    const edges = [
      { from: "a1", to: "a2" },
      { from: "a2", to: "a3" },
      { from: "b1", to: "b2" },
      { from: "b2", to: "b3" },
    ];
    const { place } = layeredLayout(ids, edges);
    const row = (id: string) => place.get(id)?.row;
    assert.equal(row("a1"), row("a2"));
    assert.equal(row("a2"), row("a3"));
    assert.equal(row("b2"), row("b3"));
  });

  it("draws random graphs, cycles included, with every edge clear of every node", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let run = 0; run < 150; run++) {
      const n = 1 + Math.floor(random() * 14);
      const ids = Array.from({ length: n }, (_, i) => `s${i}`);
      const edges = Array.from({ length: Math.floor(random() * n * 2) }, () => ({
        from: ids[Math.floor(random() * n)] as string,
        to: ids[Math.floor(random() * n)] as string,
        label: random() < 0.5 ? "Physical · 4 h" : "2 h",
      }));
      const g = graphGeometry(ids, edges);
      assertReadable(g, edges, ids);
      // Services without edges sit below every service with one in their column.
      const linked = new Set(edges.filter((e) => e.from !== e.to).flatMap((e) => [e.from, e.to]));
      for (const layer of g.layers) {
        const firstLonely = layer.findIndex((id) => !linked.has(id));
        if (firstLonely >= 0)
          assert.ok(
            layer.slice(firstLonely).every((id) => !linked.has(id)),
            layer.join(),
          );
      }
    }
  });
});
