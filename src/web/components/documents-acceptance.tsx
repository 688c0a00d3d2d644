// Accepting the current Terms of Reference and NDA: status per document and one accept action.
import { type FormEvent, useState } from "react";
import { documentsApi } from "../data/endpoints.js";
import type { CurrentDocuments } from "../data/types.js";
import { useSubmit } from "../hooks/use-submit.js";
import { documentKindName } from "../lib/format.js";
import { useSession } from "../session/session.js";
import { Notice } from "./alert.js";
import { DateTime } from "./date-time.js";
import { FormActions } from "./form-actions.js";

/** Lists the documents' acceptance and offers to accept those still open; reports the new state. */
export function DocumentsAcceptance({
  current,
  onAccepted,
}: {
  current: CurrentDocuments;
  onAccepted: (next: CurrentDocuments) => void;
}) {
  const { refresh } = useSession();
  const [agreed, setAgreed] = useState(false);
  const { busy, error, send } = useSubmit();
  const open = current.documents.filter((d) => d.acceptedAt === null);

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    await send(async () => {
      const next = await documentsApi.accept(open.map((d) => d.id));
      onAccepted(next);
      setAgreed(false);
      await refresh();
    });
  };

  if (current.documents.length === 0) {
    return <p className="muted">The secretariat has not published the Terms of Reference and NDA yet.</p>;
  }
  return (
    <div className="documents-acceptance">
      <ul className="doc-status">
        {current.documents.map((doc) => (
          <li key={doc.id}>
            <span className="doc-name">
              {documentKindName(doc.kind)} — version {doc.version}
            </span>
            {doc.acceptedAt ? (
              <span className="status status-active">
                Accepted <DateTime iso={doc.acceptedAt} dateOnly />
              </span>
            ) : (
              <span className="status status-pending">Not accepted</span>
            )}
          </li>
        ))}
      </ul>
      {open.length === 0 ? (
        <Notice kind="success">
          <p>You have accepted the current documents.</p>
        </Notice>
      ) : (
        <form onSubmit={accept}>
          <label className="check">
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} required />
            <span>
              I have read and accept {open.map((d) => `the ${documentKindName(d.kind)} (version ${d.version})`).join(" and ")}.
            </span>
          </label>
          <FormActions error={error} busy={busy} label="Accept" busyLabel="Accepting…" disabled={!agreed} />
        </form>
      )}
    </div>
  );
}
