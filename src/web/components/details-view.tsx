// An item's kind-specific details, shown with readable labels and values (never raw keys or enum values).
import type { ReactNode } from "react";
import type { ItemKind } from "../../shared/kinds.js";
import { formatDay } from "../lib/format.js";
import { type FieldSpec, fieldsOf, type LeafSpec, levelText, riskScore } from "../lib/kind-fields.js";
import { DateTime } from "./date-time.js";

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

function humanise(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[-_]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function LeafValue({ spec, value }: { spec: LeafSpec; value: unknown }): ReactNode {
  switch (spec.type) {
    case "boolean":
      return value === true ? "Yes" : "No";
    case "datetime":
      return typeof value === "string" ? <DateTime iso={value} /> : String(value);
    case "date":
      return typeof value === "string" ? <time dateTime={value}>{formatDay(value)}</time> : String(value);
    case "choice":
      return spec.options.find((o) => o.value === value)?.label ?? String(value);
    case "multichoice":
      return (Array.isArray(value) ? value : [value])
        .map((entry) => spec.options.find((o) => o.value === entry)?.label ?? String(entry))
        .join(", ");
    case "level": {
      const definition = spec.levels.find((l) => l.level === value)?.definition;
      return (
        <>
          <span className="level-value">{levelText(spec.levels, Number(value))}</span>
          {definition && <span className="level-definition">{definition}</span>}
        </>
      );
    }
    case "integer":
      return typeof value === "number" ? value.toLocaleString() : String(value);
    case "list":
      return (
        <ul className="plain-list">
          {(value as unknown[]).map((entry) => (
            <li key={String(entry)}>{String(entry)}</li>
          ))}
        </ul>
      );
    case "products":
      return (
        <table className="compact-table">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Versions</th>
            </tr>
          </thead>
          <tbody>
            {(value as { product?: unknown; versions?: unknown }[]).map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity and never reorder here.
              <tr key={index}>
                <td>{String(row.product ?? "")}</td>
                <td>{String(row.versions ?? "") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    default:
      return <span className="pre-wrap">{String(value)}</span>;
  }
}

function Entries({ entries, values }: { entries: [string, FieldSpec][]; values: Record<string, unknown> }) {
  return (
    <>
      {entries.map(([key, spec]) => {
        const value = values[key];
        if (isEmpty(value)) return null;
        if (spec.type === "group") {
          return (
            <div key={key} className="details-group-view">
              <dt>{spec.label}</dt>
              <dd>
                <dl className="details-list">
                  <Entries entries={Object.entries(spec.fields)} values={(value ?? {}) as Record<string, unknown>} />
                </dl>
              </dd>
            </div>
          );
        }
        return (
          <div key={key} data-field={key}>
            <dt>{spec.label}</dt>
            <dd>
              <LeafValue spec={spec} value={value} />
            </dd>
          </div>
        );
      })}
    </>
  );
}

/** The details of an item of `kind`; fields this UI does not know are listed under their own names. */
export function DetailsView({ kind, details }: { kind: ItemKind; details: Record<string, unknown> }) {
  const entries = fieldsOf(kind);
  const known = new Set(entries.map(([key]) => key));
  const unknown = Object.entries(details).filter(([key, value]) => !known.has(key) && !isEmpty(value));
  const shown = entries.filter(([key]) => !isEmpty(details[key]));
  const score = kind === "risk" ? riskScore(details) : null;
  if (shown.length === 0 && unknown.length === 0) return <p className="muted">No details were given.</p>;
  return (
    <dl className="details-list">
      <Entries entries={entries} values={details} />
      {score !== null && (
        <div>
          <dt>Risk score (likelihood × impact)</dt>
          <dd>
            <strong>{score}</strong> of 25
          </dd>
        </div>
      )}
      {unknown.map(([key, value]) => (
        <div key={key}>
          <dt>{humanise(key)}</dt>
          <dd className="pre-wrap">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
