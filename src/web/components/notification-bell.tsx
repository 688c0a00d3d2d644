// The bell in the header: a link to the notification centre with the live unread count.
import { useEffect } from "react";
import { notificationsApi } from "../data/endpoints.js";
import { subscribeNotificationsRead } from "../data/live.js";
import { useApi } from "../hooks/use-api.js";
import { useLiveEvents } from "../hooks/use-live-events.js";
import { Link } from "../router/router.js";

/** Links to /notifications; recounts on every live event and when notifications are marked read. */
export function NotificationBell({ current }: { current: boolean }) {
  const unread = useApi((signal) => notificationsApi.list({ unread: true, limit: 1 }, { signal }), []);
  const { reload } = unread;
  useLiveEvents(() => reload());
  useEffect(() => subscribeNotificationsRead(reload), [reload]);

  const count = unread.data?.unread ?? 0;
  const label = count === 0 ? "Notifications, none unread" : `Notifications, ${count} unread`;
  return (
    <Link
      to="/notifications"
      className={count > 0 ? "bell bell-unread" : "bell"}
      aria-label={label}
      aria-current={current ? "page" : undefined}
      data-testid="notification-bell"
    >
      <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 2.9A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0Z" />
      </svg>
      {count > 0 && (
        <span className="bell-count" data-testid="unread-count">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
