// /setup?token=…: first start — creates the secretariat organisation and the first secretariat account.
import { type FormEvent, useState } from "react";
import { ErrorAlert, Notice } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { PasswordFields, passwordProblem } from "../components/password-fields.js";
import { authApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { Link, navigate, useSearchParams } from "../router/router.js";
import { useSession } from "../session/session.js";

/** The first-start page. */
export function SetupPage() {
  useTitle("Set up the exchange");
  const { setSession } = useSession();
  const tokenFromUrl = useSearchParams().get("token") ?? "";
  const status = useApi((signal) => authApi.bootstrapStatus({ signal, quiet: true }), []);
  const [token, setToken] = useState(tokenFromUrl);
  const [organisationName, setOrganisationName] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

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
      const session = await authApi.bootstrap({
        token: token.trim(),
        organisationName: organisationName.trim(),
        name: name.trim(),
        email: email.trim(),
        password,
      });
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
      <h1 id="setup-heading">Set up the exchange</h1>
      {status.loading && <Loading />}
      <ErrorAlert error={status.error} />
      {status.data && !status.data.needsSetup && (
        <Notice>
          <p>
            This exchange is already set up. <Link to="/login">Log in</Link> instead.
          </p>
        </Notice>
      )}
      {status.data?.needsSetup && (
        <>
          <p>
            Create the secretariat organisation and the first secretariat account. The secretariat runs the exchange: it invites
            organisations and persons and publishes the Terms of Reference and NDA.
          </p>
          <form onSubmit={submit}>
            {!tokenFromUrl && (
              <div className="field">
                <label htmlFor="setup-token">Setup token</label>
                <input
                  id="setup-token"
                  autoComplete="off"
                  required
                  minLength={10}
                  aria-describedby="setup-token-hint"
                  value={token}
                  onChange={(e) => setToken(e.target.value)}
                />
                <p id="setup-token-hint" className="hint">
                  The server printed this token when it first started.
                </p>
              </div>
            )}
            <div className="field">
              <label htmlFor="setup-org">Secretariat organisation name</label>
              <input
                id="setup-org"
                autoComplete="organization"
                required
                maxLength={160}
                value={organisationName}
                onChange={(e) => setOrganisationName(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="setup-name">Your name</label>
              <input
                id="setup-name"
                autoComplete="name"
                required
                maxLength={120}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="setup-email">Your e-mail address</label>
              <input
                id="setup-email"
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
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
                {busy ? "Setting up…" : "Create the secretariat"}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
