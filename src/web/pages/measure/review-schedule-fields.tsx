// The review interval (in months) and the target date of a measure, side by side (adopting and revising it).
import { useId } from "react";

/** The two fields; `interval` is the text of the months' input. */
export function ReviewScheduleFields({
  interval,
  onInterval,
  targetDate,
  onTargetDate,
}: {
  interval: string;
  onInterval: (interval: string) => void;
  targetDate: string;
  onTargetDate: (targetDate: string) => void;
}) {
  const id = useId();
  return (
    <div className="form-row form-row-top">
      <div className="field">
        <label htmlFor={`${id}-interval`}>Review every (months)</label>
        <input
          id={`${id}-interval`}
          className="input-narrow"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          value={interval}
          onChange={(e) => onInterval(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-target`}>Target date</label>
        <input id={`${id}-target`} type="date" value={targetDate} onChange={(e) => onTargetDate(e.target.value)} />
      </div>
    </div>
  );
}
