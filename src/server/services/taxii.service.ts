// TAXII 2.1 as a reader sees it: the collections a person may read (community, organisation,
// working groups, sent to me) or the one collection a peer exchange is given (the egress policy),
// pages of STIX objects with signed `next` tokens, manifests, versions, and POSTed objects.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { mayLeaveFor } from "../../shared/egress.js";
import { isStixId, isStixTimestamp } from "../../shared/stix-validate.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as repo from "../repositories/taxii.repository.js";
import { creatorIdentity, itemToStix, referenceObjects, type StixObject, stixSourceOf, uuidFrom } from "../stix/to-stix.js";
import { importObjects } from "./stix-import.service.js";

/** A peer exchange authenticated with the token it was given. */
export interface PeerPrincipal {
  id: string;
  name: string;
  partner: boolean;
  stewardId: string;
  stewardOrganisationId: string;
}

/** Who calls the TAXII server. */
export type TaxiiPrincipal = { kind: "person"; viewer: Viewer } | { kind: "peer"; peer: PeerPrincipal };

/** A TAXII error: the HTTP status and the spec's error message fields. */
export class TaxiiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    description: string,
    readonly errorCode?: string,
  ) {
    super(description);
  }
}

export const TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
export const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";
/** The largest POST body the API root accepts (announced as max_content_length). */
export const MAX_CONTENT_LENGTH = 10 * 1024 * 1024;
export const DEFAULT_PAGE = 1000;
export const MAX_PAGE = 10_000;

interface Collection {
  id: string;
  title: string;
  description: string;
  can_read: boolean;
  can_write: boolean;
  media_types: string[];
  scope: repo.Scope;
}

/** The collections of a principal, in a stable order. */
export async function collectionsOf(deps: Deps, principal: TaxiiPrincipal): Promise<Collection[]> {
  const media_types = [STIX_MEDIA_TYPE];
  if (principal.kind === "peer") {
    const p = principal.peer;
    return [
      {
        id: uuidFrom(`collection:peer:${p.id}`),
        title: `Shared with ${p.name}`,
        description:
          "What this exchange shares with your exchange: TLP:CLEAR, TLP:GREEN when you are a partner community, and TLP:AMBER items their originators released to you. Post here to share with this exchange.",
        can_read: true,
        can_write: true,
        media_types,
        scope: { type: "peer", peerId: p.id, partner: p.partner },
      },
    ];
  }
  const v = principal.viewer;
  const { organisation, groups } = await deps.db.asViewer(v.personId, (trx) =>
    repo.personCollections(trx, v.personId, v.organisationId),
  );
  return [
    communityCollection(),
    {
      id: uuidFrom(`collection:organisation:${v.organisationId}`),
      title: organisation?.name ?? "Your organisation",
      description: "Items your organisation shared, and items addressed to it.",
      can_read: true,
      can_write: true,
      media_types,
      scope: { type: "organisation", organisationId: v.organisationId },
    },
    ...groups.map((g) => ({
      id: uuidFrom(`collection:group:${g.id}`),
      title: g.name,
      description: "Items addressed to this working group that you may read.",
      can_read: true,
      can_write: true,
      media_types,
      scope: { type: "group" as const, groupId: g.id },
    })),
    sentToMeCollection(v),
  ];
}

function communityCollection(): Collection {
  return {
    id: uuidFrom("collection:community"),
    title: "Community",
    description: "Items addressed to the whole exchange that you may read.",
    can_read: true,
    can_write: true,
    media_types: [STIX_MEDIA_TYPE],
    scope: { type: "community" },
  };
}

function sentToMeCollection(v: Viewer): Collection {
  return {
    id: uuidFrom(`collection:me:${v.personId}`),
    title: "Sent to me",
    description: "Items addressed to you by name (TLP:RED among them).",
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
    scope: { type: "me", personId: v.personId },
  };
}

/** The collection `id` of a principal, or a 404 TAXII error. */
export async function collectionOf(deps: Deps, principal: TaxiiPrincipal, id: string): Promise<Collection> {
  // Every page names its collection: the two every person has are known without a query.
  if (principal.kind === "person") {
    for (const fixed of [communityCollection(), sentToMeCollection(principal.viewer)]) if (fixed.id === id) return fixed;
  }
  const found = (await collectionsOf(deps, principal)).find((c) => c.id === id);
  if (!found) throw new TaxiiError(404, "Collection not found", "There is no such collection, or not one you may use.");
  return found;
}

/** The collection as TAXII presents it. */
export function presentCollection(c: Collection) {
  const { scope: _scope, ...rest } = c;
  return rest;
}

// Pagination tokens are signed: a tampered or foreign token is refused, never followed.
const keys = new WeakMap<object, Promise<Buffer>>();
function keyOf(deps: Deps): Promise<Buffer> {
  let key = keys.get(deps.db);
  if (!key) {
    key = deps.db
      .asOwner((trx: Tx) => repo.paginationKey(trx, randomBytes(32).toString("hex")))
      .then((hex) => Buffer.from(hex, "hex"));
    key.catch(() => keys.delete(deps.db));
    keys.set(deps.db, key);
  }
  return key;
}

function sign(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url").slice(0, 22);
}

async function encodeNext(deps: Deps, after: NonNullable<repo.PageQuery["after"]>, filter: string): Promise<string> {
  const payload = Buffer.from(JSON.stringify([after.dateAdded, after.id, after.version, filter])).toString("base64url");
  return `${payload}.${sign(await keyOf(deps), payload)}`;
}

async function decodeNext(deps: Deps, token: string, filter: string): Promise<repo.PageQuery["after"]> {
  const bad = () => new TaxiiError(400, "Invalid next", "The next token is not one this server gave for this request.");
  const [payload, mac] = token.split(".");
  if (!payload || !mac || token.length > 400) throw bad();
  const expected = Buffer.from(sign(await keyOf(deps), payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw bad();
  const [dateAdded, id, version, f] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown[];
  if (f !== filter || typeof dateAdded !== "string" || typeof id !== "string" || typeof version !== "number") throw bad();
  return { dateAdded, id, version };
}

/** The query parameters TAXII defines, unparsed (Fastify gives a string or repeated strings). */
export type RawQuery = Record<string, string | string[] | undefined>;

const TYPE = /^[a-z0-9][a-z0-9-]{0,248}[a-z0-9]$/;

function list(raw: RawQuery, name: string): string[] | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((v) => v.trim());
  if (values.some((v) => v === "")) throw new TaxiiError(400, "Invalid filter", `${name} has an empty value.`);
  return values;
}

/** Parses and checks TAXII filters; garbage gets a 400 naming the parameter. */
export function parseFilters(raw: RawQuery, options: { versionsAllowed: boolean }) {
  const single = (name: string) => {
    const v = raw[name];
    if (Array.isArray(v)) throw new TaxiiError(400, "Invalid filter", `${name} may be given once.`);
    return v;
  };
  const addedAfter = single("added_after");
  if (addedAfter !== undefined && !isStixTimestamp(addedAfter)) {
    throw new TaxiiError(400, "Invalid added_after", "added_after must be a timestamp like 2026-01-31T09:00:00.000000Z.");
  }
  const limitText = single("limit");
  let limit = DEFAULT_PAGE;
  if (limitText !== undefined) {
    if (!/^[0-9]{1,9}$/.test(limitText) || Number(limitText) < 1) {
      throw new TaxiiError(400, "Invalid limit", "limit must be a positive whole number.");
    }
    limit = Math.min(Number(limitText), MAX_PAGE);
  }
  const ids = list(raw, "match[id]");
  if (ids?.some((id) => !isStixId(id)))
    throw new TaxiiError(400, "Invalid match[id]", "match[id] takes STIX ids like indicator--<UUID>.");
  const types = list(raw, "match[type]");
  if (types?.some((t) => !TYPE.test(t)))
    throw new TaxiiError(400, "Invalid match[type]", "match[type] takes STIX types like indicator.");
  const versionList = list(raw, "match[version]") ?? ["last"];
  const versions = { last: false, first: false, all: false, at: [] as string[] };
  for (const v of versionList) {
    if (v === "last" || v === "first" || v === "all") versions[v] = true;
    else if (isStixTimestamp(v)) versions.at.push(v);
    else throw new TaxiiError(400, "Invalid match[version]", "match[version] takes last, first, all or a timestamp.");
  }
  if (!options.versionsAllowed && (versions.first || versions.all || versions.at.length)) {
    throw new TaxiiError(400, "Invalid match[version]", "This resource lists every version; match[version] does not apply.");
  }
  const specVersions = list(raw, "match[spec_version]");
  if (specVersions?.some((s) => !/^[0-9]\.[0-9]$/.test(s))) {
    throw new TaxiiError(400, "Invalid match[spec_version]", "match[spec_version] takes versions like 2.1.");
  }
  const next = single("next");
  return {
    addedAfter,
    limit,
    ids,
    types,
    versions,
    noneOfOurs: specVersions !== undefined && !specVersions.includes("2.1"),
    next,
  };
}

type Filters = ReturnType<typeof parseFilters>;

/** A page of a collection: the envelope and the first and last date added. */
export interface Page {
  objects: StixObject[];
  /** Per object of `objects` that is an item version (not a reference object): its date added. */
  added: { id: string; dateAdded: string; version: string }[];
  more: boolean;
  next?: string;
}

function run<T>(deps: Deps, principal: TaxiiPrincipal, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return principal.kind === "person" ? deps.db.asViewer(principal.viewer.personId, fn) : deps.db.asOwner(fn);
}

/**
 * One page of a collection's objects. Each page ships the marking definitions, identities and
 * extension definition its objects use, counted within `limit` (one item always goes out).
 */
export async function objectsPage(
  deps: Deps,
  principal: TaxiiPrincipal,
  collection: Collection,
  filters: Filters,
  objectId?: string,
): Promise<Page> {
  if (filters.noneOfOurs || (objectId !== undefined && !isStixId(objectId))) return { objects: [], added: [], more: false };
  const filterKey = JSON.stringify([collection.id, objectId ?? null, { ...filters, next: undefined, limit: undefined }]);
  const after = filters.next ? await decodeNext(deps, filters.next, filterKey) : undefined;
  const query: repo.PageQuery = {
    scope: collection.scope,
    ...(filters.addedAfter ? { addedAfter: filters.addedAfter } : {}),
    ...(after ? { after } : {}),
    ...(objectId ? { ids: [objectId] } : filters.ids ? { ids: filters.ids } : {}),
    ...(filters.types ? { types: filters.types } : {}),
    versions: filters.versions,
    limit: filters.limit,
  };
  const built = await run(deps, principal, async (trx) => {
    const found = await repo.objectsPage(trx, query);
    if (principal.kind === "peer") await checkEgress(trx, principal.peer, found.slice(0, filters.limit));
    const page = buildPage(found, principal, filters.limit);
    // What left is audited in the same transaction, item by item as sent (not as fetched).
    if (principal.kind === "peer" && page.rows.length) {
      await appendAudit(trx, {
        at: deps.clock(),
        actorId: null,
        organisationId: principal.peer.stewardOrganisationId,
        category: "federation",
        action: "federation.served",
        subjectType: "peer",
        subjectId: principal.peer.id,
        details: { count: page.rows.length, items: page.rows.map((r) => r.id).join(",") },
      });
    }
    return page;
  });
  const last = built.rows.at(-1);
  const page: Page = { objects: built.objects, added: built.added, more: built.more };
  if (built.more && last) {
    page.next = await encodeNext(deps, { dateAdded: last.date_added, id: last.id, version: last.version }, filterKey);
  }
  return page;
}

/**
 * The objects of one page: items in order, then the reference objects they use (identities,
 * markings, the extension), all within `limit`; one item always goes, even alone.
 */
function buildPage(rows: repo.TaxiiRow[], principal: TaxiiPrincipal, limit: number) {
  const objects: StixObject[] = [];
  const added: Page["added"] = [];
  const extras = new Map<string, StixObject>();
  const taken: repo.TaxiiRow[] = [];
  for (const row of rows.slice(0, limit)) {
    const source = stixSourceOf(row, principal.kind === "person");
    const object = itemToStix(source);
    const identity = creatorIdentity(source, row.organisation_name);
    const wanted = [identity, ...referenceObjects([object])].filter((o) => !extras.has(o.id));
    if (taken.length > 0 && objects.length + 1 + extras.size + wanted.length > limit) break;
    objects.push(object);
    added.push({ id: object.id, dateAdded: row.date_added, version: String(object.modified) });
    if (objects.length + extras.size + wanted.length <= limit) for (const o of wanted) extras.set(o.id, o);
    taken.push(row);
  }
  return { objects: [...objects, ...extras.values()], added, rows: taken, more: taken.length < rows.length };
}

/**
 * The second check of what leaves for a peer: every row the egress predicate let through must also
 * pass the reference rule. Peers read as the owner (no row-level security), so this is the other layer;
 * a disagreement is a bug, and nothing is sent.
 */
async function checkEgress(trx: Tx, peer: PeerPrincipal, rows: readonly repo.TaxiiRow[]): Promise<void> {
  if (rows.length === 0) return;
  const released = await repo.releasedTo(
    trx,
    peer.id,
    rows.map((r) => r.id),
  );
  for (const row of rows) {
    const item = {
      tlp: row.tlp,
      audienceExchange: row.audience_exchange,
      federatedFrom: row.federated_from,
      releasedTo: released.has(row.id) ? [peer.id] : [],
    };
    if (!mayLeaveFor(item, { id: peer.id, partner: peer.partner })) {
      throw new Error(`egress check failed for item ${row.id}: the SQL predicate and the reference disagree`);
    }
  }
}

/** Stores the outcome of a POST as a status resource and returns it. */
export async function postObjects(deps: Deps, principal: TaxiiPrincipal, collection: Collection, objects: unknown[]) {
  if (!collection.can_write) throw new TaxiiError(403, "Not writable", "This collection cannot be written to.");
  const importer =
    principal.kind === "peer"
      ? {
          kind: "peer" as const,
          peerId: principal.peer.id,
          peerName: principal.peer.name,
          stewardId: principal.peer.stewardId,
          stewardOrganisationId: principal.peer.stewardOrganisationId,
        }
      : { kind: "person" as const, viewer: principal.viewer, audience: audienceOf(collection.scope) };
  const requested = new Date();
  const outcome = await importObjects(deps, importer, objects, { mode: "per-object" });
  const failedAt = new Map<number, string>();
  for (const f of outcome.failures) {
    const index = Number(/^objects\[(\d+)\]/.exec(f.path)?.[1] ?? -1);
    if (index >= 0 && !failedAt.has(index)) failedAt.set(index, `${f.path}: ${f.message}`);
  }
  const successes: unknown[] = [];
  const failures: unknown[] = [];
  objects.forEach((o, index) => {
    const rec = o as Record<string, unknown> | null;
    const entry = {
      id: typeof rec?.id === "string" ? rec.id : `objects[${index}]`,
      ...(typeof rec?.modified === "string" ? { version: rec.modified } : {}),
    };
    const failure = failedAt.get(index);
    if (failure) failures.push({ ...entry, message: failure });
    else successes.push(entry);
  });
  const status = {
    id: randomUUID(),
    owner: ownerOf(principal),
    status: "complete" as const,
    request_timestamp: requested.toISOString().replace("Z", "000Z"),
    total_count: objects.length,
    success_count: successes.length,
    failure_count: failures.length,
    pending_count: 0,
    successes,
    failures,
    created_at: requested,
  };
  await deps.db.asOwner((trx) =>
    trx
      .insertInto("taxii_statuses")
      .values({ ...status, successes: JSON.stringify(successes) as never, failures: JSON.stringify(failures) as never })
      .execute(),
  );
  return presentStatus(status);
}

function audienceOf(scope: repo.Scope) {
  const none = { exchange: false, organisations: [] as string[], groups: [] as string[], persons: [] as string[] };
  if (scope.type === "organisation") return { ...none, organisations: [scope.organisationId] };
  if (scope.type === "group") return { ...none, groups: [scope.groupId] };
  return { ...none, exchange: true };
}

function ownerOf(principal: TaxiiPrincipal): string {
  return principal.kind === "peer" ? `peer:${principal.peer.id}` : `person:${principal.viewer.personId}`;
}

function presentStatus(s: {
  id: string;
  status: string;
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes: unknown[];
  failures: unknown[];
}) {
  return {
    id: s.id,
    status: s.status,
    request_timestamp: s.request_timestamp,
    total_count: s.total_count,
    success_count: s.success_count,
    failure_count: s.failure_count,
    pending_count: s.pending_count,
    ...(s.successes.length ? { successes: s.successes } : {}),
    ...(s.failures.length ? { failures: s.failures } : {}),
  };
}

/** A status resource of the principal's own POST, or 404. */
export async function statusOf(deps: Deps, principal: TaxiiPrincipal, id: string) {
  const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? await deps.db.asOwner((trx) =>
        trx
          .selectFrom("taxii_statuses")
          .selectAll()
          .where("id", "=", id)
          .where("owner", "=", ownerOf(principal))
          .executeTakeFirst(),
      )
    : undefined;
  if (!row) throw new TaxiiError(404, "Status not found", "There is no such status resource, or it is not yours.");
  return presentStatus(row);
}
