// /items/:id: one item — label, originator and source, details of its kind, body, RFI and acknowledgement state,
// reactions, attachments, related items, discussion, audience, releases to peer exchanges, history, relabelling and
// the STIX export.
import { useState } from "react";
import { TLP_MEANING } from "../../shared/tlp.js";
import { ErrorAlert, Notice } from "../components/alert.js";
import { ChangeLabelForm } from "../components/change-label-form.js";
import { DateTime } from "../components/date-time.js";
import { DetailsView } from "../components/details-view.js";
import { itemSourceText } from "../components/item-source.js";
import { Loading } from "../components/loading.js";
import { Markdown } from "../components/markdown.js";
import { OriginatorName } from "../components/originator-name.js";
import { StatusChip } from "../components/status-chip.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { ApiError } from "../data/client.js";
import { itemsApi, stixApi } from "../data/endpoints.js";
import type { Item } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { kindName, sectorName } from "../lib/format.js";
import { Link } from "../router/router.js";
import { AcknowledgementPanel } from "./item/acknowledgement-panel.js";
import { AttachmentsSection } from "./item/attachments-section.js";
import { AudienceView } from "./item/audience-view.js";
import { HistorySection } from "./item/history-section.js";
import { LinksSection } from "./item/links-section.js";
import { ReactionsBar } from "./item/reactions-bar.js";
import { ReleasesSection } from "./item/releases-section.js";
import { RfiPanel } from "./item/rfi-panel.js";
import { ThreadSection } from "./item/thread-section.js";

function Originator({ item }: { item: Item }) {
  return (
    <>
      <div>
        <dt>Organisation</dt>
        <dd data-testid="item-organisation">
          <OriginatorName item={item} />
        </dd>
      </div>
      <div>
        <dt>Author</dt>
        <dd data-testid="item-author">{item.author.name}</dd>
      </div>
    </>
  );
}

function Meta({ item }: { item: Item }) {
  const source = itemSourceText(item);
  return (
    <dl className="meta">
      <Originator item={item} />
      {source && (
        <div>
          <dt>Source</dt>
          <dd data-testid="item-source">{source}</dd>
        </div>
      )}
      <div>
        <dt>Posted</dt>
        <dd>
          <DateTime iso={item.createdAt} />
        </dd>
      </div>
      {item.updatedAt !== item.createdAt && (
        <div>
          <dt>Updated</dt>
          <dd>
            <DateTime iso={item.updatedAt} />
          </dd>
        </div>
      )}
      <div>
        <dt>Sectors</dt>
        <dd>{item.sectors.length > 0 ? item.sectors.map(sectorName).join(", ") : "—"}</dd>
      </div>
      <div>
        <dt>Version</dt>
        <dd>{item.version}</dd>
      </div>
      {item.own && (
        <div>
          <dt>Statistics</dt>
          <dd>{item.statisticsConsent ? "May be counted (anonymised)" : "Not counted"}</dd>
        </div>
      )}
    </dl>
  );
}

function Relabel({ item, onChanged }: { item: Item; onChanged: (item: Item) => void }) {
  const [editing, setEditing] = useState(false);
  const [changed, setChanged] = useState(false);
  return (
    <section aria-label="Relabel" className="section">
      {changed && (
        <Notice kind="success">
          <p>The label was changed.</p>
        </Notice>
      )}
      {editing ? (
        <ChangeLabelForm
          item={item}
          onCancel={() => setEditing(false)}
          onChanged={(updated) => {
            onChanged(updated);
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
  );
}

/** The item page. */
export function ItemPage({ id }: { id: string }) {
  const item = useApi((signal) => itemsApi.get(id, { signal }), [id]);
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
  const revision = `${data.version}/${data.tlp}/${data.updatedAt}`;
  const needsAcknowledgement = data.kind === "warning" && data.details.requiresAcknowledgement === true;
  // A federated item belongs to the exchange it came from: nobody here edits or relabels it.
  const editable = data.own && !data.federated;
  return (
    <article className="item">
      <header className="item-head">
        <div className="item-card-meta">
          <TlpBadge label={data.tlp} />
          <span className="kind-tag">{kindName(data.kind)}</span>
          {data.status && <StatusChip status={data.status} />}
        </div>
        <div className="item-title-row">
          <h1 data-testid="item-title">{data.title}</h1>
          <div className="actions item-head-actions">
            {data.kind === "warning" && (
              <Link to={`/calls/new?item=${data.id}`} className="button button-secondary">
                Convene an urgent call about this
              </Link>
            )}
            {data.kind === "incident" && (
              <Link to={`/cascade?incident=${data.id}`} className="button button-secondary">
                Simulate its cascade
              </Link>
            )}
            {data.kind === "measure" && (
              <Link to={`/measures/${data.id}`} className="button button-secondary">
                Implementation and reports
              </Link>
            )}
            {editable && (
              <Link to={`/items/${data.id}/edit`} className="button button-secondary">
                Edit
              </Link>
            )}
            <a href={stixApi.itemExportUrl(data.id)} download className="button button-secondary">
              Export as STIX
            </a>
          </div>
        </div>
        <p className="tlp-meaning">{TLP_MEANING[data.tlp]}</p>
      </header>

      {data.federated && (
        <Notice>
          <p>This item came from the peer exchange {data.source ?? "it names"}. It is read-only here: changes come from there.</p>
        </Notice>
      )}

      {data.anonymous && data.own && (
        <Notice>
          <p>Posted anonymously: other organisations, including the secretariat, see a pseudonym instead of your organisation.</p>
        </Notice>
      )}

      <Meta item={data} />

      {needsAcknowledgement && <AcknowledgementPanel item={data} />}
      {data.kind === "rfi" && <RfiPanel item={data} onChanged={(updated) => item.setData(updated)} />}

      {data.kind !== "announcement" && data.kind !== "rfi" && (
        <section aria-labelledby="details-heading" className="section details-panel" data-testid="details-panel">
          <h2 id="details-heading">Details</h2>
          <DetailsView kind={data.kind} details={data.details} />
        </section>
      )}

      <section className="section item-body" aria-label="Content">
        {data.body.trim() ? <Markdown source={data.body} /> : <p className="muted">No text.</p>}
      </section>

      <AttachmentsSection item={data} />
      <ReactionsBar item={data} />
      <ThreadSection item={data} />
      <LinksSection item={data} />

      <section aria-labelledby="audience-heading" className="section">
        <h2 id="audience-heading">Audience</h2>
        <AudienceView item={data} />
      </section>

      {editable && data.tlp === "TLP:AMBER" && <ReleasesSection item={data} />}

      <HistorySection id={data.id} revision={revision} />

      {data.canChangeLabel && !data.federated && <Relabel item={data} onChanged={(updated) => item.setData(updated)} />}
    </article>
  );
}
