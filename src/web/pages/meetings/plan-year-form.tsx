// The managers' form for a year of regular meetings: dates, start time, length, format and title; hosts rotate.
import { type FormEvent, useId, useState } from "react";
import { MEETING_FORMATS } from "../../../shared/schemas/meetings.schemas.js";
import { ErrorAlert } from "../../components/alert.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { MeetingFormat, MeetingSummary } from "../../data/types.js";
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const setDate = (index: number, value: string) => setDates((all) => all.map((d, i) => (i === index ? value : d)));
  const removeDate = (index: number) => setDates((all) => all.filter((_, i) => i !== index));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = [...new Set(dates.filter(Boolean))].sort();
    const minutes = Number(duration);
    if (chosen.length === 0) {
      setError(new Error("Choose at least one date."));
      return;
    }
    if (chosen.length > 24) {
      setError(new Error("Plan at most 24 meetings at once."));
      return;
    }
    if (!Number.isInteger(minutes) || minutes < 15 || minutes > 600) {
      setError(new Error("A meeting lasts 15 to 600 minutes."));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const planned = await meetingsApi.planYear({
        dates: chosen,
        startTime,
        durationMinutes: minutes,
        format,
        title: title.trim() || "Regular meeting",
      });
      onPlanned(planned.meetings);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
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
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as MeetingFormat)}>
            {MEETING_FORMATS.map((f) => (
              <option key={f} value={f}>
                {meetingFormatName(f)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Planning…" : "Plan these meetings"}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
