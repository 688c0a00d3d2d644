// The form fields of one kind's details (KIND_FIELDS), with hints and per-field errors.
import { type ReactNode, useId } from "react";
import type { ItemKind } from "../../shared/kinds.js";
import { type Draft, type DraftValue, type FieldErrors, isRequired, type ProductRow } from "../lib/details-draft.js";
import { fieldsOf, type LeafSpec, riskScore } from "../lib/kind-fields.js";
import { CheckboxList } from "./checkbox-list.js";
import { describedBy, FieldError } from "./field-error.js";
import { LevelField } from "./level-field.js";
import { ProductsField } from "./products-field.js";

interface LeafProps {
  spec: LeafSpec;
  value: DraftValue | undefined;
  required: boolean;
  error: string | undefined;
  onChange: (value: DraftValue) => void;
}

function RequiredMark({ required }: { required: boolean }) {
  return required ? <span className="required"> (required)</span> : null;
}

function LeafField({ spec, value, required, error, onChange }: LeafProps) {
  const id = useId();
  const hint = spec.type === "list" ? (spec.hint ?? `One ${spec.itemName} per line.`) : spec.hint;
  const described = describedBy(hint && `${id}-hint`, error && `${id}-error`);
  const hintText = hint ? (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  ) : null;
  const errorText = <FieldError id={`${id}-error`} message={error} />;

  if (spec.type === "level") {
    return (
      <LevelField
        label={spec.label}
        levels={spec.levels}
        value={String(value ?? "")}
        onChange={onChange}
        required={required}
        hint={spec.hint}
        error={error}
      />
    );
  }
  if (spec.type === "products") {
    return (
      <ProductsField
        label={spec.label}
        rows={(value as ProductRow[] | undefined) ?? []}
        onChange={onChange}
        hint={spec.hint}
        error={error}
      />
    );
  }
  if (spec.type === "multichoice") {
    const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
    return (
      <div className="field">
        <CheckboxList
          legend={required ? `${spec.label} (required)` : spec.label}
          choices={spec.options}
          selected={chosen}
          onChange={onChange}
          {...(spec.hint ? { hint: spec.hint } : {})}
          filterable={false}
          inline
        />
        {errorText}
      </div>
    );
  }
  if (spec.type === "boolean") {
    return (
      <div className="field field-check">
        <label className="check">
          <input
            type="checkbox"
            checked={value === true}
            aria-describedby={described}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked)}
          />
          <span>{spec.label}</span>
        </label>
        {hintText}
        {errorText}
      </div>
    );
  }

  const text = typeof value === "string" ? value : "";
  const common = {
    id,
    value: text,
    "aria-describedby": described,
    "aria-invalid": error ? true : undefined,
    "aria-required": required || undefined,
  };
  let control: ReactNode;
  switch (spec.type) {
    case "textarea":
      control = (
        <textarea {...common} rows={spec.rows ?? 4} maxLength={spec.maxLength} onChange={(e) => onChange(e.target.value)} />
      );
      break;
    case "list":
      control = <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />;
      break;
    case "datetime":
      control = <input {...common} type="datetime-local" onChange={(e) => onChange(e.target.value)} />;
      break;
    case "date":
      control = <input {...common} type="date" onChange={(e) => onChange(e.target.value)} />;
      break;
    case "integer":
      control = (
        <input
          {...common}
          type="number"
          inputMode="numeric"
          step={1}
          min={spec.min}
          max={spec.max}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case "choice":
      control = (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {(!required || text === "") && <option value="">{required ? "Choose…" : "Not stated"}</option>}
          {spec.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    default:
      control = <input {...common} maxLength={spec.maxLength} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {spec.label}
        <RequiredMark required={required} />
      </label>
      {control}
      {hintText}
      {errorText}
    </div>
  );
}

/** A live "likelihood × impact" score for the risk form. */
function RiskScore({ draft }: { draft: Draft }) {
  const score = riskScore({ likelihood: Number(draft.likelihood) || undefined, impact: Number(draft.impact) || undefined });
  return (
    <p className="risk-score" aria-live="polite">
      Risk score (likelihood × impact):{" "}
      <strong>{score === null ? "choose both to see it" : `${draft.likelihood} × ${draft.impact} = ${score} of 25`}</strong>
    </p>
  );
}

/** Every field of `kind`'s details; `onChange` receives the field path and its new form value. */
export function DetailsFields({
  kind,
  draft,
  errors,
  onChange,
}: {
  kind: ItemKind;
  draft: Draft;
  errors: FieldErrors;
  onChange: (path: string, value: DraftValue) => void;
}) {
  const fields = fieldsOf(kind);
  if (fields.length === 0) return <p className="muted">This kind has no fields of its own.</p>;
  return (
    <div className="details-fields">
      {fields.map(([key, spec]) =>
        spec.type === "group" ? (
          <fieldset key={key} className="details-group">
            <legend>{spec.label}</legend>
            {spec.hint && <p className="hint">{spec.hint}</p>}
            {errors[key] && <p className="field-error">{errors[key]}</p>}
            {Object.entries(spec.fields).map(([sub, leaf]) => (
              <LeafField
                key={sub}
                spec={leaf}
                value={draft[`${key}.${sub}`]}
                required={isRequired(kind, `${key}.${sub}`)}
                error={errors[`${key}.${sub}`]}
                onChange={(value) => onChange(`${key}.${sub}`, value)}
              />
            ))}
          </fieldset>
        ) : (
          <LeafField
            key={key}
            spec={spec}
            value={draft[key]}
            required={isRequired(kind, key)}
            error={errors[key]}
            onChange={(value) => onChange(key, value)}
          />
        ),
      )}
      {kind === "risk" && <RiskScore draft={draft} />}
      {errors.details && <p className="field-error">{errors.details}</p>}
    </div>
  );
}
