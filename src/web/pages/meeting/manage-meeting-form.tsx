// The managers' changes to a meeting: status (held, cancelled), location, date and times.
import { type FormEvent, useId, useState } from "react";
import { MEETING_STATUSES } from "../../../shared/schemas/meetings.schemas.js";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { Meeting, MeetingStatus, UpdateMeetingRequest } from "../../data/types.js";
import { localIso, toLocalDay, toLocalTime } from "../../lib/dates.js";
import { meetingStatusName } from "../../lib/format.js";

/** A disclosure with the meeting's editable facts; sends only what changed. */
export function ManageMeetingForm({ meeting, onChanged }: { meeting: Meeting; onChanged: (meeting: Meeting) => void }) {
  const id = useId();
  const [status, setStatus] = useState<MeetingStatus>(meeting.status);
  const [location, setLocation] = useState(meeting.location);
  const [date, setDate] = useState(toLocalDay(meeting.startsAt));
  const [start, setStart] = useState(toLocalTime(meeting.startsAt));
  const [end, setEnd] = useState(toLocalTime(meeting.endsAt));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = localIso(date, start);
    const endsAt = localIso(date, end);
    if (!startsAt || !endsAt || endsAt <= startsAt) {
      setError(new Error("The meeting must end after it starts."));
      return;
    }
    const body: UpdateMeetingRequest = {};
    if (status !== meeting.status) body.status = status;
    if (location.trim() !== meeting.location) body.location = location.trim();
    if (startsAt !== new Date(meeting.startsAt).toISOString()) body.startsAt = startsAt;
    if (endsAt !== new Date(meeting.endsAt).toISOString()) body.endsAt = endsAt;
    if (Object.keys(body).length === 0) {
      setError(new Error("Nothing was changed."));
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onChanged(await meetingsApi.update(meeting.id, body));
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="disclosure panel manage-panel">
      <summary>Manage the meeting</summary>
      <form onSubmit={submit} aria-label="Manage the meeting" noValidate>
        <div className="form-row form-row-top">
          <div className="field">
            <label htmlFor={`${id}-status`}>Status</label>
            <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as MeetingStatus)}>
              {MEETING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {meetingStatusName(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>Date</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-start`}>Starts</label>
            <input id={`${id}-start`} type="time" value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-end`}>Ends</label>
            <input id={`${id}-end`} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-location`}>Location or dial-in</label>
          <input id={`${id}-location`} maxLength={500} value={location} onChange={(e) => setLocation(e.target.value)} />
        </div>
        <ErrorAlert error={error} />
        {saved && (
          <Notice kind="success">
            <p>The meeting was updated.</p>
          </Notice>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : "Save changes"}
        </button>
      </form>
    </details>
  );
}
