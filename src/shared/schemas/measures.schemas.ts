// Schemas for preparedness measures: proposal, adoption by decision, each organisation's
// implementation report, reviews, aggregates (suppressed below 3 organisations) and export.
import { z } from "zod";
import { AudienceSchema, line, OrganisationKindSchema, SectorSchema, Timestamp, TlpLabelSchema, Uuid } from "./common.js";
import { NamedRef } from "./items.schemas.js";

export const MEASURE_STAGES = ["proposed", "adopted", "retired"] as const;
export const MeasureStageSchema = z.enum(MEASURE_STAGES);
export const IMPLEMENTATION_STATUSES = ["not-started", "planned", "in-progress", "implemented", "not-applicable"] as const;
export const ImplementationStatusSchema = z.enum(IMPLEMENTATION_STATUSES);
export type ImplementationStatus = z.infer<typeof ImplementationStatusSchema>;

/** Cells covering fewer organisations than this are suppressed in every aggregate. */
export const MIN_AGGREGATE_ORGANISATIONS = 3;

const day = z.iso.date();

export const ProposeMeasureRequest = z.strictObject({
  title: line(300),
  /** The measure itself, markdown. */
  body: z.string().max(200_000).default(""),
  rationale: z.string().trim().max(10_000).optional(),
  sectors: z.array(SectorSchema).max(9).default([]),
  appliesToSectors: z.array(SectorSchema).min(1).max(9),
  appliesToKinds: z.array(OrganisationKindSchema).min(1).max(3),
  /** Incidents, threats, vulnerabilities… it answers; each must be readable. */
  linkedItemIds: z.array(Uuid).max(50).default([]),
  tlp: TlpLabelSchema.default("TLP:GREEN"),
  audience: AudienceSchema.default({ exchange: true, organisations: [], groups: [], persons: [] }),
});
export type ProposeMeasureRequest = z.infer<typeof ProposeMeasureRequest>;

export const AdoptMeasureRequest = z
  .strictObject({
    /** A decision recorded in a meeting's minutes, or none when the chairs decide between meetings. */
    decisionId: Uuid.nullable().default(null),
    note: z.string().trim().max(2000).default(""),
    reviewIntervalMonths: z.number().int().min(1).max(60),
    targetDate: day,
  })
  .refine((r) => r.decisionId !== null || r.note.length > 0, {
    message: "Name the meeting decision, or say why the chairs adopt it between meetings.",
    path: ["note"],
  });

export const ReviseMeasureRequest = z.strictObject({
  appliesToSectors: z.array(SectorSchema).min(1).max(9).optional(),
  appliesToKinds: z.array(OrganisationKindSchema).min(1).max(3).optional(),
  reviewIntervalMonths: z.number().int().min(1).max(60).optional(),
  targetDate: day.optional(),
  note: z.string().trim().min(1).max(2000),
});

export const RetireMeasureRequest = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const ReportImplementationRequest = z
  .strictObject({
    status: ImplementationStatusSchema,
    /** Required for not-applicable. */
    reason: z.string().trim().max(2000).default(""),
    evidence: z.string().max(20_000).default(""),
    /** The report's own label; by default only your organisation reads it. Never TLP:RED: it speaks for the organisation. */
    tlp: TlpLabelSchema.default("TLP:AMBER+STRICT"),
    /** Must include your organisation; by default it is your organisation only. */
    audience: AudienceSchema.optional(),
    /** Let the status count, anonymised, in the aggregates others see (the evidence never does). */
    countInStatistics: z.boolean().default(true),
  })
  .refine((r) => r.status !== "not-applicable" || r.reason.length > 0, {
    message: "Say why the measure does not apply to your organisation.",
    path: ["reason"],
  });

/** Counts per status; null where a count covers fewer than MIN_AGGREGATE_ORGANISATIONS organisations. */
export const StatusCounts = z.object(
  Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, z.number().int().nullable()])) as Record<
    ImplementationStatus,
    z.ZodNullable<z.ZodNumber>
  >,
);

export const MeasureAggregate = z.object({
  applicableOrganisations: z.number().int(),
  reported: z.number().int().nullable(),
  byStatus: StatusCounts,
});

export const ImplementationReport = z.object({
  organisation: NamedRef,
  status: ImplementationStatusSchema,
  reason: z.string(),
  evidence: z.string(),
  tlp: TlpLabelSchema,
  countInStatistics: z.boolean(),
  reportedBy: NamedRef,
  updatedAt: Timestamp,
  confirmedAt: Timestamp,
});

export const MeasureSummary = z.object({
  id: Uuid,
  title: z.string(),
  tlp: TlpLabelSchema,
  stage: MeasureStageSchema,
  appliesToSectors: z.array(SectorSchema),
  appliesToKinds: z.array(OrganisationKindSchema),
  adoptedAt: Timestamp.nullable(),
  targetDate: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  /** Whether it applies to the viewer's organisation, and what that organisation reported. */
  appliesToMe: z.boolean(),
  myStatus: ImplementationStatusSchema.nullable(),
  /** Adopted, applies to me, and no report since the last review was due. */
  myReportDue: z.boolean(),
  aggregate: MeasureAggregate,
});
export type MeasureSummary = z.infer<typeof MeasureSummary>;
export const MeasureList = z.object({ measures: z.array(MeasureSummary) });
export type MeasureList = z.infer<typeof MeasureList>;

export const Measure = MeasureSummary.extend({
  body: z.string(),
  rationale: z.string(),
  decision: z
    .object({
      decisionId: Uuid.nullable(),
      text: z.string().nullable(),
      note: z.string(),
      decidedBy: NamedRef,
      decidedAt: Timestamp,
    })
    .nullable(),
  reviewIntervalMonths: z.number().int().nullable(),
  lastReviewOn: z.string().nullable(),
  retiredReason: z.string().nullable(),
  linkedItems: z.array(z.object({ id: Uuid, title: z.string(), kind: z.string(), tlp: TlpLabelSchema })),
  /** Reports the viewer may read (their own organisation's, and any shared more widely). */
  reports: z.array(ImplementationReport),
  canManage: z.boolean(),
});
export type Measure = z.infer<typeof Measure>;

export const MeasuresQuery = z.strictObject({
  stage: MeasureStageSchema.optional(),
  mine: z.enum(["true", "false"]).optional(),
});

/** Adoption over time, per sector and per kind of organisation (chairs and secretariat). */
export const AdoptionOverview = z.object({
  measureId: Uuid,
  months: z.array(z.string()),
  series: z.array(
    z.object({
      group: z.string(),
      dimension: z.enum(["sector", "kind", "all"]),
      applicable: z.number().int(),
      /** Share implemented per month (0–1), null when the group has fewer than 3 applicable organisations. */
      implemented: z.array(z.number().nullable()),
    }),
  ),
  overdue: z.array(z.object({ organisation: NamedRef, lastReportAt: Timestamp.nullable() })),
});

export const MeasureExportQuery = z.strictObject({ format: z.enum(["csv", "json"]).default("json") });
