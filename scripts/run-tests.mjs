// Runs every *.test.ts under src/ and test/ with node:test (through tsx). Storage tests also run
// against PostgreSQL when DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const only = process.argv.slice(2);

function find(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...find(full));
    else if (entry.name.endsWith(".test.ts")) out.push(path.relative(root, full));
  }
  return out;
}

let files = [...find(path.join(root, "src")), ...find(path.join(root, "test"))].sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
console.log(
  `Running ${files.length} test files${process.env.DATABASE_URL ? " (PGlite and PostgreSQL)" : " (PGlite; set DATABASE_URL for PostgreSQL too)"}`,
);
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, LOG_LEVEL: "silent" },
});
process.exit(result.status ?? 1);
