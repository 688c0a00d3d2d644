// The feed and search filter controls (label, minimum label, kind, sector, status, organisation, dates), applied on change.
import { useId } from "react";
import { ITEM_KINDS, ITEM_STATUSES, KINDS } from "../../shared/kinds.js";
import { SECTORS } from "../../shared/schemas/common.js";
import { TLP_LABELS } from "../../shared/tlp.js";
import type { ItemFilters } from "../data/types.js";
import type { FilterKey } from "../lib/filters.js";
import { itemStatusName, sectorName } from "../lib/format.js";

interface Option {
  value: string;
  label: string;
}

function SelectFilter({
  id,
  label,
  all,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  all: string;
  options: readonly Option[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="field field-compact">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const LABELS = TLP_LABELS.map((l) => ({ value: l, label: l }));
const KIND_OPTIONS = ITEM_KINDS.map((k) => ({ value: k, label: KINDS[k].name }));
const SECTOR_OPTIONS = SECTORS.map((s) => ({ value: s, label: sectorName(s) }));
const STATUS_OPTIONS = ITEM_STATUSES.map((s) => ({ value: s, label: itemStatusName(s) }));

/** Every filter except the text; `organisations` null hides the organisation filter (e.g. it could not load). */
export function FilterFields({
  filters,
  onChange,
  organisations,
}: {
  filters: ItemFilters;
  onChange: (key: FilterKey, value: string | undefined) => void;
  organisations: readonly { id: string; name: string }[] | null;
}) {
  const id = useId();
  return (
    <>
      <SelectFilter
        id={`${id}-tlp`}
        label="Label"
        all="All labels"
        options={LABELS}
        value={filters.tlp}
        onChange={(v) => onChange("tlp", v)}
      />
      <SelectFilter
        id={`${id}-min-tlp`}
        label="Label at or above"
        all="Any label"
        options={LABELS}
        value={filters.minTlp}
        onChange={(v) => onChange("minTlp", v)}
      />
      <SelectFilter
        id={`${id}-kind`}
        label="Kind"
        all="All kinds"
        options={KIND_OPTIONS}
        value={filters.kind}
        onChange={(v) => onChange("kind", v)}
      />
      <SelectFilter
        id={`${id}-sector`}
        label="Sector"
        all="All sectors"
        options={SECTOR_OPTIONS}
        value={filters.sector}
        onChange={(v) => onChange("sector", v)}
      />
      <SelectFilter
        id={`${id}-status`}
        label="Status"
        all="Any status"
        options={STATUS_OPTIONS}
        value={filters.status}
        onChange={(v) => onChange("status", v)}
      />
      {organisations && (
        <SelectFilter
          id={`${id}-organisation`}
          label="Organisation"
          all="All organisations"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={filters.organisation}
          onChange={(v) => onChange("organisation", v)}
        />
      )}
      <div className="field field-compact">
        <label htmlFor={`${id}-from`}>Posted from</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filters.from ?? ""}
          max={filters.to}
          onChange={(e) => onChange("from", e.target.value || undefined)}
        />
      </div>
      <div className="field field-compact">
        <label htmlFor={`${id}-to`}>Posted to</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filters.to ?? ""}
          min={filters.from}
          onChange={(e) => onChange("to", e.target.value || undefined)}
        />
      </div>
    </>
  );
}
