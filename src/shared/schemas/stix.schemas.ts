// Schemas of STIX bundle and MISP event imports: what the importer chooses and what happened.
import { z } from "zod";
import { TlpLabelSchema, Uuid } from "./common.js";

/** Options of an import. */
export const ImportQuery = z.strictObject({
  /** The label of objects without a TLP marking; without it such objects are refused. */
  tlp: TlpLabelSchema.optional(),
  /** Who imported items are for: the whole exchange (default), your organisation, or a working group. */
  audience: z.enum(["exchange", "organisation"]).default("exchange"),
  group: Uuid.optional(),
});

/** What an import did, object by object (ids are STIX ids). */
export const ImportSummary = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  ids: z.object({ created: z.array(z.string()), updated: z.array(z.string()) }),
});

export type ImportSummary = z.infer<typeof ImportSummary>;

/** A MISP import also says which attributes had no STIX equivalent. */
export const MispImportSummary = ImportSummary.extend({ converted: z.array(z.object({ path: z.string(), reason: z.string() })) });
export type MispImportSummary = z.infer<typeof MispImportSummary>;
