// `roundtable participation` and `roundtable insight report`: the participation dashboard (or your
// own organisation's standing) and the anonymised insight report through the HTTP API, as the
// token's person — the same TLP and suppression as the web UI.
import fs from "node:fs";
import type { Command } from "commander";
import type { MyParticipation, ParticipationDashboard } from "../shared/schemas/index.js";
import { apiTarget, callApi, callApiBytes } from "./api-client.js";
import { type ConnectionOptions, withConnection } from "./items.commands.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FORMATS = ["json", "csv", "stix", "pdf"] as const;

function periodQuery(o: { from?: string; to?: string; inactiveDays?: string }): string {
  for (const [name, v] of [
    ["--from", o.from],
    ["--to", o.to],
  ] as const)
    if (v !== undefined && !DAY.test(v)) throw new Error(`${name} is a day like 2026-01-31`);
  const q = new URLSearchParams();
  if (o.from) q.set("from", o.from);
  if (o.to) q.set("to", o.to);
  if (o.inactiveDays) q.set("inactiveDays", o.inactiveDays);
  return q.size ? `?${q}` : "";
}

/** Registers the participation and insight commands. */
export function registerInsightCommands(program: Command): void {
  withConnection(
    program
      .command("participation")
      .description("Participation per organisation and flagged organisations (chairs, secretariat); --mine for your own"),
  )
    .option("--from <day>", "first day of the period (default: a year before --to)")
    .option("--to <day>", "last day of the period (default: today)")
    .option("--inactive-days <n>", "flag organisations silent for this many days")
    .option("--mine", "your own organisation's standing")
    .action(async (o: ConnectionOptions & { from?: string; to?: string; inactiveDays?: string; mine?: boolean }) => {
      const query = periodQuery(o);
      if (o.mine) {
        const mine = await callApi<MyParticipation>(apiTarget(o), "GET", `/api/participation/mine${query}`);
        if (o.json) return void console.log(JSON.stringify(mine, null, 2));
        const r = mine.own;
        console.log(`${r.organisation.name}, ${mine.from} to ${mine.to}: ${r.contributed} contributed, ${r.itemsRead} read`);
        if (mine.flaggedInactive) console.log(`Nothing shared in ${mine.inactiveDays} days.`);
        for (const u of mine.useful) console.log(`  useful ${u.useful}, seen ${u.seen}  ${u.item.title}`);
        return;
      }
      const d = await callApi<ParticipationDashboard>(apiTarget(o), "GET", `/api/participation${query}`);
      if (o.json) return void console.log(JSON.stringify(d, null, 2));
      console.log(`${d.from} to ${d.to}   contributed  read  acks  rfi  last contribution`);
      for (const r of d.organisations)
        console.log(
          `${r.organisation.name.padEnd(36).slice(0, 36)} ${String(r.contributed).padStart(5)} ${String(r.itemsRead).padStart(5)} ${String(r.acknowledgements).padStart(5)} ${String(r.rfiAnswers).padStart(4)}  ${r.lastContributionAt?.slice(0, 10) ?? "never"}`,
        );
      console.log(`\nFlagged: nothing shared in ${d.inactiveDays} days (${d.inactive.length})`);
      for (const i of d.inactive) console.log(`- ${i.nudge}`);
    });

  const insight = program.command("insight").description("The anonymised strategic insight report");
  withConnection(insight.command("report").description("Build the report of a period (chairs, secretariat)"))
    .requiredOption("--from <day>", "first day of the period")
    .requiredOption("--to <day>", "last day of the period")
    .option("--format <format>", `one of ${FORMATS.join(", ")}`, "json")
    .option("--out <file>", "write to this file (default: standard output; required for pdf on a terminal)")
    .action(async (o: ConnectionOptions & { from: string; to: string; format: string; out?: string }) => {
      if (!(FORMATS as readonly string[]).includes(o.format)) throw new Error(`--format is one of ${FORMATS.join(", ")}`);
      if (o.format === "pdf" && !o.out && process.stdout.isTTY) throw new Error("a PDF needs --out <file> (or a pipe)");
      const bytes = await callApiBytes(apiTarget(o), "GET", `/api/insight/export${periodQuery(o)}&format=${o.format}`);
      if (o.out) {
        fs.writeFileSync(o.out, bytes);
        console.error(`Wrote ${o.out} (${bytes.length} bytes).`);
      } else process.stdout.write(bytes);
    });
}
