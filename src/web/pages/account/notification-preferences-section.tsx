// Account: which notifications also come by e-mail (urgent ones at once, the rest as a daily digest).
import { type FormEvent, useEffect, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { SubmitButton } from "../../components/form-actions.js";
import { Loading } from "../../components/loading.js";
import { accountApi } from "../../data/endpoints.js";
import type { NotificationPreferences } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { Link } from "../../router/router.js";

/** The e-mail preferences section of the account page. */
export function NotificationPreferencesSection() {
  const saved = useApi((signal) => accountApi.notificationPreferences({ signal }), []);
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  const [done, setDone] = useState(false);
  const { busy, error, send } = useSubmit();
  useEffect(() => {
    if (saved.data) setDraft(saved.data);
  }, [saved.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setDone(false);
    await send(async () => {
      saved.setData(await accountApi.setNotificationPreferences(draft));
      setDone(true);
    });
  };

  const change = (key: keyof NotificationPreferences, value: boolean) => {
    setDraft((current) => (current ? { ...current, [key]: value } : current));
    setDone(false);
  };

  return (
    <section className="card" aria-labelledby="notification-preferences-heading">
      <h2 id="notification-preferences-heading">Notifications by e-mail</h2>
      <p>
        Everything appears in your <Link to="/notifications">notification centre</Link>. E-mails never carry content above
        TLP:GREEN: for AMBER and RED they carry the label and a link.
      </p>
      {saved.loading && !saved.data && <Loading label="Loading your preferences…" />}
      <ErrorAlert error={saved.error} />
      {draft && (
        <form onSubmit={submit}>
          <div className="field field-check">
            <label className="check">
              <input type="checkbox" checked={draft.emailUrgent} onChange={(e) => change("emailUrgent", e.target.checked)} />
              <span>E-mail me at once about urgent things</span>
            </label>
            <p className="hint">Warnings to acknowledge, urgent calls and escalations.</p>
          </div>
          <div className="field field-check">
            <label className="check">
              <input type="checkbox" checked={draft.emailDigest} onChange={(e) => change("emailDigest", e.target.checked)} />
              <span>E-mail me a daily digest of everything else</span>
            </label>
          </div>
          <ErrorAlert error={error} />
          {done && (
            <Notice kind="success">
              <p>Your preferences were saved.</p>
            </Notice>
          )}
          <SubmitButton busy={busy} label="Save preferences" busyLabel="Saving…" />
        </form>
      )}
    </section>
  );
}
