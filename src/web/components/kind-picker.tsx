// Chooses the kind of a new item: one radio per kind with its name and purpose (shared KINDS catalogue).
import { useId } from "react";
import { ITEM_KINDS, type ItemKind, KINDS } from "../../shared/kinds.js";

/** A radio group of every kind; each radio is named by the kind and described by its purpose. */
export function KindPicker({ value, onChange }: { value: ItemKind; onChange: (kind: ItemKind) => void }) {
  const id = useId();
  return (
    <fieldset className="kind-picker">
      <legend>Kind</legend>
      <p className="hint">What are you sharing? The form below asks for the fields of that kind.</p>
      <ul className="kind-options">
        {ITEM_KINDS.map((kind) => (
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
        ))}
      </ul>
    </fieldset>
  );
}
