// Labelled choices of one active person or organisation of the exchange, or none (owners, presenters, hosts).
import { useId } from "react";
import type { Organisation, Person } from "../data/types.js";

interface DirectoryFieldProps {
  label: string;
  /** The text of choosing nobody (the value ""). */
  none: string;
  value: string;
  onChange: (id: string) => void;
}

function DirectorySelect({
  label,
  none,
  value,
  onChange,
  options,
  grow,
}: DirectoryFieldProps & { options: readonly { id: string; name: string }[]; grow: boolean }) {
  const id = useId();
  return (
    <div className={grow ? "field field-grow" : "field"}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Chooses one active person, shown with their organisation. */
export function PersonField({ persons, ...field }: DirectoryFieldProps & { persons: readonly Person[] }) {
  const options = persons
    .filter((p) => p.status === "active")
    .map((p) => ({ id: p.id, name: `${p.name} (${p.organisationName})` }));
  return <DirectorySelect {...field} options={options} grow />;
}

/** Chooses one active organisation; `grow` widens the field in a row. */
export function OrganisationField({
  organisations,
  grow = false,
  ...field
}: DirectoryFieldProps & { organisations: readonly Organisation[]; grow?: boolean }) {
  return <DirectorySelect {...field} options={organisations.filter((o) => o.status === "active")} grow={grow} />;
}
