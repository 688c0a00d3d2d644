// The TAXII 2.1 server: discovery at /taxii2/, one API root at /taxii2/api/. Every answer, errors
// included, is application/taxii+json;version=2.1 with the spec's error shape; authentication is
// a person's API token (Basic e-mail:token or Bearer) or a peer exchange's token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../shared/errors.js";
import type { Deps } from "../context.js";
import * as federationRepo from "../repositories/federation.repository.js";
import { hashSecret } from "../security/secrets.js";
import {
  collectionOf,
  collectionsOf,
  MAX_CONTENT_LENGTH,
  objectsPage,
  type Page,
  parseFilters,
  postObjects,
  presentCollection,
  type RawQuery,
  statusOf,
  TAXII_MEDIA_TYPE,
  TaxiiError,
  type TaxiiPrincipal,
} from "../services/taxii.service.js";

declare module "fastify" {
  interface FastifyRequest {
    taxii: TaxiiPrincipal | null;
  }
}

const CHALLENGE = 'Basic realm="Roundtable TAXII", Bearer realm="Roundtable TAXII"';

function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  // A Buffer keeps Fastify from appending a charset to the TAXII media type.
  return reply
    .status(status)
    .header("content-type", TAXII_MEDIA_TYPE)
    .send(Buffer.from(JSON.stringify(body)));
}

function errorBody(status: number, title: string, description: string, errorCode?: string) {
  return { title, description, http_status: String(status), ...(errorCode ? { error_code: errorCode } : {}) };
}

// Accept: the TAXII media type (with version 2.1 or none), or a wildcard that covers it.
function acceptable(header: string | undefined): boolean {
  if (!header) return true;
  return header.split(",").some((part) => {
    const [type, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (type === "*/*" || type === "application/*") return true;
    if (type !== "application/taxii+json") return false;
    const version = params.find((p) => p.startsWith("version="));
    return !version || version.replace(/"/g, "") === "version=2.1";
  });
}

function datesHeaders(reply: FastifyReply, added: Page["added"]): void {
  const first = added[0];
  const last = added.at(-1);
  if (first && last) {
    reply.header("X-TAXII-Date-Added-First", first.dateAdded);
    reply.header("X-TAXII-Date-Added-Last", last.dateAdded);
  }
}

function envelope(page: Page) {
  if (page.objects.length === 0 && !page.more) return {};
  return {
    more: page.more,
    ...(page.next ? { next: page.next } : {}),
    ...(page.objects.length ? { objects: page.objects } : {}),
  };
}

function principalOf(request: FastifyRequest): TaxiiPrincipal {
  if (!request.taxii)
    throw new TaxiiError(401, "Authentication required", "Send a Roundtable API token (Basic e-mail:token, or Bearer).");
  return request.taxii;
}

/** Registers the TAXII 2.1 server under /taxii2/. */
export async function taxiiRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(
    async (taxii) => {
      taxii.decorateRequest("taxii", null);
      taxii.removeAllContentTypeParsers();
      taxii.addContentTypeParser(
        /^application\/taxii\+json/i,
        { parseAs: "string", bodyLimit: MAX_CONTENT_LENGTH },
        (request, body, done) => {
          const params = String(request.headers["content-type"]).toLowerCase().replace(/\s/g, "");
          if (!params.includes("version=2.1")) {
            done(new TaxiiError(415, "Unsupported media type", `Send ${TAXII_MEDIA_TYPE}.`), undefined);
            return;
          }
          try {
            done(null, JSON.parse(String(body)));
          } catch {
            done(new TaxiiError(400, "Malformed JSON", "The body is not valid JSON."), undefined);
          }
        },
      );

      taxii.addHook("onRequest", async (request, reply) => {
        if (!acceptable(request.headers.accept)) {
          throw new TaxiiError(406, "Not acceptable", `This server answers ${TAXII_MEDIA_TYPE}.`);
        }
        if (request.peerToken) {
          const peer = await federationRepo.peerByTokenHash(deps.db.kysely, hashSecret(request.peerToken));
          if (!peer) throw new TaxiiError(401, "Authentication failed", "The token is not valid.");
          request.taxii = {
            kind: "peer",
            peer: {
              id: peer.id,
              name: peer.name,
              partner: peer.partner,
              stewardId: peer.steward_id,
              stewardOrganisationId: peer.steward_organisation_id,
            },
          };
        } else if (request.auth?.stage === "complete" && (request.auth.viewer.via === "token" || request.method === "GET")) {
          request.taxii = { kind: "person", viewer: request.auth.viewer };
        }
        reply.header("content-type", TAXII_MEDIA_TYPE);
      });

      taxii.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
        if (error instanceof TaxiiError) {
          if (error.status === 401) reply.header("WWW-Authenticate", CHALLENGE);
          return send(reply, error.status, errorBody(error.status, error.title, error.message, error.errorCode));
        }
        if (error instanceof AppError) {
          if (error.status === 401) reply.header("WWW-Authenticate", CHALLENGE);
          return send(reply, error.status, errorBody(error.status, error.code, error.message, error.code));
        }
        const status = error.statusCode ?? 500;
        if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || status === 415) {
          return send(reply, 415, errorBody(415, "Unsupported media type", `Send ${TAXII_MEDIA_TYPE}.`));
        }
        if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || status === 413) {
          return send(
            reply,
            413,
            errorBody(413, "Too large", `The body is larger than max_content_length (${MAX_CONTENT_LENGTH} bytes).`),
          );
        }
        if (status === 429) return send(reply, 429, errorBody(429, "Too many requests", "Slow down."));
        if (status >= 400 && status < 500)
          return send(reply, status, errorBody(status, "Bad request", "The request could not be understood."));
        request.log.error(
          { err: { type: error.name, code: error.code, message: error.message, stack: error.stack } },
          "taxii error",
        );
        return send(reply, 500, errorBody(500, "Internal error", "Something failed on our side; nothing was changed."));
      });
      taxii.setNotFoundHandler((_request, reply) => send(reply, 404, errorBody(404, "Not found", "No such TAXII resource.")));

      const base = () => deps.config.publicUrl.replace(/\/$/, "");

      taxii.get("/", async (request, reply) => {
        principalOf(request);
        return send(reply, 200, {
          title: "Roundtable TAXII 2.1",
          description: "The information sharing exchange's STIX 2.1 content, filtered by TLP for whoever asks.",
          default: `${base()}/taxii2/api/`,
          api_roots: [`${base()}/taxii2/api/`],
        });
      });

      taxii.get("/api/", async (request, reply) => {
        principalOf(request);
        return send(reply, 200, {
          title: "Roundtable",
          description: "Collections: the community, your organisation, your working groups, sent to you.",
          versions: [TAXII_MEDIA_TYPE],
          max_content_length: MAX_CONTENT_LENGTH,
        });
      });

      taxii.get("/api/collections/", async (request, reply) => {
        const collections = (await collectionsOf(deps, principalOf(request))).map(presentCollection);
        return send(reply, 200, collections.length ? { collections } : {});
      });

      taxii.get<{ Params: { id: string } }>("/api/collections/:id/", async (request, reply) => {
        const collection = await collectionOf(deps, principalOf(request), request.params.id);
        return send(reply, 200, presentCollection(collection));
      });

      taxii.get<{ Params: { id: string }; Querystring: RawQuery }>("/api/collections/:id/objects/", async (request, reply) => {
        const principal = principalOf(request);
        const collection = await collectionOf(deps, principal, request.params.id);
        const page = await objectsPage(deps, principal, collection, parseFilters(request.query, { versionsAllowed: true }));
        datesHeaders(reply, page.added);
        return send(reply, 200, envelope(page));
      });

      taxii.post<{ Params: { id: string } }>("/api/collections/:id/objects/", async (request, reply) => {
        const principal = principalOf(request);
        const collection = await collectionOf(deps, principal, request.params.id);
        const body = request.body as { objects?: unknown } | undefined;
        if (!body || typeof body !== "object" || Array.isArray(body)) {
          throw new TaxiiError(400, "Invalid envelope", "Send an envelope: an object with an objects array.");
        }
        if (body.objects !== undefined && !Array.isArray(body.objects)) {
          throw new TaxiiError(400, "Invalid envelope", "objects must be an array.");
        }
        const status = await postObjects(deps, principal, collection, (body.objects as unknown[] | undefined) ?? []);
        return send(reply, 202, status);
      });

      taxii.get<{ Params: { id: string; objectId: string }; Querystring: RawQuery }>(
        "/api/collections/:id/objects/:objectId/",
        async (request, reply) => {
          const principal = principalOf(request);
          const collection = await collectionOf(deps, principal, request.params.id);
          const filters = parseFilters(request.query, { versionsAllowed: true });
          const page = await objectsPage(deps, principal, collection, filters, request.params.objectId);
          if (page.added.length === 0 && !filters.next) {
            throw new TaxiiError(404, "Object not found", "There is no such object in this collection, or not one you may read.");
          }
          datesHeaders(reply, page.added);
          return send(reply, 200, envelope(page));
        },
      );

      taxii.delete<{ Params: { id: string; objectId: string } }>("/api/collections/:id/objects/:objectId/", async (request) => {
        const principal = principalOf(request);
        await collectionOf(deps, principal, request.params.id);
        throw new TaxiiError(
          403,
          "Deletion not permitted",
          "Shared items are never deleted from an exchange (their history and audit trail stay); the originator changes the label or audience instead.",
        );
      });

      taxii.get<{ Params: { id: string; objectId: string }; Querystring: RawQuery }>(
        "/api/collections/:id/objects/:objectId/versions/",
        async (request, reply) => {
          const principal = principalOf(request);
          const collection = await collectionOf(deps, principal, request.params.id);
          const filters = parseFilters(request.query, { versionsAllowed: false });
          const page = await objectsPage(
            deps,
            principal,
            collection,
            { ...filters, versions: { last: false, first: false, all: true, at: [] } },
            request.params.objectId,
          );
          if (page.added.length === 0 && !filters.next) {
            throw new TaxiiError(404, "Object not found", "There is no such object in this collection, or not one you may read.");
          }
          datesHeaders(reply, page.added);
          return send(reply, 200, {
            more: page.more,
            ...(page.next ? { next: page.next } : {}),
            versions: page.added.map((a) => a.version),
          });
        },
      );

      taxii.get<{ Params: { id: string }; Querystring: RawQuery }>("/api/collections/:id/manifest/", async (request, reply) => {
        const principal = principalOf(request);
        const collection = await collectionOf(deps, principal, request.params.id);
        const page = await objectsPage(deps, principal, collection, parseFilters(request.query, { versionsAllowed: true }));
        datesHeaders(reply, page.added);
        if (page.added.length === 0 && !page.more) return send(reply, 200, {});
        return send(reply, 200, {
          more: page.more,
          ...(page.next ? { next: page.next } : {}),
          objects: page.added.map((a) => ({
            id: a.id,
            date_added: a.dateAdded,
            version: a.version,
            media_type: "application/stix+json;version=2.1",
          })),
        });
      });

      taxii.get<{ Params: { statusId: string } }>("/api/status/:statusId/", async (request, reply) => {
        return send(reply, 200, await statusOf(deps, principalOf(request), request.params.statusId));
      });
    },
    { prefix: "/taxii2" },
  );
}
