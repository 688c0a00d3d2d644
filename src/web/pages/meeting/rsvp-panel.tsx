// The signed-in person's answer to a meeting: attending or apologies, with an optional note.
import { useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { Meeting, RsvpResponse } from "../../data/types.js";
import { rsvpName } from "../../lib/format.js";
import { useRequiredSession } from "../../session/session.js";

/** The RSVP panel; shown while the meeting is scheduled and not over. */
export function RsvpPanel({ meeting, onChanged }: { meeting: Meeting; onChanged: (meeting: Meeting) => void }) {
  const id = useId();
  const { person } = useRequiredSession();
  const mine = meeting.attendance.find((a) => a.person.id === person.id);
  const [note, setNote] = useState(mine?.note ?? "");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<RsvpResponse | null>(null);

  const answer = async (response: RsvpResponse) => {
    setBusy(response);
    setError(null);
    try {
      onChanged(await meetingsApi.rsvp(meeting.id, { response, note: note.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel rsvp-panel" aria-labelledby={`${id}-heading`} data-testid="rsvp-panel">
      <h2 id={`${id}-heading`} className="panel-title">
        Will you attend?
        {meeting.myResponse && (
          <span className={`status status-rsvp-${meeting.myResponse}`} data-testid="my-rsvp">
            {rsvpName(meeting.myResponse)}
          </span>
        )}
      </h2>
      <div className="form-row">
        <div className="field field-grow field-compact">
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <input
            id={`${id}-note`}
            maxLength={500}
            value={note}
            placeholder="e.g. joining remotely, or a colleague attends instead"
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="actions">
          <button
            type="button"
            className={meeting.myResponse === "attending" ? "button" : "button button-secondary"}
            aria-pressed={meeting.myResponse === "attending"}
            disabled={busy !== null}
            onClick={() => void answer("attending")}
          >
            {busy === "attending" ? "Saving…" : "I will attend"}
          </button>
          <button
            type="button"
            className={meeting.myResponse === "apologies" ? "button" : "button button-secondary"}
            aria-pressed={meeting.myResponse === "apologies"}
            disabled={busy !== null}
            onClick={() => void answer("apologies")}
          >
            {busy === "apologies" ? "Saving…" : "Send apologies"}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
