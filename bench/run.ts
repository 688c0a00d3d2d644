// Runs the benchmarks one after another, each in its own process: `npm run bench [-- --only feed|fanout|cascade|insight|taxii] [-- options]`.
// Options go to every benchmark (feed: --items N; fanout: --subscribers N, --rounds N, --mail-warnings N;
// insight: --items N, --reads N, --runs N, --http-runs N, --no-queries; taxii: --objects N, --runs N, --postgres).
import { spawnSync } from "node:child_process";
import path from "node:path";

const BENCHES = ["feed", "fanout", "cascade", "insight", "taxii"];
const args = process.argv.slice(2);
const at = args.indexOf("--only");
const only = at >= 0 ? (args[at + 1] ?? "").split(",") : BENCHES;
const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;

let status = 0;
for (const bench of BENCHES.filter((b) => only.includes(b))) {
  console.log(`\n# ${bench}.bench.ts`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, `${bench}.bench.ts`), ...rest], {
    stdio: "inherit",
  });
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
