// An invitee's answer to the roll-call: affected, not affected or investigating, with a note.
import { type FormEvent, useId, useState } from "react";
import { ROLL_CALL_STATUSES } from "../../../shared/schemas/calls.schemas.js";
import { ErrorAlert } from "../../components/alert.js";
import { SubmitButton } from "../../components/form-actions.js";
import { callsApi } from "../../data/endpoints.js";
import type { RollCallEntry, RollCallStatus, UrgentCall } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { rollCallName } from "../../lib/format.js";

/** The roll-call form; `onAnswered` receives the call with the answer in it. */
export function RollCallForm({
  call,
  mine,
  onAnswered,
}: {
  call: UrgentCall;
  mine: RollCallEntry;
  onAnswered: (call: UrgentCall) => void;
}) {
  const id = useId();
  const [status, setStatus] = useState<RollCallStatus | null>(mine.status);
  const [note, setNote] = useState(mine.note);
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!status) {
      refuse("Choose your organisation's status.");
      return;
    }
    await send(async () => onAnswered(await callsApi.answer(call.id, { status, note: note.trim() })));
  };

  return (
    <form className="panel roll-call-form" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`} className="panel-title">
        Your answer
      </h2>
      <fieldset>
        <legend>Status of {mine.organisation.name}</legend>
        <div className="radios">
          {ROLL_CALL_STATUSES.map((s) => (
            <label key={s} className="check">
              <input type="radio" name={`${id}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
              <span>{rollCallName(s)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <input
          id={`${id}-note`}
          maxLength={500}
          value={note}
          placeholder="e.g. two sites affected, isolating them now"
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <ErrorAlert error={error} />
      <SubmitButton busy={busy} label={mine.status ? "Update my answer" : "Send my answer"} busyLabel="Sending…" />
    </form>
  );
}
