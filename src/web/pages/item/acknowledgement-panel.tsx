// Acknowledgement of a warning: the recipient's "Acknowledge" button and the originator's table per organisation
// (with the escalation of organisations that did not acknowledge in time).
import { useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { DateTime } from "../../components/date-time.js";
import { Loading } from "../../components/loading.js";
import { collaborationApi } from "../../data/endpoints.js";
import type { Acknowledgements, Item } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { useRequiredSession } from "../../session/session.js";

function OrganisationsTable({ state }: { state: Acknowledgements }) {
  const rows = state.organisations ?? [];
  const overdue = state.dueAt !== null && new Date(state.dueAt).getTime() < Date.now();
  const done = rows.filter((r) => r.acknowledgedAt).length;
  if (rows.length === 0) return <p className="muted">No recipient organisations.</p>;
  return (
    <>
      <p>
        {done} of {rows.length} recipient organisation{rows.length === 1 ? "" : "s"} acknowledged.
      </p>
      <div className="table-wrap">
        <table data-testid="acknowledgements">
          <caption className="visually-hidden">Acknowledgement by recipient organisation</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Acknowledged</th>
              <th scope="col">By</th>
              <th scope="col">Escalation</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const late = !row.acknowledgedAt && overdue;
              return (
                <tr key={row.organisation.id} className={late ? "row-overdue" : undefined}>
                  <th scope="row">{row.organisation.name}</th>
                  <td>
                    {row.acknowledgedAt ? (
                      <DateTime iso={row.acknowledgedAt} />
                    ) : late ? (
                      <span className="status status-overdue">Overdue</span>
                    ) : (
                      <span className="status status-pending">Not yet</span>
                    )}
                  </td>
                  <td>{row.by?.name ?? <span className="muted">—</span>}</td>
                  <td>
                    {row.escalatedAt ? (
                      <span className="status status-escalated">
                        Escalated <DateTime iso={row.escalatedAt} />
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Shown for warnings that require acknowledgement. */
export function AcknowledgementPanel({ item }: { item: Item }) {
  const session = useRequiredSession();
  const state = useApi((signal) => collaborationApi.acknowledgements(item.id, { signal }), [item.id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      state.setData(await collaborationApi.acknowledge(item.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const data = state.data;
  const organisation = session.person.organisationName;
  return (
    <section className="panel ack-panel" aria-labelledby="ack-heading" data-testid="acknowledgement-panel">
      <h2 id="ack-heading" className="panel-title">
        Acknowledgement required
      </h2>
      {state.loading && !data && <Loading label="Loading acknowledgements…" />}
      <ErrorAlert error={state.error} />
      {data && (
        <>
          {data.dueAt && (
            <p>
              Each recipient organisation is asked to acknowledge by <DateTime iso={data.dueAt} />.
            </p>
          )}
          {!item.own &&
            (data.acknowledgedByMyOrganisation ? (
              <Notice kind="success">
                <p>{organisation} has acknowledged this warning.</p>
              </Notice>
            ) : (
              <>
                {data.dueAt && new Date(data.dueAt).getTime() < Date.now() && (
                  <Notice kind="warning">
                    <p>The acknowledgement is overdue.</p>
                  </Notice>
                )}
                <button type="button" className="button" onClick={acknowledge} disabled={busy}>
                  {busy ? "Acknowledging…" : `Acknowledge for ${organisation}`}
                </button>
              </>
            ))}
          {data.organisations && <OrganisationsTable state={data} />}
        </>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
