// STIX 2.1 import: bundles from members (API, UI, CLI), TAXII POSTs and federation pulls. Every
// object is validated strictly and labelled from its TLP marking (never guessed); a bundle is
// all-or-nothing with every error listed by path; a TAXII POST succeeds or fails per object.
// Re-importing an object changes nothing; a newer `modified` updates it and keeps the history.
import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import { AppError } from "../../shared/errors.js";
import { statusOf } from "../../shared/kinds.js";
import { type Audience, audienceProblem } from "../../shared/policy.js";
import { LINK_RELATIONS } from "../../shared/schemas/index.js";
import { isStixId, referencesOf, type StixIssue, validateStixObject } from "../../shared/stix-validate.js";
import { type TlpLabel, tlpRank } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import type { CommentsTable, ItemLinksTable, ItemVersionsTable } from "../db/schema.js";
import { appendAudit } from "../repositories/audit.repository.js";
import { type ItemRow, versionRow } from "../repositories/items.repository.js";
import * as stixRepo from "../repositories/stix.repository.js";
import { BundleTooLarge, readBundle } from "../stix/bundle-reader.js";
import { labelOf, labelOfMarking, type Mapped, mapStixObject } from "../stix/from-stix.js";
import { newPseudonym } from "./anonymity.js";
import { audienceColumns, normaliseAudience, requireAcceptedDocuments } from "./items.service.js";

/** Who imports: a member (their items, their audience) or a peer exchange (federated items). */
export type Importer =
  | { kind: "person"; viewer: Viewer; audience: Audience }
  | { kind: "peer"; peerId: string; peerName: string; stewardId: string; stewardOrganisationId: string };

/** What happened to each object. */
export interface ImportOutcome {
  total: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  skipped: { id: string; reason: string }[];
  failures: { id: string | null; path: string; message: string }[];
}

interface Options {
  /** all-or-nothing: one issue rejects everything; per-object: bad objects fail alone (TAXII). */
  mode: "all-or-nothing" | "per-object";
  /** The label of objects that carry no TLP marking (only when the importer says so). */
  defaultTlp?: TlpLabel;
  /** The bundle or envelope id, for the audit trail. */
  sourceId?: string;
}

/** Thrown for an all-or-nothing import with issues; the transaction has rolled back. */
export class ImportRejected extends AppError {
  constructor(readonly issues: StixIssue[]) {
    super(
      "stix_invalid",
      `The bundle was not imported: ${issues.length} problem${issues.length === 1 ? "" : "s"} (first: ${issues[0]?.path}: ${issues[0]?.message}).`,
      { issues: issues.slice(0, 1000), total: issues.length },
    );
  }
}

const BATCH = 1000;
/** Kinds that start work here (escalations, answers, adoption): members post them, peers do not. */
const PEER_REFUSED_KINDS = new Set(["warning", "rfi", "measure"]);
const stricter = (a: TlpLabel, b: TlpLabel) => (tlpRank(a) >= tlpRank(b) ? a : b);

interface Pending {
  path: string;
  object: Record<string, unknown>;
  mapped: Extract<Mapped, { as: "item" }>;
  tlp: TlpLabel;
}

/** Runs one import over objects from any source, inside the caller's transaction. */
class Run {
  readonly outcome: ImportOutcome = { total: 0, created: [], updated: [], unchanged: [], skipped: [], failures: [] };
  readonly issues: StixIssue[] = [];
  private readonly ids = new Set<string>();
  private readonly refs: { path: string; ref: string }[] = [];
  private readonly itemIds = new Map<string, string>(); // stix id -> item id, for this import
  private readonly identities = new Map<string, string>(); // identity id -> name
  private readonly unnamed = new Map<string, string[]>(); // creator identity -> item ids without a source name
  private batch: Pending[] = [];
  private readonly comments: { path: string; id: string; itemRef: string; body: string; tlp: TlpLabel; created: Date }[] = [];
  private readonly links: { path: string; id: string; from: string; to: string; relation: string; created: Date }[] = [];

  constructor(
    private readonly trx: Tx,
    private readonly deps: Deps,
    private readonly importer: Importer,
    private readonly options: Options,
  ) {}

  private fail(id: string | null, path: string, message: string): void {
    this.issues.push({ path, message });
    this.outcome.failures.push({ id, path, message });
  }

  private get author() {
    return this.importer.kind === "person"
      ? { id: this.importer.viewer.personId, organisationId: this.importer.viewer.organisationId }
      : { id: this.importer.stewardId, organisationId: this.importer.stewardOrganisationId };
  }

  /** Takes one element of the bundle or envelope. */
  async add(index: number, element: { value: unknown } | { error: string }): Promise<void> {
    this.outcome.total++;
    const path = `objects[${index}]`;
    if ("error" in element) return this.fail(null, path, element.error);
    const found = validateStixObject(element.value, path);
    const object = element.value as Record<string, unknown>;
    const id = typeof object?.id === "string" ? object.id : null;
    if (found.length) {
      for (const issue of found) this.fail(id, issue.path, issue.message);
      return;
    }
    if (this.ids.has(id!)) return this.fail(id, `${path}.id`, "appears twice in the bundle");
    this.ids.add(id!);
    if (this.options.mode === "all-or-nothing") this.refs.push(...referencesOf(object, path));
    const mapped = mapStixObject(object, path);
    switch (mapped.as) {
      case "error":
        return this.fail(id, mapped.path, mapped.message);
      case "reference":
        return;
      case "skip":
        this.outcome.skipped.push({ id: id!, reason: mapped.reason });
        return;
      case "identity":
        this.identities.set(id!, mapped.name);
        return;
    }
    const tlp = this.labelFor(object, path, id!);
    if (!tlp) return;
    const created = new Date(String(object.created));
    if (mapped.as === "comment") {
      this.comments.push({ path, id: id!, itemRef: mapped.itemRef, body: mapped.body, tlp, created });
    } else if (mapped.as === "link") {
      this.links.push({ path, id: id!, from: mapped.from, to: mapped.to, relation: mapped.relation, created });
    } else {
      if (this.importer.kind === "peer" && PEER_REFUSED_KINDS.has(mapped.kind)) {
        return this.fail(
          id,
          path,
          `a ${mapped.kind} starts work in this exchange (acknowledgements, answers, adoption); a peer cannot send one`,
        );
      }
      this.batch.push({ path, object, mapped, tlp });
      if (this.batch.length >= BATCH) await this.flush();
    }
  }

  private labelFor(object: Record<string, unknown>, path: string, id: string): TlpLabel | null {
    // One label per item: a part marked otherwise (granular markings) could carry RED text under GREEN.
    if (object.granular_markings !== undefined) {
      this.fail(
        id,
        `${path}.granular_markings`,
        "granular markings are not accepted: mark the whole object with its strictest label",
      );
      return null;
    }
    const { label, unknown } = labelOf(object);
    if (unknown.length) {
      this.fail(id, `${path}.object_marking_refs`, `unknown marking ${unknown[0]}: only TLP markings are honoured`);
      return null;
    }
    const tlp = label ?? this.options.defaultTlp ?? null;
    if (!tlp) {
      this.fail(id, path, "has no TLP marking; Roundtable never guesses a label (mark it, or import with a default label)");
      return null;
    }
    if (this.importer.kind === "peer") {
      if (tlp === "TLP:AMBER+STRICT" || tlp === "TLP:RED") {
        this.fail(id, `${path}.object_marking_refs`, `${tlp} is never accepted from another exchange`);
        return null;
      }
    } else {
      const problem = audienceProblem(tlp, this.importer.audience);
      if (problem) {
        this.fail(id, `${path}.object_marking_refs`, `${tlp} does not fit the import's audience: ${problem}`);
        return null;
      }
    }
    return tlp;
  }

  private audience(): Audience {
    return this.importer.kind === "person"
      ? this.importer.audience
      : { exchange: true, organisations: [], groups: [], persons: [] };
  }

  private sourceName(object: Record<string, unknown>): string | null {
    const creator = typeof object.created_by_ref === "string" ? object.created_by_ref : null;
    const name = creator ? this.identities.get(creator) : undefined;
    if (this.importer.kind === "peer") return name ? `${name} (via ${this.importer.peerName})` : this.importer.peerName;
    return name ?? null;
  }

  /** Stores the pending items: new ones in bulk, newer versions one by one, the rest unchanged. */
  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    // After the first problem an all-or-nothing import only validates.
    if (batch.length === 0 || (this.issues.length && this.options.mode === "all-or-nothing")) return;
    const held = await stixRepo.heldStixIds(
      this.trx,
      batch.map((p) => String(p.object.id)),
    );
    const now = this.deps.clock();
    const author = this.author;
    const audience = audienceColumns(normaliseAudience(this.audience()));
    const rows: ItemRow[] = [];
    const versions: Insertable<ItemVersionsTable>[] = [];
    for (const p of batch) {
      const stixId = String(p.object.id);
      const modified = new Date(String(p.object.modified ?? p.object.created));
      const h = held.get(stixId);
      const source = this.sourceName(p.object);
      if (h) {
        await this.update(p, h, modified, now);
        if (h.item_id) this.itemIds.set(stixId, h.item_id);
        continue;
      }
      const row: ItemRow = {
        id: randomUUID(),
        kind: p.mapped.kind,
        title: p.mapped.title,
        body: p.mapped.body,
        sectors: p.mapped.sectors,
        tlp: p.tlp,
        ...audience,
        author_id: author.id,
        author_organisation_id: author.organisationId,
        created_at: now,
        updated_at: now,
        version: 1,
        details: p.mapped.details,
        status: statusOf(p.mapped.kind, p.mapped.details),
        anonymous: false,
        pseudonym: null,
        statistics_consent: false,
        closed_at: null,
        summary: null,
        stix_id: stixId,
        stix_modified: modified,
        source_name: source,
        federated_from: this.importer.kind === "peer" ? this.importer.peerId : null,
        stix_extra: p.mapped.extra,
      };
      if (source === null || this.importer.kind === "peer") {
        const creator = typeof p.object.created_by_ref === "string" ? p.object.created_by_ref : null;
        if (creator && !this.identities.has(creator)) this.unnamed.set(creator, [...(this.unnamed.get(creator) ?? []), row.id]);
      }
      rows.push(row);
      versions.push(this.version(row, 1, modified, now));
      this.itemIds.set(stixId, row.id);
      this.outcome.created.push(stixId);
    }
    await stixRepo.insertItems(this.trx, rows);
    await stixRepo.insertVersions(this.trx, versions);
  }

  private version(row: ItemRow, version: number, modified: Date, at: Date): Insertable<ItemVersionsTable> {
    return versionRow(row, version, this.author.id, at, modified);
  }

  private async update(p: Pending, h: stixRepo.Held, modified: Date, now: Date): Promise<void> {
    const stixId = String(p.object.id);
    if (h.native) {
      this.outcome.skipped.push({ id: stixId, reason: "it originated in this exchange" });
      return;
    }
    const mine =
      this.importer.kind === "peer"
        ? h.federated_from === this.importer.peerId
        : h.federated_from === null && h.author_organisation_id === this.importer.viewer.organisationId;
    if (!h.stix_modified || modified.getTime() <= h.stix_modified.getTime() || !mine) {
      // The same version again, an older one, or one held by someone else: nothing changes.
      this.outcome.unchanged.push(stixId);
      return;
    }
    const current = await stixRepo.itemById(this.trx, h.item_id);
    if (!current) {
      this.outcome.unchanged.push(stixId);
      return;
    }
    const fields = {
      title: p.mapped.title,
      body: p.mapped.body,
      details: p.mapped.details,
      sectors: p.mapped.sectors,
      tlp: p.tlp,
      updated_at: now,
      stix_modified: modified,
      stix_extra: p.mapped.extra,
      status: statusOf(p.mapped.kind, p.mapped.details),
    };
    const version = await stixRepo.updateImported(this.trx, h.item_id, fields);
    if (version === undefined) {
      this.outcome.unchanged.push(stixId);
      return;
    }
    await stixRepo.insertVersions(this.trx, [this.version({ ...current, ...fields }, version, modified, now)]);
    this.outcome.updated.push(stixId);
  }

  /** After the last object: notes and relationships, source names, dangling references. */
  async finish(): Promise<void> {
    await this.flush();
    if (this.options.mode === "all-or-nothing") {
      const markings = (ref: string) => ref.startsWith("marking-definition--") && labelOfMarking(ref) !== undefined;
      const unresolved = this.refs.filter((r) => !this.ids.has(r.ref) && !markings(r.ref));
      if (unresolved.length) {
        const held = await stixRepo.heldStixIds(this.trx, [...new Set(unresolved.map((r) => r.ref).filter(isStixId))]);
        // A member's reference resolves only to an item they can read: one they cannot is no different from none.
        const usable = new Set<string>();
        for (const [ref, h] of held) {
          if (this.importer.kind === "peer" || (await stixRepo.itemById(this.trx, h.item_id))) usable.add(ref);
        }
        for (const r of unresolved) {
          if (!usable.has(r.ref))
            this.issues.push({ path: r.path, message: `refers to ${r.ref}, which is neither in the bundle nor held here` });
        }
      }
    }
    if (this.issues.length && this.options.mode === "all-or-nothing") return;
    for (const [creator, itemIds] of this.unnamed) {
      const name = this.identities.get(creator);
      if (name) {
        await stixRepo.nameSources(
          this.trx,
          itemIds,
          this.importer.kind === "peer" ? `${name} (via ${this.importer.peerName})` : name,
        );
      }
    }
    await this.storeComments();
    await this.storeLinks();
  }

  /**
   * The item a note or relationship may attach to: one this import brought, or one held here that
   * the importer may touch — for a member, an item they can read (the transaction's RLS says so);
   * for a peer, only an item federated from that same peer, never one of ours.
   */
  private async itemFor(stixId: string): Promise<string | undefined> {
    const known = this.itemIds.get(stixId);
    if (known) return known;
    const held = (await stixRepo.heldStixIds(this.trx, [stixId])).get(stixId);
    if (!held) return undefined;
    if (this.importer.kind === "peer") return held.federated_from === this.importer.peerId ? held.item_id : undefined;
    return (await stixRepo.itemById(this.trx, held.item_id)) ? held.item_id : undefined;
  }

  private async storeComments(): Promise<void> {
    const existing = await stixRepo.existingIds(
      this.trx,
      "comments",
      this.comments.map((c) => c.id.slice(c.id.indexOf("--") + 2)),
    );
    const rows: Insertable<CommentsTable>[] = [];
    for (const c of this.comments) {
      const id = c.id.slice(c.id.indexOf("--") + 2);
      if (existing.has(id)) {
        this.outcome.unchanged.push(c.id);
        continue;
      }
      const itemId = await this.itemFor(c.itemRef);
      const item = itemId ? await stixRepo.itemById(this.trx, itemId) : undefined;
      if (!item) {
        this.outcome.skipped.push({ id: c.id, reason: "the note is not about an item held here" });
        continue;
      }
      // A comment is never looser than its item and never reaches beyond the item's audience.
      rows.push({
        id,
        item_id: item.id,
        parent_id: null,
        body: c.body,
        anonymous: false,
        pseudonym: newPseudonym(),
        created_at: this.deps.clock(),
        tlp: stricter(c.tlp, item.tlp),
        audience_exchange: item.audience_exchange,
        audience_organisations: item.audience_organisations,
        audience_groups: item.audience_groups,
        audience_persons: item.audience_persons,
        author_id: this.author.id,
        author_organisation_id: this.author.organisationId,
      });
      this.outcome.created.push(c.id);
    }
    await stixRepo.insertComments(this.trx, rows);
  }

  private async storeLinks(): Promise<void> {
    const ids = this.links.map((l) => l.id.slice(l.id.indexOf("--") + 2));
    const existing = await stixRepo.existingIds(this.trx, "item_links", ids);
    const rows: Insertable<ItemLinksTable>[] = [];
    const seen = new Set<string>();
    for (const l of this.links) {
      const id = l.id.slice(l.id.indexOf("--") + 2);
      if (existing.has(id)) {
        this.outcome.unchanged.push(l.id);
        continue;
      }
      const from = await this.itemFor(l.from);
      const to = await this.itemFor(l.to);
      if (!from || !to) {
        this.outcome.skipped.push({ id: l.id, reason: "the relationship does not join two items held here" });
        continue;
      }
      if (from === to) {
        this.outcome.skipped.push({ id: l.id, reason: "an item cannot be related to itself" });
        continue;
      }
      const relation = (LINK_RELATIONS as readonly string[]).includes(l.relation) ? l.relation : "related-to";
      const key = `${from}|${to}|${relation}`;
      if (seen.has(key) || (await stixRepo.linkExists(this.trx, from, to, relation))) {
        this.outcome.unchanged.push(l.id);
        continue;
      }
      seen.add(key);
      rows.push({
        id,
        from_item_id: from,
        to_item_id: to,
        relation,
        created_by: this.author.id,
        created_at: this.deps.clock(),
      });
      this.outcome.created.push(l.id);
    }
    await stixRepo.insertLinks(this.trx, rows);
  }

  async audit(): Promise<void> {
    const viewer = this.importer.kind === "person" ? this.importer.viewer : null;
    await appendAudit(this.trx, {
      at: this.deps.clock(),
      actorId: viewer?.personId ?? null,
      organisationId: viewer?.organisationId ?? this.author.organisationId,
      category: this.importer.kind === "peer" ? "federation" : "content",
      action: this.importer.kind === "peer" ? "federation.received" : "stix.imported",
      subjectType: this.importer.kind === "peer" ? "peer" : "bundle",
      subjectId: this.importer.kind === "peer" ? this.importer.peerId : this.options.sourceId,
      details: {
        total: this.outcome.total,
        created: this.outcome.created.length,
        updated: this.outcome.updated.length,
        unchanged: this.outcome.unchanged.length,
        skipped: this.outcome.skipped.length,
        failed: this.outcome.failures.length,
      },
    });
  }
}

async function inTransaction<T>(deps: Deps, importer: Importer, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (importer.kind === "person") {
    return deps.db.asViewer(importer.viewer.personId, async (trx) => {
      await requireAcceptedDocuments(trx, importer.viewer);
      return fn(trx);
    });
  }
  // A peer is not a person: its objects are stored as the owner, under the peer's steward.
  return deps.db.asOwner(fn);
}

/** Imports a bundle read from a byte stream, all-or-nothing. */
export async function importBundleStream(
  deps: Deps,
  importer: Importer,
  body: AsyncIterable<Uint8Array>,
  options: { defaultTlp?: TlpLabel; maxBytes: number },
): Promise<ImportOutcome> {
  try {
    return await inTransaction(deps, importer, async (trx) => {
      const run = new Run(trx, deps, importer, { mode: "all-or-nothing", ...options });
      const reader = readBundle(body, options.maxBytes);
      for await (const element of reader.elements) await run.add(element.index, element);
      const skeleton = reader.skeleton();
      if (!skeleton.ok) throw new AppError("malformed_request", skeleton.error);
      envelopeIssues(skeleton.value, run.issues);
      await run.finish();
      if (run.issues.length) throw new ImportRejected(run.issues);
      await run.audit();
      return run.outcome;
    });
  } catch (error) {
    if (error instanceof BundleTooLarge) throw new AppError("payload_too_large", error.message);
    throw error;
  }
}

function envelopeIssues(bundle: unknown, issues: StixIssue[]): void {
  const b = bundle as Record<string, unknown> | null;
  if (!b || typeof b !== "object" || Array.isArray(b)) {
    issues.unshift({ path: "", message: "a bundle must be a JSON object" });
    return;
  }
  if (b.type !== "bundle") issues.unshift({ path: "type", message: 'must be "bundle"' });
  if (typeof b.id !== "string" || !b.id.startsWith("bundle--") || !isStixId(b.id)) {
    issues.unshift({ path: "id", message: "must be a bundle id like bundle--<UUIDv4>" });
  }
  if (!("objects" in b)) issues.push({ path: "objects", message: "a bundle to import needs objects" });
}

/** Imports already-parsed objects (a TAXII envelope, a converted MISP event). */
export async function importObjects(
  deps: Deps,
  importer: Importer,
  objects: readonly unknown[],
  options: Options,
): Promise<ImportOutcome> {
  return inTransaction(deps, importer, async (trx) => {
    const run = new Run(trx, deps, importer, options);
    for (let i = 0; i < objects.length; i++) await run.add(i, { value: objects[i] });
    await run.finish();
    if (run.issues.length && options.mode === "all-or-nothing") throw new ImportRejected(run.issues);
    await run.audit();
    return run.outcome;
  });
}
