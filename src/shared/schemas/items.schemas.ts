// Schemas for shared items: creation per kind, presentation, feed, search, facets, label changes.
import { z } from "zod";
import { ITEM_KINDS, ITEM_STATUSES, type ItemKind, KINDS } from "../kinds.js";
import { AudienceSchema, line, SectorSchema, Timestamp, TlpLabelSchema, Uuid } from "./common.js";

export { ITEM_KINDS };
export const ItemKindSchema = z.enum(ITEM_KINDS as [ItemKind, ...ItemKind[]]);
export const ItemStatusSchema = z.enum(ITEM_STATUSES);

const ItemBase = z.strictObject({
  title: line(300),
  body: z.string().max(200_000).default(""),
  sectors: z.array(SectorSchema).max(9).default([]),
  tlp: TlpLabelSchema,
  audience: AudienceSchema,
  /** Hide the originator from everyone outside its organisation (a pseudonym is shown). */
  anonymous: z.boolean().default(false),
  /** The originator allows this item to count in anonymised statistics. */
  statisticsConsent: z.boolean().default(false),
});

// A missing `details` is parsed as {}, so a kind with required fields still says which are missing.
function variant<K extends ItemKind>(kind: K) {
  return ItemBase.extend({ kind: z.literal(kind), details: z.preprocess((v) => v ?? {}, KINDS[kind].details) });
}

/** A new item: common fields plus the details of its kind (fields of another kind are refused). */
export const CreateItemRequest = z.discriminatedUnion("kind", [
  variant("incident"),
  variant("threat"),
  variant("risk"),
  variant("vulnerability"),
  variant("countermeasure"),
  variant("warning"),
  variant("contingency-plan"),
  variant("crisis-lesson"),
  variant("analysis-report"),
  variant("emerging-trend"),
  variant("exercise"),
  variant("announcement"),
  variant("indicator"),
  variant("rfi"),
  variant("measure"),
]);
export type CreateItemRequest = z.input<typeof CreateItemRequest>;

/** An edit keeps the kind; details are checked against it. Earlier versions stay in the history. */
export const UpdateItemRequest = z.strictObject({
  title: line(300),
  body: z.string().max(200_000),
  sectors: z.array(SectorSchema).max(9),
  details: z.record(z.string(), z.unknown()),
});

export const ChangeLabelRequest = z.strictObject({
  tlp: TlpLabelSchema,
  audience: AudienceSchema.optional(),
  reason: z.string().trim().max(1000).default(""),
});

export const NamedRef = z.object({ id: Uuid, name: z.string() });
/** A reference that is null for an anonymous originator, whose name is then a pseudonym. */
export const MaybeNamedRef = z.object({ id: Uuid.nullable(), name: z.string() });

const ItemCore = {
  id: Uuid,
  kind: ItemKindSchema,
  title: z.string(),
  sectors: z.array(SectorSchema),
  tlp: TlpLabelSchema,
  status: ItemStatusSchema.nullable(),
  anonymous: z.boolean(),
  /** The viewer's organisation is the originator (sees its own anonymous items as its own). */
  own: z.boolean(),
  author: MaybeNamedRef,
  organisation: MaybeNamedRef,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
  /** Who an imported or federated item came from (its STIX creator, or the peer exchange). */
  source: z.string().nullable(),
  /** Arrived from a peer exchange: read-only here, and never sent back there. */
  federated: z.boolean(),
};

export const Item = z.object({
  ...ItemCore,
  body: z.string(),
  details: z.record(z.string(), z.unknown()),
  audience: z.object({
    exchange: z.boolean(),
    organisations: z.array(NamedRef),
    groups: z.array(NamedRef),
    persons: z.array(NamedRef),
  }),
  statisticsConsent: z.boolean(),
  canChangeLabel: z.boolean(),
  closedAt: Timestamp.nullable(),
  summary: z.string().nullable(),
});
export type Item = z.infer<typeof Item>;

export const ItemSummary = z.object({ ...ItemCore, excerpt: z.string(), comments: z.number().int() });
export type ItemSummary = z.infer<typeof ItemSummary>;

const TLP_RANK_FILTER = TlpLabelSchema.optional();

/** Filters shared by the feed, search and saved searches. */
export const ItemFilters = z.strictObject({
  q: z.string().trim().min(1).max(200).optional(),
  kind: ItemKindSchema.optional(),
  sector: SectorSchema.optional(),
  tlp: TLP_RANK_FILTER,
  /** At least this restrictive ("AMBER or above"). */
  minTlp: TLP_RANK_FILTER,
  organisation: Uuid.optional(),
  status: ItemStatusSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ItemFilters = z.infer<typeof ItemFilters>;

export const FeedQuery = ItemFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const FeedPage = z.object({ items: z.array(ItemSummary), nextCursor: z.string().nullable() });
export type FeedPage = z.infer<typeof FeedPage>;

export const SearchQuery = ItemFilters.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const FacetCount = z.object({ value: z.string(), name: z.string(), count: z.number().int() });
export const SearchResult = z.object({
  total: z.number().int(),
  results: z.array(ItemSummary.extend({ snippet: z.string(), rank: z.number(), matchedIn: z.array(z.string()) })),
  /** Counts over readable matches only; an anonymous item counts under "Anonymous", never its organisation. */
  facets: z.object({
    kind: z.array(FacetCount),
    tlp: z.array(FacetCount),
    sector: z.array(FacetCount),
    organisation: z.array(FacetCount),
    status: z.array(FacetCount),
  }),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const LabelChange = z.object({
  from: TlpLabelSchema,
  to: TlpLabelSchema,
  changedBy: MaybeNamedRef,
  changedAt: Timestamp,
  reason: z.string(),
});
export const LabelHistory = z.object({ changes: z.array(LabelChange) });

export const ItemVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  sectors: z.array(SectorSchema),
  details: z.record(z.string(), z.unknown()),
  tlp: TlpLabelSchema,
  editedBy: MaybeNamedRef,
  editedAt: Timestamp,
});
export const ItemVersions = z.object({ versions: z.array(ItemVersion) });

export const CloseRfiRequest = z.strictObject({ summary: z.string().trim().min(1).max(20_000) });
