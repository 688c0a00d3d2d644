// Links between items: this item's relations in both directions, adding one (found by search) and removing one.
import { type FormEvent, useId, useState } from "react";
import { LINK_RELATIONS } from "../../../shared/schemas/collaboration.schemas.js";
import { ErrorAlert } from "../../components/alert.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { Loading } from "../../components/loading.js";
import { TlpBadge } from "../../components/tlp-badge.js";
import { collaborationApi, itemsApi } from "../../data/endpoints.js";
import type { Item, ItemLink, ItemRef, LinkRelation, SearchHit } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { kindName } from "../../lib/format.js";
import { Link } from "../../router/router.js";

/** How a relation reads from its source ("this item mitigates …") and from its target ("… is mitigated by"). */
const RELATION_TEXT: Record<LinkRelation, { outgoing: string; incoming: string }> = {
  "related-to": { outgoing: "Related to", incoming: "Related to" },
  mitigates: { outgoing: "Mitigates", incoming: "Mitigated by" },
  about: { outgoing: "About", incoming: "Discussed in" },
  duplicates: { outgoing: "Duplicates", incoming: "Duplicated by" },
  supersedes: { outgoing: "Supersedes", incoming: "Superseded by" },
  "derived-from": { outgoing: "Derived from", incoming: "Source of" },
};

function ItemRefView({ item }: { item: ItemRef }) {
  return (
    <>
      <TlpBadge label={item.tlp} /> <span className="kind-tag">{kindName(item.kind)}</span>{" "}
      <Link to={`/items/${item.id}`}>{item.title}</Link>
    </>
  );
}

function AddLinkForm({ item, onAdded }: { item: Item; onAdded: (link: ItemLink) => void }) {
  const id = useId();
  const [relation, setRelation] = useState<LinkRelation>("related-to");
  const [text, setText] = useState("");
  const [results, setResults] = useState<SearchHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (!q) return;
    setSearching(true);
    setError(null);
    try {
      const found = await itemsApi.search({ q }, 10);
      setResults(found.results.filter((r) => r.id !== item.id));
    } catch (e) {
      setError(e);
    } finally {
      setSearching(false);
    }
  };
  const link = async (target: SearchHit) => {
    setBusy(target.id);
    setError(null);
    try {
      onAdded(await collaborationApi.link(item.id, target.id, relation));
      setResults(null);
      setText("");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="add-link">
      <form onSubmit={search} aria-label="Find an item to link">
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-relation`}>This item is</label>
            <select id={`${id}-relation`} value={relation} onChange={(e) => setRelation(e.target.value as LinkRelation)}>
              {LINK_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {RELATION_TEXT[r].outgoing.toLowerCase()}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-grow">
            <label htmlFor={`${id}-q`}>Find the other item</label>
            <div className="input-with-button">
              <input id={`${id}-q`} type="search" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
              <button type="submit" className="button button-secondary" disabled={searching}>
                Find
              </button>
            </div>
          </div>
        </div>
      </form>
      {searching && <Loading label="Searching…" />}
      {results && results.length === 0 && <p className="muted">No other item matches.</p>}
      {results && results.length > 0 && (
        <ul className="link-candidates" aria-label="Matching items">
          {results.map((r) => (
            <li key={r.id}>
              <span>
                <TlpBadge label={r.tlp} /> <span className="kind-tag">{kindName(r.kind)}</span> {r.title}
              </span>
              <button type="button" className="button button-small" disabled={busy !== null} onClick={() => void link(r)}>
                Link<span className="visually-hidden"> “{r.title}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}

/** The "Related items" section of an item. */
export function LinksSection({ item }: { item: Item }) {
  const links = useApi((signal) => collaborationApi.links(item.id, { signal }), [item.id]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const remove = async (link: ItemLink) => {
    setBusy(link.id);
    setError(null);
    try {
      await collaborationApi.unlink(link.id);
      links.setData((previous) => ({ links: (previous?.links ?? []).filter((l) => l.id !== link.id) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const list = links.data?.links ?? [];
  return (
    <section className="section" aria-labelledby="links-heading">
      <h2 id="links-heading">Related items</h2>
      {links.loading && !links.data && <Loading label="Loading related items…" />}
      <ErrorAlert error={links.error} />
      {links.data && list.length === 0 && <p className="muted">No related items.</p>}
      {list.length > 0 && (
        <ul className="links" data-testid="links">
          {list.map((link) => {
            const outgoing = link.from.id === item.id;
            const other = outgoing ? link.to : link.from;
            return (
              <li key={link.id}>
                <span className="relation">{RELATION_TEXT[link.relation][outgoing ? "outgoing" : "incoming"]}</span>
                <span className="link-target">
                  <ItemRefView item={other} />
                </span>
                <ConfirmButton
                  label="Remove"
                  question="Remove this link?"
                  confirmLabel="Yes, remove"
                  busy={busy === link.id}
                  onConfirm={() => void remove(link)}
                />
              </li>
            );
          })}
        </ul>
      )}
      <ErrorAlert error={error} />
      <details className="panel disclosure">
        <summary>Link another item</summary>
        <AddLinkForm item={item} onAdded={(l) => links.setData((previous) => ({ links: [...(previous?.links ?? []), l] }))} />
      </details>
    </section>
  );
}
