// What others found useful: the organisation's own items that other organisations marked useful or seen.
import { TlpBadge } from "../../components/tlp-badge.js";
import type { ItemKind, MyParticipation } from "../../data/types.js";
import { formatDate, kindName } from "../../lib/format.js";
import { Link } from "../../router/router.js";

/** The list, most useful first as the server orders it. */
export function UsefulList({ useful }: { useful: MyParticipation["useful"] }) {
  if (useful.length === 0)
    return <p className="muted">No other organisation has marked one of your organisation's items useful or seen yet.</p>;
  return (
    <ul className="useful-list" aria-label="What others found useful">
      {useful.map((u) => (
        <li key={u.item.id} className="useful-entry">
          <div>
            <Link to={`/items/${u.item.id}`}>{u.item.title}</Link>
            <span className="entry-meta">
              {" "}
              <TlpBadge label={u.item.tlp} /> {kindName(u.item.kind as ItemKind)} · {formatDate(u.item.createdAt)}
            </span>
          </div>
          <span className="useful-counts">
            {u.useful} useful · {u.seen} seen
          </span>
        </li>
      ))}
    </ul>
  );
}
