// Account: enrol an authenticator app (TOTP) with the server's QR code, or turn the second factor off.
import { type FormEvent, useMemo, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { CopyButton } from "../../components/copy-button.js";
import { accountApi } from "../../data/endpoints.js";
import type { TotpSetup } from "../../data/types.js";
import { sanitizeSvg } from "../../lib/markdown.js";
import { navigate } from "../../router/router.js";
import { useRequiredSession, useSession } from "../../session/session.js";

function QrCode({ svg }: { svg: string }) {
  const clean = useMemo(() => sanitizeSvg(svg), [svg]);
  return (
    <div
      className="qr"
      role="img"
      aria-label="QR code to scan with your authenticator app"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is sanitised by DOMPurify (SVG profile).
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}

function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** The second-factor section of the account page. */
export function TotpSection() {
  const { person, stage } = useRequiredSession();
  const { setSession, refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setSetup(await accountApi.totpSetup());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await accountApi.totpConfirm(code.trim());
      const wasEnrolling = stage === "enrolment";
      setSession(session);
      setSetup(null);
      setCode("");
      if (wasEnrolling && session.stage === "complete") navigate("/");
      else setDone("Your authenticator app is enrolled. You will be asked for a code when you log in.");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const disable = async () => {
    setBusy(true);
    setError(null);
    try {
      await accountApi.totpDisable();
      await refresh();
      setDone("The second factor is turned off.");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="totp-heading">
      <h2 id="totp-heading">Second factor (authenticator app)</h2>
      {done && (
        <Notice kind="success">
          <p>{done}</p>
        </Notice>
      )}
      {person.totpEnabled && !setup ? (
        <>
          <p>
            <span className="status status-active">Enabled</span> Logging in asks for a 6-digit code from your app.
          </p>
          {person.totpRequired ? (
            <p className="muted">Chairs and the secretariat must keep a second factor; it cannot be turned off.</p>
          ) : (
            <ConfirmButton
              label="Turn off the second factor"
              confirmLabel="Yes, turn it off"
              question="Logging in will then need only your password."
              busy={busy}
              onConfirm={disable}
            />
          )}
        </>
      ) : setup ? (
        <div className="totp-setup">
          <ol className="steps">
            <li>
              <p>Scan this QR code with an authenticator app (for example FreeOTP, Aegis or Google Authenticator).</p>
              <QrCode svg={setup.qrSvg} />
            </li>
            <li>
              <p>Or enter this key by hand:</p>
              <p className="secret">
                <code>{groupSecret(setup.secret)}</code> <CopyButton text={setup.secret} label="Copy key" />
              </p>
            </li>
            <li>
              <form onSubmit={confirm}>
                <div className="field">
                  <label htmlFor="totp-confirm-code">Enter the 6-digit code the app shows</label>
                  <input
                    id="totp-confirm-code"
                    className="input-code"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    pattern="\d{6}"
                    maxLength={6}
                    required
                    value={code}
                    onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
                  />
                </div>
                <ErrorAlert error={error} />
                <div className="actions">
                  <button type="submit" className="button" disabled={busy || code.length !== 6}>
                    {busy ? "Checking…" : "Confirm and enrol"}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setSetup(null)}>
                    Cancel
                  </button>
                </div>
              </form>
            </li>
          </ol>
        </div>
      ) : (
        <>
          <p>
            {person.totpRequired
              ? "Your role requires a second factor. Enrol an authenticator app to continue."
              : "Protect your account with a 6-digit code from an authenticator app in addition to your password."}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={start} disabled={busy}>
              {busy ? "Preparing…" : "Set up an authenticator app"}
            </button>
          </div>
        </>
      )}
      {!setup && <ErrorAlert error={error} />}
    </section>
  );
}
