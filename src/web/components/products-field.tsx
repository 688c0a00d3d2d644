// Rows of affected products and their versions, with add and remove buttons that keep keyboard focus sensible.
import { useId, useRef } from "react";
import type { ProductRow } from "../lib/details-draft.js";
import { focusById } from "../lib/focus.js";
import { describedBy, FieldError } from "./field-error.js";

/** Edits a list of { product, versions } rows. */
export function ProductsField({
  label,
  rows,
  onChange,
  hint,
  error,
}: {
  label: string;
  rows: ProductRow[];
  onChange: (rows: ProductRow[]) => void;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const id = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const update = (index: number, change: Partial<ProductRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const add = () => {
    onChange([...rows, { product: "", versions: "" }]);
    focusById(`${id}-product-${rows.length}`);
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    addRef.current?.focus();
  };

  return (
    <fieldset className="rows-field" aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}>
      <legend>{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {rows.length === 0 && <p className="muted">None listed.</p>}
      {rows.length > 0 && (
        <ul className="rows">
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; inputs are controlled.
            <li key={index} className="row">
              <div className="field field-compact">
                <label htmlFor={`${id}-product-${index}`}>Product {index + 1}</label>
                <input
                  id={`${id}-product-${index}`}
                  maxLength={200}
                  value={row.product}
                  onChange={(e) => update(index, { product: e.target.value })}
                />
              </div>
              <div className="field field-compact">
                <label htmlFor={`${id}-versions-${index}`}>Versions of product {index + 1}</label>
                <input
                  id={`${id}-versions-${index}`}
                  maxLength={200}
                  placeholder="e.g. 4.0 to 4.2.1"
                  value={row.versions}
                  onChange={(e) => update(index, { versions: e.target.value })}
                />
              </div>
              <button type="button" className="button button-secondary button-small" onClick={() => remove(index)}>
                Remove<span className="visually-hidden"> product {index + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button ref={addRef} type="button" className="button button-secondary button-small" onClick={add}>
        Add a product
      </button>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
