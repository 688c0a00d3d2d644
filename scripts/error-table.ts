// Prints the error catalogue as a Markdown table (pasted into README.md; a test keeps them in step).
import { ERROR_CATALOGUE } from "../src/shared/errors.js";

/** The catalogue as Markdown rows. */
export function errorTable(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.description} |`);
  return ["| code | HTTP | meaning |", "|---|---|---|", ...rows].join("\n");
}

if (process.argv[1]?.endsWith("error-table.ts")) console.log(errorTable());
