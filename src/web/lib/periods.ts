// Reporting periods as local calendar days, and month keys ("2026-03") as readable labels.
import { today } from "./dates.js";

const pad = (n: number) => String(n).padStart(2, "0");
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const monthName = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric" });

/** Whether a text is a calendar day "YYYY-MM-DD". */
export function isDay(text: string | null | undefined): text is string {
  return typeof text === "string" && DAY.test(text);
}

/** The twelve months up to today: from the same day a year ago to today. */
export function lastTwelveMonths(now: Date = new Date()): { from: string; to: string } {
  const from = new Date(now.getFullYear() - 1, now.getMonth(), now.getDate());
  return { from: `${from.getFullYear()}-${pad(from.getMonth() + 1)}-${pad(from.getDate())}`, to: today() };
}

/** "2026-10" (or a day in it) as "Oct 2026", as a local date never shifted through UTC; other text as it is. */
export function monthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  return match ? monthName.format(new Date(Number(match[1]), Number(match[2]) - 1, 1)) : month;
}
