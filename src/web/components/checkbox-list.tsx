// A labelled multi-select as a filterable list of checkboxes (keyboard and screen-reader friendly).
import { useId, useState } from "react";

/** One choice of a checkbox list. */
export interface Choice {
  value: string;
  label: string;
}

interface CheckboxListProps {
  legend: string;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  hint?: string;
  disabled?: boolean;
  /** Show a filter box (default: when there are more than 8 choices). */
  filterable?: boolean;
  emptyText?: string;
  /** Lay the checkboxes out in columns instead of a scrolling list. */
  inline?: boolean;
}

/** A fieldset of checkboxes; `selected` keeps the order of `choices`. */
export function CheckboxList({
  legend,
  choices,
  selected,
  onChange,
  hint,
  disabled = false,
  filterable,
  emptyText = "Nothing to choose from.",
  inline = false,
}: CheckboxListProps) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const showFilter = filterable ?? choices.length > 8;
  const needle = filter.trim().toLowerCase();
  const visible = needle ? choices.filter((c) => c.label.toLowerCase().includes(needle)) : choices;
  const chosen = new Set(selected);

  const toggle = (value: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(value);
    else next.delete(value);
    onChange(choices.map((c) => c.value).filter((v) => next.has(v)));
  };

  return (
    <fieldset className="checkbox-list" disabled={disabled} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>
        {legend}
        {!inline && selected.length > 0 && <span className="count"> ({selected.length} selected)</span>}
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {showFilter && (
        <div className="field field-compact">
          <label htmlFor={`${id}-filter`} className="visually-hidden">
            Filter {legend.toLowerCase()}
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            placeholder={`Filter ${legend.toLowerCase()}…`}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      )}
      {choices.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className={inline ? "checkboxes checkboxes-inline" : "checkboxes checkboxes-scroll"}>
          {visible.map((choice) => (
            <li key={choice.value}>
              <label className="check">
                <input
                  type="checkbox"
                  value={choice.value}
                  checked={chosen.has(choice.value)}
                  onChange={(e) => toggle(choice.value, e.target.checked)}
                />
                <span>{choice.label}</span>
              </label>
            </li>
          ))}
          {visible.length === 0 && <li className="muted">No match.</li>}
        </ul>
      )}
    </fieldset>
  );
}
