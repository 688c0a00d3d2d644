// /actions: my action items and my organisation's, overdue ones highlighted, with status updates; chairs and the
// secretariat also see every overdue action they may read.
import { useState } from "react";
import { ActionTable } from "../components/action-table.js";
import { ErrorAlert, Notice } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { actionsApi } from "../data/endpoints.js";
import type { ActionItem } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { focusById } from "../lib/focus.js";
import { useRequiredSession } from "../session/session.js";
import { ActionStatusForm } from "./action/status-form.js";

/** Open and in-progress first (overdue on top), then by due date. */
function ordered(actions: readonly ActionItem[]): ActionItem[] {
  const finished = (a: ActionItem) => a.status === "done" || a.status === "dropped";
  return [...actions].sort(
    (a, b) =>
      Number(finished(a)) - Number(finished(b)) || Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn),
  );
}

function ActionGroup({
  id,
  title,
  actions,
  empty,
  onSaved,
}: {
  id: string;
  title: string;
  actions: readonly ActionItem[];
  empty: string;
  onSaved: (action: ActionItem) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const current = actions.find((a) => a.id === editing) ?? null;
  const overdue = actions.filter((a) => a.overdue).length;
  return (
    <section className="section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>
        {title} <span className="heading-count">({actions.length})</span>
        {overdue > 0 && <span className="status status-overdue heading-status">{overdue} overdue</span>}
      </h2>
      {actions.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ActionTable
          actions={ordered(actions)}
          caption={title}
          renderExtra={(action) =>
            action.canUpdate && (
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={`Update: ${action.title}`}
                aria-expanded={editing === action.id}
                onClick={() => {
                  setEditing(editing === action.id ? null : action.id);
                  setSaved(null);
                  focusById(`${id}-update`);
                }}
              >
                Update
              </button>
            )
          }
        />
      )}
      {saved && (
        <Notice kind="success">
          <p>{saved}</p>
        </Notice>
      )}
      {current && (
        <div className="panel" id={`${id}-update`}>
          <p className="panel-title">Update “{current.title}”</p>
          <ActionStatusForm
            key={current.id}
            action={current}
            compact
            onCancel={() => setEditing(null)}
            onSaved={(action) => {
              setEditing(null);
              setSaved(`“${action.title}” saved.`);
              onSaved(action);
            }}
          />
        </div>
      )}
    </section>
  );
}

function OverdueAcrossExchange() {
  const overdue = useApi((signal) => actionsApi.list({ overdue: true }, { signal }), []);
  return (
    <>
      {overdue.loading && !overdue.data && <Loading label="Loading overdue actions…" />}
      <ErrorAlert error={overdue.error} />
      {overdue.data && (
        <ActionGroup
          id="overdue-actions"
          title="Overdue across the exchange"
          actions={overdue.data.actions}
          empty="No action is overdue."
          onSaved={() => overdue.reload()}
        />
      )}
    </>
  );
}

/** The actions page. */
export function ActionsPage() {
  useTitle("Actions");
  const { person } = useRequiredSession();
  const actions = useApi((signal) => actionsApi.mine({ signal }), []);
  const manager = person.role === "secretariat" || person.role === "chair";
  return (
    <>
      <h1>Actions</h1>
      <p className="lead">
        Action items agreed in meetings: who does what by when. Keep their status current; overdue actions are reminded and
        escalated to the chairs.
      </p>
      {actions.loading && !actions.data && <Loading label="Loading your actions…" />}
      <ErrorAlert error={actions.error} />
      {actions.data && (
        <>
          <ActionGroup
            id="my-actions"
            title="Assigned to me"
            actions={actions.data.mine}
            empty="Nothing is assigned to you."
            onSaved={() => actions.reload()}
          />
          <ActionGroup
            id="organisation-actions"
            title={`Assigned to ${person.organisationName}`}
            actions={actions.data.organisation}
            empty="Nothing is assigned to your organisation."
            onSaved={() => actions.reload()}
          />
        </>
      )}
      {manager && <OverdueAcrossExchange />}
    </>
  );
}
