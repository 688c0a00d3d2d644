// Updates an action item's status with a note (and optionally a new due date).
import { type FormEvent, useId, useState } from "react";
import { ACTION_STATUSES } from "../../../shared/schemas/meetings.schemas.js";
import { ChoiceField } from "../../components/choice-field.js";
import { FormActions } from "../../components/form-actions.js";
import { actionsApi } from "../../data/endpoints.js";
import type { ActionItem, ActionStatus, UpdateActionRequest } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
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
  const { busy, error, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateActionRequest = { status, note: note.trim() };
    if (dueOn && dueOn !== action.dueOn) body.dueOn = dueOn;
    await send(async () => {
      onSaved(await actionsApi.update(action.id, body));
      setNote("");
    });
  };

  return (
    <form className="status-form" onSubmit={submit} aria-label={`Update ${action.title}`} noValidate>
      {!compact && <h2 className="panel-title">Update the status</h2>}
      <div className="form-row form-row-top">
        <ChoiceField label="Status" value={status} choices={ACTION_STATUSES} nameOf={actionStatusName} onChange={setStatus} />
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
      <FormActions error={error} busy={busy} label="Save the status" busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
