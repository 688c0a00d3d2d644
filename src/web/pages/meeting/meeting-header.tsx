// The head of a meeting page: label, title, when, format, location, host and the calendar download.
import { TLP_MEANING } from "../../../shared/tlp.js";
import { TlpBadge } from "../../components/tlp-badge.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { Meeting } from "../../data/types.js";
import { formatSpan, meetingFormatName, meetingStatusName } from "../../lib/format.js";
import { Link } from "../../router/router.js";

/** The title block and key facts of a meeting. */
export function MeetingHeader({ meeting }: { meeting: Meeting }) {
  return (
    <header className="item-head meeting-head">
      <div className="item-card-meta">
        <TlpBadge label={meeting.tlp} />
        <span className="kind-tag">Meeting</span>
        {meeting.status !== "scheduled" && (
          <span className={`status status-meeting-${meeting.status}`}>{meetingStatusName(meeting.status)}</span>
        )}
      </div>
      <div className="item-title-row">
        <h1 data-testid="meeting-title">{meeting.title}</h1>
        <a
          className="button button-secondary"
          href={meetingsApi.icsUrl(meeting.id)}
          download={`meeting-${meeting.id}.ics`}
          data-testid="ics-link"
        >
          Add to calendar
        </a>
      </div>
      <p className="tlp-meaning">{TLP_MEANING[meeting.tlp]}</p>
      <dl className="meta meeting-meta">
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={meeting.startsAt}>{formatSpan(meeting.startsAt, meeting.endsAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>{meetingFormatName(meeting.format)}</dd>
        </div>
        <div>
          <dt>Location</dt>
          <dd>{meeting.location || <span className="muted">Not set yet</span>}</dd>
        </div>
        <div>
          <dt>Host</dt>
          <dd>{meeting.host?.name ?? <span className="muted">No host</span>}</dd>
        </div>
      </dl>
      <p className="small">
        <Link to={`/meetings?year=${new Date(meeting.startsAt).getFullYear()}`}>Back to the calendar</Link>
      </p>
    </header>
  );
}
