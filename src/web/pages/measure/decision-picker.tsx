// Chooses a recorded meeting decision: a recent meeting (this year's and last year's that have begun), then one of the
// decisions in its minutes.
import { useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { Loading } from "../../components/loading.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { MeetingSummary } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { formatDate } from "../../lib/format.js";

/** Meetings that have begun and were not cancelled, newest first. */
function recent(meetings: readonly MeetingSummary[]): MeetingSummary[] {
  const now = Date.now();
  return meetings
    .filter((m) => m.status !== "cancelled" && new Date(m.startsAt).getTime() <= now)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}

function Decisions({ meetingId, value, onChange }: { meetingId: string; value: string | null; onChange: (id: string) => void }) {
  const id = useId();
  const meeting = useApi((signal) => meetingsApi.get(meetingId, { signal }), [meetingId]);
  const decisions = (meeting.data?.agenda ?? []).flatMap((part) =>
    part.items.flatMap((item) => item.decisions.map((decision) => ({ ...decision, agendaTitle: item.title }))),
  );
  if (meeting.loading && !meeting.data) return <Loading label="Loading the meeting's decisions…" />;
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  if (decisions.length === 0) return <p className="muted">This meeting recorded no decision you may read.</p>;
  return (
    <fieldset className="decision-choices">
      <legend>Decision</legend>
      <ul className="checkboxes">
        {decisions.map((d) => (
          <li key={d.id} className="decision-choice">
            <label className="check">
              <input type="radio" name={`${id}-decision`} checked={value === d.id} onChange={() => onChange(d.id)} />
              <span>
                “{d.text}” <span className="muted small">— {d.agendaTitle}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A meeting select and the radio list of its decisions; `onChange` receives the chosen decision's id (or null). */
export function DecisionPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const id = useId();
  const year = new Date().getFullYear();
  const meetings = useApi(
    async (signal) => {
      const [thisYear, lastYear] = await Promise.all([
        meetingsApi.list(year, { signal }),
        meetingsApi.list(year - 1, { signal }),
      ]);
      return recent([...thisYear.meetings, ...lastYear.meetings]);
    },
    [year],
  );
  const [meetingId, setMeetingId] = useState<string>("");
  const list = meetings.data ?? [];
  const chosen = meetingId || list[0]?.id || "";

  if (meetings.loading && !meetings.data) return <Loading label="Loading recent meetings…" />;
  if (meetings.error) return <ErrorAlert error={meetings.error} />;
  if (list.length === 0) return <p className="muted">No meeting has taken place since last year.</p>;
  return (
    <div className="decision-picker">
      <div className="field">
        <label htmlFor={`${id}-meeting`}>Meeting</label>
        <select
          id={`${id}-meeting`}
          value={chosen}
          onChange={(e) => {
            setMeetingId(e.target.value);
            onChange(null);
          }}
        >
          {list.map((m) => (
            <option key={m.id} value={m.id}>
              {formatDate(m.startsAt)} — {m.title}
            </option>
          ))}
        </select>
      </div>
      {chosen && <Decisions key={chosen} meetingId={chosen} value={value} onChange={onChange} />}
    </div>
  );
}
