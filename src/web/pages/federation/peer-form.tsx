// Federation: register a peer exchange — its name, TAXII API root, collection, the credential to present there, and
// whether it is a partner community, pulled from and pushed to.
import { type FormEvent, useState } from "react";
import { FormActions } from "../../components/form-actions.js";
import { federationApi } from "../../data/endpoints.js";
import type { RegisteredPeer } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";

/** Why an API root is not usable, or null. */
function apiRootProblem(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return "The API root is an http(s) address.";
  } catch {
    return "The API root is a full address, e.g. https://isac.example/taxii2/api/.";
  }
  return value.endsWith("/") ? null : "A TAXII API root ends with /.";
}

/** The registration form; `onRegistered` receives the new peer and the token it presents here (shown once). */
export function PeerForm({ onRegistered }: { onRegistered: (registered: RegisteredPeer) => void }) {
  const [name, setName] = useState("");
  const [apiRoot, setApiRoot] = useState("");
  const [collectionId, setCollectionId] = useState("");
  const [username, setUsername] = useState("");
  const [secret, setSecret] = useState("");
  const [partner, setPartner] = useState(false);
  const [pull, setPull] = useState(true);
  const [push, setPush] = useState(true);
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const root = apiRoot.trim();
    const problem = apiRootProblem(root);
    if (problem) {
      refuse(problem);
      return;
    }
    await send(async () => {
      onRegistered(
        await federationApi.register({
          name: name.trim(),
          apiRoot: root,
          collectionId: collectionId.trim() || null,
          ...(username.trim() ? { username: username.trim() } : {}),
          ...(secret ? { secret } : {}),
          partner,
          pull,
          push,
        }),
      );
      setName("");
      setApiRoot("");
      setCollectionId("");
      setUsername("");
      setSecret("");
      setPartner(false);
      setPull(true);
      setPush(true);
    });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="register-peer-heading">
      <h2 id="register-peer-heading">Register a peer exchange</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="peer-name">Name</label>
          <input id="peer-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="peer-api-root">TAXII API root</label>
          <input
            id="peer-api-root"
            type="url"
            required
            maxLength={500}
            placeholder="https://isac.example/taxii2/api/"
            aria-describedby="peer-api-root-hint"
            value={apiRoot}
            onChange={(e) => setApiRoot(e.target.value)}
          />
          <p id="peer-api-root-hint" className="hint">
            The peer's TAXII 2.1 API root; it ends with /.
          </p>
        </div>
        <div className="field">
          <label htmlFor="peer-collection">Collection (optional)</label>
          <input
            id="peer-collection"
            maxLength={200}
            aria-describedby="peer-collection-hint"
            value={collectionId}
            onChange={(e) => setCollectionId(e.target.value)}
          />
          <p id="peer-collection-hint" className="hint">
            Empty: the first collection the peer lets this exchange read (pull) or write (push).
          </p>
        </div>
        <div className="field">
          <label htmlFor="peer-username">Username there (optional)</label>
          <input
            id="peer-username"
            maxLength={200}
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="peer-secret">Password or token there (optional)</label>
          <input
            id="peer-secret"
            type="password"
            maxLength={500}
            autoComplete="new-password"
            aria-describedby="peer-secret-hint"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
          <p id="peer-secret-hint" className="hint">
            With a username it is sent as HTTP Basic; without, as a Bearer token. It is never shown again.
          </p>
        </div>
      </div>
      <fieldset>
        <legend>Exchange</legend>
        <div className="field field-check">
          <label className="check">
            <input type="checkbox" checked={partner} onChange={(e) => setPartner(e.target.checked)} />
            <span>Partner community</span>
          </label>
          <p className="hint">A partner community also receives TLP:GREEN items addressed to the whole exchange.</p>
        </div>
        <div className="field field-check">
          <label className="check">
            <input type="checkbox" checked={pull} onChange={(e) => setPull(e.target.checked)} />
            <span>Pull: import what the peer shares (read-only here)</span>
          </label>
        </div>
        <div className="field field-check">
          <label className="check">
            <input type="checkbox" checked={push} onChange={(e) => setPush(e.target.checked)} />
            <span>Push: send what the egress policy lets leave</span>
          </label>
        </div>
      </fieldset>
      <FormActions error={error} busy={busy} label="Register peer" busyLabel="Registering…" />
    </form>
  );
}
