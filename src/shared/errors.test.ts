// Every error code in the catalogue is documented in the README with its status.
import assert from "node:assert/strict";
import fs from "node:fs";
import { it } from "node:test";
import { ERROR_CATALOGUE } from "./errors.js";

it("documents every error code with its HTTP status in README.md", () => {
  const readme = fs.readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
    assert.ok(readme.includes(`| \`${code}\` | ${entry.status} |`), `${code} is missing from README.md`);
  }
});
