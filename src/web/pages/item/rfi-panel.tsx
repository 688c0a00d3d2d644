// A request for information's state: due date, open or closed, the closing summary, and the asker's close form.
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { DateTime } from "../../components/date-time.js";
import { Markdown } from "../../components/markdown.js";
import { StatusChip } from "../../components/status-chip.js";
import { itemsApi } from "../../data/endpoints.js";
import type { Item } from "../../data/types.js";

function CloseForm({ item, onClosed }: { item: Item; onClosed: (item: Item) => void }) {
  const id = useId();
  const [summary, setSummary] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!summary.trim()) {
      setError(new Error("Summarise the answers before closing."));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onClosed(await itemsApi.close(item.id, summary.trim()));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <form className="rfi-close" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Close this request</h3>
      <div className="field">
        <label htmlFor={`${id}-summary`}>Summary of the answers</label>
        <textarea
          id={`${id}-summary`}
          rows={4}
          maxLength={20_000}
          value={summary}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setSummary(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          Everyone who can read the request sees the summary. No answers are accepted after closing. Markdown allowed.
        </p>
      </div>
      <ErrorAlert error={error} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Closing…" : "Close the request"}
      </button>
    </form>
  );
}

/** The RFI panel; the asker (own item) may close it while it is open. */
export function RfiPanel({ item, onChanged }: { item: Item; onChanged: (item: Item) => void }) {
  const dueAt = typeof item.details.dueAt === "string" ? item.details.dueAt : null;
  const open = item.status !== "closed";
  const overdue = open && dueAt !== null && new Date(dueAt).getTime() < Date.now();
  return (
    <section className="panel rfi-panel" aria-labelledby="rfi-heading" data-testid="rfi-panel">
      <h2 id="rfi-heading" className="panel-title">
        Request for information <StatusChip status={open ? "open" : "closed"} />
      </h2>
      <dl className="meta meta-inline">
        {dueAt && (
          <div>
            <dt>Answers due</dt>
            <dd>
              <DateTime iso={dueAt} />
              {overdue && <span className="tag tag-warning">past due</span>}
            </dd>
          </div>
        )}
        {item.closedAt && (
          <div>
            <dt>Closed</dt>
            <dd>
              <DateTime iso={item.closedAt} />
            </dd>
          </div>
        )}
        <div>
          <dt>Answerers</dt>
          <dd>
            {item.details.answerersVisible === true
              ? "See each other's names"
              : "See each other as pseudonyms (the asker sees names)"}
          </dd>
        </div>
      </dl>
      {!open && (
        <div className="rfi-summary" data-testid="rfi-summary">
          <h3>Summary</h3>
          {item.summary?.trim() ? <Markdown source={item.summary} /> : <p className="muted">No summary was given.</p>}
        </div>
      )}
      {open && item.own && <CloseForm item={item} onClosed={onChanged} />}
    </section>
  );
}
