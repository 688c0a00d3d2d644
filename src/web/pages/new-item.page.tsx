// /items/new[?kind=…]: the post form — kind, title, markdown body, the kind's own fields, sectors, label, audience, anonymity.
import { type FormEvent, useEffect, useState } from "react";
import { ITEM_KINDS, type ItemKind, KINDS } from "../../shared/kinds.js";
import { audienceProblem } from "../../shared/policy.js";
import { SECTORS } from "../../shared/schemas/common.js";
import type { TlpLabel } from "../../shared/tlp.js";
import { ErrorAlert } from "../components/alert.js";
import { AudiencePicker, type Directory } from "../components/audience-picker.js";
import { CheckboxList } from "../components/checkbox-list.js";
import { DetailsFields } from "../components/details-fields.js";
import { FieldError } from "../components/field-error.js";
import { FormActions } from "../components/form-actions.js";
import { KindPicker } from "../components/kind-picker.js";
import { Loading } from "../components/loading.js";
import { MarkdownEditor } from "../components/markdown-editor.js";
import { TlpSelect } from "../components/tlp-select.js";
import { itemsApi } from "../data/endpoints.js";
import type { AudienceIds, CreateItemRequest, Sector } from "../data/types.js";
import { useDirectory } from "../hooks/use-directory.js";
import { useFieldSubmit } from "../hooks/use-field-submit.js";
import { useLabelledAudience } from "../hooks/use-labelled-audience.js";
import { useTitle } from "../hooks/use-title.js";
import {
  type Draft,
  type DraftValue,
  detailsErrors,
  detailsFromDraft,
  type FieldErrors,
  initialDraft,
} from "../lib/details-draft.js";
import { sectorName } from "../lib/format.js";
import { navigate, useSearchParams } from "../router/router.js";

const EMPTY_DIRECTORY: Directory = {
  organisations: [],
  groups: [],
  persons: [],
};
const SECTOR_CHOICES = SECTORS.map((s) => ({ value: s, label: sectorName(s) }));

function kindFrom(value: string | null): ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(value ?? "") ? (value as ItemKind) : "warning";
}

/** The page for posting a new item. */
export function NewItemPage() {
  useTitle("Post an item");
  const directory = useDirectory();
  const kindParam = useSearchParams().get("kind");
  const [kind, setKind] = useState<ItemKind>(() => kindFrom(kindParam));
  // A link to /items/new?kind=… while already on the form switches the kind.
  useEffect(() => {
    if (kindParam) setKind(kindFrom(kindParam));
  }, [kindParam]);
  const [drafts, setDrafts] = useState<Partial<Record<ItemKind, Draft>>>({});
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [sectors, setSectors] = useState<Sector[]>([]);
  const { tlp, chooseTlp, audience, setAudience } = useLabelledAudience("TLP:AMBER");
  const [anonymous, setAnonymous] = useState(false);
  const [statisticsConsent, setStatisticsConsent] = useState(false);
  const { busy, error, setError, refuse, fieldErrors, setFieldErrors, fail, send } = useFieldSubmit({ closes: true });
  const problem = audienceProblem(tlp, audience);
  // Without the directory the whole exchange is still a valid audience for most labels.
  const choices = directory.data ?? (directory.error ? EMPTY_DIRECTORY : null);
  const draft = drafts[kind] ?? initialDraft(kind);

  const changeTlp = (next: TlpLabel) => {
    chooseTlp(next);
    setError(null);
  };
  const changeAudience = (next: AudienceIds) => {
    setAudience(next);
    setError(null);
  };
  const changeKind = (next: ItemKind) => {
    setKind(next);
    setFieldErrors({});
    setError(null);
  };
  const changeDetail = (path: string, value: DraftValue) => {
    setDrafts((all) => ({ ...all, [kind]: { ...(all[kind] ?? initialDraft(kind)), [path]: value } }));
    setFieldErrors(({ [`details.${path}`]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const details = detailsFromDraft(kind, draft);
    const errors: FieldErrors = details.ok
      ? {}
      : Object.fromEntries(Object.entries(details.errors).map(([k, v]) => [`details.${k}`, v]));
    if (!title.trim()) errors.title = "Give the item a title.";
    if (Object.keys(errors).length > 0) {
      fail("Some fields need attention; see the messages next to them.", errors);
      return;
    }
    if (problem) {
      refuse(problem);
      return;
    }
    if (!details.ok) return;
    await send(async () => {
      // The kind is chosen at run time, so TypeScript cannot pick the union member; the details were
      // just validated against that kind's own schema.
      const item = await itemsApi.create({
        kind,
        title: title.trim(),
        body,
        sectors,
        tlp,
        audience,
        anonymous,
        statisticsConsent,
        details: details.details,
      } as CreateItemRequest);
      navigate(`/items/${item.id}`);
    });
  };

  return (
    <>
      <h1>Post an item</h1>
      <form className="form-wide" onSubmit={submit} noValidate>
        <KindPicker value={kind} onChange={changeKind} />
        <div className="field">
          <label htmlFor="item-title-input">Title</label>
          <input
            id="item-title-input"
            required
            maxLength={300}
            value={title}
            aria-invalid={fieldErrors.title ? true : undefined}
            aria-describedby={fieldErrors.title ? "item-title-error" : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              setFieldErrors(({ title: _, ...rest }) => rest);
            }}
          />
          <FieldError id="item-title-error" message={fieldErrors.title} />
        </div>
        <MarkdownEditor label="Body" value={body} onChange={setBody} maxLength={200_000} rows={10} />
        <section className="details-section" aria-labelledby="details-heading">
          <h2 id="details-heading">{KINDS[kind].name}: details</h2>
          <DetailsFields kind={kind} draft={draft} errors={detailsErrors(fieldErrors)} onChange={changeDetail} />
        </section>
        <CheckboxList
          legend="Sectors"
          hint="The sectors this concerns (optional)."
          choices={SECTOR_CHOICES}
          selected={sectors}
          onChange={(next) => setSectors(next as Sector[])}
          filterable={false}
          inline
        />
        <TlpSelect value={tlp} onChange={changeTlp} />
        {directory.loading && <Loading label="Loading organisations, groups and persons…" />}
        <ErrorAlert error={directory.error} />
        {choices && <AudiencePicker tlp={tlp} value={audience} onChange={changeAudience} directory={choices} />}
        <fieldset>
          <legend>Originator and statistics</legend>
          <div className="field field-check">
            <label className="check">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
              <span>Post anonymously (your organisation's name is hidden from everyone else, including the secretariat)</span>
            </label>
            <p className="hint">Others see a pseudonym. Your own organisation still sees the item as yours.</p>
          </div>
          <div className="field field-check">
            <label className="check">
              <input type="checkbox" checked={statisticsConsent} onChange={(e) => setStatisticsConsent(e.target.checked)} />
              <span>Allow anonymised statistics</span>
            </label>
            <p className="hint">The item may be counted in the exchange's statistics without naming your organisation.</p>
          </div>
        </fieldset>
        <FormActions
          error={error}
          busy={busy}
          label={`Post as ${tlp}`}
          busyLabel="Posting…"
          disabled={!choices}
          onCancel={() => window.history.back()}
        />
      </form>
    </>
  );
}
