// Inline messages: API errors (role="alert"), successes and notes.
import type { ReactNode } from "react";
import { ApiError, errorMessage } from "../data/client.js";
import { Link } from "../router/router.js";

function detailLines(details: unknown): string[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === "object" && details !== null && Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: unknown[] }).issues
      : [];
  const lines: string[] = [];
  for (const entry of list) {
    if (typeof entry !== "object" || entry === null) continue;
    const { message, path } = entry as { message?: unknown; path?: unknown };
    if (typeof message !== "string") continue;
    const where = Array.isArray(path) && path.length > 0 ? `${path.join(".")}: ` : "";
    lines.push(where + message);
  }
  return lines.slice(0, 10);
}

/** Shows an error's message (and field issues of a validation error), or nothing when `error` is null. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  if (error === null || error === undefined) return null;
  const lines = error instanceof ApiError ? detailLines(error.details) : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(error)}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {error instanceof ApiError && error.code === "documents_not_accepted" && (
        <p>
          <Link to="/documents">Read and accept the Terms of Reference and NDA</Link>
        </p>
      )}
      {children}
    </div>
  );
}

/** A polite status message (success, information). */
export function Notice({ kind = "info", children }: { kind?: "info" | "success" | "warning"; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role="status">
      {children}
    </div>
  );
}
