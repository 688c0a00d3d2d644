// A <time> element showing a timestamp in a readable local format.
import { formatDate, formatDateTime } from "../lib/format.js";

/** Shows `iso` as local date (and time unless `dateOnly`), keeping the exact value machine-readable. */
export function DateTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  return (
    <time dateTime={iso} title={iso}>
      {dateOnly ? formatDate(iso) : formatDateTime(iso)}
    </time>
  );
}
