// The managers' form revising an adopted measure: to whom it applies, review interval, target date, with a note.
import { type FormEvent, useId, useState } from "react";
import { ORGANISATION_KINDS, SECTORS } from "../../../shared/schemas/common.js";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { CheckboxList } from "../../components/checkbox-list.js";
import { SubmitButton } from "../../components/form-actions.js";
import { measuresApi } from "../../data/endpoints.js";
import type { Measure, OrganisationKind, ReviseMeasureRequest, Sector } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { organisationKindName, sectorName } from "../../lib/format.js";
import { ReviewScheduleFields } from "./review-schedule-fields.js";

const SECTOR_CHOICES = SECTORS.map((s) => ({ value: s, label: sectorName(s) }));
const KIND_CHOICES = ORGANISATION_KINDS.map((k) => ({ value: k, label: organisationKindName(k) }));
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Sends what changed with the note; `onSaved` receives the revised measure. */
export function ReviseForm({ measure, onSaved }: { measure: Measure; onSaved: (measure: Measure) => void }) {
  const id = useId();
  const [sectors, setSectors] = useState<Sector[]>(measure.appliesToSectors);
  const [kinds, setKinds] = useState<OrganisationKind[]>(measure.appliesToKinds);
  const [interval, setReviewInterval] = useState(String(measure.reviewIntervalMonths ?? 12));
  const [targetDate, setTargetDate] = useState(measure.targetDate ?? "");
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: ReviseMeasureRequest = { note: note.trim() };
    if (!same(sectors, measure.appliesToSectors)) body.appliesToSectors = sectors;
    if (!same(kinds, measure.appliesToKinds)) body.appliesToKinds = kinds;
    const months = Number(interval);
    if (months !== measure.reviewIntervalMonths) body.reviewIntervalMonths = months;
    if (targetDate && targetDate !== measure.targetDate) body.targetDate = targetDate;
    if (Object.keys(body).length === 1) {
      refuse("Nothing was changed.");
      return;
    }
    if (sectors.length === 0 || kinds.length === 0) {
      refuse("The measure applies to at least one sector and one kind of organisation.");
      return;
    }
    if (!Number.isInteger(months) || months < 1 || months > 60) {
      refuse("The review interval is 1 to 60 months.");
      return;
    }
    if (!body.note) {
      refuse("Say what changed and why.");
      return;
    }
    setSaved(false);
    await send(async () => {
      onSaved(await measuresApi.revise(measure.id, body));
      setNote("");
      setSaved(true);
    });
  };

  return (
    <form onSubmit={submit} aria-label="Revise the measure" noValidate>
      <CheckboxList
        legend="Applies to sectors"
        choices={SECTOR_CHOICES}
        selected={sectors}
        onChange={(next) => setSectors(next as Sector[])}
        filterable={false}
        inline
      />
      <CheckboxList
        legend="Applies to kinds of organisation"
        choices={KIND_CHOICES}
        selected={kinds}
        onChange={(next) => setKinds(next as OrganisationKind[])}
        filterable={false}
        inline
      />
      <ReviewScheduleFields
        interval={interval}
        onInterval={setReviewInterval}
        targetDate={targetDate}
        onTargetDate={setTargetDate}
      />
      <div className="field">
        <label htmlFor={`${id}-note`}>
          What changed and why<span className="required"> (required)</span>
        </label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorAlert error={error} />
      {saved && (
        <Notice kind="success">
          <p>The measure was revised.</p>
        </Notice>
      )}
      <SubmitButton busy={busy} label="Revise the measure" busyLabel="Saving…" />
    </form>
  );
}
