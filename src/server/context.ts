// The side effects a service may use, injected so tests control them.
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { Mailer } from "./mail/mailer.js";

/** Everything services depend on beyond their arguments. */
export interface Deps {
  config: Config;
  db: Database;
  mailer: Mailer;
  clock: () => Date;
}

/** The authenticated person making a request. */
export interface Viewer {
  personId: string;
  organisationId: string;
  role: "member" | "chair" | "secretariat";
  via: "session" | "token";
}
