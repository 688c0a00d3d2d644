// One agenda item: title, presenter, label, Chatham House flag, description, minutes and decisions; managers'
// tools to write minutes, record decisions, arrange the item and create actions from it.
import { useState } from "react";
import { Notice } from "../../components/alert.js";
import type { Directory } from "../../components/audience-picker.js";
import { DateTime } from "../../components/date-time.js";
import { Markdown } from "../../components/markdown.js";
import { TlpBadge } from "../../components/tlp-badge.js";
import type { AgendaItem } from "../../data/types.js";
import { agendaStatusName } from "../../lib/format.js";
import { Link } from "../../router/router.js";
import { ActionForm } from "./action-form.js";
import { ArrangeForm } from "./arrange-form.js";
import { DecisionForm } from "./decision-form.js";
import { MinutesForm } from "./minutes-form.js";

type Tool = "minutes" | "decision" | "arrange" | "action";

const TOOLS: { id: Tool; label: string }[] = [
  { id: "minutes", label: "Edit minutes" },
  { id: "decision", label: "Add a decision" },
  { id: "arrange", label: "Arrange" },
  { id: "action", label: "Create an action from this item" },
];

/** The Chatham House tag: what is said may be used, but not who said it. */
export function ChathamHouseTag() {
  return (
    <span className="tag tag-chatham" title="Information may be used, but neither who said it nor their organisation.">
      Chatham House rule
    </span>
  );
}

function Decisions({ item }: { item: AgendaItem }) {
  if (item.decisions.length === 0) return null;
  return (
    <div className="agenda-block">
      <h5 className="agenda-block-title">Decisions</h5>
      <ol className="decisions" data-testid="decisions">
        {item.decisions.map((decision) => (
          <li key={decision.id} className="decision">
            <span className="pre-wrap">{decision.text}</span>
            <span className="byline">
              {" "}
              — {decision.recordedBy.name}, <DateTime iso={decision.decidedAt} dateOnly />
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** An agenda item; `number` is its place in its part, `onChanged` reloads the meeting after a change. */
export function AgendaItemCard({
  item,
  number,
  canManage,
  directory,
  onChanged,
}: {
  item: AgendaItem;
  number?: number;
  canManage: boolean;
  directory: Directory | null;
  onChanged: () => void;
}) {
  const [tool, setTool] = useState<Tool | null>(null);
  const [createdAction, setCreatedAction] = useState<{ id: string; title: string } | null>(null);
  const done = () => {
    setTool(null);
    onChanged();
  };

  return (
    <article
      id={`agenda-${item.id}`}
      className="agenda-item"
      data-testid="agenda-item"
      aria-labelledby={`agenda-title-${item.id}`}
    >
      <div className="agenda-item-head">
        <h4 id={`agenda-title-${item.id}`} className="agenda-item-title">
          {number !== undefined && <span className="agenda-number">{number}.</span>}
          {item.title}
        </h4>
        <div className="agenda-item-tags">
          <TlpBadge label={item.tlp} />
          {item.chathamHouse && <ChathamHouseTag />}
          {item.status !== "accepted" && (
            <span className={`status status-agenda-${item.status}`}>{agendaStatusName(item.status)}</span>
          )}
        </div>
      </div>
      <p className="byline">
        Presenter: {item.presenter?.name ?? "nobody yet"}
        <span aria-hidden="true"> · </span>
        Proposed by {item.proposedBy.name}
      </p>
      {item.description.trim() && <Markdown source={item.description} className="prose agenda-description" />}

      {item.status === "accepted" && (
        <div className="agenda-block" data-testid="minutes">
          <h5 className="agenda-block-title">
            Minutes
            {item.minutesUpdatedAt && (
              <span className="heading-count">
                {" "}
                · updated <DateTime iso={item.minutesUpdatedAt} />
              </span>
            )}
          </h5>
          {item.minutes.trim() ? <Markdown source={item.minutes} /> : <p className="muted">No minutes yet.</p>}
        </div>
      )}
      <Decisions item={item} />

      {createdAction && (
        <Notice kind="success">
          <p>
            Action created: <Link to={`/actions/${createdAction.id}`}>{createdAction.title}</Link>
          </p>
        </Notice>
      )}
      {canManage && (
        <div className="agenda-tools">
          {tool === null && (
            <div className="actions">
              {TOOLS.filter((t) => item.status === "accepted" || t.id === "arrange").map((t) => (
                <button
                  key={t.id}
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={`${t.label}: ${item.title}`}
                  onClick={() => {
                    setTool(t.id);
                    setCreatedAction(null);
                  }}
                >
                  {t.label}
                </button>
              ))}
            </div>
          )}
          {tool === "minutes" && <MinutesForm item={item} onSaved={done} onCancel={() => setTool(null)} />}
          {tool === "decision" && <DecisionForm item={item} onSaved={done} onCancel={() => setTool(null)} />}
          {tool === "arrange" && (
            <ArrangeForm item={item} persons={directory?.persons ?? []} onSaved={done} onCancel={() => setTool(null)} />
          )}
          {tool === "action" && directory && (
            <ActionForm
              item={item}
              directory={directory}
              onCancel={() => setTool(null)}
              onCreated={(action) => {
                setCreatedAction({ id: action.id, title: action.title });
                done();
              }}
            />
          )}
        </div>
      )}
    </article>
  );
}
