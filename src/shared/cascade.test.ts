// The cascade engine on hand-computed graphs; against two independent references straight from the formula
// (random acyclic graphs, and random graphs with cycles whose delays are positive); and its properties on
// random graphs with cycles.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  type CascadeDependency,
  type CascadeInput,
  type CascadeResult,
  DEPENDENCY_TYPES,
  type InitialEvent,
  simulateCascade,
  validateCascadeInput,
} from "./cascade.js";

const service = (id: string, region = "north") => ({ id, sector: "energy", region, organisationId: `org-${id}` });
/** `dependent` needs `provider`: id is provider+dependent, e.g. "AB" for B depending on A. */
const needs = (
  dependent: string,
  provider: string,
  bufferHours: number,
  delayHours: number,
  degradation: "partial" | "total" = "total",
  type: CascadeDependency["type"] = "physical",
): CascadeDependency => ({
  id: `${provider}${dependent}`,
  dependentId: dependent,
  providerId: provider,
  type,
  bufferHours,
  delayHours,
  degradation,
});
const outage = (serviceId: string, startHours: number, durationHours: number, level: 1 | 2 = 2): InitialEvent => ({
  serviceId,
  level,
  startHours,
  durationHours,
});
function run(ids: string, dependencies: CascadeDependency[], initial: InitialEvent[], horizonHours = 100): CascadeResult {
  return simulateCascade({ services: [...ids].map((id) => service(id)), dependencies, initial, horizonHours });
}
/** Changes as "time service level cause via", one string each, for compact exact comparison. */
const timeline = (r: CascadeResult) =>
  r.changes.map((c) => `${c.atHours} ${c.serviceId} ${c.level} ${c.cause}${c.viaDependencyId ? ` ${c.viaDependencyId}` : ""}`);

describe("cascade: hand-computed graphs", () => {
  it("a chain A → B → C: onset after buffer + delay, restoration after the delay alone", () => {
    // A fails at 0 for 10 h. B (buffer 2, delay 1): window [0, 2] all failed, so B fails at 0 + 2 + 1 = 3.
    // C (buffer 1, delay 0.5): B failed over [3, 4], so C fails at 3 + 1 + 0.5 = 4.5.
    // A restored at 10; B at 10 + 1 = 11; C at 11 + 0.5 = 11.5.
    const r = run("ABC", [needs("B", "A", 2, 1), needs("C", "B", 1, 0.5)], [outage("A", 0, 10)]);
    assert.deepEqual(timeline(r), [
      "0 A 2 initial",
      "3 B 2 dependency AB",
      "4.5 C 2 dependency BC",
      "10 A 0 restored",
      "11 B 0 restored AB",
      "11.5 C 0 restored BC",
    ]);
    assert.deepEqual(r.impacted, [
      { serviceId: "A", worst: 2, firstAtHours: 0, restoredAtHours: 10 },
      { serviceId: "B", worst: 2, firstAtHours: 3, restoredAtHours: 11 },
      { serviceId: "C", worst: 2, firstAtHours: 4.5, restoredAtHours: 11.5 },
    ]);
    assert.deepEqual(r.unrestoredAtHorizon, []);
  });

  it("fan-out: one provider, dependents with different buffers, delays and degradations", () => {
    // P fails over [0, 6).
    // X (buffer 0, delay 0, total): fails at 0 and is restored at 6, the same instants as P.
    // Y (buffer 4, delay 1, partial): degraded at 4 + 1 = 5, restored at 6 + 1 = 7.
    // Z (buffer 6, delay 0): the buffer covers the whole outage (P is back exactly at 0 + 6): nothing.
    // W (buffer 2, delay 3, total): fails at 2 + 3 = 5, restored at 6 + 3 = 9.
    const r = run(
      "PXYZW",
      [needs("X", "P", 0, 0), needs("Y", "P", 4, 1, "partial"), needs("Z", "P", 6, 0), needs("W", "P", 2, 3)],
      [outage("P", 0, 6)],
    );
    assert.deepEqual(timeline(r), [
      "0 P 2 initial",
      "0 X 2 dependency PX",
      "5 Y 1 dependency PY",
      "5 W 2 dependency PW",
      "6 P 0 restored",
      "6 X 0 restored PX",
      "7 Y 0 restored PY",
      "9 W 0 restored PW",
    ]);
    assert.deepEqual(
      r.impacted.map((i) => [i.serviceId, i.worst]),
      [
        ["P", 2],
        ["X", 2],
        ["Y", 1],
        ["W", 2],
      ],
    );
  });

  it("a buffer absorbs a shorter outage, and one exactly as long; a shorter buffer does not", () => {
    // P fails over [0, 3).
    const longer = run("PS", [needs("S", "P", 5, 1)], [outage("P", 0, 3)]);
    assert.deepEqual(timeline(longer), ["0 P 2 initial", "3 P 0 restored"]);
    // Buffer 3 = outage: the window [0, 3] contains P's restoration at 3, with or without delay.
    for (const delay of [0, 2]) {
      const equal = run("PS", [needs("S", "P", 3, delay)], [outage("P", 0, 3)]);
      assert.deepEqual(timeline(equal), ["0 P 2 initial", "3 P 0 restored"], `delay ${delay}`);
    }
    // Buffer 2.5, delay 2: P failed over all of [0, 2.5], so S fails at 4.5 and is restored at 3 + 2 = 5.
    const shorter = run("PS", [needs("S", "P", 2.5, 2)], [outage("P", 0, 3)]);
    assert.deepEqual(timeline(shorter), ["0 P 2 initial", "3 P 0 restored", "4.5 S 2 dependency PS", "5 S 0 restored PS"]);
  });

  it("partial degrades, total passes the provider's level on", () => {
    // P fails (2) and Q is degraded (1) over [0, 10); all dependencies have buffer 0 and delay 1.
    const r = run(
      "PQabc",
      [needs("a", "P", 0, 1, "partial"), needs("b", "P", 0, 1, "total"), needs("c", "Q", 0, 1, "total")],
      [outage("P", 0, 10), outage("Q", 0, 10, 1)],
    );
    assert.deepEqual(timeline(r), [
      "0 P 2 initial",
      "0 Q 1 initial",
      "1 a 1 dependency Pa",
      "1 b 2 dependency Pb",
      "1 c 1 dependency Qc",
      "10 P 0 restored",
      "10 Q 0 restored",
      "11 a 0 restored Pa",
      "11 b 0 restored Pb",
      "11 c 0 restored Qc",
    ]);
  });

  it("restoration propagates back step by step along a chain", () => {
    // P: failed over [0, 4) and degraded over [0, 8): 2 at 0, 1 at 4, 0 at 8.
    // S needs P (buffer 1, delay 1, total): window [0, 1] failed, so 2 at 2; P down to 1 at 4, so S down to
    // min(2, 1) = 1 at 5; P back at 8, S back at 9.
    // T needs S (buffer 0, delay 0.5, partial): 1 at 2.5; S's step from 2 to 1 changes nothing for a partial
    // input; S back at 9, T back at 9.5.
    const r = run("PST", [needs("S", "P", 1, 1), needs("T", "S", 0, 0.5, "partial")], [outage("P", 0, 4), outage("P", 0, 8, 1)]);
    assert.deepEqual(timeline(r), [
      "0 P 2 initial",
      "2 S 2 dependency PS",
      "2.5 T 1 dependency ST",
      "4 P 1 restored",
      "5 S 1 restored PS",
      "8 P 0 restored",
      "9 S 0 restored PS",
      "9.5 T 0 restored ST",
    ]);
  });

  it("a 2-cycle whose buffers cannot ride out the outage stays down", () => {
    // A fails over [0, 5). B needs A (buffer 1, delay 1): fails at 2. A needs B (buffer 1, delay 1): the
    // input is lost at 2 + 1 + 1 = 4, before A's own outage ends at 5, so A stays failed, and so does B.
    const r = run("AB", [needs("B", "A", 1, 1), needs("A", "B", 1, 1)], [outage("A", 0, 5)]);
    assert.deepEqual(timeline(r), ["0 A 2 initial", "2 B 2 dependency AB"]);
    assert.deepEqual(r.unrestoredAtHorizon, ["A", "B"]);
    assert.deepEqual(
      r.impacted.map((i) => i.restoredAtHours),
      [null, null],
    );
  });

  it("a 2-cycle whose buffer rides it out recovers", () => {
    // As above, but A's buffer on B is 10: the check at 2 + 10 + 1 = 13 over [2, 12] finds B restored at 6.
    const r = run("AB", [needs("B", "A", 1, 1), needs("A", "B", 10, 1)], [outage("A", 0, 5)]);
    assert.deepEqual(timeline(r), ["0 A 2 initial", "2 B 2 dependency AB", "5 A 0 restored", "6 B 0 restored AB"]);
    assert.deepEqual(r.unrestoredAtHorizon, []);
  });

  it("a zero-delay, zero-buffer 2-cycle fails at once and stays down", () => {
    const r = run("AB", [needs("B", "A", 0, 0), needs("A", "B", 0, 0)], [outage("A", 0, 5)]);
    assert.deepEqual(timeline(r), ["0 A 2 initial", "0 B 2 dependency AB"]);
    assert.deepEqual(r.unrestoredAtHorizon, ["A", "B"]);
  });

  it("a cycle with delays longer than its buffers relapses and dies out", () => {
    // A fails over [0, 5); both directions buffer 1, delay 2.
    // 3: B fails (A failed over [0, 1]).           5: A's own outage ends.
    // 6: A fails again (B failed over [3, 4]).      7: B restored (A's restoration at 5, + 2).
    // 9: A's input from B: B restored at 7, in [6, 7], so A is restored; B's input from A: A failed over
    //    [6, 7], so B fails. Both at the same instant.
    // 11: B restored (A's restoration at 9).        12: A fails (B failed over [9, 10]).
    // 13: A restored (B's restoration at 11).       15: B's check over [12, 13] sees A restored at 13: nothing.
    const r = run("AB", [needs("B", "A", 1, 2), needs("A", "B", 1, 2)], [outage("A", 0, 5)]);
    assert.deepEqual(timeline(r), [
      "0 A 2 initial",
      "3 B 2 dependency AB",
      "5 A 0 restored",
      "6 A 2 dependency BA",
      "7 B 0 restored AB",
      "9 A 0 restored BA",
      "9 B 2 dependency AB",
      "11 B 0 restored AB",
      "12 A 2 dependency BA",
      "13 A 0 restored BA",
    ]);
    assert.deepEqual(r.unrestoredAtHorizon, []);
  });

  it("an outage shorter than a bufferless loop's delay circles the loop until the horizon", () => {
    // A fails over [0, 1); A and B need each other with buffer 0 and delay 1: the one-hour outage travels
    // A → B → A…, each service down one hour in two.
    const r = run("AB", [needs("B", "A", 0, 1), needs("A", "B", 0, 1)], [outage("A", 0, 1)], 4);
    assert.deepEqual(timeline(r), [
      "0 A 2 initial",
      "1 A 0 restored",
      "1 B 2 dependency AB",
      "2 B 0 restored AB",
      "2 A 2 dependency BA",
      "3 A 0 restored BA",
      "3 B 2 dependency AB",
      "4 B 0 restored AB",
      "4 A 2 dependency BA",
    ]);
  });

  it("gives up with a RangeError when a loop with tiny delays would need billions of events", () => {
    // As above with delays of a microhour: 10 h would take 10 million laps.
    assert.throws(
      () => run("AB", [needs("B", "A", 0, 1e-6), needs("A", "B", 0, 1e-6)], [outage("A", 0, 1e-6)], 10),
      (e: unknown) => e instanceof RangeError && /too many events/.test(e.message),
    );
  });

  it("multiple initial events: overlapping on one service, back to back without a blink, on several services", () => {
    // P degraded over [0, 8) and failed over [2, 4); Q failed over [1, 3) and [3, 6): one outage [1, 6).
    // R needs Q (buffer 0, delay 0) and follows it exactly; U needs Q (buffer 1, delay 0): fails at 2 and is
    // restored with Q at 6, without a blink at 3.
    const r = run(
      "PQRU",
      [needs("R", "Q", 0, 0), needs("U", "Q", 1, 0)],
      [outage("P", 0, 8, 1), outage("P", 2, 2), outage("Q", 1, 2), outage("Q", 3, 3)],
    );
    assert.deepEqual(timeline(r), [
      "0 P 1 initial",
      "1 Q 2 initial",
      "1 R 2 dependency QR",
      "2 P 2 initial",
      "2 U 2 dependency QU",
      "4 P 1 restored",
      "6 Q 0 restored",
      "6 R 0 restored QR",
      "6 U 0 restored QU",
      "8 P 0 restored",
    ]);
  });

  it("an input that drops while another rises at the same instant does not make a blink", () => {
    // S needs X and M, M needs Y, all with buffer 0 and delay 0; U needs S (buffer 1, delay 0).
    // X fails over [0, 5), Y over [5, 10): at 5, S loses X's input and gains M's, so S stays failed and U,
    // whose buffer would otherwise start again, stays failed too.
    const r = run(
      "XYMSU",
      [needs("S", "X", 0, 0), needs("S", "M", 0, 0), needs("M", "Y", 0, 0), needs("U", "S", 1, 0)],
      [outage("X", 0, 5), outage("Y", 5, 5)],
    );
    assert.deepEqual(timeline(r), [
      "0 X 2 initial",
      "0 S 2 dependency XS",
      "1 U 2 dependency SU",
      "5 X 0 restored",
      "5 Y 2 initial",
      "5 M 2 dependency YM",
      "10 Y 0 restored",
      "10 M 0 restored YM",
      "10 S 0 restored MS",
      "10 U 0 restored SU",
    ]);
  });

  it("a zero-length event does nothing; an event at the horizon counts", () => {
    assert.deepEqual(timeline(run("PS", [needs("S", "P", 0, 0)], [outage("P", 1, 0)])), []);
    const r = run("PS", [needs("S", "P", 0, 0)], [outage("P", 10, 5)], 10);
    assert.deepEqual(timeline(r), ["10 P 2 initial", "10 S 2 dependency PS"]);
    assert.deepEqual(r.unrestoredAtHorizon, ["P", "S"]);
  });

  it("the horizon cuts the simulation off: a change at the horizon counts, later ones are dropped", () => {
    const chain = [needs("B", "A", 2, 1), needs("C", "B", 1, 0.5)];
    const at3 = run("ABC", chain, [outage("A", 0, 10)], 3);
    assert.deepEqual(timeline(at3), ["0 A 2 initial", "3 B 2 dependency AB"]);
    assert.deepEqual(at3.unrestoredAtHorizon, ["A", "B"]);
    assert.deepEqual(
      at3.impacted.map((i) => i.restoredAtHours),
      [null, null],
    );
    const at45 = run("ABC", chain, [outage("A", 0, 10)], 4.5);
    assert.deepEqual(at45.unrestoredAtHorizon, ["A", "B", "C"]);
    const at11 = run("ABC", chain, [outage("A", 0, 10)], 11);
    assert.deepEqual(at11.unrestoredAtHorizon, ["C"]);
  });

  it("common cause: same region as an initially affected service and a geographic dependency, either way", () => {
    const services = [
      service("A", "north"),
      service("B", "north"),
      service("C", "south"),
      service("D", "north"),
      service("E", "north"),
      service("F", "north"),
    ];
    const r = simulateCascade({
      services,
      dependencies: [
        needs("B", "A", 0, 0, "total", "geographic"), // B needs A, co-located: common cause
        needs("C", "A", 0, 0, "total", "geographic"), // another region: no
        needs("D", "A", 0, 0, "total", "physical"), // co-located but not geographic: no
        needs("A", "E", 0, 0, "total", "geographic"), // A needs E, co-located: common cause
        needs("F", "E", 0, 0, "total", "geographic"), // neither end initially affected: no
      ],
      initial: [outage("A", 0, 1)],
      horizonHours: 10,
    });
    assert.deepEqual(r.commonCause, ["B", "E"]);
  });
});

describe("cascade: validation", () => {
  const ok: CascadeInput = {
    services: [service("A"), service("B")],
    dependencies: [needs("B", "A", 1, 1)],
    initial: [outage("A", 0, 5)],
    horizonHours: 24,
  };
  const dep = (change: Partial<CascadeDependency>) => ({ dependencies: [{ ...needs("B", "A", 1, 1), ...change }] });
  const cases: [string, Partial<CascadeInput>, RegExp][] = [
    ["a horizon of 0", { horizonHours: 0 }, /horizonHours must be more than 0/],
    ["a horizon beyond a year", { horizonHours: 8761 }, /at most 8760/],
    ["a NaN horizon", { horizonHours: Number.NaN }, /horizonHours/],
    ["a service listed twice", { services: [service("A"), service("A")] }, /service "A" is listed twice/],
    ["a service without id", { services: [service("")] }, /non-empty id/],
    ["a dependency listed twice", { dependencies: [needs("B", "A", 1, 1), needs("B", "A", 2, 2)] }, /"AB" is listed twice/],
    ["an unknown provider", dep({ providerId: "Z" }), /unknown provider service "Z"/],
    ["an unknown dependent", dep({ dependentId: "Z" }), /unknown dependent service "Z"/],
    ["a self-dependency", dep({ providerId: "B" }), /cannot depend on itself/],
    ["a negative buffer", dep({ bufferHours: -1 }), /bufferHours must be a finite number >= 0/],
    ["an infinite buffer", dep({ bufferHours: Number.POSITIVE_INFINITY }), /bufferHours/],
    ["a negative delay", dep({ delayHours: -0.5 }), /delayHours must be a finite number >= 0/],
    ["an unknown type", dep({ type: "emotional" as never }), /type must be one of physical, cyber, geographic, logical/],
    ["an unknown degradation", dep({ degradation: "some" as never }), /degradation must be "partial" or "total"/],
    ["an initial event on an unknown service", { initial: [outage("Z", 0, 1)] }, /unknown service "Z"/],
    ["an initial level of 3", { initial: [{ ...outage("A", 0, 1), level: 3 as never }] }, /level must be 1/],
    ["a negative start", { initial: [outage("A", -1, 1)] }, /startHours must be/],
    ["a start after the horizon", { initial: [outage("A", 25, 1)] }, /after the horizon/],
    ["a negative duration", { initial: [outage("A", 0, -1)] }, /durationHours must be/],
    ["an infinite duration", { initial: [outage("A", 0, Number.POSITIVE_INFINITY)] }, /durationHours must be/],
  ];
  it("accepts a valid input", () => assert.equal(validateCascadeInput(ok), null));
  for (const [name, change, message] of cases) {
    it(`refuses ${name}; simulateCascade throws the same problem`, () => {
      const input = { ...ok, ...change };
      const problem = validateCascadeInput(input);
      assert.match(problem ?? "", message);
      assert.throws(
        () => simulateCascade(input),
        (e: unknown) => e instanceof RangeError && e.message === problem,
      );
    });
  }
});

// ---- Random graphs ------------------------------------------------------------------------------------------------

/** Half hours keep every sum exact; zero buffers and delays come often, to exercise same-instant settling. */
const hours = (max: number) =>
  fc.oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 2 * max }).map((k) => k / 2), weight: 3 },
  );

interface Spec {
  n: number;
  deps: { a: number; b: number; type: CascadeDependency["type"]; buffer: number; delay: number; total: boolean }[];
  initial: { s: number; level: 1 | 2; start: number; duration: number }[];
  horizon: number;
}

const specArbitrary = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    deps: fc.array(
      fc.record({
        a: fc.nat(n - 1),
        b: fc.nat(n - 1),
        type: fc.constantFrom(...DEPENDENCY_TYPES),
        buffer: hours(8),
        delay: hours(4),
        total: fc.boolean(),
      }),
      { minLength: n, maxLength: 3 * n },
    ),
    initial: fc.array(
      fc.record({ s: fc.nat(n - 1), level: fc.constantFrom(1 as const, 2 as const), start: hours(20), duration: hours(40) }),
      { minLength: 1, maxLength: 4 },
    ),
    horizon: fc.integer({ min: 2, max: 160 }).map((k) => k / 2),
  }),
);

/** Builds the input; `acyclic` keeps only dependencies from a lower to a higher service number. */
function toInput(spec: Spec, acyclic = false): CascadeInput {
  const id = (i: number) => `s${i}`;
  return {
    services: Array.from({ length: spec.n }, (_, i) => ({
      id: id(i),
      sector: `sector${i % 4}`,
      region: `r${i % 3}`,
      organisationId: `o${i % 5}`,
    })),
    dependencies: spec.deps
      .filter((d) => d.a !== d.b)
      .map((d, k) => ({
        id: `d${k}`,
        providerId: id(acyclic ? Math.min(d.a, d.b) : d.a),
        dependentId: id(acyclic ? Math.max(d.a, d.b) : d.b),
        type: d.type,
        bufferHours: d.buffer,
        delayHours: d.delay,
        degradation: d.total ? "total" : "partial",
      })),
    initial: spec.initial.map((e) => ({
      serviceId: id(e.s),
      level: e.level,
      startHours: Math.min(e.start, spec.horizon),
      durationHours: e.duration,
    })),
    horizonHours: spec.horizon,
  };
}

type Steps = { t: number; level: number }[];
const levelAt = (steps: Steps, x: number) => {
  let level = 0;
  for (const s of steps) if (s.t <= x) level = s.level;
  return level;
};
const minOver = (steps: Steps, from: number, to: number) =>
  Math.min(levelAt(steps, from), ...steps.filter((s) => s.t > from && s.t <= to).map((s) => s.level));

/**
 * An independent reference for acyclic graphs, straight from the formula: input_e(τ) = f(m(τ − d)) with
 * m(x) = min of P over [x − b, x], which can only change where P changes or b after it. Services in
 * dependency order (provider numbers are lower), each as its list of level changes up to the horizon.
 */
function reference(input: CascadeInput): Map<string, Steps> {
  const result = new Map<string, Steps>();
  for (const s of input.services) {
    const own = input.initial.filter((e) => e.serviceId === s.id && e.durationHours > 0);
    const ownAt = (x: number) =>
      Math.max(0, ...own.filter((e) => e.startHours <= x && x < e.startHours + e.durationHours).map((e) => e.level));
    const inputs: Steps[] = input.dependencies
      .filter((d) => d.dependentId === s.id)
      .map((d) => {
        const p = result.get(d.providerId)!;
        const f = (l: number) => (d.degradation === "total" ? l : Math.min(l, 1));
        const xs = [...new Set(p.flatMap((c) => [c.t, c.t + d.bufferHours]))].sort((a, b) => a - b);
        return xs.map((x) => ({ t: x + d.delayHours, level: f(minOver(p, x - d.bufferHours, x)) }));
      });
    const times = [
      ...new Set([
        ...own.flatMap((e) => [e.startHours, e.startHours + e.durationHours]),
        ...inputs.flatMap((i) => i.map((c) => c.t)),
      ]),
    ]
      .filter((t) => t <= input.horizonHours)
      .sort((a, b) => a - b);
    const steps: Steps = [];
    let last = 0;
    for (const t of times) {
      const level = Math.max(ownAt(t), ...inputs.map((i) => levelAt(i, t)));
      if (level !== last) steps.push({ t, level });
      last = level;
    }
    result.set(s.id, steps);
  }
  return result;
}

/**
 * A naive reference for any graph whose delays are all positive: instant after instant, every service's level
 * straight from the formula. The windows end before the instant, so the recorded changes suffice.
 */
function naive(input: CascadeInput): Map<string, Steps> {
  const steps = new Map<string, Steps>(input.services.map((s) => [s.id, []]));
  const candidates = new Set<number>();
  for (const e of input.initial) candidates.add(e.startHours).add(e.startHours + e.durationHours);
  let now = -1;
  for (;;) {
    const next = Math.min(...[...candidates].filter((t) => t > now && t <= input.horizonHours));
    if (!Number.isFinite(next)) return steps;
    now = next;
    const levels = input.services.map((s) => {
      const own = input.initial.filter(
        (e) => e.serviceId === s.id && e.startHours <= now && now < e.startHours + e.durationHours,
      );
      const inputs = input.dependencies
        .filter((d) => d.dependentId === s.id)
        .map((d) => {
          const m = minOver(steps.get(d.providerId)!, now - d.delayHours - d.bufferHours, now - d.delayHours);
          return d.degradation === "total" ? m : Math.min(m, 1);
        });
      return Math.max(0, ...own.map((e) => e.level), ...inputs);
    });
    input.services.forEach((s, i) => {
      const mine = steps.get(s.id)!;
      const level = levels[i]!;
      if (level === (mine.at(-1)?.level ?? 0)) return;
      mine.push({ t: now, level });
      for (const d of input.dependencies.filter((x) => x.providerId === s.id))
        candidates.add(now + d.delayHours).add(now + d.bufferHours + d.delayHours);
    });
  }
}

function stepsOf(result: CascadeResult, ids: readonly string[]): Map<string, Steps> {
  const steps = new Map<string, Steps>(ids.map((id) => [id, []]));
  for (const c of result.changes) steps.get(c.serviceId)!.push({ t: c.atHours, level: c.level });
  return steps;
}

describe("cascade: properties on random graphs", () => {
  it("on acyclic graphs, agrees with the reference computed straight from the formula", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const input = toInput(spec, true);
        const ids = input.services.map((s) => s.id);
        assert.deepEqual(stepsOf(simulateCascade(input), ids), reference(input));
      }),
      { numRuns: 300 },
    );
  });

  it("with cycles and positive delays, agrees with a naive instant-by-instant evaluation of the formula", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const cyclic = toInput(spec);
        const input = { ...cyclic, dependencies: cyclic.dependencies.map((d) => ({ ...d, delayHours: d.delayHours || 0.5 })) };
        const ids = input.services.map((s) => s.id);
        assert.deepEqual(stepsOf(simulateCascade(input), ids), naive(input));
      }),
      { numRuns: 200 },
    );
  });

  it("monotonicity: a longer initial event never impacts fewer services nor lowers a worst level", () => {
    fc.assert(
      fc.property(specArbitrary, fc.nat(), hours(40), (spec, pick, extra) => {
        const input = toInput(spec);
        const i = pick % input.initial.length;
        const longer = {
          ...input,
          initial: input.initial.map((e, k) => (k === i ? { ...e, durationHours: e.durationHours + extra } : e)),
        };
        const worstBefore = new Map(simulateCascade(input).impacted.map((x) => [x.serviceId, x.worst]));
        const worstAfter = new Map(simulateCascade(longer).impacted.map((x) => [x.serviceId, x.worst]));
        for (const [id, worst] of worstBefore) {
          assert.ok(worstAfter.has(id), `${id} no longer impacted`);
          assert.ok(worstAfter.get(id)! >= worst, `${id}: worst ${worstAfter.get(id)} < ${worst}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a dependency whose buffer covers all of its provider's outage time never changes its dependent", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const input = toInput(spec);
        const result = simulateCascade(input);
        // Time above 0 per service; still above 0 at the horizon counts as without end.
        const down = new Map<string, number>();
        const since = new Map<string, number>();
        for (const c of result.changes) {
          if (c.level > 0 && !since.has(c.serviceId)) since.set(c.serviceId, c.atHours);
          if (c.level === 0) {
            down.set(c.serviceId, (down.get(c.serviceId) ?? 0) + c.atHours - since.get(c.serviceId)!);
            since.delete(c.serviceId);
          }
        }
        for (const id of since.keys()) down.set(id, Number.POSITIVE_INFINITY);
        for (const d of input.dependencies) {
          if (d.bufferHours < (down.get(d.providerId) ?? 0)) continue;
          assert.equal(
            result.changes.find((c) => c.viaDependencyId === d.id),
            undefined,
            `${d.id}: buffer ${d.bufferHours} >= ${down.get(d.providerId) ?? 0} h`,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const input = toInput(spec);
        assert.deepEqual(simulateCascade(input), simulateCascade(structuredClone(input)));
      }),
    );
  });

  it("changes lie within [0, horizon], in time order, each a real change with a fitting cause; the summaries agree", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const input = toInput(spec);
        const result = simulateCascade(input);
        const level = new Map<string, number>();
        const worst = new Map<string, number>();
        let previous = 0;
        for (const c of result.changes) {
          assert.ok(c.atHours >= 0 && c.atHours <= input.horizonHours, `${c.atHours} outside [0, ${input.horizonHours}]`);
          assert.ok(c.atHours >= previous, "time order");
          previous = c.atHours;
          const before = level.get(c.serviceId) ?? 0;
          assert.notEqual(c.level, before, "a change changes the level");
          assert.equal(c.cause === "restored", c.level < before, "restored exactly when the level goes down");
          if (c.cause === "initial") assert.equal(c.viaDependencyId, null);
          if (c.cause === "dependency") assert.notEqual(c.viaDependencyId, null);
          level.set(c.serviceId, c.level);
          worst.set(c.serviceId, Math.max(worst.get(c.serviceId) ?? 0, c.level));
        }
        assert.deepEqual(new Map(result.impacted.map((i) => [i.serviceId, i.worst])), worst);
        assert.deepEqual(new Set(result.unrestoredAtHorizon), new Set([...level].filter(([, l]) => l > 0).map(([id]) => id)));
        for (const i of result.impacted) assert.equal(i.restoredAtHours === null, (level.get(i.serviceId) ?? 0) > 0);
      }),
    );
  });
});
