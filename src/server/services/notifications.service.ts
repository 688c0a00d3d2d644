// The notification centre: a person's notifications (only those whose subject they may read),
// marking them read, and e-mail preferences.
import type { Notification, NotificationType } from "../../shared/schemas/index.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { NOTIFICATION_TEXT, subjectLink } from "../notifications/messages.js";
import * as repo from "../repositories/notifications.repository.js";

/** A visible notification as the API shows it. */
export function presentNotification(row: repo.VisibleNotification): Notification {
  return {
    id: row.id,
    type: row.type as NotificationType,
    urgent: row.urgent,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    text: NOTIFICATION_TEXT[row.type as NotificationType] ?? row.type,
    subject: { type: row.subject_type, id: row.subject_id, title: row.title, tlp: row.tlp },
    link: subjectLink(row.subject_type, row.subject_id, row.meeting_id),
  };
}

async function listIn(trx: Tx, query: { unread?: "true" | "false"; limit: number }) {
  const rows = await repo.visibleNotifications(trx, { unreadOnly: query.unread === "true", limit: query.limit });
  return { unread: await repo.unreadCount(trx), notifications: rows.map(presentNotification) };
}

/** The viewer's notifications, newest first, with the unread count. */
export async function listNotifications(deps: Deps, viewer: Viewer, query: { unread?: "true" | "false"; limit: number }) {
  return deps.db.asViewer(viewer.personId, (trx) => listIn(trx, query));
}

/** Marks the given notifications (or all) read. */
export async function markRead(deps: Deps, viewer: Viewer, input: { ids?: string[]; all?: boolean }) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await repo.markRead(trx, deps.clock(), input.all ? "all" : (input.ids ?? []));
    return listIn(trx, { limit: 50 });
  });
}

/** The viewer's e-mail preferences (both on unless changed). */
export async function getPreferences(deps: Deps, viewer: Viewer) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const prefs = (await repo.preferencesOf(trx, [viewer.personId])).get(viewer.personId);
    return { emailUrgent: prefs?.email_urgent ?? true, emailDigest: prefs?.email_digest ?? true };
  });
}

/** Saves the viewer's e-mail preferences. */
export async function setPreferences(deps: Deps, viewer: Viewer, input: { emailUrgent: boolean; emailDigest: boolean }) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await repo.savePreferences(trx, viewer.personId, { email_urgent: input.emailUrgent, email_digest: input.emailDigest });
    return input;
  });
}
