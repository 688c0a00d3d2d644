// Inline messages: API errors (role="alert"), successes and notes.
import type { ReactNode } from "react";
import { ApiError, errorMessage } from "../data/client.js";
import { Link } from "../router/router.js";

interface Issue {
  field: string;
  message: string;
}

function issuesOf(details: unknown): Issue[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === "object" && details !== null && Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: unknown[] }).issues
      : [];
  const issues: Issue[] = [];
  for (const entry of list) {
    if (typeof entry !== "object" || entry === null) continue;
    const { message, path } = entry as { message?: unknown; path?: unknown };
    if (typeof message !== "string") continue;
    const text = Array.isArray(path) ? path.join(".") : typeof path === "string" ? path : "";
    issues.push({ field: text.replace(/^(body|query|params)\./, ""), message });
  }
  return issues.slice(0, 10);
}

/** Shows an error's message (and field issues of a validation error), or nothing when `error` is null. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  if (error === null || error === undefined) return null;
  const message = errorMessage(error);
  const issues = error instanceof ApiError ? issuesOf(error.details) : [];
  // The server's message usually repeats a lone issue; list issues only when they add something.
  const lines =
    issues.length === 1 && message.includes(issues[0]?.message ?? "")
      ? []
      : issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message));
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
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
