// The managers' form recording a decision on one agenda item.
import { type FormEvent, useId, useState } from "react";
import { FormActions } from "../../components/form-actions.js";
import { meetingsApi } from "../../data/endpoints.js";
import { useSubmit } from "../../hooks/use-submit.js";
import type { AgendaToolProps } from "./agenda-tool.js";

/** Records a decision; `onSaved` receives the updated agenda item. */
export function DecisionForm({ item, onSaved, onCancel }: AgendaToolProps) {
  const id = useId();
  const [text, setText] = useState("");
  const { busy, error, refuse, send } = useSubmit({ closes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      refuse("Write down the decision.");
      return;
    }
    await send(async () => onSaved(await meetingsApi.decide(item.id, text.trim())));
  };

  return (
    <form className="agenda-tool" onSubmit={submit} aria-label={`Decision on ${item.title}`} noValidate>
      <div className="field">
        <label htmlFor={`${id}-text`}>Decision</label>
        <textarea id={`${id}-text`} rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <FormActions error={error} busy={busy} label="Record the decision" busyLabel="Recording…" onCancel={onCancel} />
    </form>
  );
}
