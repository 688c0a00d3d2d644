// Builds the web UI when dist/web is missing or older than its sources, so `npm run demo` just works.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const built = path.join(root, "dist/web/index.html");

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(path.join(root, "src/web")), newest(path.join(root, "src/shared")));
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  console.log("Building the web UI…");
  execSync("npx vite build --logLevel warn", { cwd: root, stdio: "inherit" });
}
