// Records that one of the viewer's organisation's services depends on another service (its own or another
// organisation's that the viewer can see): type, buffer, propagation delay and the degradation a failure causes.
import { type FormEvent, useId, useState } from "react";
import { DependencyTypeSchema } from "../../../shared/schemas/interdependencies.schemas.js";
import { ChoiceField } from "../../components/choice-field.js";
import { FormActions } from "../../components/form-actions.js";
import { interdependenciesApi } from "../../data/endpoints.js";
import type { Dependency, DependencyType, Service } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { dependencyTypeName, sectorName } from "../../lib/format.js";

const DEGRADATIONS = ["partial", "total"] as const;
const DEGRADATION_NAMES: Record<(typeof DEGRADATIONS)[number], string> = {
  partial: "It degrades (partial)",
  total: "It fails (total)",
};

/** Providers grouped by organisation for the select, own services first. */
function byOrganisation(services: readonly Service[]): [string, Service[]][] {
  const groups = new Map<string, Service[]>();
  for (const s of [...services].sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name))) {
    const key = s.own ? `${s.organisation.name} (yours)` : s.organisation.name;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups];
}

/** Creates a dependency; `onCreated` receives it. */
export function DependencyForm({
  services,
  onCreated,
}: {
  services: readonly Service[];
  onCreated: (dependency: Dependency) => void;
}) {
  const id = useId();
  const own = services.filter((s) => s.own);
  const [dependentId, setDependentId] = useState(own[0]?.id ?? "");
  const [providerId, setProviderId] = useState("");
  const [type, setType] = useState<DependencyType>("physical");
  const [buffer, setBuffer] = useState("0");
  const [delay, setDelay] = useState("0");
  const [degradation, setDegradation] = useState<(typeof DEGRADATIONS)[number]>("total");
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bufferHours = Number(buffer);
    const delayHours = Number(delay);
    if (!dependentId || !providerId) {
      refuse("Choose your service and the service it depends on.");
      return;
    }
    if (buffer.trim() === "" || !Number.isFinite(bufferHours) || bufferHours < 0) {
      refuse("The buffer is a number of hours, 0 or more.");
      return;
    }
    if (delay.trim() === "" || !Number.isFinite(delayHours) || delayHours < 0) {
      refuse("The delay is a number of hours, 0 or more.");
      return;
    }
    await send(async () => {
      onCreated(
        await interdependenciesApi.createDependency({ dependentId, providerId, type, bufferHours, delayHours, degradation }),
      );
      setProviderId("");
    });
  };

  return (
    <form onSubmit={submit} aria-label="Add a dependency" noValidate>
      <div className="form-row form-row-top">
        <div className="field field-grow">
          <label htmlFor={`${id}-dependent`}>Your service</label>
          <select id={`${id}-dependent`} value={dependentId} onChange={(e) => setDependentId(e.target.value)}>
            {own.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-provider`}>Depends on</label>
          <select id={`${id}-provider`} value={providerId} onChange={(e) => setProviderId(e.target.value)}>
            <option value="">Choose a service…</option>
            {byOrganisation(services.filter((s) => s.id !== dependentId)).map(([organisation, list]) => (
              <optgroup key={organisation} label={organisation}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({sectorName(s.sector)}, {s.region})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row form-row-top">
        <ChoiceField
          label="Type"
          value={type}
          choices={DependencyTypeSchema.options}
          nameOf={dependencyTypeName}
          onChange={setType}
        />
        <div className="field">
          <label htmlFor={`${id}-buffer`}>Buffer (hours)</label>
          <input
            id={`${id}-buffer`}
            className="input-narrow"
            type="number"
            min={0}
            step="any"
            value={buffer}
            aria-describedby={`${id}-buffer-hint`}
            onChange={(e) => setBuffer(e.target.value)}
          />
          <p id={`${id}-buffer-hint`} className="hint">
            How long it keeps working without the input.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-delay`}>Delay (hours)</label>
          <input
            id={`${id}-delay`}
            className="input-narrow"
            type="number"
            min={0}
            step="any"
            value={delay}
            aria-describedby={`${id}-delay-hint`}
            onChange={(e) => setDelay(e.target.value)}
          />
          <p id={`${id}-delay-hint`} className="hint">
            Until a failure reaches it.
          </p>
        </div>
        <ChoiceField
          label="When the input fails"
          value={degradation}
          choices={DEGRADATIONS}
          nameOf={(d) => DEGRADATION_NAMES[d]}
          onChange={setDegradation}
        />
      </div>
      <FormActions error={error} busy={busy} label="Add the dependency" busyLabel="Adding…" />
    </form>
  );
}
