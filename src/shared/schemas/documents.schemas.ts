// Schemas for the versioned Terms of Reference and NDA and their acceptance.
import { z } from "zod";
import { line, Timestamp, Uuid } from "./common.js";

export const DOCUMENT_KINDS = ["terms-of-reference", "nda"] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);

export const ExchangeDocument = z.object({
  id: Uuid,
  kind: DocumentKindSchema,
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  publishedAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
});
export type ExchangeDocument = z.infer<typeof ExchangeDocument>;

export const CurrentDocuments = z.object({
  documents: z.array(ExchangeDocument),
  acceptedCurrentDocuments: z.boolean(),
});

export const PublishDocumentRequest = z.strictObject({
  kind: DocumentKindSchema,
  title: line(200),
  body: z.string().trim().min(1).max(100_000),
});

export const AcceptDocumentsRequest = z.strictObject({ documentIds: z.array(Uuid).min(1).max(2) });
