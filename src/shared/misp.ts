// MISP core JSON (draft-dulaunoy-misp-core-format) to a STIX 2.1 bundle that Roundtable's strict STIX import takes.
//
// One MISP event becomes one `report`; attributes flagged `to_ids` become `indicator`s with STIX patterns; MISP
// objects with a `to_ids` attribute become one `indicator` each; the creating organisation (Orgc) becomes an
// `identity`. Every object carries the TLP 2.0 marking of its label, which comes from the `tlp:` tags and the MISP
// distribution, the stricter of the two; an attribute is never looser than its event, and Roundtable never guesses a
// label MISP did not give. Pure: the clock and the id source are injected, nothing is thrown.
import { stixTimestamp, tlpMarkingDefinition } from "./stix.js";
import { TLP_LABELS, TLP_MARKING_IDS, type TlpLabel, tlpRank } from "./tlp.js";

/** A problem in the MISP input, with the JSON path where it is (e.g. `Event.Attribute[3].value`). */
export interface MispIssue {
  path: string;
  message: string;
}

/** The converted bundle and what was left out on purpose, or every problem found in the input. */
export type MispConversion =
  | {
      ok: true;
      bundle: { type: "bundle"; id: string; objects: Record<string, unknown>[] };
      skipped: { path: string; reason: string }[];
    }
  | { ok: false; issues: MispIssue[] };

/** Injected side effects and the explicit fallback label of {@link mispToStix}. */
export interface MispConversionOptions {
  /** Fallback for created/modified/published when the event carries no date or timestamp. */
  now: Date;
  /** Returns a fresh UUIDv4, used for ids that cannot be derived from a valid MISP uuid. */
  newId: () => string;
  /**
   * The label the importer chose for an event that has neither a `tlp:` tag nor a distribution. Used ONLY then:
   * it never overrides, loosens or tightens what MISP said; without it such an event is refused.
   */
  defaultLabel?: TlpLabel;
}

type Json = Record<string, unknown>;
type StixObject = Record<string, unknown>;

const TAG_LABELS: Readonly<Record<string, TlpLabel>> = {
  "tlp:white": "TLP:CLEAR",
  "tlp:clear": "TLP:CLEAR",
  "tlp:green": "TLP:GREEN",
  "tlp:amber": "TLP:AMBER",
  "tlp:amber+strict": "TLP:AMBER+STRICT",
  "tlp:red": "TLP:RED",
};

// MISP distribution levels. 5 ("inherit event") says nothing of its own: the parent's label applies.
const DISTRIBUTION_LABELS: Readonly<Record<number, TlpLabel>> = {
  0: "TLP:AMBER+STRICT", // your organisation only
  1: "TLP:AMBER", // this community only
  2: "TLP:GREEN", // connected communities
  3: "TLP:CLEAR", // all communities
  4: "TLP:AMBER", // a sharing group: named organisations
};
const INHERIT = 5;
const DISTRIBUTION_HELP =
  "0 (your organisation only), 1 (this community only), 2 (connected communities), 3 (all communities), 4 (sharing group)";

const MAX_LABELS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The TLP label of a MISP tag (`tlp:white` is TLP:CLEAR), or null when the tag is not one of the TLP tags. */
function tagLabel(tag: string): TlpLabel | null {
  return TAG_LABELS[tag.trim().toLowerCase()] ?? null;
}

function stricter(a: TlpLabel | null, b: TlpLabel | null): TlpLabel | null {
  if (a === null) return b;
  if (b === null) return a;
  return tlpRank(a) >= tlpRank(b) ? a : b;
}

/**
 * The TLP 2.0 label of a MISP event or attribute from its tags and distribution, or null when neither says anything.
 * Tags `tlp:white`/`tlp:clear`, `tlp:green`, `tlp:amber`, `tlp:amber+strict` and `tlp:red` count (any case; other
 * tags are ignored); distribution 0 is TLP:AMBER+STRICT, 1 TLP:AMBER, 2 TLP:GREEN, 3 TLP:CLEAR, 4 (sharing group)
 * TLP:AMBER, while 5 (inherit) and unknown values say nothing. When several say something, the strictest wins.
 */
export function mispLabel(tags: readonly string[], distribution: number | undefined): TlpLabel | null {
  let label: TlpLabel | null = null;
  for (const tag of tags) label = stricter(label, tagLabel(tag));
  if (distribution !== undefined) label = stricter(label, DISTRIBUTION_LABELS[distribution] ?? null);
  return label;
}

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns

/** One comparison of a STIX pattern: `<sco>:<path> = <constant>`, the constant already rendered. */
interface Comparison {
  sco: string;
  path: string;
  constant: string;
}

/** A STIX pattern string literal: backslash and quote escaped (STIX 2.1 patterning, string constants). */
function stixString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

const HASHES: Readonly<Record<string, { key: string; length: number }>> = {
  md5: { key: "MD5", length: 32 },
  sha1: { key: "'SHA-1'", length: 40 },
  sha256: { key: "'SHA-256'", length: 64 },
  sha512: { key: "'SHA-512'", length: 128 },
};

function isIpv4(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(value: string): boolean {
  let text = value;
  let groupsWanted = 8;
  const lastColon = text.lastIndexOf(":");
  if (lastColon >= 0 && text.slice(lastColon + 1).includes(".")) {
    // An embedded IPv4 address (::ffff:1.2.3.4) stands for the last two groups.
    if (!isIpv4(text.slice(lastColon + 1))) return false;
    text = `${text.slice(0, lastColon + 1)}0`;
    groupsWanted = 7;
  }
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  if (!groups.every((g) => g.every((x) => /^[0-9a-f]{1,4}$/i.test(x)))) return false;
  const count = groups.reduce((n, g) => n + g.length, 0);
  return halves.length === 2 ? count < groupsWanted : count === groupsWanted;
}

/** An IP address, or a CIDR block when `cidr`: the SCO type it belongs to, or null when it is neither. */
function ipType(value: string, cidr: boolean): "ipv4-addr" | "ipv6-addr" | null {
  const slash = value.indexOf("/");
  const address = slash >= 0 ? value.slice(0, slash) : value;
  const prefix = slash >= 0 ? value.slice(slash + 1) : undefined;
  if (prefix !== undefined && (!cidr || !/^(0|[1-9]\d{0,2})$/.test(prefix))) return null;
  if (isIpv4(address)) return prefix === undefined || Number(prefix) <= 32 ? "ipv4-addr" : null;
  if (isIpv6(address)) return prefix === undefined || Number(prefix) <= 128 ? "ipv6-addr" : null;
  return null;
}

function isDomain(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.split(".");
  if (labels.length < 2) return false;
  const ok = labels.every((l) => /^[\p{L}\p{N}_](?:[\p{L}\p{N}_-]{0,61}[\p{L}\p{N}_])?$/u.test(l));
  return ok && !/^\d+$/.test(labels.at(-1) ?? "");
}

function isEmail(value: string): boolean {
  const at = value.lastIndexOf("@");
  return at > 0 && !/[\s@]/.test(value.slice(0, at)) && isDomain(value.slice(at + 1));
}

function parsePort(value: string): number | null {
  return /^\d{1,5}$/.test(value) && Number(value) <= 65535 ? Number(value) : null;
}

/** Splits a composite MISP value `a|b` at the first (or last) bar. */
function splitPair(value: string, at: "first" | "last"): [string, string] | null {
  const i = at === "first" ? value.indexOf("|") : value.lastIndexOf("|");
  if (i < 0) return null;
  return [value.slice(0, i).trim(), value.slice(i + 1).trim()];
}

type PatternOutcome = { comparisons: Comparison[] } | { invalid: string } | null;

function hashComparison(algorithm: string, hash: string): Comparison | string {
  const spec = HASHES[algorithm]!;
  if (!new RegExp(`^[0-9a-f]{${spec.length}}$`, "i").test(hash)) {
    return `not a ${algorithm} hash: ${spec.length} hexadecimal digits expected`;
  }
  return { sco: "file", path: `hashes.${spec.key}`, constant: stixString(hash) };
}

function ipComparison(ip: string): Comparison | string {
  const sco = ipType(ip, true);
  return sco ? { sco, path: "value", constant: stixString(ip) } : `not an IPv4 or IPv6 address (or CIDR block): ${ip}`;
}

function nonEmpty(sco: string, path: string, value: string): PatternOutcome {
  return { comparisons: [{ sco, path, constant: stixString(value) }] };
}

/** A traffic endpoint with a port: both on `network-traffic`, so they AND within one observation (same SCO). */
function endpointWithPort(side: "src" | "dst", hostType: string, host: string, port: number): PatternOutcome {
  return {
    comparisons: [
      { sco: "network-traffic", path: `${side}_ref.type`, constant: stixString(hostType) },
      { sco: "network-traffic", path: `${side}_ref.value`, constant: stixString(host) },
      { sco: "network-traffic", path: `${side}_port`, constant: String(port) },
    ],
  };
}

/**
 * The STIX comparisons of a MISP attribute (all of one SCO, to be AND-joined), `{ invalid }` when the value does not
 * fit its type, or null when the type has no STIX pattern here.
 */
function patternOf(type: string, rawValue: string): PatternOutcome {
  const value = rawValue.trim();
  const result = (c: Comparison | string): PatternOutcome => (typeof c === "string" ? { invalid: c } : { comparisons: [c] });
  switch (type) {
    case "ip-src":
    case "ip-dst":
      return result(ipComparison(value));
    case "ip-src|port":
    case "ip-dst|port": {
      const pair = splitPair(value, "last");
      if (!pair) return { invalid: "expected ip|port" };
      const sco = ipType(pair[0], false);
      if (!sco) return { invalid: `not an IPv4 or IPv6 address: ${pair[0]}` };
      const port = parsePort(pair[1]);
      if (port === null) return { invalid: `not a port (0–65535): ${pair[1]}` };
      return endpointWithPort(type === "ip-src|port" ? "src" : "dst", sco, pair[0], port);
    }
    case "hostname|port": {
      const pair = splitPair(value, "last");
      if (!pair) return { invalid: "expected hostname|port" };
      if (!isDomain(pair[0])) return { invalid: `not a host name: ${pair[0]}` };
      const port = parsePort(pair[1]);
      if (port === null) return { invalid: `not a port (0–65535): ${pair[1]}` };
      return endpointWithPort("dst", "domain-name", pair[0], port);
    }
    case "domain":
    case "hostname":
      return isDomain(value) ? nonEmpty("domain-name", "value", value) : { invalid: `not a domain name: ${value}` };
    case "domain|ip": {
      const pair = splitPair(value, "first");
      if (!pair) return { invalid: "expected domain|ip" };
      if (!isDomain(pair[0])) return { invalid: `not a domain name: ${pair[0]}` };
      if (!ipType(pair[1], false)) return { invalid: `not an IPv4 or IPv6 address: ${pair[1]}` };
      return {
        comparisons: [
          { sco: "domain-name", path: "value", constant: stixString(pair[0]) },
          { sco: "domain-name", path: "resolves_to_refs[*].value", constant: stixString(pair[1]) },
        ],
      };
    }
    case "url":
    case "uri":
      return value !== "" && !/[\r\n]/.test(value) ? nonEmpty("url", "value", value) : { invalid: "not a URL" };
    case "email":
    case "email-src":
    case "email-dst":
      return isEmail(value) ? nonEmpty("email-addr", "value", value) : { invalid: `not an e-mail address: ${value}` };
    case "email-subject":
      return value !== "" ? nonEmpty("email-message", "subject", value) : { invalid: "an empty subject" };
    case "md5":
    case "sha1":
    case "sha256":
    case "sha512":
      return result(hashComparison(type, value));
    case "filename":
      return value !== "" ? nonEmpty("file", "name", value) : { invalid: "an empty file name" };
    case "filename|md5":
    case "filename|sha1":
    case "filename|sha256":
    case "filename|sha512": {
      const pair = splitPair(value, "last");
      if (!pair || pair[0] === "") return { invalid: `expected ${type}` };
      const hash = hashComparison(type.slice("filename|".length), pair[1]);
      if (typeof hash === "string") return { invalid: hash };
      return { comparisons: [{ sco: "file", path: "name", constant: stixString(pair[0]) }, hash] };
    }
    case "size-in-bytes":
      return /^\d+$/.test(value) && Number.isSafeInteger(Number(value))
        ? { comparisons: [{ sco: "file", path: "size", constant: String(Number(value)) }] }
        : { invalid: `not a size in bytes: ${value}` };
    case "mutex":
      return value !== "" ? nonEmpty("mutex", "name", value) : { invalid: "an empty mutex name" };
    case "regkey":
      return value !== "" ? nonEmpty("windows-registry-key", "key", value) : { invalid: "an empty registry key" };
    case "regkey|value": {
      const pair = splitPair(value, "first");
      if (!pair || pair[0] === "") return { invalid: "expected regkey|value" };
      return {
        comparisons: [
          { sco: "windows-registry-key", path: "key", constant: stixString(pair[0]) },
          { sco: "windows-registry-key", path: "values[*].data", constant: stixString(pair[1]) },
        ],
      };
    }
    case "AS": {
      const m = /^(?:AS)?(\d{1,10})$/i.exec(value);
      const n = m ? Number(m[1]) : Number.NaN;
      return n <= 4294967295
        ? { comparisons: [{ sco: "autonomous-system", path: "number", constant: String(n) }] }
        : { invalid: `not an autonomous system number: ${value}` };
    }
    case "mac-address": {
      if (!/^[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}$/i.test(value)) return { invalid: `not a MAC address: ${value}` };
      // STIX mac-addr values are lowercase and colon-delimited.
      return nonEmpty("mac-addr", "value", value.toLowerCase().replace(/-/g, ":"));
    }
    default:
      return null;
  }
}

function observation(comparisons: readonly Comparison[], joiner: "AND" | "OR"): string {
  return `[${comparisons.map((c) => `${c.sco}:${c.path} = ${c.constant}`).join(` ${joiner} `)}]`;
}

/**
 * The pattern of a MISP object: per SCO type one observation with its comparisons AND-joined, the observations
 * OR-joined. When one SCO type repeats a property (two IPs in one object), AND could never match, so each attribute
 * of that type becomes its own observation.
 */
function objectPattern(parts: readonly Comparison[][]): string {
  const byType = new Map<string, Comparison[][]>();
  for (const part of parts) {
    const sco = part[0]!.sco;
    byType.set(sco, [...(byType.get(sco) ?? []), part]);
  }
  const observations: string[] = [];
  for (const group of byType.values()) {
    const all = group.flat();
    const paths = new Set(all.map((c) => c.path));
    if (paths.size === all.length) observations.push(observation(all, "AND"));
    else for (const part of group) observations.push(observation(part, "AND"));
  }
  return observations.join(" OR ");
}

// ---------------------------------------------------------------------------------------------------------------
// Reading MISP values

class Reader {
  readonly issues: MispIssue[] = [];
  readonly skipped: { path: string; reason: string }[] = [];

  issue(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** An optional string; numbers are accepted as MISP exports some values as numbers. */
  optionalString(record: Json, key: string, path: string): string | undefined {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    this.issue(`${path}.${key}`, "must be a string");
    return undefined;
  }

  /** Unix seconds (number or numeric string) as milliseconds; `zeroIsAbsent` for publish_timestamp "0". */
  unixTime(record: Json, key: string, path: string, zeroIsAbsent = false): number | undefined {
    const value = record[key];
    if (value === undefined || value === null || value === "") return undefined;
    const seconds = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : -1;
    if (!Number.isSafeInteger(seconds) || seconds < 0 || seconds * 1000 > 8.64e15) {
      this.issue(`${path}.${key}`, "must be a unix time in whole seconds (a number or a string of digits)");
      return undefined;
    }
    return seconds === 0 && zeroIsAbsent ? undefined : seconds * 1000;
  }

  /** A calendar date YYYY-MM-DD, as milliseconds at 00:00Z. */
  date(record: Json, key: string, path: string): number | undefined {
    const value = record[key];
    if (value === undefined || value === null || value === "") return undefined;
    const m = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    if (m) {
      const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      if (new Date(at).toISOString().slice(0, 10) === value) return at;
    }
    this.issue(`${path}.${key}`, "must be a date YYYY-MM-DD");
    return undefined;
  }

  /** first_seen/last_seen: an ISO 8601 date-time with a zone (MISP writes microseconds and +00:00). */
  seen(record: Json, key: string, path: string): number | undefined {
    const value = record[key];
    if (value === undefined || value === null || value === "") return undefined;
    const m =
      typeof value === "string" ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/.exec(value) : null;
    if (m) {
      const zone = m[4] === "Z" ? "Z" : `${m[4]!.slice(0, 3)}:${m[4]!.slice(-2)}`;
      const at = Date.parse(`${m[1]}T${m[2]}.${(m[3] ?? "").padEnd(3, "0").slice(0, 3)}${zone}`);
      if (Number.isFinite(at)) return at;
    }
    this.issue(`${path}.${key}`, "must be an ISO 8601 date-time with a time zone");
    return undefined;
  }

  /** A MISP distribution level 0–5 (number or numeric string); 5 only where `inheritAllowed`. */
  distribution(record: Json, path: string, inheritAllowed: boolean): number | undefined | "invalid" {
    const value = record.distribution;
    if (value === undefined || value === null || value === "") return undefined;
    const n = typeof value === "number" ? value : typeof value === "string" && /^\d$/.test(value) ? Number(value) : -1;
    if (Number.isInteger(n) && n >= 0 && n <= 4) return n;
    if (n === INHERIT && inheritAllowed) return n;
    const help = inheritAllowed
      ? `${DISTRIBUTION_HELP} or 5 (inherit)`
      : `${DISTRIBUTION_HELP}; 5 (inherit) is for attributes and objects only`;
    this.issue(`${path}.distribution`, `unknown MISP distribution ${JSON.stringify(value)}: expected ${help}`);
    return "invalid";
  }

  /** The to_ids flag: true/false, "1"/"0", 1/0 or "true"/"false"; absent is false. */
  flag(record: Json, key: string, path: string): boolean {
    const value = record[key];
    if (value === undefined || value === null) return false;
    if (value === true || value === 1 || value === "1" || value === "true") return true;
    if (value === false || value === 0 || value === "0" || value === "false" || value === "") return false;
    this.issue(`${path}.${key}`, "must be true or false");
    return false;
  }

  /** Tag names from `Tag: [{name}]` and from `EventTag`/`AttributeTag: [{Tag: {name}}]`. */
  tags(record: Json, path: string, linkKey: string): string[] {
    const names: string[] = [];
    const read = (tag: unknown, at: string) => {
      if (!isRecord(tag) || typeof tag.name !== "string") {
        this.issue(at, "a tag needs a name");
        return;
      }
      if (tag.name.trim() !== "") names.push(tag.name.trim());
    };
    const tags = record.Tag;
    if (tags !== undefined && tags !== null) {
      if (!Array.isArray(tags)) this.issue(`${path}.Tag`, "must be an array of tags");
      else for (const [i, tag] of tags.entries()) read(tag, `${path}.Tag[${i}]`);
    }
    const links = record[linkKey];
    if (Array.isArray(links)) {
      links.forEach((link, i) => {
        if (isRecord(link) && link.Tag !== undefined) read(link.Tag, `${path}.${linkKey}[${i}].Tag`);
      });
    }
    return names;
  }

  array(record: Json, key: string, path: string, what: string): unknown[] {
    const value = record[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.issue(`${path}.${key}`, `must be an array of ${what}`);
    return [];
  }
}

interface MispAttribute {
  path: string;
  uuid: string | undefined;
  type: string;
  value: string;
  category: string | undefined;
  comment: string | undefined;
  relation: string | undefined;
  toIds: boolean;
  /** The label its own tags and distribution give, before the parent's is applied; null when neither says one. */
  ownLabel: TlpLabel | null;
  timestamp: number | undefined;
  firstSeen: number | undefined;
  lastSeen: number | undefined;
}

interface MispObject {
  path: string;
  uuid: string | undefined;
  name: string;
  comment: string | undefined;
  ownLabel: TlpLabel | null;
  timestamp: number | undefined;
  firstSeen: number | undefined;
  lastSeen: number | undefined;
  attributes: MispAttribute[];
}

function isDeleted(record: Json): boolean {
  return record.deleted === true || record.deleted === 1 || record.deleted === "1";
}

/** One attribute, or undefined when it is deleted or unusable (the issues are recorded). */
function readAttribute(r: Reader, raw: unknown, path: string): MispAttribute | undefined {
  if (!isRecord(raw)) {
    r.issue(path, "an attribute must be an object");
    return undefined;
  }
  if (isDeleted(raw)) {
    r.skipped.push({ path, reason: "the attribute is deleted" });
    return undefined;
  }
  const type = typeof raw.type === "string" ? raw.type.trim() : "";
  if (type === "") r.issue(`${path}.type`, "an attribute needs a type");
  const value =
    typeof raw.value === "string" || (typeof raw.value === "number" && Number.isFinite(raw.value)) ? String(raw.value) : "";
  if (value.trim() === "") r.issue(`${path}.value`, "an attribute needs a value");
  const distribution = r.distribution(raw, path, true);
  const tags = r.tags(raw, path, "AttributeTag");
  const attribute: MispAttribute = {
    path,
    uuid: r.optionalString(raw, "uuid", path),
    type,
    value: value.trim(),
    category: r.optionalString(raw, "category", path)?.trim() || undefined,
    comment: r.optionalString(raw, "comment", path)?.trim() || undefined,
    relation: r.optionalString(raw, "object_relation", path)?.trim() || undefined,
    toIds: r.flag(raw, "to_ids", path),
    ownLabel: mispLabel(tags, typeof distribution === "number" && distribution !== INHERIT ? distribution : undefined),
    timestamp: r.unixTime(raw, "timestamp", path),
    firstSeen: r.seen(raw, "first_seen", path),
    lastSeen: r.seen(raw, "last_seen", path),
  };
  return type === "" || value.trim() === "" ? undefined : attribute;
}

function readObject(r: Reader, raw: unknown, path: string): MispObject | undefined {
  if (!isRecord(raw)) {
    r.issue(path, "a MISP object must be an object");
    return undefined;
  }
  if (isDeleted(raw)) {
    r.skipped.push({ path, reason: "the object is deleted" });
    return undefined;
  }
  const name = typeof raw.name === "string" ? raw.name.trim() : "";
  if (name === "") r.issue(`${path}.name`, "a MISP object needs a name");
  const distribution = r.distribution(raw, path, true);
  const attributes: MispAttribute[] = [];
  r.array(raw, "Attribute", path, "attributes").forEach((a, i) => {
    const attribute = readAttribute(r, a, `${path}.Attribute[${i}]`);
    if (attribute) attributes.push(attribute);
  });
  const object: MispObject = {
    path,
    uuid: r.optionalString(raw, "uuid", path),
    name,
    comment: r.optionalString(raw, "comment", path)?.trim() || undefined,
    ownLabel: mispLabel([], typeof distribution === "number" && distribution !== INHERIT ? distribution : undefined),
    timestamp: r.unixTime(raw, "timestamp", path),
    firstSeen: r.seen(raw, "first_seen", path),
    lastSeen: r.seen(raw, "last_seen", path),
    attributes,
  };
  return name === "" ? undefined : object;
}

// ---------------------------------------------------------------------------------------------------------------
// Conversion

class Ids {
  private readonly used = new Set<string>();
  constructor(private readonly newId: () => string) {}

  /** `type--uuid` from a MISP uuid when it is an RFC 4122 UUID (v1–5) not used yet, else a fresh one. */
  of(type: string, uuid: string | undefined): string {
    const derived = uuid && UUID.test(uuid.trim()) ? `${type}--${uuid.trim().toLowerCase()}` : undefined;
    const id = derived && !this.used.has(derived) ? derived : `${type}--${this.newId()}`;
    this.used.add(id);
    return id;
  }
}

interface Identity {
  object: StixObject;
  label: TlpLabel;
}

function marking(label: TlpLabel): string[] {
  return [TLP_MARKING_IDS[label]];
}

function ts(ms: number): string {
  return stixTimestamp(new Date(ms));
}

function line(prefix: string | undefined, type: string, value: string, comment: string | undefined): string {
  const head = prefix ? `${prefix}/${type}` : type;
  return `${head}: ${value}${comment ? ` (${comment})` : ""}`;
}

/** Where the events are: `{Event}`, `{response: [{Event}, …]}` or a bare event object. */
function locateEvents(r: Reader, input: unknown): { event: Json; path: string }[] {
  if (!isRecord(input)) {
    r.issue("(root)", 'a MISP event must be a JSON object: {"Event": {...}}');
    return [];
  }
  if ("response" in input) {
    const response = input.response;
    const list = Array.isArray(response) ? response : isRecord(response) ? [response] : null;
    if (list === null || list.length === 0) {
      r.issue("response", 'must be a non-empty array of {"Event": {...}}');
      return [];
    }
    const path = Array.isArray(response) ? (i: number) => `response[${i}]` : () => "response";
    const events: { event: Json; path: string }[] = [];
    list.forEach((entry, i) => {
      if (isRecord(entry) && isRecord(entry.Event)) events.push({ event: entry.Event, path: `${path(i)}.Event` });
      else r.issue(isRecord(entry) ? `${path(i)}.Event` : path(i), 'must be {"Event": {...}}');
    });
    return events;
  }
  if ("Event" in input) {
    if (isRecord(input.Event)) return [{ event: input.Event, path: "Event" }];
    r.issue("Event", "must be an object");
    return [];
  }
  const looksLikeEvent = ["info", "uuid", "Attribute", "Object", "date"].some((k) => k in input);
  if (looksLikeEvent) return [{ event: input, path: "Event" }];
  r.issue("(root)", 'no MISP event found: expected {"Event": {...}}, {"response": [{"Event": {...}}]} or a bare event');
  return [];
}

/**
 * Converts MISP core JSON to a STIX 2.1 bundle. `now` is injected (Date) for created/modified fallbacks; `newId` is
 * injected (() => string returning a UUIDv4) for ids that cannot be derived.
 *
 * Accepts `{"Event": {...}}` (GET /events/view/ID, the JSON export), a bare event object and
 * `{"response": [{"Event": ...}, ...]}`. Each event gives a `report` (`report--<event uuid>`), its `to_ids`
 * attributes and objects `indicator`s (`indicator--<uuid>`), its Orgc an `identity`, and the bundle carries the TLP
 * 2.0 marking definitions it uses. Attributes without `to_ids` are summarised in the report description as lines
 * `category/type: value`. Types without a STIX pattern are listed in `skipped`; anything malformed — including an
 * event with no label from MISP and no `options.defaultLabel` — fails the whole conversion with every issue listed.
 */
export function mispToStix(input: unknown, options: MispConversionOptions): MispConversion {
  const r = new Reader();
  const ids = new Ids(options.newId);
  const identities = new Map<string, Identity>();
  const converted: StixObject[] = [];
  const labelsUsed = new Set<TlpLabel>();

  for (const { event, path } of locateEvents(r, input)) {
    for (const { object, label } of convertEvent(r, ids, identities, event, path, options)) {
      converted.push(object);
      labelsUsed.add(label);
    }
  }
  if (r.issues.length > 0) return { ok: false, issues: r.issues };

  for (const identity of identities.values()) labelsUsed.add(identity.label);
  const markings = TLP_LABELS.filter((l) => labelsUsed.has(l)).map((l) => tlpMarkingDefinition(l) as StixObject);
  const people = [...identities.values()].map((i) => ({ ...i.object, object_marking_refs: marking(i.label) }));
  return {
    ok: true,
    bundle: { type: "bundle", id: `bundle--${options.newId()}`, objects: [...markings, ...people, ...converted] },
    skipped: r.skipped,
  };
}

/** The STIX objects of one event with their labels (indicators, then the report); identities go to `identities`. */
function convertEvent(
  r: Reader,
  ids: Ids,
  identities: Map<string, Identity>,
  event: Json,
  path: string,
  options: MispConversionOptions,
): { object: StixObject; label: TlpLabel }[] {
  const issuesBefore = r.issues.length;
  const name = typeof event.info === "string" ? event.info.trim() : "";
  if (name === "") r.issue(`${path}.info`, "the event needs a non-empty info (its title)");

  const date = r.date(event, "date", path);
  const timestamp = r.unixTime(event, "timestamp", path);
  const publishTimestamp = r.unixTime(event, "publish_timestamp", path, true);
  const created = date ?? timestamp ?? options.now.getTime();
  const modified = Math.max(created, timestamp ?? created);
  const published = publishTimestamp ?? date ?? created;

  // The event's label: MISP's tags and distribution, the stricter; the importer's default only when neither is there.
  const distribution = r.distribution(event, path, false);
  const tags = r.tags(event, path, "EventTag");
  let eventLabel = mispLabel(tags, typeof distribution === "number" ? distribution : undefined);
  if (eventLabel === null && distribution === undefined) {
    if (options.defaultLabel) eventLabel = options.defaultLabel;
    else {
      r.issue(
        path,
        "MISP gave this event no TLP label (no tlp: tag and no distribution), and Roundtable never guesses one: " +
          "tag the event in MISP or import it with an explicit label",
      );
    }
  }
  const labels = [...new Set(tags.filter((t) => tagLabel(t) === null))].slice(0, MAX_LABELS);

  // The creating organisation.
  let createdBy: string | undefined;
  const orgc = event.Orgc;
  if (orgc !== undefined && orgc !== null) {
    if (!isRecord(orgc)) r.issue(`${path}.Orgc`, "must be an object");
    else {
      const orgName = typeof orgc.name === "string" ? orgc.name.trim() : "";
      const orgUuid = r.optionalString(orgc, "uuid", `${path}.Orgc`)?.trim();
      if (orgName === "") r.issue(`${path}.Orgc.name`, "the creating organisation needs a name");
      else if (eventLabel) {
        const key = orgUuid && UUID.test(orgUuid) ? orgUuid.toLowerCase() : `name:${orgName}`;
        const known = identities.get(key);
        if (known) {
          // The organisation's name travels with every event it created: mark it with the loosest of them.
          if (tlpRank(eventLabel) < tlpRank(known.label)) known.label = eventLabel;
        } else {
          const id = ids.of("identity", orgUuid);
          const object = {
            type: "identity",
            spec_version: "2.1",
            id,
            created: ts(created),
            modified: ts(created),
            name: orgName,
            identity_class: "organization",
          };
          identities.set(key, { object, label: eventLabel });
        }
        createdBy = identities.get(key)!.object.id as string;
      }
    }
  }

  const issuesBeforeAttributes = r.issues.length;
  const attributes: MispAttribute[] = [];
  r.array(event, "Attribute", path, "attributes").forEach((a, i) => {
    const attribute = readAttribute(r, a, `${path}.Attribute[${i}]`);
    if (attribute) attributes.push(attribute);
  });
  const mispObjects: MispObject[] = [];
  r.array(event, "Object", path, "MISP objects").forEach((o, i) => {
    const object = readObject(r, o, `${path}.Object[${i}]`);
    if (object) mispObjects.push(object);
  });
  const attributeCount = attributes.length + mispObjects.reduce((n, o) => n + o.attributes.length, 0);
  // Attributes that could not be read are issues already; "no attributes" is for an event that really has none.
  if (attributeCount === 0 && r.issues.length === issuesBeforeAttributes) r.issue(path, "the event has no attributes");

  // Whatever is built below with a placeholder label is thrown away: the conversion fails on any issue.
  const label: TlpLabel = eventLabel ?? "TLP:RED";
  const base = (type: string, id: string, createdAt: number, modifiedAt: number) => ({
    type,
    spec_version: "2.1",
    id,
    created: ts(createdAt),
    modified: ts(Math.max(createdAt, modifiedAt)),
    ...(createdBy ? { created_by_ref: createdBy } : {}),
  });
  const indicators: { object: StixObject; label: TlpLabel }[] = [];
  const description: string[] = [];
  const describe = (text: string, textLabel: TlpLabel, at: string) => {
    // The report carries the event's label: text more restricted than that must not ride along in it.
    if (tlpRank(textLabel) > tlpRank(label)) {
      r.skipped.push({
        path: at,
        reason: `${textLabel} is stricter than the event's ${label}: not copied into the report description`,
      });
    } else description.push(text);
  };
  const indicator = (fields: {
    id: string;
    name: string;
    pattern: string;
    description: string | undefined;
    at: number;
    validFrom: number;
    validUntil: number | undefined;
    label: TlpLabel;
  }) => {
    const validUntil = fields.validUntil !== undefined && fields.validUntil > fields.validFrom ? fields.validUntil : undefined;
    const object = {
      ...base("indicator", fields.id, fields.at, fields.at),
      name: fields.name,
      ...(fields.description ? { description: fields.description } : {}),
      indicator_types: ["malicious-activity"],
      pattern: fields.pattern,
      pattern_type: "stix",
      pattern_version: "2.1",
      valid_from: ts(fields.validFrom),
      ...(validUntil !== undefined ? { valid_until: ts(validUntil) } : {}),
      object_marking_refs: marking(fields.label),
    };
    indicators.push({ object, label: fields.label });
  };

  for (const a of attributes) {
    const attributeLabel = stricter(a.ownLabel, label)!;
    if (!a.toIds) {
      describe(line(a.category, a.type, a.value, a.comment), attributeLabel, a.path);
      continue;
    }
    const outcome = patternOf(a.type, a.value);
    if (outcome === null) {
      r.skipped.push({ path: a.path, reason: `attribute type ${a.type} has no STIX pattern` });
      continue;
    }
    if ("invalid" in outcome) {
      r.issue(`${a.path}.value`, `${outcome.invalid} (type ${a.type})`);
      continue;
    }
    const at = a.timestamp ?? modified;
    indicator({
      id: ids.of("indicator", a.uuid),
      name: `${a.type}: ${a.value}`,
      pattern: observation(outcome.comparisons, "AND"),
      description: a.comment,
      at,
      validFrom: a.firstSeen ?? at,
      validUntil: a.lastSeen,
      label: attributeLabel,
    });
  }

  for (const o of mispObjects) {
    const objectLabel = stricter(o.ownLabel, label)!;
    if (!o.attributes.some((a) => a.toIds)) {
      for (const a of o.attributes) {
        describe(line(o.name, a.relation ?? a.type, a.value, a.comment), stricter(a.ownLabel, objectLabel)!, a.path);
      }
      continue;
    }
    const parts: Comparison[][] = [];
    let indicatorLabel = objectLabel;
    let latest: number | undefined = o.timestamp;
    for (const a of o.attributes) {
      const outcome = patternOf(a.type, a.value);
      if (outcome === null) {
        r.skipped.push({ path: a.path, reason: `attribute type ${a.type} has no STIX pattern` });
        continue;
      }
      if ("invalid" in outcome) {
        r.issue(`${a.path}.value`, `${outcome.invalid} (type ${a.type})`);
        continue;
      }
      parts.push(outcome.comparisons);
      indicatorLabel = stricter(a.ownLabel, indicatorLabel)!;
      if (o.timestamp === undefined && a.timestamp !== undefined) latest = Math.max(latest ?? 0, a.timestamp);
    }
    if (parts.length === 0) {
      r.skipped.push({ path: o.path, reason: `no attribute of the ${o.name} object has a STIX pattern` });
      continue;
    }
    const at = latest ?? modified;
    indicator({
      id: ids.of("indicator", o.uuid),
      name: o.name,
      pattern: objectPattern(parts),
      description: o.comment,
      at,
      validFrom: o.firstSeen ?? at,
      validUntil: o.lastSeen,
      label: indicatorLabel,
    });
  }

  const refs = [...(createdBy ? [createdBy] : []), ...indicators.map((i) => i.object.id as string)];
  if (refs.length === 0 && attributeCount > 0 && r.issues.length === issuesBefore) {
    r.issue(path, "the event gives nothing for its report to refer to: no attribute becomes an indicator and it has no Orgc");
  }
  const report: StixObject = {
    ...base("report", ids.of("report", r.optionalString(event, "uuid", path)), created, modified),
    name,
    ...(description.length > 0 ? { description: description.join("\n") } : {}),
    report_types: ["threat-report"],
    published: ts(published),
    object_refs: refs,
    ...(labels.length > 0 ? { labels } : {}),
    object_marking_refs: marking(label),
  };
  return [...indicators, { object: report, label }];
}
