// `roundtable stix export | import` and `roundtable misp import`: STIX 2.1 bundles and MISP events
// in and out of the exchange through the HTTP API, as the token's person. Imports stream the file
// (bundles can be large) and print every problem of a rejected bundle by its path.
import fs from "node:fs";
import { Readable } from "node:stream";
import type { Command } from "commander";
import { type ApiTarget, apiTarget, callApiBytes } from "./api-client.js";
import { type ConnectionOptions, withConnection } from "./items.commands.js";

const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** How many problems of a rejected bundle are printed. */
const MAX_ISSUES = 100;

/** What an import answers. */
interface ImportSummary {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: { id: string; reason: string }[];
  ids: { created: string[]; updated: string[] };
  /** MISP only: what did not become STIX. */
  converted?: { path: string; reason: string }[];
}

interface ExportOptions extends ConnectionOptions {
  item?: string;
  q?: string;
  kind?: string;
  sector?: string;
  from?: string;
  to?: string;
  limit?: string;
  out?: string;
}

interface ImportOptions extends ConnectionOptions {
  tlp?: string;
  audience?: string;
  group?: string;
}

function exportQuery(o: ExportOptions): string {
  for (const [name, v] of [
    ["--from", o.from],
    ["--to", o.to],
  ] as const)
    if (v !== undefined && !DAY.test(v)) throw new Error(`${name} is a day like 2026-01-31`);
  if (o.limit !== undefined && !/^\d+$/.test(o.limit)) throw new Error("--limit is a whole number");
  const q = new URLSearchParams();
  for (const key of ["item", "q", "kind", "sector", "from", "to", "limit"] as const) {
    const v = o[key];
    if (v !== undefined) q.set(key, v);
  }
  return q.size ? `?${q}` : "";
}

function importQuery(o: ImportOptions): string {
  if (o.audience !== undefined && o.audience !== "exchange" && o.audience !== "organisation")
    throw new Error("--audience is exchange or organisation");
  const q = new URLSearchParams();
  if (o.tlp) q.set("tlp", o.tlp);
  if (o.audience) q.set("audience", o.audience);
  if (o.group) q.set("group", o.group);
  return q.size ? `?${q}` : "";
}

/** The message of an API error body: `code: message`, then a rejected bundle's problems as `path: message` lines. */
function errorMessage(status: number, statusText: string, text: string): string {
  let error: { code?: string; message?: string; details?: unknown } | undefined;
  try {
    error = text ? (JSON.parse(text) as { error?: typeof error }).error : undefined;
  } catch {
    // Not an API error body (a proxy's page): fall back to the HTTP status.
  }
  const lines = [`${error?.code ?? status}: ${error?.message ?? statusText}`];
  const details = error?.details as { issues?: { path?: unknown; message?: unknown }[]; total?: number } | undefined;
  if (error?.code === "stix_invalid" && Array.isArray(details?.issues)) {
    const issues = details.issues;
    for (const i of issues.slice(0, MAX_ISSUES)) lines.push(`${String(i.path ?? "") || "(bundle)"}: ${String(i.message ?? "")}`);
    const total = Math.max(typeof details.total === "number" ? details.total : 0, issues.length);
    if (total > MAX_ISSUES) lines.push(`… and ${total - MAX_ISSUES} more`);
  }
  return lines.join("\n");
}

/** POSTs a file as the request body, streamed from disk, and parses the JSON answer. */
async function postFile<T>(target: ApiTarget, path: string, file: string, contentType: string): Promise<T> {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error("not a file");
    size = stat.size;
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let res: Response;
  try {
    res = await fetch(`${target.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${target.token}`, "content-type": contentType, "content-length": String(size) },
      body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    throw new Error(`Cannot reach ${target.url}: ${error instanceof Error ? error.message : String(error)}${cause}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(errorMessage(res.status, res.statusText, text));
  return (text ? JSON.parse(text) : {}) as T;
}

function printSummary(s: ImportSummary): void {
  console.log(`created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, skipped ${s.skipped.length}`);
  for (const k of s.skipped) console.log(`  skipped ${k.id}: ${k.reason}`);
  if (s.converted?.length) {
    console.log(`not converted from MISP: ${s.converted.length}`);
    for (const c of s.converted) console.log(`  ${c.path}: ${c.reason}`);
  }
}

function withImportOptions(command: Command): Command {
  return withConnection(command)
    .option("--tlp <label>", "the label of objects that carry none (e.g. TLP:GREEN); without it they are refused")
    .option("--audience <audience>", "exchange (default) or organisation: who the imported items are for")
    .option("--group <id>", "give the imported items to this working group instead");
}

/** Registers the stix and misp commands. */
export function registerStixCommands(program: Command): void {
  const stix = program.command("stix").description("STIX 2.1 bundles in and out of the exchange, as the token's person");

  withConnection(stix.command("export").description("A STIX 2.1 bundle of one item, or of the items a search or period finds"))
    .option("--item <id>", "only this item")
    .option("--q <text>", "full-text search")
    .option("--kind <kind>", "only this kind")
    .option("--sector <sector>", "only this sector")
    .option("--from <day>", "created on or after this day")
    .option("--to <day>", "created on or before this day")
    .option("--limit <n>", "at most this many items (newest first)")
    .option("--out <file>", "write to this file (default: standard output)")
    .action(async (o: ExportOptions) => {
      const bytes = await callApiBytes(apiTarget(o), "GET", `/api/stix/export${exportQuery(o)}`);
      if (o.out) {
        fs.writeFileSync(o.out, bytes);
        console.error(`Wrote ${o.out} (${bytes.length} bytes).`);
      } else process.stdout.write(bytes);
    });

  withImportOptions(
    stix
      .command("import <file>")
      .description("Import a STIX 2.1 bundle: validated strictly, all-or-nothing, idempotent by id and modified"),
  ).action(async (file: string, o: ImportOptions) => {
    const query = importQuery(o);
    const s = await postFile<ImportSummary>(apiTarget(o), `/api/stix/import${query}`, file, STIX_MEDIA_TYPE);
    if (o.json) console.log(JSON.stringify(s, null, 2));
    else printSummary(s);
  });

  const misp = program.command("misp").description("MISP events into the exchange, as the token's person");
  withImportOptions(
    misp
      .command("import <file>")
      .description("Import a MISP event (MISP core JSON): attributes and objects become indicators, the event a report"),
  ).action(async (file: string, o: ImportOptions) => {
    const query = importQuery(o);
    const s = await postFile<ImportSummary>(apiTarget(o), `/api/misp/import${query}`, file, "application/json");
    if (o.json) console.log(JSON.stringify(s, null, 2));
    else printSummary(s);
  });
}
