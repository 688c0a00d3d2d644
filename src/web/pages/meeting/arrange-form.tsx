// The managers' arrangement of one agenda item: status, part, position and presenter.
import { type FormEvent, useId, useState } from "react";
import { AGENDA_PARTS, AGENDA_STATUSES } from "../../../shared/schemas/meetings.schemas.js";
import { ChoiceField } from "../../components/choice-field.js";
import { PersonField } from "../../components/directory-fields.js";
import { FormActions } from "../../components/form-actions.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { AgendaPart, AgendaStatus, ArrangeAgendaItemRequest, Person } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { agendaPartName, agendaStatusName } from "../../lib/format.js";
import type { AgendaToolProps } from "./agenda-tool.js";

/** Arranges the item; sends only what changed; `onSaved` receives the updated item. */
export function ArrangeForm({ item, persons, onSaved, onCancel }: AgendaToolProps & { persons: readonly Person[] }) {
  const id = useId();
  const [status, setStatus] = useState<AgendaStatus>(item.status);
  const [part, setPart] = useState<AgendaPart>(item.part);
  const [position, setPosition] = useState(String(item.position));
  const [presenter, setPresenter] = useState(item.presenter?.id ?? "");
  const { busy, error, refuse, send } = useSubmit({ closes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: ArrangeAgendaItemRequest = {};
    const place = Number(position);
    if (!Number.isInteger(place) || place < 0 || place > 1000) {
      refuse("The position is 0 to 1000.");
      return;
    }
    if (status !== item.status) body.status = status;
    if (part !== item.part) body.part = part;
    if (place !== item.position) body.position = place;
    if (presenter !== (item.presenter?.id ?? "")) body.presenterId = presenter || null;
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    await send(async () => onSaved(await meetingsApi.arrange(item.id, body)));
  };

  return (
    <form className="agenda-tool" onSubmit={submit} aria-label={`Arrange ${item.title}`} noValidate>
      <div className="form-row form-row-top">
        <ChoiceField label="Status" value={status} choices={AGENDA_STATUSES} nameOf={agendaStatusName} onChange={setStatus} />
        <ChoiceField label="Part" value={part} choices={AGENDA_PARTS} nameOf={agendaPartName} onChange={setPart} />
        <div className="field">
          <label htmlFor={`${id}-position`}>Position</label>
          <input
            id={`${id}-position`}
            type="number"
            min={0}
            max={1000}
            className="input-narrow"
            value={position}
            onChange={(e) => setPosition(e.target.value)}
          />
        </div>
        <PersonField label="Presenter" none="Nobody yet" persons={persons} value={presenter} onChange={setPresenter} />
      </div>
      <FormActions error={error} busy={busy} label="Save the arrangement" busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
