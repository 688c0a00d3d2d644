// Local calendar days and times of day from form inputs, turned into what the API takes.

const pad = (n: number) => String(n).padStart(2, "0");

/** A local date ("2027-03-10") and time of day ("10:00") as an ISO timestamp; null when missing or invalid. */
export function localIso(date: string, time: string): string | null {
  if (!date || !time) return null;
  const value = new Date(`${date}T${time}`);
  return Number.isNaN(value.getTime()) ? null : value.toISOString();
}

/** A datetime-local input's value ("2027-03-10T10:00") as an ISO timestamp; null when empty or invalid. */
export function localDateTimeIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A timestamp as the value of a local date input ("2027-03-10"). */
export function toLocalDay(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A timestamp as the value of a local time input ("10:00"). */
export function toLocalTime(iso: string): string {
  const date = new Date(iso);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today as a local calendar day ("2027-03-10"). */
export function today(): string {
  return toLocalDay(new Date().toISOString());
}

/** The local calendar day `days` days from today. */
export function daysFromToday(days: number): string {
  return toLocalDay(new Date(Date.now() + days * 86_400_000).toISOString());
}

/** The `nth` (1-based) given weekday (0 Sunday … 6 Saturday) of a month (0-based) as a local calendar day. */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  const first = new Date(year, month, 1);
  const offset = (weekday - first.getDay() + 7) % 7;
  return `${year}-${pad(month + 1)}-${pad(1 + offset + (nth - 1) * 7)}`;
}
