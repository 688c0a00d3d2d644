// Migration 5: preparedness measures (adoption, per-organisation implementation, reviews) and
// interdependencies (services, dependencies, the sector coefficients of the IIM). A measure is an
// item of kind "measure"; its workflow lives beside it. Implementation reports and services carry
// the TLP columns and the same row-level security as items; a dependency is readable only where
// both of its services are.
import { readPredicateSql } from "../../../shared/policy-sql.js";
import { APP_ROLE } from "./002-policy.sql.js";
import { AUDIENCE_COLUMNS } from "./003-information.sql.js";

const TABLES = `
CREATE TABLE measures (
  item_id uuid PRIMARY KEY REFERENCES items (id),
  stage text NOT NULL CHECK (stage IN ('proposed', 'adopted', 'retired')),
  applies_to_sectors text[] NOT NULL,
  applies_to_kinds text[] NOT NULL,
  adopted_at timestamptz,
  adopted_by uuid REFERENCES persons (id),
  decision_id uuid REFERENCES meeting_decisions (id),
  decision_note text NOT NULL DEFAULT '',
  review_interval_months integer CHECK (review_interval_months BETWEEN 1 AND 60),
  target_date date,
  next_review_on date,
  last_review_on date,
  retired_at timestamptz,
  retired_reason text
);
CREATE INDEX measures_review ON measures (next_review_on) WHERE stage = 'adopted';

CREATE TABLE measure_implementations (
  measure_id uuid NOT NULL REFERENCES measures (item_id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  status text NOT NULL CHECK (status IN ('not-started', 'planned', 'in-progress', 'implemented', 'not-applicable')),
  reason text NOT NULL DEFAULT '',
  evidence text NOT NULL DEFAULT '',
  -- The organisation lets its status count, anonymised, in the exchange's aggregates.
  statistics_consent boolean NOT NULL DEFAULT true,
  ${AUDIENCE_COLUMNS},
  updated_at timestamptz NOT NULL,
  confirmed_at timestamptz NOT NULL,
  PRIMARY KEY (measure_id, organisation_id),
  CHECK (author_organisation_id = organisation_id)
);

-- Statuses over time, for adoption charts: no evidence, no reason, read only as aggregates.
CREATE TABLE measure_status_history (
  id uuid PRIMARY KEY,
  measure_id uuid NOT NULL REFERENCES measures (item_id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  status text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX measure_status_history_measure ON measure_status_history (measure_id, at);

CREATE TABLE services (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  sector text NOT NULL,
  region text NOT NULL,
  ${AUDIENCE_COLUMNS},
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE service_dependencies (
  id uuid PRIMARY KEY,
  dependent_id uuid NOT NULL REFERENCES services (id),
  provider_id uuid NOT NULL REFERENCES services (id),
  type text NOT NULL CHECK (type IN ('physical', 'cyber', 'geographic', 'logical')),
  buffer_hours double precision NOT NULL CHECK (buffer_hours >= 0),
  delay_hours double precision NOT NULL CHECK (delay_hours >= 0),
  degradation text NOT NULL CHECK (degradation IN ('partial', 'total')),
  created_by uuid NOT NULL REFERENCES persons (id),
  created_at timestamptz NOT NULL,
  CHECK (dependent_id <> provider_id),
  UNIQUE (dependent_id, provider_id, type)
);
CREATE INDEX service_dependencies_provider ON service_dependencies (provider_id);

CREATE TABLE iim_coefficients (
  id integer PRIMARY KEY CHECK (id = 1),
  sectors text[] NOT NULL,
  coefficients jsonb NOT NULL,
  updated_by uuid REFERENCES persons (id),
  updated_at timestamptz NOT NULL
);
`;

// The chairs and the secretariat move a measure through its stages without being its originator;
// the item's row-level security lets only the originator update it, so this one narrow function
// mirrors the stage (and applicability) onto the item, for a measure the viewer may read.
const MEASURE_ITEM_SYNC = `
CREATE FUNCTION rt_sync_measure_item(p_item uuid, p_status text, p_details jsonb, p_at timestamptz) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE items i SET status = p_status, details = coalesce(p_details, i.details), updated_at = p_at
   WHERE i.id = p_item AND i.kind = 'measure' AND ${readPredicateSql("i")} AND rt_viewer_role() IN ('chair', 'secretariat');
$$;
REVOKE EXECUTE ON FUNCTION rt_sync_measure_item(uuid, text, jsonb, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rt_sync_measure_item(uuid, text, jsonb, timestamptz) TO ${APP_ROLE};
`;

const ITEM_READABLE = (column: string) => `EXISTS (SELECT 1 FROM items i WHERE i.id = ${column})`;
const SERVICE_READABLE = (column: string) => `EXISTS (SELECT 1 FROM services s WHERE s.id = ${column})`;

const GRANTS_AND_POLICIES = `
GRANT SELECT, INSERT, UPDATE ON measures, measure_implementations, services TO ${APP_ROLE};
GRANT SELECT, INSERT ON measure_status_history TO ${APP_ROLE};
GRANT SELECT, INSERT, DELETE ON service_dependencies TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE ON iim_coefficients TO ${APP_ROLE};

ALTER TABLE measures ENABLE ROW LEVEL SECURITY;
CREATE POLICY measures_read ON measures FOR SELECT TO ${APP_ROLE} USING (${ITEM_READABLE("measures.item_id")});
CREATE POLICY measures_insert ON measures FOR INSERT TO ${APP_ROLE} WITH CHECK (${ITEM_READABLE("measures.item_id")});
CREATE POLICY measures_update ON measures FOR UPDATE TO ${APP_ROLE}
  USING (${ITEM_READABLE("measures.item_id")} AND rt_viewer_role() IN ('chair', 'secretariat'));

-- A report is read under its own label (by default its organisation only) and its measure's.
ALTER TABLE measure_implementations ENABLE ROW LEVEL SECURITY;
CREATE POLICY measure_implementations_read ON measure_implementations FOR SELECT TO ${APP_ROLE}
  USING (${readPredicateSql("measure_implementations")} AND ${ITEM_READABLE("measure_implementations.measure_id")});
CREATE POLICY measure_implementations_insert ON measure_implementations FOR INSERT TO ${APP_ROLE}
  WITH CHECK (rt_viewer_active() AND author_id = rt_viewer() AND organisation_id = rt_viewer_org()
              AND ${ITEM_READABLE("measure_implementations.measure_id")});
CREATE POLICY measure_implementations_update ON measure_implementations FOR UPDATE TO ${APP_ROLE}
  USING (organisation_id = rt_viewer_org()) WITH CHECK (organisation_id = rt_viewer_org() AND author_id = rt_viewer());

-- History rows are never read by the application role: aggregates are computed by the service.
ALTER TABLE measure_status_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY measure_status_history_insert ON measure_status_history FOR INSERT TO ${APP_ROLE}
  WITH CHECK (organisation_id = rt_viewer_org() AND ${ITEM_READABLE("measure_status_history.measure_id")});

ALTER TABLE services ENABLE ROW LEVEL SECURITY;
CREATE POLICY services_read ON services FOR SELECT TO ${APP_ROLE} USING (${readPredicateSql("services")});
CREATE POLICY services_insert ON services FOR INSERT TO ${APP_ROLE}
  WITH CHECK (rt_viewer_active() AND author_id = rt_viewer() AND author_organisation_id = rt_viewer_org());
CREATE POLICY services_update ON services FOR UPDATE TO ${APP_ROLE}
  USING (${readPredicateSql("services")} AND author_organisation_id = rt_viewer_org())
  WITH CHECK (author_organisation_id = rt_viewer_org());

-- A dependency on another organisation's service is visible only to those who can see both ends.
ALTER TABLE service_dependencies ENABLE ROW LEVEL SECURITY;
CREATE POLICY service_dependencies_read ON service_dependencies FOR SELECT TO ${APP_ROLE}
  USING (${SERVICE_READABLE("service_dependencies.dependent_id")} AND ${SERVICE_READABLE("service_dependencies.provider_id")});
CREATE POLICY service_dependencies_insert ON service_dependencies FOR INSERT TO ${APP_ROLE}
  WITH CHECK (created_by = rt_viewer()
              AND EXISTS (SELECT 1 FROM services s WHERE s.id = dependent_id AND s.author_organisation_id = rt_viewer_org())
              AND ${SERVICE_READABLE("service_dependencies.provider_id")});
CREATE POLICY service_dependencies_delete ON service_dependencies FOR DELETE TO ${APP_ROLE}
  USING (EXISTS (SELECT 1 FROM services s WHERE s.id = dependent_id AND s.author_organisation_id = rt_viewer_org()));

ALTER TABLE iim_coefficients ENABLE ROW LEVEL SECURITY;
CREATE POLICY iim_coefficients_read ON iim_coefficients FOR SELECT TO ${APP_ROLE} USING (rt_viewer_active());
CREATE POLICY iim_coefficients_write ON iim_coefficients FOR ALL TO ${APP_ROLE}
  USING (rt_viewer_role() = 'secretariat') WITH CHECK (updated_by = rt_viewer() AND rt_viewer_role() = 'secretariat');

`;

/** The statements of migration 5, in order. */
export const MEASURES_STATEMENTS = [TABLES, MEASURE_ITEM_SYNC, GRANTS_AND_POLICIES];
