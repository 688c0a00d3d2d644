// Schemas for meetings: the yearly calendar, agendas in three parts, attendance, minutes,
// decisions and action items.
import { z } from "zod";
import { AudienceSchema, line, Timestamp, TlpLabelSchema, Uuid } from "./common.js";
import { NamedRef } from "./items.schemas.js";

export const MEETING_FORMATS = ["in-person", "call", "hybrid"] as const;
export const MeetingFormatSchema = z.enum(MEETING_FORMATS);
export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const;
export const AGENDA_PARTS = ["administrative", "operational", "strategic"] as const;
export const AgendaPartSchema = z.enum(AGENDA_PARTS);
export const AGENDA_STATUSES = ["proposed", "accepted", "declined"] as const;
export const ACTION_STATUSES = ["open", "in-progress", "done", "dropped"] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export const RSVP_RESPONSES = ["attending", "apologies"] as const;

const when = z.iso.datetime({ offset: true });
const day = z.iso.date();
const EXCHANGE = { exchange: true, organisations: [], groups: [], persons: [] };

export const CreateMeetingRequest = z
  .strictObject({
    title: line(200),
    format: MeetingFormatSchema,
    startsAt: when,
    endsAt: when,
    location: z.string().trim().max(500).default(""),
    hostOrganisationId: Uuid.nullable().default(null),
    /** Who may see the meeting (a working group's meeting, say); the whole exchange by default. */
    tlp: TlpLabelSchema.default("TLP:GREEN"),
    audience: AudienceSchema.default(EXCHANGE),
  })
  .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { message: "ends before it starts", path: ["endsAt"] });
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;

/** A year of regular meetings: one per date, hosts rotating over the member organisations. */
export const PlanYearRequest = z.strictObject({
  dates: z.array(day).min(1).max(24),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM")
    .default("10:00"),
  durationMinutes: z.number().int().min(15).max(600).default(180),
  format: MeetingFormatSchema.default("in-person"),
  title: line(150).default("Regular meeting"),
});

export const UpdateMeetingRequest = z.strictObject({
  status: z.enum(MEETING_STATUSES).optional(),
  location: z.string().trim().max(500).optional(),
  startsAt: when.optional(),
  endsAt: when.optional(),
});

export const MeetingsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const MeetingSummary = z.object({
  id: Uuid,
  title: z.string(),
  format: MeetingFormatSchema,
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  host: NamedRef.nullable(),
  status: z.enum(MEETING_STATUSES),
  tlp: TlpLabelSchema,
  myResponse: z.enum(RSVP_RESPONSES).nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingList = z.object({ meetings: z.array(MeetingSummary) });

export const Decision = z.object({ id: Uuid, text: z.string(), decidedAt: Timestamp, recordedBy: NamedRef });

export const AgendaItem = z.object({
  id: Uuid,
  meetingId: Uuid,
  part: AgendaPartSchema,
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  presenter: NamedRef.nullable(),
  chathamHouse: z.boolean(),
  status: z.enum(AGENDA_STATUSES),
  tlp: TlpLabelSchema,
  proposedBy: NamedRef,
  minutes: z.string(),
  minutesUpdatedAt: Timestamp.nullable(),
  decisions: z.array(Decision),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Attendance = z.object({
  person: NamedRef,
  organisation: NamedRef,
  response: z.enum(RSVP_RESPONSES).nullable(),
  attended: z.boolean().nullable(),
  note: z.string(),
});

export const ActionItem = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  ownerPerson: NamedRef.nullable(),
  ownerOrganisation: NamedRef.nullable(),
  dueOn: z.string(),
  status: ActionStatusSchema,
  statusNote: z.string(),
  overdue: z.boolean(),
  meeting: z.object({ id: Uuid, title: z.string() }).nullable(),
  agendaItemId: Uuid.nullable(),
  tlp: TlpLabelSchema,
  createdBy: NamedRef,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  history: z.array(z.object({ status: ActionStatusSchema, note: z.string(), by: NamedRef, at: Timestamp })),
  canUpdate: z.boolean(),
});
export type ActionItem = z.infer<typeof ActionItem>;

export const Meeting = MeetingSummary.extend({
  /** The three parts in order; accepted items by position. Items you may not read are absent. */
  agenda: z.array(z.object({ part: AgendaPartSchema, items: z.array(AgendaItem) })),
  /** Proposed and declined agenda items (the secretariat and chairs arrange them). */
  proposals: z.array(AgendaItem),
  attendance: z.array(Attendance),
  actions: z.array(ActionItem),
  canManage: z.boolean(),
});
export type Meeting = z.infer<typeof Meeting>;

export const ProposeAgendaItemRequest = z.strictObject({
  part: AgendaPartSchema,
  title: line(300),
  description: z.string().trim().max(10_000).default(""),
  presenterId: Uuid.nullable().default(null),
  chathamHouse: z.boolean().default(false),
  tlp: TlpLabelSchema.default("TLP:GREEN"),
  audience: AudienceSchema.default(EXCHANGE),
});

export const ArrangeAgendaItemRequest = z.strictObject({
  status: z.enum(AGENDA_STATUSES).optional(),
  part: AgendaPartSchema.optional(),
  position: z.number().int().min(0).max(1000).optional(),
  presenterId: Uuid.nullable().optional(),
});

export const MinutesRequest = z.strictObject({ minutes: z.string().max(100_000) });
export const DecisionRequest = z.strictObject({ text: z.string().trim().min(1).max(5000) });

export const RsvpRequest = z.strictObject({
  response: z.enum(RSVP_RESPONSES),
  note: z.string().trim().max(500).default(""),
});
export const RecordAttendanceRequest = z.strictObject({
  attended: z
    .array(z.strictObject({ personId: Uuid, attended: z.boolean() }))
    .min(1)
    .max(1000),
});

export const CreateActionRequest = z
  .strictObject({
    title: line(300),
    description: z.string().trim().max(10_000).default(""),
    ownerPersonId: Uuid.nullable().default(null),
    ownerOrganisationId: Uuid.nullable().default(null),
    dueOn: day,
    /** From the minutes: the action takes the agenda item's label and audience. */
    agendaItemId: Uuid.nullable().default(null),
    meetingId: Uuid.nullable().default(null),
    tlp: TlpLabelSchema.optional(),
    audience: AudienceSchema.optional(),
  })
  .refine((a) => a.ownerPersonId !== null || a.ownerOrganisationId !== null, {
    message: "An action needs an owner: a person, an organisation or both.",
    path: ["ownerPersonId"],
  });
export type CreateActionRequest = z.infer<typeof CreateActionRequest>;

export const UpdateActionRequest = z.strictObject({
  status: ActionStatusSchema,
  note: z.string().trim().max(2000).default(""),
  dueOn: day.optional(),
});

export const ActionsQuery = z.strictObject({
  status: ActionStatusSchema.optional(),
  overdue: z.enum(["true", "false"]).optional(),
});
export const ActionList = z.object({ actions: z.array(ActionItem) });
export const MyActions = z.object({ mine: z.array(ActionItem), organisation: z.array(ActionItem) });
