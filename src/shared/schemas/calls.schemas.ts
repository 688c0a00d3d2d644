// Schemas for urgent calls: convening, the roll-call and the summary that ends a call.
import { z } from "zod";
import { line, Timestamp, TlpLabelSchema, Uuid } from "./common.js";
import { NamedRef } from "./items.schemas.js";

export const ROLL_CALL_STATUSES = ["affected", "not-affected", "investigating"] as const;
export const RollCallStatusSchema = z.enum(ROLL_CALL_STATUSES);

/** Whom to invite; resolved to named persons when the call is convened (the call is TLP:RED to them). */
export const InviteesSchema = z.strictObject({
  exchange: z.boolean().default(false),
  groups: z.array(Uuid).max(100).default([]),
  organisations: z.array(Uuid).max(200).default([]),
  persons: z.array(Uuid).max(500).default([]),
});

export const ConveneCallRequest = z.strictObject({
  title: line(200),
  /** The item the call is about; it must be readable by the convener. */
  itemId: Uuid.nullable().default(null),
  /** Dial-in or video bridge details: shown to invitees only. */
  bridge: z.string().trim().min(1).max(2000),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  invitees: InviteesSchema,
});

export const RollCallRequest = z.strictObject({
  status: RollCallStatusSchema,
  note: z.string().trim().max(500).default(""),
});

export const EndCallRequest = z.strictObject({
  summary: z.string().trim().min(1).max(50_000),
  /** The summary item's label; its audience is the invitees (their organisations unless RED). */
  tlp: TlpLabelSchema.default("TLP:AMBER"),
  /** The summary's title; by default the call's title only when the summary stays TLP:RED (the call's label). */
  title: line(300).optional(),
});

export const UrgentCallSummary = z.object({
  id: Uuid,
  title: z.string(),
  startsAt: Timestamp,
  status: z.enum(["open", "ended"]),
  convener: NamedRef,
  invited: z.number().int(),
  answered: z.number().int(),
  myAnswer: RollCallStatusSchema.nullable(),
});
export const UrgentCallList = z.object({ calls: z.array(UrgentCallSummary) });

export const UrgentCall = UrgentCallSummary.extend({
  tlp: z.literal("TLP:RED"),
  bridge: z.string(),
  convenerOrganisation: NamedRef,
  /** The linked item, when you may read it. */
  item: z.object({ id: Uuid, title: z.string(), tlp: TlpLabelSchema }).nullable(),
  rollCall: z.array(
    z.object({
      person: NamedRef,
      organisation: NamedRef,
      status: RollCallStatusSchema.nullable(),
      note: z.string(),
      answeredAt: Timestamp.nullable(),
    }),
  ),
  endedAt: Timestamp.nullable(),
  summaryItemId: Uuid.nullable(),
  isConvener: z.boolean(),
});
export type UrgentCall = z.infer<typeof UrgentCall>;
