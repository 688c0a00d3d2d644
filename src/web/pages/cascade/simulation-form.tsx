// The cascade simulation's inputs: the failed or degraded services (level, start, duration), or an incident whose
// affected services start it, and the horizon.
import { type FormEvent, useId, useState } from "react";
import { ChoiceField } from "../../components/choice-field.js";
import { FormActions } from "../../components/form-actions.js";
import { interdependenciesApi } from "../../data/endpoints.js";
import type { Service, SimulateRequest, SimulationResult } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { impactName, sectorName } from "../../lib/format.js";

interface Row {
  serviceId: string;
  level: 1 | 2;
  start: string;
  duration: string;
}

const LEVELS = ["2", "1"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const hoursOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** The form; `onResult` receives the request sent and the server's result. */
export function SimulationForm({
  services,
  initialIncident,
  onResult,
}: {
  services: readonly Service[];
  initialIncident: string;
  onResult: (request: SimulateRequest, result: SimulationResult) => void;
}) {
  const id = useId();
  const [rows, setRows] = useState<Row[]>([]);
  const [choice, setChoice] = useState("");
  const [incidentId, setIncidentId] = useState(initialIncident);
  const [horizon, setHorizon] = useState("168");
  const { busy, error, refuse, send } = useSubmit();
  const byId = new Map(services.map((s) => [s.id, s]));
  const chosen = new Set(rows.map((r) => r.serviceId));

  const add = () => {
    if (!choice) return;
    setRows([...rows, { serviceId: choice, level: 2, start: "0", duration: "12" }]);
    setChoice("");
  };
  const change = (index: number, patch: Partial<Row>) => setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const horizonHours = hoursOf(horizon);
    const incident = incidentId.trim();
    if (rows.length === 0 && !incident) {
      refuse("Add at least one failed service, or give an incident.");
      return;
    }
    if (incident && !UUID.test(incident)) {
      refuse("The incident is given by its id (from the address of its page).");
      return;
    }
    if (!Number.isFinite(horizonHours) || horizonHours < 1 || horizonHours > 8760) {
      refuse("The horizon is 1 to 8,760 hours.");
      return;
    }
    const initial = rows.map((r) => ({
      serviceId: r.serviceId,
      level: r.level,
      startHours: hoursOf(r.start),
      durationHours: hoursOf(r.duration),
    }));
    if (
      initial.some(
        (i) => !Number.isFinite(i.startHours) || !Number.isFinite(i.durationHours) || i.startHours < 0 || i.durationHours < 0,
      )
    ) {
      refuse("Starts and durations are numbers of hours, 0 or more.");
      return;
    }
    const request: SimulateRequest = { initial, horizonHours, ...(incident ? { incidentId: incident } : {}) };
    await send(async () => onResult(request, await interdependenciesApi.simulate(request)));
  };

  return (
    <form className="card form-card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`}>What fails</h2>
      {rows.length > 0 && (
        <div className="table-wrap">
          <table data-testid="initial-events">
            <caption className="visually-hidden">Services failed or degraded at the start</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Level</th>
                <th scope="col">From hour</th>
                <th scope="col">For hours</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const service = byId.get(row.serviceId);
                const name = service?.name ?? row.serviceId;
                return (
                  <tr key={row.serviceId}>
                    <th scope="row">
                      {name}
                      {service && <span className="muted small block">{service.organisation.name}</span>}
                    </th>
                    <td>
                      <select
                        aria-label={`Level of ${name}`}
                        value={String(row.level)}
                        onChange={(e) => change(index, { level: e.target.value === "1" ? 1 : 2 })}
                      >
                        {LEVELS.map((l) => (
                          <option key={l} value={l}>
                            {impactName(Number(l))}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`Start of ${name} (hour)`}
                        className="input-narrow"
                        type="number"
                        min={0}
                        step="any"
                        value={row.start}
                        onChange={(e) => change(index, { start: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`Duration of ${name} (hours)`}
                        className="input-narrow"
                        type="number"
                        min={0}
                        step="any"
                        value={row.duration}
                        onChange={(e) => change(index, { duration: e.target.value })}
                      />
                    </td>
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="button button-link button-small"
                        onClick={() => setRows(rows.filter((_, i) => i !== index))}
                      >
                        Remove<span className="visually-hidden"> {name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-service`}>Failed service</label>
          <div className="input-with-button">
            <select id={`${id}-service`} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">Choose a service you can see…</option>
              {services
                .filter((s) => !chosen.has(s.id))
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} — {s.organisation.name} ({sectorName(s.sector)})
                  </option>
                ))}
            </select>
            <button type="button" className="button button-secondary" onClick={add} disabled={!choice}>
              Add
            </button>
          </div>
        </div>
      </div>
      <div className="form-row form-row-top">
        <div className="field field-grow">
          <label htmlFor={`${id}-incident`}>Or an incident (id)</label>
          <input
            id={`${id}-incident`}
            value={incidentId}
            placeholder="e.g. 0b6c…"
            aria-describedby={`${id}-incident-hint`}
            onChange={(e) => setIncidentId(e.target.value)}
          />
          <p id={`${id}-incident-hint`} className="hint">
            Its affected services that you can see start the simulation.
          </p>
        </div>
        <ChoiceField
          label="Horizon"
          value={horizon}
          choices={["24", "72", "168", "336", "720"]}
          nameOf={(h) =>
            h === "24" ? "1 day" : h === "72" ? "3 days" : h === "168" ? "1 week" : h === "336" ? "2 weeks" : "30 days"
          }
          onChange={setHorizon}
        />
      </div>
      <FormActions error={error} busy={busy} label="Simulate" busyLabel="Simulating…" />
    </form>
  );
}
