// Admin: create or edit a working group — name, description, member organisations and persons.
import { type FormEvent, useId, useState } from "react";
import { CheckboxList } from "../../components/checkbox-list.js";
import { FormActions } from "../../components/form-actions.js";
import { membershipApi } from "../../data/endpoints.js";
import type { Organisation, Person, WorkingGroup } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";

/** The group form; `group` null creates a new one. */
export function GroupForm({
  group,
  organisations,
  persons,
  onSaved,
  onCancel,
}: {
  group: WorkingGroup | null;
  organisations: readonly Organisation[];
  persons: readonly Person[];
  onSaved: (group: WorkingGroup) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(group?.name ?? "");
  const [description, setDescription] = useState(group?.description ?? "");
  const [memberOrganisations, setMemberOrganisations] = useState<string[]>(group?.organisations ?? []);
  const [memberPersons, setMemberPersons] = useState<string[]>(group?.persons ?? []);
  const { busy, error, send } = useSubmit();

  const organisationChoices = organisations
    .filter((o) => o.status !== "left" || memberOrganisations.includes(o.id))
    .map((o) => ({ value: o.id, label: o.name }));
  const personChoices = persons
    .filter((p) => p.status !== "left" || memberPersons.includes(p.id))
    .map((p) => ({ value: p.id, label: `${p.name} (${p.organisationName})` }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      description: description.trim(),
      organisations: memberOrganisations,
      persons: memberPersons,
    };
    await send(async () => {
      const saved = group ? await membershipApi.updateGroup(group.id, body) : await membershipApi.createGroup(body);
      onSaved(saved);
      if (!group) {
        setName("");
        setDescription("");
        setMemberOrganisations([]);
        setMemberPersons([]);
      }
    });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{group ? `Edit “${group.name}”` : "Create a working group"}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="two-columns">
        <CheckboxList
          legend="Member organisations"
          hint="Every person of these organisations is in the group."
          choices={organisationChoices}
          selected={memberOrganisations}
          onChange={setMemberOrganisations}
        />
        <CheckboxList legend="Member persons" choices={personChoices} selected={memberPersons} onChange={setMemberPersons} />
      </div>
      <FormActions
        error={error}
        busy={busy}
        label={group ? "Save changes" : "Create group"}
        busyLabel="Saving…"
        onCancel={onCancel}
      />
    </form>
  );
}
