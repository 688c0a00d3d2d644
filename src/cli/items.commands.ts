// `roundtable items …`: list, search, show and post items through the HTTP API as the token's person.
import fs from "node:fs";
import type { Command } from "commander";
import type { FeedPage, Item, SearchResult } from "../shared/schemas/index.js";
import { apiTarget, callApi } from "./api-client.js";

/** Options of every API client command. */
export interface ConnectionOptions {
  url?: string;
  token?: string;
  json?: boolean;
}

/** Adds --url, --token and --json to an API client command. */
export function withConnection(command: Command): Command {
  return command
    .option("--url <url>", "the server (default ROUNDTABLE_URL or http://localhost:8080)")
    .option("--token <token>", "a personal API token (default ROUNDTABLE_TOKEN)")
    .option("--json", "print JSON");
}

function printSummaries(items: FeedPage["items"]): void {
  for (const i of items)
    console.log(
      `${i.id}  ${i.tlp.padEnd(16)} ${i.kind.padEnd(16)} ${i.createdAt.slice(0, 10)}  ${i.title}  (${i.organisation.name})`,
    );
}

/** Registers the items commands. */
export function registerItemCommands(program: Command): void {
  const items = program.command("items").description("Read and share items through the API, as the token's person");

  withConnection(items.command("list").description("The newest items you may read"))
    .option("--kind <kind>", "only this kind")
    .option("--tlp <label>", "only this label")
    .option("--limit <n>", "how many (1-200)", "50")
    .action(async (o: ConnectionOptions & { kind?: string; tlp?: string; limit: string }) => {
      const query = new URLSearchParams({
        limit: o.limit,
        ...(o.kind ? { kind: o.kind } : {}),
        ...(o.tlp ? { tlp: o.tlp } : {}),
      });
      const page = await callApi<FeedPage>(apiTarget(o), "GET", `/api/items?${query}`);
      if (o.json) console.log(JSON.stringify(page.items, null, 2));
      else printSummaries(page.items);
    });

  withConnection(items.command("search <query>").description("Full-text search over what you may read")).action(
    async (q: string, o: ConnectionOptions) => {
      const result = await callApi<SearchResult>(apiTarget(o), "GET", `/api/search?${new URLSearchParams({ q, limit: "50" })}`);
      if (o.json) console.log(JSON.stringify(result, null, 2));
      else {
        console.log(`${result.total} readable matches`);
        printSummaries(result.results);
      }
    },
  );

  withConnection(items.command("show <id>").description("One item")).action(async (id: string, o: ConnectionOptions) => {
    const item = await callApi<Item>(apiTarget(o), "GET", `/api/items/${encodeURIComponent(id)}`);
    if (o.json) console.log(JSON.stringify(item, null, 2));
    else console.log(`${item.tlp}  ${item.kind}  ${item.title}\n${item.organisation.name}, ${item.createdAt}\n\n${item.body}`);
  });

  withConnection(
    items.command("post <file>").description("Share the item described by a JSON file (the POST /api/items body); prints its id"),
  ).action(async (file: string, o: ConnectionOptions) => {
    const body = JSON.parse(fs.readFileSync(file, "utf8"));
    const item = await callApi<Item>(apiTarget(o), "POST", "/api/items", body);
    console.log(o.json ? JSON.stringify(item, null, 2) : item.id);
  });
}
