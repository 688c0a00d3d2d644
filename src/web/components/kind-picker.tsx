// Chooses the kind of a new item: one radio per kind with its name and purpose (shared KINDS catalogue); kinds that
// have a page of their own (a preparedness measure) are links to that page instead.
import { useId } from "react";
import { ITEM_KINDS, type ItemKind, KINDS } from "../../shared/kinds.js";
import { Link } from "../router/router.js";

/** Kinds proposed through their own page rather than the generic post form. */
export const DEDICATED_PAGES: Partial<Record<ItemKind, { to: string; action: string }>> = {
  measure: { to: "/measures/new", action: "Propose a measure" },
};

/** A radio group of every kind; each radio is named by the kind and described by its purpose. */
export function KindPicker({ value, onChange }: { value: ItemKind; onChange: (kind: ItemKind) => void }) {
  const id = useId();
  return (
    <fieldset className="kind-picker">
      <legend>Kind</legend>
      <p className="hint">What are you sharing? The form below asks for the fields of that kind.</p>
      <ul className="kind-options">
        {ITEM_KINDS.map((kind) => {
          const dedicated = DEDICATED_PAGES[kind];
          if (dedicated && kind !== value) {
            return (
              <li key={kind}>
                <Link to={dedicated.to} className="kind-option kind-option-link">
                  <span className="kind-option-mark" aria-hidden="true">
                    →
                  </span>
                  <span className="kind-option-text">
                    <span className="kind-option-name">{KINDS[kind].name}</span>
                    <span className="kind-option-purpose">
                      {KINDS[kind].purpose} {dedicated.action} on its own page.
                    </span>
                  </span>
                </Link>
              </li>
            );
          }
          return (
            <li key={kind}>
              <label className={`kind-option${kind === value ? " kind-option-selected" : ""}`}>
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={kind}
                  checked={kind === value}
                  aria-labelledby={`${id}-${kind}-name`}
                  aria-describedby={`${id}-${kind}-purpose`}
                  onChange={() => onChange(kind)}
                />
                <span className="kind-option-text">
                  <span id={`${id}-${kind}-name`} className="kind-option-name">
                    {KINDS[kind].name}
                  </span>
                  <span id={`${id}-${kind}-purpose`} className="kind-option-purpose">
                    {KINDS[kind].purpose}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
