// Chooses who an item is for, guided by the label's audience rules (shared audienceProblem).
import { useId } from "react";
import { audienceProblem } from "../../shared/policy.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { AudienceIds, Organisation, Person, WorkingGroup } from "../data/types.js";
import { CheckboxList, type Choice } from "./checkbox-list.js";

/** The directory the picker offers (from /api/organisations, /api/groups, /api/persons). */
export interface Directory {
  organisations: readonly Organisation[];
  groups: readonly WorkingGroup[];
  persons: readonly Person[];
}

/** The audience of everyone in the exchange. */
export const WHOLE_EXCHANGE: AudienceIds = { exchange: true, organisations: [], groups: [], persons: [] };

/** Adjusts an audience to fit a newly chosen label as far as it can without guessing recipients. */
export function fitAudience(tlp: TlpLabel, audience: AudienceIds): AudienceIds {
  if (tlp === "TLP:RED")
    return {
      exchange: false,
      organisations: [],
      groups: [],
      persons: audience.persons,
    };
  if (tlp === "TLP:AMBER" || tlp === "TLP:AMBER+STRICT") {
    const next = { ...audience, persons: [] };
    if (!next.exchange && next.organisations.length === 0 && next.groups.length === 0) next.exchange = true;
    return next;
  }
  return audience;
}

/** Radio "whole exchange / chosen recipients" and the lists that the label allows. */
export function AudiencePicker({
  tlp,
  value,
  onChange,
  directory,
  problemId,
}: {
  tlp: TlpLabel;
  value: AudienceIds;
  onChange: (audience: AudienceIds) => void;
  directory: Directory;
  /** Id for the live problem message, so the form can point aria-describedby at it. */
  problemId?: string;
}) {
  const id = useId();
  const red = tlp === "TLP:RED";
  const amber = tlp === "TLP:AMBER" || tlp === "TLP:AMBER+STRICT";
  const problem = audienceProblem(tlp, value);

  // Only members who can (or soon can) read are offered; names stay plain for assistive technology.
  const reachable = (status: string) => status === "active" || status === "invited";
  const organisations: Choice[] = directory.organisations
    .filter((o) => reachable(o.status))
    .map((o) => ({ value: o.id, label: o.name }));
  const groups: Choice[] = directory.groups.map((g) => ({ value: g.id, label: g.name }));
  const persons: Choice[] = directory.persons
    .filter((p) => reachable(p.status))
    .map((p) => ({ value: p.id, label: `${p.name} (${p.organisationName})` }));

  const setExchange = (exchange: boolean) => onChange(exchange ? WHOLE_EXCHANGE : { ...value, exchange: false });

  return (
    <fieldset className="audience">
      <legend>Audience</legend>
      <p className="hint">
        {red
          ? "TLP:RED goes to named persons only. Choose at least one recipient."
          : amber
            ? `${tlp} goes to the whole exchange, organisations or working groups — not to named persons.`
            : "The whole exchange, or any organisations, working groups and persons."}
      </p>
      {!red && (
        <div className="radios">
          <label className="check">
            <input type="radio" name={`${id}-scope`} checked={value.exchange} onChange={() => setExchange(true)} />
            <span>The whole exchange</span>
          </label>
          <label className="check">
            <input type="radio" name={`${id}-scope`} checked={!value.exchange} onChange={() => setExchange(false)} />
            <span>Chosen recipients</span>
          </label>
        </div>
      )}
      {(red || !value.exchange) && (
        <div className="audience-lists">
          {!red && (
            <CheckboxList
              legend="Organisations"
              choices={organisations}
              selected={value.organisations}
              onChange={(organisations) => onChange({ ...value, organisations })}
              emptyText="No organisations."
            />
          )}
          {!red && (
            <CheckboxList
              legend="Working groups"
              choices={groups}
              selected={value.groups}
              onChange={(groups) => onChange({ ...value, groups })}
              emptyText="No working groups."
            />
          )}
          {!amber && (
            <CheckboxList
              legend="Persons"
              choices={persons}
              selected={value.persons}
              onChange={(persons) => onChange({ ...value, persons })}
              emptyText="No persons."
            />
          )}
        </div>
      )}
      <p id={problemId} className={problem ? "audience-problem" : "audience-ok"} aria-live="polite">
        {problem ?? "This audience fits the label."}
      </p>
    </fieldset>
  );
}
