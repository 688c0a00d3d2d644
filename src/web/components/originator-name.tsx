// The originating organisation of an item as the API names it, marking anonymous posts (never revealing them).
import type { ItemSummary } from "../data/types.js";

/**
 * For others' anonymous items the API already sends a placeholder name; one's own anonymous items keep the
 * real name here, flagged so the organisation knows others do not see it.
 */
export function OriginatorName({ item }: { item: Pick<ItemSummary, "anonymous" | "own" | "organisation"> }) {
  if (!item.anonymous) return <>{item.organisation.name}</>;
  if (item.own) {
    return (
      <>
        {item.organisation.name} <span className="anonymous-tag">Anonymous to others</span>
      </>
    );
  }
  return <span className="anonymous-tag">{item.organisation.name || "Anonymous"}</span>;
}
