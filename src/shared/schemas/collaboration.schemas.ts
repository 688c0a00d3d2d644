// Schemas for threads, RFI answers, attachments, links, reactions, acknowledgements and saved searches.
import { z } from "zod";
import { AudienceSchema, Timestamp, TlpLabelSchema, Uuid } from "./common.js";
import { ItemFilters, ItemKindSchema, MaybeNamedRef, NamedRef } from "./items.schemas.js";

export const CreateCommentRequest = z.strictObject({
  body: z.string().trim().min(1).max(50_000),
  /** Defaults to the parent's label; never less restrictive than it. */
  tlp: TlpLabelSchema.optional(),
  /** Defaults to the parent's audience; readers must also be able to read the parent. */
  audience: AudienceSchema.optional(),
  parentId: Uuid.optional(),
  anonymous: z.boolean().default(false),
});

export const Comment = z.object({
  id: Uuid,
  itemId: Uuid,
  parentId: Uuid.nullable(),
  body: z.string(),
  tlp: TlpLabelSchema,
  isAnswer: z.boolean(),
  author: MaybeNamedRef,
  organisation: MaybeNamedRef,
  own: z.boolean(),
  createdAt: Timestamp,
});
export type Comment = z.infer<typeof Comment>;
export const CommentList = z.object({ comments: z.array(Comment) });

/** Types an attachment may have, recognised from its content, not its name. */
export const ATTACHMENT_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "application/zip",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "text/plain",
  "text/csv",
  "application/json",
] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const UploadAttachmentQuery = z.strictObject({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((s) => !/[/\\\u0000-\u001f]/.test(s), "a file name without paths or control characters"),
  tlp: TlpLabelSchema.optional(),
});

export const Attachment = z.object({
  id: Uuid,
  itemId: Uuid,
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  tlp: TlpLabelSchema,
  author: MaybeNamedRef,
  createdAt: Timestamp,
});
export type Attachment = z.infer<typeof Attachment>;
export const AttachmentList = z.object({ attachments: z.array(Attachment) });

export const LINK_RELATIONS = ["related-to", "mitigates", "about", "duplicates", "supersedes", "derived-from"] as const;
export const CreateLinkRequest = z.strictObject({ toItemId: Uuid, relation: z.enum(LINK_RELATIONS) });
const ItemRef = z.object({ id: Uuid, title: z.string(), kind: ItemKindSchema, tlp: TlpLabelSchema });
export const ItemLink = z.object({
  id: Uuid,
  relation: z.enum(LINK_RELATIONS),
  from: ItemRef,
  to: ItemRef,
  createdAt: Timestamp,
});
export const LinkList = z.object({ links: z.array(ItemLink) });

export const REACTIONS = ["useful", "seen", "false-positive"] as const;
export const ReactRequest = z.strictObject({ reaction: z.enum(REACTIONS), context: z.string().trim().max(2000).default("") });
export const Reactions = z.object({
  counts: z.object({ useful: z.number().int(), seen: z.number().int(), "false-positive": z.number().int() }),
  mine: z.array(z.enum(REACTIONS)),
  /** Only for the originating organisation: who reacted and the sightings' context. */
  details: z
    .array(z.object({ reaction: z.enum(REACTIONS), organisation: NamedRef, context: z.string(), at: Timestamp }))
    .nullable(),
});

export const Acknowledgements = z.object({
  required: z.boolean(),
  dueAt: Timestamp.nullable(),
  acknowledgedByMyOrganisation: z.boolean(),
  /** Only for the originating organisation: every recipient organisation and whether it acknowledged. */
  organisations: z
    .array(
      z.object({
        organisation: NamedRef,
        acknowledgedAt: Timestamp.nullable(),
        by: NamedRef.nullable(),
        /** When its escalation contact was told it had not acknowledged in time. */
        escalatedAt: Timestamp.nullable(),
      }),
    )
    .nullable(),
});

export type Acknowledgements = z.infer<typeof Acknowledgements>;

export const SavedSearchRequest = z.strictObject({ name: z.string().trim().min(1).max(120), filters: ItemFilters });
export const SavedSearch = z.object({
  id: Uuid,
  name: z.string(),
  filters: ItemFilters,
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  /** Readable items matching since the search was last opened. */
  newItems: z.number().int(),
});
export const SavedSearchList = z.object({ searches: z.array(SavedSearch) });
export { ItemKindSchema };
