// One entry of the feed or of search results: badge, kind, status, title link, originator, source, date, comments, excerpt.
import type { ReactNode } from "react";
import type { ItemSummary } from "../data/types.js";
import { kindName } from "../lib/format.js";
import { Link } from "../router/router.js";
import { DateTime } from "./date-time.js";
import { ItemSource } from "./item-source.js";
import { OriginatorName } from "./originator-name.js";
import { StatusChip } from "./status-chip.js";
import { TlpBadge } from "./tlp-badge.js";

/** A feed entry (data-testid="feed-item"); `children` replaces the excerpt (e.g. a search snippet). */
export function ItemCard({ item, children }: { item: ItemSummary; children?: ReactNode }) {
  return (
    <li className="item-card" data-testid="feed-item">
      <article aria-labelledby={`item-${item.id}`}>
        <div className="item-card-meta">
          <TlpBadge label={item.tlp} />
          <span className="kind-tag">{kindName(item.kind)}</span>
          {item.status && <StatusChip status={item.status} />}
        </div>
        <h2 className="item-card-title" id={`item-${item.id}`}>
          <Link to={`/items/${item.id}`}>{item.title}</Link>
        </h2>
        <p className="byline">
          <span>
            <OriginatorName item={item} />
          </span>
          {(item.federated || item.source) && (
            <>
              <span aria-hidden="true"> · </span>
              <ItemSource item={item} />
            </>
          )}
          <span aria-hidden="true"> · </span>
          <DateTime iso={item.createdAt} />
          <span aria-hidden="true"> · </span>
          <span>
            {item.comments} {item.comments === 1 ? "comment" : "comments"}
          </span>
        </p>
        {children ?? (item.excerpt ? <p className="excerpt">{item.excerpt}</p> : null)}
      </article>
    </li>
  );
}
