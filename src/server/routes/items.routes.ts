// Routes for items: post, read, edit, relabel, history, versions, close an RFI, the feed and search.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ChangeLabelRequest,
  CloseRfiRequest,
  CreateItemRequest,
  FeedPage,
  FeedQuery,
  IdParams,
  Item,
  ItemVersions,
  LabelHistory,
  SearchQuery,
  SearchResult,
  UpdateItemRequest,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses } from "../http/error-responses.js";
import * as items from "../services/items.service.js";

const errors = errorResponses;

/** Item routes. */
export async function itemsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();
  const tags = ["items"];

  r.get(
    "/api/items",
    {
      schema: {
        tags,
        summary: "The feed: items you may read, newest first, filtered",
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
        tags,
        summary: "Share an item of a kind, with its fields, a TLP label and an audience",
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
      schema: { tags, summary: "One item (404 when you may not read it)", params: IdParams, response: { 200: Item, ...errors } },
      preHandler: auth,
    },
    async (request) => items.getItem(deps, viewerOf(request), request.params.id),
  );

  r.put(
    "/api/items/:id",
    {
      schema: {
        tags,
        summary: "Edit an item (originating organisation); the history keeps every version",
        params: IdParams,
        body: UpdateItemRequest,
        response: { 200: Item, ...errors },
      },
      preHandler: auth,
    },
    async (request) => items.updateItem(deps, viewerOf(request), request.params.id, request.body),
  );

  r.post(
    "/api/items/:id/label",
    {
      schema: {
        tags,
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
      schema: { tags, summary: "Label changes of an item", params: IdParams, response: { 200: LabelHistory, ...errors } },
      preHandler: auth,
    },
    async (request) => items.labelHistory(deps, viewerOf(request), request.params.id),
  );

  r.get(
    "/api/items/:id/versions",
    {
      schema: {
        tags,
        summary: "Versions of an item you may read, newest first",
        params: IdParams,
        response: { 200: ItemVersions, ...errors },
      },
      preHandler: auth,
    },
    async (request) => items.versions(deps, viewerOf(request), request.params.id),
  );

  r.post(
    "/api/items/:id/close",
    {
      schema: {
        tags,
        summary: "Close a request for information with a summary",
        params: IdParams,
        body: CloseRfiRequest,
        response: { 200: Item, ...errors },
      },
      preHandler: auth,
    },
    async (request) => items.closeRfi(deps, viewerOf(request), request.params.id, request.body.summary),
  );

  r.get(
    "/api/search",
    {
      schema: {
        tags,
        summary: "Search what you may read: filters, snippets and facet counts",
        querystring: SearchQuery,
        response: { 200: SearchResult, ...errors },
      },
      preHandler: auth,
    },
    async (request) => {
      const { limit, ...filters } = request.query;
      return items.search(deps, viewerOf(request), filters, limit);
    },
  );
}
