// The managers' form for a year of regular meetings: dates, start time, length, format and title; hosts rotate.
import { type FormEvent, useId, useState } from "react";
import { MEETING_FORMATS } from "../../../shared/schemas/meetings.schemas.js";
import { ChoiceField } from "../../components/choice-field.js";
import { FormActions } from "../../components/form-actions.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { MeetingFormat, MeetingSummary } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { nthWeekday, today } from "../../lib/dates.js";
import { meetingFormatName } from "../../lib/format.js";

/** A suggestion: the second Wednesday of March, June, September and December that are still ahead. */
function quarterlyDates(year: number): string[] {
  const now = today();
  return [2, 5, 8, 11].map((month) => nthWeekday(year, month, 3, 2)).filter((day) => day > now);
}

/** Plans a year's meetings at once; `onPlanned` receives the meetings created. */
export function PlanYearForm({
  year,
  onPlanned,
  onCancel,
}: {
  year: number;
  onPlanned: (meetings: MeetingSummary[]) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [dates, setDates] = useState<string[]>(() => {
    const suggested = quarterlyDates(year);
    return suggested.length > 0 ? suggested : [""];
  });
  const [startTime, setStartTime] = useState("10:00");
  const [duration, setDuration] = useState("180");
  const [format, setFormat] = useState<MeetingFormat>("in-person");
  const [title, setTitle] = useState("Regular meeting");
  const { busy, error, refuse, send } = useSubmit({ closes: true });

  const setDate = (index: number, value: string) => setDates((all) => all.map((d, i) => (i === index ? value : d)));
  const removeDate = (index: number) => setDates((all) => all.filter((_, i) => i !== index));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = [...new Set(dates.filter(Boolean))].sort();
    const minutes = Number(duration);
    if (chosen.length === 0) {
      refuse("Choose at least one date.");
      return;
    }
    if (chosen.length > 24) {
      refuse("Plan at most 24 meetings at once.");
      return;
    }
    if (!Number.isInteger(minutes) || minutes < 15 || minutes > 600) {
      refuse("A meeting lasts 15 to 600 minutes.");
      return;
    }
    await send(async () => {
      const planned = await meetingsApi.planYear({
        dates: chosen,
        startTime,
        durationMinutes: minutes,
        format,
        title: title.trim() || "Regular meeting",
      });
      onPlanned(planned.meetings);
    });
  };

  return (
    <form className="card form-card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`}>Plan the year</h2>
      <p className="hint">
        One meeting per date. Hosts rotate over the member organisations automatically; change a meeting's details on its page.
      </p>
      <fieldset>
        <legend>Dates</legend>
        <ul className="date-rows">
          {dates.map((date, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions in an editable list.
            <li key={index} className="date-row">
              <label htmlFor={`${id}-date-${index}`} className="visually-hidden">
                Meeting date {index + 1}
              </label>
              <input id={`${id}-date-${index}`} type="date" value={date} onChange={(e) => setDate(index, e.target.value)} />
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={`Remove date ${index + 1}`}
                onClick={() => removeDate(index)}
                disabled={dates.length === 1}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => setDates((all) => [...all, ""])}
          disabled={dates.length >= 24}
        >
          Add a date
        </button>
      </fieldset>
      <div className="form-row form-row-top">
        <div className="field field-grow">
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} maxLength={150} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>Starts</label>
          <input id={`${id}-start`} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>Minutes</label>
          <input
            id={`${id}-duration`}
            type="number"
            min={15}
            max={600}
            step={15}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
        </div>
        <ChoiceField label="Format" value={format} choices={MEETING_FORMATS} nameOf={meetingFormatName} onChange={setFormat} />
      </div>
      <FormActions error={error} busy={busy} label="Plan these meetings" busyLabel="Planning…" onCancel={onCancel} />
    </form>
  );
}
