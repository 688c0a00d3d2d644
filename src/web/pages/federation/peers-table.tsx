// Federation: the registered peers — settings, last run and error — with edit (partner, pull, push), run now and revoke.
import { type FormEvent, useId, useState } from "react";
import { ConfirmButton } from "../../components/confirm-button.js";
import { DateTime } from "../../components/date-time.js";
import { FormActions } from "../../components/form-actions.js";
import { federationApi } from "../../data/endpoints.js";
import type { Peer } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";

const COLUMNS = 7;

function directionText(peer: Peer): string {
  if (peer.pull && peer.push) return "Pull and push";
  if (peer.pull) return "Pull only";
  if (peer.push) return "Push only";
  return "Paused";
}

/** Changes a peer's partner, pull and push settings. */
function EditPeerForm({ peer, onSaved, onCancel }: { peer: Peer; onSaved: (peer: Peer) => void; onCancel: () => void }) {
  const id = useId();
  const [partner, setPartner] = useState(peer.partner);
  const [pull, setPull] = useState(peer.pull);
  const [push, setPush] = useState(peer.push);
  const { busy, error, send } = useSubmit({ closes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(async () => onSaved(await federationApi.update(peer.id, { partner, pull, push })));
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Edit “{peer.name}”</h3>
      <div className="checkboxes-inline">
        <label className="check">
          <input type="checkbox" checked={partner} onChange={(e) => setPartner(e.target.checked)} />
          <span>Partner community (receives TLP:GREEN)</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={pull} onChange={(e) => setPull(e.target.checked)} />
          <span>Pull</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={push} onChange={(e) => setPush(e.target.checked)} />
          <span>Push</span>
        </label>
      </div>
      <FormActions error={error} busy={busy} label="Save changes" busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}

/** One peer's row, and its edit panel under it when editing. */
function PeerRow({
  peer,
  editing,
  running,
  onEdit,
  onSaved,
  onCancel,
  onRun,
  onRevoke,
}: {
  peer: Peer;
  editing: boolean;
  running: boolean;
  onEdit: () => void;
  onSaved: (peer: Peer) => void;
  onCancel: () => void;
  onRun: () => void;
  onRevoke: () => void;
}) {
  const revoked = peer.revokedAt !== null;
  return (
    <>
      <tr data-testid="peer-row">
        <th scope="row">
          {peer.name}
          <br />
          <span className="peer-detail">
            Its token: <code>{peer.tokenPrefix}…</code>
          </span>
        </th>
        <td>{peer.partner ? "Partner community" : "Peer exchange"}</td>
        <td>
          {revoked ? (
            <span className="status status-revoked">
              Revoked <DateTime iso={peer.revokedAt ?? ""} dateOnly />
            </span>
          ) : (
            directionText(peer)
          )}
        </td>
        <td>
          <code>{peer.apiRoot}</code>
          {peer.collectionId && (
            <>
              <br />
              <span className="peer-detail">
                Collection <code>{peer.collectionId}</code>
              </span>
            </>
          )}
        </td>
        <td>{peer.lastRunAt ? <DateTime iso={peer.lastRunAt} /> : <span className="muted">Never</span>}</td>
        <td>{peer.lastError ? <span className="peer-error">{peer.lastError}</span> : <span className="muted">None</span>}</td>
        <td className="cell-actions">
          {!revoked && (
            <>
              <button type="button" className="button button-secondary button-small" disabled={running} onClick={onRun}>
                {running ? "Running…" : "Run now"}
                <span className="visually-hidden"> with {peer.name}</span>
              </button>
              {!editing && (
                <button type="button" className="button button-secondary button-small" onClick={onEdit}>
                  Edit<span className="visually-hidden"> {peer.name}</span>
                </button>
              )}
              <ConfirmButton
                label="Revoke"
                question={`Revoke “${peer.name}”? Its token stops working and nothing more is exchanged with it.`}
                onConfirm={onRevoke}
              />
            </>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="row-panel">
          <td colSpan={COLUMNS}>
            <EditPeerForm peer={peer} onSaved={onSaved} onCancel={onCancel} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The table of peers; the owner handles running and revoking (and shows their results). */
export function PeersTable({
  peers,
  running,
  onChanged,
  onRun,
  onRevoke,
}: {
  peers: readonly Peer[];
  /** The peer whose run is under way, if any. */
  running: string | null;
  onChanged: (peer: Peer) => void;
  onRun: (peer: Peer) => void;
  onRevoke: (peer: Peer) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  // Active peers first, then the revoked ones, each by name.
  const ordered = [...peers].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.name.localeCompare(b.name),
  );
  return (
    <div className="table-wrap">
      <table data-testid="peers">
        <caption className="visually-hidden">Peer exchanges</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Exchange</th>
            <th scope="col">API root</th>
            <th scope="col">Last run</th>
            <th scope="col">Last error</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((peer) => (
            <PeerRow
              key={peer.id}
              peer={peer}
              editing={editing === peer.id}
              running={running === peer.id}
              onEdit={() => setEditing(peer.id)}
              onCancel={() => setEditing(null)}
              onSaved={(saved) => {
                setEditing(null);
                onChanged(saved);
              }}
              onRun={() => onRun(peer)}
              onRevoke={() => onRevoke(peer)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
