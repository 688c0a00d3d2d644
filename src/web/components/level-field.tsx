// A 1–5 scale as radio buttons, each level with its name and (when it has one) its written definition.
import { useId } from "react";
import type { Level } from "../lib/kind-fields.js";
import { describedBy, FieldError } from "./field-error.js";

/** A required-or-optional choice of one level; `value` is "" when nothing is chosen. */
export function LevelField({
  label,
  levels,
  value,
  onChange,
  required = false,
  hint,
  error,
}: {
  label: string;
  levels: readonly Level[];
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset
      className="level-field"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
    >
      <legend>
        {label}
        {required && <span className="required"> (required)</span>}
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <ul className="levels">
        {levels.map((level) => (
          <li key={level.level} className="level-option">
            <input
              id={`${id}-${level.level}`}
              type="radio"
              name={id}
              value={level.level}
              checked={value === String(level.level)}
              aria-describedby={level.definition ? `${id}-${level.level}-definition` : undefined}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(String(level.level))}
            />
            <label htmlFor={`${id}-${level.level}`} className="level-name">
              {level.level} — {level.name}
            </label>
            {level.definition && (
              <span id={`${id}-${level.level}-definition`} className="level-definition">
                {level.definition}
              </span>
            )}
          </li>
        ))}
      </ul>
      {!required && value !== "" && (
        <button type="button" className="button button-link button-small" onClick={() => onChange("")}>
          Clear {label.toLowerCase()}
        </button>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
