// What each kind of notification says, and where the web UI shows its subject.
import type { NotificationType, SubjectType } from "../../shared/schemas/index.js";

/** One line per notification type; never content, so it may go anywhere. */
export const NOTIFICATION_TEXT: Record<NotificationType, string> = {
  "item.posted": "New item shared",
  "warning.posted": "New warning",
  "item.label_changed": "An item's label changed",
  "warning.escalated": "Your organisation has not acknowledged a warning in time",
  "call.invited": "You are invited to an urgent call",
  "call.answered": "A roll-call answer came in",
  "call.ended": "An urgent call ended",
  "meeting.scheduled": "Meeting scheduled",
  "agenda.proposed": "Agenda item proposed",
  "action.assigned": "An action was assigned",
  "action.reminder": "An action is due soon",
  "action.overdue": "An action is overdue",
  "measure.adopted": "A preparedness measure that applies to your organisation was adopted",
  "measure.review_due": "A measure's review is due: confirm or update your organisation's status",
};

/** The web path of a subject; an agenda item lives on its meeting's page. */
export function subjectLink(type: SubjectType, id: string, meetingId?: string | null): string {
  switch (type) {
    case "item":
      return `/items/${id}`;
    case "meeting":
      return `/meetings/${id}`;
    case "agenda-item":
      return `/meetings/${meetingId ?? ""}#agenda-${id}`;
    case "action":
      return `/actions/${id}`;
    case "urgent-call":
      return `/calls/${id}`;
  }
}
