// The managers' arrangement of one agenda item: status, part, position and presenter.
import { type FormEvent, useId, useState } from "react";
import { AGENDA_PARTS, AGENDA_STATUSES } from "../../../shared/schemas/meetings.schemas.js";
import { ErrorAlert } from "../../components/alert.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { AgendaItem, AgendaPart, AgendaStatus, ArrangeAgendaItemRequest, Person } from "../../data/types.js";
import { agendaPartName, agendaStatusName } from "../../lib/format.js";

/** Arranges the item; sends only what changed; `onSaved` receives the updated item. */
export function ArrangeForm({
  item,
  persons,
  onSaved,
  onCancel,
}: {
  item: AgendaItem;
  persons: readonly Person[];
  onSaved: (item: AgendaItem) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [status, setStatus] = useState<AgendaStatus>(item.status);
  const [part, setPart] = useState<AgendaPart>(item.part);
  const [position, setPosition] = useState(String(item.position));
  const [presenter, setPresenter] = useState(item.presenter?.id ?? "");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: ArrangeAgendaItemRequest = {};
    const place = Number(position);
    if (!Number.isInteger(place) || place < 0 || place > 1000) {
      setError(new Error("The position is 0 to 1000."));
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
    setBusy(true);
    setError(null);
    try {
      onSaved(await meetingsApi.arrange(item.id, body));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const active = persons.filter((p) => p.status === "active");
  return (
    <form className="agenda-tool" onSubmit={submit} aria-label={`Arrange ${item.title}`} noValidate>
      <div className="form-row form-row-top">
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as AgendaStatus)}>
            {AGENDA_STATUSES.map((s) => (
              <option key={s} value={s}>
                {agendaStatusName(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-part`}>Part</label>
          <select id={`${id}-part`} value={part} onChange={(e) => setPart(e.target.value as AgendaPart)}>
            {AGENDA_PARTS.map((p) => (
              <option key={p} value={p}>
                {agendaPartName(p)}
              </option>
            ))}
          </select>
        </div>
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
        <div className="field field-grow">
          <label htmlFor={`${id}-presenter`}>Presenter</label>
          <select id={`${id}-presenter`} value={presenter} onChange={(e) => setPresenter(e.target.value)}>
            <option value="">Nobody yet</option>
            {active.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.organisationName})
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : "Save the arrangement"}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
