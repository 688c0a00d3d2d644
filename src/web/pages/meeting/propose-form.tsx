// The members' form to propose an agenda item: part, title, description, presenter, Chatham House, label, audience.
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../../shared/policy.js";
import { AGENDA_PARTS } from "../../../shared/schemas/meetings.schemas.js";
import { ErrorAlert } from "../../components/alert.js";
import { AudiencePicker, type Directory } from "../../components/audience-picker.js";
import { ChoiceField } from "../../components/choice-field.js";
import { PersonField } from "../../components/directory-fields.js";
import { SubmitButton } from "../../components/form-actions.js";
import { MarkdownEditor } from "../../components/markdown-editor.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { AgendaItem, AgendaPart } from "../../data/types.js";
import { useLabelledAudience } from "../../hooks/use-labelled-audience.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { agendaPartName } from "../../lib/format.js";

/** Proposes an item for `meetingId`; `onProposed` receives it (accepted at once when a manager proposes). */
export function ProposeForm({
  meetingId,
  directory,
  onProposed,
}: {
  meetingId: string;
  directory: Directory;
  onProposed: (item: AgendaItem) => void;
}) {
  const id = useId();
  const [part, setPart] = useState<AgendaPart>("operational");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [presenter, setPresenter] = useState("");
  const [chathamHouse, setChathamHouse] = useState(false);
  const { tlp, chooseTlp, audience, setAudience } = useLabelledAudience("TLP:GREEN");
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      refuse("Give the agenda item a title.");
      return;
    }
    const problem = audienceProblem(tlp, audience);
    if (problem) {
      refuse(problem);
      return;
    }
    await send(async () => {
      const item = await meetingsApi.propose(meetingId, {
        part,
        title: title.trim(),
        description: description.trim(),
        presenterId: presenter || null,
        chathamHouse,
        tlp,
        audience,
      });
      setTitle("");
      setDescription("");
      setPresenter("");
      setChathamHouse(false);
      onProposed(item);
    });
  };

  return (
    <form className="card form-card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>Propose an agenda item</h3>
      <div className="form-row form-row-top">
        <ChoiceField label="Part" value={part} choices={AGENDA_PARTS} nameOf={agendaPartName} onChange={setPart} />
        <div className="field field-grow">
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
      </div>
      <MarkdownEditor label="Description" value={description} onChange={setDescription} rows={4} maxLength={10_000} />
      <div className="form-row">
        <PersonField
          label="Presenter"
          none="Not decided yet"
          persons={directory.persons}
          value={presenter}
          onChange={setPresenter}
        />
        <div className="field field-check field-button">
          <label className="check">
            <input type="checkbox" checked={chathamHouse} onChange={(e) => setChathamHouse(e.target.checked)} />
            <span>Chatham House rule</span>
          </label>
          <p className="hint">What is said may be used, but not who said it.</p>
        </div>
      </div>
      <TlpSelect value={tlp} onChange={chooseTlp} hint="The item's title, description and minutes reach only this audience." />
      <AudiencePicker tlp={tlp} value={audience} onChange={setAudience} directory={directory} />
      <ErrorAlert error={error} />
      <SubmitButton busy={busy} label="Propose the item" busyLabel="Proposing…" />
    </form>
  );
}
