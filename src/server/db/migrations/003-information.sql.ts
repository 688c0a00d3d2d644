// Migration 3: the information model — kind details, anonymity, versions, threads, attachments,
// links, reactions, acknowledgements, saved searches — each content table under the same RLS.
import { readPredicateSql } from "../../../shared/policy-sql.js";
import { APP_ROLE } from "./002-policy.sql.js";

/** The TLP columns of every content table (RED: named persons only). Later migrations reuse them. */
export const AUDIENCE_COLUMNS = `
  tlp text NOT NULL CHECK (tlp IN ('TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED')),
  audience_exchange boolean NOT NULL,
  audience_organisations uuid[] NOT NULL DEFAULT '{}',
  audience_groups uuid[] NOT NULL DEFAULT '{}',
  audience_persons uuid[] NOT NULL DEFAULT '{}',
  author_id uuid NOT NULL REFERENCES persons (id),
  author_organisation_id uuid NOT NULL REFERENCES organisations (id),
  CHECK (tlp <> 'TLP:RED' OR (NOT audience_exchange AND cardinality(audience_organisations) = 0
    AND cardinality(audience_groups) = 0 AND cardinality(audience_persons) > 0))`;

const ITEMS = `
ALTER TABLE items
  ADD COLUMN details jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN status text,
  ADD COLUMN anonymous boolean NOT NULL DEFAULT false,
  ADD COLUMN pseudonym text,
  ADD COLUMN statistics_consent boolean NOT NULL DEFAULT false,
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN summary text;
ALTER TABLE items DROP COLUMN search;
ALTER TABLE items ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A')
  || setweight(to_tsvector('english', body), 'B')
  || setweight(jsonb_to_tsvector('english', details, '["string"]'), 'C')
  || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
) STORED;
CREATE INDEX items_search ON items USING gin (search);
CREATE INDEX items_kind ON items (kind, created_at DESC);
`;

const TABLES = `
CREATE TABLE item_versions (
  item_id uuid NOT NULL REFERENCES items (id),
  version integer NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  sectors text[] NOT NULL,
  details jsonb NOT NULL,
  ${AUDIENCE_COLUMNS},
  edited_by uuid NOT NULL REFERENCES persons (id),
  edited_at timestamptz NOT NULL,
  PRIMARY KEY (item_id, version)
);

CREATE TABLE comments (
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES items (id),
  parent_id uuid REFERENCES comments (id),
  depth integer NOT NULL DEFAULT 0 CHECK (depth BETWEEN 0 AND 10),
  body text NOT NULL,
  ${AUDIENCE_COLUMNS},
  anonymous boolean NOT NULL DEFAULT false,
  pseudonym text NOT NULL,
  created_at timestamptz NOT NULL,
  search tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED
);
CREATE INDEX comments_item ON comments (item_id, created_at);
CREATE INDEX comments_search ON comments USING gin (search);

CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES items (id),
  filename text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  ${AUDIENCE_COLUMNS},
  anonymous boolean NOT NULL DEFAULT false,
  pseudonym text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX attachments_item ON attachments (item_id, created_at);

CREATE TABLE item_links (
  id uuid PRIMARY KEY,
  from_item_id uuid NOT NULL REFERENCES items (id),
  to_item_id uuid NOT NULL REFERENCES items (id),
  relation text NOT NULL,
  created_by uuid NOT NULL REFERENCES persons (id),
  created_at timestamptz NOT NULL,
  UNIQUE (from_item_id, to_item_id, relation),
  CHECK (from_item_id <> to_item_id)
);
CREATE INDEX item_links_to ON item_links (to_item_id);

CREATE TABLE item_reactions (
  item_id uuid NOT NULL REFERENCES items (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  reaction text NOT NULL CHECK (reaction IN ('useful', 'seen', 'false-positive')),
  context text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (item_id, person_id, reaction)
);

CREATE TABLE item_acknowledgements (
  item_id uuid NOT NULL REFERENCES items (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  acknowledged_at timestamptz NOT NULL,
  PRIMARY KEY (item_id, organisation_id)
);

CREATE TABLE saved_searches (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  name text NOT NULL,
  filters jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX saved_searches_person ON saved_searches (person_id);
`;

// Is a parent comment (and its ancestors) readable by the transaction's viewer? SECURITY DEFINER:
// a policy on comments cannot query comments under its own policy, so the predicate is applied here.
const COMMENT_CHAIN = `
CREATE FUNCTION rt_comment_readable(c uuid) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE parent uuid; visible boolean;
BEGIN
  SELECT x.parent_id, ${readPredicateSql("x")} INTO parent, visible FROM comments x WHERE x.id = c;
  IF NOT coalesce(visible, false) THEN RETURN false; END IF;
  RETURN parent IS NULL OR rt_comment_readable(parent);
END $$;
`;

// Full-text matching under RLS cannot use the GIN indexes (the @@ operator is not leakproof, so it
// is evaluated after the row policy, row by row). This function searches as the owner — with the
// indexes — and applies the TLP predicate itself, so it returns only what the viewer may read.
const SEARCH = `
CREATE FUNCTION rt_matching_items(q tsquery, name_pattern text) RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER ROWS 100
SET search_path = public, pg_temp AS $$
  SELECT i.id FROM items i WHERE i.search @@ q AND ${readPredicateSql("i")}
  UNION
  SELECT c.item_id FROM comments c JOIN items i ON i.id = c.item_id
   WHERE c.search @@ q AND ${readPredicateSql("c")} AND ${readPredicateSql("i")}
     AND (c.parent_id IS NULL OR rt_comment_readable(c.parent_id))
  UNION
  SELECT a.item_id FROM attachments a JOIN items i ON i.id = a.item_id
   WHERE a.filename ILIKE name_pattern AND ${readPredicateSql("a")} AND ${readPredicateSql("i")}
$$;
`;

const ITEM_READABLE = (column: string) => `EXISTS (SELECT 1 FROM items i WHERE i.id = ${column})`;

const GRANTS_AND_POLICIES = `
GRANT SELECT, INSERT ON item_versions, comments, attachments TO ${APP_ROLE};
GRANT SELECT, INSERT, DELETE ON item_links TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON item_reactions TO ${APP_ROLE};
GRANT SELECT, INSERT ON item_acknowledgements TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_searches TO ${APP_ROLE};

ALTER TABLE item_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY item_versions_read ON item_versions FOR SELECT TO ${APP_ROLE}
  USING (${readPredicateSql("item_versions")} AND ${ITEM_READABLE("item_versions.item_id")});
CREATE POLICY item_versions_insert ON item_versions FOR INSERT TO ${APP_ROLE}
  WITH CHECK (edited_by = rt_viewer() AND author_organisation_id = rt_viewer_org()
              AND EXISTS (SELECT 1 FROM items i WHERE i.id = item_id AND i.author_organisation_id = rt_viewer_org()));

ALTER TABLE comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY comments_read ON comments FOR SELECT TO ${APP_ROLE}
  USING (${readPredicateSql("comments")} AND ${ITEM_READABLE("comments.item_id")}
         AND (comments.parent_id IS NULL OR rt_comment_readable(comments.parent_id)));
CREATE POLICY comments_insert ON comments FOR INSERT TO ${APP_ROLE}
  WITH CHECK (rt_viewer_active() AND author_id = rt_viewer() AND author_organisation_id = rt_viewer_org()
              AND ${ITEM_READABLE("comments.item_id")});

ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY attachments_read ON attachments FOR SELECT TO ${APP_ROLE}
  USING (${readPredicateSql("attachments")} AND ${ITEM_READABLE("attachments.item_id")});
CREATE POLICY attachments_insert ON attachments FOR INSERT TO ${APP_ROLE}
  WITH CHECK (rt_viewer_active() AND author_id = rt_viewer() AND author_organisation_id = rt_viewer_org()
              AND ${ITEM_READABLE("attachments.item_id")});

ALTER TABLE item_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY item_links_read ON item_links FOR SELECT TO ${APP_ROLE}
  USING (${ITEM_READABLE("item_links.from_item_id")} AND ${ITEM_READABLE("item_links.to_item_id")});
CREATE POLICY item_links_insert ON item_links FOR INSERT TO ${APP_ROLE}
  WITH CHECK (created_by = rt_viewer() AND ${ITEM_READABLE("item_links.from_item_id")} AND ${ITEM_READABLE("item_links.to_item_id")});
CREATE POLICY item_links_delete ON item_links FOR DELETE TO ${APP_ROLE}
  USING (${ITEM_READABLE("item_links.from_item_id")} AND ${ITEM_READABLE("item_links.to_item_id")}
         AND (created_by = rt_viewer()
              OR EXISTS (SELECT 1 FROM items f WHERE f.id = item_links.from_item_id AND f.author_organisation_id = rt_viewer_org())));

-- Label changes come from the originating organisation only (tightens migration 2's policy).
DROP POLICY item_label_changes_insert ON item_label_changes;
CREATE POLICY item_label_changes_insert ON item_label_changes FOR INSERT TO ${APP_ROLE}
  WITH CHECK (changed_by = rt_viewer()
              AND EXISTS (SELECT 1 FROM items i WHERE i.id = item_id AND i.author_organisation_id = rt_viewer_org()));

-- The viewer facts are plain settings: only the application role may run the functions that read
-- content on their basis, so another login on a shared server gets no search oracle.
REVOKE EXECUTE ON FUNCTION rt_set_viewer(uuid), rt_comment_readable(uuid), rt_matching_items(tsquery, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rt_set_viewer(uuid), rt_comment_readable(uuid), rt_matching_items(tsquery, text) TO ${APP_ROLE};

ALTER TABLE item_reactions ENABLE ROW LEVEL SECURITY;
CREATE POLICY item_reactions_read ON item_reactions FOR SELECT TO ${APP_ROLE} USING (${ITEM_READABLE("item_reactions.item_id")});
CREATE POLICY item_reactions_insert ON item_reactions FOR INSERT TO ${APP_ROLE}
  WITH CHECK (person_id = rt_viewer() AND organisation_id = rt_viewer_org() AND ${ITEM_READABLE("item_reactions.item_id")});
CREATE POLICY item_reactions_update ON item_reactions FOR UPDATE TO ${APP_ROLE}
  USING (person_id = rt_viewer()) WITH CHECK (person_id = rt_viewer());
CREATE POLICY item_reactions_delete ON item_reactions FOR DELETE TO ${APP_ROLE} USING (person_id = rt_viewer());

ALTER TABLE item_acknowledgements ENABLE ROW LEVEL SECURITY;
CREATE POLICY item_acknowledgements_read ON item_acknowledgements FOR SELECT TO ${APP_ROLE}
  USING (${ITEM_READABLE("item_acknowledgements.item_id")});
CREATE POLICY item_acknowledgements_insert ON item_acknowledgements FOR INSERT TO ${APP_ROLE}
  WITH CHECK (person_id = rt_viewer() AND organisation_id = rt_viewer_org() AND ${ITEM_READABLE("item_acknowledgements.item_id")});

ALTER TABLE saved_searches ENABLE ROW LEVEL SECURITY;
CREATE POLICY saved_searches_own ON saved_searches FOR ALL TO ${APP_ROLE}
  USING (person_id = rt_viewer()) WITH CHECK (person_id = rt_viewer());
`;

/** The statements of migration 3, in order. */
export const INFORMATION_STATEMENTS = [ITEMS, TABLES, COMMENT_CHAIN, SEARCH, GRANTS_AND_POLICIES];
