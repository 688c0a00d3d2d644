// Compiles the TLP rule table (policy.ts) into a PostgreSQL predicate. The same text is used in
// repository queries and in the row-level-security policies created by the migrations.
import { type Condition, READ_RULES, type ReadRule } from "./policy.js";

/**
 * SQL for each condition, over an item alias `a` and the viewer facts that `rt_set_viewer(person)`
 * stores in the transaction (functions rt_viewer(), rt_viewer_org(), … defined by migration 002).
 */
const CONDITION_SQL: Record<Condition, (a: string) => string> = {
  isAuthor: (a) => `${a}.author_id = rt_viewer()`,
  inAuthorOrganisation: (a) => `${a}.author_organisation_id = rt_viewer_org()`,
  inAudience: (a) =>
    `(${a}.audience_exchange OR rt_viewer() = ANY(${a}.audience_persons) OR rt_viewer_org() = ANY(${a}.audience_organisations) OR ${a}.audience_groups && rt_viewer_groups())`,
  organisationInAudience: (a) =>
    `(${a}.audience_exchange OR rt_viewer_org() = ANY(${a}.audience_organisations) OR ${a}.audience_groups && rt_viewer_org_groups() OR ${a}.audience_persons && rt_viewer_org_persons())`,
  namedRecipient: (a) => `rt_viewer() = ANY(${a}.audience_persons)`,
  acceptedDocuments: () => "rt_viewer_accepted()",
};

function ruleSql(rule: ReadRule, alias: string): string {
  const labels = rule.labels.map((l) => `'${l}'`).join(", ");
  const conditions = rule.all.map((c) => CONDITION_SQL[c](alias));
  return `(${alias}.tlp IN (${labels}) AND ${conditions.join(" AND ")})`;
}

/**
 * The read predicate for content rows aliased `alias` (columns tlp, author_id,
 * author_organisation_id, audience_exchange, audience_organisations, audience_groups,
 * audience_persons). Only identifiers and label literals from the rule table are interpolated.
 */
export function readPredicateSql(alias: string, rules: readonly ReadRule[] = READ_RULES): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`bad SQL alias: ${alias}`);
  return `(rt_viewer_active() AND (${rules.map((r) => ruleSql(r, alias)).join(" OR ")}))`;
}
