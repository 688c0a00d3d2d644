// An own TLP:AMBER item's releases to named peer exchanges: the list (withdraw) and releasing it to another peer.
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { DateTime } from "../../components/date-time.js";
import { SubmitButton } from "../../components/form-actions.js";
import { Loading } from "../../components/loading.js";
import { federationApi } from "../../data/endpoints.js";
import type { Item, PeerName, Release } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { EGRESS_POLICY } from "../../lib/egress.js";
import { focusById } from "../../lib/focus.js";

function peerLabel(peer: PeerName): string {
  return peer.partner ? `${peer.name} (partner community)` : peer.name;
}

/** Chooses a peer the item is not yet released to and releases it. */
function ReleaseForm({
  item,
  peers,
  onReleased,
}: {
  item: Item;
  peers: readonly PeerName[];
  onReleased: (releases: Release[], peer: PeerName) => void;
}) {
  const id = useId();
  const [peerId, setPeerId] = useState("");
  const { busy, error, refuse, send } = useSubmit();
  const chosen = peers.find((p) => p.id === peerId) ?? peers[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      refuse("Choose a peer exchange.");
      return;
    }
    await send(async () => {
      onReleased(await federationApi.release(item.id, chosen.id), chosen);
      setPeerId("");
    });
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label="Release this item">
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-peer`}>Peer exchange</label>
          <select id={`${id}-peer`} value={chosen?.id ?? ""} onChange={(e) => setPeerId(e.target.value)}>
            {peers.map((p) => (
              <option key={p.id} value={p.id}>
                {peerLabel(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-button">
          <SubmitButton busy={busy} label="Release" busyLabel="Releasing…" />
        </div>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}

/** The "Share with peer exchanges" section of an own, non-federated TLP:AMBER item. */
export function ReleasesSection({ item }: { item: Item }) {
  const data = useApi(
    async (signal) => {
      const [releases, peers] = await Promise.all([
        federationApi.releases(item.id, { signal }),
        federationApi.peerNames({ signal }),
      ]);
      return { releases, peers };
    },
    [item.id],
  );
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const setReleases = (releases: Release[]) => data.setData((previous) => (previous ? { ...previous, releases } : previous));
  const withdraw = async (release: Release) => {
    setMessage(null);
    setError(null);
    try {
      setReleases(await federationApi.withdraw(item.id, release.peerId));
      setMessage(`The release to ${release.name} is withdrawn. What it has already received stays there.`);
    } catch (e) {
      setError(e);
    }
    focusById("releases-heading");
  };

  const releases = data.data?.releases ?? [];
  const released = new Set(releases.map((r) => r.peerId));
  const available = (data.data?.peers ?? []).filter((p) => !released.has(p.id));
  return (
    <section className="section" aria-labelledby="releases-heading" data-testid="releases">
      <h2 id="releases-heading">Share with peer exchanges</h2>
      <p>As TLP:AMBER, this item leaves the exchange only for the peer exchanges your organisation releases it to.</p>
      <p className="hint">{EGRESS_POLICY}</p>
      {message && (
        <Notice kind="success">
          <p>{message}</p>
        </Notice>
      )}
      <ErrorAlert error={error} />
      {data.loading && !data.data && <Loading label="Loading the releases…" />}
      <ErrorAlert error={data.error} />
      {data.data && releases.length === 0 && <p className="muted">This item is not released to any peer exchange.</p>}
      {releases.length > 0 && (
        <ul className="plain-list releases" aria-label="Released to">
          {releases.map((release) => (
            <li key={release.peerId} className="release" data-testid="release">
              <span>
                Released to <strong>{release.name}</strong> on <DateTime iso={release.releasedAt} />
              </span>
              <ConfirmButton
                label="Withdraw"
                question={`Withdraw the release to ${release.name}? What it has received stays there.`}
                confirmLabel="Yes, withdraw"
                onConfirm={() => void withdraw(release)}
              />
            </li>
          ))}
        </ul>
      )}
      {data.data && data.data.peers.length === 0 && <p className="muted">No peer exchange is registered.</p>}
      {data.data && data.data.peers.length > 0 && available.length === 0 && (
        <p className="muted">It is released to every registered peer exchange.</p>
      )}
      {available.length > 0 && (
        <ReleaseForm
          item={item}
          peers={available}
          onReleased={(next, peer) => {
            setError(null);
            setReleases(next);
            setMessage(`Released to ${peer.name}: it goes there with the next exchange.`);
          }}
        />
      )}
    </section>
  );
}
