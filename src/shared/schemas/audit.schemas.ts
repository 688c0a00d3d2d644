// Schemas for the audit trail as members and the secretariat see it.
import { z } from "zod";
import { Timestamp, Uuid } from "./common.js";

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: Timestamp,
  action: z.string(),
  category: z.string(),
  actor: z.object({ id: Uuid, name: z.string() }).nullable(),
  organisationId: Uuid.nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().optional(),
});
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() });
