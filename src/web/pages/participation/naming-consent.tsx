// The organisation's own choice whether insight reports may name it beside its lessons learned (off by default).
import { type FormEvent, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { participationApi } from "../../data/endpoints.js";
import { useSubmit } from "../../hooks/use-submit.js";

/** The form; `named` is the saved choice. */
export function NamingConsent({ organisation, named }: { organisation: string; named: boolean }) {
  const [saved, setSaved] = useState(named);
  const [draft, setDraft] = useState(named);
  const [done, setDone] = useState(false);
  const { busy, error, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    await send(async () => {
      await participationApi.setNaming(draft);
      setSaved(draft);
      setDone(true);
    });
  };

  return (
    <section className="section" aria-labelledby="naming-heading">
      <h2 id="naming-heading">Named in insight reports</h2>
      <p>
        Strategic insight reports are anonymous: they count, but do not name. An organisation may choose to be named beside the
        lessons learned it shared, to be credited for them.
      </p>
      <form onSubmit={submit}>
        <div className="field field-check">
          <label className="check">
            <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} />
            <span>Name {organisation} beside its lessons learned in insight reports</span>
          </label>
        </div>
        <ErrorAlert error={error} />
        {done && (
          <Notice kind="success">
            <p>{saved ? `${organisation} will be named in insight reports.` : `${organisation} will not be named.`}</p>
          </Notice>
        )}
        <button type="submit" className="button button-secondary" disabled={busy || draft === saved}>
          {busy ? "Saving…" : "Save"}
        </button>
      </form>
    </section>
  );
}
