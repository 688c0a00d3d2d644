// /notifications: the notification centre — urgent ones marked, unread in bold; opening one marks it read.
import { type MouseEvent, useState } from "react";
import { ErrorAlert } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { notificationsApi } from "../data/endpoints.js";
import { announceNotificationsRead } from "../data/live.js";
import type { Notification } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useLiveEvents } from "../hooks/use-live-events.js";
import { useTitle } from "../hooks/use-title.js";
import { Link, navigate, useSearchParams } from "../router/router.js";

const LIMIT = 100;

/** A server link is followed only when it is a same-origin path. */
function safeLink(link: string): string {
  return link.startsWith("/") && !link.startsWith("//") ? link : "/notifications";
}

function Entry({ notification, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  const unread = notification.readAt === null;
  const classes = ["notification", unread ? "notification-unread" : "", notification.urgent ? "notification-urgent" : ""];
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(notification);
  };
  return (
    <li className={classes.filter(Boolean).join(" ")} data-testid="notification" data-unread={unread}>
      <div className="notification-head">
        {notification.urgent && <span className="status status-urgent">Urgent</span>}
        {unread && <span className="visually-hidden">Unread:</span>}
        <a href={safeLink(notification.link)} onClick={open} className="notification-text">
          {notification.text}
        </a>
      </div>
      <p className="byline">
        <TlpBadge label={notification.subject.tlp} /> <span>{notification.subject.title}</span>
        <span aria-hidden="true"> · </span>
        <DateTime iso={notification.createdAt} />
      </p>
    </li>
  );
}

/** The notification centre. */
export function NotificationsPage() {
  useTitle("Notifications");
  const unreadOnly = useSearchParams().get("unread") === "true";
  const list = useApi((signal) => notificationsApi.list({ unread: unreadOnly, limit: LIMIT }, { signal }), [unreadOnly]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useLiveEvents(() => list.reload());

  const open = async (notification: Notification) => {
    const target = safeLink(notification.link);
    if (notification.readAt === null) {
      try {
        await notificationsApi.markRead([notification.id]);
        announceNotificationsRead();
      } catch {
        // Opening matters more than the read mark; the notification stays unread.
      }
    }
    navigate(target);
  };

  const markAll = async () => {
    setBusy(true);
    setError(null);
    try {
      list.setData(await notificationsApi.markAllRead());
      announceNotificationsRead();
      if (unreadOnly) list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const notifications = list.data?.notifications ?? [];
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={markAll} disabled={busy || unread === 0}>
            {busy ? "Marking…" : "Mark all read"}
          </button>
        </div>
      </div>
      <nav className="segmented notification-filter" aria-label="Show">
        <Link to="/notifications" className="filter-link" aria-current={unreadOnly ? undefined : "page"}>
          All
        </Link>
        <Link to="/notifications?unread=true" className="filter-link" aria-current={unreadOnly ? "page" : undefined}>
          Unread ({unread})
        </Link>
      </nav>
      <ErrorAlert error={error} />
      <section aria-label="Notifications" aria-busy={list.loading}>
        {list.loading && !list.data && <Loading label="Loading notifications…" />}
        <ErrorAlert error={list.error} />
        {list.data && notifications.length === 0 && (
          <div className="empty">
            <p>{unreadOnly ? "Nothing unread." : "No notifications yet."}</p>
          </div>
        )}
        {notifications.length > 0 && (
          <ul className="notification-list">
            {notifications.map((n) => (
              <Entry key={n.id} notification={n} onOpen={(x) => void open(x)} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
