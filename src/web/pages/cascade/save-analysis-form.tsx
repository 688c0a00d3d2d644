// Saves a simulation as an analysis report: title, a label no looser than what the result names, and audience.
import { type FormEvent, useId, useState } from "react";
import { audienceProblem } from "../../../shared/policy.js";
import { AudiencePicker, type Directory } from "../../components/audience-picker.js";
import { FormActions } from "../../components/form-actions.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { interdependenciesApi } from "../../data/endpoints.js";
import type { SimulateRequest, SimulationResult } from "../../data/types.js";
import { useLabelledAudience } from "../../hooks/use-labelled-audience.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { navigate } from "../../router/router.js";

/** Saves and opens the new analysis item. */
export function SaveAnalysisForm({
  request,
  result,
  directory,
  defaultTitle,
}: {
  request: SimulateRequest;
  result: SimulationResult;
  directory: Directory;
  defaultTitle: string;
}) {
  const id = useId();
  const [title, setTitle] = useState(defaultTitle);
  const { tlp, chooseTlp, audience, setAudience } = useLabelledAudience(result.minimumLabel);
  const { busy, error, refuse, send } = useSubmit({ closes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      refuse("Give the analysis a title.");
      return;
    }
    const problem = audienceProblem(tlp, audience);
    if (problem) {
      refuse(problem);
      return;
    }
    await send(async () => {
      const item = await interdependenciesApi.saveAnalysis({ simulation: request, title: title.trim(), tlp, audience });
      navigate(`/items/${item.id}`);
    });
  };

  return (
    <form onSubmit={submit} aria-label="Save as an analysis" noValidate>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <TlpSelect
        value={tlp}
        onChange={chooseTlp}
        minimum={result.minimumLabel}
        hint={`The result names services labelled up to ${result.minimumLabel}; the analysis is at least that.`}
      />
      <AudiencePicker tlp={tlp} value={audience} onChange={setAudience} directory={directory} />
      <FormActions error={error} busy={busy} label={`Save as ${tlp}`} busyLabel="Saving…" />
    </form>
  );
}
