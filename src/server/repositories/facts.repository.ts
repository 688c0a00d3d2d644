// The exchange as the reference policy sees it (ExchangeFacts): who is active, in which
// organisation and groups, and who accepted the current documents. Used to find the readers of
// something — the recipients of a notification — with the policy's own function.
import { sql } from "kysely";
import type { ExchangeFacts, MemberStatus } from "../../shared/policy.js";
import type { Queryable } from "../db/database.js";

/** Loads the facts of the whole exchange in four queries. */
export async function loadFacts(db: Queryable): Promise<ExchangeFacts> {
  const [organisations, persons, members, accepted] = await Promise.all([
    db.selectFrom("organisations").select(["id", "status"]).execute(),
    db.selectFrom("persons").select(["id", "organisation_id", "status"]).execute(),
    db.selectFrom("working_group_members").select(["group_id", "person_id", "organisation_id"]).execute(),
    sql<{ person_id: string }>`
      SELECT a.person_id FROM (SELECT DISTINCT ON (kind) id FROM documents ORDER BY kind, version DESC) cur
      JOIN document_acceptances a ON a.document_id = cur.id
      GROUP BY a.person_id HAVING count(*) = 2`.execute(db),
  ]);
  const acceptedIds = new Set(accepted.rows.map((r) => r.person_id));
  const groups = new Map<string, { persons: string[]; organisations: string[] }>();
  for (const m of members) {
    const g = groups.get(m.group_id) ?? { persons: [], organisations: [] };
    if (m.person_id) g.persons.push(m.person_id);
    if (m.organisation_id) g.organisations.push(m.organisation_id);
    groups.set(m.group_id, g);
  }
  return {
    organisations: new Map(organisations.map((o) => [o.id, { status: o.status as MemberStatus }])),
    persons: new Map(
      persons.map((p) => [
        p.id,
        { organisationId: p.organisation_id, status: p.status as MemberStatus, acceptedCurrentDocuments: acceptedIds.has(p.id) },
      ]),
    ),
    groups,
  };
}
