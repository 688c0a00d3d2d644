// Downloads of the insight report for the period shown: PDF (printed by the server), CSV, a STIX 2.1 bundle, JSON.
import { insightApi } from "../../data/endpoints.js";
import type { InsightExportFormat } from "../../data/types.js";

const FORMATS: readonly { format: InsightExportFormat; label: string }[] = [
  { format: "pdf", label: "PDF" },
  { format: "csv", label: "CSV" },
  { format: "stix", label: "STIX 2.1" },
  { format: "json", label: "JSON" },
];

/** "Download: PDF · CSV · STIX 2.1 · JSON" for the period. */
export function InsightExportLinks({ from, to }: { from: string; to: string }) {
  return (
    <p className="export-links" data-testid="insight-exports">
      Download the report:{" "}
      {FORMATS.map(({ format, label }, i) => (
        <span key={format}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <a href={insightApi.exportUrl({ from, to }, format)} download>
            {label}
          </a>
        </span>
      ))}
    </p>
  );
}
