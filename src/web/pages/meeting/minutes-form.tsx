// The managers' minutes editor of one agenda item (markdown, with preview).
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { MarkdownEditor } from "../../components/markdown-editor.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { AgendaItem } from "../../data/types.js";

/** Edits the minutes; `onSaved` receives the updated agenda item. */
export function MinutesForm({
  item,
  onSaved,
  onCancel,
}: {
  item: AgendaItem;
  onSaved: (item: AgendaItem) => void;
  onCancel: () => void;
}) {
  const [minutes, setMinutes] = useState(item.minutes);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await meetingsApi.minutes(item.id, minutes));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="agenda-tool" onSubmit={submit} aria-label={`Minutes of ${item.title}`}>
      <MarkdownEditor
        label="Minutes"
        value={minutes}
        onChange={setMinutes}
        rows={8}
        maxLength={100_000}
        hint={`The minutes carry the item's label (${item.tlp}) and reach only its audience. Markdown allowed.`}
      />
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : "Save the minutes"}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
