// What the managers' tools on one agenda item (minutes, decision, arrangement) have in common.
import type { AgendaItem } from "../../data/types.js";

/** A tool's item, where it hands the updated item when saved, and how it is closed unsaved. */
export interface AgendaToolProps {
  item: AgendaItem;
  onSaved: (item: AgendaItem) => void;
  onCancel: () => void;
}
