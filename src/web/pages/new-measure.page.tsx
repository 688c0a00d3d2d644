// /measures/new: propose a preparedness measure — title, the measure (markdown), rationale, the sectors and kinds of
// organisation it applies to, the items it answers, label and audience.
import { type FormEvent, useState } from "react";
import { audienceProblem } from "../../shared/policy.js";
import { ORGANISATION_KINDS, SECTORS } from "../../shared/schemas/common.js";
import { ErrorAlert } from "../components/alert.js";
import type { Directory } from "../components/audience-picker.js";
import { AudiencePicker } from "../components/audience-picker.js";
import { CheckboxList } from "../components/checkbox-list.js";
import { FieldError } from "../components/field-error.js";
import { FormActions } from "../components/form-actions.js";
import { Loading } from "../components/loading.js";
import { MarkdownEditor } from "../components/markdown-editor.js";
import { TlpSelect } from "../components/tlp-select.js";
import { measuresApi } from "../data/endpoints.js";
import type { OrganisationKind, Sector } from "../data/types.js";
import { useDirectory } from "../hooks/use-directory.js";
import { useLabelledAudience } from "../hooks/use-labelled-audience.js";
import { useSubmit } from "../hooks/use-submit.js";
import { useTitle } from "../hooks/use-title.js";
import { type FieldErrors, fieldErrorsFromApi } from "../lib/details-draft.js";
import { focusFirstInvalid } from "../lib/focus.js";
import { organisationKindName, sectorName } from "../lib/format.js";
import { navigate } from "../router/router.js";
import { type LinkedItem, LinkedItemsField } from "./measures/linked-items-field.js";

const EMPTY_DIRECTORY: Directory = { organisations: [], groups: [], persons: [] };
const SECTOR_CHOICES = SECTORS.map((s) => ({ value: s, label: sectorName(s) }));
const KIND_CHOICES = ORGANISATION_KINDS.map((k) => ({ value: k, label: organisationKindName(k) }));

/** The page for proposing a measure. */
export function NewMeasurePage() {
  useTitle("Propose a measure");
  const directory = useDirectory();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [rationale, setRationale] = useState("");
  const [sectors, setSectors] = useState<Sector[]>([]);
  const [kinds, setKinds] = useState<OrganisationKind[]>([...ORGANISATION_KINDS]);
  const [linked, setLinked] = useState<LinkedItem[]>([]);
  const { tlp, chooseTlp, audience, setAudience } = useLabelledAudience("TLP:GREEN");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const { busy, error, setError, send } = useSubmit({ closes: true });
  const choices = directory.data ?? (directory.error ? EMPTY_DIRECTORY : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!title.trim()) errors.title = "Give the measure a title.";
    if (sectors.length === 0) errors.appliesToSectors = "Choose at least one sector.";
    if (kinds.length === 0) errors.appliesToKinds = "Choose at least one kind of organisation.";
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      setError(new Error("Some fields need attention; see the messages next to them."));
      focusFirstInvalid();
      return;
    }
    const problem = audienceProblem(tlp, audience);
    if (problem) {
      setError(new Error(problem));
      return;
    }
    await send(async () => {
      try {
        const measure = await measuresApi.propose({
          title: title.trim(),
          body,
          ...(rationale.trim() ? { rationale: rationale.trim() } : {}),
          sectors,
          appliesToSectors: sectors,
          appliesToKinds: kinds,
          linkedItemIds: linked.map((l) => l.id),
          tlp,
          audience,
        });
        navigate(`/measures/${measure.id}`);
      } catch (e) {
        setFieldErrors(fieldErrorsFromApi(e));
        throw e;
      }
    });
  };

  return (
    <>
      <h1>Propose a measure</h1>
      <p className="lead">
        A measure the organisations of some sectors should take. The exchange discusses it in its thread; the chairs or a meeting
        adopt it with a target date, and each organisation it applies to then reports how it implements it.
      </p>
      <form className="form-wide" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="measure-title">Title</label>
          <input
            id="measure-title"
            maxLength={300}
            value={title}
            aria-invalid={fieldErrors.title ? true : undefined}
            aria-describedby={fieldErrors.title ? "measure-title-error" : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
          <FieldError id="measure-title-error" message={fieldErrors.title} />
        </div>
        <MarkdownEditor
          label="The measure"
          hint="What organisations should do, and how to tell it is done. Markdown."
          value={body}
          onChange={setBody}
          rows={8}
          maxLength={200_000}
        />
        <div className="field">
          <label htmlFor="measure-rationale">Rationale</label>
          <textarea
            id="measure-rationale"
            rows={4}
            maxLength={10_000}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
          />
          <p className="hint">Why the exchange should adopt it: the incidents, threats or gaps behind it.</p>
        </div>
        <div className="field">
          <CheckboxList
            legend="Applies to sectors"
            choices={SECTOR_CHOICES}
            selected={sectors}
            onChange={(next) => setSectors(next as Sector[])}
            filterable={false}
            inline
          />
          <FieldError id="measure-sectors-error" message={fieldErrors.appliesToSectors} />
        </div>
        <div className="field">
          <CheckboxList
            legend="Applies to kinds of organisation"
            choices={KIND_CHOICES}
            selected={kinds}
            onChange={(next) => setKinds(next as OrganisationKind[])}
            filterable={false}
            inline
          />
          <FieldError id="measure-kinds-error" message={fieldErrors.appliesToKinds} />
        </div>
        <LinkedItemsField value={linked} onChange={setLinked} />
        <TlpSelect value={tlp} onChange={chooseTlp} hint="The measure, its thread and its counts reach this audience." />
        {directory.loading && <Loading label="Loading organisations, groups and persons…" />}
        <ErrorAlert error={directory.error} />
        {choices && <AudiencePicker tlp={tlp} value={audience} onChange={setAudience} directory={choices} />}
        <FormActions
          error={error}
          busy={busy}
          label={`Propose as ${tlp}`}
          busyLabel="Proposing…"
          disabled={!choices}
          onCancel={() => window.history.back()}
        />
      </form>
    </>
  );
}
