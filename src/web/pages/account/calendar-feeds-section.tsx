// Account: personal calendar feeds (iCalendar subscriptions) — create (address shown once), list and revoke.
import { useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { DateTime } from "../../components/date-time.js";
import { Loading } from "../../components/loading.js";
import { SecretNotice } from "../../components/secret-notice.js";
import { accountApi } from "../../data/endpoints.js";
import type { CreatedCalendarFeed } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { focusById } from "../../lib/focus.js";

/** The calendar feeds section of the account page. */
export function CalendarFeedsSection() {
  const feeds = useApi((signal) => accountApi.calendarFeeds({ signal }), []);
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const { busy, error, setError, send } = useSubmit();

  const create = () =>
    send(async () => {
      setCreated(await accountApi.createCalendarFeed());
      feeds.reload();
    });

  const revoke = async (id: string) => {
    setError(null);
    try {
      await accountApi.revokeCalendarFeed(id);
      if (created?.id === id) setCreated(null);
      feeds.reload();
      focusById("calendar-feeds-heading");
    } catch (e) {
      setError(e);
    }
  };

  const list = feeds.data?.feeds ?? [];
  return (
    <section className="card" aria-labelledby="calendar-feeds-heading">
      <h2 id="calendar-feeds-heading">Calendar feeds</h2>
      <p>
        Subscribe your calendar application to the exchange's meetings you may see. The feed's address is a secret: anyone who has
        it sees those meetings' dates and titles. Revoke it if it leaks.
      </p>

      {created && (
        <SecretNotice secret={created.url} testId="calendar-feed-url" copyLabel="Copy address" onDone={() => setCreated(null)}>
          <strong>Copy the address of your new feed now.</strong> It is shown only once.
        </SecretNotice>
      )}

      {feeds.loading && !feeds.data && <Loading label="Loading your feeds…" />}
      <ErrorAlert error={feeds.error} />
      {feeds.data && list.length === 0 && <p className="muted">You have no calendar feeds.</p>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your calendar feeds</caption>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((feed) => (
                <tr key={feed.id}>
                  <td>
                    <DateTime iso={feed.createdAt} />
                  </td>
                  <td>
                    {feed.revokedAt ? (
                      <span className="status status-revoked">
                        Revoked <DateTime iso={feed.revokedAt} dateOnly />
                      </span>
                    ) : (
                      <span className="status status-active">Active</span>
                    )}
                  </td>
                  <td className="cell-actions">
                    {!feed.revokedAt && (
                      <ConfirmButton label="Revoke" question="Revoke this feed?" onConfirm={() => void revoke(feed.id)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="button" className="button" onClick={create} disabled={busy}>
          {busy ? "Creating…" : "Create a calendar feed"}
        </button>
      </div>
    </section>
  );
}
