// Schemas shared by every API area: ids, labels, sectors, roles, audiences, pages.
import { z } from "zod";
import { TLP_LABELS } from "../tlp.js";

/** A UUID path or body id. */
export const Uuid = z.uuid();

/** A TLP 2.0 label, exact spelling. */
export const TlpLabelSchema = z.enum(TLP_LABELS);

/** Critical-infrastructure sectors an organisation or item belongs to. */
export const SECTORS = [
  "energy",
  "telecom",
  "finance",
  "health",
  "water",
  "transport",
  "digital-infrastructure",
  "government",
  "research",
] as const;
export const SectorSchema = z.enum(SECTORS);

export const ORGANISATION_KINDS = ["public", "private", "academia"] as const;
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);

export const MEMBER_STATUSES = ["invited", "active", "suspended", "left"] as const;
export const MemberStatusSchema = z.enum(MEMBER_STATUSES);

export const ROLES = ["member", "chair", "secretariat"] as const;
export const RoleSchema = z.enum(ROLES);

export const CHAIR_SEATS = ["industry", "public"] as const;
export const ChairSeatSchema = z.enum(CHAIR_SEATS);

/** Who content is for: the whole exchange, or lists of organisations, working groups and persons. */
export const AudienceSchema = z.strictObject({
  exchange: z.boolean().default(false),
  organisations: z.array(Uuid).max(200).default([]),
  groups: z.array(Uuid).max(100).default([]),
  persons: z.array(Uuid).max(500).default([]),
});
export type AudienceInput = z.input<typeof AudienceSchema>;

/** Keyset pagination query. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const IdParams = z.strictObject({ id: Uuid });

/** The body of every error response. */
export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const OkResponse = z.object({ ok: z.literal(true) });

/** A timestamp as ISO 8601 text. */
export const Timestamp = z.string();

/** A short single-line human text (names, titles). */
export function line(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f]/.test(s), "must be a single line without control characters");
}
