// STIX 2.1 bundles and MISP events in and out of the exchange: export (an item, a search, a
// period), import (streamed, all-or-nothing), MISP import, and the extension's JSON schema.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../shared/errors.js";
import { mispToStix } from "../../shared/misp.js";
import { ImportQuery, ImportSummary, ItemFilters, MispImportSummary, Uuid } from "../../shared/schemas/index.js";
import { EXTENSION_SCHEMA_PATH, roundtableExtensionSchema } from "../../shared/stix-extension.js";
import type { Deps, Viewer } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses as errors } from "../http/error-responses.js";
import { exportBundle, MAX_EXPORT_ITEMS } from "../services/stix-export.service.js";
import { type ImportOutcome, ImportRejected, importBundleStream, importObjects } from "../services/stix-import.service.js";

const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

const ExportQuery = ItemFilters.extend({
  item: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_EXPORT_ITEMS).default(1000),
});

function audienceFor(viewer: Viewer, query: z.infer<typeof ImportQuery>) {
  const none = { exchange: false, organisations: [] as string[], groups: [] as string[], persons: [] as string[] };
  if (query.group) return { ...none, groups: [query.group] };
  if (query.audience === "organisation") return { ...none, organisations: [viewer.organisationId] };
  return { ...none, exchange: true };
}

function summary(o: ImportOutcome) {
  return {
    total: o.total,
    created: o.created.length,
    updated: o.updated.length,
    unchanged: o.unchanged.length,
    skipped: o.skipped.slice(0, 1000),
    ids: { created: o.created.slice(0, 1000), updated: o.updated.slice(0, 1000) },
  };
}

/** Writes a request body to a private temporary file, refusing it past `maxBytes`. */
async function spoolBody(body: AsyncIterable<Uint8Array>, maxBytes: number) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "roundtable-import-"));
  const file = path.join(dir, "bundle.json");
  const remove = () => fsp.rm(dir, { recursive: true, force: true });
  let size = 0;
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Uint8Array>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > maxBytes) throw new AppError("payload_too_large", `The bundle is larger than ${maxBytes} bytes.`);
          yield chunk;
        }
      },
      fs.createWriteStream(file, { mode: 0o600 }),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return { file, remove };
}

/** STIX and MISP routes. */
export async function stixRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const auth = requireAuth();
  const tags = ["stix"];
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    // Bundles are streamed to the importer, never buffered whole: the route reads the raw body.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(/^application\/(stix\+)?json/i, (_request, payload, done) => done(null, payload));

    r.get(
      EXTENSION_SCHEMA_PATH,
      { schema: { tags, summary: "JSON Schema of Roundtable's STIX extension" } },
      async (_request, reply) =>
        reply.type("application/schema+json").send(JSON.stringify(roundtableExtensionSchema(deps.config.publicUrl), null, 2)),
    );

    r.get(
      "/api/stix/export",
      {
        schema: {
          tags,
          summary: "A STIX 2.1 bundle of one item, or of the items a search or period finds (newest first)",
          querystring: ExportQuery,
          response: errors,
        },
        preHandler: auth,
      },
      async (request, reply) => {
        const { item, limit, ...filters } = request.query;
        const bundle = await exportBundle(deps, viewerOf(request), item ? { item } : { filters, limit });
        return reply
          .header("content-type", STIX_MEDIA_TYPE)
          .header("content-disposition", `attachment; filename="roundtable-${item ?? "items"}.stix.json"`)
          .send(Buffer.from(JSON.stringify(bundle)) as never);
      },
    );

    r.post(
      "/api/stix/import",
      {
        schema: {
          tags,
          summary: "Import a STIX 2.1 bundle: validated strictly, all-or-nothing, idempotent by id and modified",
          description: `Send the bundle as ${STIX_MEDIA_TYPE} (or application/json). Objects without a TLP marking are refused unless ?tlp= gives their label. A problem rejects the whole bundle with 422 stix_invalid and every problem by path in details.issues.`,
          querystring: ImportQuery,
          response: { 200: ImportSummary, ...errors },
        },
        preHandler: auth,
      },
      async (request) => {
        const length = Number(request.headers["content-length"] ?? 0);
        if (length > deps.config.maxImportBytes) {
          throw new AppError("payload_too_large", `The bundle is larger than ${deps.config.maxImportBytes} bytes.`);
        }
        const viewer = viewerOf(request);
        // The body is spooled to a file first: a slow upload must not hold a transaction (PGlite has one session).
        const spool = await spoolBody(request.body as AsyncIterable<Uint8Array>, deps.config.maxImportBytes);
        try {
          const outcome = await importBundleStream(
            deps,
            { kind: "person", viewer, audience: audienceFor(viewer, request.query) },
            fs.createReadStream(spool.file, { highWaterMark: 1024 * 1024 }),
            { maxBytes: deps.config.maxImportBytes, ...(request.query.tlp ? { defaultTlp: request.query.tlp } : {}) },
          );
          return summary(outcome);
        } finally {
          await spool.remove();
        }
      },
    );

    r.post(
      "/api/misp/import",
      {
        schema: {
          tags,
          summary: "Import a MISP event (MISP core JSON): attributes and objects become indicators, the event a report",
          description:
            "Labels come from tlp: tags and the distribution (the stricter wins). An event with neither is refused unless ?tlp= gives its label: Roundtable never guesses one.",
          querystring: ImportQuery,
          response: { 200: MispImportSummary, ...errors },
        },
        preHandler: auth,
      },
      async (request) => {
        const viewer = viewerOf(request);
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of request.body as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > deps.config.maxImportBytes) throw new AppError("payload_too_large", "The MISP event is too large.");
          chunks.push(chunk);
        }
        let input: unknown;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          throw new AppError("malformed_request", "The body is not valid JSON.");
        }
        const converted = mispToStix(input, {
          now: deps.clock(),
          newId: randomUUID,
          ...(request.query.tlp ? { defaultLabel: request.query.tlp } : {}),
        });
        if (!converted.ok) throw new ImportRejected(converted.issues);
        const outcome = await importObjects(
          deps,
          { kind: "person", viewer, audience: audienceFor(viewer, request.query) },
          converted.bundle.objects,
          { mode: "all-or-nothing", sourceId: converted.bundle.id },
        );
        return { ...summary(outcome), converted: converted.skipped.slice(0, 1000) };
      },
    );
  });
}
