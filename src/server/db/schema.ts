// Kysely table types: the shape of every row as the database returns it.
import type { Generated } from "kysely";
import type { TlpLabel } from "../../shared/tlp.js";

type Status = "invited" | "active" | "suspended" | "left";

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: "public" | "private" | "academia";
  sectors: string[];
  status: Status;
  is_secretariat: boolean;
  created_at: Date;
  left_at: Date | null;
  exit_confirmation: string | null;
  escalation_person_id: string | null;
  named_in_insight: Generated<boolean>;
}

export interface PersonsTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: "member" | "chair" | "secretariat";
  chair_seat: "industry" | "public" | null;
  status: Status;
  password_hash: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: Date;
  activated_at: Date | null;
  left_at: Date | null;
  exit_confirmation: string | null;
}

export interface InvitationsTable {
  token_hash: string;
  person_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface BootstrapTokensTable {
  token_hash: string;
  created_at: Date;
  used_at: Date | null;
}

export interface SessionsTable {
  id_hash: string;
  person_id: string;
  stage: "complete" | "second_factor" | "enrolment";
  csrf_token: string;
  created_at: Date;
  expires_at: Date;
}

export interface ApiTokensTable {
  id: string;
  person_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface DocumentsTable {
  id: string;
  kind: "terms-of-reference" | "nda";
  version: number;
  title: string;
  body: string;
  published_at: Date;
  published_by: string | null;
}

export interface DocumentAcceptancesTable {
  person_id: string;
  document_id: string;
  accepted_at: Date;
}

export interface WorkingGroupsTable {
  id: string;
  name: string;
  description: string;
  created_at: Date;
}

export interface WorkingGroupMembersTable {
  group_id: string;
  person_id: string | null;
  organisation_id: string | null;
}

export interface ItemsTable {
  id: string;
  kind: string;
  title: string;
  body: string;
  sectors: string[];
  tlp: TlpLabel;
  audience_exchange: boolean;
  audience_organisations: string[];
  audience_groups: string[];
  audience_persons: string[];
  author_id: string;
  author_organisation_id: string;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
  search: Generated<string>;
  details: Record<string, unknown>;
  status: string | null;
  anonymous: boolean;
  pseudonym: string | null;
  statistics_consent: boolean;
  closed_at: Date | null;
  summary: string | null;
  /** The STIX id an imported or federated item had where it came from (null: ours, `type--id`). */
  stix_id: Generated<string | null>;
  /** The `modified` of the STIX version held, for idempotent re-imports. */
  stix_modified: Generated<Date | null>;
  /** Who an imported or federated item is shown as coming from. */
  source_name: Generated<string | null>;
  /** The peer exchange a federated item came from; such items are read-only. */
  federated_from: Generated<string | null>;
  /** STIX properties of an imported object that have no Roundtable field (kept for export). */
  stix_extra: Generated<Record<string, unknown> | null>;
}

/** Columns every piece of content carries for the TLP predicate. */
interface ContentColumns {
  tlp: TlpLabel;
  audience_exchange: boolean;
  audience_organisations: string[];
  audience_groups: string[];
  audience_persons: string[];
  author_id: string;
  author_organisation_id: string;
}

export interface ItemVersionsTable extends ContentColumns {
  item_id: string;
  version: number;
  title: string;
  body: string;
  sectors: string[];
  details: Record<string, unknown>;
  edited_by: string;
  edited_at: Date;
  stix_modified: Generated<Date | null>;
}

export interface CommentsTable extends ContentColumns {
  id: string;
  item_id: string;
  parent_id: string | null;
  depth: Generated<number>;
  body: string;
  anonymous: boolean;
  pseudonym: string;
  created_at: Date;
  search: Generated<string>;
}

export interface AttachmentsTable extends ContentColumns {
  id: string;
  item_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  anonymous: boolean;
  pseudonym: string;
  created_at: Date;
}

export interface ItemLinksTable {
  id: string;
  from_item_id: string;
  to_item_id: string;
  relation: string;
  created_by: string;
  created_at: Date;
}

export interface ItemReactionsTable {
  item_id: string;
  person_id: string;
  organisation_id: string;
  reaction: "useful" | "seen" | "false-positive";
  context: string;
  created_at: Date;
}

export interface ItemAcknowledgementsTable {
  item_id: string;
  organisation_id: string;
  person_id: string;
  acknowledged_at: Date;
}

export interface SavedSearchesTable {
  id: string;
  person_id: string;
  name: string;
  filters: Record<string, unknown>;
  created_at: Date;
  last_seen_at: Date;
}

export interface ItemLabelChangesTable {
  id: string;
  item_id: string;
  from_tlp: TlpLabel;
  to_tlp: TlpLabel;
  reason: string;
  changed_by: string;
  changed_at: Date;
}

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_id: string | null;
  organisation_id: string | null;
  category: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export interface MeetingsTable extends ContentColumns {
  id: string;
  title: string;
  format: "in-person" | "call" | "hybrid";
  starts_at: Date;
  ends_at: Date;
  location: string;
  host_organisation_id: string | null;
  status: "scheduled" | "held" | "cancelled";
  created_at: Date;
  updated_at: Date;
}

export interface AgendaItemsTable extends ContentColumns {
  id: string;
  meeting_id: string;
  part: "administrative" | "operational" | "strategic";
  position: number;
  title: string;
  description: string;
  presenter_id: string | null;
  chatham_house: boolean;
  status: "proposed" | "accepted" | "declined";
  minutes: string;
  minutes_by: string | null;
  minutes_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface MeetingDecisionsTable {
  id: string;
  agenda_item_id: string;
  text: string;
  decided_at: Date;
  recorded_by: string;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  person_id: string;
  response: "attending" | "apologies" | null;
  attended: boolean | null;
  note: string;
  updated_at: Date;
}

export interface ActionItemsTable extends ContentColumns {
  id: string;
  title: string;
  description: string;
  owner_person_id: string | null;
  owner_organisation_id: string | null;
  /** A calendar day, YYYY-MM-DD (the date type is read as text). */
  due_on: string;
  status: "open" | "in-progress" | "done" | "dropped";
  status_note: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ActionUpdatesTable {
  id: string;
  action_id: string;
  status: string;
  note: string;
  by_person_id: string;
  at: Date;
}

export interface UrgentCallsTable extends ContentColumns {
  id: string;
  title: string;
  item_id: string | null;
  bridge: string;
  starts_at: Date;
  status: "open" | "ended";
  ended_at: Date | null;
  summary_item_id: string | null;
  created_at: Date;
}

export interface RollCallAnswersTable {
  call_id: string;
  person_id: string;
  organisation_id: string;
  status: "affected" | "not-affected" | "investigating";
  note: string;
  answered_at: Date;
}

export interface WarningEscalationsTable {
  item_id: string;
  organisation_id: string;
  contact_id: string | null;
  escalated_at: Date;
}

export interface NotificationsTable {
  id: string;
  batch_id: string;
  person_id: string;
  type: string;
  subject_type: "item" | "meeting" | "agenda-item" | "action" | "urgent-call";
  subject_id: string;
  urgent: boolean;
  created_at: Date;
  read_at: Date | null;
  digested_at: Date | null;
}

export interface NotificationPreferencesTable {
  person_id: string;
  email_urgent: boolean;
  email_digest: boolean;
}

export interface CalendarFeedsTable {
  id: string;
  person_id: string;
  token_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

export interface MailOutboxTable {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: Date;
  attempts: Generated<number>;
  next_attempt_at: Date;
  sent_at: Date | null;
  last_error: string | null;
}

export interface ScheduledJobsTable {
  name: string;
  next_run_at: Date;
  locked_until: Date | null;
  locked_by: string | null;
  last_run_at: Date | null;
  last_error: string | null;
}

export interface MeasuresTable {
  item_id: string;
  stage: "proposed" | "adopted" | "retired";
  applies_to_sectors: string[];
  applies_to_kinds: string[];
  adopted_at: Date | null;
  adopted_by: string | null;
  decision_id: string | null;
  decision_note: string;
  review_interval_months: number | null;
  target_date: string | null;
  next_review_on: string | null;
  last_review_on: string | null;
  retired_at: Date | null;
  retired_reason: string | null;
}

export interface MeasureImplementationsTable extends ContentColumns {
  measure_id: string;
  organisation_id: string;
  status: "not-started" | "planned" | "in-progress" | "implemented" | "not-applicable";
  reason: string;
  evidence: string;
  statistics_consent: Generated<boolean>;
  updated_at: Date;
  confirmed_at: Date;
}

export interface MeasureStatusHistoryTable {
  id: string;
  measure_id: string;
  organisation_id: string;
  status: string;
  at: Date;
}

export interface ServicesTable extends ContentColumns {
  id: string;
  name: string;
  description: string;
  sector: string;
  region: string;
  created_at: Date;
  updated_at: Date;
}

export interface ServiceDependenciesTable {
  id: string;
  dependent_id: string;
  provider_id: string;
  type: "physical" | "cyber" | "geographic" | "logical";
  buffer_hours: number;
  delay_hours: number;
  degradation: "partial" | "total";
  created_by: string;
  created_at: Date;
}

export interface IimCoefficientsTable {
  id: number;
  sectors: string[];
  coefficients: number[][];
  updated_by: string | null;
  updated_at: Date;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Date;
}

export interface FederationPeersTable {
  id: string;
  name: string;
  api_root: string;
  collection_id: Generated<string | null>;
  remote_username: Generated<string>;
  /** The credential Roundtable presents to the peer: it must be sent, so it cannot be hashed. */
  remote_secret: Generated<string>;
  partner: boolean;
  pull: Generated<boolean>;
  push: Generated<boolean>;
  inbound_prefix: string;
  inbound_token_hash: string;
  steward_id: string;
  created_at: Date;
  revoked_at: Generated<Date | null>;
  pulled_until: Generated<string | null>;
  pushed_until: Generated<string | null>;
  last_run_at: Generated<Date | null>;
  last_error: Generated<string | null>;
}

export interface ItemReleasesTable {
  item_id: string;
  peer_id: string;
  released_by: string;
  released_at: Date;
}

export interface TaxiiStatusesTable {
  id: string;
  owner: string;
  status: "pending" | "complete";
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes: unknown[];
  failures: unknown[];
  created_at: Date;
}

/** Every table Roundtable owns. */
export interface ItemReadsTable {
  item_id: string;
  person_id: string;
  organisation_id: string;
  first_read_at: Date;
}

export interface DB {
  organisations: OrganisationsTable;
  persons: PersonsTable;
  invitations: InvitationsTable;
  bootstrap_tokens: BootstrapTokensTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  documents: DocumentsTable;
  document_acceptances: DocumentAcceptancesTable;
  working_groups: WorkingGroupsTable;
  working_group_members: WorkingGroupMembersTable;
  items: ItemsTable;
  item_label_changes: ItemLabelChangesTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  item_versions: ItemVersionsTable;
  comments: CommentsTable;
  attachments: AttachmentsTable;
  item_links: ItemLinksTable;
  item_reactions: ItemReactionsTable;
  item_acknowledgements: ItemAcknowledgementsTable;
  saved_searches: SavedSearchesTable;
  meetings: MeetingsTable;
  agenda_items: AgendaItemsTable;
  meeting_decisions: MeetingDecisionsTable;
  meeting_attendance: MeetingAttendanceTable;
  action_items: ActionItemsTable;
  action_updates: ActionUpdatesTable;
  urgent_calls: UrgentCallsTable;
  roll_call_answers: RollCallAnswersTable;
  warning_escalations: WarningEscalationsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  calendar_feeds: CalendarFeedsTable;
  mail_outbox: MailOutboxTable;
  scheduled_jobs: ScheduledJobsTable;
  measures: MeasuresTable;
  measure_implementations: MeasureImplementationsTable;
  measure_status_history: MeasureStatusHistoryTable;
  services: ServicesTable;
  service_dependencies: ServiceDependenciesTable;
  iim_coefficients: IimCoefficientsTable;
  item_reads: ItemReadsTable;
  federation_peers: FederationPeersTable;
  item_releases: ItemReleasesTable;
  taxii_statuses: TaxiiStatusesTable;
  server_keys: { name: string; value: string };
}

/** Tables in an order that respects foreign keys (backup and restore use it). */
export const TABLES_IN_DEPENDENCY_ORDER = [
  "organisations",
  "persons",
  "federation_peers",
  "invitations",
  "bootstrap_tokens",
  "sessions",
  "api_tokens",
  "documents",
  "document_acceptances",
  "working_groups",
  "working_group_members",
  "items",
  "item_label_changes",
  "item_versions",
  "comments",
  "attachments",
  "item_links",
  "item_reactions",
  "item_acknowledgements",
  "saved_searches",
  "meetings",
  "agenda_items",
  "meeting_decisions",
  "meeting_attendance",
  "action_items",
  "action_updates",
  "urgent_calls",
  "roll_call_answers",
  "warning_escalations",
  "notifications",
  "notification_preferences",
  "calendar_feeds",
  "mail_outbox",
  "scheduled_jobs",
  "measures",
  "measure_implementations",
  "measure_status_history",
  "services",
  "service_dependencies",
  "iim_coefficients",
  "item_reads",
  "item_releases",
  "taxii_statuses",
  "server_keys",
  "audit_log",
] as const satisfies readonly (keyof DB)[];
