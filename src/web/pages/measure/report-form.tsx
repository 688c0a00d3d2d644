// The viewer's organisation's implementation report on an adopted measure: status, reason, evidence, its own label
// and, when wider than the organisation, its audience.
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../../shared/policy.js";
import { IMPLEMENTATION_STATUSES } from "../../../shared/schemas/measures.schemas.js";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { AudiencePicker, type Directory } from "../../components/audience-picker.js";
import { ChoiceField } from "../../components/choice-field.js";
import { SubmitButton } from "../../components/form-actions.js";
import { MarkdownEditor } from "../../components/markdown-editor.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { measuresApi } from "../../data/endpoints.js";
import type { ImplementationReport, ImplementationStatus, Measure } from "../../data/types.js";
import { useLabelledAudience } from "../../hooks/use-labelled-audience.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { implementationStatusName } from "../../lib/format.js";

/** Reports (or confirms) the organisation's status; `onSaved` receives the updated measure. */
export function ReportForm({
  measure,
  current,
  organisationName,
  directory,
  onSaved,
}: {
  measure: Measure;
  /** The organisation's last report, if it made one. */
  current: ImplementationReport | null;
  organisationName: string;
  directory: Directory | null;
  onSaved: (measure: Measure) => void;
}) {
  const id = useId();
  const [status, setStatus] = useState<ImplementationStatus>(current?.status ?? "not-started");
  const [reason, setReason] = useState(current?.reason ?? "");
  const [evidence, setEvidence] = useState(current?.evidence ?? "");
  const { tlp, chooseTlp, audience, setAudience } = useLabelledAudience(current?.tlp ?? "TLP:AMBER+STRICT");
  const [wider, setWider] = useState(false);
  const [saved, setSaved] = useState(false);
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status === "not-applicable" && !reason.trim()) {
      refuse("Say why the measure does not apply to your organisation.");
      return;
    }
    const problem = wider ? audienceProblem(tlp, audience) : null;
    if (problem) {
      refuse(problem);
      return;
    }
    setSaved(false);
    await send(async () => {
      onSaved(
        await measuresApi.report(measure.id, {
          status,
          reason: reason.trim(),
          evidence,
          tlp,
          ...(wider ? { audience } : {}),
        }),
      );
      setSaved(true);
    });
  };

  return (
    <form className="panel report-form" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>{current ? "Update or confirm your report" : "Report your implementation"}</h3>
      <ChoiceField
        label="Status"
        value={status}
        choices={IMPLEMENTATION_STATUSES}
        nameOf={implementationStatusName}
        onChange={setStatus}
      />
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          Reason{status === "not-applicable" ? <span className="required"> (required)</span> : " (optional)"}
        </label>
        <textarea id={`${id}-reason`} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <p className="hint">Why the measure does not apply, or what holds its implementation up.</p>
      </div>
      <MarkdownEditor
        label="Evidence"
        hint="How you implemented it: configuration, audit results, dates. Only the audience of this report's label reads it."
        value={evidence}
        onChange={setEvidence}
        rows={5}
        maxLength={20_000}
      />
      <TlpSelect value={tlp} onChange={chooseTlp} label="Label of this report" />
      <fieldset className="report-audience">
        <legend>Who reads this report</legend>
        <div className="radios">
          <label className="check">
            <input type="radio" name={`${id}-audience`} checked={!wider} onChange={() => setWider(false)} />
            <span>Only {organisationName}</span>
          </label>
          <label className="check">
            <input type="radio" name={`${id}-audience`} checked={wider} onChange={() => setWider(true)} />
            <span>A wider audience</span>
          </label>
        </div>
        {wider && directory && <AudiencePicker tlp={tlp} value={audience} onChange={setAudience} directory={directory} />}
      </fieldset>
      <ErrorAlert error={error} />
      {saved && (
        <Notice kind="success">
          <p>Your organisation's report was saved.</p>
        </Notice>
      )}
      <SubmitButton busy={busy} label={current ? "Save the report" : "Send the report"} busyLabel="Saving…" />
    </form>
  );
}
