// Schemas for shared items: creation, presentation, feed, search and label changes.
import { z } from "zod";
import { AudienceSchema, line, SectorSchema, Timestamp, TlpLabelSchema, Uuid } from "./common.js";

/** The kinds of information an exchange shares (ENISA good practice); refined per kind later. */
export const ITEM_KINDS = [
  "threat",
  "risk",
  "vulnerability",
  "incident",
  "countermeasure",
  "warning",
  "contingency-plan",
  "crisis-lesson",
  "analysis-report",
  "emerging-trend",
  "exercise",
  "announcement",
  "rfi",
] as const;
export const ItemKindSchema = z.enum(ITEM_KINDS);

export const CreateItemRequest = z.strictObject({
  kind: ItemKindSchema,
  title: line(300),
  body: z.string().max(200_000).default(""),
  sectors: z.array(SectorSchema).max(9).default([]),
  tlp: TlpLabelSchema,
  audience: AudienceSchema,
});
export type CreateItemRequest = z.input<typeof CreateItemRequest>;

export const ChangeLabelRequest = z.strictObject({
  tlp: TlpLabelSchema,
  audience: AudienceSchema.optional(),
  reason: z.string().trim().max(1000).default(""),
});

export const NamedRef = z.object({ id: Uuid, name: z.string() });

export const Item = z.object({
  id: Uuid,
  kind: ItemKindSchema,
  title: z.string(),
  body: z.string(),
  sectors: z.array(SectorSchema),
  tlp: TlpLabelSchema,
  audience: z.object({
    exchange: z.boolean(),
    organisations: z.array(NamedRef),
    groups: z.array(NamedRef),
    persons: z.array(NamedRef),
  }),
  author: NamedRef,
  organisation: NamedRef,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
  canChangeLabel: z.boolean(),
});
export type Item = z.infer<typeof Item>;

export const ItemSummary = Item.omit({ body: true, audience: true, canChangeLabel: true }).extend({
  excerpt: z.string(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const FeedQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  tlp: TlpLabelSchema.optional(),
  kind: ItemKindSchema.optional(),
  sector: SectorSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
});

export const FeedPage = z.object({ items: z.array(ItemSummary), nextCursor: z.string().nullable() });

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const SearchResult = z.object({
  total: z.number().int(),
  results: z.array(ItemSummary.extend({ snippet: z.string(), rank: z.number() })),
});

export const LabelChange = z.object({
  from: TlpLabelSchema,
  to: TlpLabelSchema,
  changedBy: NamedRef,
  changedAt: Timestamp,
  reason: z.string(),
});
export const LabelHistory = z.object({ changes: z.array(LabelChange) });
