// Routes for urgent calls: convene, list, read, answer the roll-call, end with a summary.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ConveneCallRequest,
  EndCallRequest,
  IdParams,
  RollCallRequest,
  UrgentCall,
  UrgentCallList,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses as errors } from "../http/error-responses.js";
import * as calls from "../services/calls.service.js";

/** Urgent-call routes. */
export async function callsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();
  const tags = ["urgent calls"];

  r.post(
    "/api/calls",
    {
      schema: {
        tags,
        summary: "Convene an urgent call (TLP:RED to its invitees)",
        body: ConveneCallRequest,
        response: { 200: UrgentCall, ...errors },
      },
      preHandler: auth,
    },
    async (request) => calls.convene(deps, viewerOf(request), request.body),
  );
  r.get(
    "/api/calls",
    {
      schema: { tags, summary: "Calls you convened or are invited to", response: { 200: UrgentCallList, ...errors } },
      preHandler: auth,
    },
    async (request) => calls.listCalls(deps, viewerOf(request)),
  );
  r.get(
    "/api/calls/:id",
    {
      schema: { tags, summary: "One call with its roll-call", params: IdParams, response: { 200: UrgentCall, ...errors } },
      preHandler: auth,
    },
    async (request) => calls.getCall(deps, viewerOf(request), request.params.id),
  );
  r.put(
    "/api/calls/:id/roll-call",
    {
      schema: {
        tags,
        summary: "Answer the roll-call (invitees)",
        params: IdParams,
        body: RollCallRequest,
        response: { 200: UrgentCall, ...errors },
      },
      preHandler: auth,
    },
    async (request) => calls.answerRollCall(deps, viewerOf(request), request.params.id, request.body),
  );
  r.post(
    "/api/calls/:id/end",
    {
      schema: {
        tags,
        summary: "End the call with a summary item (convener)",
        params: IdParams,
        body: EndCallRequest,
        response: { 200: UrgentCall, ...errors },
      },
      preHandler: auth,
    },
    async (request) => calls.endCall(deps, viewerOf(request), request.params.id, request.body),
  );
}
