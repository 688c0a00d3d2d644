// Assembles the HTTP server: security plugins first, then authentication, routes, the web UI.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Deps } from "./context.js";
import { installAuthentication } from "./http/auth.js";
import { installErrorHandler, notFoundBody } from "./http/errors.js";
import { LiveHub } from "./realtime/hub.js";
import { accountRoutes } from "./routes/account.routes.js";
import { callsRoutes } from "./routes/calls.routes.js";
import { collaborationRoutes } from "./routes/collaboration.routes.js";
import { documentsRoutes } from "./routes/documents.routes.js";
import { federationRoutes } from "./routes/federation.routes.js";
import { insightRoutes } from "./routes/insight.routes.js";
import { interdependenciesRoutes } from "./routes/interdependencies.routes.js";
import { itemsRoutes } from "./routes/items.routes.js";
import { measuresRoutes } from "./routes/measures.routes.js";
import { meetingsRoutes } from "./routes/meetings.routes.js";
import { membershipRoutes } from "./routes/membership.routes.js";
import { notificationsRoutes } from "./routes/notifications.routes.js";
import { sessionRoutes } from "./routes/session.routes.js";
import { stixRoutes } from "./routes/stix.routes.js";
import { taxiiRoutes } from "./routes/taxii.routes.js";

declare module "fastify" {
  interface FastifyInstance {
    liveHub: LiveHub;
  }
}

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

// Invitation links carry one-time secrets, and query strings carry search terms, file names and
// setup tokens: log the path only, with invitation tokens masked.
function redactUrl(url: string): string {
  return url.split("?")[0]!.replace(/(\/invitations?\/)[^/]+/g, "$1[redacted]");
}

/** Options for building the app (tests turn logging off and rate limits up). */
export interface AppOptions {
  logger?: boolean;
  rateLimitMax?: number;
  loginsPerMinute?: number;
  /** Where logs go (tests read them); standard output by default. */
  logStream?: NodeJS.WritableStream;
  /** Live notification streams one person may hold open on this instance (default 5). */
  maxStreamsPerPerson?: number;
}

/** Builds the Fastify app over the given dependencies; the caller listens or injects. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            redact: ["req.headers.authorization", "req.headers.cookie", 'req.headers["x-csrf-token"]'],
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
            },
          },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: deps.config.publicUrl.startsWith("https://"),
  });
  await app.register(rateLimit, { max: options.rateLimitMax ?? 1200, timeWindow: "1 minute" });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Roundtable API",
        description: "Information Sharing Exchange: TLP 2.0 enforced as access control. Errors: { error: { code, message } }.",
        version: "0.1.0",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          basic: { type: "http", scheme: "basic" },
          session: { type: "apiKey", in: "cookie", name: "rt_session" },
        },
      },
      security: [{ bearer: [] }, { basic: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  installAuthentication(app, deps);

  const hub = new LiveHub(deps.db, options.maxStreamsPerPerson ?? 5, (error) =>
    app.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, "live delivery failed"),
  );
  await hub.start();
  app.decorate("liveHub", hub);
  // Streams never end by themselves: close them first, or closing the server would wait forever.
  app.addHook("preClose", async () => hub.close());

  app.get("/healthz", { schema: { hide: true } }, async () => {
    await deps.db.schemaVersion();
    return { status: "ok" };
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    await sessionRoutes(api, deps, options.loginsPerMinute);
    await accountRoutes(api, deps);
    await membershipRoutes(api, deps);
    await itemsRoutes(api, deps);
    await collaborationRoutes(api, deps);
    await documentsRoutes(api, deps);
    await meetingsRoutes(api, deps);
    await callsRoutes(api, deps);
    await notificationsRoutes(api, deps, hub);
    await measuresRoutes(api, deps);
    await insightRoutes(api, deps);
    await interdependenciesRoutes(api, deps);
    await stixRoutes(api, deps);
    await federationRoutes(api, deps);
  });
  await taxiiRoutes(app, deps);

  const hasWeb = fs.existsSync(path.join(WEB_ROOT, "index.html"));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET" || !hasWeb) {
      return reply.status(404).send(notFoundBody());
    }
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}
