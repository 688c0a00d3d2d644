// Readable names for the rows and columns of the insight report's tables (sector ids, item kinds, severities).
import type { ItemKind, Sector } from "../../data/types.js";
import { kindName, sectorName } from "../../lib/format.js";
import { monthLabel } from "../../lib/periods.js";

/** A sector id as its name ("digital-infrastructure" → "Digital infrastructure"); unknown ids as they are. */
export const sectorLabel = (sector: string) => sectorName(sector as Sector);

/** An item kind as its name ("incident" → "Incident"). */
export const kindLabel = (kind: string) => kindName(kind as ItemKind);

/** A severity 1–5 as "Severity 3". */
export const severityLabel = (severity: string) => (/^\d$/.test(severity) ? `Severity ${severity}` : severity);

/** A month key as "Mar 2026". */
export { monthLabel };
