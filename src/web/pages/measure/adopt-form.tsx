// The managers' form adopting a proposed measure: the recorded decision (a meeting's, or the chairs' between
// meetings with a note), the review interval and the target date.
import { type FormEvent, useId, useState } from "react";
import { FormActions } from "../../components/form-actions.js";
import { measuresApi } from "../../data/endpoints.js";
import type { Measure } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { toLocalDay } from "../../lib/dates.js";
import { DecisionPicker } from "./decision-picker.js";
import { ReviewScheduleFields } from "./review-schedule-fields.js";

const inMonths = (months: number) => {
  const date = new Date();
  date.setMonth(date.getMonth() + months);
  return toLocalDay(date.toISOString());
};

/** Adopts `measure`; `onSaved` receives it adopted. */
export function AdoptForm({ measure, onSaved }: { measure: Measure; onSaved: (measure: Measure) => void }) {
  const id = useId();
  const [by, setBy] = useState<"meeting" | "chairs">("meeting");
  const [decisionId, setDecisionId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [interval, setReviewInterval] = useState("12");
  const [targetDate, setTargetDate] = useState(() => inMonths(6));
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (by === "meeting" && !decisionId) {
      refuse("Choose the meeting decision that adopts the measure.");
      return;
    }
    if (by === "chairs" && !note.trim()) {
      refuse("Say why the chairs adopt the measure between meetings.");
      return;
    }
    const months = Number(interval);
    if (!Number.isInteger(months) || months < 1 || months > 60) {
      refuse("The review interval is 1 to 60 months.");
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(targetDate)) {
      refuse("Give a target date.");
      return;
    }
    await send(async () =>
      onSaved(
        await measuresApi.adopt(measure.id, {
          decisionId: by === "meeting" ? decisionId : null,
          note: note.trim(),
          reviewIntervalMonths: months,
          targetDate,
        }),
      ),
    );
  };

  return (
    <form onSubmit={submit} aria-label="Adopt the measure" noValidate>
      <fieldset>
        <legend>Decided</legend>
        <div className="radios">
          <label className="check">
            <input type="radio" name={`${id}-by`} checked={by === "meeting"} onChange={() => setBy("meeting")} />
            <span>At a meeting</span>
          </label>
          <label className="check">
            <input type="radio" name={`${id}-by`} checked={by === "chairs"} onChange={() => setBy("chairs")} />
            <span>By the chairs, between meetings</span>
          </label>
        </div>
        {by === "meeting" && <DecisionPicker value={decisionId} onChange={setDecisionId} />}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          Note{by === "chairs" ? <span className="required"> (required)</span> : " (optional)"}
        </label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ReviewScheduleFields
        interval={interval}
        onInterval={setReviewInterval}
        targetDate={targetDate}
        onTargetDate={setTargetDate}
      />
      <FormActions error={error} busy={busy} label="Adopt the measure" busyLabel="Adopting…" />
    </form>
  );
}
