// Small-cell suppression: no count below 3 is shown, and none can be recovered by subtraction.
import assert from "node:assert/strict";
import { it } from "node:test";
import fc from "fast-check";
import { MIN_CELL, suppressRow } from "./suppression.js";

it("withholds counts of 1 and 2, keeps 0 and counts of 3 or more", () => {
  const r = suppressRow({ a: 0, b: 1, c: 2, d: 3, e: 7 }, 13);
  assert.deepEqual(r, { cells: { a: 0, b: null, c: null, d: 3, e: 7 }, total: 13 });
});

it("withholds a second cell when a single withheld one could be recovered from the total", () => {
  const r = suppressRow({ implemented: 4, planned: 1, started: 5 }, 10);
  assert.deepEqual(r, { cells: { implemented: null, planned: null, started: 5 }, total: 10 });
});

it("withholds the total when nothing else can hide a single small cell", () => {
  assert.deepEqual(suppressRow({ implemented: 0, planned: 2 }, 2), { cells: { implemented: 0, planned: null }, total: null });
  assert.deepEqual(suppressRow({ implemented: 0, planned: 1, other: 0 }, 4), {
    cells: { implemented: 0, planned: null, other: 0 },
    total: null,
  });
});

it("never lets a small count be shown or recovered (property)", () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 6 }), (values) => {
      const counts = Object.fromEntries(values.map((v, i) => [`k${i}`, v]));
      const total = values.reduce((a, b) => a + b, 0);
      const { cells, total: shownTotal } = suppressRow(counts, total);
      const shown = Object.values(cells);
      for (const [i, v] of shown.entries()) {
        if (v !== null) assert.equal(v, values[i]);
        if (values[i]! > 0 && values[i]! < MIN_CELL) assert.equal(v, null);
      }
      const withheld = shown.filter((v) => v === null).length;
      if (shownTotal !== null) {
        assert.equal(shownTotal, total);
        // With a shown total, one withheld cell alone would be total − shown: never exactly one.
        assert.notEqual(withheld, 1);
      }
    }),
  );
});
