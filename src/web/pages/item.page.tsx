// /items/:id: one item — label, metadata, sanitised body, audience, label history, relabelling.
import { useState } from "react";
import { TLP_MEANING } from "../../shared/tlp.js";
import { ErrorAlert, Notice } from "../components/alert.js";
import { ChangeLabelForm } from "../components/change-label-form.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { Markdown } from "../components/markdown.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { ApiError } from "../data/client.js";
import { itemsApi } from "../data/endpoints.js";
import type { Item } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { kindName, sectorName } from "../lib/format.js";
import { Link } from "../router/router.js";

function AudienceView({ item }: { item: Item }) {
  const { exchange, organisations, groups, persons } = item.audience;
  if (exchange) return <p>The whole exchange.</p>;
  const lists = [
    { title: "Organisations", refs: organisations },
    { title: "Working groups", refs: groups },
    { title: "Persons", refs: persons },
  ].filter((l) => l.refs.length > 0);
  if (lists.length === 0) return <p className="muted">No recipients listed.</p>;
  return (
    <dl className="audience-view">
      {lists.map((list) => (
        <div key={list.title}>
          <dt>{list.title}</dt>
          <dd>{list.refs.map((r) => r.name).join(", ")}</dd>
        </div>
      ))}
    </dl>
  );
}

function LabelHistory({ id, revision }: { id: string; revision: string }) {
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

/** The item page. */
export function ItemPage({ id }: { id: string }) {
  const item = useApi((signal) => itemsApi.get(id, { signal }), [id]);
  const [editing, setEditing] = useState(false);
  const [changed, setChanged] = useState(false);
  useTitle(item.data?.title ?? "Item");

  if (item.loading && !item.data) {
    return (
      <>
        <h1 className="visually-hidden">Item</h1>
        <Loading label="Loading the item…" />
      </>
    );
  }
  if (item.error || !item.data) {
    const missing = item.error instanceof ApiError && item.error.code === "not_found";
    return (
      <>
        <h1>{missing ? "Item not found" : "Could not load the item"}</h1>
        {missing ? <p>This item does not exist, or it was not shared with you.</p> : <ErrorAlert error={item.error} />}
        <p>
          <Link to="/">Back to the feed</Link>
        </p>
      </>
    );
  }

  const data = item.data;
  return (
    <article className="item">
      <header className="item-head">
        <div className="item-card-meta">
          <TlpBadge label={data.tlp} />
          <span className="kind-tag">{kindName(data.kind)}</span>
        </div>
        <h1 data-testid="item-title">{data.title}</h1>
        <p className="tlp-meaning">{TLP_MEANING[data.tlp]}</p>
      </header>

      <dl className="meta">
        <div>
          <dt>Organisation</dt>
          <dd>{data.organisation.name}</dd>
        </div>
        <div>
          <dt>Author</dt>
          <dd>{data.author.name}</dd>
        </div>
        <div>
          <dt>Posted</dt>
          <dd>
            <DateTime iso={data.createdAt} />
          </dd>
        </div>
        {data.updatedAt !== data.createdAt && (
          <div>
            <dt>Updated</dt>
            <dd>
              <DateTime iso={data.updatedAt} />
            </dd>
          </div>
        )}
        <div>
          <dt>Sectors</dt>
          <dd>{data.sectors.length > 0 ? data.sectors.map(sectorName).join(", ") : "—"}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{data.version}</dd>
        </div>
      </dl>

      <section className="item-body" aria-label="Content">
        {data.body.trim() ? <Markdown source={data.body} /> : <p className="muted">No text.</p>}
      </section>

      <section aria-labelledby="audience-heading" className="section">
        <h2 id="audience-heading">Audience</h2>
        <AudienceView item={data} />
      </section>

      <section aria-labelledby="history-heading" className="section">
        <h2 id="history-heading">Label history</h2>
        <LabelHistory id={data.id} revision={`${data.version}/${data.tlp}/${data.updatedAt}`} />
      </section>

      {data.canChangeLabel && (
        <section aria-label="Relabel" className="section">
          {changed && (
            <Notice kind="success">
              <p>The label was changed.</p>
            </Notice>
          )}
          {editing ? (
            <ChangeLabelForm
              item={data}
              onCancel={() => setEditing(false)}
              onChanged={(updated) => {
                item.setData(updated);
                setEditing(false);
                setChanged(true);
              }}
            />
          ) : (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setEditing(true);
                setChanged(false);
              }}
            >
              Change label
            </button>
          )}
        </section>
      )}
    </article>
  );
}
