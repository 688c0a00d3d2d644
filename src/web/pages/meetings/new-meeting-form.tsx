// The managers' form for one meeting: title, format, date and times, location, host, label and audience.
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../../shared/policy.js";
import { MEETING_FORMATS } from "../../../shared/schemas/meetings.schemas.js";
import type { TlpLabel } from "../../../shared/tlp.js";
import { ErrorAlert } from "../../components/alert.js";
import { AudiencePicker, fitAudience } from "../../components/audience-picker.js";
import { Loading } from "../../components/loading.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { AudienceIds, Meeting, MeetingFormat } from "../../data/types.js";
import { useDirectory } from "../../hooks/use-directory.js";
import { localIso } from "../../lib/dates.js";
import { meetingFormatName } from "../../lib/format.js";

const WHOLE_EXCHANGE: AudienceIds = { exchange: true, organisations: [], groups: [], persons: [] };

/** Creates a meeting; `onCreated` receives the server's meeting. */
export function NewMeetingForm({ onCreated, onCancel }: { onCreated: (meeting: Meeting) => void; onCancel: () => void }) {
  const id = useId();
  const directory = useDirectory();
  const [title, setTitle] = useState("");
  const [format, setFormat] = useState<MeetingFormat>("in-person");
  const [date, setDate] = useState("");
  const [start, setStart] = useState("10:00");
  const [end, setEnd] = useState("13:00");
  const [location, setLocation] = useState("");
  const [host, setHost] = useState("");
  const [tlp, setTlp] = useState<TlpLabel>("TLP:GREEN");
  const [audience, setAudience] = useState<AudienceIds>(WHOLE_EXCHANGE);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = localIso(date, start);
    const endsAt = localIso(date, end);
    if (!title.trim()) {
      setError(new Error("Give the meeting a title."));
      return;
    }
    if (!startsAt || !endsAt) {
      setError(new Error("Choose the date, start and end time."));
      return;
    }
    if (endsAt <= startsAt) {
      setError(new Error("The meeting must end after it starts."));
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
      onCreated(
        await meetingsApi.create({
          title: title.trim(),
          format,
          startsAt,
          endsAt,
          location: location.trim(),
          hostOrganisationId: host || null,
          tlp,
          audience,
        }),
      );
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const organisations = (directory.data?.organisations ?? []).filter((o) => o.status === "active");
  return (
    <form className="card form-card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`}>New meeting</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as MeetingFormat)}>
            {MEETING_FORMATS.map((f) => (
              <option key={f} value={f}>
                {meetingFormatName(f)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row form-row-top">
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input id={`${id}-date`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>Starts</label>
          <input id={`${id}-start`} type="time" required value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>Ends</label>
          <input id={`${id}-end`} type="time" required value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-location`}>Location or dial-in</label>
          <input id={`${id}-location`} maxLength={500} value={location} onChange={(e) => setLocation(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-host`}>Host organisation</label>
          <select id={`${id}-host`} value={host} onChange={(e) => setHost(e.target.value)}>
            <option value="">No host</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TlpSelect
        value={tlp}
        onChange={(next) => {
          setTlp(next);
          setAudience((current) => fitAudience(next, current));
        }}
        label="Label of the meeting"
        hint="Who may see that the meeting takes place."
      />
      {directory.loading && <Loading label="Loading organisations, groups and persons…" />}
      <ErrorAlert error={directory.error} />
      {directory.data && <AudiencePicker tlp={tlp} value={audience} onChange={setAudience} directory={directory.data} />}
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating…" : "Create the meeting"}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
