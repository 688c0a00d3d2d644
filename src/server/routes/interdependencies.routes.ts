// Routes for services, dependencies, cascade simulation (and saving it as an analysis) and the IIM.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  CreateDependencyRequest,
  CreateServiceRequest,
  Dependency,
  IdParams,
  IimCoefficients,
  IimSolution,
  IimSolveRequest,
  Item,
  OkResponse,
  SaveAnalysisRequest,
  Service,
  ServiceGraph,
  SetIimCoefficientsRequest,
  SimulateRequest,
  SimulationResult,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses as errors } from "../http/error-responses.js";
import * as cascade from "../services/cascade.service.js";
import * as iim from "../services/iim.service.js";
import * as graph from "../services/interdependencies.service.js";

/** Interdependency routes. */
export async function interdependenciesRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();
  const tags = ["interdependencies"];

  r.get(
    "/api/services",
    {
      schema: { tags, summary: "Services and dependencies you may see", response: { 200: ServiceGraph, ...errors } },
      preHandler: auth,
    },
    async (request) => graph.serviceGraph(deps, viewerOf(request)),
  );
  r.post(
    "/api/services",
    {
      schema: {
        tags,
        summary: "Describe a service your organisation provides",
        body: CreateServiceRequest,
        response: { 200: Service, ...errors },
      },
      preHandler: auth,
    },
    async (request) => graph.createService(deps, viewerOf(request), request.body),
  );
  r.post(
    "/api/dependencies",
    {
      schema: {
        tags,
        summary: "Record a dependency of one of your services",
        body: CreateDependencyRequest,
        response: { 200: Dependency, ...errors },
      },
      preHandler: auth,
    },
    async (request) => graph.createDependency(deps, viewerOf(request), request.body),
  );
  r.delete(
    "/api/dependencies/:id",
    {
      schema: {
        tags,
        summary: "Remove a dependency of one of your services",
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
      preHandler: auth,
    },
    async (request) => graph.deleteDependency(deps, viewerOf(request), request.params.id),
  );
  r.post(
    "/api/cascade/simulate",
    {
      schema: {
        tags,
        summary: "Simulate a cascade; services you may not see appear only as counts per sector",
        body: SimulateRequest,
        response: { 200: SimulationResult, ...errors },
      },
      preHandler: auth,
    },
    async (request) => cascade.simulate(deps, viewerOf(request), request.body),
  );
  r.post(
    "/api/cascade/analyses",
    {
      schema: {
        tags,
        summary: "Save a simulation as an analysis report (label no looser than its inputs)",
        body: SaveAnalysisRequest,
        response: { 200: Item, ...errors },
      },
      preHandler: auth,
    },
    async (request) => cascade.saveAnalysis(deps, viewerOf(request), request.body),
  );
  r.get(
    "/api/iim",
    {
      schema: { tags, summary: "Sector interdependency coefficients (IIM)", response: { 200: IimCoefficients, ...errors } },
      preHandler: auth,
    },
    async (request) => iim.getCoefficients(deps, viewerOf(request)),
  );
  r.put(
    "/api/iim",
    {
      schema: {
        tags,
        summary: "Set the coefficients (secretariat)",
        body: SetIimCoefficientsRequest,
        response: { 200: IimCoefficients, ...errors },
      },
      preHandler: auth,
    },
    async (request) => iim.setCoefficients(deps, viewerOf(request), request.body),
  );
  r.post(
    "/api/iim/solve",
    {
      schema: {
        tags,
        summary: "Inoperability per sector for a perturbation: q = (I − A)⁻¹ c*",
        body: IimSolveRequest,
        response: { 200: IimSolution, ...errors },
      },
      preHandler: auth,
    },
    async (request) => iim.solve(deps, viewerOf(request), request.body.perturbation),
  );
}
