// /audit: the audit trail visible to the person, newest first, with "load older entries".
import { useEffect, useState } from "react";
import { ErrorAlert } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { auditApi } from "../data/endpoints.js";
import type { AuditEntry } from "../data/types.js";
import { useTitle } from "../hooks/use-title.js";
import { Link } from "../router/router.js";

const PAGE_SIZE = 100;

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The audit page. */
export function AuditPage() {
  useTitle("Audit trail");
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [before, setBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    auditApi.page(PAGE_SIZE, null, { signal: controller.signal }).then(
      (page) => {
        if (controller.signal.aborted) return;
        setEntries(page.entries);
        setBefore(page.nextBefore);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, []);

  const loadOlder = async () => {
    if (before === null) return;
    setMore(true);
    setError(null);
    try {
      const page = await auditApi.page(PAGE_SIZE, before);
      setEntries((previous) => [...previous, ...page.entries.filter((e) => !previous.some((p) => p.seq === e.seq))]);
      setBefore(page.nextBefore);
    } catch (e) {
      setError(e);
    } finally {
      setMore(false);
    }
  };

  return (
    <>
      <h1>Audit trail</h1>
      <p className="lead">Who did what in the exchange, as far as you may see it. Newest first.</p>
      {loading && <Loading label="Loading the audit trail…" />}
      {!loading && entries.length === 0 && !error && <p className="muted">No entries.</p>}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">Audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Category</th>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">Subject</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td className="numeric">{entry.seq}</td>
                  <td className="nowrap">
                    <DateTime iso={entry.at} />
                  </td>
                  <td>{entry.category}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.actor?.name ?? <span className="muted">System</span>}</td>
                  <td>
                    {entry.subjectType ? (
                      <>
                        {entry.subjectType}
                        {entry.subjectId && (
                          <>
                            {" "}
                            {entry.subjectType === "item" ? (
                              <Link to={`/items/${entry.subjectId}`} className="id">
                                {entry.subjectId}
                              </Link>
                            ) : (
                              <code className="id">{entry.subjectId}</code>
                            )}
                          </>
                        )}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    <Details details={entry.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorAlert error={error} />
      {before !== null && !loading && (
        <div className="load-more">
          <button type="button" className="button button-secondary" onClick={loadOlder} disabled={more}>
            {more ? "Loading…" : "Load older entries"}
          </button>
        </div>
      )}
    </>
  );
}
