// The TLP predicate of each kind of meeting content, with the chain it hangs from: an agenda item
// needs its meeting, an action its meeting and agenda item. Repositories put these in every read
// (layer 1); row-level security applies the same rules again (layer 2, migration 4).
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { readPredicateSql } from "../../shared/policy-sql.js";

const p = readPredicateSql;

function raw(text: string): RawBuilder<SqlBool> {
  return sql.raw<SqlBool>(text);
}

/** SQL text: is meeting `alias` readable? */
export const meetingSql = (alias: string) => p(alias);

/** SQL text: is agenda item `alias` readable, and its meeting? */
export const agendaItemSql = (alias: string) =>
  `(${p(alias)} AND EXISTS (SELECT 1 FROM meetings rm WHERE rm.id = ${alias}.meeting_id AND ${p("rm")}))`;

/** SQL text: is action `alias` readable, and whatever meeting and agenda item it came from? */
export const actionSql = (alias: string) =>
  `(${p(alias)}
    AND (${alias}.meeting_id IS NULL OR EXISTS (SELECT 1 FROM meetings am WHERE am.id = ${alias}.meeting_id AND ${p("am")}))
    AND (${alias}.agenda_item_id IS NULL OR EXISTS (SELECT 1 FROM agenda_items ag WHERE ag.id = ${alias}.agenda_item_id AND ${agendaItemSql("ag")})))`;

/** SQL text: is urgent call `alias` readable (TLP:RED: its invitees and its convener)? */
export const callSql = (alias: string) => p(alias);

/** SQL text: is item `alias` readable? */
export const itemSql = (alias: string) => p(alias);

/** SQL text: is service `alias` readable? */
export const serviceSql = (alias: string) => p(alias);

/** SQL text: is dependency `alias` readable, i.e. both of its services? */
export const dependencySql = (alias: string) =>
  `(EXISTS (SELECT 1 FROM services ds WHERE ds.id = ${alias}.dependent_id AND ${p("ds")})
    AND EXISTS (SELECT 1 FROM services dp WHERE dp.id = ${alias}.provider_id AND ${p("dp")}))`;

/** The same predicates as Kysely expressions. */
export const readable = {
  meeting: (alias: string) => raw(meetingSql(alias)),
  agendaItem: (alias: string) => raw(agendaItemSql(alias)),
  action: (alias: string) => raw(actionSql(alias)),
  call: (alias: string) => raw(callSql(alias)),
  item: (alias: string) => raw(itemSql(alias)),
  service: (alias: string) => raw(serviceSql(alias)),
  dependency: (alias: string) => raw(dependencySql(alias)),
};
