// The TLP read policy: one rule table, evaluated here (the reference) and compiled to SQL
// (policy-sql.ts) for every query that reads content and for row-level security.
import type { TlpLabel } from "./tlp.js";

/** Lifecycle of an organisation or a person. Only `active` reads anything. */
export type MemberStatus = "invited" | "active" | "suspended" | "left";

/** Who an item is for. `exchange` means every person of every active organisation. */
export interface Audience {
  exchange: boolean;
  organisations: readonly string[];
  groups: readonly string[];
  persons: readonly string[];
}

/** The facts the policy needs about an exchange; the reference reads nothing else. */
export interface ExchangeFacts {
  organisations: ReadonlyMap<string, { status: MemberStatus }>;
  persons: ReadonlyMap<string, { organisationId: string; status: MemberStatus; acceptedCurrentDocuments: boolean }>;
  groups: ReadonlyMap<string, { persons: readonly string[]; organisations: readonly string[] }>;
}

/** The policy-relevant part of a piece of content. */
export interface ReadableContent {
  tlp: TlpLabel;
  authorId: string;
  authorOrganisationId: string;
  audience: Audience;
}

/**
 * The conditions a rule can combine. Each has two implementations that must agree: the literal
 * one below (audience resolved to a set of persons, as DESIGN.md states the rule) and the SQL
 * one in policy-sql.ts (precomputed viewer facts). The property tests compare them.
 */
export type Condition =
  | "isAuthor" // v wrote it
  | "inAuthorOrganisation" // v belongs to the author's organisation
  | "inAudience" // v ∈ P
  | "organisationInAudience" // v's organisation is the organisation of some person in P
  | "namedRecipient" // v is named individually in the audience
  | "acceptedDocuments"; // v accepted the current Terms of Reference and NDA

/** A rule grants reading when the label is one of `labels` and every condition holds. */
export interface ReadRule {
  labels: readonly TlpLabel[];
  all: readonly Condition[];
}

const ALL: readonly TlpLabel[] = ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"];
const ABOVE_CLEAR_BUT_RED: readonly TlpLabel[] = ["TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT"];

/**
 * The rule table. A person reads an item when the person and their organisation are active and
 * at least one rule grants it. Nobody else reads anything — administration grants no reading.
 *
 * Reading of DESIGN.md made explicit here: a colleague of the author reads non-RED items of their
 * organisation, but above TLP:CLEAR only once they accepted the current documents ("until then a
 * person sees nothing above TLP:CLEAR"); the author always reads their own item.
 */
export const READ_RULES: readonly ReadRule[] = [
  { labels: ALL, all: ["isAuthor"] },
  { labels: ["TLP:CLEAR"], all: ["inAuthorOrganisation"] },
  { labels: ABOVE_CLEAR_BUT_RED, all: ["inAuthorOrganisation", "acceptedDocuments"] },
  { labels: ["TLP:CLEAR"], all: ["inAudience"] },
  { labels: ["TLP:GREEN"], all: ["inAudience", "acceptedDocuments"] },
  { labels: ["TLP:AMBER", "TLP:AMBER+STRICT"], all: ["organisationInAudience", "acceptedDocuments"] },
  { labels: ["TLP:RED"], all: ["namedRecipient", "acceptedDocuments"] },
];

/** Resolves an audience to its set of persons P, at read time (DESIGN.md "The rule, exactly"). */
export function resolveAudience(audience: Audience, facts: ExchangeFacts): Set<string> {
  const members = new Set<string>();
  const addOrganisation = (organisationId: string) => {
    for (const [personId, person] of facts.persons) {
      if (person.organisationId === organisationId) members.add(personId);
    }
  };
  if (audience.exchange) {
    for (const [organisationId, organisation] of facts.organisations) {
      if (organisation.status === "active") addOrganisation(organisationId);
    }
  }
  for (const organisationId of audience.organisations) addOrganisation(organisationId);
  for (const groupId of audience.groups) {
    const group = facts.groups.get(groupId);
    if (!group) continue;
    for (const personId of group.persons) members.add(personId);
    for (const organisationId of group.organisations) addOrganisation(organisationId);
  }
  for (const personId of audience.persons) members.add(personId);
  return members;
}

/** True when the viewer and the viewer's organisation are both active. */
export function isActiveViewer(viewerId: string, facts: ExchangeFacts): boolean {
  const viewer = facts.persons.get(viewerId);
  if (viewer?.status !== "active") return false;
  return facts.organisations.get(viewer.organisationId)?.status === "active";
}

function holds(
  condition: Condition,
  viewerId: string,
  content: ReadableContent,
  facts: ExchangeFacts,
  audienceOf: () => ReadonlySet<string>,
): boolean {
  const viewer = facts.persons.get(viewerId);
  if (!viewer) return false;
  switch (condition) {
    case "isAuthor":
      return content.authorId === viewerId;
    case "inAuthorOrganisation":
      return content.authorOrganisationId === viewer.organisationId;
    case "inAudience":
      return audienceOf().has(viewerId);
    case "organisationInAudience":
      for (const personId of audienceOf()) {
        if (facts.persons.get(personId)?.organisationId === viewer.organisationId) return true;
      }
      return false;
    case "namedRecipient":
      return content.audience.persons.includes(viewerId);
    case "acceptedDocuments":
      return viewer.acceptedCurrentDocuments;
  }
}

function grants(viewerId: string, content: ReadableContent, facts: ExchangeFacts, audienceOf: () => ReadonlySet<string>) {
  if (!isActiveViewer(viewerId, facts)) return false;
  return READ_RULES.some(
    (rule) => rule.labels.includes(content.tlp) && rule.all.every((c) => holds(c, viewerId, content, facts, audienceOf)),
  );
}

/** The reference: may person `viewerId` read `content` in the exchange described by `facts`? */
export function canRead(viewerId: string, content: ReadableContent, facts: ExchangeFacts): boolean {
  let resolved: Set<string> | undefined;
  return grants(viewerId, content, facts, () => {
    resolved ??= resolveAudience(content.audience, facts);
    return resolved;
  });
}

/**
 * Everyone who may read `chain` (content and everything it hangs from, as in canReadChain): the
 * recipients of a notification. Each audience is resolved once, not once per person.
 */
export function readersOf(chain: readonly ReadableContent[], facts: ExchangeFacts): Set<string> {
  const audiences = chain.map((content) => resolveAudience(content.audience, facts));
  const readers = new Set<string>();
  for (const personId of facts.persons.keys()) {
    if (chain.length > 0 && chain.every((content, i) => grants(personId, content, facts, () => audiences[i] as Set<string>))) {
      readers.add(personId);
    }
  }
  return readers;
}

/** Why an audience does not fit a label, or null when it does (RED: named persons only, …). */
export function audienceProblem(tlp: TlpLabel, audience: Audience): string | null {
  const named = audience.organisations.length + audience.groups.length + audience.persons.length;
  if (audience.exchange && named > 0) return "An audience is either the whole exchange or a list, not both.";
  if (tlp === "TLP:RED") {
    if (audience.exchange || audience.organisations.length > 0 || audience.groups.length > 0) {
      return "TLP:RED goes to named persons only, not to the exchange, organisations or groups.";
    }
    if (audience.persons.length === 0) return "TLP:RED needs at least one named recipient.";
    return null;
  }
  if (tlp === "TLP:AMBER" || tlp === "TLP:AMBER+STRICT") {
    if (audience.persons.length > 0) {
      return `${tlp} goes to organisations, working groups or the whole exchange, not to named persons.`;
    }
  }
  if (!audience.exchange && named === 0) return "The audience is empty: choose who this is for.";
  return null;
}

/**
 * Derived content (a comment, an answer, an attachment, an older version) is readable when it and
 * everything it hangs from are readable: never less restrictive than its parent, never beyond the
 * parent's audience. `chain` lists the item first, then each ancestor, then the content itself.
 */
export function canReadChain(viewerId: string, chain: readonly ReadableContent[], facts: ExchangeFacts): boolean {
  return chain.length > 0 && chain.every((content) => canRead(viewerId, content, facts));
}
