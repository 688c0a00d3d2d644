// The date, start and end time of a meeting as three form fields (in a row the caller provides).
import { useId } from "react";
import { localIso } from "../lib/dates.js";

/** The values of the three inputs: a local day ("2027-03-10") and times of day ("10:00"). */
export interface MeetingTimes {
  date: string;
  start: string;
  end: string;
}

const FIELDS = [
  { key: "date", label: "Date", type: "date" },
  { key: "start", label: "Starts", type: "time" },
  { key: "end", label: "Ends", type: "time" },
] as const;

/** The meeting's start and end as ISO timestamps; null where a value is missing or invalid. */
export function meetingInstants(times: MeetingTimes): { startsAt: string | null; endsAt: string | null } {
  return { startsAt: localIso(times.date, times.start), endsAt: localIso(times.date, times.end) };
}

/** The Date, Starts and Ends fields; `required` marks them so. */
export function MeetingTimeFields({
  value,
  onChange,
  required = false,
}: {
  value: MeetingTimes;
  onChange: (times: MeetingTimes) => void;
  required?: boolean;
}) {
  const id = useId();
  return FIELDS.map(({ key, label, type }) => (
    <div key={key} className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        required={required}
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
      />
    </div>
  ));
}
