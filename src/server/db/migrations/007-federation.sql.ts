// Migration 7: STIX identity of items (what an imported or federated item was called where it came
// from, and which version of it we hold), peer exchanges, per-peer releases of AMBER items, and the
// TAXII status resources of POSTs. Peers, statuses and releases are read by the federation service
// as the owner after its own checks: a peer is not a person, so the viewer's RLS does not apply.
import { APP_ROLE } from "./002-policy.sql.js";

const ITEMS = `
ALTER TABLE items ADD COLUMN stix_id text;
ALTER TABLE items ADD COLUMN stix_modified timestamptz;
ALTER TABLE items ADD COLUMN source_name text;
ALTER TABLE items ADD COLUMN federated_from uuid;
ALTER TABLE items ADD COLUMN stix_extra jsonb;
CREATE UNIQUE INDEX items_stix_id ON items (stix_id) WHERE stix_id IS NOT NULL;
-- TAXII pages through items in the order they were added (or last changed): keyset on this index.
CREATE INDEX items_added ON items (updated_at, id);
`;

const PEERS = `
CREATE TABLE federation_peers (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  api_root text NOT NULL,
  collection_id text,
  remote_username text NOT NULL DEFAULT '',
  remote_secret text NOT NULL DEFAULT '',
  partner boolean NOT NULL,
  pull boolean NOT NULL DEFAULT true,
  push boolean NOT NULL DEFAULT true,
  inbound_prefix text NOT NULL,
  inbound_token_hash text NOT NULL UNIQUE,
  steward_id uuid NOT NULL REFERENCES persons (id),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  pulled_until text,
  pushed_until text,
  last_run_at timestamptz,
  last_error text
);

ALTER TABLE items ADD CONSTRAINT items_federated_from FOREIGN KEY (federated_from) REFERENCES federation_peers (id);

CREATE TABLE item_releases (
  item_id uuid NOT NULL REFERENCES items (id),
  peer_id uuid NOT NULL REFERENCES federation_peers (id),
  released_by uuid NOT NULL REFERENCES persons (id),
  released_at timestamptz NOT NULL,
  PRIMARY KEY (item_id, peer_id)
);

CREATE TABLE taxii_statuses (
  id uuid PRIMARY KEY,
  owner text NOT NULL,
  status text NOT NULL,
  request_timestamp text NOT NULL,
  total_count integer NOT NULL,
  success_count integer NOT NULL,
  failure_count integer NOT NULL,
  pending_count integer NOT NULL,
  successes jsonb NOT NULL,
  failures jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX taxii_statuses_created ON taxii_statuses (created_at);
`;

// A release names an item the viewer's organisation originated; RLS keeps releases to the
// originating organisation, whose members manage them.
const RELEASES_POLICY = `
GRANT SELECT, INSERT, DELETE ON item_releases TO ${APP_ROLE};
ALTER TABLE item_releases ENABLE ROW LEVEL SECURITY;
CREATE POLICY item_releases_own ON item_releases FOR ALL TO ${APP_ROLE}
  USING (EXISTS (SELECT 1 FROM items i WHERE i.id = item_id AND i.author_organisation_id = rt_viewer_org()))
  WITH CHECK (released_by = rt_viewer()
              AND EXISTS (SELECT 1 FROM items i WHERE i.id = item_id AND i.author_organisation_id = rt_viewer_org()));
GRANT SELECT (id, name, partner, revoked_at) ON federation_peers TO ${APP_ROLE};
`;

// Which of a list of STIX ids this exchange already holds, whoever may read them: an import must
// not create a second item for an object (the unique index would refuse it anyway) nor take an
// echo of its own item for new. Returns no content; the import service decides with it.
const HELD = `
CREATE FUNCTION rt_stix_held(ids text[])
RETURNS TABLE (stix_id text, item_id uuid, stix_modified timestamptz, author_organisation_id uuid,
               federated_from uuid, native boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.stix_id, i.id, i.stix_modified, i.author_organisation_id, i.federated_from, false
    FROM items i WHERE i.stix_id = ANY(ids)
  UNION ALL
  SELECT s.sid, i.id, NULL::timestamptz, i.author_organisation_id, i.federated_from, true
    FROM unnest(ids) AS s(sid) JOIN items i ON i.id = split_part(s.sid, '--', 2)::uuid AND i.stix_id IS NULL
$$;
REVOKE EXECUTE ON FUNCTION rt_stix_held(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rt_stix_held(text[]) TO ${APP_ROLE};
ALTER TABLE item_versions ADD COLUMN stix_modified timestamptz;
CREATE TABLE server_keys (name text PRIMARY KEY, value text NOT NULL);
`;

/** The statements of migration 7, in order. */
export const FEDERATION_STATEMENTS = [ITEMS, PEERS, RELEASES_POLICY, HELD];
