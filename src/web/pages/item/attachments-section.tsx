// An item's attachments: the list (download links) and the upload form (size checked here, type by the server).
import { type FormEvent, useId, useRef, useState } from "react";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../../../shared/schemas/collaboration.schemas.js";
import type { TlpLabel } from "../../../shared/tlp.js";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { DateTime } from "../../components/date-time.js";
import { Loading } from "../../components/loading.js";
import { TlpBadge } from "../../components/tlp-badge.js";
import { TlpSelect } from "../../components/tlp-select.js";
import { collaborationApi } from "../../data/endpoints.js";
import type { Attachment, Item } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { formatBytes } from "../../lib/format.js";

const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/gif": "GIF image",
  "application/zip": "ZIP archive",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel workbook",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint presentation",
  "text/plain": "Text",
  "text/csv": "CSV",
  "application/json": "JSON",
};
const ACCEPT = [
  ...ATTACHMENT_TYPES,
  ".pdf",
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".zip",
  ".docx",
  ".xlsx",
  ".pptx",
  ".txt",
  ".csv",
  ".json",
].join(",");

function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return <p className="muted">No attachments.</p>;
  return (
    <div className="table-wrap">
      <table data-testid="attachments">
        <caption className="visually-hidden">Attachments</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Type</th>
            <th scope="col">Size</th>
            <th scope="col">Label</th>
            <th scope="col">Uploaded by</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {attachments.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={collaborationApi.attachmentUrl(a.id)} download={a.filename}>
                  {a.filename}
                </a>
              </td>
              <td>{TYPE_NAMES[a.mediaType] ?? a.mediaType}</td>
              <td className="nowrap">{formatBytes(a.size)}</td>
              <td>
                <TlpBadge label={a.tlp} />
              </td>
              <td>{a.author.name}</td>
              <td>
                <DateTime iso={a.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UploadForm({ item, onUploaded }: { item: Item; onUploaded: (attachment: Attachment) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [tlp, setTlp] = useState<TlpLabel>(item.tlp);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!file) {
      setError(new Error("Choose a file to upload."));
      return;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setError(
        new Error(`The file is ${formatBytes(file.size)}; attachments may be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const attachment = await collaborationApi.attach(item.id, file, tlp === item.tlp ? null : tlp);
      onUploaded(attachment);
      setDone(attachment.filename);
      setFile(null);
      if (input.current) input.current.value = "";
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="upload-form" onSubmit={submit} aria-label="Add an attachment">
      <div className="field">
        <label htmlFor={`${id}-file`}>File</label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept={ACCEPT}
          aria-describedby={`${id}-file-hint`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(null);
          }}
        />
        <p id={`${id}-file-hint`} className="hint">
          Up to {formatBytes(MAX_ATTACHMENT_BYTES)}: PDF, PNG, JPEG, GIF, ZIP, Word, Excel, PowerPoint, text, CSV or JSON. The
          type is recognised from the content, not the name.
        </p>
      </div>
      <TlpSelect label="Label of the file" value={tlp} onChange={setTlp} minimum={item.tlp} />
      <ErrorAlert error={error} />
      {done && (
        <Notice kind="success">
          <p>“{done}” was attached.</p>
        </Notice>
      )}
      <button type="submit" className="button button-secondary" disabled={busy}>
        {busy ? "Uploading…" : "Upload"}
      </button>
    </form>
  );
}

/** The "Attachments" section of an item. */
export function AttachmentsSection({ item }: { item: Item }) {
  const list = useApi((signal) => collaborationApi.attachments(item.id, { signal }), [item.id]);
  return (
    <section className="section" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">Attachments</h2>
      {list.loading && !list.data && <Loading label="Loading attachments…" />}
      <ErrorAlert error={list.error} />
      {list.data && <AttachmentList attachments={list.data.attachments} />}
      <details className="panel disclosure">
        <summary>Add an attachment</summary>
        <UploadForm
          item={item}
          onUploaded={(a) => list.setData((previous) => ({ attachments: [...(previous?.attachments ?? []), a] }))}
        />
      </details>
    </section>
  );
}
