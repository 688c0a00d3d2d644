// Roundtable content as STIX 2.1 objects: items (each kind to its nearest SDO), comments as notes,
// links as relationships, "seen it too" as sightings, organisations as identities. Pure: callers
// pass only rows the reader may read (TLP is decided before, never here).
import { createHash } from "node:crypto";
import type { ItemKind } from "../../shared/kinds.js";
import { tlpMarkingDefinition } from "../../shared/stix.js";
import {
  ROUNDTABLE_EXTENSION_ID,
  roundtableExtensionDefinition,
  roundtableProjectIdentity,
} from "../../shared/stix-extension.js";
import { TLP_MARKING_IDS, type TlpLabel, tlpRank } from "../../shared/tlp.js";

export type StixObject = Record<string, unknown> & { type: string; id: string };

/** An item as the STIX mapping needs it. */
export interface StixItemSource {
  id: string;
  kind: ItemKind;
  title: string;
  body: string;
  sectors: readonly string[];
  tlp: TlpLabel;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  details: Record<string, unknown>;
  status: string | null;
  anonymous: boolean;
  pseudonym: string | null;
  organisationId: string;
  stixId: string | null;
  stixModified: Date | null;
  sourceName: string | null;
  extra: Record<string, unknown> | null;
  /** Included only in exports to the exchange's own members. */
  audience?: { exchange: boolean; organisations: readonly string[]; groups: readonly string[]; persons: readonly string[] };
}

/** An item row as the repositories return it (only what the mapping reads). */
export interface ItemRowLike {
  id: string;
  kind: string;
  title: string;
  body: string;
  sectors: readonly string[];
  tlp: TlpLabel;
  created_at: Date;
  updated_at: Date;
  version: number;
  details: Record<string, unknown>;
  status: string | null;
  anonymous: boolean;
  pseudonym: string | null;
  author_organisation_id: string;
  stix_id?: string | null;
  stix_modified?: Date | null;
  source_name?: string | null;
  stix_extra?: Record<string, unknown> | null;
  audience_exchange: boolean;
  audience_organisations: readonly string[];
  audience_groups: readonly string[];
  audience_persons: readonly string[];
}

/** The mapping's source of a row; the audience only for the exchange's own members, never for a peer. */
export function stixSourceOf(row: ItemRowLike, withAudience: boolean): StixItemSource {
  return {
    id: row.id,
    kind: row.kind as ItemKind,
    title: row.title,
    body: row.body,
    sectors: row.sectors,
    tlp: row.tlp,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    details: row.details,
    status: row.status,
    anonymous: row.anonymous,
    pseudonym: row.pseudonym,
    organisationId: row.author_organisation_id,
    stixId: row.stix_id ?? null,
    stixModified: row.stix_modified ?? null,
    sourceName: row.source_name ?? null,
    extra: row.stix_extra ?? null,
    ...(withAudience
      ? {
          audience: {
            exchange: row.audience_exchange,
            organisations: row.audience_organisations,
            groups: row.audience_groups,
            persons: row.audience_persons,
          },
        }
      : {}),
  };
}

/** A UUIDv4-shaped id derived from a seed: stable, so re-exports keep their ids. */
export function uuidFrom(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const ts = (d: Date) => d.toISOString();

/** The STIX type a native item of `kind` is exported as. */
export function stixTypeOf(kind: ItemKind): string {
  switch (kind) {
    case "incident":
      return "incident";
    case "vulnerability":
      return "vulnerability";
    case "countermeasure":
    case "measure":
      return "course-of-action";
    case "threat":
      return "threat-actor";
    case "indicator":
      return "indicator";
    default:
      return "report";
  }
}

/** The STIX id of an item: the one it arrived with, else its type and our id. */
export function stixIdOf(item: Pick<StixItemSource, "id" | "kind" | "stixId">): string {
  return item.stixId ?? `${stixTypeOf(item.kind)}--${item.id}`;
}

/** The identity an item is attributed to: its organisation, a per-item pseudonym, or its source. */
export function creatorIdOf(item: Pick<StixItemSource, "id" | "anonymous" | "organisationId" | "sourceName" | "extra">): string {
  if (item.anonymous) return `identity--${uuidFrom(`pseudonym:${item.id}`)}`;
  // An imported creator's id is never passed on as given: it could be one of ours (an organisation's,
  // a pseudonym's) and attribute the object to someone who did not write it.
  const original = item.extra?.created_by_ref;
  if (item.sourceName !== null && typeof original === "string") return `identity--${uuidFrom(`source:${original}`)}`;
  if (item.sourceName !== null) return `identity--${uuidFrom(`source:${item.sourceName}`)}`;
  return `identity--${item.organisationId}`;
}

/** The identity object behind creatorIdOf (organisation names come from `organisationName`). */
export function creatorIdentity(
  item: Pick<StixItemSource, "id" | "anonymous" | "pseudonym" | "organisationId" | "sourceName" | "extra" | "createdAt">,
  organisationName: string,
): StixObject {
  const id = creatorIdOf(item);
  const created = item.anonymous || item.sourceName !== null ? ts(item.createdAt) : "2020-01-01T00:00:00.000Z";
  const name = item.anonymous ? (item.pseudonym ?? "Anonymous") : (item.sourceName ?? organisationName);
  return {
    type: "identity",
    spec_version: "2.1",
    id,
    created,
    modified: created,
    name,
    identity_class: item.anonymous ? "unknown" : "organization",
  };
}

/** An organisation of the exchange as an identity. */
export function organisationIdentity(org: { id: string; name: string; sectors: readonly string[] }): StixObject {
  return {
    type: "identity",
    spec_version: "2.1",
    id: `identity--${org.id}`,
    created: "2020-01-01T00:00:00.000Z",
    modified: "2020-01-01T00:00:00.000Z",
    name: org.name,
    identity_class: "organization",
    ...(org.sectors.length ? { sectors: [...org.sectors] } : {}),
  };
}

function markings(tlp: TlpLabel) {
  return [TLP_MARKING_IDS[tlp]];
}

function extension(item: StixItemSource) {
  return {
    extension_type: "property-extension",
    kind: item.kind,
    ...(item.sectors.length ? { sectors: [...item.sectors] } : {}),
    status: item.status,
    details: item.details,
    anonymous: item.anonymous,
    version: item.version,
    ...(item.sourceName !== null ? { source: item.sourceName } : {}),
    ...(item.audience
      ? {
          audience: {
            exchange: item.audience.exchange,
            organisations: [...item.audience.organisations],
            groups: [...item.audience.groups],
            persons: [...item.audience.persons],
          },
        }
      : {}),
  };
}

// Properties that are ours to set whatever an imported object carried.
const OWN = new Set(["type", "id", "spec_version", "created", "modified", "object_marking_refs", "extensions", "created_by_ref"]);

function typeSpecific(item: StixItemSource, type: string, creator: string): Record<string, unknown> {
  const description = item.body ? { description: item.body } : {};
  const d = item.details;
  switch (type) {
    case "indicator":
      return {
        name: item.title,
        ...description,
        pattern: d.pattern,
        pattern_type: d.patternType ?? "stix",
        valid_from: d.validFrom ? new Date(String(d.validFrom)).toISOString() : ts(item.createdAt),
        ...(d.validUntil ? { valid_until: new Date(String(d.validUntil)).toISOString() } : {}),
        ...(Array.isArray(d.indicatorTypes) && d.indicatorTypes.length ? { indicator_types: d.indicatorTypes } : {}),
      };
    case "vulnerability": {
      const cves = Array.isArray(d.cveIds) ? (d.cveIds as string[]) : [];
      return {
        name: item.title,
        ...description,
        ...(cves.length ? { external_references: cves.map((cve) => ({ source_name: "cve", external_id: cve })) } : {}),
      };
    }
    case "report":
      return {
        name: item.title,
        ...description,
        report_types: ["threat-report"],
        published: ts(item.createdAt),
        object_refs: [creator],
      };
    case "note":
      return { content: item.body || item.title, abstract: item.title, object_refs: [creator] };
    case "opinion":
      return { explanation: item.body || item.title, object_refs: [creator] };
    case "grouping":
      return { name: item.title, ...description, context: "suspicious-activity", object_refs: [creator] };
    default:
      return { name: item.title, ...description };
  }
}

/** One item (or one version of it: pass the version's fields) as its STIX object. */
export function itemToStix(item: StixItemSource): StixObject {
  const id = stixIdOf(item);
  const type = id.slice(0, id.indexOf("--"));
  const creator = creatorIdOf(item);
  const extra = item.extra ?? {};
  const created = typeof extra.created === "string" ? extra.created : ts(item.createdAt);
  let modified = item.stixModified ? ts(item.stixModified) : ts(item.updatedAt);
  if (Date.parse(modified) <= Date.parse(created) && modified !== created) modified = created;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extra)) if (!OWN.has(key)) kept[key] = value;
  return {
    ...kept,
    ...typeSpecific(item, type, creator),
    type,
    spec_version: "2.1",
    id,
    created_by_ref: creator,
    created,
    modified,
    object_marking_refs: markings(item.tlp),
    extensions: { [ROUNDTABLE_EXTENSION_ID]: extension(item) },
  };
}

/** A comment as a note on its item. */
export function commentToStix(comment: {
  id: string;
  itemStixId: string;
  body: string;
  tlp: TlpLabel;
  createdAt: Date;
  anonymous: boolean;
  pseudonym: string;
  authorOrganisationId: string;
}): StixObject {
  const creator = comment.anonymous
    ? `identity--${uuidFrom(`comment-pseudonym:${comment.id}`)}`
    : `identity--${comment.authorOrganisationId}`;
  return {
    type: "note",
    spec_version: "2.1",
    id: `note--${comment.id}`,
    created_by_ref: creator,
    created: ts(comment.createdAt),
    modified: ts(comment.createdAt),
    content: comment.body,
    ...(comment.anonymous ? { authors: [comment.pseudonym] } : {}),
    object_refs: [comment.itemStixId],
    object_marking_refs: markings(comment.tlp),
  };
}

/** The pseudonymous identity of an anonymous comment. */
export function commentPseudonymIdentity(comment: { id: string; pseudonym: string; createdAt: Date }): StixObject {
  return {
    type: "identity",
    spec_version: "2.1",
    id: `identity--${uuidFrom(`comment-pseudonym:${comment.id}`)}`,
    created: ts(comment.createdAt),
    modified: ts(comment.createdAt),
    name: comment.pseudonym,
    identity_class: "unknown",
  };
}

/** A link between two items as a relationship, labelled as the stricter of the two. */
export function linkToStix(link: {
  id: string;
  relation: string;
  fromStixId: string;
  toStixId: string;
  fromTlp: TlpLabel;
  toTlp: TlpLabel;
  createdAt: Date;
}): StixObject {
  const tlp = tlpRank(link.fromTlp) >= tlpRank(link.toTlp) ? link.fromTlp : link.toTlp;
  const type =
    link.relation
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "related-to";
  return {
    type: "relationship",
    spec_version: "2.1",
    id: `relationship--${link.id}`,
    created: ts(link.createdAt),
    modified: ts(link.createdAt),
    relationship_type: type,
    source_ref: link.fromStixId,
    target_ref: link.toStixId,
    object_marking_refs: markings(tlp),
  };
}

/** How many organisations saw an item too, as one sighting of it (no organisation named). */
export function sightingToStix(s: { itemStixId: string; itemId: string; tlp: TlpLabel; count: number; first: Date; last: Date }) {
  return {
    type: "sighting",
    spec_version: "2.1",
    id: `sighting--${uuidFrom(`sighting:${s.itemId}`)}`,
    created: ts(s.first),
    modified: ts(s.last),
    first_seen: ts(s.first),
    last_seen: ts(s.last),
    count: s.count,
    sighting_of_ref: s.itemStixId,
    object_marking_refs: markings(s.tlp),
  } satisfies StixObject;
}

/** The reference objects a set of objects uses: TLP marking definitions and the extension's. */
export function referenceObjects(objects: readonly StixObject[]): StixObject[] {
  const labels = new Set<string>();
  let extended = false;
  for (const o of objects) {
    for (const ref of (o.object_marking_refs as string[] | undefined) ?? []) labels.add(ref);
    if (o.extensions && ROUNDTABLE_EXTENSION_ID in (o.extensions as object)) extended = true;
  }
  const out: StixObject[] = [];
  for (const [label, id] of Object.entries(TLP_MARKING_IDS)) {
    if (labels.has(id)) out.push(tlpMarkingDefinition(label as TlpLabel));
  }
  if (extended) out.push(roundtableProjectIdentity(), roundtableExtensionDefinition());
  return out;
}

/** A STIX 2.1 bundle of the given objects. */
export function bundleOf(objects: readonly StixObject[], id: string) {
  return { type: "bundle", id: `bundle--${id}`, objects };
}
