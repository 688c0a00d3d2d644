// How each kind's details are asked for and shown: labels, hints, input types, option names (keys follow KINDS).
import { type ItemKind, type KindDetails, SEVERITY_LEVELS } from "../../shared/kinds.js";
import { ORGANISATION_KINDS, SECTORS } from "../../shared/schemas/common.js";
import { sectorName } from "./format.js";

/** One choice of an enumerated field. */
export interface Option {
  value: string;
  label: string;
}

/** One step of a 1–5 scale, with an optional written definition. */
export interface Level {
  level: number;
  name: string;
  definition?: string;
}

interface Common {
  label: string;
  hint?: string;
}

/** A field that holds one value (not a group). */
export type LeafSpec = Common &
  (
    | { type: "text"; maxLength: number }
    | { type: "textarea"; maxLength: number; rows?: number }
    | { type: "datetime"; initial?: () => Date }
    | { type: "date" }
    | { type: "choice"; options: readonly Option[]; initial?: string }
    | { type: "multichoice"; options: readonly Option[] }
    | { type: "level"; levels: readonly Level[] }
    | { type: "integer"; min: number; max?: number }
    | { type: "boolean" }
    | { type: "list"; itemName: string; maxLength: number }
    | { type: "products" }
  );

/** A field of a kind's details: a single value, or a group of values (an object). */
export type FieldSpec = LeafSpec | (Common & { type: "group"; fields: Readonly<Record<string, LeafSpec>> });

/** Every kind's fields, keyed like its details schema (every key present, no other keys). */
export type KindFieldSpecs = { readonly [K in ItemKind]: { readonly [F in keyof KindDetails[K]]-?: FieldSpec } };

const lowMediumHigh: readonly Option[] = [
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
];

const confidence: LeafSpec = {
  type: "choice",
  label: "Confidence",
  hint: "How sure you are of this assessment.",
  options: lowMediumHigh,
  initial: "medium",
};

const LIKELIHOOD: readonly Level[] = [
  { level: 1, name: "Rare" },
  { level: 2, name: "Unlikely" },
  { level: 3, name: "Possible" },
  { level: 4, name: "Likely" },
  { level: 5, name: "Almost certain" },
];

const RISK_IMPACT: readonly Level[] = [
  { level: 1, name: "Negligible" },
  { level: 2, name: "Minor" },
  { level: 3, name: "Moderate" },
  { level: 4, name: "Major" },
  { level: 5, name: "Severe" },
];

const impact = {
  severity: { type: "level", label: "Severity", levels: SEVERITY_LEVELS },
  usersAffected: { type: "integer", label: "Users affected", hint: "An estimate is fine.", min: 0 },
  interruptionMinutes: { type: "integer", label: "Interruption (minutes)", hint: "How long a service was unavailable.", min: 0 },
  crossBorder: { type: "boolean", label: "Cross-border effects", hint: "Services or users in other countries were affected." },
  cascadingEffects: {
    type: "textarea",
    label: "Cascading effects",
    hint: "Effects on other services, sectors or organisations.",
    maxLength: 5000,
    rows: 3,
  },
} as const satisfies Record<keyof KindDetails["incident"]["impact"], LeafSpec>;

/** Short names of organisation kinds where a measure lists whom it applies to. */
const MEASURE_KIND_NAMES: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  public: "Public",
  private: "Private",
  academia: "Academia",
};

/** The fields of every kind, in the order the form asks for them. */
export const KIND_FIELDS: KindFieldSpecs = {
  incident: {
    startedAt: { type: "datetime", label: "Started", hint: "When the incident began (your local time)." },
    detectedAt: { type: "datetime", label: "Detected" },
    endedAt: { type: "datetime", label: "Ended", hint: "Leave empty while it is going on." },
    status: {
      type: "choice",
      label: "Status",
      options: [
        { value: "ongoing", label: "Ongoing" },
        { value: "contained", label: "Contained" },
        { value: "resolved", label: "Resolved" },
      ],
      initial: "ongoing",
    },
    affectedServices: { type: "list", label: "Affected services", itemName: "service", maxLength: 200 },
    impact: { type: "group", label: "Impact assessment", fields: impact },
    rootCause: { type: "textarea", label: "Root cause", maxLength: 10_000 },
    lessonsLearned: { type: "textarea", label: "Lessons learned", maxLength: 10_000 },
  },
  threat: {
    threatActor: { type: "text", label: "Threat actor", hint: "A name or designation, if known.", maxLength: 200 },
    motivation: {
      type: "choice",
      label: "Motivation",
      options: [
        { value: "criminal", label: "Criminal" },
        { value: "state-sponsored", label: "State-sponsored" },
        { value: "hacktivist", label: "Hacktivist" },
        { value: "insider", label: "Insider" },
        { value: "unknown", label: "Unknown" },
      ],
      initial: "unknown",
    },
    targets: { type: "textarea", label: "Targets", hint: "Sectors, organisations or systems targeted.", maxLength: 2000 },
    confidence,
  },
  risk: {
    likelihood: { type: "level", label: "Likelihood", levels: LIKELIHOOD },
    impact: { type: "level", label: "Impact", levels: RISK_IMPACT },
    treatment: { type: "textarea", label: "Treatment", hint: "How the risk is reduced, shared or accepted.", maxLength: 10_000 },
  },
  vulnerability: {
    cveIds: { type: "list", label: "CVE ids", hint: "One per line, e.g. CVE-2024-12345.", itemName: "CVE id", maxLength: 40 },
    affectedProducts: { type: "products", label: "Affected products" },
    exploitation: {
      type: "choice",
      label: "Exploitation",
      options: [
        { value: "none-known", label: "None known" },
        { value: "proof-of-concept", label: "Proof of concept published" },
        { value: "exploited-in-the-wild", label: "Exploited in the wild" },
        { value: "unknown", label: "Unknown" },
      ],
      initial: "unknown",
    },
    mitigations: { type: "textarea", label: "Mitigations", hint: "Patches, workarounds, detection.", maxLength: 10_000 },
  },
  countermeasure: {
    appliesTo: { type: "textarea", label: "Applies to", hint: "The threats, risks or systems it addresses.", maxLength: 2000 },
    effort: { type: "choice", label: "Effort to apply", options: lowMediumHigh },
    evidenceOfEffect: { type: "textarea", label: "Evidence of effect", maxLength: 5000 },
  },
  warning: {
    urgency: {
      type: "choice",
      label: "Urgency",
      options: [
        { value: "routine", label: "Routine" },
        { value: "priority", label: "Priority" },
        { value: "flash", label: "Flash: act immediately" },
      ],
      initial: "routine",
    },
    requiresAcknowledgement: {
      type: "boolean",
      label: "Requires acknowledgement",
      hint: "Each recipient organisation confirms it has read this warning; you see who has.",
    },
    acknowledgeWithinHours: { type: "integer", label: "Acknowledge within (hours)", hint: "1 to 720 hours.", min: 1, max: 720 },
    expiresAt: { type: "datetime", label: "Expires", hint: "When the warning no longer applies." },
  },
  "contingency-plan": {
    scope: { type: "textarea", label: "Scope", hint: "The services and sites the plan covers.", maxLength: 2000 },
    lastTestedOn: { type: "date", label: "Last tested on" },
    reviewDueOn: { type: "date", label: "Review due on" },
  },
  "crisis-lesson": {
    crisisOn: { type: "date", label: "Crisis on" },
    whatWorked: { type: "textarea", label: "What worked", maxLength: 10_000 },
    whatToImprove: { type: "textarea", label: "What to improve", maxLength: 10_000 },
  },
  "analysis-report": {
    periodFrom: { type: "date", label: "Period from" },
    periodTo: { type: "date", label: "Period to" },
    methodology: { type: "textarea", label: "Methodology", maxLength: 5000 },
  },
  "emerging-trend": {
    horizon: {
      type: "choice",
      label: "Horizon",
      options: [
        { value: "months", label: "Within months" },
        { value: "one-to-three-years", label: "One to three years" },
        { value: "beyond-three-years", label: "Beyond three years" },
      ],
    },
    confidence,
  },
  exercise: {
    scenario: { type: "textarea", label: "Scenario", maxLength: 10_000 },
    methodology: {
      type: "choice",
      label: "Methodology",
      options: [
        { value: "table-top", label: "Table-top" },
        { value: "functional", label: "Functional" },
        { value: "full-scale", label: "Full-scale" },
        { value: "other", label: "Other" },
      ],
    },
    heldOn: { type: "date", label: "Held on" },
    participants: {
      type: "list",
      label: "Participants",
      hint: "Organisations or teams, one per line.",
      itemName: "participant",
      maxLength: 200,
    },
    afterActionReport: { type: "textarea", label: "After-action report", maxLength: 50_000, rows: 8 },
  },
  announcement: {},
  indicator: {
    pattern: {
      type: "textarea",
      label: "Pattern",
      hint: "A STIX pattern, e.g. [ipv4-addr:value = '198.51.100.7'].",
      maxLength: 20_000,
      rows: 3,
    },
    patternType: { type: "text", label: "Pattern language", hint: "stix, snort, suricata, sigma, yara…", maxLength: 50 },
    validFrom: { type: "datetime", label: "Valid from", initial: () => new Date() },
    validUntil: { type: "datetime", label: "Valid until" },
    indicatorTypes: { type: "list", label: "Indicator types", itemName: "type", maxLength: 100 },
  },
  rfi: {
    dueAt: {
      type: "datetime",
      label: "Answers due by",
      hint: "Your local time.",
      initial: () => new Date(Date.now() + 7 * 86_400_000),
    },
    answerersVisible: {
      type: "boolean",
      label: "Answerers see each other's names",
      hint: "When off, answerers see each other only as pseudonyms. You always see who answered.",
    },
  },
  measure: {
    appliesToSectors: {
      type: "multichoice",
      label: "Applies to sectors",
      hint: "Organisations of these sectors report how they implement it.",
      options: SECTORS.map((s) => ({ value: s, label: sectorName(s) })),
    },
    appliesToKinds: {
      type: "multichoice",
      label: "Applies to kinds of organisation",
      options: ORGANISATION_KINDS.map((k) => ({ value: k, label: MEASURE_KIND_NAMES[k] })),
    },
    rationale: { type: "textarea", label: "Rationale", hint: "Why the exchange should adopt it.", maxLength: 10_000 },
  },
};

/** The fields of a kind as [key, spec] pairs, in form order. */
export function fieldsOf(kind: ItemKind): [string, FieldSpec][] {
  return Object.entries(KIND_FIELDS[kind] as Record<string, FieldSpec>);
}

/** The name of a 1–5 level ("3 — Significant"), or the number alone when the scale is unknown. */
export function levelText(levels: readonly Level[], value: number): string {
  const level = levels.find((l) => l.level === value);
  return level ? `${value} — ${level.name}` : String(value);
}

/** A risk's score, likelihood × impact (1–25), or null when either is missing. */
export function riskScore(details: Record<string, unknown>): number | null {
  const { likelihood, impact } = details;
  return typeof likelihood === "number" && typeof impact === "number" ? likelihood * impact : null;
}
