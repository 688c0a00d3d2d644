// Benchmark: the cascade simulation (src/shared/cascade.ts) on generated dependency graphs of 1,000, 10,000 and
// 100,000 services with 3 dependencies per service on average (random providers), 5 initial failures, a 168 h
// horizon. Scenario "typical": buffers 0–24 h, delays 0–4 h, outages 2–48 h (most buffers absorb the cascade);
// "severe": buffers 0–2 h, delays 0–1 h, outages 24–48 h (the cascade reaches most of the graph).
// Each size and scenario runs in its own process, so its peak RSS is its own.
// Options: --sizes 1000,10000 --runs N (default 11) --scenarios typical,severe.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  type CascadeDependency,
  type CascadeInput,
  type CascadeResult,
  DEPENDENCY_TYPES,
  simulateCascade,
} from "../src/shared/cascade.js";

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const RUNS = Math.max(1, Number(option("--runs")) || 11);
const SIZES = (option("--sizes") ?? "1000,10000,100000")
  .split(",")
  .map(Number)
  .filter((n) => n > 1);
const SCENARIOS = {
  typical: { maxBuffer: 24, maxDelay: 4, minOutage: 2, maxOutage: 48 },
  severe: { maxBuffer: 2, maxDelay: 1, minOutage: 24, maxOutage: 48 },
} as const;
type Scenario = keyof typeof SCENARIOS;
const scenarios = (option("--scenarios") ?? "typical,severe").split(",").filter((s): s is Scenario => s in SCENARIOS);
const DEGREE = 3;
const INITIAL_FAILURES = 5;
const HORIZON_HOURS = 168;
const SECTORS = ["energy", "telecom", "finance", "health", "water", "transport", "government", "digital"];
const REGIONS = 12;

/** mulberry32: a small seeded generator, so every run of the bench simulates the same graphs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random providers; buffers, delays and outages in quarter hours, so some events coincide. */
function generate(services: number, seed: number, scenario: Scenario): CascadeInput {
  const { maxBuffer, maxDelay, minOutage, maxOutage } = SCENARIOS[scenario];
  const rnd = random(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const quarter = (max: number) => Math.round(rnd() * max * 4) / 4;
  const ids = Array.from({ length: services }, (_, i) => `svc-${i}`);
  const dependencies: CascadeDependency[] = [];
  for (let k = 0; k < services * DEGREE; k++) {
    const dependent = pick(services);
    let provider = pick(services - 1);
    if (provider >= dependent) provider++;
    dependencies.push({
      id: `dep-${k}`,
      dependentId: ids[dependent]!,
      providerId: ids[provider]!,
      type: DEPENDENCY_TYPES[pick(DEPENDENCY_TYPES.length)]!,
      bufferHours: quarter(maxBuffer),
      delayHours: quarter(maxDelay),
      degradation: rnd() < 0.5 ? "partial" : "total",
    });
  }
  return {
    services: ids.map((id) => ({
      id,
      sector: SECTORS[pick(SECTORS.length)]!,
      region: `region-${pick(REGIONS)}`,
      organisationId: `org-${pick(Math.max(1, services / 20))}`,
    })),
    dependencies,
    initial: Array.from({ length: INITIAL_FAILURES }, () => ({
      serviceId: ids[pick(services)]!,
      level: 2 as const,
      startHours: 0,
      durationHours: minOutage + quarter(maxOutage - minOutage),
    })),
    horizonHours: HORIZON_HOURS,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
const mb = (bytes: number) => +(bytes / 1024 / 1024).toFixed(1);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

// ---- Child: one size ----------------------------------------------------------------------------------------------

if (option("--child")) {
  const services = Number(option("--child"));
  const input = generate(services, 20_260_101 + services, option("--scenario") as Scenario);
  gc();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let result: CascadeResult | undefined = simulateCascade(input); // warm-up, not counted
  result = undefined;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = simulateCascade(input);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  gc();
  const heapRetained = process.memoryUsage().heapUsed - heapBefore;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const r = result as CascadeResult;
  console.log(
    JSON.stringify({
      services,
      dependencies: input.dependencies.length,
      times,
      cpu,
      changes: r.changes.length,
      impacted: r.impacted.length,
      unrestoredAtHorizon: r.unrestoredAtHorizon.length,
      commonCause: r.commonCause.length,
      rssBefore,
      peakRss,
      heapRetained,
    }),
  );
  process.exit(0);
}

// ---- Parent: every size in its own process ------------------------------------------------------------------------

const rows: Record<string, string | number>[] = [];
const raw: unknown[] = [];
for (const scenario of scenarios)
  for (const services of SIZES) {
    console.error(`cascade: ${scenario}, ${services} services, ${RUNS} runs…`);
    const child = spawnSync(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        "tsx",
        import.meta.filename,
        "--child",
        String(services),
        "--scenario",
        scenario,
        "--runs",
        String(RUNS),
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 1024 * 1024 },
    );
    if (child.status !== 0) {
      console.error(`cascade bench failed for ${scenario}, ${services} services (exit ${child.status})`);
      process.exit(1);
    }
    const m = JSON.parse(child.stdout.trim().split("\n").at(-1) as string);
    raw.push({ scenario, ...m });
    const sorted = [...(m.times as number[])].sort((a, b) => a - b);
    rows.push({
      scenario,
      services,
      dependencies: m.dependencies,
      runs: sorted.length,
      "median ms": +percentile(sorted, 0.5).toFixed(1),
      "p90 ms": +percentile(sorted, 0.9).toFixed(1),
      "min ms": +(sorted[0] ?? 0).toFixed(1),
      "CPU median ms": +percentile(
        [...(m.cpu as number[])].sort((a, b) => a - b),
        0.5,
      ).toFixed(1),
      "state changes": m.changes,
      impacted: m.impacted,
      "unrestored at 168 h": m.unrestoredAtHorizon,
      "RSS before MB": mb(m.rssBefore),
      "peak RSS MB": mb(m.peakRss),
      "peak − before MB": mb(m.peakRss - m.rssBefore),
      "result heap MB": mb(m.heapRetained),
    });
  }

console.log(
  `Cascade simulation: ${DEGREE} dependencies per service on average, ${INITIAL_FAILURES} initial failures, ` +
    `horizon ${HORIZON_HOURS} h. Wall-clock times; CPU: process CPU time, GC threads included, less sensitive to a busy machine. ` +
    "RSS before: the process with its graph; result heap: one result kept after GC.",
);
console.table(rows);
const file = path.join(import.meta.dirname, "results", `cascade-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      degree: DEGREE,
      initialFailures: INITIAL_FAILURES,
      horizonHours: HORIZON_HOURS,
      runs: RUNS,
      scenarios: Object.fromEntries(scenarios.map((s) => [s, SCENARIOS[s]])),
      rows,
      raw,
    },
    null,
    2,
  ),
);
console.log(`Written ${path.relative(process.cwd(), file)}`);
