// /invitation/:token: shows who invited the person and lets them choose a password.
import { type FormEvent, useEffect, useState } from "react";
import { ErrorAlert } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { PasswordFields, passwordProblem } from "../components/password-fields.js";
import { authApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { roleName } from "../lib/format.js";
import { Link, navigate } from "../router/router.js";
import { useSession } from "../session/session.js";

/** The invitation acceptance page. */
export function InvitationPage({ token }: { token: string }) {
  useTitle("Accept your invitation");
  const { setSession } = useSession();
  const info = useApi((signal) => authApi.invitation(token, { signal }), [token]);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (info.data) setName(info.data.name);
  }, [info.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password, confirmation);
    if (problem) {
      setError(new Error(problem));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const trimmed = name.trim();
      const body = trimmed && trimmed !== info.data?.name ? { password, name: trimmed } : { password };
      const session = await authApi.acceptInvitation(token, body);
      setSession(session);
      navigate(session.stage === "complete" ? "/" : "/account", {
        replace: true,
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card auth-card">
      <h1 id="invitation-heading">Accept your invitation</h1>
      {info.loading && <Loading />}
      <ErrorAlert error={info.error}>
        <p>
          Ask the secretariat for a new invitation, or <Link to="/login">log in</Link> if you already have an account.
        </p>
      </ErrorAlert>
      {info.data && (
        <>
          <p>
            You are invited to join Roundtable as <strong>{roleName(info.data.role).toLowerCase()}</strong> for{" "}
            <strong>{info.data.organisationName}</strong>, with the e-mail address <strong>{info.data.email}</strong>. The
            invitation is valid until <DateTime iso={info.data.expiresAt} />.
          </p>
          <form onSubmit={submit}>
            <div className="field">
              <label htmlFor="invite-name">Your name</label>
              <input
                id="invite-name"
                autoComplete="name"
                required
                maxLength={120}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <PasswordFields
              password={password}
              confirmation={confirmation}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
            />
            <ErrorAlert error={error} />
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {busy ? "Creating your account…" : "Accept and create account"}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
