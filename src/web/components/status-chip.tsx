// A small chip with an item's status: an incident's ongoing/contained/resolved or an RFI's open/closed.
import type { ItemStatus } from "../data/types.js";
import { itemStatusName } from "../lib/format.js";

/** Shows the status as text (never colour alone). */
export function StatusChip({ status }: { status: ItemStatus }) {
  return (
    <span className={`status status-item-${status}`} data-testid="item-status">
      {itemStatusName(status)}
    </span>
  );
}
