// The originator's form to relabel an item (and adjust its audience to fit the new label).
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../shared/policy.js";
import type { TlpLabel } from "../../shared/tlp.js";
import { itemsApi } from "../data/endpoints.js";
import type { AudienceIds, Item } from "../data/types.js";
import { useDirectory } from "../hooks/use-directory.js";
import { ErrorAlert } from "./alert.js";
import { AudiencePicker, fitAudience } from "./audience-picker.js";
import { Loading } from "./loading.js";
import { TlpSelect } from "./tlp-select.js";

function audienceIds(item: Item): AudienceIds {
  return {
    exchange: item.audience.exchange,
    organisations: item.audience.organisations.map((o) => o.id),
    groups: item.audience.groups.map((g) => g.id),
    persons: item.audience.persons.map((p) => p.id),
  };
}

function sameAudience(a: AudienceIds, b: AudienceIds): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && [...x].sort().join() === [...y].sort().join();
  return (
    a.exchange === b.exchange && same(a.organisations, b.organisations) && same(a.groups, b.groups) && same(a.persons, b.persons)
  );
}

/** Change the label of `item`; calls `onChanged` with the server's updated item. */
export function ChangeLabelForm({
  item,
  onChanged,
  onCancel,
}: {
  item: Item;
  onChanged: (item: Item) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const directory = useDirectory();
  const original = audienceIds(item);
  const [tlp, setTlp] = useState<TlpLabel>(item.tlp);
  const [audience, setAudience] = useState<AudienceIds>(original);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problem = audienceProblem(tlp, audience);
  const unchanged = tlp === item.tlp && sameAudience(audience, original);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      setError(new Error(problem));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = sameAudience(audience, original) ? { tlp, reason: reason.trim() } : { tlp, audience, reason: reason.trim() };
      onChanged(await itemsApi.changeLabel(item.id, body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Change the label</h3>
      <p className="hint">
        Only the originating organisation may relabel. The change and its reason are kept in the label history.
      </p>
      <TlpSelect
        label="New label"
        value={tlp}
        onChange={(next) => {
          setTlp(next);
          setAudience((current) => fitAudience(next, current));
          setError(null);
        }}
      />
      {directory.loading && <Loading label="Loading recipients…" />}
      <ErrorAlert error={directory.error} />
      {directory.data && (
        <AudiencePicker
          tlp={tlp}
          value={audience}
          onChange={(next) => {
            setAudience(next);
            setError(null);
          }}
          directory={directory.data}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          maxLength={1000}
          value={reason}
          aria-describedby={`${id}-reason-hint`}
          onChange={(e) => setReason(e.target.value)}
        />
        <p id={`${id}-reason-hint`} className="hint">
          For example: "The vendor published an advisory; downgraded to TLP:CLEAR."
        </p>
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy || unchanged || !directory.data}>
          {busy ? "Saving…" : "Change label"}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
