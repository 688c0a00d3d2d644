// Routes for preparedness measures: propose, list, read, adopt, revise, retire, report, adoption, export.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AdoptionOverview,
  AdoptMeasureRequest,
  IdParams,
  Measure,
  MeasureExportQuery,
  MeasureList,
  MeasuresQuery,
  ProposeMeasureRequest,
  ReportImplementationRequest,
  RetireMeasureRequest,
  ReviseMeasureRequest,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses as errors } from "../http/error-responses.js";
import { adoptionOverview, exportMeasures } from "../services/measure-adoption.js";
import * as measures from "../services/measures.service.js";

/** Measure routes. A measure is an item too: its thread, links and label use the item routes. */
export async function measuresRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();
  const tags = ["measures"];

  r.get(
    "/api/measures",
    {
      schema: {
        tags,
        summary: "Measures you may read, with suppressed aggregates",
        querystring: MeasuresQuery,
        response: { 200: MeasureList, ...errors },
      },
      preHandler: auth,
    },
    async (request) => measures.listMeasures(deps, viewerOf(request), request.query),
  );
  r.post(
    "/api/measures",
    {
      schema: {
        tags,
        summary: "Propose a preparedness measure",
        body: ProposeMeasureRequest,
        response: { 200: Measure, ...errors },
      },
      preHandler: auth,
    },
    async (request) => measures.proposeMeasure(deps, viewerOf(request), request.body),
  );
  r.get(
    "/api/measures/export",
    {
      schema: {
        tags,
        summary: "Readable measures and their aggregates as CSV or JSON",
        querystring: MeasureExportQuery,
        response: { 200: z.string(), ...errors },
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const file = await exportMeasures(deps, viewerOf(request), request.query.format);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="measures.${request.query.format}"`)
        .send(file.body);
    },
  );
  r.get(
    "/api/measures/:id",
    { schema: { tags, summary: "One measure", params: IdParams, response: { 200: Measure, ...errors } }, preHandler: auth },
    async (request) => measures.getMeasure(deps, viewerOf(request), request.params.id),
  );
  r.post(
    "/api/measures/:id/adopt",
    {
      schema: {
        tags,
        summary: "Adopt by a recorded decision (chairs, secretariat)",
        params: IdParams,
        body: AdoptMeasureRequest,
        response: { 200: Measure, ...errors },
      },
      preHandler: auth,
    },
    async (request) => measures.adoptMeasure(deps, viewerOf(request), request.params.id, request.body),
  );
  r.patch(
    "/api/measures/:id",
    {
      schema: {
        tags,
        summary: "Revise applicability or review (chairs, secretariat)",
        params: IdParams,
        body: ReviseMeasureRequest,
        response: { 200: Measure, ...errors },
      },
      preHandler: auth,
    },
    async (request) => measures.reviseMeasure(deps, viewerOf(request), request.params.id, request.body),
  );
  r.post(
    "/api/measures/:id/retire",
    {
      schema: {
        tags,
        summary: "Retire a measure (chairs, secretariat)",
        params: IdParams,
        body: RetireMeasureRequest,
        response: { 200: Measure, ...errors },
      },
      preHandler: auth,
    },
    async (request) => measures.retireMeasure(deps, viewerOf(request), request.params.id, request.body.reason),
  );
  r.put(
    "/api/measures/:id/implementation",
    {
      schema: {
        tags,
        summary: "Report your organisation's implementation status (its own label; AMBER+STRICT by default)",
        params: IdParams,
        body: ReportImplementationRequest,
        response: { 200: Measure, ...errors },
      },
      preHandler: auth,
    },
    async (request) => measures.reportImplementation(deps, viewerOf(request), request.params.id, request.body),
  );
  r.get(
    "/api/measures/:id/adoption",
    {
      schema: {
        tags,
        summary: "Adoption over time per sector and kind, and overdue organisations",
        params: IdParams,
        response: { 200: AdoptionOverview, ...errors },
      },
      preHandler: auth,
    },
    async (request) => adoptionOverview(deps, viewerOf(request), request.params.id),
  );
}
