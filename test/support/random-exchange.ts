// Random exchanges for the property tests: organisations, persons, groups, document acceptance,
// items, and the content derived from items (threads, attachments, versions, links).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { Database } from "../../src/server/db/database.js";
import {
  type Audience,
  audienceProblem,
  type ExchangeFacts,
  type MemberStatus,
  type ReadableContent,
} from "../../src/shared/policy.js";
import { TLP_LABELS, type TlpLabel } from "../../src/shared/tlp.js";
import {
  acceptDocuments,
  buildGroup,
  buildItem,
  buildOrganisation,
  buildPerson,
  buildToken,
  clearExchange,
  publishDocuments,
} from "./builders.js";

const status = fc.constantFrom<MemberStatus>("active", "active", "active", "active", "suspended", "left", "invited");
const acceptance = fc.constantFrom("current", "current", "current", "previous", "half", "none");
const indices = (max: number) => fc.array(fc.nat(), { maxLength: max });
const labelled = {
  author: fc.nat(),
  tlp: fc.constantFrom(...TLP_LABELS),
  exchange: fc.boolean(),
  organisations: indices(2),
  groups: indices(2),
  persons: indices(3),
};

/** A random exchange; `derived` adds comments, attachments, versions and links to the items. */
export function exchangeArbitrary(derived = false) {
  return fc.record({
    organisations: fc.array(status, { minLength: 2, maxLength: 4 }),
    persons: fc.array(fc.record({ organisation: fc.nat(), status, acceptance }), { minLength: 3, maxLength: 8 }),
    groups: fc.array(fc.record({ persons: indices(3), organisations: indices(2) }), { maxLength: 3 }),
    items: fc.array(fc.record(labelled), { minLength: 1, maxLength: derived ? 6 : 10 }),
    comments: derived
      ? fc.array(fc.record({ ...labelled, item: fc.nat(), parent: fc.option(fc.nat()) }), { maxLength: 10 })
      : fc.constant([]),
    attachments: derived ? fc.array(fc.record({ ...labelled, item: fc.nat() }), { maxLength: 5 }) : fc.constant([]),
    versions: derived ? fc.array(fc.record({ ...labelled, item: fc.nat() }), { maxLength: 5 }) : fc.constant([]),
    links: derived ? fc.array(fc.record({ from: fc.nat(), to: fc.nat() }), { maxLength: 5 }) : fc.constant([]),
  });
}
export type ExchangeSpec = typeof exchangeArbitrary extends (d: boolean) => fc.Arbitrary<infer T> ? T : never;

/** Makes a generated audience valid for its label, as the API would insist. */
export function fitAudience(tlp: TlpLabel, audience: Audience, fallbackPerson: string): Audience {
  let a = { ...audience };
  if (tlp === "TLP:RED")
    a = { exchange: false, organisations: [], groups: [], persons: a.persons.length ? a.persons : [fallbackPerson] };
  if (tlp === "TLP:AMBER" || tlp === "TLP:AMBER+STRICT") a = { ...a, persons: [] };
  if (a.exchange) a = { exchange: true, organisations: [], groups: [], persons: [] };
  if (!a.exchange && a.organisations.length + a.groups.length + a.persons.length === 0) a = { ...a, exchange: true };
  assert.equal(audienceProblem(tlp, a), null);
  return a;
}

/** The generated shape of a label: an author and an audience by indices into the exchange. */
export interface LabelSpec {
  author: number;
  tlp: TlpLabel;
  exchange: boolean;
  organisations: number[];
  groups: number[];
  persons: number[];
}

/** Turns a generated label into content of the exchange: its author and an audience fitted to the label. */
export function contentMaker(facts: ExchangeFacts, personIds: string[]) {
  const orgIds = [...facts.organisations.keys()];
  const groupIds = [...facts.groups.keys()];
  const pick = <T>(list: T[], picks: number[]) => [...new Set(picks.map((i) => list[i % list.length] as T))];
  return (l: LabelSpec, authors: string[] = personIds): ReadableContent => {
    const authorId = authors[l.author % authors.length] as string;
    const audience = fitAudience(
      l.tlp,
      {
        exchange: l.exchange,
        organisations: pick(orgIds, l.organisations),
        groups: groupIds.length ? pick(groupIds, l.groups) : [],
        persons: pick(personIds, l.persons),
      },
      authorId,
    );
    return { tlp: l.tlp, authorId, authorOrganisationId: facts.persons.get(authorId)?.organisationId as string, audience };
  };
}

/** The TLP columns of a content row. */
export function contentColumns(c: ReadableContent) {
  return {
    tlp: c.tlp,
    audience_exchange: c.audience.exchange,
    audience_organisations: [...c.audience.organisations],
    audience_groups: [...c.audience.groups],
    audience_persons: [...c.audience.persons],
    author_id: c.authorId,
    author_organisation_id: c.authorOrganisationId,
  };
}

/** Content with its id and the chain the reference must allow (item, ancestors, itself). */
export interface Derived {
  id: string;
  itemId: string;
  chain: ReadableContent[];
}

/** Writes the exchange into the database (replacing what was there) and returns the reference facts. */
export async function materialise(db: Database, spec: ExchangeSpec) {
  await clearExchange(db);
  const previous = await publishDocuments(db);
  const current = await publishDocuments(db);
  const orgIds: string[] = [];
  const facts = { organisations: new Map(), persons: new Map(), groups: new Map() } satisfies ExchangeFacts;
  for (const s of spec.organisations) {
    const id = await buildOrganisation(db, { status: s });
    orgIds.push(id);
    facts.organisations.set(id, { status: s });
  }
  const persons: { id: string; token: string }[] = [];
  for (const p of spec.persons) {
    const organisationId = orgIds[p.organisation % orgIds.length] as string;
    const { id } = await buildPerson(db, { organisationId, status: p.status });
    if (p.acceptance === "current") await acceptDocuments(db, id, current);
    if (p.acceptance === "previous") await acceptDocuments(db, id, previous);
    if (p.acceptance === "half") await acceptDocuments(db, id, current.slice(0, 1));
    facts.persons.set(id, { organisationId, status: p.status, acceptedCurrentDocuments: p.acceptance === "current" });
    persons.push({ id, token: await buildToken(db, id) });
  }
  const personIds = persons.map((p) => p.id);
  const pick = <T>(list: T[], picks: number[]) => [...new Set(picks.map((i) => list[i % list.length] as T))];
  const groupIds: string[] = [];
  for (const g of spec.groups) {
    const members = { persons: pick(personIds, g.persons), organisations: pick(orgIds, g.organisations) };
    const id = await buildGroup(db, members);
    groupIds.push(id);
    facts.groups.set(id, members);
  }
  const content = contentMaker(facts, personIds);
  const columns = contentColumns;

  const items: { id: string; content: ReadableContent }[] = [];
  for (const [n, it] of spec.items.entries()) {
    const c = content(it);
    const id = await buildItem(db, {
      authorId: c.authorId,
      authorOrganisationId: c.authorOrganisationId,
      tlp: c.tlp,
      audience: c.audience,
      title: `zebra report ${n}`,
    });
    items.push({ id, content: c });
  }
  const itemOf = (i: number) => items[i % items.length] as { id: string; content: ReadableContent };

  const comments: Derived[] = [];
  for (const spec1 of spec.comments) {
    const item = itemOf(spec1.item);
    const siblings = comments.filter((c) => c.itemId === item.id);
    const parent = spec1.parent !== null && siblings.length ? siblings[spec1.parent % siblings.length] : undefined;
    const c = content(spec1);
    const id = randomUUID();
    await db.kysely
      .insertInto("comments")
      .values({
        id,
        item_id: item.id,
        parent_id: parent?.id ?? null,
        body: "a quokka was sighted",
        ...columns(c),
        anonymous: false,
        pseudonym: "p",
        created_at: new Date(),
      })
      .execute();
    comments.push({ id, itemId: item.id, chain: [...(parent?.chain ?? [item.content]), c] });
  }
  const attachments: Derived[] = [];
  for (const a of spec.attachments) {
    const item = itemOf(a.item);
    const c = content(a);
    const id = randomUUID();
    await db.kysely
      .insertInto("attachments")
      .values({
        id,
        item_id: item.id,
        filename: "wombat.txt",
        media_type: "text/plain",
        size: 1,
        sha256: "x",
        content: Buffer.from("x"),
        ...columns(c),
        anonymous: false,
        pseudonym: "p",
        created_at: new Date(),
      })
      .execute();
    attachments.push({ id, itemId: item.id, chain: [item.content, c] });
  }
  const versions: Derived[] = [];
  for (const [n, v] of spec.versions.entries()) {
    const item = itemOf(v.item);
    const c = { ...content(v), authorId: item.content.authorId, authorOrganisationId: item.content.authorOrganisationId };
    await db.kysely
      .insertInto("item_versions")
      .values({
        item_id: item.id,
        version: 100 + n,
        title: "t",
        body: "b",
        sectors: [],
        details: {},
        ...columns(c),
        edited_by: c.authorId,
        edited_at: new Date(),
      })
      .execute();
    versions.push({ id: `${item.id}#${100 + n}`, itemId: item.id, chain: [item.content, c] });
  }
  const links: Derived[] = [];
  for (const l of spec.links) {
    const from = itemOf(l.from);
    const to = itemOf(l.to);
    if (from.id === to.id) continue;
    const id = randomUUID();
    const inserted = await db.kysely
      .insertInto("item_links")
      .values({
        id,
        from_item_id: from.id,
        to_item_id: to.id,
        relation: "related-to",
        created_by: from.content.authorId,
        created_at: new Date(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .execute();
    if (inserted.length) links.push({ id, itemId: from.id, chain: [from.content, to.content] });
  }
  return { facts, persons, items, comments, attachments, versions, links };
}

/** True when the viewer and their organisation are active (others are refused at the door). */
export function isActive(facts: ExchangeFacts, personId: string): boolean {
  const p = facts.persons.get(personId);
  return p?.status === "active" && facts.organisations.get(p.organisationId)?.status === "active";
}
