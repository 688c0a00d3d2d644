// /items/:id/edit: the originator edits title, body, sectors and the kind's details; the edit becomes a new version.
import { type FormEvent, useState } from "react";
import { KINDS } from "../../shared/kinds.js";
import { SECTORS } from "../../shared/schemas/common.js";
import { ErrorAlert } from "../components/alert.js";
import { CheckboxList } from "../components/checkbox-list.js";
import { DetailsFields } from "../components/details-fields.js";
import { FieldError } from "../components/field-error.js";
import { FormActions } from "../components/form-actions.js";
import { Loading } from "../components/loading.js";
import { MarkdownEditor } from "../components/markdown-editor.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { ApiError } from "../data/client.js";
import { itemsApi } from "../data/endpoints.js";
import type { Item, Sector } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useFieldSubmit } from "../hooks/use-field-submit.js";
import { useTitle } from "../hooks/use-title.js";
import {
  type Draft,
  type DraftValue,
  detailsErrors,
  detailsFromDraft,
  draftFromDetails,
  type FieldErrors,
} from "../lib/details-draft.js";
import { sectorName } from "../lib/format.js";
import { Link, navigate } from "../router/router.js";

const SECTOR_CHOICES = SECTORS.map((s) => ({ value: s, label: sectorName(s) }));

function EditForm({ item }: { item: Item }) {
  const [title, setTitle] = useState(item.title);
  const [body, setBody] = useState(item.body);
  const [sectors, setSectors] = useState<Sector[]>(item.sectors);
  const [draft, setDraft] = useState<Draft>(() => draftFromDetails(item.kind, item.details));
  const { busy, error, fieldErrors, setFieldErrors, fail, send } = useFieldSubmit({ closes: true });

  const changeDetail = (path: string, value: DraftValue) => {
    setDraft((current) => ({ ...current, [path]: value }));
    setFieldErrors(({ [`details.${path}`]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const details = detailsFromDraft(item.kind, draft);
    const errors: FieldErrors = details.ok
      ? {}
      : Object.fromEntries(Object.entries(details.errors).map(([k, v]) => [`details.${k}`, v]));
    if (!title.trim()) errors.title = "Give the item a title.";
    if (!details.ok || Object.keys(errors).length > 0) {
      fail("Some fields need attention; see the messages next to them.", errors);
      return;
    }
    await send(async () => {
      await itemsApi.update(item.id, { title: title.trim(), body, sectors, details: details.details });
      navigate(`/items/${item.id}`);
    });
  };

  return (
    <form className="form-wide" onSubmit={submit} noValidate>
      <p className="lead">
        {KINDS[item.kind].name} · <TlpBadge label={item.tlp} /> · version {item.version}. Saving creates version{" "}
        {item.version + 1}; earlier versions stay in the history. The label is changed separately, on the item page.
      </p>
      <div className="field">
        <label htmlFor="edit-title">Title</label>
        <input
          id="edit-title"
          required
          maxLength={300}
          value={title}
          aria-invalid={fieldErrors.title ? true : undefined}
          aria-describedby={fieldErrors.title ? "edit-title-error" : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
        <FieldError id="edit-title-error" message={fieldErrors.title} />
      </div>
      <MarkdownEditor label="Body" value={body} onChange={setBody} maxLength={200_000} />
      <section className="details-section" aria-labelledby="details-heading">
        <h2 id="details-heading">{KINDS[item.kind].name}: details</h2>
        <DetailsFields kind={item.kind} draft={draft} errors={detailsErrors(fieldErrors)} onChange={changeDetail} />
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
      <FormActions error={error} busy={busy} label="Save changes" busyLabel="Saving…" cancelTo={`/items/${item.id}`} />
    </form>
  );
}

/** The page for editing one's own item. */
export function EditItemPage({ id }: { id: string }) {
  const item = useApi((signal) => itemsApi.get(id, { signal }), [id]);
  useTitle(item.data ? `Edit: ${item.data.title}` : "Edit item");
  if (item.loading && !item.data) {
    return (
      <>
        <h1>Edit item</h1>
        <Loading label="Loading the item…" />
      </>
    );
  }
  if (item.error || !item.data) {
    const missing = item.error instanceof ApiError && item.error.code === "not_found";
    return (
      <>
        <h1>{missing ? "Item not found" : "Could not load the item"}</h1>
        {missing ? <p>This item does not exist, or it was not shared with you.</p> : <ErrorAlert error={item.error} />}
        <p>
          <Link to="/">Back to the feed</Link>
        </p>
      </>
    );
  }
  if (!item.data.own || item.data.federated) {
    return (
      <>
        <h1>Edit item</h1>
        <p>
          {item.data.federated
            ? "This item came from a peer exchange: it is read-only here."
            : "Only the originating organisation can edit this item."}
        </p>
        <p>
          <Link to={`/items/${id}`}>Back to the item</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Edit “{item.data.title}”</h1>
      <EditForm item={item.data} />
    </>
  );
}
