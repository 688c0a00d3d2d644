// The managers' form retiring a measure (or withdrawing a proposal), with the reason.
import { type FormEvent, useId, useState } from "react";
import { FormActions } from "../../components/form-actions.js";
import { measuresApi } from "../../data/endpoints.js";
import type { Measure } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";

/** Retires `measure`; `onSaved` receives it retired. */
export function RetireForm({ measure, onSaved }: { measure: Measure; onSaved: (measure: Measure) => void }) {
  const id = useId();
  const [reason, setReason] = useState("");
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      refuse("Say why the measure is retired.");
      return;
    }
    await send(async () => onSaved(await measuresApi.retire(measure.id, reason.trim())));
  };

  return (
    <form onSubmit={submit} aria-label="Retire the measure" noValidate>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea id={`${id}-reason`} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <p className="hint">Reports stop; the measure, its reports and its thread stay readable.</p>
      </div>
      <FormActions error={error} busy={busy} label="Retire the measure" busyLabel="Retiring…" danger />
    </form>
  );
}
