// /import: bring a STIX 2.1 bundle or a MISP event file into the exchange — format, audience, the label of unmarked
// objects (never guessed), then the counts and skipped objects, or every problem by path (nothing was imported).
import { type FormEvent, useId, useState } from "react";
import { isTlpLabel, TLP_LABELS, TLP_MEANING, type TlpLabel } from "../../shared/tlp.js";
import { ErrorAlert } from "../components/alert.js";
import { SubmitButton } from "../components/form-actions.js";
import { ApiError } from "../data/client.js";
import { stixApi } from "../data/endpoints.js";
import type { ImportFormat, ImportOptions, ImportSummary } from "../data/types.js";
import { useSubmit } from "../hooks/use-submit.js";
import { useTitle } from "../hooks/use-title.js";
import { focusById } from "../lib/focus.js";
import { formatBytes } from "../lib/format.js";
import { useRequiredSession } from "../session/session.js";
import { ImportIssues, ImportResult, issuesOf } from "./import/import-result.js";

const FORMATS: { value: ImportFormat; label: string; hint: string }[] = [
  { value: "stix", label: "STIX 2.1 bundle", hint: "A bundle of STIX objects; all of it is imported, or none of it." },
  {
    value: "misp",
    label: "MISP event",
    hint: "MISP core JSON: attributes become indicators, the event a report; its tlp: tags give the labels.",
  },
];

/** One import and its answer: counts, or the problems that stopped it. */
type Outcome =
  | { ok: true; file: string; format: ImportFormat; summary: ImportSummary }
  | { ok: false; file: string; error: ApiError };

/** The label of unmarked objects: none (they are refused) or one TLP label. */
function UnmarkedLabelField({ value, onChange }: { value: TlpLabel | null; onChange: (label: TlpLabel | null) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor="import-tlp">Label for objects without a TLP marking</label>
      <select
        id="import-tlp"
        value={value ?? ""}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(isTlpLabel(e.target.value) ? e.target.value : null)}
      >
        <option value="">None: refuse unmarked objects</option>
        {TLP_LABELS.map((label) => (
          <option key={label} value={label}>
            {label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint" aria-live="polite">
        Roundtable never guesses a label: objects that carry no TLP marking are refused unless you choose one here.
        {value && ` ${TLP_MEANING[value]}`}
      </p>
    </div>
  );
}

/** The import page. */
export function ImportPage() {
  useTitle("Import");
  const { person } = useRequiredSession();
  const [format, setFormat] = useState<ImportFormat>("stix");
  const [file, setFile] = useState<File | null>(null);
  const [audience, setAudience] = useState<ImportOptions["audience"]>("exchange");
  const [tlp, setTlp] = useState<TlpLabel | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { busy, error, setError, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    if (!file) {
      refuse("Choose a file to import.");
      return;
    }
    await send(async () => {
      try {
        const summary = await stixApi.import(format, file, { audience, tlp });
        setOutcome({ ok: true, file: file.name, format, summary });
      } catch (e) {
        // A rejected bundle is an answer, not a failure of the form: it gets its own list of problems.
        if (e instanceof ApiError && e.code === "stix_invalid") setOutcome({ ok: false, file: file.name, error: e });
        else throw e;
      }
      focusById("import-outcome");
    });
  };

  const unmarkedRefused =
    outcome?.ok === false && tlp === null && issuesOf(outcome.error).some((i) => /never guess/i.test(i.message));

  return (
    <>
      <h1>Import</h1>
      <p className="lead">
        Bring indicators, reports and other intelligence from a STIX 2.1 bundle or a MISP event into the exchange. Each object
        keeps the TLP label its marking gives; an object already here is updated only when the file holds a newer version.
      </p>
      <form className="form-wide" onSubmit={submit} noValidate>
        <fieldset>
          <legend>Format</legend>
          <div className="radios radios-described">
            {FORMATS.map((f) => (
              <label key={f.value} className="check">
                <input
                  type="radio"
                  name="import-format"
                  value={f.value}
                  checked={format === f.value}
                  onChange={() => setFormat(f.value)}
                />
                <span>
                  {f.label}
                  <span className="hint">{f.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="import-file">File</label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json,application/stix+json"
            aria-describedby="import-file-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              setOutcome(null);
            }}
          />
          <p id="import-file-hint" className="hint">
            {file ? `${file.name}, ${formatBytes(file.size)}.` : "A .json file."} It is validated strictly before anything is
            stored.
          </p>
        </div>
        <fieldset>
          <legend>Audience</legend>
          <div className="radios">
            <label className="check">
              <input
                type="radio"
                name="import-audience"
                checked={audience === "exchange"}
                onChange={() => setAudience("exchange")}
              />
              <span>The whole exchange</span>
            </label>
            <label className="check">
              <input
                type="radio"
                name="import-audience"
                checked={audience === "organisation"}
                onChange={() => setAudience("organisation")}
              />
              <span>Only {person.organisationName}</span>
            </label>
          </div>
          <p className="hint">TLP:RED objects go to named persons only, so they cannot be imported for a whole audience.</p>
        </fieldset>
        <UnmarkedLabelField value={tlp} onChange={setTlp} />
        <ErrorAlert error={error} />
        <div className="actions">
          <SubmitButton busy={busy} label="Import" busyLabel="Importing…" />
        </div>
      </form>

      {outcome && (
        <section className="section import-outcome" aria-labelledby="import-outcome" data-testid="import-outcome">
          {outcome.ok ? (
            <ImportResult file={outcome.file} summary={outcome.summary} />
          ) : (
            <ImportIssues file={outcome.file} error={outcome.error}>
              {unmarkedRefused && (
                <p>
                  Objects without a TLP marking were refused. <a href="#import-tlp">Choose a label for them</a> if you know it,
                  and import again.
                </p>
              )}
            </ImportIssues>
          )}
        </section>
      )}
    </>
  );
}
