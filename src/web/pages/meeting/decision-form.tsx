// The managers' form recording a decision on one agenda item.
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { AgendaItem } from "../../data/types.js";

/** Records a decision; `onSaved` receives the updated agenda item. */
export function DecisionForm({
  item,
  onSaved,
  onCancel,
}: {
  item: AgendaItem;
  onSaved: (item: AgendaItem) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(new Error("Write down the decision."));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await meetingsApi.decide(item.id, text.trim()));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="agenda-tool" onSubmit={submit} aria-label={`Decision on ${item.title}`} noValidate>
      <div className="field">
        <label htmlFor={`${id}-text`}>Decision</label>
        <textarea id={`${id}-text`} rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Recording…" : "Record the decision"}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
