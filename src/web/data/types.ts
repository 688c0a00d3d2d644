// Types of the API payloads, inferred from the shared zod schemas (types only, no runtime cost).
import type { z } from "zod";
import type * as S from "../../shared/schemas/index.js";

export type {
  ApiToken,
  AuditEntry,
  ExchangeDocument,
  Item,
  ItemSummary,
  Organisation,
  Person,
  SessionPerson,
  SessionResponse,
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
export type FeedPage = z.infer<typeof S.FeedPage>;
export type SearchResponse = z.infer<typeof S.SearchResult>;
export type SearchHit = SearchResponse["results"][number];
export type LabelChange = z.infer<typeof S.LabelChange>;
export type AuditPage = z.infer<typeof S.AuditPage>;

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
