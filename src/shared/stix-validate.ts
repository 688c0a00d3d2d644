// Strict STIX 2.1 validation for imports: the rules of the OASIS STIX 2.1 specification and of the
// OASIS cti-stix2-json-schemas, written out by hand so that 100,000-object bundles validate quickly.
// Every violation is reported with its path ("objects[3].object_refs[2]"); checking goes on after one.
import { TLP_2_EXTENSION_ID } from "./stix.js";
import { TLP_MARKING_IDS, type TlpLabel } from "./tlp.js";

/** One violation: where it is (e.g. "objects[3].created") and what is wrong, in plain English. */
export interface StixIssue {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Vocabulary of the specification

/** STIX Domain Objects defined by STIX 2.1. */
const SDO_TYPES: ReadonlySet<string> = new Set([
  "attack-pattern",
  "campaign",
  "course-of-action",
  "grouping",
  "identity",
  "incident",
  "indicator",
  "infrastructure",
  "intrusion-set",
  "location",
  "malware",
  "malware-analysis",
  "note",
  "observed-data",
  "opinion",
  "report",
  "threat-actor",
  "tool",
  "vulnerability",
]);

/** STIX Cyber-observable Objects defined by STIX 2.1 (shape-checked only). */
const SCO_TYPES: ReadonlySet<string> = new Set([
  "artifact",
  "autonomous-system",
  "directory",
  "domain-name",
  "email-addr",
  "email-message",
  "file",
  "ipv4-addr",
  "ipv6-addr",
  "mac-addr",
  "mutex",
  "network-traffic",
  "process",
  "software",
  "url",
  "user-account",
  "windows-registry-key",
  "x509-certificate",
]);

/** Types a relationship may not point at (it links SDOs and SCOs) and a sighting may not sight. */
const NOT_SDO_OR_SCO: ReadonlySet<string> = new Set([
  "relationship",
  "sighting",
  "bundle",
  "marking-definition",
  "language-content",
  "extension-definition",
]);

/** Extensions predefined by STIX 2.1 for SCOs, used as keys of `extensions` without an extension-definition. */
const PREDEFINED_EXTENSIONS: ReadonlySet<string> = new Set([
  "archive-ext",
  "ntfs-ext",
  "pdf-ext",
  "raster-image-ext",
  "windows-pebinary-ext",
  "http-request-ext",
  "icmp-ext",
  "socket-ext",
  "tcp-ext",
  "windows-process-ext",
  "windows-service-ext",
  "unix-account-ext",
]);

const EXTENSION_TYPES: ReadonlySet<string> = new Set([
  "new-sdo",
  "new-sco",
  "new-sro",
  "property-extension",
  "toplevel-property-extension",
]);

const OPINIONS: ReadonlySet<string> = new Set(["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]);

/** Properties of the STIX 2.1 SDOs and SROs whose values are timestamps (any precision). */
const TIMESTAMP_PROPERTIES: ReadonlySet<string> = new Set([
  "first_seen",
  "last_seen",
  "valid_from",
  "valid_until",
  "published",
  "first_observed",
  "last_observed",
  "start_time",
  "stop_time",
  "submitted",
  "analysis_started",
  "analysis_ended",
  "object_modified",
]);

/** TLP 2.0 extension value → official marking-definition id. */
const TLP_2_IDS: ReadonlyMap<string, string> = new Map(
  (Object.entries(TLP_MARKING_IDS) as [TlpLabel, string][]).map(([label, id]) => [label.slice(4).toLowerCase(), id]),
);
const TLP_2_ID_SET: ReadonlySet<string> = new Set(TLP_2_IDS.values());

/** The TLP 1.0 marking definitions predefined by STIX 2.1: id → TLP colour. */
const TLP_1_IDS: ReadonlyMap<string, string> = new Map([
  ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "white"],
  ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "green"],
  ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "amber"],
  ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red"],
]);

// Compiled once, at load time.
const SELECTOR = /^(?:[a-z0-9_-]{3,250}(?:\.(?:\[\d+\]|[a-z0-9_-]{1,250}))*|id)$/;
const CVE_ID = /^CVE-\d{4}-(?:0\d{3}|[1-9]\d{3,})$/;
const CAPEC_ID = /^CAPEC-\d+$/;

// ---------------------------------------------------------------------------------------------
// Messages

const MS_TIMESTAMP = "must be a timestamp with at least millisecond precision and Z, like 2024-01-31T09:00:00.000Z";
const TIMESTAMP = "must be a timestamp in UTC with Z, like 2024-01-31T09:00:00Z";
const IDENTIFIER = "must be a STIX identifier: the object type, two hyphens and an RFC 4122 UUID";

// ---------------------------------------------------------------------------------------------
// Character-level checks

/** a-z */
const isLower = (c: number) => c >= 97 && c <= 122;
/** 0-9 */
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Character classes of ASCII codes, as bit flags: HEX (0-9a-fA-F), NAME (a-z0-9_). */
const HEX = 1;
const NAME = 2;
const CLASSES = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASSES[c] = HEX | NAME;
for (let c = 97; c <= 122; c++) CLASSES[c] = c <= 102 ? HEX | NAME : NAME;
for (let c = 65; c <= 70; c++) CLASSES[c] = HEX;
CLASSES[95] = NAME;
/** Whether s[from, to) holds only hexadecimal digits. */
function isHexRun(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || (CLASSES[c]! & HEX) === 0) return false;
  }
  return true;
}

/** A STIX type name in s[from, to): 3-250 of a-z0-9-, starting with a letter, ending with a letter or digit, no "--". */
function isTypeName(s: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 3 || n > 250) return false;
  if (!isLower(s.charCodeAt(from))) return false;
  let previousHyphen = false;
  for (let i = from + 1; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 45) {
      if (previousHyphen) return false;
      previousHyphen = true;
    } else if (isLower(c) || isDigit(c)) {
      previousHyphen = false;
    } else {
      return false;
    }
  }
  return !previousHyphen;
}

/** An RFC 4122 UUID at s[from, from + 36): version 1-5, variant 8/9/a/b (either case, as the OASIS schema). */
function isUuidAt(s: string, from: number): boolean {
  if (
    s.charCodeAt(from + 8) !== 45 ||
    s.charCodeAt(from + 13) !== 45 ||
    s.charCodeAt(from + 18) !== 45 ||
    s.charCodeAt(from + 23) !== 45
  ) {
    return false;
  }
  if (!isHexRun(s, from, from + 8) || !isHexRun(s, from + 9, from + 13) || !isHexRun(s, from + 14, from + 18)) return false;
  if (!isHexRun(s, from + 19, from + 23) || !isHexRun(s, from + 24, from + 36)) return false;
  const version = s.charCodeAt(from + 14);
  if (version < 49 || version > 53) return false;
  const variant = s.charCodeAt(from + 19) | 0x20; // lower-case a letter
  return variant === 56 || variant === 57 || variant === 97 || variant === 98;
}

/** True for a STIX identifier `type--uuid`: the type as the `type` property requires, and an RFC 4122 UUID (version 1-5, variant 8-b) as the OASIS identifier schema accepts. */
export function isStixId(value: unknown): value is string {
  if (typeof value !== "string") return false;
  // The UUID is the last 36 characters; the type before "--" has no "--" of its own and does not end in "-".
  const separator = value.length - 38;
  return (
    separator >= 3 &&
    value.charCodeAt(separator) === 45 &&
    value.charCodeAt(separator + 1) === 45 &&
    isTypeName(value, 0, separator) &&
    isUuidAt(value, separator + 2)
  );
}

/** True when `value` is a valid STIX type name (lowercase a-z, 0-9 and single hyphens, 3-250 characters). */
function isStixType(value: unknown): value is string {
  return typeof value === "string" && isTypeName(value, 0, value.length);
}

/** The type part of a (valid) identifier. */
const typeOfId = (id: string) => id.slice(0, id.indexOf("--"));

const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

const daysIn = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

/** True for a STIX timestamp: RFC 3339 in UTC with a literal upper-case T and Z (2016-05-12T08:17:27Z), optional fractional seconds of any number of digits, on a real calendar date (a leap second is accepted only at 23:59:60). */
export function isStixTimestamp(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const n = value.length;
  if (n < 20 || value.charCodeAt(n - 1) !== 90 /* Z */) return false;
  for (let i = 0; i < 19; i++) {
    const c = value.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (c !== 45) return false;
    } else if (i === 10) {
      if (c !== 84 /* T */) return false;
    } else if (i === 13 || i === 16) {
      if (c !== 58) return false;
    } else if (!isDigit(c)) {
      return false;
    }
  }
  if (n > 20) {
    if (value.charCodeAt(19) !== 46 || n === 21) return false;
    for (let i = 20; i < n - 1; i++) if (!isDigit(value.charCodeAt(i))) return false;
  }
  const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = twoDigits(value, 17);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (hour > 23 || minute > 59) return false;
  return second <= 59 || (second === 60 && hour === 23 && minute === 59);
}

/** Same as isStixTimestamp, but with at least millisecond precision (three or more fractional digits), as `created` and `modified` require. */
export function isStixMillisecondTimestamp(value: unknown): value is string {
  return isStixTimestamp(value) && value.length >= 24;
}

/** Orders two valid STIX timestamps as instants (fractions of different lengths are compared digit by digit). */
function compareTimestamps(a: string, b: string): number {
  for (let i = 0; i < 19; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const an = a.length - 1; // index of Z
  const bn = b.length - 1;
  const length = Math.max(an, bn);
  for (let i = 20; i < length; i++) {
    const x = i < an ? a.charCodeAt(i) : 48;
    const y = i < bn ? b.charCodeAt(i) : 48;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A property name: 3-250 characters of a-z, 0-9 and underscore (or the core property `id`). */
function isPropertyName(key: string): boolean {
  const n = key.length;
  if (n < 3 || n > 250) return key === "id";
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c > 127 || (CLASSES[c]! & NAME) === 0) return false;
  }
  return true;
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
/** null and [] are reported by the per-property pass, once; the other checks then leave them alone. */
const isReported = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0);
/** Present, and neither null nor [] (those are reported once by the per-property pass). */
const present = (v: unknown) => v !== undefined && !isReported(v);
const has = (o: Json, key: string) => present(o[key]);
const at = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);
const endsWith = (key: string, suffix: string) => key.length > suffix.length && key.endsWith(suffix);
/** 1 for a name ending in _ref, 2 for one ending in _refs, else 0 (by the last character first: this runs on every key). */
function refKind(key: string): 0 | 1 | 2 {
  const last = key.charCodeAt(key.length - 1);
  if (last === 102 /* f */) return endsWith(key, "_ref") ? 1 : 0;
  if (last === 115 /* s */) return endsWith(key, "_refs") ? 2 : 0;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The validator

// Predicates on the type of a referenced identifier (module-level: no closure per call).
const isIdentity = (t: string) => t === "identity";
const isMarkingDefinition = (t: string) => t === "marking-definition";
const isSoftware = (t: string) => t === "software";
const isSample = (t: string) => t === "file" || t === "artifact" || t === "network-traffic";
const isNotSdo = (t: string) => !SDO_TYPES.has(t);
const isSdoOrSco = (t: string) => !NOT_SDO_OR_SCO.has(t);
const isSdo = (t: string) => !SCO_TYPES.has(t) && !NOT_SDO_OR_SCO.has(t);
const isObservedData = (t: string) => t === "observed-data";
const isIdentityOrLocation = (t: string) => t === "identity" || t === "location";
const isTranslatable = (t: string) => t !== "bundle" && t !== "language-content";

/** Collects the issues of one object. */
class Checker {
  readonly issues: StixIssue[] = [];
  constructor(
    readonly o: Json,
    readonly path: string,
  ) {}

  add(key: string, message: string): void {
    this.issues.push({ path: at(this.path, key), message });
  }

  /** `<type> requires <key>` when absent. Returns whether it is present (null counts as reported). */
  require(type: string, key: string): boolean {
    const v = this.o[key];
    if (v === undefined) {
      this.add(key, `${type} requires ${key}`);
      return false;
    }
    return !isReported(v);
  }

  requireString(type: string, key: string): void {
    if (this.require(type, key)) this.string(key);
  }

  /** When present, must be a string. */
  string(key: string): void {
    const v = this.o[key];
    if (present(v) && typeof v !== "string") this.add(key, `${key} must be a string`);
  }

  boolean(key: string): void {
    const v = this.o[key];
    if (present(v) && typeof v !== "boolean") this.add(key, `${key} must be true or false`);
  }

  integer(key: string, min: number, max: number): void {
    const v = this.o[key];
    if (!present(v)) return;
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
      this.add(key, `${key} must be an integer from ${min} to ${max}`);
    }
  }

  number(key: string, min: number, max: number): void {
    const v = this.o[key];
    if (!present(v)) return;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
      this.add(key, `${key} must be a number from ${min} to ${max}`);
    }
  }

  /** When present, must be a list of strings (emptiness is reported by the per-property pass). */
  strings(key: string): void {
    const v = this.o[key];
    if (!present(v)) return;
    if (!Array.isArray(v)) {
      this.add(key, `${key} must be a list of strings`);
      return;
    }
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== "string")
        this.issues.push({ path: `${at(this.path, key)}[${i}]`, message: `${key} must contain only strings` });
    }
  }

  /** The reference(s) in `key` (a *_ref or *_refs property, already checked to be identifiers) must satisfy `ok`. */
  refTypes(key: string, ok: (type: string) => boolean, what: string): void {
    const v = this.o[key];
    if (typeof v === "string") {
      if (isStixId(v) && !ok(typeOfId(v))) this.add(key, `${key} must refer to ${what}`);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item = v[i];
        if (isStixId(item) && !ok(typeOfId(item))) {
          this.issues.push({ path: `${at(this.path, key)}[${i}]`, message: `${key} must refer only to ${what}` });
        }
      }
    }
  }

  /** `later` must not be before `earlier` (or must be after it, when `strictly`), when both are valid timestamps. */
  order(earlier: string, later: string, strictly: boolean): void {
    const a = this.o[earlier];
    const b = this.o[later];
    if (!isStixTimestamp(a) || !isStixTimestamp(b)) return;
    const c = compareTimestamps(a, b);
    if (strictly ? c >= 0 : c > 0)
      this.add(later, `${later} must be ${strictly ? "later than" : "the same as or later than"} ${earlier}`);
  }
}

/** Per-property pass: names, null, empty lists, *_ref / *_refs shapes, and timestamp-valued properties of the spec's types. */
function checkProperties(c: Checker, timestamps: boolean): void {
  const o = c.o;
  // for-in rather than Object.keys: no array per object, and parsed JSON has no inherited enumerable keys.
  for (const key in o) {
    const v = o[key];
    if (v === undefined) continue; // not JSON; treated as absent, as everywhere else
    if (!isPropertyName(key)) {
      c.add(key, "property names must be 3 to 250 characters of lowercase a-z, 0-9 and underscore");
    }
    if (v === null) {
      c.add(key, `${key} must not be null (omit an optional property instead)`);
      continue;
    }
    const kind = refKind(key);
    if (Array.isArray(v)) {
      if (v.length === 0) {
        c.add(key, `${key} must be omitted rather than empty`);
      } else if (kind === 2) {
        for (let i = 0; i < v.length; i++) {
          if (!isStixId(v[i])) c.issues.push({ path: `${at(c.path, key)}[${i}]`, message: `each of ${key} ${IDENTIFIER}` });
        }
      }
    } else if (kind === 2) {
      c.add(key, `${key} must be a list of STIX identifiers`);
    } else if (kind === 1) {
      if (!isStixId(v)) c.add(key, `${key} ${IDENTIFIER}`);
    } else if (timestamps && TIMESTAMP_PROPERTIES.has(key) && !isStixTimestamp(v)) {
      c.add(key, `${key} ${TIMESTAMP}`);
    }
  }
}

/** `id` must be an identifier of the object's own type. */
function checkId(c: Checker, type: string | undefined): void {
  const id = c.o.id;
  if (id === undefined) c.add("id", "id is required");
  else if (isReported(id))
    return; // reported by the per-property pass
  else if (!isStixId(id)) c.add("id", `id ${IDENTIFIER}`);
  else if (type !== undefined && typeOfId(id) !== type) c.add("id", `id must start with "${type}--", the object's type`);
}

/** Common properties of SDOs, SROs and SMOs. */
function checkCommon(c: Checker, type: string): void {
  const o = c.o;
  const spec = o.spec_version;
  if (spec === undefined) c.add("spec_version", `${type} requires spec_version "2.1"`);
  else if (!isReported(spec) && spec !== "2.1") c.add("spec_version", 'spec_version must be "2.1"');

  const created = o.created;
  if (created === undefined) c.add("created", `${type} requires created`);
  else if (!isReported(created) && !isStixMillisecondTimestamp(created)) c.add("created", `created ${MS_TIMESTAMP}`);
  const modified = o.modified;
  if (modified === undefined) {
    if (type !== "marking-definition") c.add("modified", `${type} requires modified`);
  } else if (!isReported(modified) && !isStixMillisecondTimestamp(modified)) {
    c.add("modified", `modified ${MS_TIMESTAMP}`);
  } else if (
    isStixMillisecondTimestamp(created) &&
    isStixMillisecondTimestamp(modified) &&
    compareTimestamps(created, modified) > 0
  ) {
    c.add("modified", "modified must be the same as or later than created");
  }

  c.refTypes("created_by_ref", isIdentity, "an identity");
  c.boolean("revoked");
  c.strings("labels");
  c.integer("confidence", 0, 100);
  c.string("lang");
  c.refTypes("object_marking_refs", isMarkingDefinition, "marking-definition objects");
  checkExternalReferences(c);
  checkKillChainPhases(c);
  checkGranularMarkings(c);
  checkExtensions(c);
}

const EXTERNAL_REFERENCE_TEXT = ["description", "url", "external_id"] as const;

function checkExternalReferences(c: Checker): void {
  const list = c.o.external_references;
  if (!present(list)) return;
  if (!Array.isArray(list)) {
    c.add("external_references", "external_references must be a list of objects");
    return;
  }
  const base = at(c.path, "external_references");
  for (let i = 0; i < list.length; i++) {
    const ref = list[i];
    const p = `${base}[${i}]`;
    if (!isObject(ref)) {
      c.issues.push({ path: p, message: "each external reference must be an object" });
      continue;
    }
    const source = ref.source_name;
    if (typeof source !== "string") {
      c.issues.push({ path: `${p}.source_name`, message: "an external reference requires source_name, a string" });
    }
    for (const key of EXTERNAL_REFERENCE_TEXT) {
      if (ref[key] !== undefined && typeof ref[key] !== "string")
        c.issues.push({ path: `${p}.${key}`, message: `${key} must be a string` });
    }
    if (ref.description === undefined && ref.url === undefined && ref.external_id === undefined) {
      c.issues.push({ path: p, message: "an external reference requires at least one of description, url or external_id" });
    }
    if (ref.hashes !== undefined && !isObject(ref.hashes))
      c.issues.push({ path: `${p}.hashes`, message: "hashes must be an object" });
    const externalId = ref.external_id;
    if (source === "cve" && !(typeof externalId === "string" && CVE_ID.test(externalId))) {
      c.issues.push({
        path: `${p}.external_id`,
        message: "a cve external reference requires external_id, a CVE identifier like CVE-2016-1234",
      });
    } else if (source === "capec" && !(typeof externalId === "string" && CAPEC_ID.test(externalId))) {
      c.issues.push({
        path: `${p}.external_id`,
        message: "a capec external reference requires external_id, a CAPEC identifier like CAPEC-163",
      });
    }
  }
}

function checkKillChainPhases(c: Checker): void {
  const list = c.o.kill_chain_phases;
  if (!present(list)) return;
  if (!Array.isArray(list)) {
    c.add("kill_chain_phases", "kill_chain_phases must be a list of objects");
    return;
  }
  const base = at(c.path, "kill_chain_phases");
  for (let i = 0; i < list.length; i++) {
    const phase = list[i];
    if (!isObject(phase) || typeof phase.kill_chain_name !== "string" || typeof phase.phase_name !== "string") {
      c.issues.push({
        path: `${base}[${i}]`,
        message: "each kill chain phase requires kill_chain_name and phase_name, both strings",
      });
    }
  }
}

function checkGranularMarkings(c: Checker): void {
  const list = c.o.granular_markings;
  if (!present(list)) return;
  if (!Array.isArray(list)) {
    c.add("granular_markings", "granular_markings must be a list of objects");
    return;
  }
  const base = at(c.path, "granular_markings");
  for (let i = 0; i < list.length; i++) {
    const marking = list[i];
    const p = `${base}[${i}]`;
    if (!isObject(marking)) {
      c.issues.push({ path: p, message: "each granular marking must be an object" });
      continue;
    }
    const selectors = marking.selectors;
    if (!Array.isArray(selectors) || selectors.length === 0) {
      c.issues.push({ path: `${p}.selectors`, message: "a granular marking requires selectors, a non-empty list of selectors" });
    } else {
      for (let j = 0; j < selectors.length; j++) {
        const s = selectors[j];
        if (typeof s !== "string" || !SELECTOR.test(s)) {
          c.issues.push({
            path: `${p}.selectors[${j}]`,
            message: 'each selector must be a property path like "description" or "external_references.[0].url"',
          });
        }
      }
    }
    const ref = marking.marking_ref;
    const lang = marking.lang;
    if ((ref === undefined) === (lang === undefined)) {
      c.issues.push({ path: p, message: "a granular marking requires exactly one of marking_ref or lang" });
    }
    if (ref !== undefined && !(isStixId(ref) && typeOfId(ref) === "marking-definition")) {
      c.issues.push({ path: `${p}.marking_ref`, message: "marking_ref must be a marking-definition identifier" });
    }
    if (lang !== undefined && typeof lang !== "string") c.issues.push({ path: `${p}.lang`, message: "lang must be a string" });
  }
}

function checkExtensions(c: Checker): void {
  const extensions = c.o.extensions;
  if (!present(extensions)) return;
  if (!isObject(extensions)) {
    c.add("extensions", "extensions must be an object keyed by extension-definition identifiers");
    return;
  }
  const base = at(c.path, "extensions");
  let count = 0;
  for (const key of Object.keys(extensions)) {
    count++;
    const p = `${base}.${key}`;
    const value = extensions[key];
    const definition = isStixId(key) && typeOfId(key) === "extension-definition";
    if (!definition && !PREDEFINED_EXTENSIONS.has(key)) {
      c.issues.push({
        path: p,
        message: "each key of extensions must be an extension-definition identifier or a predefined extension name",
      });
    } else if (!isObject(value)) {
      c.issues.push({ path: p, message: "each extension must be an object" });
    } else if (definition) {
      const kind = value.extension_type;
      if (kind === undefined)
        c.issues.push({ path: `${p}.extension_type`, message: "an extension-definition extension requires extension_type" });
      else if (typeof kind !== "string" || !EXTENSION_TYPES.has(kind)) {
        c.issues.push({
          path: `${p}.extension_type`,
          message: `extension_type must be one of ${[...EXTENSION_TYPES].join(", ")}`,
        });
      }
    }
  }
  if (count === 0) c.add("extensions", "extensions must be omitted rather than empty");
}

// ---------------------------------------------------------------------------------------------
// Type-specific rules

type Rule = (c: Checker, type: string) => void;

const named: Rule = (c, type) => {
  c.requireString(type, "name");
  c.string("description");
};
const seen: Rule = (c, type) => {
  named(c, type);
  c.order("first_seen", "last_seen", false);
};

const RULES: Record<string, Rule> = {
  "attack-pattern": named,
  campaign: seen,
  "course-of-action": named,
  identity: named,
  incident: named,
  infrastructure: seen,
  "intrusion-set": seen,
  "threat-actor": seen,
  tool: named,
  vulnerability: named,
  grouping(c, type) {
    c.string("name");
    c.string("description");
    c.requireString(type, "context");
    c.require(type, "object_refs");
  },
  indicator(c, type) {
    c.string("name");
    c.string("description");
    c.requireString(type, "pattern");
    c.requireString(type, "pattern_type");
    c.string("pattern_version");
    c.require(type, "valid_from");
    c.order("valid_from", "valid_until", true);
  },
  location(c, type) {
    const o = c.o;
    c.string("name");
    c.string("description");
    c.string("region");
    c.string("country");
    c.number("latitude", -90, 90);
    c.number("longitude", -180, 180);
    // Presence (even as null or []) pairs them; the value itself is checked by c.number above.
    const lat = o.latitude !== undefined;
    const long = o.longitude !== undefined;
    if (!has(o, "region") && !has(o, "country") && !lat && !long) {
      c.add("region", `${type} requires region, country, or latitude and longitude`);
    }
    if (lat && !long) c.add("longitude", "longitude is required together with latitude");
    if (long && !lat) c.add("latitude", "latitude is required together with longitude");
    if (has(o, "precision")) {
      c.number("precision", 0, Number.MAX_VALUE);
      if (!lat || !long) c.add("precision", "precision requires latitude and longitude");
    }
  },
  malware(c, type) {
    c.string("name");
    c.string("description");
    if (c.require(type, "is_family")) {
      c.boolean("is_family");
      if (c.o.is_family === true && c.o.name === undefined) c.add("name", `${type} requires name when is_family is true`);
    }
    c.order("first_seen", "last_seen", false);
    c.refTypes("operating_system_refs", isSoftware, "software objects");
  },
  "malware-analysis"(c, type) {
    c.requireString(type, "product");
    c.string("result");
    if (c.o.result === undefined && c.o.analysis_sco_refs === undefined) {
      c.add("result", `${type} requires result or analysis_sco_refs`);
    }
    c.refTypes("host_vm_ref", isSoftware, "a software object");
    c.refTypes("operating_system_ref", isSoftware, "a software object");
    c.refTypes("installed_software_refs", isSoftware, "software objects");
    c.refTypes("sample_ref", isSample, "a file, artifact or network-traffic");
  },
  note(c, type) {
    c.string("abstract");
    c.requireString(type, "content");
    c.strings("authors");
    c.require(type, "object_refs");
  },
  "observed-data"(c, type) {
    const o = c.o;
    c.require(type, "first_observed");
    c.require(type, "last_observed");
    if (c.require(type, "number_observed")) c.integer("number_observed", 1, 999999999);
    c.order("first_observed", "last_observed", false);
    if (o.objects === undefined && o.object_refs === undefined) {
      c.add("object_refs", `${type} requires object_refs (or the deprecated objects)`);
    } else if (present(o.objects) && present(o.object_refs)) {
      c.add("objects", `${type} must not have both objects and object_refs`);
    }
    if (present(o.objects) && !isObject(o.objects)) c.add("objects", "objects must be an object of cyber-observable objects");
    c.refTypes("object_refs", isNotSdo, "SCOs and SROs");
  },
  opinion(c, type) {
    c.string("explanation");
    c.strings("authors");
    if (c.require(type, "opinion") && !(typeof c.o.opinion === "string" && OPINIONS.has(c.o.opinion))) {
      c.add("opinion", `opinion must be one of ${[...OPINIONS].join(", ")}`);
    }
    c.require(type, "object_refs");
  },
  report(c, type) {
    named(c, type);
    c.require(type, "published");
    c.require(type, "object_refs");
  },
  relationship(c, type) {
    const o = c.o;
    if (c.require(type, "relationship_type")) {
      const rt = o.relationship_type;
      let ok = typeof rt === "string" && rt.length > 0;
      for (let i = 0; ok && i < (rt as string).length; i++) {
        const ch = (rt as string).charCodeAt(i);
        ok = isLower(ch) || isDigit(ch) || ch === 45;
      }
      if (!ok) c.add("relationship_type", "relationship_type must be lowercase a-z, 0-9 and hyphens, like indicates");
    }
    c.string("description");
    if (c.require(type, "source_ref")) c.refTypes("source_ref", isSdoOrSco, "an SDO or SCO");
    if (c.require(type, "target_ref")) c.refTypes("target_ref", isSdoOrSco, "an SDO or SCO");
    c.order("start_time", "stop_time", true);
  },
  sighting(c, type) {
    c.string("description");
    if (c.require(type, "sighting_of_ref")) {
      c.refTypes("sighting_of_ref", isSdo, "an SDO");
    }
    c.integer("count", 0, 999999999);
    c.boolean("summary");
    c.order("first_seen", "last_seen", false);
    c.refTypes("observed_data_refs", isObservedData, "observed-data objects");
    c.refTypes("where_sighted_refs", isIdentityOrLocation, "identity or location objects");
  },
  "marking-definition"(c, type) {
    const o = c.o;
    const id = o.id;
    const ext = isObject(o.extensions) ? o.extensions[TLP_2_EXTENSION_ID] : undefined;
    if (ext === undefined) c.string("name");
    else c.requireString(type, "name"); // the TLP 2.0 markings are named
    const classic = o.definition_type !== undefined || o.definition !== undefined;
    if (classic) {
      c.requireString(type, "definition_type");
      if (c.require(type, "definition") && !isObject(o.definition)) c.add("definition", "definition must be an object");
      const definition = isObject(o.definition) ? o.definition : undefined;
      if (o.definition_type === "tlp") {
        const colour = definition?.tlp;
        const expected = typeof id === "string" ? TLP_1_IDS.get(id) : undefined;
        if (expected === undefined && isStixId(id))
          c.add("id", "a tlp marking-definition must use one of the four TLP identifiers predefined by STIX 2.1");
        else if (expected !== undefined && definition !== undefined && colour !== expected)
          c.add("definition", `definition must be {"tlp": "${expected}"} for this predefined TLP marking`);
        else if (expected !== undefined && o.name !== undefined && o.name !== `TLP:${expected.toUpperCase()}`)
          c.add("name", `name must be "TLP:${expected.toUpperCase()}"`);
      } else if (o.definition_type === "statement" && definition && typeof definition.statement !== "string") {
        c.add("definition", "a statement marking requires definition.statement, a string");
      }
    } else if (o.extensions === undefined) {
      // (Present extensions without the TLP 2.0 one may define another marking type; checked by checkExtensions.)
      c.add(
        "extensions",
        `${type} requires either definition_type and definition, or extensions (such as the TLP 2.0 extension)`,
      );
    }
    if (typeof id === "string" && TLP_1_IDS.has(id) && typeof o.definition_type === "string" && o.definition_type !== "tlp") {
      c.add("definition_type", 'this predefined TLP 1.0 marking must have definition_type "tlp"');
    }
    if (isObject(ext)) {
      const value = ext.tlp_2_0;
      const officialId = typeof value === "string" ? TLP_2_IDS.get(value) : undefined;
      const p = `extensions.${TLP_2_EXTENSION_ID}.tlp_2_0`;
      if (officialId === undefined) c.add(p, "tlp_2_0 must be one of clear, green, amber, amber+strict, red");
      else {
        if (id !== officialId && isStixId(id))
          c.add("id", `a TLP 2.0 ${value} marking must use the official identifier ${officialId}`);
        const label = `TLP:${(value as string).toUpperCase()}`;
        if (typeof o.name === "string" && o.name !== label) c.add("name", `name must be "${label}"`);
      }
    } else if (ext === undefined && classic && typeof id === "string" && TLP_2_ID_SET.has(id)) {
      c.add("extensions", "this official TLP 2.0 marking must carry the TLP 2.0 extension");
    }
  },
  "extension-definition"(c, type) {
    const o = c.o;
    c.requireString(type, "name");
    c.string("description");
    c.requireString(type, "schema");
    c.requireString(type, "version");
    c.require(type, "created_by_ref");
    if (c.require(type, "extension_types")) {
      const kinds = o.extension_types;
      if (!Array.isArray(kinds)) c.add("extension_types", "extension_types must be a list");
      else {
        for (let i = 0; i < kinds.length; i++) {
          const k = kinds[i];
          if (typeof k !== "string" || !EXTENSION_TYPES.has(k)) {
            c.add(`extension_types[${i}]`, `each of extension_types must be one of ${[...EXTENSION_TYPES].join(", ")}`);
          }
        }
      }
    }
    c.strings("extension_properties");
    if (
      present(o.extension_properties) &&
      !(Array.isArray(o.extension_types) && o.extension_types.includes("toplevel-property-extension"))
    ) {
      c.add("extension_properties", "extension_properties is allowed only with the toplevel-property-extension extension type");
    }
  },
  "language-content"(c, type) {
    const o = c.o;
    if (c.require(type, "object_ref")) {
      c.refTypes("object_ref", isTranslatable, "an object other than a bundle or language-content");
    }
    if (c.require(type, "contents")) {
      const contents = o.contents;
      if (!isObject(contents)) c.add("contents", "contents must be an object keyed by language code");
      else {
        let count = 0;
        for (const lang of Object.keys(contents)) {
          count++;
          if (!isObject(contents[lang]))
            c.add(`contents.${lang}`, "each language's contents must be an object of translated properties");
        }
        if (count === 0) c.add("contents", "contents must be omitted rather than empty");
      }
    }
  },
};

/** A Map, so that a type such as "constructor" never finds an Object.prototype member. */
const RULE_BY_TYPE: ReadonlyMap<string, Rule> = new Map(Object.entries(RULES));

/** Checks one STIX 2.1 object (SDO, SRO, marking-definition, extension-definition, language-content; SCOs only for their type, id and spec_version) and returns every violation, each with its path prefixed by `path` (e.g. "objects[3]"); [] when valid. Unknown types are accepted as custom objects when their common properties validate (as custom SDOs when they carry created or modified, else as custom SCOs). */
export function validateStixObject(object: unknown, path: string): StixIssue[] {
  if (!isObject(object)) return [{ path, message: "a STIX object must be a JSON object" }];
  const c = new Checker(object, path);
  const rawType = object.type;
  let type: string | undefined;
  if (rawType === undefined) c.add("type", "type is required");
  else if (isReported(rawType)) {
    // reported by the per-property pass
  } else if (!isStixType(rawType))
    c.add("type", "type must be 3 to 250 characters of lowercase a-z, 0-9 and single hyphens, starting with a letter");
  else type = rawType;
  checkId(c, type);
  if (type === "bundle") {
    c.add("type", "a bundle cannot be an object of a bundle");
    return c.issues;
  }
  const rule = type === undefined ? undefined : RULE_BY_TYPE.get(type);
  const observable =
    type !== undefined
      ? SCO_TYPES.has(type) || (rule === undefined && object.created === undefined && object.modified === undefined)
      : object.created === undefined && object.modified === undefined;
  checkProperties(c, rule !== undefined);
  if (observable) {
    const spec = object.spec_version;
    if (present(spec) && spec !== "2.1") c.add("spec_version", 'spec_version must be "2.1"');
    return c.issues;
  }
  checkCommon(c, type ?? "a STIX object");
  if (rule !== undefined && type !== undefined) rule(c, type);
  return c.issues;
}

/** Every identifier reference an object makes — each top-level *_ref value, each item of a top-level *_refs list (created_by_ref, object_marking_refs, object_refs, source_ref, target_ref, sighting_of_ref, where_sighted_refs, observed_data_refs, sample_refs, ...) and each granular_markings[].marking_ref — with its path under `path`. Only string values are returned; whether they are valid identifiers is validateStixObject's concern. */
export function referencesOf(object: Record<string, unknown>, path: string): { path: string; ref: string }[] {
  const refs: { path: string; ref: string }[] = [];
  for (const key of Object.keys(object)) {
    const v = object[key];
    if (endsWith(key, "_ref")) {
      if (typeof v === "string") refs.push({ path: at(path, key), ref: v });
    } else if (endsWith(key, "_refs")) {
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const item = v[i];
          if (typeof item === "string") refs.push({ path: `${at(path, key)}[${i}]`, ref: item });
        }
      }
    } else if (key === "granular_markings" && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const marking = v[i];
        if (isObject(marking) && typeof marking.marking_ref === "string") {
          refs.push({ path: `${at(path, key)}[${i}].marking_ref`, ref: marking.marking_ref });
        }
      }
    }
  }
  return refs;
}

/** Checks the outer shape of a STIX 2.1 bundle: type "bundle", an id bundle--<uuid>, `objects` (optional, but when present a non-empty list), and no `spec_version` (a STIX 2.0 bundle property; in 2.1 each object carries its own). Paths are "type", "id", "spec_version", "objects". Does not look at the objects themselves (validateStixObject does). */
export function validateBundleEnvelope(bundle: unknown): StixIssue[] {
  if (!isObject(bundle)) return [{ path: "", message: "a bundle must be a JSON object" }];
  const issues: StixIssue[] = [];
  if (bundle.type !== "bundle") issues.push({ path: "type", message: 'type must be "bundle"' });
  const id = bundle.id;
  if (id === undefined) issues.push({ path: "id", message: "id is required" });
  else if (!isStixId(id) || typeOfId(id) !== "bundle")
    issues.push({ path: "id", message: "id must be a bundle identifier: bundle-- and an RFC 4122 UUID" });
  if (bundle.spec_version !== undefined) {
    issues.push({
      path: "spec_version",
      message: "a STIX 2.1 bundle has no spec_version (that was STIX 2.0); each object carries its own",
    });
  }
  const objects = bundle.objects;
  if (objects !== undefined) {
    if (!Array.isArray(objects)) issues.push({ path: "objects", message: "objects must be a list of STIX objects" });
    else if (objects.length === 0) issues.push({ path: "objects", message: "objects must be omitted rather than empty" });
  }
  return issues;
}
