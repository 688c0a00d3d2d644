// Routes for logging in and out, the second factor, first-start setup and invitations.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AcceptInvitationRequest,
  BootstrapRequest,
  BootstrapStatus,
  InvitationInfo,
  LoginRequest,
  OkResponse,
  SessionResponse,
  TotpRequest,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, SESSION_COOKIE } from "../http/auth.js";
import { errorResponses } from "../http/error-responses.js";
import { completeSetup, needsSetup } from "../services/bootstrap.service.js";
import { acceptInvitation, describeInvitation } from "../services/membership.service.js";
import { describeSession, login, logout, secondFactor } from "../services/session.service.js";

const TokenParams = z.strictObject({ token: z.string().min(10).max(200) });
const errors = errorResponses;

/** Session routes. */
export async function sessionRoutes(app: FastifyInstance, deps: Deps, loginsPerMinute = 20): Promise<void> {
  // Credential-guessing endpoints get a much tighter limit than the rest of the API.
  const LOGIN_LIMIT = { rateLimit: { max: loginsPerMinute, timeWindow: "1 minute" } };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, rawId: string) =>
    reply.setCookie(SESSION_COOKIE, rawId, {
      httpOnly: true,
      sameSite: "strict",
      secure: deps.config.publicUrl.startsWith("https://"),
      path: "/",
      maxAge: deps.config.sessionHours * 3600,
    });

  r.get(
    "/api/session",
    {
      schema: { tags: ["session"], summary: "The current session", response: { 200: SessionResponse, ...errors } },
      preHandler: requireAuth({ stage: "partial" }),
    },
    async (request) => describeSession(deps, request.auth!),
  );

  r.post(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "Log in with e-mail and password",
        body: LoginRequest,
        response: { 200: SessionResponse, ...errors },
      },
      config: LOGIN_LIMIT,
    },
    async (request, reply) => {
      const outcome = await login(deps, request.body.email, request.body.password);
      if (!outcome.ok) throw outcome.error;
      setCookie(reply, outcome.rawId);
      return outcome.response;
    },
  );

  r.post(
    "/api/session/second-factor",
    {
      schema: {
        tags: ["session"],
        summary: "Complete a login with a TOTP code",
        body: TotpRequest,
        response: { 200: SessionResponse, ...errors },
      },
      config: LOGIN_LIMIT,
      preHandler: requireAuth({ stage: "partial" }),
    },
    async (request) => {
      const outcome = await secondFactor(deps, request.cookies[SESSION_COOKIE] ?? "", request.body.code);
      if (!outcome.ok) throw outcome.error;
      return outcome.response;
    },
  );

  r.delete(
    "/api/session",
    {
      schema: { tags: ["session"], summary: "Log out", response: { 200: OkResponse, ...errors } },
      preHandler: requireAuth({ stage: "partial" }),
    },
    async (request, reply) => {
      const raw = request.cookies[SESSION_COOKIE];
      if (raw) await logout(deps, raw);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  r.get(
    "/api/bootstrap",
    {
      schema: {
        tags: ["setup"],
        summary: "Whether the exchange still needs its first secretariat account",
        response: { 200: BootstrapStatus },
      },
    },
    async () => ({ needsSetup: await needsSetup(deps) }),
  );

  r.post(
    "/api/bootstrap",
    {
      schema: {
        tags: ["setup"],
        summary: "Create the secretariat and its first account with the one-time setup token",
        body: BootstrapRequest,
        response: { 200: SessionResponse, ...errors },
      },
      config: LOGIN_LIMIT,
    },
    async (request, reply) => {
      const opened = await completeSetup(deps, request.body);
      setCookie(reply, opened.rawId);
      return opened.response;
    },
  );

  r.get(
    "/api/invitations/:token",
    {
      schema: {
        tags: ["setup"],
        summary: "What an invitation is for",
        params: TokenParams,
        response: { 200: InvitationInfo, ...errors },
      },
      config: LOGIN_LIMIT,
    },
    async (request) => describeInvitation(deps, request.params.token),
  );

  r.post(
    "/api/invitations/:token/accept",
    {
      schema: {
        tags: ["setup"],
        summary: "Accept an invitation and set a password",
        params: TokenParams,
        body: AcceptInvitationRequest,
        response: { 200: SessionResponse, ...errors },
      },
      config: LOGIN_LIMIT,
    },
    async (request, reply) => {
      const opened = await acceptInvitation(deps, request.params.token, request.body.password, request.body.name);
      setCookie(reply, opened.rawId);
      return opened.response;
    },
  );
}
