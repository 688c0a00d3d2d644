// The Inoperability Input-Output Model on hand-solved systems, and its validation.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type IimInput, solveIim, validateIim } from "./iim.js";

const qs = (input: IimInput) => solveIim(input).inoperability.map((x) => x.q);
const close = (actual: number[], expected: number[]) => {
  assert.equal(actual.length, expected.length);
  for (const [i, a] of actual.entries()) assert.ok(Math.abs(a - expected[i]!) < 1e-12, `q[${i}] = ${a}, expected ${expected[i]}`);
};

describe("IIM: q = (I − A)⁻¹ c*", () => {
  it("2×2: energy perturbed, telecom depends on it", () => {
    // q_e = 0.5 q_t + 0.1 and q_t = 0.2 q_e. So q_e = 0.1 q_e + 0.1, q_e = 0.1 / 0.9 = 1/9, q_t = 0.2/9 = 1/45.
    // Check: det(I − A) = 1·1 − 0.5·0.2 = 0.9; q_e = (1·0.1 + 0.5·0)/0.9, q_t = (0.2·0.1 + 1·0)/0.9.
    const input = {
      sectors: ["energy", "telecom"],
      coefficients: [
        [0, 0.5],
        [0.2, 0],
      ],
      perturbation: { energy: 0.1 },
    };
    assert.equal(validateIim(input), null);
    close(qs(input), [1 / 9, 1 / 45]);
    assert.deepEqual(
      solveIim(input).inoperability.map((x) => x.sector),
      ["energy", "telecom"],
    );
  });

  it("3×3: energy, telecom, finance", () => {
    // q1 = 0.2 q2 + 0.1 q3 + 0.3;  q2 = 0.4 q1 + 0.2 q3;  q3 = 0.5 q2.
    // q3 = 0.5 q2 in q2: q2 = 0.4 q1 + 0.1 q2, so q2 = (0.4/0.9) q1 = (4/9) q1 and q3 = (2/9) q1.
    // In q1: q1 = (0.8/9 + 0.2/9) q1 + 0.3 = q1/9 + 0.3, so q1 = 0.3 · 9/8 = 0.3375, q2 = 0.15, q3 = 0.075.
    // Column sums 0.4, 0.7, 0.3 are all below 1.
    const input = {
      sectors: ["energy", "telecom", "finance"],
      coefficients: [
        [0, 0.2, 0.1],
        [0.4, 0, 0.2],
        [0, 0.5, 0],
      ],
      perturbation: { energy: 0.3 },
    };
    close(qs(input), [0.3375, 0.15, 0.075]);
  });

  it("a perturbation of a sector nothing depends on stays where it is; the others stay at 0", () => {
    // Only energy's column is zero, so a finance perturbation does not spread: q = (0, 0, 0.4).
    const input = {
      sectors: ["energy", "telecom", "finance"],
      coefficients: [
        [0, 0.3, 0.2],
        [0, 0, 0.2],
        [0, 0, 0],
      ],
      perturbation: { energy: 0.4 },
    };
    close(qs(input), [0.4, 0, 0]);
  });

  it("A = 0 gives q = c*", () => {
    const sectors = ["a", "b", "c", "d"];
    const input = {
      sectors,
      coefficients: sectors.map(() => sectors.map(() => 0)),
      perturbation: { a: 0.25, c: 1, d: 0 },
    };
    close(qs(input), [0.25, 0, 1, 0]);
  });

  it("on random valid models, q = A q + c* holds and coupling never lowers inoperability", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            a: fc.array(fc.array(fc.double({ min: 0, max: 0.99 / n, noNaN: true }), { minLength: n, maxLength: n }), {
              minLength: n,
              maxLength: n,
            }),
            c: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          }),
        ),
        ({ n, a, c }) => {
          const sectors = Array.from({ length: n }, (_, i) => `s${i}`);
          const coefficients = a.map((row, i) => row.map((x, j) => (i === j ? 0 : x)));
          const input = { sectors, coefficients, perturbation: Object.fromEntries(sectors.map((s, i) => [s, c[i]!])) };
          assert.equal(validateIim(input), null);
          const q = qs(input);
          for (let i = 0; i < n; i++) {
            const rhs = coefficients[i]!.reduce((sum, x, j) => sum + x * q[j]!, 0) + c[i]!;
            assert.ok(Math.abs(q[i]! - rhs) < 1e-9, `row ${i}: ${q[i]} vs ${rhs}`);
            assert.ok(q[i]! >= c[i]! - 1e-12, "coupling never lowers inoperability");
          }
        },
      ),
    );
  });

  it("reports q above 1 exactly when strong coupling saturates the linear model", () => {
    // q = 0.9 q' + 1 on both sides: q = 1 / 0.1 = 10.
    const input = {
      sectors: ["a", "b"],
      coefficients: [
        [0, 0.9],
        [0.9, 0],
      ],
      perturbation: { a: 1, b: 1 },
    };
    close(qs(input), [10, 10]);
  });
});

describe("IIM validation", () => {
  const ok: IimInput = {
    sectors: ["a", "b"],
    coefficients: [
      [0, 0.5],
      [0.5, 0],
    ],
    perturbation: { a: 0.5 },
  };
  const cases: [string, Partial<IimInput>, RegExp][] = [
    ["no sectors", { sectors: [], coefficients: [] }, /at least one sector/],
    ["a sector twice", { sectors: ["a", "a"] }, /listed twice/],
    ["too few rows", { coefficients: [[0, 0.5]] }, /2 rows/],
    ["a short row", { coefficients: [[0, 0.5], [0.5]] }, /row 2 \(b\) needs 2/],
    [
      "a negative entry",
      {
        coefficients: [
          [0, -0.1],
          [0.5, 0],
        ],
      },
      /A\[a\]\[b\] must be at least 0/,
    ],
    [
      "an entry of 1",
      {
        coefficients: [
          [0, 1],
          [0, 0],
        ],
      },
      /below 1/,
    ],
    [
      "NaN",
      {
        coefficients: [
          [0, Number.NaN],
          [0, 0],
        ],
      },
      /must be at least 0/,
    ],
    [
      "a non-zero diagonal",
      {
        coefficients: [
          [0.1, 0],
          [0, 0],
        ],
      },
      /A\[a\]\[a\] must be 0/,
    ],
    [
      "a column adding up to 1",
      {
        sectors: ["a", "b", "c"],
        coefficients: [
          [0, 0, 0.5],
          [0, 0, 0.5],
          [0, 0, 0],
        ],
        perturbation: {},
      },
      /column c add up to 1/,
    ],
    ["an unknown perturbed sector", { perturbation: { z: 0.1 } }, /unknown sector "z"/],
    ["a perturbation above 1", { perturbation: { a: 1.5 } }, /between 0 and 1/],
    ["a negative perturbation", { perturbation: { b: -0.1 } }, /between 0 and 1/],
  ];
  it("accepts a valid model", () => assert.equal(validateIim(ok), null));
  for (const [name, change, message] of cases) {
    it(`refuses ${name}`, () => {
      const input = { ...ok, ...change };
      assert.match(validateIim(input) ?? "", message);
      assert.throws(() => solveIim(input), RangeError);
    });
  }
  it("a row sum above 1 is fine while the columns stay below 1", () => {
    const input = {
      sectors: ["a", "b", "c"],
      coefficients: [
        [0, 0.6, 0.6],
        [0.3, 0, 0.3],
        [0.3, 0.3, 0],
      ],
      perturbation: { b: 0.2 },
    };
    assert.equal(validateIim(input), null);
  });
});
