// Routes for threads and answers, attachments, links, reactions, acknowledgements and saved searches.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../shared/errors.js";
import {
  Acknowledgements,
  Attachment,
  AttachmentList,
  Comment,
  CommentList,
  CreateCommentRequest,
  CreateLinkRequest,
  IdParams,
  ItemLink,
  LinkList,
  MAX_ATTACHMENT_BYTES,
  OkResponse,
  REACTIONS,
  Reactions,
  ReactRequest,
  SavedSearch,
  SavedSearchList,
  SavedSearchRequest,
  UploadAttachmentQuery,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses } from "../http/error-responses.js";
import * as attachments from "../services/attachments.service.js";
import * as comments from "../services/comments.service.js";
import * as interactions from "../services/interactions.service.js";
import * as saved from "../services/saved-searches.service.js";

const errors = errorResponses;
const Empty = z.strictObject({}).optional();
const ReactionParams = z.strictObject({ id: z.uuid(), reaction: z.enum(REACTIONS) });

/** Collaboration routes. */
export async function collaborationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();

  // Attachments arrive as raw bytes; their type is decided from the content, not this header.
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  r.get(
    "/api/items/:id/comments",
    {
      schema: {
        tags: ["threads"],
        summary: "The thread (or RFI answers) you may read",
        params: IdParams,
        response: { 200: CommentList, ...errors },
      },
      preHandler: auth,
    },
    async (request) => ({ comments: await comments.listComments(deps, viewerOf(request), request.params.id) }),
  );

  r.post(
    "/api/items/:id/comments",
    {
      schema: {
        tags: ["threads"],
        summary: "Comment, reply or answer an RFI; never less restrictive than the parent",
        params: IdParams,
        body: CreateCommentRequest,
        response: { 200: Comment, ...errors },
      },
      preHandler: auth,
    },
    async (request) => comments.addComment(deps, viewerOf(request), request.params.id, request.body),
  );

  r.get(
    "/api/items/:id/attachments",
    {
      schema: {
        tags: ["attachments"],
        summary: "Attachments you may read",
        params: IdParams,
        response: { 200: AttachmentList, ...errors },
      },
      preHandler: auth,
    },
    async (request) => ({ attachments: await attachments.listAttachments(deps, viewerOf(request), request.params.id) }),
  );

  r.post(
    "/api/items/:id/attachments",
    {
      schema: {
        tags: ["attachments"],
        summary: "Upload a file (raw bytes, application/octet-stream; at most 10 MiB; type checked by content)",
        params: IdParams,
        querystring: UploadAttachmentQuery,
        response: { 200: Attachment, ...errors },
      },
      bodyLimit: MAX_ATTACHMENT_BYTES,
      preHandler: auth,
    },
    async (request) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw new AppError("unsupported_media_type", "Send the file's bytes as application/octet-stream.");
      }
      return attachments.addAttachment(deps, viewerOf(request), request.params.id, {
        filename: request.query.filename,
        tlp: request.query.tlp,
        bytes,
      });
    },
  );

  r.get(
    "/api/attachments/:id",
    { schema: { tags: ["attachments"], summary: "Download an attachment", params: IdParams }, preHandler: auth },
    async (request, reply) => {
      const file = await attachments.downloadAttachment(deps, viewerOf(request), request.params.id);
      return reply
        .header("content-type", file.mediaType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("x-content-type-options", "nosniff")
        .send(file.content);
    },
  );

  r.get(
    "/api/items/:id/links",
    {
      schema: {
        tags: ["links"],
        summary: "Links to and from an item, where both ends are readable",
        params: IdParams,
        response: { 200: LinkList, ...errors },
      },
      preHandler: auth,
    },
    async (request) => ({ links: await interactions.listLinks(deps, viewerOf(request), request.params.id) }),
  );

  r.post(
    "/api/items/:id/links",
    {
      schema: {
        tags: ["links"],
        summary: "Link this item to another you can read",
        params: IdParams,
        body: CreateLinkRequest,
        response: { 200: ItemLink, ...errors },
      },
      preHandler: auth,
    },
    async (request) =>
      interactions.addLink(deps, viewerOf(request), request.params.id, request.body.toItemId, request.body.relation),
  );

  r.delete(
    "/api/links/:id",
    {
      schema: { tags: ["links"], summary: "Remove a link", params: IdParams, response: { 200: OkResponse, ...errors } },
      preHandler: auth,
    },
    async (request) => {
      await interactions.removeLink(deps, viewerOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    "/api/items/:id/reactions",
    {
      schema: {
        tags: ["reactions"],
        summary: "Useful / seen it too / false positive",
        params: IdParams,
        response: { 200: Reactions, ...errors },
      },
      preHandler: auth,
    },
    async (request) => interactions.getReactions(deps, viewerOf(request), request.params.id),
  );

  r.put(
    "/api/items/:id/reactions",
    {
      schema: {
        tags: ["reactions"],
        summary: "React (a sighting may carry context)",
        params: IdParams,
        body: ReactRequest,
        response: { 200: Reactions, ...errors },
      },
      preHandler: auth,
    },
    async (request) =>
      interactions.react(deps, viewerOf(request), request.params.id, request.body.reaction, request.body.context),
  );

  r.delete(
    "/api/items/:id/reactions/:reaction",
    {
      schema: {
        tags: ["reactions"],
        summary: "Withdraw a reaction",
        params: ReactionParams,
        response: { 200: Reactions, ...errors },
      },
      preHandler: auth,
    },
    async (request) => interactions.unreact(deps, viewerOf(request), request.params.id, request.params.reaction),
  );

  r.get(
    "/api/items/:id/acknowledgements",
    {
      schema: {
        tags: ["warnings"],
        summary: "Acknowledgement state of a warning",
        params: IdParams,
        response: { 200: Acknowledgements, ...errors },
      },
      preHandler: auth,
    },
    async (request) => interactions.getAcknowledgements(deps, viewerOf(request), request.params.id),
  );

  r.post(
    "/api/items/:id/acknowledgements",
    {
      schema: {
        tags: ["warnings"],
        summary: "Acknowledge a warning for your organisation",
        params: IdParams,
        body: Empty,
        response: { 200: Acknowledgements, ...errors },
      },
      preHandler: auth,
    },
    async (request) => interactions.acknowledge(deps, viewerOf(request), request.params.id),
  );

  r.get(
    "/api/saved-searches",
    {
      schema: {
        tags: ["search"],
        summary: "Your saved searches with new-item counts",
        response: { 200: SavedSearchList, ...errors },
      },
      preHandler: auth,
    },
    async (request) => ({ searches: await saved.listSavedSearches(deps, viewerOf(request)) }),
  );

  r.post(
    "/api/saved-searches",
    {
      schema: { tags: ["search"], summary: "Save a search", body: SavedSearchRequest, response: { 200: SavedSearch, ...errors } },
      preHandler: auth,
    },
    async (request) => saved.saveSearch(deps, viewerOf(request), request.body.name, request.body.filters),
  );

  r.post(
    "/api/saved-searches/:id/seen",
    {
      schema: {
        tags: ["search"],
        summary: "Mark a saved search as seen",
        params: IdParams,
        body: Empty,
        response: { 200: SavedSearch, ...errors },
      },
      preHandler: auth,
    },
    async (request) => saved.markSeen(deps, viewerOf(request), request.params.id),
  );

  r.delete(
    "/api/saved-searches/:id",
    {
      schema: { tags: ["search"], summary: "Delete a saved search", params: IdParams, response: { 200: OkResponse, ...errors } },
      preHandler: auth,
    },
    async (request) => {
      await saved.deleteSavedSearch(deps, viewerOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
