// The managers' changes to a meeting: status (held, cancelled), location, date and times.
import { type FormEvent, useId, useState } from "react";
import { MEETING_STATUSES } from "../../../shared/schemas/meetings.schemas.js";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { ChoiceField } from "../../components/choice-field.js";
import { SubmitButton } from "../../components/form-actions.js";
import { MeetingTimeFields, type MeetingTimes, meetingInstants } from "../../components/meeting-time-fields.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { Meeting, MeetingStatus, UpdateMeetingRequest } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { toLocalDay, toLocalTime } from "../../lib/dates.js";
import { meetingStatusName } from "../../lib/format.js";

/** A disclosure with the meeting's editable facts; sends only what changed. */
export function ManageMeetingForm({ meeting, onChanged }: { meeting: Meeting; onChanged: (meeting: Meeting) => void }) {
  const id = useId();
  const [status, setStatus] = useState<MeetingStatus>(meeting.status);
  const [location, setLocation] = useState(meeting.location);
  const [times, setTimes] = useState<MeetingTimes>(() => ({
    date: toLocalDay(meeting.startsAt),
    start: toLocalTime(meeting.startsAt),
    end: toLocalTime(meeting.endsAt),
  }));
  const [saved, setSaved] = useState(false);
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { startsAt, endsAt } = meetingInstants(times);
    if (!startsAt || !endsAt || endsAt <= startsAt) {
      refuse("The meeting must end after it starts.");
      return;
    }
    const body: UpdateMeetingRequest = {};
    if (status !== meeting.status) body.status = status;
    if (location.trim() !== meeting.location) body.location = location.trim();
    if (startsAt !== new Date(meeting.startsAt).toISOString()) body.startsAt = startsAt;
    if (endsAt !== new Date(meeting.endsAt).toISOString()) body.endsAt = endsAt;
    if (Object.keys(body).length === 0) {
      refuse("Nothing was changed.");
      return;
    }
    setSaved(false);
    await send(async () => {
      onChanged(await meetingsApi.update(meeting.id, body));
      setSaved(true);
    });
  };

  return (
    <details className="disclosure panel manage-panel">
      <summary>Manage the meeting</summary>
      <form onSubmit={submit} aria-label="Manage the meeting" noValidate>
        <div className="form-row form-row-top">
          <ChoiceField label="Status" value={status} choices={MEETING_STATUSES} nameOf={meetingStatusName} onChange={setStatus} />
          <MeetingTimeFields value={times} onChange={setTimes} />
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
        <SubmitButton busy={busy} label="Save changes" busyLabel="Saving…" />
      </form>
    </details>
  );
}
