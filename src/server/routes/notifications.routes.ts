// Routes for the notification centre, the live stream (Server-Sent Events) and e-mail preferences.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { MarkReadRequest, NotificationList, NotificationPreferences, NotificationsQuery } from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses as errors } from "../http/error-responses.js";
import type { LiveHub } from "../realtime/hub.js";
import * as notifications from "../services/notifications.service.js";

/** Notification routes; `hub` holds this instance's live streams. */
export async function notificationsRoutes(app: FastifyInstance, deps: Deps, hub: LiveHub): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();
  const tags = ["notifications"];

  r.get(
    "/api/notifications",
    {
      schema: {
        tags,
        summary: "Your notifications whose subject you may read, newest first, and the unread count",
        querystring: NotificationsQuery,
        response: { 200: NotificationList, ...errors },
      },
      preHandler: auth,
    },
    async (request) => notifications.listNotifications(deps, viewerOf(request), request.query),
  );

  r.post(
    "/api/notifications/read",
    {
      schema: { tags, summary: "Mark notifications read", body: MarkReadRequest, response: { 200: NotificationList, ...errors } },
      preHandler: auth,
    },
    async (request) => notifications.markRead(deps, viewerOf(request), request.body),
  );

  r.get(
    "/api/notifications/stream",
    {
      schema: {
        tags,
        summary:
          "Live stream (text/event-stream): event `notification` with {id, type, urgent, subjectType, subjectId, createdAt}",
        response: { ...errors },
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      hub.open(viewer.personId, reply.raw);
      reply.hijack();
      reply.raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      reply.raw.write("retry: 5000\n: connected\n\n");
    },
  );

  r.get(
    "/api/account/notification-preferences",
    {
      schema: { tags, summary: "Your e-mail preferences", response: { 200: NotificationPreferences, ...errors } },
      preHandler: auth,
    },
    async (request) => notifications.getPreferences(deps, viewerOf(request)),
  );

  r.put(
    "/api/account/notification-preferences",
    {
      schema: {
        tags,
        summary: "Set your e-mail preferences: urgent at once, a daily digest of the rest",
        body: NotificationPreferences,
        response: { 200: NotificationPreferences, ...errors },
      },
      preHandler: auth,
    },
    async (request) => notifications.setPreferences(deps, viewerOf(request), request.body),
  );
}
