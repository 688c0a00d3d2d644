// Schemas for balance, participation and exchange health (chairs, secretariat, each member for its
// own organisation) and for the anonymised strategic insight report. A null count is withheld:
// it covers fewer than 3 organisations (src/shared/statistics.ts).
import { z } from "zod";
import { OrganisationKindSchema, Timestamp, TlpLabelSchema, Uuid } from "./common.js";

/** A calendar day from 2000 to 2100 (statistics need no other). */
const day = z.iso.date().refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "a day between 2000 and 2100");
const THREE_YEARS_MS = 3 * 366 * 86_400_000;
/** A count, or null where it is withheld (fewer than 3 organisations behind it). */
const Cell = z.number().nullable();

export const ParticipationQuery = z
  .strictObject({
    /** First day of the period (default: twelve months before `to`). */
    from: day.optional(),
    /** Last day of the period (default: today). */
    to: day.optional(),
    /** An organisation that has contributed nothing for this many days is flagged. */
    inactiveDays: z.coerce.number().int().min(7).max(730).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= THREE_YEARS_MS, {
    message: "a period covers at most three years",
    path: ["to"],
  });
export type ParticipationQuery = z.infer<typeof ParticipationQuery>;

export const OrganisationRef = z.object({
  id: Uuid,
  name: z.string(),
  kind: OrganisationKindSchema,
  sectors: z.array(z.string()),
});

/** What one organisation did in the period, as far as the viewer may read (never anonymous items). */
export const OrganisationParticipation = z.object({
  organisation: OrganisationRef,
  contributed: z.number().int(),
  contributedByKind: z.record(z.string(), z.number().int()),
  contributedByLabel: z.record(TlpLabelSchema, z.number().int()),
  comments: z.number().int(),
  itemsRead: z.number().int(),
  acknowledgements: z.number().int(),
  /** Median hours from a warning's posting to this organisation's acknowledgement. */
  acknowledgementMedianHours: z.number().nullable(),
  rfiAnswers: z.number().int(),
  rfiAnswerMedianHours: z.number().nullable(),
  usefulReceived: z.number().int(),
  seenReceived: z.number().int(),
  meetingsAttended: z.number().int(),
  meetingsHeld: z.number().int(),
  actionsDue: z.number().int(),
  actionsClosedOnTime: z.number().int(),
  lastContributionAt: Timestamp.nullable(),
});
export type OrganisationParticipation = z.infer<typeof OrganisationParticipation>;

/** One kind of organisation (public, private, academia); pooled counts, withheld under 3 organisations. */
export const KindParticipation = z.object({
  kind: OrganisationKindSchema,
  organisations: z.number().int(),
  contributed: Cell,
  contributedByLabel: z.record(TlpLabelSchema, Cell),
  itemsRead: Cell,
  acknowledgements: Cell,
  rfiAnswers: Cell,
});

/** Contributions from one kind of organisation reaching another, per month. */
export const FlowSeries = z.object({
  from: OrganisationKindSchema,
  to: OrganisationKindSchema,
  byMonth: z.array(Cell),
  total: Cell,
});

export const FlowBalance = z.object({
  series: z.array(FlowSeries),
  /** public → private divided by private → public, per month and over the period (null: withheld or no flow). */
  ratioByMonth: z.array(z.number().nullable()),
  ratio: z.number().nullable(),
  trend: z.enum(["towards-public", "towards-private", "steady"]).nullable(),
});

export const InactiveOrganisation = z.object({
  organisation: OrganisationRef,
  lastContributionAt: Timestamp.nullable(),
  itemsRead: z.number().int(),
  /** A suggestion for the chairs; never a sanction. */
  nudge: z.string(),
});

export const HEALTH_KPIS = [
  "active-contributors",
  "incident-to-first-share-hours",
  "warning-acknowledgement-rate",
  "warning-acknowledgement-hours",
  "rfi-response-rate",
  "rfi-response-hours",
  "attendance-rate",
  "action-closure-rate",
  "measures-adopted",
] as const;
export const HealthKpiKey = z.enum(HEALTH_KPIS);

export const HealthKpi = z.object({
  key: HealthKpiKey,
  label: z.string(),
  unit: z.enum(["share", "hours", "count"]),
  /** Per month of `months`; null where withheld or nothing to measure. */
  byMonth: z.array(z.number().nullable()),
  /** Over the whole period. */
  value: z.number().nullable(),
});

export type HealthKpi = z.infer<typeof HealthKpi>;

export const ParticipationDashboard = z.object({
  from: day,
  to: day,
  months: z.array(z.string()),
  inactiveDays: z.number().int(),
  generatedAt: Timestamp,
  organisations: z.array(OrganisationParticipation),
  kinds: z.array(KindParticipation),
  flow: FlowBalance,
  inactive: z.array(InactiveOrganisation),
  health: z.array(HealthKpi),
});
export type ParticipationDashboard = z.infer<typeof ParticipationDashboard>;

/** A member's own standing: its organisation's row, whether it is flagged, what others found useful. */
export const MyParticipation = z.object({
  from: day,
  to: day,
  months: z.array(z.string()),
  inactiveDays: z.number().int(),
  generatedAt: Timestamp,
  own: OrganisationParticipation,
  flaggedInactive: z.boolean(),
  /** Whether the organisation consents to be named in insight reports (it decides, nobody else). */
  namedInInsight: z.boolean(),
  useful: z.array(
    z.object({
      item: z.object({ id: Uuid, title: z.string(), kind: z.string(), tlp: TlpLabelSchema, createdAt: Timestamp }),
      useful: z.number().int(),
      seen: z.number().int(),
    }),
  ),
  health: z.array(HealthKpi),
});
export type MyParticipation = z.infer<typeof MyParticipation>;

export const NamingConsentRequest = z.strictObject({ namedInInsight: z.boolean() });

export const InsightQuery = z
  .strictObject({ from: day, to: day })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= THREE_YEARS_MS, {
    message: "a report covers at most three years",
    path: ["to"],
  });
export type InsightQuery = z.infer<typeof InsightQuery>;

/** A table of pooled counts; a null cell or total is withheld. */
export const StatTable = z.object({
  rows: z.array(z.string()),
  columns: z.array(z.string()),
  cells: z.array(z.array(Cell)),
  rowTotals: z.array(Cell),
});
export type StatTable = z.infer<typeof StatTable>;

export const InsightReport = z.object({
  from: day,
  to: day,
  generatedAt: Timestamp,
  /** CLEAR when everything counted was CLEAR (or released for statistics), else GREEN. */
  tlp: z.enum(["TLP:CLEAR", "TLP:GREEN"]),
  months: z.array(z.string()),
  /** Incidents, threats, vulnerabilities and warnings by sector (rows) and kind (columns). */
  bySectorAndKind: StatTable,
  /** The same kinds per month (rows: months). */
  trend: StatTable,
  /** Incidents per month (rows) by severity 1–5 (columns). */
  severity: StatTable,
  measures: z.object({
    adopted: Cell,
    rows: z.array(
      z.object({
        title: z.string(),
        adoptedOn: day.nullable(),
        applicable: z.number().int(),
        /** Share of applicable organisations reporting it implemented, withheld under 3 reports. */
        implementedShare: z.number().nullable(),
      }),
    ),
  }),
  cascade: z.object({
    /** Dependencies from a provider sector (rows) to a dependent sector (columns). */
    heatMap: StatTable,
    analyses: Cell,
  }),
  lessons: z.array(
    z.object({
      title: z.string(),
      kind: z.string(),
      sectors: z.array(z.string()),
      createdAt: Timestamp,
      /** Named only when the organisation consented to be named in insight reports. */
      organisation: z.string().nullable(),
    }),
  ),
  /** Organisations behind the counted items, withheld under 3. */
  organisationsCovered: Cell,
});
export type InsightReport = z.infer<typeof InsightReport>;

export const InsightExportFormat = z.strictObject({ format: z.enum(["json", "csv", "stix", "pdf"]).default("json") });
