// Describes a service the viewer's organisation provides: name, description, sector, region, label and audience.
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../../shared/policy.js";
import { SECTORS } from "../../../shared/schemas/common.js";
import { AudiencePicker, type Directory } from "../../components/audience-picker.js";
import { ChoiceField } from "../../components/choice-field.js";
import { FormActions } from "../../components/form-actions.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { interdependenciesApi } from "../../data/endpoints.js";
import type { Sector, Service } from "../../data/types.js";
import { useLabelledAudience } from "../../hooks/use-labelled-audience.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { sectorName } from "../../lib/format.js";

/** Creates a service; `onCreated` receives it. */
export function ServiceForm({ directory, onCreated }: { directory: Directory; onCreated: (service: Service) => void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [sector, setSector] = useState<Sector>("energy");
  const [region, setRegion] = useState("");
  const { tlp, chooseTlp, audience, setAudience } = useLabelledAudience("TLP:AMBER");
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !region.trim()) {
      refuse("Give the service a name and a region.");
      return;
    }
    const problem = audienceProblem(tlp, audience);
    if (problem) {
      refuse(problem);
      return;
    }
    await send(async () => {
      const service = await interdependenciesApi.createService({
        name: name.trim(),
        description: description.trim(),
        sector,
        region: region.trim(),
        tlp,
        audience,
      });
      setName("");
      setDescription("");
      setRegion("");
      onCreated(service);
    });
  };

  return (
    <form onSubmit={submit} aria-label="Add a service" noValidate>
      <div className="form-row form-row-top">
        <div className="field field-grow">
          <label htmlFor={`${id}-name`}>Service</label>
          <input id={`${id}-name`} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          <p className="hint">What you provide, e.g. “regional electricity distribution”, “payment clearing”.</p>
        </div>
        <ChoiceField label="Sector" value={sector} choices={SECTORS} nameOf={sectorName} onChange={setSector} />
        <div className="field">
          <label htmlFor={`${id}-region`}>Region</label>
          <input
            id={`${id}-region`}
            className="input-medium"
            maxLength={100}
            value={region}
            onChange={(e) => setRegion(e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description (optional)</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <TlpSelect value={tlp} onChange={chooseTlp} hint="Who may see the service, and the dependencies on it." />
      <AudiencePicker tlp={tlp} value={audience} onChange={setAudience} directory={directory} />
      <FormActions error={error} busy={busy} label="Add the service" busyLabel="Adding…" />
    </form>
  );
}
