// The offboarding form: records how the destruction of received information was confirmed.
import { type FormEvent, useId, useState } from "react";
import { useSubmit } from "../hooks/use-submit.js";
import { FormActions } from "./form-actions.js";

const MIN_CONFIRMATION = 10;

/** Asks for the confirmation text, then calls `onOffboard`; rejects are shown inline. */
export function OffboardForm({
  subject,
  onOffboard,
  onCancel,
}: {
  subject: string;
  onOffboard: (confirmation: string) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [confirmation, setConfirmation] = useState("");
  const { busy, error, refuse, send } = useSubmit({ closes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (confirmation.trim().length < MIN_CONFIRMATION) {
      refuse("Record how the destruction of received information was confirmed (at least 10 characters).");
      return;
    }
    await send(() => onOffboard(confirmation.trim()));
  };

  return (
    <form className="panel panel-danger" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Offboard {subject}</h3>
      <p>
        Offboarding is final: access ends at once and cannot be reinstated. Confirm that the information received through the
        exchange was destroyed.
      </p>
      <div className="field">
        <label htmlFor={`${id}-confirmation`}>Confirmation of destruction</label>
        <textarea
          id={`${id}-confirmation`}
          rows={3}
          required
          minLength={MIN_CONFIRMATION}
          maxLength={2000}
          aria-describedby={`${id}-hint`}
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          For example: "Written confirmation by the CISO received on 3 March, filed as ref. 2026-014."
        </p>
      </div>
      <FormActions error={error} busy={busy} label="Offboard" busyLabel="Offboarding…" danger onCancel={onCancel} />
    </form>
  );
}
