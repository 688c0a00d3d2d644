// The `roundtable` command line: serve, demo, migrate, admin, audit, jobs, backup, restore, items, measures, participation, insight.
import { Command } from "commander";
import { ConfigError, loadConfig } from "../server/config.js";
import { registerAdminCommands } from "./admin.commands.js";
import { registerFederationCommands } from "./federation.commands.js";
import { registerInsightCommands } from "./insight.commands.js";
import { registerItemCommands } from "./items.commands.js";
import { registerJobCommands } from "./jobs.commands.js";
import { registerMeasureCommands } from "./measures.commands.js";
import { registerServerCommands } from "./server.commands.js";
import { registerStixCommands } from "./stix.commands.js";

const program = new Command()
  .name("roundtable")
  .description("Roundtable: the platform of an Information Sharing Exchange (TLP 2.0 as access control).")
  .showHelpAfterError();

registerServerCommands(program);
registerAdminCommands(program);
registerItemCommands(program);
registerJobCommands(program);
registerMeasureCommands(program);
registerInsightCommands(program);
registerStixCommands(program);
registerFederationCommands(program);

try {
  loadConfig();
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
