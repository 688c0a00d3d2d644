// Routes for items, search, documents and the audit trail.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  AcceptDocumentsRequest,
  AuditPage,
  AuditQuery,
  ChangeLabelRequest,
  CreateItemRequest,
  CurrentDocuments,
  ErrorResponse,
  ExchangeDocument,
  FeedPage,
  FeedQuery,
  IdParams,
  Item,
  LabelHistory,
  PublishDocumentRequest,
  SearchQuery,
  SearchResult,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { auditTrail } from "../services/audit.service.js";
import * as documents from "../services/documents.service.js";
import * as items from "../services/items.service.js";

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/** Content routes. */
export async function contentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();

  r.get(
    "/api/items",
    {
      schema: {
        tags: ["items"],
        summary: "The feed: items you may read, newest first",
        querystring: FeedQuery,
        response: { 200: FeedPage, ...errors },
      },
      preHandler: auth,
    },
    async (request) => items.feed(deps, viewerOf(request), request.query),
  );

  r.post(
    "/api/items",
    {
      schema: {
        tags: ["items"],
        summary: "Share an item with a TLP label and an audience",
        body: CreateItemRequest,
        response: { 200: Item, ...errors },
      },
      preHandler: auth,
    },
    async (request) => items.createItem(deps, viewerOf(request), request.body),
  );

  r.get(
    "/api/items/:id",
    {
      schema: {
        tags: ["items"],
        summary: "One item (404 when you may not read it)",
        params: IdParams,
        response: { 200: Item, ...errors },
      },
      preHandler: auth,
    },
    async (request) => items.getItem(deps, viewerOf(request), request.params.id),
  );

  r.post(
    "/api/items/:id/label",
    {
      schema: {
        tags: ["items"],
        summary: "Change the label (originating organisation only)",
        params: IdParams,
        body: ChangeLabelRequest,
        response: { 200: Item, ...errors },
      },
      preHandler: auth,
    },
    async (request) => items.changeLabel(deps, viewerOf(request), request.params.id, request.body),
  );

  r.get(
    "/api/items/:id/history",
    {
      schema: {
        tags: ["items"],
        summary: "Label changes of an item",
        params: IdParams,
        response: { 200: LabelHistory, ...errors },
      },
      preHandler: auth,
    },
    async (request) => items.labelHistory(deps, viewerOf(request), request.params.id),
  );

  r.get(
    "/api/search",
    {
      schema: {
        tags: ["items"],
        summary: "Full-text search over what you may read",
        querystring: SearchQuery,
        response: { 200: SearchResult, ...errors },
      },
      preHandler: auth,
    },
    async (request) => items.search(deps, viewerOf(request), request.query.q, request.query.limit),
  );

  r.get(
    "/api/documents",
    {
      schema: {
        tags: ["documents"],
        summary: "The current Terms of Reference and NDA",
        response: { 200: CurrentDocuments, ...errors },
      },
      preHandler: auth,
    },
    async (request) => documents.currentDocuments(deps, viewerOf(request)),
  );

  r.post(
    "/api/documents",
    {
      schema: {
        tags: ["documents"],
        summary: "Publish a new version (secretariat)",
        body: PublishDocumentRequest,
        response: { 200: ExchangeDocument, ...errors },
      },
      preHandler: requireAuth({ roles: ["secretariat"] }),
    },
    async (request) => documents.publishDocument(deps, viewerOf(request), request.body),
  );

  r.post(
    "/api/documents/accept",
    {
      schema: {
        tags: ["documents"],
        summary: "Accept the current documents",
        body: AcceptDocumentsRequest,
        response: { 200: CurrentDocuments, ...errors },
      },
      preHandler: auth,
    },
    async (request) => documents.acceptDocuments(deps, viewerOf(request), request.body.documentIds),
  );

  r.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Audit trail: your organisation's; administrative events for the secretariat",
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
      preHandler: auth,
    },
    async (request) => auditTrail(deps, viewerOf(request), request.query.limit, request.query.before),
  );
}
