// The convener ends an urgent call with a summary, which becomes an item for the invitees with a chosen label.
import { type FormEvent, useState } from "react";
import type { TlpLabel } from "../../../shared/tlp.js";
import { ErrorAlert } from "../../components/alert.js";
import { SubmitButton } from "../../components/form-actions.js";
import { MarkdownEditor } from "../../components/markdown-editor.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { callsApi } from "../../data/endpoints.js";
import type { UrgentCall } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";

/** The end form; `onEnded` receives the ended call (with the summary item's id). */
export function EndCallForm({ call, onEnded }: { call: UrgentCall; onEnded: (call: UrgentCall) => void }) {
  const [summary, setSummary] = useState("");
  const [tlp, setTlp] = useState<TlpLabel>("TLP:AMBER");
  const { busy, error, refuse, send } = useSubmit({ closes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!summary.trim()) {
      refuse("Summarise the call before ending it.");
      return;
    }
    await send(async () => onEnded(await callsApi.end(call.id, { summary: summary.trim(), tlp })));
  };

  return (
    <form className="panel end-call-form" onSubmit={submit} aria-labelledby="end-call-heading" noValidate>
      <h2 id="end-call-heading" className="panel-title">
        End the call
      </h2>
      <p className="hint">
        The summary is shared as an item with the invitees (with their organisations, unless you choose TLP:RED). No answers are
        accepted after the end.
      </p>
      <MarkdownEditor label="Summary" value={summary} onChange={setSummary} rows={6} maxLength={50_000} />
      <TlpSelect value={tlp} onChange={setTlp} label="Label of the summary" />
      <ErrorAlert error={error} />
      <SubmitButton busy={busy} label="End the call" busyLabel="Ending…" danger />
    </form>
  );
}
