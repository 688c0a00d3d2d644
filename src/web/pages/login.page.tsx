// /login: e-mail and password, then a TOTP code when the account has a second factor.
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../components/alert.js";
import { authApi } from "../data/endpoints.js";
import type { SessionResponse } from "../data/types.js";
import { useTitle } from "../hooks/use-title.js";
import { Redirect } from "../router/redirect.js";
import { navigate, safeNextPath, useSearchParams } from "../router/router.js";
import { useSession } from "../session/session.js";

function destination(session: SessionResponse, next: string | null): string {
  if (session.stage === "enrolment") return "/account";
  return next ?? "/";
}

/** The sign-in page. */
export function LoginPage() {
  useTitle("Log in");
  const { session, setSession } = useSession();
  const next = safeNextPath(useSearchParams().get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (session && session.stage !== "second_factor") return <Redirect to={destination(session, next)} />;
  const needsCode = session?.stage === "second_factor";

  const finish = (answer: SessionResponse) => {
    setSession(answer);
    if (answer.stage !== "second_factor") navigate(destination(answer, next), { replace: true });
  };

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      finish(await authApi.login(email.trim(), password));
      setPassword("");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      finish(await authApi.secondFactor(code.trim()));
    } catch (e) {
      setError(e);
      setCode("");
    } finally {
      setBusy(false);
    }
  };

  const startOver = async () => {
    try {
      await authApi.logout();
    } catch {
      // Nothing to end; start over anyway.
    }
    setSession(null);
    setError(null);
    setCode("");
  };

  if (needsCode) {
    return (
      <section className="card auth-card">
        <h1 id="login-heading">Enter your authentication code</h1>
        <p>Open the authenticator app you enrolled and enter the 6-digit code for Roundtable.</p>
        <form onSubmit={submitCode}>
          <div className="field">
            <label htmlFor="totp-code">Authentication code</label>
            <input
              id="totp-code"
              name="code"
              className="input-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              // biome-ignore lint/a11y/noAutofocus: the code field is the only thing to do on this step.
              autoFocus
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
            />
          </div>
          <ErrorAlert error={error} />
          <div className="actions">
            <button type="submit" className="button" disabled={busy || code.length !== 6}>
              {busy ? "Checking…" : "Verify"}
            </button>
            <button type="button" className="button button-link" onClick={startOver}>
              Use a different account
            </button>
          </div>
        </form>
      </section>
    );
  }

  return (
    <section className="card auth-card">
      <h1 id="login-heading">Log in to Roundtable</h1>
      <form onSubmit={submitPassword}>
        <div className="field">
          <label htmlFor="login-email">E-mail address</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Logging in…" : "Log in"}
          </button>
        </div>
      </form>
      <p className="muted small">
        Membership is by invitation of the secretariat. Use the link in your invitation e-mail to set your password.
      </p>
    </section>
  );
}
