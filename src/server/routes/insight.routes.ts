// Routes for participation and balance (dashboard, my organisation, naming consent) and for the
// strategic insight report with its exports (PDF, CSV, STIX 2.1, JSON).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  InsightExportFormat,
  InsightQuery,
  InsightReport,
  MyParticipation,
  NamingConsentRequest,
  OkResponse,
  ParticipationDashboard,
  ParticipationQuery,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { insightCsv, insightStixBundle } from "../export/insight-data.js";
import { insightHtml, renderPdf } from "../export/insight-pdf.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses as errors } from "../http/error-responses.js";
import { buildInsight } from "../services/insight.service.js";
import * as participation from "../services/participation.service.js";

/** Participation, balance, health and insight routes. */
export async function insightRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();
  const tags = ["participation and insight"];
  const exchange = { name: `Roundtable exchange (${deps.config.publicUrl})`, url: deps.config.publicUrl };

  r.get(
    "/api/participation",
    {
      schema: {
        tags,
        summary: "Participation, balance and health of every organisation (chairs and secretariat)",
        querystring: ParticipationQuery,
        response: { 200: ParticipationDashboard, ...errors },
      },
      preHandler: auth,
    },
    async (request) => participation.dashboard(deps, viewerOf(request), request.query),
  );
  r.get(
    "/api/participation/mine",
    {
      schema: {
        tags,
        summary: "Your organisation's standing, what others found useful, the exchange's health",
        querystring: ParticipationQuery,
        response: { 200: MyParticipation, ...errors },
      },
      preHandler: auth,
    },
    async (request) => participation.mine(deps, viewerOf(request), request.query),
  );
  r.put(
    "/api/participation/mine/naming",
    {
      schema: {
        tags,
        summary: "Whether your organisation may be named in insight reports",
        body: NamingConsentRequest,
        response: { 200: OkResponse, ...errors },
      },
      preHandler: auth,
    },
    async (request) => participation.setNamingConsent(deps, viewerOf(request), request.body.namedInInsight),
  );
  r.get(
    "/api/insight",
    {
      schema: {
        tags,
        summary: "The anonymised strategic insight report of a period (chairs and secretariat)",
        querystring: InsightQuery,
        response: { 200: InsightReport, ...errors },
      },
      preHandler: auth,
    },
    async (request) => buildInsight(deps, viewerOf(request), request.query),
  );
  r.get(
    "/api/insight/export",
    {
      schema: {
        tags,
        summary: "The insight report as PDF, CSV, a STIX 2.1 bundle or JSON",
        querystring: z.intersection(InsightQuery, InsightExportFormat),
        response: { 200: z.union([z.string(), z.instanceof(Buffer)]), ...errors },
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const { format, from, to } = request.query;
      const report = await buildInsight(deps, viewerOf(request), { from, to });
      const name = `insight-${from}-${to}`;
      const attach = (ext: string) => reply.header("content-disposition", `attachment; filename="${name}.${ext}"`);
      if (format === "pdf") {
        const pdf = await renderPdf(insightHtml(report, exchange.name), deps.config.chromiumPath);
        return attach("pdf").type("application/pdf").send(pdf);
      }
      if (format === "csv") return attach("csv").type("text/csv; charset=utf-8").send(insightCsv(report));
      if (format === "stix")
        // A Buffer, so Fastify sends the STIX media type exactly as written (no charset appended).
        return attach("stix.json")
          .header("content-type", "application/stix+json;version=2.1")
          .send(Buffer.from(JSON.stringify(insightStixBundle(report, exchange), null, 2)));
      return attach("json")
        .type("application/json")
        .send(JSON.stringify(report, null, 2));
    },
  );
}
