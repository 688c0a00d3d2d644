// Migration 6: what participation statistics need beyond what is recorded already — who read
// which item (first read per person), each organisation's consent to be named in insight reports —
// and the one door through which statistics see items they may not read: the items whose
// originator allowed anonymised statistics, without title or body.
import { readPredicateSql } from "../../../shared/policy-sql.js";
import { APP_ROLE } from "./002-policy.sql.js";

const TABLES = `
CREATE TABLE item_reads (
  item_id uuid NOT NULL REFERENCES items (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  first_read_at timestamptz NOT NULL,
  PRIMARY KEY (item_id, person_id)
);
CREATE INDEX item_reads_when ON item_reads (first_read_at);

ALTER TABLE organisations ADD COLUMN named_in_insight boolean NOT NULL DEFAULT false;
CREATE INDEX items_created ON items (created_at);
CREATE INDEX comments_author_org ON comments (author_organisation_id, created_at DESC);
`;

// The statistics' view of items created in [from, to): what the viewer may read, plus what its
// originator released for anonymised statistics — metadata only, never title or body, and a
// flag saying which of the two each row is. SECURITY DEFINER because RLS would hide the second
// part; the viewer's facts still come from the transaction's settings, and only an active viewer
// who accepted the current documents gets the released part.
const STATISTICS_ITEMS = `
CREATE FUNCTION rt_statistics_items(from_at timestamptz, to_at timestamptz)
RETURNS TABLE (
  id uuid, kind text, tlp text, author_organisation_id uuid, created_at timestamptz, sectors text[],
  anonymous boolean, statistics_consent boolean, readable boolean,
  audience_exchange boolean, audience_organisations uuid[], audience_groups uuid[], audience_persons uuid[],
  severity integer, started_at timestamptz, cascade_analysis boolean
) LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT * FROM (
    SELECT i.id, i.kind, i.tlp, i.author_organisation_id, i.created_at, i.sectors,
           i.anonymous, i.statistics_consent, ${readPredicateSql("i")} AS readable,
           i.audience_exchange, i.audience_organisations, i.audience_groups, i.audience_persons,
           CASE WHEN i.kind = 'incident' THEN (i.details #>> '{impact,severity}')::integer END,
           CASE WHEN i.kind = 'incident' THEN (i.details ->> 'startedAt')::timestamptz END,
           i.kind = 'analysis-report' AND coalesce(i.details ->> 'methodology', '') LIKE 'Event-driven cascade simulation%'
      FROM items i
     WHERE i.created_at >= from_at AND i.created_at < to_at
  ) s WHERE s.readable OR (s.statistics_consent AND rt_viewer_active() AND rt_viewer_accepted())
$$;
REVOKE EXECUTE ON FUNCTION rt_statistics_items(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rt_statistics_items(timestamptz, timestamptz) TO ${APP_ROLE};
`;

// First reads and reactions of [from, to) on items the viewer may read. Under RLS the item's
// predicate ran for the item, again for every read row's own policy; here it runs once per item
// (the same predicate, as the owner), then the rows are counted.
const INTERACTIONS = `
CREATE FUNCTION rt_statistics_reads(from_at timestamptz, to_at timestamptz)
RETURNS TABLE (org uuid, month text, n integer) LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  WITH window_reads AS MATERIALIZED (
    SELECT r.item_id, r.organisation_id, to_char(r.first_read_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::integer AS n
      FROM item_reads r WHERE r.first_read_at >= from_at AND r.first_read_at < to_at GROUP BY 1, 2, 3),
  readable AS MATERIALIZED (
    SELECT i.id, i.author_organisation_id FROM items i
     WHERE i.id IN (SELECT item_id FROM window_reads) AND ${readPredicateSql("i")})
  SELECT w.organisation_id, w.month, sum(w.n)::integer FROM window_reads w JOIN readable x ON x.id = w.item_id
   WHERE w.organisation_id <> x.author_organisation_id GROUP BY 1, 2
$$;

CREATE FUNCTION rt_statistics_reactions(from_at timestamptz, to_at timestamptz)
RETURNS TABLE (org uuid, reaction text, n integer) LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  WITH window_reactions AS MATERIALIZED (
    SELECT x.item_id, x.organisation_id, x.reaction, count(*)::integer AS n FROM item_reactions x
     WHERE x.reaction IN ('useful', 'seen') AND x.created_at >= from_at AND x.created_at < to_at GROUP BY 1, 2, 3),
  readable AS MATERIALIZED (
    SELECT i.id, i.author_organisation_id FROM items i
     WHERE i.id IN (SELECT item_id FROM window_reactions) AND ${readPredicateSql("i")}
       AND (NOT i.anonymous OR i.author_organisation_id = rt_viewer_org()))
  SELECT x.author_organisation_id, w.reaction, sum(w.n)::integer FROM window_reactions w JOIN readable x ON x.id = w.item_id
   WHERE w.organisation_id <> x.author_organisation_id GROUP BY 1, 2
$$;
REVOKE EXECUTE ON FUNCTION rt_statistics_reads(timestamptz, timestamptz), rt_statistics_reactions(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rt_statistics_reads(timestamptz, timestamptz), rt_statistics_reactions(timestamptz, timestamptz) TO ${APP_ROLE};
`;

const POLICIES = `
GRANT SELECT, INSERT ON item_reads TO ${APP_ROLE};
ALTER TABLE item_reads ENABLE ROW LEVEL SECURITY;
CREATE POLICY item_reads_read ON item_reads FOR SELECT TO ${APP_ROLE}
  USING (EXISTS (SELECT 1 FROM items i WHERE i.id = item_reads.item_id));
CREATE POLICY item_reads_insert ON item_reads FOR INSERT TO ${APP_ROLE}
  WITH CHECK (person_id = rt_viewer() AND organisation_id = rt_viewer_org()
              AND EXISTS (SELECT 1 FROM items i WHERE i.id = item_reads.item_id));
`;

/** The statements of migration 6, in order. */
export const INSIGHT_STATEMENTS = [TABLES, STATISTICS_ITEMS, INTERACTIONS, POLICIES];
