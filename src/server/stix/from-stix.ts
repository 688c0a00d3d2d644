// STIX 2.1 objects as Roundtable content: which kind an SDO becomes, its title, body and details,
// and the TLP label its markings give. Pure; the import service decides idempotency and storage.
import { type ItemKind, KINDS } from "../../shared/kinds.js";
import { SECTORS } from "../../shared/schemas/common.js";
import { TLP_2_EXTENSION_ID } from "../../shared/stix.js";
import { ROUNDTABLE_EXTENSION_ID } from "../../shared/stix-extension.js";
import { TLP_MARKING_IDS, type TlpLabel, tlpRank } from "../../shared/tlp.js";

/** TLP 1.0 markings predefined by STIX 2.1, mapped to TLP 2.0 (WHITE becomes CLEAR). */
export const TLP1_MARKING_IDS: Readonly<Record<string, TlpLabel>> = {
  "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "TLP:CLEAR",
  "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "TLP:GREEN",
  "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "TLP:AMBER",
  "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "TLP:RED",
};

const TLP2_BY_ID = new Map<string, TlpLabel>(Object.entries(TLP_MARKING_IDS).map(([label, id]) => [id, label as TlpLabel]));

/** The label of a known TLP marking-definition id (2.0, or 1.0 mapped to 2.0), else undefined. */
export function labelOfMarking(id: string): TlpLabel | undefined {
  return TLP2_BY_ID.get(id) ?? TLP1_MARKING_IDS[id];
}

/** True for a marking-definition object that is one of the official TLP definitions, unchanged in meaning. */
export function isKnownTlpDefinition(o: Record<string, unknown>): boolean {
  const label = labelOfMarking(String(o.id));
  if (!label) return false;
  if (TLP1_MARKING_IDS[String(o.id)]) return true;
  const ext = (o.extensions as Record<string, { tlp_2_0?: unknown }> | undefined)?.[TLP_2_EXTENSION_ID];
  return ext?.tlp_2_0 === label.slice(4).toLowerCase();
}

/** The label an object's markings give (the strictest), or an error for a marking we cannot honour. */
export function labelOf(o: Record<string, unknown>): { label: TlpLabel | null; unknown: string[] } {
  const refs = Array.isArray(o.object_marking_refs) ? (o.object_marking_refs as unknown[]) : [];
  let label: TlpLabel | null = null;
  const unknown: string[] = [];
  for (const ref of refs) {
    const found = typeof ref === "string" ? labelOfMarking(ref) : undefined;
    if (!found) unknown.push(String(ref));
    else if (!label || tlpRank(found) > tlpRank(label)) label = found;
  }
  return { label, unknown };
}

/** What a STIX object becomes. */
export type Mapped =
  | {
      as: "item";
      kind: ItemKind;
      title: string;
      body: string;
      sectors: string[];
      details: Record<string, unknown>;
      extra: Record<string, unknown>;
    }
  | { as: "comment"; itemRef: string; body: string }
  | { as: "link"; from: string; to: string; relation: string }
  | { as: "identity"; name: string }
  | { as: "reference" }
  | { as: "skip"; reason: string }
  | { as: "error"; path: string; message: string };

const THREAT_TYPES = new Set([
  "threat-actor",
  "intrusion-set",
  "campaign",
  "malware",
  "tool",
  "attack-pattern",
  "infrastructure",
]);
const SECTOR_SET = new Set<string>(SECTORS);
// Properties that become item fields (or are ours): not kept in `extra`.
const MAPPED = new Set(["name", "description", "type", "spec_version", "id", "modified", "object_marking_refs", "extensions"]);

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function title(o: Record<string, unknown>): string {
  const t = (text(o.name) || text(o.abstract) || text(o.pattern) || text(o.id)).replace(/\s+/g, " ").trim();
  return t.length > 300 ? `${t.slice(0, 299)}…` : t;
}

function defaultDetails(kind: ItemKind, o: Record<string, unknown>, at: string): Record<string, unknown> {
  switch (kind) {
    case "incident":
      // STIX's incident is a stub: start, status and severity are not said; these are the mildest.
      return { startedAt: text(o.first_seen) || text(o.created) || at, status: "ongoing", impact: { severity: 1 } };
    case "vulnerability": {
      const refs = Array.isArray(o.external_references) ? (o.external_references as Record<string, unknown>[]) : [];
      const cves = refs
        .filter((r) => r?.source_name === "cve" && /^CVE-\d{4}-\d{4,}$/.test(text(r.external_id)))
        .map((r) => text(r.external_id));
      return { cveIds: [...new Set(cves)].slice(0, 50), exploitation: "unknown" };
    }
    case "indicator":
      return {
        pattern: text(o.pattern),
        patternType: text(o.pattern_type) || "stix",
        validFrom: text(o.valid_from) || at,
        ...(o.valid_until ? { validUntil: text(o.valid_until) } : {}),
        indicatorTypes: Array.isArray(o.indicator_types) ? (o.indicator_types as unknown[]).map(String).slice(0, 20) : [],
      };
    case "threat":
      return { ...(o.type === "threat-actor" || o.type === "intrusion-set" ? { threatActor: title(o) } : {}) };
    case "analysis-report":
      return {};
    default:
      return {};
  }
}

function kindByType(type: string): ItemKind | undefined {
  if (type === "incident") return "incident";
  if (type === "vulnerability") return "vulnerability";
  if (type === "course-of-action") return "countermeasure";
  if (type === "indicator") return "indicator";
  if (THREAT_TYPES.has(type)) return "threat";
  if (type === "report" || type === "grouping") return "analysis-report";
  return undefined;
}

/** Maps one valid STIX object; `path` prefixes error paths. */
export function mapStixObject(o: Record<string, unknown>, path: string): Mapped {
  const type = String(o.type);
  if (type === "marking-definition") {
    return labelOfMarking(String(o.id)) && isKnownTlpDefinition(o)
      ? { as: "reference" }
      : { as: "error", path, message: "only the official TLP marking definitions are honoured; this marking is unknown" };
  }
  if (type === "extension-definition") return { as: "reference" };
  if (type === "identity") return { as: "identity", name: title(o) };
  if (type === "note") {
    const refs = o.object_refs as string[];
    return { as: "comment", itemRef: refs[0]!, body: text(o.content) };
  }
  if (type === "relationship") {
    return { as: "link", from: String(o.source_ref), to: String(o.target_ref), relation: String(o.relationship_type) };
  }
  const own = (o.extensions as Record<string, Record<string, unknown>> | undefined)?.[ROUNDTABLE_EXTENSION_ID];
  const ownKind = own && typeof own.kind === "string" && Object.hasOwn(KINDS, own.kind) ? (own.kind as ItemKind) : undefined;
  if (own && !ownKind)
    return { as: "error", path: `${path}.extensions.${ROUNDTABLE_EXTENSION_ID}.kind`, message: "unknown kind" };
  const kind = ownKind ?? kindByType(type);
  if (!kind) return { as: "skip", reason: `${type} objects have no Roundtable equivalent` };
  const body = text(o.description) || text(o.content);
  if (body.length > 200_000) return { as: "error", path: `${path}.description`, message: "longer than 200,000 characters" };
  const at = text(o.created);
  const rawDetails = own?.details ?? defaultDetails(kind, o, at);
  const parsed = KINDS[kind].details.safeParse(rawDetails);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = own ? `${path}.extensions.${ROUNDTABLE_EXTENSION_ID}.details` : path;
    return { as: "error", path: [where, ...issue.path.map(String)].join("."), message: issue.message };
  }
  const sectors = Array.isArray(own?.sectors) ? (own.sectors as unknown[]).map(String).filter((s) => SECTOR_SET.has(s)) : [];
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) if (!MAPPED.has(key)) extra[key] = value;
  return { as: "item", kind, title: title(o), body, sectors: [...new Set(sectors)].slice(0, 9), details: parsed.data, extra };
}
