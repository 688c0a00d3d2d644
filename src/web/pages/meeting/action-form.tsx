// Creates an action item from an agenda item: title, description, owner (person, organisation or both), due date.
import { type FormEvent, useId, useState } from "react";
import type { Directory } from "../../components/audience-picker.js";
import { OrganisationField, PersonField } from "../../components/directory-fields.js";
import { FormActions } from "../../components/form-actions.js";
import { actionsApi } from "../../data/endpoints.js";
import type { ActionItem, AgendaItem } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { daysFromToday } from "../../lib/dates.js";

/** The action form; the action takes the agenda item's label and audience. */
export function ActionForm({
  item,
  directory,
  onCreated,
  onCancel,
}: {
  item: AgendaItem;
  directory: Directory;
  onCreated: (action: ActionItem) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [personId, setPersonId] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [dueOn, setDueOn] = useState(() => daysFromToday(30));
  const { busy, error, refuse, send } = useSubmit({ closes: true });

  const choosePerson = (value: string) => {
    setPersonId(value);
    const person = directory.persons.find((p) => p.id === value);
    if (person && !organisationId) setOrganisationId(person.organisationId);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      refuse("Give the action a title.");
      return;
    }
    if (!personId && !organisationId) {
      refuse("Choose an owner: a person, an organisation or both.");
      return;
    }
    if (!dueOn) {
      refuse("Choose a due date.");
      return;
    }
    await send(async () =>
      onCreated(
        await actionsApi.create({
          title: title.trim(),
          description: description.trim(),
          ownerPersonId: personId || null,
          ownerOrganisationId: organisationId || null,
          dueOn,
          agendaItemId: item.id,
          meetingId: item.meetingId,
        }),
      ),
    );
  };

  return (
    <form className="agenda-tool" onSubmit={submit} aria-label={`New action from ${item.title}`} noValidate>
      <p className="hint">The action takes this item's label ({item.tlp}) and audience.</p>
      <div className="field">
        <label htmlFor={`${id}-title`}>Action</label>
        <input id={`${id}-title`} maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description (optional)</label>
        <textarea
          id={`${id}-description`}
          rows={3}
          maxLength={10_000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="form-row form-row-top">
        <PersonField
          label="Owner (person)"
          none="No person"
          persons={directory.persons}
          value={personId}
          onChange={choosePerson}
        />
        <OrganisationField
          label="Owner (organisation)"
          none="No organisation"
          organisations={directory.organisations}
          value={organisationId}
          onChange={setOrganisationId}
          grow
        />
        <div className="field">
          <label htmlFor={`${id}-due`}>Due</label>
          <input id={`${id}-due`} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </div>
      </div>
      <FormActions error={error} busy={busy} label="Create the action" busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}
