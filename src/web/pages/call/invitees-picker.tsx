// Whom to invite to an urgent call: the whole exchange, or working groups, organisations and persons.
import { useId } from "react";
import { type Directory, WHOLE_EXCHANGE } from "../../components/audience-picker.js";
import { CheckboxList, type Choice } from "../../components/checkbox-list.js";
import type { AudienceIds } from "../../data/types.js";

/** The invitees as ids (the same shape as an audience); resolved to named persons when the call is convened. */
export function InviteesPicker({
  value,
  onChange,
  directory,
}: {
  value: AudienceIds;
  onChange: (value: AudienceIds) => void;
  directory: Directory;
}) {
  const id = useId();
  const active = (status: string) => status === "active";
  const organisations: Choice[] = directory.organisations
    .filter((o) => active(o.status))
    .map((o) => ({ value: o.id, label: o.name }));
  const groups: Choice[] = directory.groups.map((g) => ({ value: g.id, label: g.name }));
  const persons: Choice[] = directory.persons
    .filter((p) => active(p.status))
    .map((p) => ({ value: p.id, label: `${p.name} (${p.organisationName})` }));

  return (
    <fieldset className="audience" data-testid="invitees">
      <legend>Invitees</legend>
      <p className="hint">Everyone chosen is invited by name; the call and its bridge details are TLP:RED to them.</p>
      <div className="radios">
        <label className="check">
          <input type="radio" name={`${id}-scope`} checked={value.exchange} onChange={() => onChange(WHOLE_EXCHANGE)} />
          <span>The whole exchange</span>
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={!value.exchange}
            onChange={() => onChange({ ...value, exchange: false })}
          />
          <span>Chosen invitees</span>
        </label>
      </div>
      {!value.exchange && (
        <div className="audience-lists">
          <CheckboxList
            legend="Working groups"
            choices={groups}
            selected={value.groups}
            onChange={(next) => onChange({ ...value, groups: next })}
            emptyText="No working groups."
          />
          <CheckboxList
            legend="Organisations"
            choices={organisations}
            selected={value.organisations}
            onChange={(next) => onChange({ ...value, organisations: next })}
            emptyText="No organisations."
          />
          <CheckboxList
            legend="Persons"
            choices={persons}
            selected={value.persons}
            onChange={(next) => onChange({ ...value, persons: next })}
            emptyText="No persons."
          />
        </div>
      )}
    </fieldset>
  );
}
