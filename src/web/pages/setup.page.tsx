// /setup?token=…: first start — creates the secretariat organisation and the first secretariat account.
import { useState } from "react";
import { ErrorAlert, Notice } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { NewAccountFields, useNewAccount } from "../components/new-account.js";
import { authApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { Link, useSearchParams } from "../router/router.js";

/** The first-start page. */
export function SetupPage() {
  useTitle("Set up the exchange");
  const tokenFromUrl = useSearchParams().get("token") ?? "";
  const status = useApi((signal) => authApi.bootstrapStatus({ signal, quiet: true }), []);
  const [token, setToken] = useState(tokenFromUrl);
  const [organisationName, setOrganisationName] = useState("");
  const [email, setEmail] = useState("");
  const account = useNewAccount();

  const submit = account.submitWith(() =>
    authApi.bootstrap({
      token: token.trim(),
      organisationName: organisationName.trim(),
      name: account.name.trim(),
      email: email.trim(),
      password: account.password,
    }),
  );

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
            <NewAccountFields account={account} nameId="setup-name" label="Create the secretariat" busyLabel="Setting up…">
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
            </NewAccountFields>
          </form>
        </>
      )}
    </section>
  );
}
