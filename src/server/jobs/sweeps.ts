// Periodic sweeps: action reminders, overdue actions escalated to the chairs, and warnings not
// acknowledged in time escalated to each late organisation's escalation contact. Each claims its
// rows with a conditional UPDATE/INSERT, so a row is handled once however many instances sweep.
import { sql } from "kysely";
import type { Deps } from "../context.js";
import type { Tx } from "../db/database.js";
import { notify } from "../notifications/notify.js";
import type { ActionRow } from "../repositories/actions.repository.js";
import { acknowledgedOrganisations, audienceOrganisations } from "../repositories/collaboration.repository.js";
import { loadFacts } from "../repositories/facts.repository.js";
import * as members from "../repositories/membership.repository.js";
import { chainOf, ownersOf, today } from "../services/actions.service.js";
import { audienceOf } from "../services/items.service.js";
import { addMonths, notifyApplicable } from "../services/measures.service.js";

/** At most this many rows per sweep run (the rest wait for the next run, a minute or five later). */
const BATCH = 500;

/** Days before the due date that an owner is reminded. */
export const REMINDER_DAYS = 2;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Tells `recipients(action)` about each action, as the policy allows (the action and its chain). */
async function tellAbout(
  trx: Tx,
  deps: Deps,
  actions: ActionRow[],
  type: "action.reminder" | "action.overdue",
  recipients: (action: ActionRow) => Promise<string[]>,
): Promise<number> {
  const facts = actions.length ? await loadFacts(trx) : undefined;
  for (const action of actions) {
    const chain = [...(await chainOf(trx, action)), action];
    await notify(trx, deps, {
      type,
      subject: { type: "action", id: action.id, title: action.title, tlp: action.tlp, chain },
      urgent: false,
      only: await recipients(action),
      facts,
    });
  }
  return actions.length;
}

/** Reminds owners of open actions due within REMINDER_DAYS; returns how many. */
export async function remindActionsDue(deps: Deps): Promise<number> {
  const day = today(deps);
  return deps.db.asOwner(async (trx) => {
    const due = await trx
      .updateTable("action_items")
      .set({ reminded_at: deps.clock() })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("action_items")
          .select("id")
          .where("status", "in", ["open", "in-progress"])
          .where("reminded_at", "is", null)
          .where("due_on", ">=", day)
          .where("due_on", "<=", addDays(day, REMINDER_DAYS))
          .limit(BATCH),
      )
      .returningAll()
      .execute();
    return tellAbout(trx, deps, due, "action.reminder", (action) => ownersOf(trx, action));
  });
}

/** Escalates overdue open actions to the chairs (and tells the owner); returns how many. */
export async function escalateOverdueActions(deps: Deps): Promise<number> {
  const day = today(deps);
  return deps.db.asOwner(async (trx) => {
    const overdue = await trx
      .updateTable("action_items")
      .set({ escalated_at: deps.clock() })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("action_items")
          .select("id")
          .where("status", "in", ["open", "in-progress"])
          .where("escalated_at", "is", null)
          .where("due_on", "<", day)
          .limit(BATCH),
      )
      .returningAll()
      .execute();
    const chairs = await members.personsWithRoles(trx, ["chair"]);
    return tellAbout(trx, deps, overdue, "action.overdue", async (action) => [...chairs, ...(await ownersOf(trx, action))]);
  });
}

/**
 * For each warning that asks for acknowledgement within a deadline that has passed, tells each
 * recipient organisation that has not acknowledged — its escalation contact, or all its persons
 * who may read the warning when it named none. Returns how many organisations were escalated.
 */
export async function escalateUnacknowledgedWarnings(deps: Deps): Promise<number> {
  const now = deps.clock();
  return deps.db.asOwner(async (trx) => {
    const warnings = await trx
      .selectFrom("items")
      .selectAll()
      .where("kind", "=", "warning")
      .where(sql<boolean>`(details->>'requiresAcknowledgement')::boolean IS TRUE`)
      .where(sql<boolean>`details ? 'acknowledgeWithinHours'`)
      .where(sql<boolean>`created_at + make_interval(hours => (details->>'acknowledgeWithinHours')::int) <= ${now}`)
      .where("created_at", ">", new Date(now.getTime() - 30 * 86_400_000))
      .execute();
    let escalated = 0;
    const facts = warnings.length ? await loadFacts(trx) : undefined;
    for (const warning of warnings) {
      const acknowledged = await acknowledgedOrganisations(trx, warning.id);
      const late = (await audienceOrganisations(trx, audienceOf(warning))).filter(
        (o) => o.id !== warning.author_organisation_id && !acknowledged.has(o.id),
      );
      for (const organisation of late) {
        const org = await members.findOrganisation(trx, organisation.id);
        const claimed = await trx
          .insertInto("warning_escalations")
          .values({
            item_id: warning.id,
            organisation_id: organisation.id,
            contact_id: org?.escalation_person_id ?? null,
            escalated_at: now,
          })
          .onConflict((oc) => oc.columns(["item_id", "organisation_id"]).doNothing())
          .returning("organisation_id")
          .executeTakeFirst();
        if (!claimed) continue;
        escalated++;
        const escalation = {
          type: "warning.escalated" as const,
          subject: { type: "item" as const, id: warning.id, title: warning.title, tlp: warning.tlp, chain: [warning] },
          urgent: true,
          facts,
        };
        const contact = org?.escalation_person_id;
        const told = contact ? await notify(trx, deps, { ...escalation, only: [contact] }) : [];
        // A contact who cannot read the warning (left, or outside a narrower audience) is no contact.
        if (told.length === 0) await notify(trx, deps, { ...escalation, only: await members.personsOf(trx, organisation.id) });
      }
    }
    return escalated;
  });
}

/** Asks applicable organisations to confirm or update their status when a measure's review falls due. */
export async function askForMeasureReviews(deps: Deps): Promise<number> {
  const day = today(deps);
  return deps.db.asOwner(async (trx) => {
    const due = await trx
      .selectFrom("measures as m")
      .innerJoin("items as i", "i.id", "m.item_id")
      .selectAll("m")
      .select(["i.title", "i.tlp"])
      .where("m.stage", "=", "adopted")
      .where("m.next_review_on", "<=", day)
      .execute();
    for (const measure of due) {
      // Claim by moving the date: a second instance's UPDATE finds it no longer due.
      const claimed = await trx
        .updateTable("measures")
        .set({
          last_review_on: measure.next_review_on,
          next_review_on: addMonths(measure.next_review_on as string, measure.review_interval_months ?? 12),
        })
        .where("item_id", "=", measure.item_id)
        .where("next_review_on", "=", measure.next_review_on)
        .returning("item_id")
        .executeTakeFirst();
      if (claimed) await notifyApplicable(trx, deps, measure, "measure.review_due");
    }
    return due.length;
  });
}
