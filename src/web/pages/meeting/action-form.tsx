// Creates an action item from an agenda item: title, description, owner (person, organisation or both), due date.
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import type { Directory } from "../../components/audience-picker.js";
import { actionsApi } from "../../data/endpoints.js";
import type { ActionItem, AgendaItem } from "../../data/types.js";
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choosePerson = (value: string) => {
    setPersonId(value);
    const person = directory.persons.find((p) => p.id === value);
    if (person && !organisationId) setOrganisationId(person.organisationId);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(new Error("Give the action a title."));
      return;
    }
    if (!personId && !organisationId) {
      setError(new Error("Choose an owner: a person, an organisation or both."));
      return;
    }
    if (!dueOn) {
      setError(new Error("Choose a due date."));
      return;
    }
    setBusy(true);
    setError(null);
    try {
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
      );
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const persons = directory.persons.filter((p) => p.status === "active");
  const organisations = directory.organisations.filter((o) => o.status === "active");
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
        <div className="field field-grow">
          <label htmlFor={`${id}-person`}>Owner (person)</label>
          <select id={`${id}-person`} value={personId} onChange={(e) => choosePerson(e.target.value)}>
            <option value="">No person</option>
            {persons.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.organisationName})
              </option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-organisation`}>Owner (organisation)</label>
          <select id={`${id}-organisation`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            <option value="">No organisation</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>Due</label>
          <input id={`${id}-due`} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </div>
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating…" : "Create the action"}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
