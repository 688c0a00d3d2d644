// Saved searches ("new incidents in energy at AMBER or above") with counts of what is new since last opened.
import { randomUUID } from "node:crypto";
import { notFound } from "../../shared/errors.js";
import { ItemFilters } from "../../shared/schemas/index.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { countReadableItems } from "../repositories/items.repository.js";
import * as repo from "../repositories/saved-searches.repository.js";

async function present(trx: Tx, row: repo.SavedSearchRow) {
  const filters = ItemFilters.parse(row.filters);
  return {
    id: row.id,
    name: row.name,
    filters,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    newItems: await countReadableItems(trx, filters, row.last_seen_at),
  };
}

/** The viewer's saved searches with how many readable items are new in each. */
export async function listSavedSearches(deps: Deps, viewer: Viewer) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const rows = await repo.listSavedSearches(trx, viewer.personId);
    const out = [];
    for (const row of rows) out.push(await present(trx, row));
    return out;
  });
}

/** Saves a search. */
export async function saveSearch(deps: Deps, viewer: Viewer, name: string, filters: ItemFilters) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const now = deps.clock();
    const row = { id: randomUUID(), person_id: viewer.personId, name, filters, created_at: now, last_seen_at: now };
    await repo.insertSavedSearch(trx, row);
    return present(trx, row);
  });
}

/** Marks a saved search as seen now. */
export async function markSeen(deps: Deps, viewer: Viewer, id: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await repo.markSeen(trx, viewer.personId, id, deps.clock());
    const row = await repo.findSavedSearch(trx, viewer.personId, id);
    if (!row) throw notFound("saved search");
    return present(trx, row);
  });
}

export async function deleteSavedSearch(deps: Deps, viewer: Viewer, id: string): Promise<void> {
  await deps.db.asViewer(viewer.personId, async (trx) => {
    if (!(await repo.deleteSavedSearch(trx, viewer.personId, id))) throw notFound("saved search");
  });
}
