// Runs the inoperability input-output model: an initial inoperability (c*) per sector in, q = (I − A)⁻¹ c* out as bars.
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { SubmitButton } from "../../components/form-actions.js";
import { ShareBars } from "../../components/share-bars.js";
import { interdependenciesApi } from "../../data/endpoints.js";
import type { IimSolution, Sector } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { sectorName } from "../../lib/format.js";

/** The perturbation inputs (in %) for `sectors` and the solution. */
export function PerturbationForm({ sectors }: { sectors: readonly string[] }) {
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const [solution, setSolution] = useState<{ result: IimSolution; perturbed: Set<string> } | null>(null);
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const perturbation: Record<string, number> = {};
    for (const sector of sectors) {
      const text = (values[sector] ?? "").trim();
      if (!text) continue;
      const percent = Number(text);
      if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
        refuse(`${sectorName(sector as Sector)}: give a share from 0 to 100 %.`);
        return;
      }
      if (percent > 0) perturbation[sector] = percent / 100;
    }
    if (Object.keys(perturbation).length === 0) {
      refuse("Give at least one sector an initial inoperability.");
      return;
    }
    await send(async () => {
      const result = await interdependenciesApi.solveIim(perturbation);
      setSolution({ result, perturbed: new Set(Object.keys(perturbation)) });
    });
  };

  return (
    <>
      <form className="card form-card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
        <h3 id={`${id}-heading`}>Initial inoperability</h3>
        <p className="hint">How much of each sector's operability a disruption takes away directly (c*), in per cent.</p>
        <div className="perturbation-grid">
          {sectors.map((sector) => (
            <div className="field field-compact" key={sector}>
              <label htmlFor={`${id}-${sector}`}>{sectorName(sector as Sector)} (%)</label>
              <input
                id={`${id}-${sector}`}
                type="number"
                min={0}
                max={100}
                step="any"
                inputMode="decimal"
                value={values[sector] ?? ""}
                placeholder="0"
                onChange={(e) => setValues({ ...values, [sector]: e.target.value })}
              />
            </div>
          ))}
        </div>
        <ErrorAlert error={error} />
        <SubmitButton busy={busy} label="Solve" busyLabel="Solving…" />
      </form>
      {solution && (
        <div className="subsection" data-testid="iim-solution">
          <h3>Inoperability per sector (q)</h3>
          <ShareBars
            label="Inoperability per sector after interdependencies"
            bars={solution.result.inoperability.map((entry) => ({
              label: sectorName(entry.sector as Sector),
              value: entry.q,
              emphasis: solution.perturbed.has(entry.sector),
            }))}
          />
          <p className="hint">Darker bars: sectors disrupted directly; the others are affected through their dependencies.</p>
        </div>
      )}
    </>
  );
}
