// The cell rule on the exchanges a reviewer built to break it: each would isolate one organisation's
// hidden or anonymous contribution by counting or subtracting, and must not.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { computeInsight, type InsightItem } from "./insight.js";
import { type Counted, countable, pooledOrganisations, pooledRow, protect, suppressedCount } from "./statistics.js";

const named = (org: string): Counted => ({ org, attributable: true });
const hidden = (org: string): Counted => ({ org, attributable: false });

describe("statistics cell rule", () => {
  it("counts organisations without revealing one more behind a pooled fact", () => {
    // Six named contributors; anonymous items by a, b and d: d has no named item.
    const facts = [..."abcxyz"].map(named).concat(["a", "b", "d"].map(hidden));
    assert.equal(pooledOrganisations(facts), 6, "d is not added: it would be the only new one");
    const threeNew = [..."abc"].map(named).concat(["d", "e", "f"].map(hidden));
    assert.equal(pooledOrganisations(threeNew), 6, "three new organisations pool");
    assert.equal(pooledOrganisations([named("a"), named("b")]), null);
  });

  it("a pooled row's total counts exactly what its cells counted", () => {
    // GREEN: anonymous items of a, b, c (pooled); AMBER: one anonymous item of d (alone: dropped).
    const row = pooledRow([["a", "b", "c"].map(hidden), [hidden("d")]]);
    assert.deepEqual(row.cells, [3, 0]);
    assert.equal(row.total, 3, "the total does not bring back d's item");
  });

  it("withholds more cells until the withheld ones cover three organisations, or the total", () => {
    // Two withheld cells, both from Grid A alone: total − shown would give A's two items.
    const cells = [[], [named("a")], ["b", "c", "d"].map(named), [named("a")]].map((facts) => ({
      value: suppressedCount(countable(facts)),
      facts,
    }));
    const all = cells.flatMap((c) => c.facts);
    const row = protect(cells, { value: suppressedCount(all), facts: all });
    assert.deepEqual(row.cells, [0, null, null, null]);
    assert.equal(row.total, 5, "with b, c and d withheld too, the withheld cells cover four organisations");
  });

  it("never lets a total minus the shown cells isolate fewer than three organisations (property)", () => {
    const org = fc.constantFrom("a", "b", "c", "d", "e");
    const fact = fc.record({ org, attributable: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(fact, { maxLength: 6 }), { minLength: 1, maxLength: 5 }), (cellFacts) => {
        const row = pooledRow(cellFacts);
        if (row.total === null) return;
        const kept = cellFacts.map((f) => countable(f));
        const shown = row.cells.reduce<number>((n, c) => n + (c ?? 0), 0);
        const withheldOrgs = new Set(kept.flatMap((k, i) => (row.cells[i] === null ? k.map((f) => f.org) : [])));
        assert.ok(row.total - shown === 0 || withheldOrgs.size >= 3, JSON.stringify({ cellFacts, row }));
        assert.equal(
          row.total,
          kept.reduce((n, k) => n + k.length, 0),
        );
      }),
    );
  });
});

describe("insight report", () => {
  const base = { month: "2026-10", sectors: ["energy"], severity: null, cascadeAnalysis: false, tlp: "TLP:GREEN" as const };
  const report = (items: InsightItem[]) =>
    computeInsight({
      from: "2026-10-01",
      to: "2026-10-31",
      months: ["2026-10"],
      generatedAt: new Date("2026-11-01T00:00:00Z"),
      items,
      dependencies: [],
      measures: { adopted: 0, rows: [] },
      lessons: [],
      shownLabels: [],
    });

  it("does not add one organisation's released item to what the builder can read by name", () => {
    const items: InsightItem[] = [..."abcxyz"].map((org) => ({ ...base, org, kind: "incident", attributable: true }));
    items.push({ ...base, org: "d", kind: "incident", tlp: "TLP:AMBER", attributable: false });
    const r = report(items);
    assert.equal(r.bySectorAndKind.cells[0]?.[0], 6);
    assert.equal(r.organisationsCovered, 6);
  });

  it("protects the severities against the month's incidents shown in the trend", () => {
    // Incidents by a, b, c (severity 3) and a threat by d alone: the trend withholds both cells
    // and shows 4; the severities must not show 3, or 4 − 3 isolates d's threat.
    const items: InsightItem[] = ["a", "b", "c"].map((org) => ({
      ...base,
      org,
      kind: "incident",
      severity: 3,
      attributable: true,
    }));
    items.push({ ...base, org: "d", kind: "threat", attributable: true });
    const r = report(items);
    assert.deepEqual(r.trend.cells[0], [null, null, 0, 0]);
    assert.equal(r.trend.rowTotals[0], 4);
    assert.ok(
      r.severity.cells[0]?.every((c) => c === null || c === 0),
      JSON.stringify(r.severity),
    );
  });
});
