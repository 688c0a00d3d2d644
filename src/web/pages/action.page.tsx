// /actions/:id: one action item — owner, due date, status, where it comes from, its description and history.
import { TLP_MEANING } from "../../shared/tlp.js";
import { ActionStatusChip, actionOwner } from "../components/action-table.js";
import { ErrorAlert } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { Markdown } from "../components/markdown.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { ApiError } from "../data/client.js";
import { actionsApi } from "../data/endpoints.js";
import type { ActionItem } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { actionStatusName, formatDay } from "../lib/format.js";
import { Link } from "../router/router.js";
import { ActionStatusForm } from "./action/status-form.js";

function History({ action }: { action: ActionItem }) {
  const entries = [...action.history].reverse();
  return (
    <section className="section" aria-labelledby="action-history-heading">
      <h2 id="action-history-heading">History</h2>
      {entries.length === 0 ? (
        <p className="muted">No status changes yet.</p>
      ) : (
        <ol className="timeline" data-testid="action-history">
          {entries.map((entry) => (
            <li key={`${entry.at}-${entry.status}`} className="timeline-entry">
              <div className="timeline-head">
                <span className={`status status-action-${entry.status}`}>{actionStatusName(entry.status)}</span>
                <span className="byline">
                  {entry.by.name} · <DateTime iso={entry.at} />
                </span>
              </div>
              {entry.note && <p className="pre-wrap timeline-note">{entry.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The action page. */
export function ActionPage({ id }: { id: string }) {
  const action = useApi((signal) => actionsApi.get(id, { signal }), [id]);
  useTitle(action.data?.title ?? "Action");

  if (action.loading && !action.data) {
    return (
      <>
        <h1 className="visually-hidden">Action</h1>
        <Loading label="Loading the action…" />
      </>
    );
  }
  if (action.error || !action.data) {
    const missing = action.error instanceof ApiError && action.error.code === "not_found";
    return (
      <>
        <h1>{missing ? "Action not found" : "Could not load the action"}</h1>
        {missing ? <p>This action does not exist, or it was not shared with you.</p> : <ErrorAlert error={action.error} />}
        <p>
          <Link to="/actions">Back to the actions</Link>
        </p>
      </>
    );
  }

  const data = action.data;
  return (
    <article className="item action">
      <header className="item-head">
        <div className="item-card-meta">
          <TlpBadge label={data.tlp} />
          <span className="kind-tag">Action item</span>
          <ActionStatusChip action={data} />
        </div>
        <h1 data-testid="action-title">{data.title}</h1>
        <p className="tlp-meaning">{TLP_MEANING[data.tlp]}</p>
      </header>
      <dl className="meta">
        <div>
          <dt>Owner</dt>
          <dd>{actionOwner(data)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{formatDay(data.dueOn)}</dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            {data.meeting ? (
              <Link to={`/meetings/${data.meeting.id}${data.agendaItemId ? `#agenda-${data.agendaItemId}` : ""}`}>
                {data.meeting.title}
              </Link>
            ) : (
              <span className="muted">No meeting</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            {data.createdBy.name}, <DateTime iso={data.createdAt} dateOnly />
          </dd>
        </div>
      </dl>
      {data.description.trim() && (
        <section className="section item-body" aria-label="Description">
          <Markdown source={data.description} />
        </section>
      )}
      {data.canUpdate && (
        <section className="panel section status-panel" aria-label="Update the status">
          <ActionStatusForm key={data.updatedAt} action={data} onSaved={(updated) => action.setData(updated)} />
        </section>
      )}
      <History action={data} />
      <p className="section">
        <Link to="/actions">All my actions</Link>
      </p>
    </article>
  );
}
