// The answer to an import: what was created, updated, unchanged and skipped (and the STIX ids of what changed), or
// the list of every problem by path when the file was refused as a whole.
import type { ReactNode } from "react";
import { Notice } from "../../components/alert.js";
import type { ApiError } from "../../data/client.js";
import type { ImportSummary } from "../../data/types.js";
import { Link } from "../../router/router.js";

/** One problem of a refused file. */
export interface ImportIssue {
  path: string;
  message: string;
}

/** The problems a `stix_invalid` answer lists in `details.issues`. */
export function issuesOf(error: ApiError): ImportIssue[] {
  const details = error.details as { issues?: unknown } | undefined;
  if (!Array.isArray(details?.issues)) return [];
  return details.issues.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { path, message } = entry as { path?: unknown; message?: unknown };
    return typeof message === "string" ? [{ path: typeof path === "string" ? path : "", message }] : [];
  });
}

function totalOf(error: ApiError, listed: number): number {
  const total = (error.details as { total?: unknown } | undefined)?.total;
  return typeof total === "number" ? total : listed;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The STIX ids of what the import created or updated, folded away (a bundle may hold thousands). */
function ImportedIds({ summary }: { summary: ImportSummary }) {
  const ids = [
    ...summary.ids.created.map((id) => ({ id, how: "created" })),
    ...summary.ids.updated.map((id) => ({ id, how: "updated" })),
  ];
  if (ids.length === 0) return null;
  return (
    <details className="panel disclosure">
      <summary>STIX ids of the {plural(ids.length, "object")} created or updated</summary>
      <ul className="plain-list imported-ids" data-testid="imported-ids">
        {ids.map(({ id, how }) => (
          <li key={id}>
            <code className="id">{id}</code> <span className="muted">{how}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The counts of a successful import, its skipped objects and (MISP) the attributes left out. */
export function ImportResult({ file, summary }: { file: string; summary: ImportSummary }) {
  const converted = summary.converted ?? [];
  return (
    <>
      <h2 id="import-outcome">Imported “{file}”</h2>
      <Notice kind="success">
        <p data-testid="import-counts">
          {plural(summary.total, "object")} read: {summary.created} created, {summary.updated} updated, {summary.unchanged}{" "}
          unchanged, {summary.skipped.length} skipped.
        </p>
        {summary.created + summary.updated > 0 && (
          <p>
            <Link to="/">See them in the feed</Link>: imported items show where they came from.
          </p>
        )}
      </Notice>
      <ImportedIds summary={summary} />
      {summary.skipped.length > 0 && (
        <>
          <h3>Skipped objects</h3>
          <div className="table-wrap">
            <table data-testid="import-skipped">
              <caption className="visually-hidden">Objects that were not imported, and why</caption>
              <thead>
                <tr>
                  <th scope="col">Object</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {summary.skipped.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <code className="id">{s.id}</code>
                    </td>
                    <td>{s.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {converted.length > 0 && (
        <>
          <h3>MISP attributes left out</h3>
          <p className="hint">These have no STIX pattern, so they did not become indicators.</p>
          <ul className="issue-list" data-testid="import-converted">
            {converted.map((c) => (
              <li key={`${c.path} ${c.reason}`} className="issue">
                <code className="issue-path">{c.path}</code> {c.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** A refused file: nothing was imported; every problem by path. */
export function ImportIssues({ file, error, children }: { file: string; error: ApiError; children?: ReactNode }) {
  const issues = issuesOf(error);
  const total = totalOf(error, issues.length);
  return (
    <>
      <h2 id="import-outcome">“{file}” was not imported</h2>
      <div className="alert alert-error" role="alert">
        <p>
          Nothing was imported: the file has {plural(total, "problem")}.
          {total > issues.length && ` The first ${issues.length} are listed.`}
        </p>
        {children}
      </div>
      {issues.length > 0 ? (
        <ul className="issue-list" aria-label="Problems by path" data-testid="import-issues">
          {issues.map((issue, index) => (
            // The same path may carry several problems, and the same problem several paths.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders.
            <li key={index} className="issue">
              <code className="issue-path">{issue.path || "(file)"}</code> {issue.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{error.message}</p>
      )}
    </>
  );
}
