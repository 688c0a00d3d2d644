// CLI administration: persons, API tokens, the setup link, and the audit chain.
import type { Command } from "commander";
import { loadConfig } from "../server/config.js";
import * as members from "../server/repositories/membership.repository.js";
import { openDatabase, productionDeps } from "../server/runtime.js";
import { createApiToken } from "../server/services/account.service.js";
import { verifyAudit } from "../server/services/audit.service.js";
import { issueSetupToken } from "../server/services/bootstrap.service.js";

/** Opens the configured database for one command and closes it afterwards. */
export async function withDeps<T>(fn: (deps: ReturnType<typeof productionDeps>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    return await fn(productionDeps(config, db));
  } finally {
    await db.close();
  }
}

/** Registers `admin …` and `audit …`. */
export function registerAdminCommands(program: Command): void {
  const admin = program.command("admin").description("Administer the exchange from the command line");

  admin
    .command("persons")
    .description("List persons (id, e-mail, organisation, role, status)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const persons = await withDeps((deps) => members.listPersons(deps.db.kysely));
      const rows = persons.map((p) => ({
        id: p.id,
        email: p.email,
        organisation: p.organisationName,
        role: p.role,
        status: p.status,
      }));
      if (options.json) console.log(JSON.stringify(rows, null, 2));
      else
        for (const r of rows)
          console.log(`${r.id}  ${r.email.padEnd(44)} ${r.role.padEnd(12)} ${r.status.padEnd(10)} ${r.organisation}`);
    });

  const token = admin.command("token").description("Personal API tokens");
  token
    .command("create")
    .description("Create an API token for a person; prints only the token")
    .requiredOption("--email <email>", "the person's e-mail")
    .option("--name <name>", "a name for the token", "cli")
    .option("--expires-days <n>", "days until it expires (1-365)", "90")
    .action(async (options: { email: string; name: string; expiresDays: string }) => {
      const days = Number(options.expiresDays);
      if (!Number.isInteger(days) || days < 1 || days > 365)
        throw new Error("--expires-days must be a whole number from 1 to 365.");
      const created = await withDeps(async (deps) => {
        const person = await members.findPersonByEmail(deps.db.kysely, options.email);
        if (!person) throw new Error(`No person with e-mail ${options.email}.`);
        if (person.status !== "active") throw new Error(`${options.email} is ${person.status}, not active.`);
        return createApiToken(deps, person.id, options.name, days);
      });
      process.stdout.write(`${created.token}\n`);
    });

  admin
    .command("setup-link")
    .description("Print a new one-time link to create the first secretariat account")
    .action(async () => {
      const config = loadConfig();
      const tokenValue = await withDeps((deps) => issueSetupToken(deps));
      if (!tokenValue) throw new Error("This exchange is set up already.");
      console.log(`${config.publicUrl}/setup?token=${tokenValue}`);
    });

  const audit = program.command("audit").description("The hash-chained audit log");
  audit
    .command("verify")
    .description("Check the audit chain; report the first broken link")
    .action(async () => {
      const report = await withDeps((deps) => verifyAudit(deps));
      if (report.firstBroken) {
        console.error(
          `Audit chain BROKEN at entry ${report.firstBroken.seq}: ${report.firstBroken.reason} (${report.entries} entries verified before it).`,
        );
        process.exitCode = 1;
      } else {
        console.log(`Audit chain intact: ${report.entries} entries.`);
      }
    });
}
