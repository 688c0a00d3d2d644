// Download links for every measure the viewer may read, as CSV (spreadsheets) or JSON (scripts).
import { measuresApi } from "../../data/endpoints.js";

/** "Export: CSV · JSON". */
export function ExportLinks() {
  return (
    <p className="export-links">
      Export the measures you can read:{" "}
      <a href={measuresApi.exportUrl("csv")} download>
        CSV
      </a>
      <span aria-hidden="true"> · </span>
      <a href={measuresApi.exportUrl("json")} download>
        JSON
      </a>
    </p>
  );
}
