// Cascade simulation over a service dependency graph (Rinaldi, Peerenboom & Kelly 2001 dependency types).
//
// Semantics. Time is in hours from 0 to `horizonHours`; every computed time is rounded to the nearest
// microhour (3.6 ms), so sums reached along different paths compare equal. A service's level at any time is
// the maximum of its own initial events while active (an event is active on [start, start + duration); a
// zero-length one does nothing) and the inputs of its dependencies. For a dependency e from provider P to
// dependent S, with buffer b, delay d and f(L) = L ("total") or min(L, 1) ("partial"):
//   input_e(τ) = f(m(τ − d)),   m(x) = the minimum level of P over the closed window [x − b, x].
// Read as events: when P rises to L > 0 at t, S's input becomes f(min level of P over [t, t + b]) at
// t + b + d, so an outage that ends within the buffer, even exactly at t + b, is absorbed; when P falls to L''
// at t1, S's input falls to min(input, f(L'')) at t1 + d (no buffer on restoration). Levels are right-
// continuous: a service's level at τ is the one after everything that happens at τ.
//
// Everything that happens at one instant is settled together: first every input that drops does so and the
// drop spreads along zero-delay dependencies, then every input that rises does so and the rise spreads.
// A service keeps a level while its own event or an input holds it there, so mutually dependent services
// hold each other up: a cycle whose buffers could not ride out the outage stays down for good (reported in
// `unrestoredAtHorizon`). Ties therefore favour restoration, as the closed buffer window does, and an input
// that drops and another that rises at the same instant never show as a spurious blink.
//
// Cost: events wait in a binary heap of instants; each level change schedules one evaluation per outgoing
// dependency whose input can change, and an evaluation walks back only over the provider's recorded changes
// inside its window. State lives in typed arrays; nothing scans all services or dependencies per event.
// A loop without buffers carries an outage shorter than the loop's delay round and round until the horizon;
// with tiny delays that would be billions of events, so an event budget stops the simulation instead.

/** The four dependency types of Rinaldi et al. (2001). */
export const DEPENDENCY_TYPES = ["physical", "cyber", "geographic", "logical"] as const;
/** One of {@link DEPENDENCY_TYPES}. */
export type DependencyType = (typeof DEPENDENCY_TYPES)[number];
/** 0 working, 1 degraded, 2 failed. */
export type Level = 0 | 1 | 2;

/** A service in the graph; sector, region and organisation are carried for grouping and common cause. */
export interface CascadeService {
  id: string;
  sector: string;
  region: string;
  organisationId: string;
}

/** `dependentId` needs an input from `providerId`. */
export interface CascadeDependency {
  id: string;
  /** The service that needs the input. */
  dependentId: string;
  /** The service it depends on. */
  providerId: string;
  type: DependencyType;
  /** How long the dependent keeps working without the input (>= 0). */
  bufferHours: number;
  /** Propagation delay (>= 0), for onset and for restoration. */
  delayHours: number;
  /** Losing this input degrades (1) or fails (2) the dependent. */
  degradation: "partial" | "total";
}

/** A service degraded or failed by the incident itself, from `startHours` for `durationHours` (finite, >= 0). */
export interface InitialEvent {
  serviceId: string;
  level: 1 | 2;
  startHours: number;
  durationHours: number;
}

/** What to simulate; check it with {@link validateCascadeInput}. */
export interface CascadeInput {
  services: readonly CascadeService[];
  dependencies: readonly CascadeDependency[];
  initial: readonly InitialEvent[];
  horizonHours: number;
}

/** A service's level changed at `atHours`. `viaDependencyId` names the dependency that caused it, if one did. */
export interface StateChange {
  atHours: number;
  serviceId: string;
  level: Level;
  /** initial: its own event began; dependency: an input rose; restored: the level went down. */
  cause: "initial" | "dependency" | "restored";
  viaDependencyId: string | null;
}

/** The outcome of {@link simulateCascade}. */
export interface CascadeResult {
  /** In time order; at one instant, in the order the changes were settled. */
  changes: StateChange[];
  /** Every service that ever had level > 0, in order of first impact. */
  impacted: { serviceId: string; worst: Level; firstAtHours: number; restoredAtHours: number | null }[];
  /** Services in the same region as an initially affected service and linked to it by a geographic dependency. */
  commonCause: string[];
  /** Impacted services still above 0 at the horizon, in order of first impact. */
  unrestoredAtHorizon: string[];
}

/** Longest horizon accepted: one year. */
export const MAX_HORIZON_HOURS = 8760;
/** Events a simulation may process: a base, plus a share per service and dependency (see simulateCascade). */
const EVENT_BUDGET_BASE = 1_000_000;
const EVENT_BUDGET_PER_ELEMENT = 20;

const GRID = 1e6;
const snap = (hours: number) => Math.round(hours * GRID) / GRID;
const finiteAtLeastZero = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x >= 0;

/** A readable description of the first problem in `input`, or null when it can be simulated. */
export function validateCascadeInput(input: CascadeInput): string | null {
  return check(input, null).problem;
}

/** Validates in one pass; when given `ends`, fills in each dependency's provider and dependent index and its id. */
function check(
  input: CascadeInput,
  ends: { prov: Int32Array; dep: Int32Array; ids: string[] } | null,
): { problem: string | null; indexOf: Map<string, number> } {
  const indexOf = new Map<string, number>();
  const fail = (problem: string) => ({ problem, indexOf });
  const { horizonHours } = input;
  if (typeof horizonHours !== "number" || !Number.isFinite(horizonHours) || horizonHours <= 0 || horizonHours > MAX_HORIZON_HOURS)
    return fail(`horizonHours must be more than 0 and at most ${MAX_HORIZON_HOURS} (one year), not ${horizonHours}`);
  for (let i = 0; i < input.services.length; i++) {
    const s = input.services[i]!;
    if (typeof s.id !== "string" || s.id === "") return fail("every service needs a non-empty id");
    if (indexOf.has(s.id)) return fail(`service "${s.id}" is listed twice`);
    indexOf.set(s.id, i);
  }
  const dependencies = new Set<string>();
  for (let e = 0; e < input.dependencies.length; e++) {
    const d = input.dependencies[e]!;
    if (typeof d.id !== "string" || d.id === "") return fail("every dependency needs a non-empty id");
    const size = dependencies.size;
    dependencies.add(d.id);
    if (dependencies.size === size) return fail(`dependency "${d.id}" is listed twice`);
    const dependent = indexOf.get(d.dependentId);
    if (dependent === undefined) return fail(`dependency "${d.id}": unknown dependent service "${d.dependentId}"`);
    const provider = indexOf.get(d.providerId);
    if (provider === undefined) return fail(`dependency "${d.id}": unknown provider service "${d.providerId}"`);
    if (dependent === provider) return fail(`dependency "${d.id}": service "${d.dependentId}" cannot depend on itself`);
    if (!(DEPENDENCY_TYPES as readonly string[]).includes(d.type))
      return fail(`dependency "${d.id}": type must be one of ${DEPENDENCY_TYPES.join(", ")}, not "${d.type}"`);
    if (!finiteAtLeastZero(d.bufferHours))
      return fail(`dependency "${d.id}": bufferHours must be a finite number >= 0, not ${d.bufferHours}`);
    if (!finiteAtLeastZero(d.delayHours))
      return fail(`dependency "${d.id}": delayHours must be a finite number >= 0, not ${d.delayHours}`);
    if (d.degradation !== "partial" && d.degradation !== "total")
      return fail(`dependency "${d.id}": degradation must be "partial" or "total", not "${d.degradation}"`);
    if (ends) {
      ends.prov[e] = provider;
      ends.dep[e] = dependent;
      ends.ids[e] = d.id;
    }
  }
  for (const [i, e] of input.initial.entries()) {
    const name = `initial event ${i + 1}`;
    if (!indexOf.has(e.serviceId)) return fail(`${name}: unknown service "${e.serviceId}"`);
    if (e.level !== 1 && e.level !== 2) return fail(`${name}: level must be 1 (degraded) or 2 (failed), not ${e.level}`);
    if (!finiteAtLeastZero(e.startHours)) return fail(`${name}: startHours must be a finite number >= 0, not ${e.startHours}`);
    if (e.startHours > horizonHours) return fail(`${name}: starts at ${e.startHours} h, after the horizon (${horizonHours} h)`);
    if (!finiteAtLeastZero(e.durationHours))
      return fail(`${name}: durationHours must be a finite number >= 0, not ${e.durationHours}`);
  }
  return { problem: null, indexOf };
}

// Event kinds in the queue.
const OWN_START = 0;
const OWN_END = 1;
const EVAL = 2;

/**
 * The event queue: a binary min-heap of distinct instants, each with its events in insertion order. Events
 * often share an instant (times are rounded), so the heap stays small and an instant comes out whole, in a
 * stable order. Events live in pooled slots of typed arrays, chained per instant.
 */
class EventQueue {
  private heapTime = new Float64Array(256);
  private heapBucket = new Int32Array(256);
  private heapSize = 0;
  private bucketOf = new Map<number, number>();
  private first = new Int32Array(256);
  private last = new Int32Array(256);
  private freeBuckets: number[] = [];
  private buckets = 0;
  kind = new Uint8Array(1024);
  ref = new Int32Array(1024);
  /** Own events: the level; evaluations: the window [from, to] of the provider's history. */
  level = new Uint8Array(1024);
  from = new Float64Array(1024);
  to = new Float64Array(1024);
  /** The next event of the same instant, or -1. */
  next = new Int32Array(1024);
  private freeSlot = -1;
  private slots = 0;

  get empty(): boolean {
    return this.heapSize === 0;
  }

  push(time: number, kind: number, ref: number, level: number, from: number, to: number): void {
    let slot = this.freeSlot;
    if (slot >= 0) this.freeSlot = this.next[slot]!;
    else {
      if (this.slots === this.kind.length) this.growSlots();
      slot = this.slots++;
    }
    this.kind[slot] = kind;
    this.ref[slot] = ref;
    this.level[slot] = level;
    this.from[slot] = from;
    this.to[slot] = to;
    this.next[slot] = -1;
    const bucket = this.bucketOf.get(time);
    if (bucket !== undefined) {
      this.next[this.last[bucket]!] = slot;
      this.last[bucket] = slot;
    } else this.open(time, slot);
  }

  /** Takes the earliest instant out: its time, and its first event (follow `next`). */
  pop(): { time: number; head: number } {
    const { heapTime, heapBucket } = this;
    const time = heapTime[0]!;
    const bucket = heapBucket[0]!;
    const n = --this.heapSize;
    const lastTime = heapTime[n]!;
    const lastBucket = heapBucket[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && heapTime[child + 1]! < heapTime[child]!) child++;
      if (lastTime <= heapTime[child]!) break;
      heapTime[i] = heapTime[child]!;
      heapBucket[i] = heapBucket[child]!;
      i = child;
    }
    heapTime[i] = lastTime;
    heapBucket[i] = lastBucket;
    this.bucketOf.delete(time);
    this.freeBuckets.push(bucket);
    return { time, head: this.first[bucket]! };
  }

  /** Returns the events of a popped instant, from `head` on, to the pool. */
  release(head: number): void {
    let slot = head;
    while (this.next[slot]! >= 0) slot = this.next[slot]!;
    this.next[slot] = this.freeSlot;
    this.freeSlot = head;
  }

  private open(time: number, slot: number): void {
    let bucket = this.freeBuckets.pop();
    if (bucket === undefined) {
      if (this.buckets === this.first.length) {
        this.first = grow(this.first);
        this.last = grow(this.last);
        this.heapTime = grow(this.heapTime);
        this.heapBucket = grow(this.heapBucket);
      }
      bucket = this.buckets++;
    }
    this.first[bucket] = slot;
    this.last[bucket] = slot;
    this.bucketOf.set(time, bucket);
    const { heapTime, heapBucket } = this;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapTime[parent]! <= time) break;
      heapTime[i] = heapTime[parent]!;
      heapBucket[i] = heapBucket[parent]!;
      i = parent;
    }
    heapTime[i] = time;
    heapBucket[i] = bucket;
  }

  private growSlots(): void {
    this.kind = grow(this.kind);
    this.ref = grow(this.ref);
    this.level = grow(this.level);
    this.from = grow(this.from);
    this.to = grow(this.to);
    this.next = grow(this.next);
  }
}

/** A copy of `a` twice as long. */
function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Simulates the cascade of `input`. Throws a RangeError when {@link validateCascadeInput} finds a problem, or
 * when the simulation needs more than 1,000,000 + 20 × (services + dependencies) events (only loops with
 * tiny delays that keep an outage circling get there).
 */
export function simulateCascade(input: CascadeInput): CascadeResult {
  const horizon = input.horizonHours;
  const n = input.services.length;
  const m = input.dependencies.length;
  const prov = new Int32Array(m);
  const dep = new Int32Array(m);
  const dependencyIds = new Array<string>(m);
  const { problem, indexOf } = check(input, { prov, dep, ids: dependencyIds });
  if (problem) throw new RangeError(problem);
  const serviceIds = input.services.map((s) => s.id);

  // Dependencies, and each provider's outgoing dependencies in compressed rows.
  const buf = new Float64Array(m);
  const del = new Float64Array(m);
  const total = new Uint8Array(m);
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const d = input.dependencies[e]!;
    buf[e] = snap(d.bufferHours);
    del[e] = snap(d.delayHours);
    total[e] = d.degradation === "total" ? 1 : 0;
    outStart[prov[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) outStart[i + 1]! += outStart[i]!;
  const outList = new Int32Array(m);
  const fill = outStart.slice(0, n);
  for (let e = 0; e < m; e++) outList[fill[prov[e]!]!++] = e;
  const f = (e: number, level: number) => (total[e] || level === 0 ? level : 1);

  // Current state: own events active per level, inputs per level, the level, and each input.
  const own1 = new Int32Array(n);
  const own2 = new Int32Array(n);
  const cnt1 = new Int32Array(n);
  const cnt2 = new Int32Array(n);
  const level = new Uint8Array(n);
  const edgeInput = new Uint8Array(m);
  const levelOf = (s: number) => (own2[s]! > 0 || cnt2[s]! > 0 ? 2 : own1[s]! > 0 || cnt1[s]! > 0 ? 1 : 0);
  const ownLevel = (s: number) => (own2[s]! > 0 ? 2 : own1[s]! > 0 ? 1 : 0);

  // Level history per service: a linked list through shared typed arrays, newest first.
  let histTime = new Float64Array(Math.max(16, n));
  let histLevel = new Uint8Array(histTime.length);
  let histPrev = new Int32Array(histTime.length);
  let histCount = 0;
  const histLast = new Int32Array(n).fill(-1);
  const record = (s: number, time: number, lvl: number) => {
    if (histCount === histTime.length) {
      histTime = grow(histTime);
      histLevel = grow(histLevel);
      histPrev = grow(histPrev);
    }
    histTime[histCount] = time;
    histLevel[histCount] = lvl;
    histPrev[histCount] = histLast[s]!;
    histLast[s] = histCount++;
  };
  /** The minimum level of s over [from, to], from the changes recorded so far. */
  const minLevel = (s: number, from: number, to: number) => {
    let i = histLast[s]!;
    while (i >= 0 && histTime[i]! > to) i = histPrev[i]!;
    let min = 2;
    while (i >= 0 && histTime[i]! > from) {
      if (histLevel[i]! < min) min = histLevel[i]!;
      i = histPrev[i]!;
    }
    const atFrom = i >= 0 ? histLevel[i]! : 0;
    return atFrom < min ? atFrom : min;
  };

  // Per-instant bookkeeping; a stamp equal to the instant number marks "touched at this instant".
  let instant = 0;
  const svcStamp = new Int32Array(n);
  const levelBefore = new Uint8Array(n);
  const touchedSvc = new Int32Array(n);
  let touchedSvcCount = 0;
  const edgeStamp = new Int32Array(m);
  const inputBefore = new Uint8Array(m);
  const touchedEdge = new Int32Array(m);
  let touchedEdgeCount = 0;
  const evalStamp = new Int32Array(m);
  const evalValue = new Uint8Array(m);
  const evalList = new Int32Array(m);
  let evalCount = 0;
  const attribStamp = new Int32Array(n);
  const attribEdge = new Int32Array(n);
  const work = new Int32Array(2 * n + 1);
  let workHead = 0;
  let workTail = 0;
  const ownStarts: number[] = [];
  const ownEnds: number[] = [];

  const touchService = (s: number) => {
    if (svcStamp[s] !== instant) {
      svcStamp[s] = instant;
      levelBefore[s] = level[s]!;
      touchedSvc[touchedSvcCount++] = s;
    }
  };
  /** Re-derives s's level; queues s when it moved, so its zero-delay dependents follow. */
  const settle = (s: number) => {
    const l = levelOf(s);
    if (l !== level[s]) {
      level[s] = l;
      work[workTail++] = s;
    }
  };
  const setInput = (e: number, v: number) => {
    if (edgeStamp[e] !== instant) {
      edgeStamp[e] = instant;
      inputBefore[e] = edgeInput[e]!;
      touchedEdge[touchedEdgeCount++] = e;
    }
    const s = dep[e]!;
    touchService(s);
    const old = edgeInput[e]!;
    if (old === 1) cnt1[s]!--;
    else if (old === 2) cnt2[s]!--;
    if (v === 1) cnt1[s]!++;
    else if (v === 2) cnt2[s]!++;
    edgeInput[e] = v;
    settle(s);
  };
  /** The most a zero-delay input may be at this instant, whatever its provider's level. */
  const capOf = (e: number) => {
    if (buf[e] === 0) return 2;
    if (evalStamp[e] === instant) return evalValue[e]!;
    return edgeStamp[e] === instant ? inputBefore[e]! : edgeInput[e]!;
  };
  /** Drains the work queue, moving zero-delay inputs down (falling) or up (rising) towards their targets. */
  const spread = (falling: boolean) => {
    while (workHead < workTail) {
      const p = work[workHead++]!;
      const lp = level[p]!;
      for (let k = outStart[p]!, end = outStart[p + 1]!; k < end; k++) {
        const e = outList[k]!;
        if (del[e] !== 0) continue;
        const cap = capOf(e);
        const fl = f(e, lp);
        const target = cap < fl ? cap : fl;
        if (falling ? target < edgeInput[e]! : target > edgeInput[e]!) setInput(e, target);
      }
    }
    workHead = 0;
    workTail = 0;
  };

  const queue = new EventQueue();
  for (const event of input.initial) {
    const start = snap(event.startHours);
    const end = snap(event.startHours + event.durationHours);
    if (end === start || start > horizon) continue;
    const s = indexOf.get(event.serviceId)!;
    queue.push(start, OWN_START, s, event.level, 0, 0);
    if (end <= horizon) queue.push(end, OWN_END, s, event.level, 0, 0);
  }

  const changes: StateChange[] = [];
  const firstAt = new Float64Array(n).fill(Number.NaN);
  const restoredAt = new Float64Array(n).fill(Number.NaN);
  const worst = new Uint8Array(n);
  const impactedOrder: number[] = [];
  let budget = EVENT_BUDGET_BASE + EVENT_BUDGET_PER_ELEMENT * (n + m);

  while (!queue.empty) {
    const { time: now, head } = queue.pop();
    instant++;
    touchedSvcCount = 0;
    touchedEdgeCount = 0;
    evalCount = 0;
    ownStarts.length = 0;
    ownEnds.length = 0;
    for (let slot = head; slot >= 0; slot = queue.next[slot]!) {
      if (--budget < 0)
        throw new RangeError(
          "the cascade needs too many events: a loop with tiny delays keeps an outage circling; shorten the horizon or check the delays",
        );
      const kind = queue.kind[slot]!;
      const ref = queue.ref[slot]!;
      if (kind === EVAL) {
        // The window ends before `now` (delay > 0) or at it, where nothing is recorded yet: the provider's
        // level at `now` itself is applied by the two phases below.
        const v = f(ref, minLevel(prov[ref]!, queue.from[slot]!, queue.to[slot]!));
        if (evalStamp[ref] !== instant) {
          evalStamp[ref] = instant;
          evalValue[ref] = v;
          evalList[evalCount++] = ref;
        } else if (v < evalValue[ref]!) evalValue[ref] = v;
      } else (kind === OWN_START ? ownStarts : ownEnds).push(ref, queue.level[slot]!);
    }
    queue.release(head);

    // Phase 1: everything that drops.
    for (let i = 0; i < ownEnds.length; i += 2) {
      const s = ownEnds[i]!;
      touchService(s);
      if (ownEnds[i + 1] === 2) own2[s]!--;
      else own1[s]!--;
      settle(s);
    }
    for (let i = 0; i < evalCount; i++) {
      const e = evalList[i]!;
      let target = evalValue[e]!;
      if (del[e] === 0) target = Math.min(target, f(e, level[prov[e]!]!));
      if (target < edgeInput[e]!) setInput(e, target);
    }
    spread(true);
    // Phase 2: everything that rises.
    for (let i = 0; i < ownStarts.length; i += 2) {
      const s = ownStarts[i]!;
      touchService(s);
      if (ownStarts[i + 1] === 2) own2[s]!++;
      else own1[s]!++;
      settle(s);
    }
    for (let i = 0; i < evalCount; i++) {
      const e = evalList[i]!;
      let target = evalValue[e]!;
      if (del[e] === 0) target = Math.min(target, f(e, level[prov[e]!]!));
      if (target > edgeInput[e]!) setInput(e, target);
    }
    spread(false);

    // Which dependency explains each net change: the first touched input that now holds the new level
    // (a rise) or that let go of the old one (a fall).
    for (let i = 0; i < touchedEdgeCount; i++) {
      const e = touchedEdge[i]!;
      const s = dep[e]!;
      const after = level[s]!;
      const before = levelBefore[s]!;
      if (attribStamp[s] === instant || after === before) continue;
      const explains = after > before ? edgeInput[e] === after : inputBefore[e]! > after && edgeInput[e]! < inputBefore[e]!;
      if (explains) {
        attribStamp[s] = instant;
        attribEdge[s] = e;
      }
    }
    for (let i = 0; i < touchedSvcCount; i++) {
      const s = touchedSvc[i]!;
      const after = level[s]!;
      const before = levelBefore[s]!;
      if (after === before) continue;
      record(s, now, after);
      const via = attribStamp[s] === instant ? dependencyIds[attribEdge[s]!]! : null;
      const rose = after > before;
      const cause = !rose ? "restored" : ownLevel(s) === after ? "initial" : "dependency";
      changes.push({
        atHours: now,
        serviceId: serviceIds[s]!,
        level: after as Level,
        cause,
        viaDependencyId: cause === "initial" ? null : via,
      });
      if (after > 0 && Number.isNaN(firstAt[s]!)) {
        firstAt[s] = now;
        impactedOrder.push(s);
      }
      if (after > worst[s]!) worst[s] = after;
      restoredAt[s] = after === 0 ? now : Number.NaN;

      // Schedule what this change does to dependents later. Zero-delay drops and zero-buffer zero-delay
      // rises were settled above; a partial input cannot tell 1 from 2.
      for (let k = outStart[s]!, end = outStart[s + 1]!; k < end; k++) {
        const e = outList[k]!;
        if (f(e, after) === f(e, before)) continue;
        const d = del[e]!;
        if (rose) {
          if (d === 0 && buf[e] === 0) continue;
          const to = snap(now + buf[e]!);
          const at = d === 0 ? to : snap(to + d);
          if (at <= horizon) queue.push(at, EVAL, e, 0, now, to);
        } else {
          if (d === 0) continue;
          const at = snap(now + d);
          if (at <= horizon) queue.push(at, EVAL, e, 0, snap(now - buf[e]!), now);
        }
      }
    }
  }

  return {
    changes,
    impacted: impactedOrder.map((s) => ({
      serviceId: serviceIds[s]!,
      worst: worst[s] as Level,
      firstAtHours: firstAt[s]!,
      restoredAtHours: Number.isNaN(restoredAt[s]!) ? null : restoredAt[s]!,
    })),
    commonCause: commonCause(input, indexOf),
    unrestoredAtHorizon: impactedOrder.filter((s) => level[s]! > 0).map((s) => serviceIds[s]!),
  };
}

function commonCause(input: CascadeInput, indexOf: Map<string, number>): string[] {
  const initial = new Set(input.initial.map((e) => e.serviceId));
  const regionOf = (id: string) => input.services[indexOf.get(id)!]!.region;
  const marked = new Set<string>();
  for (const d of input.dependencies) {
    if (d.type !== "geographic") continue;
    const provider = initial.has(d.providerId);
    const dependent = initial.has(d.dependentId);
    if ((!provider && !dependent) || regionOf(d.dependentId) !== regionOf(d.providerId)) continue;
    if (provider) marked.add(d.dependentId);
    if (dependent) marked.add(d.providerId);
  }
  return [...marked].sort((a, b) => indexOf.get(a)! - indexOf.get(b)!);
}
