// Routes for a person's own account: second factor and API tokens.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../shared/errors.js";
import {
  ApiToken,
  CreatedToken,
  CreateTokenRequest,
  IdParams,
  OkResponse,
  SessionResponse,
  TotpRequest,
  TotpSetupResponse,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses } from "../http/error-responses.js";
import * as account from "../services/account.service.js";

const errors = errorResponses;

/** Account routes. */
export async function accountRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/account/totp/setup",
    {
      schema: {
        tags: ["account"],
        summary: "Start enrolling a TOTP second factor",
        response: { 200: TotpSetupResponse, ...errors },
      },
      preHandler: requireAuth({ stage: "partial" }),
    },
    async (request) => {
      if (request.auth?.stage === "second_factor") throw new AppError("second_factor_required", "Enter your TOTP code first.");
      return account.startTotpEnrolment(deps, viewerOf(request));
    },
  );

  r.post(
    "/api/account/totp/confirm",
    {
      schema: {
        tags: ["account"],
        summary: "Confirm TOTP enrolment with a first code",
        body: TotpRequest,
        response: { 200: SessionResponse, ...errors },
      },
      preHandler: requireAuth({ stage: "partial" }),
    },
    async (request) => {
      const auth = request.auth!;
      return account.confirmTotpEnrolment(deps, auth.viewer, auth.sessionHash, auth.csrfToken ?? "", request.body.code);
    },
  );

  r.delete(
    "/api/account/totp",
    {
      schema: { tags: ["account"], summary: "Remove the second factor (members only)", response: { 200: OkResponse, ...errors } },
      preHandler: requireAuth(),
    },
    async (request) => {
      await account.disableTotp(deps, viewerOf(request));
      return { ok: true as const };
    },
  );

  r.get(
    "/api/account/tokens",
    {
      schema: {
        tags: ["account"],
        summary: "Your API tokens",
        response: { 200: z.object({ tokens: z.array(ApiToken) }), ...errors },
      },
      preHandler: requireAuth(),
    },
    async (request) => ({ tokens: await account.listApiTokens(deps, viewerOf(request)) }),
  );

  r.post(
    "/api/account/tokens",
    {
      schema: {
        tags: ["account"],
        summary: "Create an API token (shown once)",
        body: CreateTokenRequest,
        response: { 200: CreatedToken, ...errors },
      },
      preHandler: requireAuth(),
    },
    async (request) => account.createApiToken(deps, viewerOf(request).personId, request.body.name, request.body.expiresInDays),
  );

  r.delete(
    "/api/account/tokens/:id",
    {
      schema: { tags: ["account"], summary: "Revoke an API token", params: IdParams, response: { 200: OkResponse, ...errors } },
      preHandler: requireAuth(),
    },
    async (request) => {
      await account.revokeApiToken(deps, viewerOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
