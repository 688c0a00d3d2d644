// Migration 4: meetings, agendas, minutes, decisions, action items, urgent calls with roll-calls,
// notifications, e-mail outbox, calendar feeds and scheduled jobs. Every table that holds content
// carries the TLP columns and the same row-level security as items; what hangs from something
// (an agenda item from its meeting, an action from its agenda item) also needs its parent readable.
import { readPredicateSql } from "../../../shared/policy-sql.js";
import { APP_ROLE } from "./002-policy.sql.js";
import { AUDIENCE_COLUMNS } from "./003-information.sql.js";

const TABLES = `
-- Deferred: organisations and persons reference each other, and a restore inserts organisations first.
ALTER TABLE organisations ADD COLUMN escalation_person_id uuid REFERENCES persons (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE meetings (
  id uuid PRIMARY KEY,
  title text NOT NULL,
  format text NOT NULL CHECK (format IN ('in-person', 'call', 'hybrid')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  location text NOT NULL DEFAULT '',
  host_organisation_id uuid REFERENCES organisations (id),
  status text NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
  ${AUDIENCE_COLUMNS},
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX meetings_starts ON meetings (starts_at);

CREATE TABLE agenda_items (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  part text NOT NULL CHECK (part IN ('administrative', 'operational', 'strategic')),
  position integer NOT NULL DEFAULT 0,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  presenter_id uuid REFERENCES persons (id),
  chatham_house boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined')),
  minutes text NOT NULL DEFAULT '',
  minutes_by uuid REFERENCES persons (id),
  minutes_at timestamptz,
  ${AUDIENCE_COLUMNS},
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, part, position);

CREATE TABLE meeting_decisions (
  id uuid PRIMARY KEY,
  agenda_item_id uuid NOT NULL REFERENCES agenda_items (id),
  text text NOT NULL,
  decided_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES persons (id)
);
CREATE INDEX meeting_decisions_item ON meeting_decisions (agenda_item_id);

CREATE TABLE meeting_attendance (
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  response text CHECK (response IN ('attending', 'apologies')),
  attended boolean,
  note text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE action_items (
  id uuid PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  owner_person_id uuid REFERENCES persons (id),
  owner_organisation_id uuid REFERENCES organisations (id),
  due_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'in-progress', 'done', 'dropped')),
  status_note text NOT NULL DEFAULT '',
  meeting_id uuid REFERENCES meetings (id),
  agenda_item_id uuid REFERENCES agenda_items (id),
  reminded_at timestamptz,
  escalated_at timestamptz,
  closed_at timestamptz,
  ${AUDIENCE_COLUMNS},
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (owner_person_id IS NOT NULL OR owner_organisation_id IS NOT NULL)
);
CREATE INDEX action_items_due ON action_items (due_on) WHERE status IN ('open', 'in-progress');
CREATE INDEX action_items_owner ON action_items (owner_person_id);
CREATE INDEX action_items_owner_org ON action_items (owner_organisation_id);

CREATE TABLE action_updates (
  id uuid PRIMARY KEY,
  action_id uuid NOT NULL REFERENCES action_items (id),
  status text NOT NULL,
  note text NOT NULL DEFAULT '',
  by_person_id uuid NOT NULL REFERENCES persons (id),
  at timestamptz NOT NULL
);
CREATE INDEX action_updates_action ON action_updates (action_id, at);

CREATE TABLE urgent_calls (
  id uuid PRIMARY KEY,
  title text NOT NULL,
  item_id uuid REFERENCES items (id),
  bridge text NOT NULL,
  starts_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'ended')),
  ended_at timestamptz,
  summary_item_id uuid REFERENCES items (id),
  ${AUDIENCE_COLUMNS},
  CHECK (tlp = 'TLP:RED'),
  created_at timestamptz NOT NULL
);

CREATE TABLE roll_call_answers (
  call_id uuid NOT NULL REFERENCES urgent_calls (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  status text NOT NULL CHECK (status IN ('affected', 'not-affected', 'investigating')),
  note text NOT NULL DEFAULT '',
  answered_at timestamptz NOT NULL,
  PRIMARY KEY (call_id, person_id)
);

CREATE TABLE warning_escalations (
  item_id uuid NOT NULL REFERENCES items (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  contact_id uuid REFERENCES persons (id),
  escalated_at timestamptz NOT NULL,
  PRIMARY KEY (item_id, organisation_id)
);

-- A notification names its subject only; its title is read through the subject's own policy.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES persons (id),
  type text NOT NULL,
  subject_type text NOT NULL CHECK (subject_type IN ('item', 'meeting', 'agenda-item', 'action', 'urgent-call')),
  subject_id uuid NOT NULL,
  urgent boolean NOT NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  digested_at timestamptz
);
CREATE INDEX notifications_person ON notifications (person_id, created_at DESC);
CREATE INDEX notifications_batch ON notifications (batch_id);
CREATE INDEX notifications_digest ON notifications (created_at) WHERE digested_at IS NULL AND read_at IS NULL AND NOT urgent;

CREATE TABLE notification_preferences (
  person_id uuid PRIMARY KEY REFERENCES persons (id),
  email_urgent boolean NOT NULL DEFAULT true,
  email_digest boolean NOT NULL DEFAULT true
);

CREATE TABLE calendar_feeds (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

-- E-mail is written in the transaction that causes it and sent afterwards by a worker.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  sent_at timestamptz,
  last_error text
);
CREATE INDEX mail_outbox_pending ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Recurring work: a row per job; an instance claims a due row atomically, so each run happens once.
CREATE TABLE scheduled_jobs (
  name text PRIMARY KEY,
  next_run_at timestamptz NOT NULL,
  locked_until timestamptz,
  locked_by text,
  last_run_at timestamptz,
  last_error text
);
`;

const MEETING_READABLE = (column: string) => `EXISTS (SELECT 1 FROM meetings m WHERE m.id = ${column})`;
const AGENDA_READABLE = (column: string) => `EXISTS (SELECT 1 FROM agenda_items g WHERE g.id = ${column})`;
const ACTION_READABLE = (column: string) => `EXISTS (SELECT 1 FROM action_items x WHERE x.id = ${column})`;
const CALL_READABLE = (column: string) => `EXISTS (SELECT 1 FROM urgent_calls c WHERE c.id = ${column})`;
const WRITER = "rt_viewer_active() AND author_id = rt_viewer() AND author_organisation_id = rt_viewer_org()";

const MANAGER = "rt_viewer_role() IN ('chair', 'secretariat')";

const GRANTS_AND_POLICIES = `
-- The viewer's role, so that what only the secretariat and chairs do is refused by RLS too.
CREATE FUNCTION rt_viewer_role() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT role FROM persons WHERE id = rt_viewer() AND rt_viewer_active() $$;

GRANT SELECT, INSERT, UPDATE ON meetings, agenda_items, action_items, urgent_calls TO ${APP_ROLE};
GRANT SELECT, INSERT ON meeting_decisions, action_updates, warning_escalations TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE ON meeting_attendance, roll_call_answers, notifications,
  notification_preferences, calendar_feeds TO ${APP_ROLE};
GRANT INSERT ON mail_outbox TO ${APP_ROLE};

ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
CREATE POLICY meetings_read ON meetings FOR SELECT TO ${APP_ROLE} USING (${readPredicateSql("meetings")});
CREATE POLICY meetings_insert ON meetings FOR INSERT TO ${APP_ROLE} WITH CHECK (${WRITER} AND ${MANAGER});
CREATE POLICY meetings_update ON meetings FOR UPDATE TO ${APP_ROLE} USING (${readPredicateSql("meetings")} AND ${MANAGER});

ALTER TABLE agenda_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY agenda_items_read ON agenda_items FOR SELECT TO ${APP_ROLE}
  USING (${readPredicateSql("agenda_items")} AND ${MEETING_READABLE("agenda_items.meeting_id")});
CREATE POLICY agenda_items_insert ON agenda_items FOR INSERT TO ${APP_ROLE}
  WITH CHECK (${WRITER} AND ${MEETING_READABLE("agenda_items.meeting_id")});
CREATE POLICY agenda_items_update ON agenda_items FOR UPDATE TO ${APP_ROLE}
  USING (${readPredicateSql("agenda_items")} AND ${MEETING_READABLE("agenda_items.meeting_id")} AND ${MANAGER});

ALTER TABLE meeting_decisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY meeting_decisions_read ON meeting_decisions FOR SELECT TO ${APP_ROLE}
  USING (${AGENDA_READABLE("meeting_decisions.agenda_item_id")});
CREATE POLICY meeting_decisions_insert ON meeting_decisions FOR INSERT TO ${APP_ROLE}
  WITH CHECK (recorded_by = rt_viewer() AND ${AGENDA_READABLE("meeting_decisions.agenda_item_id")} AND ${MANAGER});

ALTER TABLE meeting_attendance ENABLE ROW LEVEL SECURITY;
CREATE POLICY meeting_attendance_read ON meeting_attendance FOR SELECT TO ${APP_ROLE}
  USING (${MEETING_READABLE("meeting_attendance.meeting_id")});
-- Each person answers for themselves; the secretariat and chairs record who came.
CREATE POLICY meeting_attendance_insert ON meeting_attendance FOR INSERT TO ${APP_ROLE}
  WITH CHECK (${MEETING_READABLE("meeting_attendance.meeting_id")} AND (person_id = rt_viewer() OR ${MANAGER}));
CREATE POLICY meeting_attendance_update ON meeting_attendance FOR UPDATE TO ${APP_ROLE}
  USING (${MEETING_READABLE("meeting_attendance.meeting_id")} AND (person_id = rt_viewer() OR ${MANAGER}));

ALTER TABLE action_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY action_items_read ON action_items FOR SELECT TO ${APP_ROLE}
  USING (${readPredicateSql("action_items")}
         AND (action_items.meeting_id IS NULL OR ${MEETING_READABLE("action_items.meeting_id")})
         AND (action_items.agenda_item_id IS NULL OR ${AGENDA_READABLE("action_items.agenda_item_id")}));
CREATE POLICY action_items_insert ON action_items FOR INSERT TO ${APP_ROLE} WITH CHECK (${WRITER});
CREATE POLICY action_items_update ON action_items FOR UPDATE TO ${APP_ROLE}
  USING (${readPredicateSql("action_items")});

ALTER TABLE action_updates ENABLE ROW LEVEL SECURITY;
CREATE POLICY action_updates_read ON action_updates FOR SELECT TO ${APP_ROLE}
  USING (${ACTION_READABLE("action_updates.action_id")});
CREATE POLICY action_updates_insert ON action_updates FOR INSERT TO ${APP_ROLE}
  WITH CHECK (by_person_id = rt_viewer() AND ${ACTION_READABLE("action_updates.action_id")});

ALTER TABLE urgent_calls ENABLE ROW LEVEL SECURITY;
CREATE POLICY urgent_calls_read ON urgent_calls FOR SELECT TO ${APP_ROLE} USING (${readPredicateSql("urgent_calls")});
CREATE POLICY urgent_calls_insert ON urgent_calls FOR INSERT TO ${APP_ROLE} WITH CHECK (${WRITER});
CREATE POLICY urgent_calls_update ON urgent_calls FOR UPDATE TO ${APP_ROLE}
  USING (${readPredicateSql("urgent_calls")} AND author_id = rt_viewer());

-- Only a named invitee answers the roll-call, for themselves.
ALTER TABLE roll_call_answers ENABLE ROW LEVEL SECURITY;
CREATE POLICY roll_call_answers_read ON roll_call_answers FOR SELECT TO ${APP_ROLE}
  USING (${CALL_READABLE("roll_call_answers.call_id")});
CREATE POLICY roll_call_answers_insert ON roll_call_answers FOR INSERT TO ${APP_ROLE}
  WITH CHECK (person_id = rt_viewer() AND organisation_id = rt_viewer_org()
              AND EXISTS (SELECT 1 FROM urgent_calls c WHERE c.id = call_id AND rt_viewer() = ANY(c.audience_persons)));
CREATE POLICY roll_call_answers_update ON roll_call_answers FOR UPDATE TO ${APP_ROLE}
  USING (person_id = rt_viewer()) WITH CHECK (person_id = rt_viewer());

ALTER TABLE warning_escalations ENABLE ROW LEVEL SECURITY;
CREATE POLICY warning_escalations_read ON warning_escalations FOR SELECT TO ${APP_ROLE}
  USING (EXISTS (SELECT 1 FROM items i WHERE i.id = warning_escalations.item_id));

-- A viewer sees and marks only their own notifications. Creating them for others is how news
-- travels: the service names only recipients the policy lets read the subject, and nobody may
-- notify about a subject they cannot read themselves.
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notifications_read ON notifications FOR SELECT TO ${APP_ROLE} USING (person_id = rt_viewer());
CREATE POLICY notifications_insert ON notifications FOR INSERT TO ${APP_ROLE}
  WITH CHECK (rt_viewer_active() AND CASE subject_type
    WHEN 'item' THEN EXISTS (SELECT 1 FROM items i WHERE i.id = subject_id)
    WHEN 'meeting' THEN ${MEETING_READABLE("subject_id")}
    WHEN 'agenda-item' THEN ${AGENDA_READABLE("subject_id")}
    WHEN 'action' THEN ${ACTION_READABLE("subject_id")}
    WHEN 'urgent-call' THEN ${CALL_READABLE("subject_id")}
    ELSE false END);
CREATE POLICY notifications_update ON notifications FOR UPDATE TO ${APP_ROLE}
  USING (person_id = rt_viewer()) WITH CHECK (person_id = rt_viewer());

ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
-- Whether someone wants e-mail is read when notifying them (two booleans, no content); only the
-- person sets theirs.
CREATE POLICY notification_preferences_read ON notification_preferences FOR SELECT TO ${APP_ROLE} USING (true);
CREATE POLICY notification_preferences_insert ON notification_preferences FOR INSERT TO ${APP_ROLE}
  WITH CHECK (person_id = rt_viewer());
CREATE POLICY notification_preferences_update ON notification_preferences FOR UPDATE TO ${APP_ROLE}
  USING (person_id = rt_viewer()) WITH CHECK (person_id = rt_viewer());

ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
CREATE POLICY calendar_feeds_own ON calendar_feeds FOR ALL TO ${APP_ROLE}
  USING (person_id = rt_viewer()) WITH CHECK (person_id = rt_viewer());

ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY mail_outbox_insert ON mail_outbox FOR INSERT TO ${APP_ROLE} WITH CHECK (rt_viewer_active());
`;

/** The statements of migration 4, in order. */
export const MEETINGS_STATEMENTS = [TABLES, GRANTS_AND_POLICIES];
