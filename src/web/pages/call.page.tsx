// /calls/:id: an urgent call (TLP:RED, invitees only) — bridge details, linked item, the roll-call filling live,
// the invitee's answer and the convener's end form with summary.
import { ErrorAlert, Notice } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { ApiError } from "../data/client.js";
import { callsApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useLiveEvents } from "../hooks/use-live-events.js";
import { useTitle } from "../hooks/use-title.js";
import { Link } from "../router/router.js";
import { useRequiredSession } from "../session/session.js";
import { EndCallForm } from "./call/end-call-form.js";
import { RollCallForm } from "./call/roll-call-form.js";
import { RollCallTable } from "./call/roll-call-table.js";

/** The call page. */
export function CallPage({ id }: { id: string }) {
  const { person } = useRequiredSession();
  const call = useApi((signal) => callsApi.get(id, { signal }), [id]);
  useTitle(call.data?.title ?? "Urgent call");
  // Answers and the end arrive as content-free events about this call: fetch the call again.
  useLiveEvents((event) => {
    if (!event || event.subjectId === id) call.reload();
  });

  if (call.loading && !call.data) {
    return (
      <>
        <h1 className="visually-hidden">Urgent call</h1>
        <Loading label="Loading the call…" />
      </>
    );
  }
  if (call.error && !call.data) {
    const missing = call.error instanceof ApiError && call.error.code === "not_found";
    return (
      <>
        <h1>{missing ? "Call not found" : "Could not load the call"}</h1>
        {missing ? <p>This call does not exist, or you were not invited to it.</p> : <ErrorAlert error={call.error} />}
        <p>
          <Link to="/meetings">Back to meetings and calls</Link>
        </p>
      </>
    );
  }
  const data = call.data;
  if (!data) return null;

  const open = data.status === "open";
  const mine = data.rollCall.find((entry) => entry.person.id === person.id);
  return (
    <article className="item call">
      <div className="red-banner" role="note" data-testid="red-banner">
        <TlpBadge label="TLP:RED" /> <strong>TLP:RED — for invitees only.</strong> Do not share the bridge details or what is said
        with anyone else, colleagues included.
      </div>
      <header className="item-head">
        <div className="item-card-meta">
          <span className="kind-tag">Urgent call</span>
          <span className={`status status-call-${data.status}`} data-testid="call-status">
            {open ? "Open" : "Ended"}
          </span>
        </div>
        <h1 data-testid="call-title">{data.title}</h1>
      </header>
      <dl className="meta">
        <div>
          <dt>Convened by</dt>
          <dd>
            {data.convener.name} ({data.convenerOrganisation.name})
          </dd>
        </div>
        <div>
          <dt>Starts</dt>
          <dd>
            <DateTime iso={data.startsAt} />
          </dd>
        </div>
        {data.endedAt && (
          <div>
            <dt>Ended</dt>
            <dd>
              <DateTime iso={data.endedAt} />
            </dd>
          </div>
        )}
        <div>
          <dt>About</dt>
          <dd>
            {data.item ? (
              <span className="cell-title">
                <TlpBadge label={data.item.tlp} /> <Link to={`/items/${data.item.id}`}>{data.item.title}</Link>
              </span>
            ) : (
              <span className="muted">No linked item</span>
            )}
          </dd>
        </div>
      </dl>

      <section className="panel bridge-panel" aria-labelledby="bridge-heading">
        <h2 id="bridge-heading" className="panel-title">
          Bridge details
        </h2>
        <p className="pre-wrap bridge" data-testid="bridge">
          {data.bridge}
        </p>
      </section>

      {!open && (
        <Notice kind={data.summaryItemId ? "success" : "info"}>
          <p>
            The call has ended.{" "}
            {data.summaryItemId && (
              <Link to={`/items/${data.summaryItemId}`} data-testid="summary-link">
                Read the summary
              </Link>
            )}
          </p>
        </Notice>
      )}

      <section className="section" aria-labelledby="roll-call-heading">
        <h2 id="roll-call-heading">
          Roll-call{" "}
          <span className="heading-count">
            ({data.answered} of {data.invited} answered)
          </span>
        </h2>
        <RollCallTable entries={data.rollCall} me={person.id} />
      </section>

      {open && mine && (
        <RollCallForm key={`${mine.status}/${mine.answeredAt}`} call={data} mine={mine} onAnswered={call.setData} />
      )}
      {open && data.isConvener && <EndCallForm call={data} onEnded={call.setData} />}
    </article>
  );
}
