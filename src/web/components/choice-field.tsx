// A labelled <select> of a fixed list of values (statuses, parts, formats), each shown by its display name.
import { useId } from "react";

/** Chooses one of `choices`; `nameOf` gives each one's text. */
export function ChoiceField<T extends string>({
  label,
  value,
  choices,
  nameOf,
  onChange,
}: {
  label: string;
  value: T;
  choices: readonly T[];
  nameOf: (choice: T) => string;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {nameOf(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}
