// Proposed and declined agenda items (managers accept or decline them) and the form to propose one.
import { useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import type { Directory } from "../../components/audience-picker.js";
import { Loading } from "../../components/loading.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { AgendaItem, AgendaStatus, Meeting } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { agendaPartName } from "../../lib/format.js";
import { AgendaItemCard } from "./agenda-item-card.js";
import { ProposeForm } from "./propose-form.js";

function Decide({ item, onChanged }: { item: AgendaItem; onChanged: () => void }) {
  const { busy, error, send } = useSubmit({ closes: true });
  const set = (status: AgendaStatus) =>
    send(async () => {
      await meetingsApi.arrange(item.id, { status });
      onChanged();
    });
  return (
    <div className="actions">
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void set("accepted")}
        aria-label={`Accept: ${item.title}`}
      >
        Accept
      </button>
      {item.status !== "declined" && (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={busy}
          onClick={() => void set("declined")}
          aria-label={`Decline: ${item.title}`}
        >
          Decline
        </button>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}

/** The proposals and the propose form; `onChanged` reloads the meeting. */
export function ProposalsSection({
  meeting,
  directory,
  directoryError,
  onChanged,
}: {
  meeting: Meeting;
  directory: Directory | null;
  directoryError: unknown;
  onChanged: () => void;
}) {
  const [proposed, setProposed] = useState<AgendaItem | null>(null);
  return (
    <section className="section" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">
        Proposals <span className="heading-count">({meeting.proposals.length})</span>
      </h2>
      {meeting.proposals.length === 0 ? (
        <p className="muted">No open proposals.</p>
      ) : (
        <ul className="proposal-list">
          {meeting.proposals.map((item) => (
            <li key={item.id} className="proposal">
              <p className="eyebrow">{agendaPartName(item.part)}</p>
              <AgendaItemCard item={item} canManage={false} directory={directory} onChanged={onChanged} />
              {meeting.canManage && <Decide item={item} onChanged={onChanged} />}
            </li>
          ))}
        </ul>
      )}
      {proposed && (
        <Notice kind="success">
          <p>
            {proposed.status === "accepted"
              ? `“${proposed.title}” is on the agenda.`
              : `“${proposed.title}” was proposed; the secretariat and the chairs arrange the agenda.`}
          </p>
        </Notice>
      )}
      {meeting.status === "scheduled" && (
        <>
          {!directory && !directoryError && <Loading label="Loading organisations, groups and persons…" />}
          <ErrorAlert error={directoryError} />
          {directory && (
            <ProposeForm
              meetingId={meeting.id}
              directory={directory}
              onProposed={(item) => {
                setProposed(item);
                onChanged();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
