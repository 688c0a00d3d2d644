// Schemas for notifications, the live stream, e-mail preferences and calendar feeds.
import { z } from "zod";
import { Timestamp, TlpLabelSchema, Uuid } from "./common.js";

export const NOTIFICATION_TYPES = [
  "item.posted",
  "warning.posted",
  "item.label_changed",
  "warning.escalated",
  "call.invited",
  "call.answered",
  "call.ended",
  "meeting.scheduled",
  "agenda.proposed",
  "action.assigned",
  "action.reminder",
  "action.overdue",
  "measure.adopted",
  "measure.review_due",
] as const;
export const NotificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof NotificationTypeSchema>;

export const SUBJECT_TYPES = ["item", "meeting", "agenda-item", "action", "urgent-call"] as const;
export const SubjectTypeSchema = z.enum(SUBJECT_TYPES);
export type SubjectType = z.infer<typeof SubjectTypeSchema>;

export const Notification = z.object({
  id: Uuid,
  type: NotificationTypeSchema,
  urgent: z.boolean(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
  /** A one-line description ("New warning", "Action overdue: …"). */
  text: z.string(),
  subject: z.object({ type: SubjectTypeSchema, id: Uuid, title: z.string(), tlp: TlpLabelSchema }),
  /** Where the web UI shows the subject. */
  link: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = z.strictObject({
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const NotificationList = z.object({ unread: z.number().int(), notifications: z.array(Notification) });

export const MarkReadRequest = z
  .strictObject({ ids: z.array(Uuid).max(500).optional(), all: z.boolean().optional() })
  .refine((r) => r.all === true || (r.ids?.length ?? 0) > 0, { message: "give ids or all: true", path: ["ids"] });

/** What the live stream (GET /api/notifications/stream, event "notification") carries: no content. */
export const StreamEvent = z.object({
  id: Uuid,
  type: NotificationTypeSchema,
  urgent: z.boolean(),
  subjectType: SubjectTypeSchema,
  subjectId: Uuid,
  createdAt: Timestamp,
});
export type StreamEvent = z.infer<typeof StreamEvent>;

export const NotificationPreferences = z.strictObject({
  /** E-mail at once for urgent things (warnings to acknowledge, urgent calls, escalations). */
  emailUrgent: z.boolean(),
  /** A daily digest of everything else. */
  emailDigest: z.boolean(),
});

export const CalendarFeed = z.object({ id: Uuid, createdAt: Timestamp, revokedAt: Timestamp.nullable() });
export const CalendarFeedList = z.object({ feeds: z.array(CalendarFeed) });
/** The feed URL carries the secret; it is shown once, at creation. */
export const CreatedCalendarFeed = CalendarFeed.extend({ url: z.string() });

export const EscalationContactRequest = z.strictObject({ personId: Uuid.nullable() });
