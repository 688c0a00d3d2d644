// The members' form to propose an agenda item: part, title, description, presenter, Chatham House, label, audience.
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../../shared/policy.js";
import { AGENDA_PARTS } from "../../../shared/schemas/meetings.schemas.js";
import type { TlpLabel } from "../../../shared/tlp.js";
import { ErrorAlert } from "../../components/alert.js";
import { AudiencePicker, type Directory, fitAudience } from "../../components/audience-picker.js";
import { MarkdownEditor } from "../../components/markdown-editor.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { AgendaItem, AgendaPart, AudienceIds } from "../../data/types.js";
import { agendaPartName } from "../../lib/format.js";

const WHOLE_EXCHANGE: AudienceIds = { exchange: true, organisations: [], groups: [], persons: [] };

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
  const [tlp, setTlp] = useState<TlpLabel>("TLP:GREEN");
  const [audience, setAudience] = useState<AudienceIds>(WHOLE_EXCHANGE);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(new Error("Give the agenda item a title."));
      return;
    }
    const problem = audienceProblem(tlp, audience);
    if (problem) {
      setError(new Error(problem));
      return;
    }
    setBusy(true);
    setError(null);
    try {
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
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const persons = directory.persons.filter((p) => p.status === "active");
  return (
    <form className="card form-card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>Propose an agenda item</h3>
      <div className="form-row form-row-top">
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
        <div className="field field-grow">
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
      </div>
      <MarkdownEditor label="Description" value={description} onChange={setDescription} rows={4} maxLength={10_000} />
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-presenter`}>Presenter</label>
          <select id={`${id}-presenter`} value={presenter} onChange={(e) => setPresenter(e.target.value)}>
            <option value="">Not decided yet</option>
            {persons.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.organisationName})
              </option>
            ))}
          </select>
        </div>
        <div className="field field-check field-button">
          <label className="check">
            <input type="checkbox" checked={chathamHouse} onChange={(e) => setChathamHouse(e.target.checked)} />
            <span>Chatham House rule</span>
          </label>
          <p className="hint">What is said may be used, but not who said it.</p>
        </div>
      </div>
      <TlpSelect
        value={tlp}
        onChange={(next) => {
          setTlp(next);
          setAudience((current) => fitAudience(next, current));
        }}
        hint="The item's title, description and minutes reach only this audience."
      />
      <AudiencePicker tlp={tlp} value={audience} onChange={setAudience} directory={directory} />
      <ErrorAlert error={error} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Proposing…" : "Propose the item"}
      </button>
    </form>
  );
}
