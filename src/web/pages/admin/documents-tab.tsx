// Admin: publish a new version of the Terms of Reference or the NDA (everyone must accept it again).
import { type FormEvent, useState } from "react";
import { DOCUMENT_KINDS } from "../../../shared/schemas/documents.schemas.js";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { ChoiceField } from "../../components/choice-field.js";
import { DateTime } from "../../components/date-time.js";
import { FormActions } from "../../components/form-actions.js";
import { Loading } from "../../components/loading.js";
import { MarkdownEditor } from "../../components/markdown-editor.js";
import { documentsApi } from "../../data/endpoints.js";
import type { DocumentKind } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { documentKindName } from "../../lib/format.js";
import { Link } from "../../router/router.js";
import { useSession } from "../../session/session.js";

/** The Documents tab. */
export function DocumentsTab() {
  const { refresh } = useSession();
  const current = useApi((signal) => documentsApi.current({ signal }), []);
  const [kind, setKind] = useState<DocumentKind>("terms-of-reference");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const { busy, error, refuse, send } = useSubmit();
  const [published, setPublished] = useState<string | null>(null);

  const startFrom = (k: DocumentKind) => {
    const doc = current.data?.documents.find((d) => d.kind === k);
    setTitle(doc?.title ?? "");
    setBody(doc?.body ?? "");
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      refuse("The document has no text.");
      return;
    }
    setPublished(null);
    await send(async () => {
      await documentsApi.publish({ kind, title: title.trim(), body });
      setPublished(`A new version of the ${documentKindName(kind)} is published. Every member must accept it again.`);
      setTitle("");
      setBody("");
      current.reload();
      await refresh();
    });
  };

  return (
    <div className="stack">
      <section aria-labelledby="current-docs-heading">
        <h2 id="current-docs-heading">Current versions</h2>
        {current.loading && !current.data && <Loading />}
        <ErrorAlert error={current.error} />
        {current.data && current.data.documents.length === 0 && <p className="muted">Nothing is published yet.</p>}
        {current.data && current.data.documents.length > 0 && (
          <ul className="doc-status">
            {current.data.documents.map((doc) => (
              <li key={doc.id}>
                <span className="doc-name">
                  {documentKindName(doc.kind)}: {doc.title}
                </span>
                <span className="muted small">
                  version {doc.version}, published <DateTime iso={doc.publishedAt} dateOnly />
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/documents">Read the full texts</Link>
        </p>
      </section>

      <form className="card" onSubmit={submit} aria-labelledby="publish-heading">
        <h2 id="publish-heading">Publish a new version</h2>
        <Notice kind="warning">
          <p>
            Publishing replaces the current version. Every member, you included, must accept the new version, and sees nothing
            above TLP:CLEAR until they do.
          </p>
        </Notice>
        <div className="form-grid">
          <ChoiceField label="Document" value={kind} choices={DOCUMENT_KINDS} nameOf={documentKindName} onChange={setKind} />
          <div className="field field-button">
            <button type="button" className="button button-secondary" onClick={() => startFrom(kind)} disabled={!current.data}>
              Start from the current text
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="doc-title">Title</label>
          <input id="doc-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <MarkdownEditor label="Text" value={body} onChange={setBody} rows={18} maxLength={100_000} />
        {published && (
          <Notice kind="success">
            <p>{published}</p>
          </Notice>
        )}
        <FormActions error={error} busy={busy} label="Publish new version" busyLabel="Publishing…" />
      </form>
    </div>
  );
}
