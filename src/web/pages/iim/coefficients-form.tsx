// The secretariat's editor of the IIM coefficients: which sectors take part, and the sector × sector matrix (0–1).
import { type FormEvent, useId, useState } from "react";
import { SECTORS } from "../../../shared/schemas/common.js";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { CheckboxList } from "../../components/checkbox-list.js";
import { SubmitButton } from "../../components/form-actions.js";
import { interdependenciesApi } from "../../data/endpoints.js";
import type { IimCoefficients, Sector } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { sectorName } from "../../lib/format.js";

const SECTOR_CHOICES = SECTORS.map((s) => ({ value: s, label: sectorName(s) }));
const cell = (row: string, column: string) => `${row}|${column}`;

/** The current matrix as input texts keyed "row|column". */
function cellsOf(current: IimCoefficients): Record<string, string> {
  const cells: Record<string, string> = {};
  current.sectors.forEach((row, i) => {
    current.sectors.forEach((column, j) => {
      const value = current.coefficients[i]?.[j];
      if (value) cells[cell(row, column)] = String(value);
    });
  });
  return cells;
}

/** Edits and saves the coefficients; `onSaved` receives what the server stored. */
export function CoefficientsForm({ current, onSaved }: { current: IimCoefficients; onSaved: (saved: IimCoefficients) => void }) {
  const id = useId();
  const [sectors, setSectors] = useState<Sector[]>(() =>
    current.sectors.length ? SECTORS.filter((s) => current.sectors.includes(s)) : [...SECTORS],
  );
  const [cells, setCells] = useState<Record<string, string>>(() => cellsOf(current));
  const [saved, setSaved] = useState(false);
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sectors.length === 0) {
      refuse("Choose at least one sector.");
      return;
    }
    const coefficients: number[][] = [];
    for (const row of sectors) {
      const line: number[] = [];
      for (const column of sectors) {
        const text = (cells[cell(row, column)] ?? "").trim();
        const value = text === "" ? 0 : Number(text);
        if (!Number.isFinite(value) || value < 0 || value > 1) {
          refuse(`${sectorName(row)} on ${sectorName(column)}: a coefficient is from 0 to 1.`);
          return;
        }
        line.push(row === column ? 0 : value);
      }
      coefficients.push(line);
    }
    // The model has a solution only when every column adds up to less than 1.
    const full = sectors.find((_, j) => coefficients.reduce((sum, line) => sum + (line[j] ?? 0), 0) >= 1);
    if (full) {
      refuse(`The coefficients in the ${sectorName(full)} column add up to 1 or more; every column must add up to less than 1.`);
      return;
    }
    setSaved(false);
    await send(async () => {
      onSaved(await interdependenciesApi.setIim({ sectors, coefficients }));
      setSaved(true);
    });
  };

  return (
    <form onSubmit={submit} aria-label="Edit the coefficients" noValidate>
      <CheckboxList
        legend="Sectors in the model"
        choices={SECTOR_CHOICES}
        selected={sectors}
        onChange={(next) => setSectors(next as Sector[])}
        filterable={false}
        inline
      />
      <div className="table-wrap matrix-wrap">
        <table className="matrix">
          <caption>
            Coefficient a(row, column): the row sector's inoperability per unit inoperability of the column sector.
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Sector affected</span>
              </th>
              {sectors.map((column) => (
                <th key={column} scope="col">
                  {sectorName(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sectors.map((row) => (
              <tr key={row}>
                <th scope="row">{sectorName(row)}</th>
                {sectors.map((column) => (
                  <td key={column}>
                    {row === column ? (
                      <span className="muted">—</span>
                    ) : (
                      <input
                        id={`${id}-${row}-${column}`}
                        aria-label={`${sectorName(row)} depends on ${sectorName(column)}`}
                        type="number"
                        min={0}
                        max={1}
                        step="0.01"
                        inputMode="decimal"
                        value={cells[cell(row, column)] ?? ""}
                        placeholder="0"
                        onChange={(e) => setCells({ ...cells, [cell(row, column)]: e.target.value })}
                      />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorAlert error={error} />
      {saved && (
        <Notice kind="success">
          <p>The coefficients were saved.</p>
        </Notice>
      )}
      <SubmitButton busy={busy} label="Save the coefficients" busyLabel="Saving…" />
    </form>
  );
}
