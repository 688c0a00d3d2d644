// The managers' minutes editor of one agenda item (markdown, with preview).
import { type FormEvent, useState } from "react";
import { FormActions } from "../../components/form-actions.js";
import { MarkdownEditor } from "../../components/markdown-editor.js";
import { meetingsApi } from "../../data/endpoints.js";
import { useSubmit } from "../../hooks/use-submit.js";
import type { AgendaToolProps } from "./agenda-tool.js";

/** Edits the minutes; `onSaved` receives the updated agenda item. */
export function MinutesForm({ item, onSaved, onCancel }: AgendaToolProps) {
  const [minutes, setMinutes] = useState(item.minutes);
  const { busy, error, send } = useSubmit({ closes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(async () => onSaved(await meetingsApi.minutes(item.id, minutes)));
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
      <FormActions error={error} busy={busy} label="Save the minutes" busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
