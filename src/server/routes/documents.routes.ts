// Routes for the Terms of Reference and NDA, and the audit trail.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  AcceptDocumentsRequest,
  AuditPage,
  AuditQuery,
  CurrentDocuments,
  ExchangeDocument,
  PublishDocumentRequest,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses } from "../http/error-responses.js";
import { auditTrail } from "../services/audit.service.js";
import * as documents from "../services/documents.service.js";

const errors = errorResponses;

/** Document and audit routes. */
export async function documentsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();

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
