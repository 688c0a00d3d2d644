// A table of action items: title, owner, due date (overdue highlighted), status and label.
import type { ReactNode } from "react";
import type { ActionItem } from "../data/types.js";
import { actionStatusName, formatDay } from "../lib/format.js";
import { Link } from "../router/router.js";
import { TlpBadge } from "./tlp-badge.js";

/** The owner of an action as text: the person, the organisation, or both. */
export function actionOwner(action: ActionItem): string {
  const person = action.ownerPerson?.name;
  const organisation = action.ownerOrganisation?.name;
  if (person && organisation) return `${person} (${organisation})`;
  return person ?? organisation ?? "—";
}

/** The status chip of an action; "Overdue" next to it when past due and not finished. */
export function ActionStatusChip({ action }: { action: ActionItem }) {
  return (
    <>
      <span className={`status status-action-${action.status}`}>{actionStatusName(action.status)}</span>
      {action.overdue && <span className="status status-overdue">Overdue</span>}
    </>
  );
}

/** Lists actions; `renderExtra` adds a last column (e.g. an update button) and `caption` names the table. */
export function ActionTable({
  actions,
  caption,
  showMeeting = true,
  renderExtra,
}: {
  actions: readonly ActionItem[];
  caption: string;
  showMeeting?: boolean;
  renderExtra?: (action: ActionItem) => ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table data-testid="action-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            {showMeeting && <th scope="col">Meeting</th>}
            {renderExtra && (
              <th scope="col">
                <span className="visually-hidden">Update</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id} className={action.overdue ? "row-overdue" : undefined} data-testid="action-row">
              <th scope="row">
                <span className="cell-title">
                  <TlpBadge label={action.tlp} /> <Link to={`/actions/${action.id}`}>{action.title}</Link>
                </span>
              </th>
              <td>{actionOwner(action)}</td>
              <td className="nowrap">{formatDay(action.dueOn)}</td>
              <td>
                <ActionStatusChip action={action} />
              </td>
              {showMeeting && (
                <td>
                  {action.meeting ? (
                    <Link to={`/meetings/${action.meeting.id}`}>{action.meeting.title}</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
              {renderExtra && <td className="cell-actions">{renderExtra(action)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
