// Who an item is for: the whole exchange, or its organisations, working groups and persons by name.
import type { Item } from "../../data/types.js";

/** The item's audience as the API names it. */
export function AudienceView({ item }: { item: Item }) {
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
