// The originator's form to relabel an item (and adjust its audience to fit the new label).
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../shared/policy.js";
import { itemsApi } from "../data/endpoints.js";
import type { AudienceIds, Item } from "../data/types.js";
import { useDirectory } from "../hooks/use-directory.js";
import { useLabelledAudience } from "../hooks/use-labelled-audience.js";
import { useSubmit } from "../hooks/use-submit.js";
import { ErrorAlert } from "./alert.js";
import { AudiencePicker } from "./audience-picker.js";
import { FormActions } from "./form-actions.js";
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
  const { tlp, chooseTlp, audience, setAudience } = useLabelledAudience(item.tlp, original);
  const [reason, setReason] = useState("");
  const { busy, error, setError, refuse, send } = useSubmit();
  const problem = audienceProblem(tlp, audience);
  const unchanged = tlp === item.tlp && sameAudience(audience, original);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      refuse(problem);
      return;
    }
    await send(async () => {
      const body = sameAudience(audience, original) ? { tlp, reason: reason.trim() } : { tlp, audience, reason: reason.trim() };
      onChanged(await itemsApi.changeLabel(item.id, body));
    });
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
          chooseTlp(next);
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
      <FormActions
        error={error}
        busy={busy}
        label="Change label"
        busyLabel="Saving…"
        disabled={unchanged || !directory.data}
        onCancel={onCancel}
      />
    </form>
  );
}
