// An item's history: its versions (each viewable) and its label changes.
import { useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { DateTime } from "../../components/date-time.js";
import { Loading } from "../../components/loading.js";
import { Markdown } from "../../components/markdown.js";
import { TlpBadge } from "../../components/tlp-badge.js";
import { itemsApi } from "../../data/endpoints.js";
import type { ItemVersion } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";

function VersionView({ version }: { version: ItemVersion }) {
  return (
    <div className="panel version-view">
      <p className="eyebrow">Version {version.version}</p>
      <h4 className="version-title">{version.title}</h4>
      {version.body.trim() ? <Markdown source={version.body} /> : <p className="muted">No text.</p>}
    </div>
  );
}

function Versions({ id, revision }: { id: string; revision: string }) {
  const versions = useApi((signal) => itemsApi.versions(id, { signal }), [id, revision]);
  const [open, setOpen] = useState<number | null>(null);
  const base = useId();
  if (versions.loading) return <Loading label="Loading the versions…" />;
  if (versions.error) return <ErrorAlert error={versions.error} />;
  const list = versions.data?.versions ?? [];
  if (list.length === 0) return <p className="muted">No earlier versions.</p>;
  return (
    <ol className="versions" data-testid="versions">
      {list.map((v, index) => (
        <li key={v.version} className="version">
          <div className="version-head">
            <span className="version-number">Version {v.version}</span>
            {index === 0 && <span className="tag">current</span>}
            <TlpBadge label={v.tlp} />
            <span className="muted">
              {v.editedBy.name}, <DateTime iso={v.editedAt} />
            </span>
            <button
              type="button"
              className="button button-link button-small"
              aria-expanded={open === v.version}
              aria-controls={`${base}-v${v.version}`}
              onClick={() => setOpen(open === v.version ? null : v.version)}
            >
              {open === v.version ? "Hide" : "View"}
              <span className="visually-hidden"> version {v.version}</span>
            </button>
          </div>
          <div id={`${base}-v${v.version}`} hidden={open !== v.version}>
            {open === v.version && <VersionView version={v} />}
          </div>
        </li>
      ))}
    </ol>
  );
}

function LabelChanges({ id, revision }: { id: string; revision: string }) {
  const history = useApi((signal) => itemsApi.history(id, { signal }), [id, revision]);
  if (history.loading) return <Loading label="Loading the label history…" />;
  if (history.error) return <ErrorAlert error={history.error} />;
  const changes = history.data?.changes ?? [];
  if (changes.length === 0) return <p className="muted">The label has not been changed since posting.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Label changes, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">By</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={`${change.changedAt}-${change.from}-${change.to}`}>
              <td>
                <DateTime iso={change.changedAt} />
              </td>
              <td>
                <TlpBadge label={change.from} />
              </td>
              <td>
                <TlpBadge label={change.to} />
              </td>
              <td>{change.changedBy.name}</td>
              <td>{change.reason || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The "History" section; `revision` changes whenever the item does, to reload. */
export function HistorySection({ id, revision }: { id: string; revision: string }) {
  return (
    <section aria-labelledby="history-heading" className="section">
      <h2 id="history-heading">History</h2>
      <h3>Versions</h3>
      <Versions id={id} revision={revision} />
      <h3 className="subsection">Label changes</h3>
      <LabelChanges id={id} revision={revision} />
    </section>
  );
}
