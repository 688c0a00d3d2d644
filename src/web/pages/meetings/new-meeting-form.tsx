// The managers' form for one meeting: title, format, date and times, location, host, label and audience.
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../../shared/policy.js";
import { MEETING_FORMATS } from "../../../shared/schemas/meetings.schemas.js";
import { ErrorAlert } from "../../components/alert.js";
import { AudiencePicker } from "../../components/audience-picker.js";
import { ChoiceField } from "../../components/choice-field.js";
import { OrganisationField } from "../../components/directory-fields.js";
import { FormActions } from "../../components/form-actions.js";
import { Loading } from "../../components/loading.js";
import { MeetingTimeFields, type MeetingTimes, meetingInstants } from "../../components/meeting-time-fields.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { Meeting, MeetingFormat } from "../../data/types.js";
import { useDirectory } from "../../hooks/use-directory.js";
import { useLabelledAudience } from "../../hooks/use-labelled-audience.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { meetingFormatName } from "../../lib/format.js";

/** Creates a meeting; `onCreated` receives the server's meeting. */
export function NewMeetingForm({ onCreated, onCancel }: { onCreated: (meeting: Meeting) => void; onCancel: () => void }) {
  const id = useId();
  const directory = useDirectory();
  const [title, setTitle] = useState("");
  const [format, setFormat] = useState<MeetingFormat>("in-person");
  const [times, setTimes] = useState<MeetingTimes>({ date: "", start: "10:00", end: "13:00" });
  const [location, setLocation] = useState("");
  const [host, setHost] = useState("");
  const { tlp, chooseTlp, audience, setAudience } = useLabelledAudience("TLP:GREEN");
  const { busy, error, refuse, send } = useSubmit({ closes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { startsAt, endsAt } = meetingInstants(times);
    if (!title.trim()) {
      refuse("Give the meeting a title.");
      return;
    }
    if (!startsAt || !endsAt) {
      refuse("Choose the date, start and end time.");
      return;
    }
    if (endsAt <= startsAt) {
      refuse("The meeting must end after it starts.");
      return;
    }
    const problem = audienceProblem(tlp, audience);
    if (problem) {
      refuse(problem);
      return;
    }
    await send(async () =>
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
      ),
    );
  };

  return (
    <form className="card form-card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`}>New meeting</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <ChoiceField label="Format" value={format} choices={MEETING_FORMATS} nameOf={meetingFormatName} onChange={setFormat} />
      </div>
      <div className="form-row form-row-top">
        <MeetingTimeFields value={times} onChange={setTimes} required />
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-location`}>Location or dial-in</label>
          <input id={`${id}-location`} maxLength={500} value={location} onChange={(e) => setLocation(e.target.value)} />
        </div>
        <OrganisationField
          label="Host organisation"
          none="No host"
          organisations={directory.data?.organisations ?? []}
          value={host}
          onChange={setHost}
        />
      </div>
      <TlpSelect value={tlp} onChange={chooseTlp} label="Label of the meeting" hint="Who may see that the meeting takes place." />
      {directory.loading && <Loading label="Loading organisations, groups and persons…" />}
      <ErrorAlert error={directory.error} />
      {directory.data && <AudiencePicker tlp={tlp} value={audience} onChange={setAudience} directory={directory.data} />}
      <FormActions error={error} busy={busy} label="Create the meeting" busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}
