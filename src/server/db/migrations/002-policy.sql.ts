// Migration 2: the application role, the viewer facts and row-level security derived from the
// TLP rule table in src/shared/policy.ts (the second, independent enforcement layer).
import { readPredicateSql } from "../../../shared/policy-sql.js";

/** The role every request's transaction runs as; it owns nothing, so RLS always applies. */
export const APP_ROLE = "roundtable_app";

const ROLE = `
DO $$ BEGIN
  CREATE ROLE ${APP_ROLE} NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$ BEGIN
  IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
    EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
  END IF;
END $$;
`;

const VIEWER_FUNCTIONS = `
CREATE FUNCTION rt_viewer() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('rt.viewer', true), '')::uuid $$;
CREATE FUNCTION rt_viewer_org() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('rt.org', true), '')::uuid $$;
CREATE FUNCTION rt_viewer_active() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT coalesce(current_setting('rt.active', true) = 'on', false) $$;
CREATE FUNCTION rt_viewer_accepted() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT coalesce(current_setting('rt.accepted', true) = 'on', false) $$;
CREATE FUNCTION rt_viewer_groups() RETURNS uuid[] LANGUAGE sql STABLE AS
  $$ SELECT coalesce(nullif(current_setting('rt.groups', true), ''), '{}')::uuid[] $$;
CREATE FUNCTION rt_viewer_org_groups() RETURNS uuid[] LANGUAGE sql STABLE AS
  $$ SELECT coalesce(nullif(current_setting('rt.org_groups', true), ''), '{}')::uuid[] $$;
CREATE FUNCTION rt_viewer_org_persons() RETURNS uuid[] LANGUAGE sql STABLE AS
  $$ SELECT coalesce(nullif(current_setting('rt.org_persons', true), ''), '{}')::uuid[] $$;

-- Computes the viewer's facts from the membership tables and stores them for this transaction.
CREATE FUNCTION rt_set_viewer(p uuid) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  v_org uuid;
  v_active boolean := false;
  v_accepted boolean := false;
BEGIN
  SELECT pe.organisation_id, (pe.status = 'active' AND o.status = 'active')
    INTO v_org, v_active
    FROM persons pe JOIN organisations o ON o.id = pe.organisation_id
   WHERE pe.id = p;
  SELECT count(*) = 2 INTO v_accepted
    FROM (SELECT DISTINCT ON (kind) id FROM documents ORDER BY kind, version DESC) cur
    JOIN document_acceptances a ON a.document_id = cur.id AND a.person_id = p;
  PERFORM set_config('rt.viewer', coalesce(p::text, ''), true);
  PERFORM set_config('rt.org', coalesce(v_org::text, ''), true);
  PERFORM set_config('rt.active', CASE WHEN coalesce(v_active, false) THEN 'on' ELSE 'off' END, true);
  PERFORM set_config('rt.accepted', CASE WHEN coalesce(v_accepted, false) THEN 'on' ELSE 'off' END, true);
  PERFORM set_config('rt.groups', (
    SELECT coalesce(array_agg(DISTINCT m.group_id), '{}')::text FROM working_group_members m
     WHERE m.person_id = p OR m.organisation_id = v_org), true);
  PERFORM set_config('rt.org_groups', (
    SELECT coalesce(array_agg(DISTINCT m.group_id), '{}')::text FROM working_group_members m
      LEFT JOIN persons mp ON mp.id = m.person_id
     WHERE m.organisation_id = v_org OR mp.organisation_id = v_org), true);
  PERFORM set_config('rt.org_persons', (
    SELECT coalesce(array_agg(pe.id), '{}')::text FROM persons pe WHERE pe.organisation_id = v_org), true);
END $$;
`;

const GRANTS = `
GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON organisations, persons, invitations, bootstrap_tokens, sessions,
  api_tokens, documents, document_acceptances, working_groups, working_group_members TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE ON items TO ${APP_ROLE};
GRANT SELECT, INSERT ON item_label_changes, audit_log TO ${APP_ROLE};
`;

const ROW_LEVEL_SECURITY = `
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_read ON items FOR SELECT TO ${APP_ROLE} USING (${readPredicateSql("items")});
CREATE POLICY items_insert ON items FOR INSERT TO ${APP_ROLE}
  WITH CHECK (rt_viewer_active() AND author_id = rt_viewer() AND author_organisation_id = rt_viewer_org());
CREATE POLICY items_update ON items FOR UPDATE TO ${APP_ROLE}
  USING (${readPredicateSql("items")} AND author_organisation_id = rt_viewer_org())
  WITH CHECK (author_organisation_id = rt_viewer_org());

ALTER TABLE item_label_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY item_label_changes_read ON item_label_changes FOR SELECT TO ${APP_ROLE}
  USING (EXISTS (SELECT 1 FROM items i WHERE i.id = item_id));
CREATE POLICY item_label_changes_insert ON item_label_changes FOR INSERT TO ${APP_ROLE}
  WITH CHECK (changed_by = rt_viewer() AND EXISTS (SELECT 1 FROM items i WHERE i.id = item_id));
`;

/** The statements of migration 2, in order. */
export const POLICY_STATEMENTS = [ROLE, VIEWER_FUNCTIONS, GRANTS, ROW_LEVEL_SECURITY];
