// Links between items, analysts' reactions and warning acknowledgements.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import type { ItemKind } from "../../shared/kinds.js";
import type { Acknowledgements } from "../../shared/schemas/index.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as collab from "../repositories/collaboration.repository.js";
import { findReadableItem, type ItemWithNames } from "../repositories/items.repository.js";
import { audienceOf, contentAudit, requireAcceptedDocuments } from "./items.service.js";

type Reaction = "useful" | "seen" | "false-positive";

async function itemOr404(trx: Tx, id: string): Promise<ItemWithNames> {
  const item = await findReadableItem(trx, id);
  if (!item) throw notFound("item");
  return item;
}

function presentLink(l: Awaited<ReturnType<typeof collab.readableLinks>>[number]) {
  return {
    id: l.id,
    relation: l.relation as "related-to",
    from: { id: l.from_id, title: l.from_title, kind: l.from_kind as ItemKind, tlp: l.from_tlp as TlpLabel },
    to: { id: l.to_id, title: l.to_title, kind: l.to_kind as ItemKind, tlp: l.to_tlp as TlpLabel },
    createdAt: l.created_at.toISOString(),
  };
}

/** Links of a readable item whose other end the viewer can read too. */
export async function listLinks(deps: Deps, viewer: Viewer, itemId: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await itemOr404(trx, itemId);
    return (await collab.readableLinks(trx, itemId)).map(presentLink);
  });
}

/** Links two items the viewer can read. */
export async function addLink(deps: Deps, viewer: Viewer, fromId: string, toId: string, relation: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await itemOr404(trx, fromId);
    await requireAcceptedDocuments(trx, viewer);
    if (fromId === toId)
      throw new AppError("validation_failed", "An item cannot link to itself.", [
        { path: "body.toItemId", message: "same item" },
      ]);
    await itemOr404(trx, toId);
    const id = randomUUID();
    if (
      !(await collab.insertLink(trx, {
        id,
        from_item_id: fromId,
        to_item_id: toId,
        relation,
        created_by: viewer.personId,
        created_at: deps.clock(),
      }))
    ) {
      throw new AppError("conflict", "These items are linked that way already.");
    }
    await appendAudit(trx, contentAudit(deps, viewer, "link.created", { type: "item", id: fromId }, { relation }));
    const [link] = await collab.readableLinks(trx, fromId, id);
    if (!link) throw new Error("a new link must be readable");
    return presentLink(link);
  });
}

/** Removes a link: its creator or the source item's originating organisation may. */
export async function removeLink(deps: Deps, viewer: Viewer, linkId: string): Promise<void> {
  await deps.db.asViewer(viewer.personId, async (trx) => {
    const [link] = await collab.readableLinks(trx, "", linkId);
    if (!link) throw notFound("link");
    if (link.created_by !== viewer.personId && link.from_organisation_id !== viewer.organisationId) {
      throw new AppError("forbidden", "Only whoever made the link, or the source item's organisation, may remove it.");
    }
    await collab.deleteLink(trx, linkId);
    await appendAudit(
      trx,
      contentAudit(deps, viewer, "link.removed", { type: "item", id: link.from_id }, { relation: link.relation }),
    );
  });
}

async function reactionSummary(trx: Tx, item: ItemWithNames, viewer: Viewer) {
  const rows = await collab.reactions(trx, item.id);
  const counts = { useful: 0, seen: 0, "false-positive": 0 };
  for (const r of rows) counts[r.reaction] += 1;
  const own = item.author_organisation_id === viewer.organisationId;
  return {
    counts,
    mine: rows.filter((r) => r.person_id === viewer.personId).map((r) => r.reaction),
    // Who reacted, and a sighting's context, are for the originating organisation only.
    details: own
      ? rows.map((r) => ({
          reaction: r.reaction,
          organisation: { id: r.organisation_id, name: r.organisation_name },
          context: r.context,
          at: r.created_at.toISOString(),
        }))
      : null,
  };
}

/** Reactions to a readable item. */
export async function getReactions(deps: Deps, viewer: Viewer, itemId: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => reactionSummary(trx, await itemOr404(trx, itemId), viewer));
}

/** Marks an item useful, seen (a sighting, with context) or a false positive; again replaces the context. */
export async function react(deps: Deps, viewer: Viewer, itemId: string, reaction: Reaction, context: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await itemOr404(trx, itemId);
    await requireAcceptedDocuments(trx, viewer);
    await collab.upsertReaction(trx, {
      item_id: itemId,
      person_id: viewer.personId,
      organisation_id: viewer.organisationId,
      reaction,
      context,
      created_at: deps.clock(),
    });
    await appendAudit(trx, contentAudit(deps, viewer, "item.reacted", { type: "item", id: itemId }, { reaction }));
    return reactionSummary(trx, item, viewer);
  });
}

/** Withdraws one's reaction. */
export async function unreact(deps: Deps, viewer: Viewer, itemId: string, reaction: Reaction) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await itemOr404(trx, itemId);
    await collab.deleteReaction(trx, itemId, viewer.personId, reaction);
    return reactionSummary(trx, item, viewer);
  });
}

function requiresAcknowledgement(item: ItemWithNames): boolean {
  return item.kind === "warning" && item.details.requiresAcknowledgement === true;
}

async function acknowledgementState(trx: Tx, item: ItemWithNames, viewer: Viewer): Promise<Acknowledgements> {
  const required = requiresAcknowledgement(item);
  const hours = Number(item.details.acknowledgeWithinHours ?? 0);
  const acks = required ? await collab.acknowledgements(trx, item.id) : [];
  const own = item.author_organisation_id === viewer.organisationId;
  let organisations: Acknowledgements["organisations"] = null;
  if (required && own) {
    const recipients = (await collab.audienceOrganisations(trx, audienceOf(item))).filter(
      (o) => o.id !== item.author_organisation_id,
    );
    const escalated = new Map((await collab.escalations(trx, item.id)).map((e) => [e.organisation_id, e.escalated_at]));
    organisations = recipients.map((o) => {
      const ack = acks.find((a) => a.organisation_id === o.id);
      return {
        organisation: { id: o.id, name: o.name },
        acknowledgedAt: ack?.acknowledged_at.toISOString() ?? null,
        by: ack ? { id: ack.person_id, name: ack.person_name } : null,
        escalatedAt: escalated.get(o.id)?.toISOString() ?? null,
      };
    });
  }
  return {
    required,
    dueAt: required && hours ? new Date(item.created_at.getTime() + hours * 3_600_000).toISOString() : null,
    acknowledgedByMyOrganisation: acks.some((a) => a.organisation_id === viewer.organisationId),
    organisations,
  };
}

/** Whether the warning needs acknowledging, whether the viewer's organisation has, and — for its author — who has. */
export async function getAcknowledgements(deps: Deps, viewer: Viewer, itemId: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => acknowledgementState(trx, await itemOr404(trx, itemId), viewer));
}

/** Acknowledges a warning on behalf of the viewer's organisation (once per organisation). */
export async function acknowledge(deps: Deps, viewer: Viewer, itemId: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await itemOr404(trx, itemId);
    if (!requiresAcknowledgement(item)) throw new AppError("conflict", "This item does not ask for acknowledgement.");
    await requireAcceptedDocuments(trx, viewer);
    await collab.insertAcknowledgement(trx, {
      item_id: itemId,
      organisation_id: viewer.organisationId,
      person_id: viewer.personId,
      acknowledged_at: deps.clock(),
    });
    await appendAudit(trx, contentAudit(deps, viewer, "warning.acknowledged", { type: "item", id: itemId }, { tlp: item.tlp }));
    return acknowledgementState(trx, item, viewer);
  });
}
