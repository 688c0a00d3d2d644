// Types of the API payloads, inferred from the shared zod schemas (types only, no runtime cost).
import type { z } from "zod";
import type * as S from "../../shared/schemas/index.js";
import type { TlpLabel } from "../../shared/tlp.js";

export type {
  ActionItem,
  AgendaItem,
  ApiToken,
  AuditEntry,
  ExchangeDocument,
  Item,
  ItemSummary,
  Meeting,
  MeetingSummary,
  Notification,
  NotificationType,
  Organisation,
  Person,
  SessionPerson,
  SessionResponse,
  StreamEvent,
  UrgentCall,
  WorkingGroup,
} from "../../shared/schemas/index.js";

export type SessionStage = z.infer<typeof S.SessionStage>;
export type Role = z.infer<typeof S.RoleSchema>;
export type ChairSeat = z.infer<typeof S.ChairSeatSchema>;
export type Sector = z.infer<typeof S.SectorSchema>;
export type ItemKind = z.infer<typeof S.ItemKindSchema>;
export type OrganisationKind = z.infer<typeof S.OrganisationKindSchema>;
export type MemberStatus = z.infer<typeof S.MemberStatusSchema>;
export type DocumentKind = z.infer<typeof S.DocumentKindSchema>;
export type NamedRef = z.infer<typeof S.NamedRef>;

export type TotpSetup = z.infer<typeof S.TotpSetupResponse>;
export type InvitationInfo = z.infer<typeof S.InvitationInfo>;
export type BootstrapStatus = z.infer<typeof S.BootstrapStatus>;
export type BootstrapRequest = z.input<typeof S.BootstrapRequest>;
export type CreatedToken = z.infer<typeof S.CreatedToken>;
export type CurrentDocuments = z.infer<typeof S.CurrentDocuments>;
export type PublishDocumentRequest = z.input<typeof S.PublishDocumentRequest>;
export type InviteOrganisationRequest = z.input<typeof S.InviteOrganisationRequest>;
export type InvitePersonRequest = z.input<typeof S.InvitePersonRequest>;
export type InvitePersonResponse = z.infer<typeof S.InvitePersonResponse>;
export type WorkingGroupRequest = z.input<typeof S.WorkingGroupRequest>;
export type CreateItemRequest = z.input<typeof S.CreateItemRequest>;
export type ChangeLabelRequest = z.input<typeof S.ChangeLabelRequest>;
export type UpdateItemRequest = z.input<typeof S.UpdateItemRequest>;
export type ItemStatus = z.infer<typeof S.ItemStatusSchema>;
export type ItemFilters = z.infer<typeof S.ItemFilters>;
export type ItemVersion = z.infer<typeof S.ItemVersion>;
export type MaybeNamedRef = z.infer<typeof S.MaybeNamedRef>;
export type FeedPage = z.infer<typeof S.FeedPage>;
export type SearchResponse = z.infer<typeof S.SearchResult>;
export type SearchHit = SearchResponse["results"][number];
export type FacetName = keyof SearchResponse["facets"];
export type FacetCount = SearchResponse["facets"][FacetName][number];
export type LabelChange = z.infer<typeof S.LabelChange>;
export type AuditPage = z.infer<typeof S.AuditPage>;

export type Comment = z.infer<typeof S.Comment>;
export type CreateCommentRequest = z.input<typeof S.CreateCommentRequest>;
export type Attachment = z.infer<typeof S.Attachment>;
export type LinkRelation = (typeof S.LINK_RELATIONS)[number];
export type ItemLink = z.infer<typeof S.ItemLink>;
export type ItemRef = ItemLink["to"];
export type Reaction = (typeof S.REACTIONS)[number];
export type Reactions = z.infer<typeof S.Reactions>;
export type Acknowledgements = z.infer<typeof S.Acknowledgements>;
export type SavedSearch = z.infer<typeof S.SavedSearch>;

export type MeetingFormat = z.infer<typeof S.MeetingFormatSchema>;
export type MeetingStatus = (typeof S.MEETING_STATUSES)[number];
export type AgendaPart = z.infer<typeof S.AgendaPartSchema>;
export type AgendaStatus = (typeof S.AGENDA_STATUSES)[number];
export type ActionStatus = z.infer<typeof S.ActionStatusSchema>;
export type RsvpResponse = (typeof S.RSVP_RESPONSES)[number];
export type MeetingList = z.infer<typeof S.MeetingList>;
export type Attendance = z.infer<typeof S.Attendance>;
export type Decision = z.infer<typeof S.Decision>;
export type CreateMeetingRequest = z.input<typeof S.CreateMeetingRequest>;
export type PlanYearRequest = z.input<typeof S.PlanYearRequest>;
export type UpdateMeetingRequest = z.input<typeof S.UpdateMeetingRequest>;
export type ProposeAgendaItemRequest = z.input<typeof S.ProposeAgendaItemRequest>;
export type ArrangeAgendaItemRequest = z.input<typeof S.ArrangeAgendaItemRequest>;
export type RsvpRequest = z.input<typeof S.RsvpRequest>;
export type RecordAttendanceRequest = z.input<typeof S.RecordAttendanceRequest>;
export type CreateActionRequest = z.input<typeof S.CreateActionRequest>;
export type UpdateActionRequest = z.input<typeof S.UpdateActionRequest>;
export type ActionList = z.infer<typeof S.ActionList>;
export type MyActions = z.infer<typeof S.MyActions>;

export type RollCallStatus = z.infer<typeof S.RollCallStatusSchema>;
export type UrgentCallSummary = z.infer<typeof S.UrgentCallSummary>;
export type UrgentCallList = z.infer<typeof S.UrgentCallList>;
export type RollCallEntry = z.infer<typeof S.UrgentCall>["rollCall"][number];
export type ConveneCallRequest = z.input<typeof S.ConveneCallRequest>;
export type RollCallRequest = z.input<typeof S.RollCallRequest>;
export type EndCallRequest = z.input<typeof S.EndCallRequest>;

export type NotificationList = z.infer<typeof S.NotificationList>;
export type NotificationPreferences = z.infer<typeof S.NotificationPreferences>;
export type CalendarFeed = z.infer<typeof S.CalendarFeed>;
export type CreatedCalendarFeed = z.infer<typeof S.CreatedCalendarFeed>;

export type MeasureStage = z.infer<typeof S.MeasureStageSchema>;
export type ImplementationStatus = z.infer<typeof S.ImplementationStatusSchema>;
export type MeasureSummary = z.infer<typeof S.MeasureSummary>;
export type MeasureList = z.infer<typeof S.MeasureList>;
export type Measure = z.infer<typeof S.Measure>;
export type MeasureAggregate = z.infer<typeof S.MeasureAggregate>;
export type ImplementationReport = z.infer<typeof S.ImplementationReport>;
export type AdoptionOverview = z.infer<typeof S.AdoptionOverview>;
export type ProposeMeasureRequest = z.input<typeof S.ProposeMeasureRequest>;
export type AdoptMeasureRequest = z.input<typeof S.AdoptMeasureRequest>;
export type ReviseMeasureRequest = z.input<typeof S.ReviseMeasureRequest>;
export type ReportImplementationRequest = z.input<typeof S.ReportImplementationRequest>;

export type DependencyType = z.infer<typeof S.DependencyTypeSchema>;
export type Service = z.infer<typeof S.Service>;
export type Dependency = z.infer<typeof S.Dependency>;
export type ServiceGraph = z.infer<typeof S.ServiceGraph>;
export type CreateServiceRequest = z.input<typeof S.CreateServiceRequest>;
export type CreateDependencyRequest = z.input<typeof S.CreateDependencyRequest>;
export type SimulateRequest = z.input<typeof S.SimulateRequest>;
export type SimulationResult = z.infer<typeof S.SimulationResult>;
export type SimulatedService = SimulationResult["services"][number];
export type HiddenServices = SimulationResult["hidden"][number];
export type SaveAnalysisRequest = z.input<typeof S.SaveAnalysisRequest>;
export type IimCoefficients = z.infer<typeof S.IimCoefficients>;
export type SetIimCoefficientsRequest = z.input<typeof S.SetIimCoefficientsRequest>;
export type IimSolution = z.infer<typeof S.IimSolution>;

export type ParticipationDashboard = z.infer<typeof S.ParticipationDashboard>;
export type MyParticipation = z.infer<typeof S.MyParticipation>;
export type OrganisationParticipation = z.infer<typeof S.OrganisationParticipation>;
export type KindParticipation = z.infer<typeof S.KindParticipation>;
export type FlowBalance = z.infer<typeof S.FlowBalance>;
export type InactiveOrganisation = z.infer<typeof S.InactiveOrganisation>;
export type HealthKpi = z.infer<typeof S.HealthKpi>;
export type InsightReport = z.infer<typeof S.InsightReport>;
export type StatTable = z.infer<typeof S.StatTable>;
export type InsightExportFormat = z.infer<typeof S.InsightExportFormat>["format"];

export type Peer = z.infer<typeof S.Peer>;
export type PeerName = z.infer<typeof S.PeerName>;
export type PeerRequest = z.input<typeof S.PeerRequest>;
export type PeerUpdateRequest = z.input<typeof S.PeerUpdateRequest>;
export type RegisteredPeer = z.infer<typeof S.RegisteredPeer>;
export type FederationRun = z.infer<typeof S.FederationRun>;
export type Release = z.infer<typeof S.Release>;

/** The answer to a STIX bundle or MISP event import (the route's own schema, not a shared one). */
/** What an import did; MISP imports also list the attributes left out (`converted`). */
export type ImportSummary = S.ImportSummary & Partial<Pick<S.MispImportSummary, "converted">>;

/** What an import is: a STIX 2.1 bundle or a MISP event. */
export type ImportFormat = "stix" | "misp";

/** Who imported items are for, and the label of objects that carry none (never guessed). */
export interface ImportOptions {
  audience: "exchange" | "organisation";
  tlp: TlpLabel | null;
}

/** The plain audience of a request: ids, not names. */
export interface AudienceIds {
  exchange: boolean;
  organisations: string[];
  groups: string[];
  persons: string[];
}

/** `{ ok: true }` answers of deletions and logout. */
export interface Ok {
  ok: true;
}
