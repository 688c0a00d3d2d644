// Where an item came from when it was not posted here: a peer exchange (federated, read-only) or an imported file's creator.
import type { ItemSummary } from "../data/types.js";

/** "From <peer>" for a federated item, "Imported from <creator>" for an imported one; null for items posted here. */
export function itemSourceText(item: Pick<ItemSummary, "source" | "federated">): string | null {
  if (item.federated) return `From ${item.source ?? "a peer exchange"}`;
  return item.source ? `Imported from ${item.source}` : null;
}

/** The source of an item as a tag (data-testid="item-source"), or nothing for items posted here. */
export function ItemSource({ item }: { item: Pick<ItemSummary, "source" | "federated"> }) {
  const text = itemSourceText(item);
  if (!text) return null;
  return (
    <span className={item.federated ? "source-tag source-federated" : "source-tag"} data-testid="item-source">
      {text}
    </span>
  );
}
