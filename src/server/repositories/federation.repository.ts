// Peer exchanges and AMBER releases. Peers are read and written as the owner by the federation
// service after its role checks (a peer is not a person; RLS has no viewer for it).
import type { Insertable, Selectable } from "kysely";
import type { Queryable, Tx } from "../db/database.js";
import type { FederationPeersTable } from "../db/schema.js";

export type PeerRow = Selectable<FederationPeersTable>;

/** The active peer whose inbound token hashes to `hash`, with its steward's organisation. */
export async function peerByTokenHash(db: Queryable, hash: string) {
  return db
    .selectFrom("federation_peers as f")
    .innerJoin("persons as s", "s.id", "f.steward_id")
    .select(["f.id", "f.name", "f.partner", "f.steward_id", "s.organisation_id as steward_organisation_id"])
    .where("f.inbound_token_hash", "=", hash)
    .where("f.revoked_at", "is", null)
    .executeTakeFirst();
}

/** Every peer, newest first. */
export async function listPeers(db: Queryable): Promise<PeerRow[]> {
  return db.selectFrom("federation_peers").selectAll().orderBy("created_at", "desc").execute();
}

/** One peer. */
export async function findPeer(db: Queryable, id: string): Promise<PeerRow | undefined> {
  return db.selectFrom("federation_peers").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Registers a peer. */
export async function insertPeer(trx: Tx, row: Insertable<FederationPeersTable>): Promise<void> {
  await trx.insertInto("federation_peers").values(row).execute();
}

/** Changes a peer's settings or bookkeeping. */
export async function updatePeer(db: Queryable, id: string, patch: Partial<PeerRow>): Promise<void> {
  await db.updateTable("federation_peers").set(patch).where("id", "=", id).execute();
}

/** Peers a member may name when releasing an item (names only). */
export async function activePeerNames(trx: Tx) {
  return trx
    .selectFrom("federation_peers")
    .select(["id", "name", "partner"])
    .where("revoked_at", "is", null)
    .orderBy("name")
    .execute();
}

/** Releases of an item (RLS: only its originating organisation sees them). */
export async function releasesOf(trx: Tx, itemId: string) {
  return trx
    .selectFrom("item_releases as r")
    .innerJoin("federation_peers as f", "f.id", "r.peer_id")
    .select(["r.peer_id", "f.name", "r.released_at", "r.released_by"])
    .where("r.item_id", "=", itemId)
    .orderBy("f.name")
    .execute();
}

/**
 * Records a release of an item to a peer (idempotent). The item counts as added anew for TAXII
 * (its updated_at moves), so a peer polling with added_after receives it on its next round.
 */
export async function insertRelease(trx: Tx, row: { item_id: string; peer_id: string; released_by: string; released_at: Date }) {
  const added = await trx
    .insertInto("item_releases")
    .values(row)
    .onConflict((oc) => oc.columns(["item_id", "peer_id"]).doNothing())
    .executeTakeFirst();
  if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) {
    await trx.updateTable("items").set({ updated_at: row.released_at }).where("id", "=", row.item_id).execute();
  }
}

/** Withdraws a release (what the peer already received stays there). */
export async function deleteRelease(trx: Tx, itemId: string, peerId: string): Promise<number> {
  const result = await trx
    .deleteFrom("item_releases")
    .where("item_id", "=", itemId)
    .where("peer_id", "=", peerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
