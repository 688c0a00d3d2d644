// Urgent calls the person was invited to or convened, open ones first, and the button to convene one.
import { ErrorAlert } from "../../components/alert.js";
import { DateTime } from "../../components/date-time.js";
import { Loading } from "../../components/loading.js";
import { callsApi } from "../../data/endpoints.js";
import type { UrgentCallSummary } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { useLiveEvents } from "../../hooks/use-live-events.js";
import { rollCallName } from "../../lib/format.js";
import { Link } from "../../router/router.js";

function openFirst(calls: readonly UrgentCallSummary[]): UrgentCallSummary[] {
  return [...calls].sort((a, b) => {
    if (a.status !== b.status) return a.status === "open" ? -1 : 1;
    return b.startsAt.localeCompare(a.startsAt);
  });
}

/** The urgent calls section of the calendar page; refreshed live. */
export function CallsPanel() {
  const calls = useApi((signal) => callsApi.list({ signal }), []);
  useLiveEvents((event) => {
    if (!event || event.subjectType === "urgent-call") calls.reload();
  });
  const list = openFirst(calls.data?.calls ?? []);
  return (
    <section className="section calls-panel" aria-labelledby="calls-heading">
      <div className="section-head">
        <h2 id="calls-heading">Urgent calls</h2>
        <Link to="/calls/new" className="button">
          Convene an urgent call
        </Link>
      </div>
      <p className="hint">
        On a new threat any member can convene a call. Invitees get the bridge details (TLP:RED to them) and answer a roll-call.
      </p>
      {calls.loading && !calls.data && <Loading label="Loading urgent calls…" />}
      <ErrorAlert error={calls.error} />
      {calls.data && list.length === 0 && <p className="muted">No urgent calls.</p>}
      {list.length > 0 && (
        <ul className="call-list">
          {list.map((call) => (
            <li key={call.id} className={call.status === "open" ? "call-entry call-open" : "call-entry"} data-testid="call-entry">
              <div className="call-entry-main">
                <span className={`status status-call-${call.status}`}>{call.status === "open" ? "Open" : "Ended"}</span>
                <Link to={`/calls/${call.id}`} className="call-entry-title">
                  {call.title}
                </Link>
              </div>
              <p className="byline">
                Convened by {call.convener.name} · <DateTime iso={call.startsAt} /> · {call.answered} of {call.invited} answered
                {call.myAnswer && <> · you: {rollCallName(call.myAnswer)}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
