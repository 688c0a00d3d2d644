// A reporting period (from, to) and, for the participation dashboard, the days of silence after which an
// organisation is flagged; checked here before the page asks the server.
import { type FormEvent, useId, useState } from "react";
import { isDay } from "../lib/periods.js";

/** The values of the form; `inactiveDays` only when the form asks for it. */
export interface PeriodValues {
  from: string;
  to: string;
  inactiveDays?: number;
}

/** The form; `onSubmit` receives valid values. Remount it (a `key`) to show other initial values. */
export function PeriodForm({
  initial,
  withInactiveDays = false,
  submitLabel,
  busy = false,
  label,
  onSubmit,
}: {
  initial: { from: string; to: string; inactiveDays?: number | undefined };
  withInactiveDays?: boolean;
  submitLabel: string;
  busy?: boolean;
  /** The form's accessible name. */
  label: string;
  onSubmit: (values: PeriodValues) => void;
}) {
  const id = useId();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [days, setDays] = useState(initial.inactiveDays === undefined ? "" : String(initial.inactiveDays));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isDay(from) || !isDay(to)) return setProblem("Give both the first and the last day of the period.");
    if (from > to) return setProblem("The period cannot end before it starts.");
    const inactiveDays = days.trim() === "" ? undefined : Number(days);
    if (inactiveDays !== undefined && (!Number.isInteger(inactiveDays) || inactiveDays < 7 || inactiveDays > 730))
      return setProblem("Flag organisations after 7 to 730 days without a contribution.");
    setProblem(null);
    onSubmit(withInactiveDays && inactiveDays !== undefined ? { from, to, inactiveDays } : { from, to });
  };

  return (
    <form className="filters period-form" onSubmit={submit} aria-label={label} noValidate>
      <div className="field field-compact">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          max={to || undefined}
          required
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div className="field field-compact">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={to} min={from || undefined} required onChange={(e) => setTo(e.target.value)} />
      </div>
      {withInactiveDays && (
        <div className="field field-compact">
          <label htmlFor={`${id}-days`}>Flag after days without a contribution</label>
          <input
            id={`${id}-days`}
            type="number"
            inputMode="numeric"
            min={7}
            max={730}
            value={days}
            className="input-days"
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
      )}
      <div className="field field-compact field-button">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
      {problem && (
        <p className="field-error period-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
