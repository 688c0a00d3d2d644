// Migration 1: membership, identity, documents, items and the audit log.
export const CORE_SCHEMA = `
CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('public', 'private', 'academia')),
  sectors text[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('invited', 'active', 'suspended', 'left')),
  is_secretariat boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  left_at timestamptz,
  exit_confirmation text
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));
CREATE UNIQUE INDEX organisations_one_secretariat ON organisations (is_secretariat) WHERE is_secretariat;

CREATE TABLE persons (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('member', 'chair', 'secretariat')),
  chair_seat text CHECK (chair_seat IN ('industry', 'public')),
  status text NOT NULL CHECK (status IN ('invited', 'active', 'suspended', 'left')),
  password_hash text,
  totp_secret text,
  totp_pending_secret text,
  totp_last_step bigint,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  activated_at timestamptz,
  left_at timestamptz,
  exit_confirmation text,
  CHECK ((role = 'chair') = (chair_seat IS NOT NULL))
);
CREATE UNIQUE INDEX persons_email_key ON persons (lower(email));
CREATE UNIQUE INDEX persons_one_chair_per_seat ON persons (chair_seat) WHERE chair_seat IS NOT NULL;
CREATE INDEX persons_organisation ON persons (organisation_id);

CREATE TABLE invitations (
  token_hash text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE bootstrap_tokens (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  stage text NOT NULL CHECK (stage IN ('complete', 'second_factor', 'enrolment')),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  name text NOT NULL,
  prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_tokens_person ON api_tokens (person_id);

CREATE TABLE documents (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('terms-of-reference', 'nda')),
  version integer NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  published_at timestamptz NOT NULL,
  published_by uuid REFERENCES persons (id),
  UNIQUE (kind, version)
);

CREATE TABLE document_acceptances (
  person_id uuid NOT NULL REFERENCES persons (id),
  document_id uuid NOT NULL REFERENCES documents (id),
  accepted_at timestamptz NOT NULL,
  PRIMARY KEY (person_id, document_id)
);

CREATE TABLE working_groups (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX working_groups_name_key ON working_groups (lower(name));

CREATE TABLE working_group_members (
  group_id uuid NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
  person_id uuid REFERENCES persons (id),
  organisation_id uuid REFERENCES organisations (id),
  CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
CREATE UNIQUE INDEX working_group_members_person ON working_group_members (group_id, person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX working_group_members_org ON working_group_members (group_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX working_group_members_by_person ON working_group_members (person_id);
CREATE INDEX working_group_members_by_org ON working_group_members (organisation_id);

CREATE TABLE items (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  sectors text[] NOT NULL DEFAULT '{}',
  tlp text NOT NULL CHECK (tlp IN ('TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED')),
  audience_exchange boolean NOT NULL,
  audience_organisations uuid[] NOT NULL DEFAULT '{}',
  audience_groups uuid[] NOT NULL DEFAULT '{}',
  audience_persons uuid[] NOT NULL DEFAULT '{}',
  author_id uuid NOT NULL REFERENCES persons (id),
  author_organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
  ) STORED,
  CHECK (tlp <> 'TLP:RED' OR (NOT audience_exchange AND cardinality(audience_organisations) = 0
    AND cardinality(audience_groups) = 0 AND cardinality(audience_persons) > 0))
);
CREATE INDEX items_feed ON items (created_at DESC, id DESC);
CREATE INDEX items_search ON items USING gin (search);
CREATE INDEX items_author_org ON items (author_organisation_id, created_at DESC);
CREATE INDEX items_audience_persons ON items USING gin (audience_persons);

CREATE TABLE item_label_changes (
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES items (id),
  from_tlp text NOT NULL,
  to_tlp text NOT NULL,
  reason text NOT NULL DEFAULT '',
  changed_by uuid NOT NULL REFERENCES persons (id),
  changed_at timestamptz NOT NULL
);
CREATE INDEX item_label_changes_item ON item_label_changes (item_id, changed_at);

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  organisation_id uuid,
  category text NOT NULL,
  action text NOT NULL,
  subject_type text,
  subject_id text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (organisation_id, seq DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
`;

/** TRUNCATE is not a row event; block it separately so the log stays append-only. */
export const CORE_SCHEMA_TRUNCATE_GUARD = `
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;
