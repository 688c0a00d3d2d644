// The year's meetings grouped by month: date, time, title, format, host, location, label and my answer.
import { TlpBadge } from "../../components/tlp-badge.js";
import type { MeetingSummary } from "../../data/types.js";
import { formatMonth, formatTime, meetingFormatName, meetingStatusName, rsvpName } from "../../lib/format.js";
import { Link } from "../../router/router.js";

function byMonth(meetings: readonly MeetingSummary[]): { key: string; label: string; meetings: MeetingSummary[] }[] {
  const groups = new Map<string, { key: string; label: string; meetings: MeetingSummary[] }>();
  for (const meeting of meetings) {
    const start = new Date(meeting.startsAt);
    const key = `${start.getFullYear()}-${start.getMonth()}`;
    const group = groups.get(key) ?? { key, label: formatMonth(meeting.startsAt), meetings: [] };
    group.meetings.push(meeting);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function MeetingEntry({ meeting }: { meeting: MeetingSummary }) {
  const start = new Date(meeting.startsAt);
  const past = new Date(meeting.endsAt).getTime() < Date.now();
  const classes = ["meeting-entry", past ? "meeting-past" : "", meeting.status === "cancelled" ? "meeting-cancelled" : ""];
  return (
    <li className={classes.filter(Boolean).join(" ")} data-testid="meeting-entry">
      <time className="meeting-day" dateTime={meeting.startsAt}>
        <span className="meeting-day-number">{start.getDate()}</span>
        <span className="meeting-day-name">{start.toLocaleDateString(undefined, { weekday: "short" })}</span>
      </time>
      <div className="meeting-entry-main">
        <h3 className="meeting-entry-title">
          <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
        </h3>
        <p className="byline">
          <span>
            {formatTime(meeting.startsAt)}–{formatTime(meeting.endsAt)}
          </span>
          <span aria-hidden="true"> · </span>
          <span>{meetingFormatName(meeting.format)}</span>
          {meeting.host && (
            <>
              <span aria-hidden="true"> · </span>
              <span>Host: {meeting.host.name}</span>
            </>
          )}
          {meeting.location && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{meeting.location}</span>
            </>
          )}
        </p>
      </div>
      <div className="meeting-entry-side">
        <TlpBadge label={meeting.tlp} />
        {meeting.status !== "scheduled" && (
          <span className={`status status-meeting-${meeting.status}`}>{meetingStatusName(meeting.status)}</span>
        )}
        {meeting.myResponse ? (
          <span className={`status status-rsvp-${meeting.myResponse}`}>{rsvpName(meeting.myResponse)}</span>
        ) : (
          meeting.status === "scheduled" && !past && <span className="status status-pending">Not answered</span>
        )}
      </div>
    </li>
  );
}

/** The meetings of one year by month (the server sorts them by start). */
export function MeetingCalendar({ meetings }: { meetings: readonly MeetingSummary[] }) {
  return (
    <div className="calendar">
      {byMonth(meetings).map((month) => (
        <section key={month.key} className="calendar-month" aria-labelledby={`month-${month.key}`}>
          <h2 id={`month-${month.key}`} className="calendar-month-title">
            {month.label}
          </h2>
          <ul className="meeting-list">
            {month.meetings.map((meeting) => (
              <MeetingEntry key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
