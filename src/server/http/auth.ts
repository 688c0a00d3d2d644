// Request authentication (session cookie, Bearer or Basic API token), stage and role checks, CSRF.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../shared/errors.js";
import type { Deps, Viewer } from "../context.js";
import { safeEqual } from "../security/secrets.js";
import { type Authenticated, authenticateSession, authenticateToken } from "../services/session.service.js";

export const SESSION_COOKIE = "rt_session";

declare module "fastify" {
  interface FastifyRequest {
    auth: Authenticated | null;
    /** A peer exchange's token (rtp_…): only the TAXII server accepts it. */
    peerToken: string | null;
  }
}

/** Tokens given to peer exchanges start with this; they never authenticate a person. */
export const PEER_TOKEN_PREFIX = "rtp_";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function parseAuthorization(header: string): { token: string; email?: string } | null {
  const [scheme, value] = header.split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === "bearer") return { token: value };
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 1) return null;
    return { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
  }
  return null;
}

/** Resolves who is calling on every request; routes then demand what they need. */
export function installAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("auth", null);
  app.decorateRequest("peerToken", null);
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    if (header) {
      const parsed = parseAuthorization(header);
      if (!parsed) throw new AppError("unauthenticated", "Use Bearer <token> or Basic <e-mail:token>.");
      if (parsed.token.startsWith(PEER_TOKEN_PREFIX)) {
        request.peerToken = parsed.token;
        return;
      }
      request.auth = await authenticateToken(deps, parsed.token, parsed.email);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.auth = await authenticateSession(deps, cookie);
  });
}

/** What a route needs from its caller. */
export interface Requirement {
  /** "partial" accepts a session still waiting for its second factor or enrolment. */
  stage?: "complete" | "partial";
  roles?: readonly Viewer["role"][];
}

/** A preHandler that enforces authentication, session stage, role and CSRF for cookie writes. */
export function requireAuth(requirement: Requirement = {}) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const auth = request.auth;
    if (!auth) throw new AppError("unauthenticated", "Log in or send an API token.");
    if (requirement.stage !== "partial" && auth.stage !== "complete") {
      throw auth.stage === "enrolment"
        ? new AppError("enrolment_required", "Enrol a second factor first.")
        : new AppError("second_factor_required", "Enter your TOTP code first.");
    }
    if (auth.viewer.via === "session" && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
        throw new AppError("csrf_failed", "Missing or wrong X-CSRF-Token header.");
      }
    }
    if (requirement.roles && !requirement.roles.includes(auth.viewer.role)) {
      throw new AppError("forbidden", "Your role does not allow this.");
    }
  };
}

/** The viewer of a request that passed requireAuth. */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.auth) throw new AppError("unauthenticated", "Log in or send an API token.");
  return request.auth.viewer;
}
