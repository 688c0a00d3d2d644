// The kinds of information an exchange shares (ENISA good practice, CIIP handbook) and the fields
// each kind has on top of title, body, sectors, label and audience.
import { z } from "zod";
import { ORGANISATION_KINDS, SECTORS } from "./schemas/common.js";

const text = (max: number) => z.string().trim().max(max);
const when = z.iso.datetime({ offset: true });
const day = z.iso.date();
const level = z.number().int().min(1).max(5);
const confidence = z.enum(["low", "medium", "high"]);

/** Severity of an incident's impact, 1–5, each with its written definition. */
export const SEVERITY_LEVELS = [
  { level: 1, name: "Minimal", definition: "No noticeable effect on services; handled in normal operations." },
  { level: 2, name: "Minor", definition: "Limited degradation of a service for a small number of users, restored within hours." },
  { level: 3, name: "Significant", definition: "A service degraded or interrupted for many users or for more than a day." },
  { level: 4, name: "Severe", definition: "Essential service interrupted regionally; other sectors or safety affected." },
  {
    level: 5,
    name: "Critical",
    definition: "National or cross-border disruption of essential services; crisis management activated.",
  },
] as const;

export const IncidentDetails = z.strictObject({
  startedAt: when,
  detectedAt: when.optional(),
  endedAt: when.optional(),
  status: z.enum(["ongoing", "contained", "resolved"]),
  affectedServices: z.array(text(200).min(1)).max(50).default([]),
  impact: z.strictObject({
    severity: level,
    usersAffected: z.number().int().min(0).optional(),
    interruptionMinutes: z.number().int().min(0).optional(),
    crossBorder: z.boolean().default(false),
    cascadingEffects: text(5000).optional(),
  }),
  rootCause: text(10_000).optional(),
  lessonsLearned: text(10_000).optional(),
});

export const ThreatDetails = z.strictObject({
  threatActor: text(200).optional(),
  motivation: z.enum(["criminal", "state-sponsored", "hacktivist", "insider", "unknown"]).default("unknown"),
  targets: text(2000).optional(),
  confidence: confidence.default("medium"),
});

export const RiskDetails = z.strictObject({
  likelihood: level,
  impact: level,
  treatment: text(10_000).optional(),
});

const CVE = z.string().regex(/^CVE-\d{4}-\d{4,}$/, "a CVE id like CVE-2024-12345");
export const VulnerabilityDetails = z.strictObject({
  cveIds: z.array(CVE).max(50).default([]),
  affectedProducts: z
    .array(z.strictObject({ product: text(200).min(1), versions: text(200).default("") }))
    .max(50)
    .default([]),
  exploitation: z.enum(["none-known", "proof-of-concept", "exploited-in-the-wild", "unknown"]),
  mitigations: text(10_000).optional(),
});

export const CountermeasureDetails = z.strictObject({
  appliesTo: text(2000).optional(),
  effort: z.enum(["low", "medium", "high"]).optional(),
  evidenceOfEffect: text(5000).optional(),
});

export const WarningDetails = z.strictObject({
  urgency: z.enum(["routine", "priority", "flash"]),
  requiresAcknowledgement: z.boolean().default(false),
  acknowledgeWithinHours: z.number().int().min(1).max(720).optional(),
  expiresAt: when.optional(),
});

export const ContingencyPlanDetails = z.strictObject({
  scope: text(2000).optional(),
  lastTestedOn: day.optional(),
  reviewDueOn: day.optional(),
});

export const CrisisLessonDetails = z.strictObject({
  crisisOn: day.optional(),
  whatWorked: text(10_000).optional(),
  whatToImprove: text(10_000).optional(),
});

export const AnalysisReportDetails = z.strictObject({
  periodFrom: day.optional(),
  periodTo: day.optional(),
  methodology: text(5000).optional(),
});

export const EmergingTrendDetails = z.strictObject({
  horizon: z.enum(["months", "one-to-three-years", "beyond-three-years"]),
  confidence: confidence.default("medium"),
});

export const ExerciseDetails = z.strictObject({
  scenario: text(10_000).min(1),
  methodology: z.enum(["table-top", "functional", "full-scale", "other"]),
  heldOn: day,
  participants: z.array(text(200).min(1)).max(100).default([]),
  afterActionReport: text(50_000).optional(),
});

export const AnnouncementDetails = z.strictObject({});

/** An indicator of compromise: a STIX pattern (most arrive from MISP or a TAXII feed). */
export const IndicatorDetails = z.strictObject({
  pattern: text(20_000).min(1),
  patternType: z.string().trim().min(1).max(50).default("stix"),
  validFrom: when,
  validUntil: when.optional(),
  indicatorTypes: z.array(text(100).min(1)).max(20).default([]),
});

/** A sector-wide preparedness measure: to whom it applies; adoption and reviews live beside it. */
export const MeasureDetails = z.strictObject({
  appliesToSectors: z.array(z.enum(SECTORS)).min(1).max(SECTORS.length),
  appliesToKinds: z.array(z.enum(ORGANISATION_KINDS)).min(1).max(ORGANISATION_KINDS.length),
  rationale: text(10_000).optional(),
});

export const RfiDetails = z.strictObject({
  dueAt: when,
  answerersVisible: z.boolean().default(false),
});

/** Every kind with its name, one-line purpose and fields. */
export const KINDS = {
  incident: { name: "Incident", purpose: "Something happened: what, impact, cause and lessons.", details: IncidentDetails },
  threat: { name: "Threat", purpose: "An actor or campaign that may harm members.", details: ThreatDetails },
  risk: { name: "Risk", purpose: "A weakness or dependency, rated likelihood × impact.", details: RiskDetails },
  vulnerability: {
    name: "Vulnerability",
    purpose: "A flaw in a product, with CVEs and mitigations.",
    details: VulnerabilityDetails,
  },
  countermeasure: {
    name: "Countermeasure / good practice",
    purpose: "What works against a threat or risk.",
    details: CountermeasureDetails,
  },
  warning: {
    name: "Warning / advisory",
    purpose: "Act now; may need acknowledgement by each organisation.",
    details: WarningDetails,
  },
  "contingency-plan": {
    name: "Contingency plan",
    purpose: "How a service keeps going when something fails.",
    details: ContingencyPlanDetails,
  },
  "crisis-lesson": { name: "Crisis-management lesson", purpose: "What a crisis taught.", details: CrisisLessonDetails },
  "analysis-report": {
    name: "Analysis report",
    purpose: "An analysis of threats, incidents or trends.",
    details: AnalysisReportDetails,
  },
  "emerging-trend": { name: "Emerging trend", purpose: "Something on the horizon.", details: EmergingTrendDetails },
  exercise: {
    name: "Exercise",
    purpose: "Scenario, methodology, participants and after-action report.",
    details: ExerciseDetails,
  },
  announcement: { name: "Announcement", purpose: "News for the exchange.", details: AnnouncementDetails },
  indicator: {
    name: "Indicator",
    purpose: "A pattern that detects malicious activity (an IP, a domain, a file hash…).",
    details: IndicatorDetails,
  },
  rfi: { name: "Request for information", purpose: "A question to the exchange, answered in a thread.", details: RfiDetails },
  measure: {
    name: "Preparedness measure",
    purpose: "A sector-wide measure: proposed, adopted by decision, implemented by each organisation, reviewed.",
    details: MeasureDetails,
  },
} as const;

export type ItemKind = keyof typeof KINDS;
export const ITEM_KINDS = Object.keys(KINDS) as ItemKind[];

/** The details of each kind, by kind. */
export type KindDetails = { [K in ItemKind]: z.output<(typeof KINDS)[K]["details"]> };

/** Statuses the feed can filter on: an incident's status, an RFI's state, a measure's stage. */
export const ITEM_STATUSES = ["ongoing", "contained", "resolved", "open", "closed", "proposed", "adopted", "retired"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The status stored with an item, derived from its kind and details. */
export function statusOf(kind: ItemKind, details: Record<string, unknown>, closed = false): ItemStatus | null {
  if (kind === "incident") return details.status as ItemStatus;
  if (kind === "rfi") return closed ? "closed" : "open";
  // A new measure is proposed; adoption and retirement move it on (measures.service), never an edit.
  if (kind === "measure") return "proposed";
  return null;
}
