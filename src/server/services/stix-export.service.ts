// STIX 2.1 bundles of what a member may read: one item, or the items a search or period finds,
// with their readable comments (notes), the links among them (relationships), "seen it too"
// (sightings), the identities they name, the TLP marking definitions and the extension definition.
import { randomUUID } from "node:crypto";
import { notFound } from "../../shared/errors.js";
import type { ItemKind } from "../../shared/kinds.js";
import type { ItemFilters } from "../../shared/schemas/index.js";
import type { Deps, Viewer } from "../context.js";
import { appendAudit } from "../repositories/audit.repository.js";
import type { ItemWithNames } from "../repositories/items.repository.js";
import * as itemsRepo from "../repositories/items.repository.js";
import * as stixRepo from "../repositories/stix.repository.js";
import {
  bundleOf,
  commentPseudonymIdentity,
  commentToStix,
  creatorIdentity,
  itemToStix,
  linkToStix,
  organisationIdentity,
  referenceObjects,
  type StixObject,
  sightingToStix,
  stixIdOf,
  stixSourceOf,
} from "../stix/to-stix.js";

/** The most items one bundle export holds. */
export const MAX_EXPORT_ITEMS = 10_000;

/** What to export: one item, or the items matching filters (newest first, at most `limit`). */
export type ExportSelection = { item: string } | { filters: ItemFilters; limit: number };

/** A bundle of readable content; the export is audited (ids and labels, never content). */
export async function exportBundle(deps: Deps, viewer: Viewer, selection: ExportSelection) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    let rows: ItemWithNames[];
    if ("item" in selection) {
      const row = await itemsRepo.findReadableItem(trx, selection.item);
      if (!row) throw notFound("item");
      rows = [row];
    } else {
      const { q, ...filters } = selection.filters;
      rows = await itemsRepo.listReadableItems(trx, {
        ...filters,
        ...(q ? { q } : {}),
        limit: Math.min(selection.limit, MAX_EXPORT_ITEMS),
      } as Parameters<typeof itemsRepo.listReadableItems>[1]);
    }
    const ids = rows.map((r) => r.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const objects: StixObject[] = [];
    const identities = new Map<string, StixObject>();
    for (const row of rows) {
      const source = stixSourceOf(row, true);
      objects.push(itemToStix(source));
      const identity = creatorIdentity(source, row.organisation_name);
      identities.set(identity.id, identity);
    }
    const comments = await stixRepo.readableCommentsOf(trx, ids);
    const orgIds = new Set<string>();
    for (const c of comments) {
      const item = byId.get(c.item_id)!;
      objects.push(
        commentToStix({
          id: c.id,
          itemStixId: stixIdOf({ id: item.id, kind: item.kind as ItemKind, stixId: item.stix_id ?? null }),
          body: c.body,
          tlp: c.tlp,
          createdAt: c.created_at,
          anonymous: c.anonymous,
          pseudonym: c.pseudonym,
          authorOrganisationId: c.author_organisation_id,
        }),
      );
      if (c.anonymous) {
        const identity = commentPseudonymIdentity({ id: c.id, pseudonym: c.pseudonym, createdAt: c.created_at });
        identities.set(identity.id, identity);
      } else orgIds.add(c.author_organisation_id);
    }
    for (const org of await stixRepo.organisationsByIds(trx, [...orgIds])) {
      const identity = organisationIdentity(org);
      if (!identities.has(identity.id)) identities.set(identity.id, identity);
    }
    const stixOf = (id: string) => {
      const r = byId.get(id)!;
      return stixIdOf({ id: r.id, kind: r.kind as ItemKind, stixId: r.stix_id ?? null });
    };
    for (const link of await stixRepo.linksAmong(trx, ids)) {
      objects.push(
        linkToStix({
          id: link.id,
          relation: link.relation,
          fromStixId: stixOf(link.from_item_id),
          toStixId: stixOf(link.to_item_id),
          fromTlp: byId.get(link.from_item_id)!.tlp,
          toTlp: byId.get(link.to_item_id)!.tlp,
          createdAt: link.created_at,
        }),
      );
    }
    for (const seen of await stixRepo.seenBy(trx, ids)) {
      const item = byId.get(seen.item_id)!;
      objects.push(
        sightingToStix({
          itemStixId: stixOf(item.id),
          itemId: item.id,
          tlp: item.tlp,
          count: Number(seen.organisations),
          first: new Date(seen.first as unknown as string),
          last: new Date(seen.last as unknown as string),
        }),
      );
    }
    const all = [...identities.values(), ...objects];
    const bundleId = randomUUID();
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: viewer.personId,
      organisationId: viewer.organisationId,
      category: "content",
      action: "stix.exported",
      subjectType: "bundle",
      subjectId: bundleId,
      details: { items: rows.length, objects: all.length },
    });
    return bundleOf([...referenceObjects(all), ...all], bundleId);
  });
}
