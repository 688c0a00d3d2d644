// Reactions to an item: "Useful", "Seen it too" (a sighting, with optional context), "False positive"; the originator sees who.
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { DateTime } from "../../components/date-time.js";
import { Loading } from "../../components/loading.js";
import { collaborationApi } from "../../data/endpoints.js";
import type { Item, Reaction, Reactions } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";

const NAMES: Record<Reaction, string> = {
  useful: "Useful",
  seen: "Seen it too",
  "false-positive": "False positive / not relevant",
};
const ORDER: readonly Reaction[] = ["useful", "seen", "false-positive"];

function SightingForm({
  onSubmit,
  onCancel,
  busy,
}: {
  onSubmit: (context: string) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const id = useId();
  const [context, setContext] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(context.trim());
  };
  return (
    <form className="panel sighting-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-context`}>Where and when did you see it? (optional)</label>
        <textarea
          id={`${id}-context`}
          rows={2}
          maxLength={2000}
          value={context}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setContext(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          Only the originating organisation sees this context.
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Report the sighting
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ReactionDetails({ details }: { details: NonNullable<Reactions["details"]> }) {
  if (details.length === 0) return <p className="muted small">No organisation has reacted yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Reactions by organisation</caption>
        <thead>
          <tr>
            <th scope="col">Reaction</th>
            <th scope="col">Organisation</th>
            <th scope="col">Context</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {details.map((d, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two people of one organisation may react alike at the same moment.
            <tr key={index}>
              <td>{NAMES[d.reaction]}</td>
              <td>{d.organisation.name}</td>
              <td className="pre-wrap">{d.context || <span className="muted">—</span>}</td>
              <td>
                <DateTime iso={d.at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The reactions of an item as toggle buttons with counts. */
export function ReactionsBar({ item }: { item: Item }) {
  const reactions = useApi((signal) => collaborationApi.reactions(item.id, { signal }), [item.id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sighting, setSighting] = useState(false);

  const run = async (action: () => Promise<Reactions>) => {
    setBusy(true);
    setError(null);
    try {
      reactions.setData(await action());
      setSighting(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (reaction: Reaction, on: boolean) => {
    if (!on) return void run(() => collaborationApi.unreact(item.id, reaction));
    if (reaction === "seen") return setSighting(true);
    return void run(() => collaborationApi.react(item.id, reaction));
  };

  const data = reactions.data;
  return (
    <section className="section reactions-section" aria-labelledby="reactions-heading">
      <h2 id="reactions-heading">Reactions</h2>
      {reactions.loading && !data && <Loading label="Loading reactions…" />}
      <ErrorAlert error={reactions.error} />
      {data && (
        <div className="reactions">
          {ORDER.map((reaction) => {
            const mine = data.mine.includes(reaction);
            return (
              <button
                key={reaction}
                type="button"
                className="reaction"
                aria-pressed={mine}
                disabled={busy}
                onClick={() => toggle(reaction, !mine)}
              >
                <span>{NAMES[reaction]}</span>
                <span className="reaction-count">
                  {data.counts[reaction]}
                  <span className="visually-hidden"> {data.counts[reaction] === 1 ? "person" : "people"}</span>
                </span>
              </button>
            );
          })}
        </div>
      )}
      {sighting && (
        <SightingForm
          busy={busy}
          onCancel={() => setSighting(false)}
          onSubmit={(context) => void run(() => collaborationApi.react(item.id, "seen", context))}
        />
      )}
      <ErrorAlert error={error} />
      {data?.details && (
        <details className="reaction-details">
          <summary>Who reacted (only your organisation sees this)</summary>
          <ReactionDetails details={data.details} />
        </details>
      )}
    </section>
  );
}
