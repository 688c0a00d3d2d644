// /federation: the secretariat's peer exchanges over TAXII 2.1 — the list with each peer's last run and error, edit,
// run now, revoke, and registration (the token the peer presents here is shown once).
import { useState } from "react";
import { ErrorAlert, Notice } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { SecretNotice } from "../components/secret-notice.js";
import { federationApi } from "../data/endpoints.js";
import type { FederationRun, Peer, RegisteredPeer } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { EGRESS_POLICY } from "../lib/egress.js";
import { focusById } from "../lib/focus.js";
import { PeerForm } from "./federation/peer-form.js";
import { PeersTable } from "./federation/peers-table.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the last "Run now" did. */
function RunResult({ peer, run }: { peer: string; run: FederationRun }) {
  if (run.error) {
    return (
      <div className="alert alert-error" role="alert" data-testid="run-result">
        <p>
          The run with {peer} failed after pulling {plural(run.pulled, "object")} and pushing {plural(run.pushed, "item")}:{" "}
          {run.error}
        </p>
      </div>
    );
  }
  return (
    <Notice kind="success">
      <p data-testid="run-result">
        Ran with {peer}: pulled {plural(run.pulled, "object")}, pushed {plural(run.pushed, "item")}.
      </p>
    </Notice>
  );
}

/** The peer exchanges page (secretariat only; the route guard checks the role). */
export function FederationPage() {
  useTitle("Peer exchanges");
  const peers = useApi((signal) => federationApi.peers({ signal }), []);
  const [registered, setRegistered] = useState<RegisteredPeer | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [run, setRun] = useState<{ peer: string; run: FederationRun } | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const replace = (peer: Peer) => peers.setData((previous) => previous?.map((p) => (p.id === peer.id ? peer : p)) ?? null);
  const clear = () => {
    setMessage(null);
    setRun(null);
    setError(null);
  };

  const runNow = async (peer: Peer) => {
    clear();
    setRunning(peer.id);
    try {
      setRun({ peer: peer.name, run: await federationApi.run(peer.id) });
      peers.reload();
    } catch (e) {
      setError(e);
    } finally {
      setRunning(null);
      focusById("peers-heading");
    }
  };
  const revoke = async (peer: Peer) => {
    clear();
    try {
      replace(await federationApi.revoke(peer.id));
      setMessage(`“${peer.name}” is revoked: its token no longer works and nothing more is exchanged with it.`);
    } catch (e) {
      setError(e);
    }
    focusById("peers-heading");
  };

  return (
    <>
      <h1>Peer exchanges</h1>
      <p className="lead">
        Other exchanges this one shares with over TAXII 2.1. What they send arrives read-only, marked with where it came from.{" "}
        {EGRESS_POLICY}
      </p>

      {registered && (
        <div id="new-peer-token-notice">
          <SecretNotice
            secret={registered.token}
            testId="new-peer-token"
            copyLabel="Copy token"
            onDone={() => setRegistered(null)}
          >
            <strong>Give this token to “{registered.peer.name}” now.</strong> Their exchange presents it to reach this one's TAXII
            API. It is shown only once and cannot be retrieved later.
          </SecretNotice>
        </div>
      )}

      <section className="section" aria-labelledby="peers-heading">
        <h2 id="peers-heading">Peers</h2>
        {message && (
          <Notice kind="success">
            <p>{message}</p>
          </Notice>
        )}
        {run && <RunResult peer={run.peer} run={run.run} />}
        <ErrorAlert error={error} />
        {peers.loading && !peers.data && <Loading label="Loading the peers…" />}
        <ErrorAlert error={peers.error} />
        {peers.data && peers.data.length === 0 && <p className="muted">No peer exchange is registered yet.</p>}
        {peers.data && peers.data.length > 0 && (
          <PeersTable
            peers={peers.data}
            running={running}
            onChanged={(peer) => {
              clear();
              replace(peer);
              setMessage(`“${peer.name}” is saved.`);
              focusById("peers-heading");
            }}
            onRun={(peer) => void runNow(peer)}
            onRevoke={(peer) => void revoke(peer)}
          />
        )}
      </section>

      <div className="section">
        <PeerForm
          onRegistered={(result) => {
            clear();
            setRegistered(result);
            peers.setData((previous) => [...(previous ?? []), result.peer]);
            focusById("new-peer-token-notice");
          }}
        />
      </div>
    </>
  );
}
