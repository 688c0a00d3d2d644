// Updates an action item's status with a note (and optionally a new due date).
import { type FormEvent, useId, useState } from "react";
import { ACTION_STATUSES } from "../../../shared/schemas/meetings.schemas.js";
import { ErrorAlert } from "../../components/alert.js";
import { actionsApi } from "../../data/endpoints.js";
import type { ActionItem, ActionStatus, UpdateActionRequest } from "../../data/types.js";
import { actionStatusName } from "../../lib/format.js";

/** The status form; `onSaved` receives the updated action. */
export function ActionStatusForm({
  action,
  onSaved,
  onCancel,
  compact = false,
}: {
  action: ActionItem;
  onSaved: (action: ActionItem) => void;
  onCancel?: () => void;
  /** Inside a table row: no heading. */
  compact?: boolean;
}) {
  const id = useId();
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [note, setNote] = useState("");
  const [dueOn, setDueOn] = useState(action.dueOn);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateActionRequest = { status, note: note.trim() };
    if (dueOn && dueOn !== action.dueOn) body.dueOn = dueOn;
    setBusy(true);
    setError(null);
    try {
      onSaved(await actionsApi.update(action.id, body));
      setNote("");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="status-form" onSubmit={submit} aria-label={`Update ${action.title}`} noValidate>
      {!compact && <h2 className="panel-title">Update the status</h2>}
      <div className="form-row form-row-top">
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {actionStatusName(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-note`}>Note</label>
          <input
            id={`${id}-note`}
            maxLength={2000}
            value={note}
            placeholder="What was done, or what is holding it up"
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>Due</label>
          <input id={`${id}-due`} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </div>
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : "Save the status"}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
