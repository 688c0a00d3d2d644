// Federation with peer exchanges over TAXII 2.1. The secretariat registers peers (their API root,
// the credential to present there, whether they are a partner community) and hands each peer the
// token it uses here. Pull imports new objects from the peer as read-only federated items; push
// posts what the egress policy lets leave (shared/egress.ts) — the same view the peer's own TAXII
// requests get, so there is one egress path, and each page that leaves is audited.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { TaxiiClient, type TaxiiCredentials } from "../federation/taxii-client.js";
import { PEER_TOKEN_PREFIX } from "../http/auth.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as repo from "../repositories/federation.repository.js";
import { findReadableItem } from "../repositories/items.repository.js";
import { hashSecret, randomSecret } from "../security/secrets.js";
import { contentAudit } from "./items.service.js";
import { importObjects } from "./stix-import.service.js";
import { collectionsOf, objectsPage, type PeerPrincipal, parseFilters } from "./taxii.service.js";

/** What the secretariat says about a peer. */
export interface PeerSettings {
  name: string;
  apiRoot: string;
  collectionId?: string | null;
  username?: string;
  secret?: string;
  partner: boolean;
  pull: boolean;
  push: boolean;
}

function requireSecretariat(viewer: Viewer): void {
  if (viewer.role !== "secretariat") throw new AppError("forbidden", "Only the secretariat manages peer exchanges.");
}

/** A peer as the secretariat sees it (never the secret it presents). */
export function presentPeer(p: repo.PeerRow) {
  return {
    id: p.id,
    name: p.name,
    apiRoot: p.api_root,
    collectionId: p.collection_id,
    username: p.remote_username,
    hasSecret: p.remote_secret !== "",
    partner: p.partner,
    pull: p.pull,
    push: p.push,
    tokenPrefix: p.inbound_prefix,
    createdAt: p.created_at.toISOString(),
    revokedAt: p.revoked_at?.toISOString() ?? null,
    pulledUntil: p.pulled_until,
    pushedUntil: p.pushed_until,
    lastRunAt: p.last_run_at?.toISOString() ?? null,
    lastError: p.last_error,
  };
}

function audit(
  trx: Tx,
  deps: Deps,
  viewer: Viewer,
  action: string,
  peerId: string,
  details: Record<string, string | number | boolean> = {},
) {
  return appendAudit(trx, {
    at: deps.clock(),
    actorId: viewer.personId,
    organisationId: viewer.organisationId,
    category: "federation",
    action,
    subjectType: "peer",
    subjectId: peerId,
    details,
  });
}

/** Every peer (secretariat). */
export async function listPeers(deps: Deps, viewer: Viewer) {
  requireSecretariat(viewer);
  return (await repo.listPeers(deps.db.kysely)).map(presentPeer);
}

/** Peers an originator may release an AMBER item to (names only; any member). */
export async function peerNames(deps: Deps, viewer: Viewer) {
  return deps.db.asViewer(viewer.personId, (trx) => repo.activePeerNames(trx));
}

/** Registers a peer; the token it presents here is returned once and stored hashed. */
export async function registerPeer(deps: Deps, viewer: Viewer, settings: PeerSettings) {
  requireSecretariat(viewer);
  const id = randomUUID();
  const prefix = `${PEER_TOKEN_PREFIX}${randomSecret(6).slice(0, 8)}`;
  const token = `${prefix}_${randomSecret(32)}`;
  await deps.db.asOwner(async (trx) => {
    await repo.insertPeer(trx, {
      id,
      name: settings.name,
      api_root: settings.apiRoot,
      collection_id: settings.collectionId ?? null,
      remote_username: settings.username ?? "",
      remote_secret: settings.secret ?? "",
      partner: settings.partner,
      pull: settings.pull,
      push: settings.push,
      inbound_prefix: prefix,
      inbound_token_hash: hashSecret(token),
      steward_id: viewer.personId,
      created_at: deps.clock(),
    });
    await audit(trx, deps, viewer, "federation.peer_registered", id, { partner: settings.partner });
  });
  const peer = await repo.findPeer(deps.db.kysely, id);
  return { peer: presentPeer(peer!), token };
}

/** Changes a peer's settings (a missing secret keeps the current one). */
export async function updatePeer(deps: Deps, viewer: Viewer, id: string, settings: Partial<PeerSettings>) {
  requireSecretariat(viewer);
  return deps.db.asOwner(async (trx) => {
    const peer = await repo.findPeer(trx, id);
    if (!peer) throw notFound("peer");
    await repo.updatePeer(trx, id, {
      ...(settings.name !== undefined ? { name: settings.name } : {}),
      ...(settings.apiRoot !== undefined ? { api_root: settings.apiRoot } : {}),
      ...(settings.collectionId !== undefined ? { collection_id: settings.collectionId } : {}),
      ...(settings.username !== undefined ? { remote_username: settings.username } : {}),
      ...(settings.secret !== undefined ? { remote_secret: settings.secret } : {}),
      ...(settings.partner !== undefined ? { partner: settings.partner } : {}),
      ...(settings.pull !== undefined ? { pull: settings.pull } : {}),
      ...(settings.push !== undefined ? { push: settings.push } : {}),
    });
    await audit(
      trx,
      deps,
      viewer,
      "federation.peer_changed",
      id,
      settings.partner !== undefined ? { partner: settings.partner } : {},
    );
    return presentPeer((await repo.findPeer(trx, id))!);
  });
}

/** Revokes a peer: its token stops working and nothing more is exchanged with it. */
export async function revokePeer(deps: Deps, viewer: Viewer, id: string) {
  requireSecretariat(viewer);
  return deps.db.asOwner(async (trx) => {
    const peer = await repo.findPeer(trx, id);
    if (!peer) throw notFound("peer");
    await repo.updatePeer(trx, id, { revoked_at: deps.clock(), pull: false, push: false });
    await audit(trx, deps, viewer, "federation.peer_revoked", id);
    return presentPeer((await repo.findPeer(trx, id))!);
  });
}

/** Releases an AMBER item to a named peer; only its originating organisation may. */
export async function releaseItem(deps: Deps, viewer: Viewer, itemId: string, peerId: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await findReadableItem(trx, itemId);
    if (!item) throw notFound("item");
    if (item.author_organisation_id !== viewer.organisationId) {
      throw new AppError("not_originator", "Only the originating organisation may release an item to another exchange.");
    }
    if (item.federated_from) throw new AppError("federated_read_only", "A federated item belongs to the exchange it came from.");
    if (item.tlp !== "TLP:AMBER") {
      throw new AppError(
        "conflict",
        item.tlp === "TLP:AMBER+STRICT" || item.tlp === "TLP:RED"
          ? `${item.tlp} never leaves the exchange.`
          : `${item.tlp} needs no release: it goes to peers by the egress policy.`,
      );
    }
    const peers = await repo.activePeerNames(trx);
    if (!peers.some((p) => p.id === peerId)) throw notFound("peer");
    await repo.insertRelease(trx, { item_id: itemId, peer_id: peerId, released_by: viewer.personId, released_at: deps.clock() });
    await appendAudit(trx, releaseAudit(deps, viewer, "federation.item_released", item, peerId));
    return releasesOfIn(trx, itemId);
  });
}

/** Withdraws a release (what the peer has received stays there). */
export async function withdrawRelease(deps: Deps, viewer: Viewer, itemId: string, peerId: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await findReadableItem(trx, itemId);
    if (!item) throw notFound("item");
    if (item.author_organisation_id !== viewer.organisationId) {
      throw new AppError("not_originator", "Only the originating organisation manages its releases.");
    }
    if ((await repo.deleteRelease(trx, itemId, peerId)) === 0) throw notFound("release");
    await appendAudit(trx, releaseAudit(deps, viewer, "federation.release_withdrawn", item, peerId));
    return releasesOfIn(trx, itemId);
  });
}

// A release is about content: audited like content (an anonymous originator only by its pseudonym,
// shown only to those who may read the item), not as an administrative event.
function releaseAudit(
  deps: Deps,
  viewer: Viewer,
  action: string,
  item: { id: string; tlp: string; pseudonym: string | null; anonymous: boolean },
  peerId: string,
) {
  const anonymous = item.anonymous && item.pseudonym ? { pseudonym: item.pseudonym } : null;
  return contentAudit(deps, viewer, action, { type: "item", id: item.id }, { peer: peerId, tlp: item.tlp }, anonymous);
}

async function releasesOfIn(trx: Tx, itemId: string) {
  return (await repo.releasesOf(trx, itemId)).map((r) => ({
    peerId: r.peer_id,
    name: r.name,
    releasedAt: r.released_at.toISOString(),
  }));
}

/** Releases of an item (its originating organisation sees them; others see none). */
export async function releasesOf(deps: Deps, viewer: Viewer, itemId: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    if (!(await findReadableItem(trx, itemId))) throw notFound("item");
    return releasesOfIn(trx, itemId);
  });
}

function credentialsOf(peer: repo.PeerRow): TaxiiCredentials {
  if (peer.remote_username) return { username: peer.remote_username, password: peer.remote_secret };
  return peer.remote_secret ? { bearer: peer.remote_secret } : {};
}

async function remoteCollection(client: TaxiiClient, peer: repo.PeerRow, want: "can_read" | "can_write"): Promise<string | null> {
  if (peer.collection_id) return peer.collection_id;
  const found = (await client.collections(peer.api_root)).find((c) => c[want]);
  return found?.id ?? null;
}

async function principalOf(deps: Deps, peer: repo.PeerRow): Promise<PeerPrincipal> {
  const steward = await deps.db.kysely
    .selectFrom("persons")
    .select("organisation_id")
    .where("id", "=", peer.steward_id)
    .executeTakeFirstOrThrow();
  return {
    id: peer.id,
    name: peer.name,
    partner: peer.partner,
    stewardId: peer.steward_id,
    stewardOrganisationId: steward.organisation_id,
  };
}

/** Pulls what the peer has added since the last pull; returns how many objects arrived. */
async function pull(deps: Deps, client: TaxiiClient, peer: repo.PeerRow, principal: PeerPrincipal): Promise<number> {
  const collection = await remoteCollection(client, peer, "can_read");
  if (!collection) return 0;
  let received = 0;
  let until = peer.pulled_until;
  for await (const page of client.allObjects(peer.api_root, collection, {
    ...(until ? { addedAfter: until } : {}),
    limit: 1000,
  })) {
    const objects = page.objects ?? [];
    if (objects.length) {
      await importObjects(
        deps,
        {
          kind: "peer",
          peerId: peer.id,
          peerName: peer.name,
          stewardId: principal.stewardId,
          stewardOrganisationId: principal.stewardOrganisationId,
        },
        objects,
        { mode: "per-object" },
      );
      received += objects.length;
    }
    if (page.dateAddedLast) {
      until = page.dateAddedLast;
      await repo.updatePeer(deps.db.kysely, peer.id, { pulled_until: until });
    }
  }
  return received;
}

/** Pushes what may leave for the peer since the last push; returns how many items went. */
async function push(deps: Deps, client: TaxiiClient, peer: repo.PeerRow, principal: PeerPrincipal): Promise<number> {
  const collection = await remoteCollection(client, peer, "can_write");
  if (!collection) return 0;
  const [ours] = await collectionsOf(deps, { kind: "peer", peer: principal });
  let sent = 0;
  let until = peer.pushed_until;
  let next: string | undefined;
  do {
    const filters = parseFilters(
      { limit: "500", ...(until ? { added_after: until } : {}), ...(next ? { next } : {}) },
      { versionsAllowed: true },
    );
    const page = await objectsPage(deps, { kind: "peer", peer: principal }, ours!, filters);
    if (page.added.length === 0) break;
    const status = await client.addObjectsAndWait(peer.api_root, collection, page.objects);
    if (status.failure_count > 0 && status.success_count === 0) {
      throw new Error(`the peer refused all ${status.failure_count} objects`);
    }
    sent += page.added.length;
    next = page.next;
    if (!next) {
      until = page.added.at(-1)!.dateAdded;
      await repo.updatePeer(deps.db.kysely, peer.id, { pushed_until: until });
    }
  } while (next);
  return sent;
}

/** One federation round with every active peer (or one): pull, then push. Errors are kept per peer. */
export async function runFederation(deps: Deps, onlyPeer?: string) {
  // A paused peer (neither pull nor push) is left alone by the schedule; "Run now" still reaches it.
  const peers = (await repo.listPeers(deps.db.kysely)).filter(
    (p) => !p.revoked_at && (onlyPeer ? p.id === onlyPeer : p.pull || p.push),
  );
  const results: { peer: string; pulled: number; pushed: number; error: string | null }[] = [];
  for (const peer of peers) {
    const client = new TaxiiClient({ credentials: credentialsOf(peer), userAgent: "Roundtable federation" });
    const principal = await principalOf(deps, peer);
    let pulled = 0;
    let pushed = 0;
    let error: string | null = null;
    try {
      if (peer.pull) pulled = await pull(deps, client, peer, principal);
      if (peer.push) pushed = await push(deps, client, peer, principal);
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : "failed";
    }
    await repo.updatePeer(deps.db.kysely, peer.id, { last_run_at: deps.clock(), last_error: error });
    results.push({ peer: peer.id, pulled, pushed, error });
  }
  return results;
}

/** Runs a federation round with one peer now (secretariat). */
export async function runPeerNow(deps: Deps, viewer: Viewer, id: string) {
  requireSecretariat(viewer);
  const peer = await repo.findPeer(deps.db.kysely, id);
  if (!peer || peer.revoked_at) throw notFound("peer");
  const [result] = await runFederation(deps, id);
  return result!;
}
