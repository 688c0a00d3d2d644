// `roundtable measures …`: list measures and export them (CSV or JSON) through the HTTP API, as
// the token's person — with the same suppressed aggregates the web UI shows.
import type { Command } from "commander";
import type { MeasureList } from "../shared/schemas/index.js";
import { apiTarget, callApi, callApiText } from "./api-client.js";
import { type ConnectionOptions, withConnection } from "./items.commands.js";

/** Registers the measures commands. */
export function registerMeasureCommands(program: Command): void {
  const measures = program.command("measures").description("Preparedness measures through the API, as the token's person");

  withConnection(measures.command("list").description("Measures you may read, with implementation counts"))
    .option("--mine", "only those that apply to your organisation")
    .action(async (o: ConnectionOptions & { mine?: boolean }) => {
      const list = await callApi<MeasureList>(apiTarget(o), "GET", `/api/measures${o.mine ? "?mine=true" : ""}`);
      if (o.json) {
        console.log(JSON.stringify(list.measures, null, 2));
        return;
      }
      for (const m of list.measures) {
        const a = m.aggregate;
        const implemented = a.byStatus.implemented ?? "<3";
        console.log(
          `${m.id}  ${m.stage.padEnd(9)} ${m.tlp.padEnd(16)} implemented ${String(implemented).padStart(3)}/${a.applicableOrganisations}  ${m.title}`,
        );
      }
    });

  withConnection(measures.command("export").description("Measures and their aggregates as CSV or JSON on standard output"))
    .option("--format <format>", "csv or json", "csv")
    .action(async (o: ConnectionOptions & { format: string }) => {
      if (o.format !== "csv" && o.format !== "json") throw new Error("--format is csv or json");
      process.stdout.write(await callApiText(apiTarget(o), "GET", `/api/measures/export?format=${o.format}`));
    });
}
