// The ordered, forward-only list of migrations. Append; never edit one that has shipped.
import { CORE_SCHEMA, CORE_SCHEMA_TRUNCATE_GUARD } from "./001-core.sql.js";
import { POLICY_STATEMENTS } from "./002-policy.sql.js";
import { INFORMATION_STATEMENTS } from "./003-information.sql.js";
import { MEETINGS_STATEMENTS } from "./004-meetings.sql.js";
import { MEASURES_STATEMENTS } from "./005-measures.sql.js";
import { INSIGHT_STATEMENTS } from "./006-insight.sql.js";
import { FEDERATION_STATEMENTS } from "./007-federation.sql.js";

/** One versioned migration: statements run in order inside one transaction. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "core", statements: [CORE_SCHEMA, CORE_SCHEMA_TRUNCATE_GUARD] },
  { version: 2, name: "tlp-policy-and-rls", statements: POLICY_STATEMENTS },
  { version: 3, name: "information-model", statements: INFORMATION_STATEMENTS },
  { version: 4, name: "meetings-calls-notifications", statements: MEETINGS_STATEMENTS },
  { version: 5, name: "measures-interdependencies", statements: MEASURES_STATEMENTS },
  { version: 6, name: "participation-insight", statements: INSIGHT_STATEMENTS },
  { version: 7, name: "stix-taxii-federation", statements: FEDERATION_STATEMENTS },
];
