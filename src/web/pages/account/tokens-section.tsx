// Account: personal API tokens — list, create (shown once) and revoke.
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { DateTime } from "../../components/date-time.js";
import { SubmitButton } from "../../components/form-actions.js";
import { Loading } from "../../components/loading.js";
import { SecretNotice } from "../../components/secret-notice.js";
import { accountApi } from "../../data/endpoints.js";
import type { CreatedToken } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { focusById } from "../../lib/focus.js";

/** The API tokens section of the account page. */
export function TokensSection() {
  const tokens = useApi((signal) => accountApi.tokens({ signal }), []);
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const { busy, error, refuse, send } = useSubmit();
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const expiresInDays = Number(days);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 365) {
      refuse("A token is valid for 1 to 365 days.");
      return;
    }
    await send(async () => {
      setCreated(await accountApi.createToken(name.trim(), expiresInDays));
      setName("");
      tokens.reload();
    });
  };

  const revoke = async (id: string) => {
    setRevokeError(null);
    try {
      await accountApi.revokeToken(id);
      tokens.reload();
      focusById("tokens-heading");
    } catch (e) {
      setRevokeError(e);
    }
  };

  const now = Date.now();
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p>Tokens let scripts and tools (for example a TAXII client) use the API as you. They can read what you can read.</p>

      {created && (
        <SecretNotice secret={created.token} testId="new-api-token" copyLabel="Copy token" onDone={() => setCreated(null)}>
          <strong>Copy your new token “{created.apiToken.name}” now.</strong> It is shown only once and cannot be retrieved later.
        </SecretNotice>
      )}

      {tokens.loading && !tokens.data && <Loading label="Loading your tokens…" />}
      <ErrorAlert error={tokens.error} />
      <ErrorAlert error={revokeError} />
      {tokens.data && tokens.data.tokens.length === 0 && <p className="muted">You have no API tokens.</p>}
      {tokens.data && tokens.data.tokens.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((token) => {
                const expired = new Date(token.expiresAt).getTime() < now;
                const status = token.revokedAt ? "Revoked" : expired ? "Expired" : "Active";
                return (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>
                      <DateTime iso={token.createdAt} dateOnly />
                    </td>
                    <td>
                      <DateTime iso={token.expiresAt} dateOnly />
                    </td>
                    <td>{token.lastUsedAt ? <DateTime iso={token.lastUsedAt} /> : <span className="muted">Never</span>}</td>
                    <td>
                      <span className={`status status-${status.toLowerCase()}`}>{status}</span>
                    </td>
                    <td className="cell-actions">
                      {status === "Active" && (
                        <ConfirmButton
                          label="Revoke"
                          question={`Revoke “${token.name}”?`}
                          onConfirm={() => void revoke(token.id)}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <form className="inline-form" onSubmit={create} aria-labelledby="new-token-heading">
        <h3 id="new-token-heading">Create a token</h3>
        <div className="form-row">
          <div className="field field-grow">
            <label htmlFor="token-name">Name</label>
            <input
              id="token-name"
              required
              maxLength={80}
              placeholder="e.g. TAXII client at the SOC"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="token-days">Valid for (days)</label>
            <input
              id="token-days"
              type="number"
              min={1}
              max={365}
              required
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          </div>
          <div className="field field-button">
            <SubmitButton busy={busy} label="Create token" busyLabel="Creating…" />
          </div>
        </div>
        <ErrorAlert error={error} />
      </form>
    </section>
  );
}
