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

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Date;
}

/** Every table Roundtable owns. */
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
}

/** Tables in an order that respects foreign keys (backup and restore use it). */
export const TABLES_IN_DEPENDENCY_ORDER = [
  "organisations",
  "persons",
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
  "audit_log",
] as const satisfies readonly (keyof DB)[];
