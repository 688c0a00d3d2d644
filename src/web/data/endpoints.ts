// One typed function per API endpoint the web UI uses.
import type { TlpLabel } from "../../shared/tlp.js";
import { query, type RequestOptions, request, upload } from "./client.js";
import type {
  Acknowledgements,
  ActionItem,
  ActionList,
  ActionStatus,
  AdoptionOverview,
  AdoptMeasureRequest,
  AgendaItem,
  ApiToken,
  ArrangeAgendaItemRequest,
  Attachment,
  AuditPage,
  BootstrapRequest,
  BootstrapStatus,
  CalendarFeed,
  ChairSeat,
  ChangeLabelRequest,
  Comment,
  ConveneCallRequest,
  CreateActionRequest,
  CreateCommentRequest,
  CreateDependencyRequest,
  CreatedCalendarFeed,
  CreatedToken,
  CreateItemRequest,
  CreateMeetingRequest,
  CreateServiceRequest,
  CurrentDocuments,
  Dependency,
  EndCallRequest,
  FederationRun,
  FeedPage,
  IimCoefficients,
  IimSolution,
  ImportFormat,
  ImportOptions,
  ImportSummary,
  InsightExportFormat,
  InsightReport,
  InvitationInfo,
  InviteOrganisationRequest,
  InvitePersonRequest,
  InvitePersonResponse,
  Item,
  ItemFilters,
  ItemLink,
  ItemVersion,
  LabelChange,
  LinkRelation,
  Measure,
  MeasureList,
  MeasureStage,
  Meeting,
  MeetingList,
  MyActions,
  MyParticipation,
  NotificationList,
  NotificationPreferences,
  Ok,
  Organisation,
  ParticipationDashboard,
  Peer,
  PeerName,
  PeerRequest,
  PeerUpdateRequest,
  Person,
  PlanYearRequest,
  ProposeAgendaItemRequest,
  ProposeMeasureRequest,
  PublishDocumentRequest,
  Reaction,
  Reactions,
  RecordAttendanceRequest,
  RegisteredPeer,
  Release,
  ReportImplementationRequest,
  ReviseMeasureRequest,
  RollCallRequest,
  RsvpRequest,
  SaveAnalysisRequest,
  SavedSearch,
  SearchResponse,
  Service,
  ServiceGraph,
  SessionResponse,
  SetIimCoefficientsRequest,
  SimulateRequest,
  SimulationResult,
  TotpSetup,
  UpdateActionRequest,
  UpdateItemRequest,
  UpdateMeetingRequest,
  UrgentCall,
  UrgentCallList,
  WorkingGroup,
  WorkingGroupRequest,
} from "./types.js";

const enc = encodeURIComponent;

/** Session, login, second factor, first start and invitations. */
export const authApi = {
  /** The current session; rejects with 401 when there is none. */
  session: (options?: RequestOptions) => request<SessionResponse>("GET", "/api/session", undefined, options),
  login: (email: string, password: string) =>
    request<SessionResponse>("POST", "/api/session", { email, password }, { quiet: true }),
  secondFactor: (code: string) => request<SessionResponse>("POST", "/api/session/second-factor", { code }, { quiet: true }),
  logout: () => request<Ok>("DELETE", "/api/session", undefined, { quiet: true }),
  bootstrapStatus: (options?: RequestOptions) => request<BootstrapStatus>("GET", "/api/bootstrap", undefined, options),
  bootstrap: (body: BootstrapRequest) => request<SessionResponse>("POST", "/api/bootstrap", body, { quiet: true }),
  invitation: (token: string, options?: RequestOptions) =>
    request<InvitationInfo>("GET", `/api/invitations/${enc(token)}`, undefined, { ...options, quiet: true }),
  acceptInvitation: (token: string, body: { password: string; name?: string }) =>
    request<SessionResponse>("POST", `/api/invitations/${enc(token)}/accept`, body, { quiet: true }),
};

/** The signed-in person's own account: second factor and API tokens. */
export const accountApi = {
  totpSetup: () => request<TotpSetup>("POST", "/api/account/totp/setup", {}),
  totpConfirm: (code: string) => request<SessionResponse>("POST", "/api/account/totp/confirm", { code }),
  totpDisable: () => request<Ok>("DELETE", "/api/account/totp"),
  tokens: (options?: RequestOptions) => request<{ tokens: ApiToken[] }>("GET", "/api/account/tokens", undefined, options),
  createToken: (name: string, expiresInDays: number) =>
    request<CreatedToken>("POST", "/api/account/tokens", {
      name,
      expiresInDays,
    }),
  revokeToken: (id: string) => request<Ok>("DELETE", `/api/account/tokens/${enc(id)}`),
  notificationPreferences: (options?: RequestOptions) =>
    request<NotificationPreferences>("GET", "/api/account/notification-preferences", undefined, options),
  setNotificationPreferences: (body: NotificationPreferences) =>
    request<NotificationPreferences>("PUT", "/api/account/notification-preferences", body),
  calendarFeeds: (options?: RequestOptions) =>
    request<{ feeds: CalendarFeed[] }>("GET", "/api/account/calendar-feeds", undefined, options),
  createCalendarFeed: () => request<CreatedCalendarFeed>("POST", "/api/account/calendar-feeds", {}),
  revokeCalendarFeed: (id: string) => request<Ok>("DELETE", `/api/account/calendar-feeds/${enc(id)}`),
};

/** Terms of Reference and NDA. */
export const documentsApi = {
  current: (options?: RequestOptions) => request<CurrentDocuments>("GET", "/api/documents", undefined, options),
  accept: (documentIds: string[]) => request<CurrentDocuments>("POST", "/api/documents/accept", { documentIds }),
  publish: (body: PublishDocumentRequest) => request<unknown>("POST", "/api/documents", body),
};

/** Organisations, persons and working groups. */
export const membershipApi = {
  organisations: (options?: RequestOptions) =>
    request<{ organisations: Organisation[] }>("GET", "/api/organisations", undefined, options),
  inviteOrganisation: (body: InviteOrganisationRequest) => request<Organisation>("POST", "/api/organisations", body),
  organisationAction: (id: string, action: "suspend" | "reinstate") =>
    request<Organisation>("POST", `/api/organisations/${enc(id)}/${action}`, {}),
  offboardOrganisation: (id: string, confirmation: string) =>
    request<Organisation>("POST", `/api/organisations/${enc(id)}/offboard`, {
      confirmation,
    }),

  persons: (options?: RequestOptions) => request<{ persons: Person[] }>("GET", "/api/persons", undefined, options),
  invitePerson: (body: InvitePersonRequest) => request<InvitePersonResponse>("POST", "/api/persons", body),
  personAction: (id: string, action: "suspend" | "reinstate") => request<Person>("POST", `/api/persons/${enc(id)}/${action}`, {}),
  offboardPerson: (id: string, confirmation: string) =>
    request<Person>("POST", `/api/persons/${enc(id)}/offboard`, {
      confirmation,
    }),
  appointChair: (id: string, seat: ChairSeat) => request<Person>("PUT", `/api/persons/${enc(id)}/chair`, { seat }),
  removeChair: (id: string) => request<Person>("DELETE", `/api/persons/${enc(id)}/chair`),
  reissueInvitation: (id: string) => request<InvitePersonResponse>("POST", `/api/persons/${enc(id)}/invitation`, {}),

  groups: (options?: RequestOptions) => request<{ groups: WorkingGroup[] }>("GET", "/api/groups", undefined, options),
  createGroup: (body: WorkingGroupRequest) => request<WorkingGroup>("POST", "/api/groups", body),
  updateGroup: (id: string, body: WorkingGroupRequest) => request<WorkingGroup>("PUT", `/api/groups/${enc(id)}`, body),
  deleteGroup: (id: string) => request<Ok>("DELETE", `/api/groups/${enc(id)}`),
  /** Who is told when the organisation leaves a warning unacknowledged (null: nobody chosen). */
  setEscalationContact: (organisationId: string, personId: string | null) =>
    request<Organisation>("PUT", `/api/organisations/${enc(organisationId)}/escalation-contact`, { personId }),
};

/** Shared items, the feed, search, edits, versions and RFI closing. */
export const itemsApi = {
  feed: (filters: ItemFilters, cursor: string | null, limit: number, options?: RequestOptions) =>
    request<FeedPage>("GET", `/api/items${query({ ...filters, cursor, limit })}`, undefined, options),
  create: (body: CreateItemRequest) => request<Item>("POST", "/api/items", body),
  get: (id: string, options?: RequestOptions) => request<Item>("GET", `/api/items/${enc(id)}`, undefined, options),
  update: (id: string, body: UpdateItemRequest) => request<Item>("PUT", `/api/items/${enc(id)}`, body),
  versions: (id: string, options?: RequestOptions) =>
    request<{ versions: ItemVersion[] }>("GET", `/api/items/${enc(id)}/versions`, undefined, options),
  changeLabel: (id: string, body: ChangeLabelRequest) => request<Item>("POST", `/api/items/${enc(id)}/label`, body),
  history: (id: string, options?: RequestOptions) =>
    request<{ changes: LabelChange[] }>("GET", `/api/items/${enc(id)}/history`, undefined, options),
  close: (id: string, summary: string) => request<Item>("POST", `/api/items/${enc(id)}/close`, { summary }),
  search: (filters: ItemFilters, limit: number, options?: RequestOptions) =>
    request<SearchResponse>("GET", `/api/search${query({ ...filters, limit })}`, undefined, options),
};

/** Threads, attachments, links, reactions and acknowledgements of one item. */
export const collaborationApi = {
  comments: (itemId: string, options?: RequestOptions) =>
    request<{ comments: Comment[] }>("GET", `/api/items/${enc(itemId)}/comments`, undefined, options),
  comment: (itemId: string, body: CreateCommentRequest) => request<Comment>("POST", `/api/items/${enc(itemId)}/comments`, body),

  attachments: (itemId: string, options?: RequestOptions) =>
    request<{ attachments: Attachment[] }>("GET", `/api/items/${enc(itemId)}/attachments`, undefined, options),
  attach: (itemId: string, file: File, tlp: TlpLabel | null) =>
    upload<Attachment>(`/api/items/${enc(itemId)}/attachments${query({ filename: file.name, tlp })}`, file),
  /** The download address of an attachment (served with Content-Disposition: attachment). */
  attachmentUrl: (id: string) => `/api/attachments/${enc(id)}`,

  links: (itemId: string, options?: RequestOptions) =>
    request<{ links: ItemLink[] }>("GET", `/api/items/${enc(itemId)}/links`, undefined, options),
  link: (itemId: string, toItemId: string, relation: LinkRelation) =>
    request<ItemLink>("POST", `/api/items/${enc(itemId)}/links`, { toItemId, relation }),
  unlink: (linkId: string) => request<Ok>("DELETE", `/api/links/${enc(linkId)}`),

  reactions: (itemId: string, options?: RequestOptions) =>
    request<Reactions>("GET", `/api/items/${enc(itemId)}/reactions`, undefined, options),
  react: (itemId: string, reaction: Reaction, context = "") =>
    request<Reactions>("PUT", `/api/items/${enc(itemId)}/reactions`, { reaction, context }),
  unreact: (itemId: string, reaction: Reaction) =>
    request<Reactions>("DELETE", `/api/items/${enc(itemId)}/reactions/${enc(reaction)}`),

  acknowledgements: (itemId: string, options?: RequestOptions) =>
    request<Acknowledgements>("GET", `/api/items/${enc(itemId)}/acknowledgements`, undefined, options),
  acknowledge: (itemId: string) => request<Acknowledgements>("POST", `/api/items/${enc(itemId)}/acknowledgements`, {}),
};

/** The signed-in person's saved searches. */
export const savedSearchesApi = {
  list: (options?: RequestOptions) => request<{ searches: SavedSearch[] }>("GET", "/api/saved-searches", undefined, options),
  create: (name: string, filters: ItemFilters) => request<SavedSearch>("POST", "/api/saved-searches", { name, filters }),
  remove: (id: string) => request<Ok>("DELETE", `/api/saved-searches/${enc(id)}`),
  seen: (id: string) => request<SavedSearch>("POST", `/api/saved-searches/${enc(id)}/seen`, {}),
};

/** The audit trail. */
export const auditApi = {
  page: (limit: number, before: number | null, options?: RequestOptions) =>
    request<AuditPage>("GET", `/api/audit${query({ limit, before })}`, undefined, options),
};

/** The meeting calendar: meetings, agendas, minutes, decisions and attendance. */
export const meetingsApi = {
  list: (year: number, options?: RequestOptions) =>
    request<MeetingList>("GET", `/api/meetings${query({ year })}`, undefined, options),
  create: (body: CreateMeetingRequest) => request<Meeting>("POST", "/api/meetings", body),
  planYear: (body: PlanYearRequest) => request<MeetingList>("POST", "/api/meetings/plan", body),
  get: (id: string, options?: RequestOptions) => request<Meeting>("GET", `/api/meetings/${enc(id)}`, undefined, options),
  update: (id: string, body: UpdateMeetingRequest) => request<Meeting>("PATCH", `/api/meetings/${enc(id)}`, body),
  /** The download address of the meeting as an iCalendar file. */
  icsUrl: (id: string) => `/api/meetings/${enc(id)}/ics`,
  propose: (meetingId: string, body: ProposeAgendaItemRequest) =>
    request<AgendaItem>("POST", `/api/meetings/${enc(meetingId)}/agenda`, body),
  arrange: (agendaItemId: string, body: ArrangeAgendaItemRequest) =>
    request<AgendaItem>("PATCH", `/api/agenda-items/${enc(agendaItemId)}`, body),
  minutes: (agendaItemId: string, minutes: string) =>
    request<AgendaItem>("PUT", `/api/agenda-items/${enc(agendaItemId)}/minutes`, { minutes }),
  decide: (agendaItemId: string, text: string) =>
    request<AgendaItem>("POST", `/api/agenda-items/${enc(agendaItemId)}/decisions`, { text }),
  rsvp: (meetingId: string, body: RsvpRequest) => request<Meeting>("PUT", `/api/meetings/${enc(meetingId)}/attendance`, body),
  recordAttendance: (meetingId: string, body: RecordAttendanceRequest) =>
    request<Meeting>("PUT", `/api/meetings/${enc(meetingId)}/attendance/record`, body),
};

/** Action items from meetings (and elsewhere): owners, due dates, status. */
export const actionsApi = {
  create: (body: CreateActionRequest) => request<ActionItem>("POST", "/api/actions", body),
  mine: (options?: RequestOptions) => request<MyActions>("GET", "/api/actions/mine", undefined, options),
  list: (filters: { status?: ActionStatus; overdue?: boolean }, options?: RequestOptions) =>
    request<ActionList>(
      "GET",
      `/api/actions${query({ status: filters.status, overdue: filters.overdue ? "true" : undefined })}`,
      undefined,
      options,
    ),
  get: (id: string, options?: RequestOptions) => request<ActionItem>("GET", `/api/actions/${enc(id)}`, undefined, options),
  update: (id: string, body: UpdateActionRequest) => request<ActionItem>("PATCH", `/api/actions/${enc(id)}`, body),
};

/** Urgent calls: convening, the roll-call and the summary. */
export const callsApi = {
  convene: (body: ConveneCallRequest) => request<UrgentCall>("POST", "/api/calls", body),
  list: (options?: RequestOptions) => request<UrgentCallList>("GET", "/api/calls", undefined, options),
  get: (id: string, options?: RequestOptions) => request<UrgentCall>("GET", `/api/calls/${enc(id)}`, undefined, options),
  answer: (id: string, body: RollCallRequest) => request<UrgentCall>("PUT", `/api/calls/${enc(id)}/roll-call`, body),
  end: (id: string, body: EndCallRequest) => request<UrgentCall>("POST", `/api/calls/${enc(id)}/end`, body),
};

/** The notification centre. */
export const notificationsApi = {
  list: (filters: { unread?: boolean; limit?: number }, options?: RequestOptions) =>
    request<NotificationList>(
      "GET",
      `/api/notifications${query({ unread: filters.unread ? "true" : undefined, limit: filters.limit })}`,
      undefined,
      options,
    ),
  markRead: (ids: string[]) => request<NotificationList>("POST", "/api/notifications/read", { ids }),
  markAllRead: () => request<NotificationList>("POST", "/api/notifications/read", { all: true }),
  /** The address of the live stream (Server-Sent Events, event "notification"). */
  streamUrl: "/api/notifications/stream",
};

/** Preparedness measures: proposal, adoption, revision, retirement, each organisation's report, adoption over time. */
export const measuresApi = {
  list: (filters: { stage?: MeasureStage | undefined; mine?: boolean }, options?: RequestOptions) =>
    request<MeasureList>(
      "GET",
      `/api/measures${query({ stage: filters.stage, mine: filters.mine ? "true" : undefined })}`,
      undefined,
      options,
    ),
  propose: (body: ProposeMeasureRequest) => request<Measure>("POST", "/api/measures", body),
  get: (id: string, options?: RequestOptions) => request<Measure>("GET", `/api/measures/${enc(id)}`, undefined, options),
  adopt: (id: string, body: AdoptMeasureRequest) => request<Measure>("POST", `/api/measures/${enc(id)}/adopt`, body),
  revise: (id: string, body: ReviseMeasureRequest) => request<Measure>("PATCH", `/api/measures/${enc(id)}`, body),
  retire: (id: string, reason: string) => request<Measure>("POST", `/api/measures/${enc(id)}/retire`, { reason }),
  report: (id: string, body: ReportImplementationRequest) =>
    request<Measure>("PUT", `/api/measures/${enc(id)}/implementation`, body),
  adoption: (id: string, options?: RequestOptions) =>
    request<AdoptionOverview>("GET", `/api/measures/${enc(id)}/adoption`, undefined, options),
  /** The download address of every measure (the ones the viewer may read) as CSV or JSON. */
  exportUrl: (format: "csv" | "json") => `/api/measures/export${query({ format })}`,
};

/** Services, their dependencies, cascade simulation and the sector-level inoperability model (IIM). */
export const interdependenciesApi = {
  graph: (options?: RequestOptions) => request<ServiceGraph>("GET", "/api/services", undefined, options),
  createService: (body: CreateServiceRequest) => request<Service>("POST", "/api/services", body),
  createDependency: (body: CreateDependencyRequest) => request<Dependency>("POST", "/api/dependencies", body),
  removeDependency: (id: string) => request<Ok>("DELETE", `/api/dependencies/${enc(id)}`),
  simulate: (body: SimulateRequest) => request<SimulationResult>("POST", "/api/cascade/simulate", body),
  saveAnalysis: (body: SaveAnalysisRequest) => request<Item>("POST", "/api/cascade/analyses", body),
  iim: (options?: RequestOptions) => request<IimCoefficients>("GET", "/api/iim", undefined, options),
  setIim: (body: SetIimCoefficientsRequest) => request<IimCoefficients>("PUT", "/api/iim", body),
  solveIim: (perturbation: Record<string, number>) => request<IimSolution>("POST", "/api/iim/solve", { perturbation }),
};

/** A period of the participation pages; absent values take the server's defaults. */
export type ParticipationPeriod = { from?: string | undefined; to?: string | undefined; inactiveDays?: number | undefined };

/** Participation and exchange health: the whole exchange (chairs, secretariat) or the viewer's own organisation. */
export const participationApi = {
  dashboard: (period: ParticipationPeriod, options?: RequestOptions) =>
    request<ParticipationDashboard>("GET", `/api/participation${periodQuery(period)}`, undefined, options),
  mine: (period: ParticipationPeriod, options?: RequestOptions) =>
    request<MyParticipation>("GET", `/api/participation/mine${periodQuery(period)}`, undefined, options),
  /** Whether the viewer's organisation may be named in insight reports (its own decision). */
  setNaming: (namedInInsight: boolean) => request<Ok>("PUT", "/api/participation/mine/naming", { namedInInsight }),
};

function periodQuery(period: ParticipationPeriod): string {
  return query({ from: period.from, to: period.to, inactiveDays: period.inactiveDays });
}

/** The anonymised strategic insight report (chairs, secretariat) and its downloads. */
export const insightApi = {
  report: (period: { from: string; to: string }, options?: RequestOptions) =>
    request<InsightReport>("GET", `/api/insight${query({ from: period.from, to: period.to })}`, undefined, options),
  /** The download address of the report as PDF, CSV, a STIX 2.1 bundle or JSON. */
  exportUrl: (period: { from: string; to: string }, format: InsightExportFormat) =>
    `/api/insight/export${query({ from: period.from, to: period.to, format })}`,
};

const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

/** STIX 2.1 bundles out (an item, a search) and STIX bundles or MISP events in. */
export const stixApi = {
  /** The download address of one item as a STIX 2.1 bundle. */
  itemExportUrl: (id: string) => `/api/stix/export${query({ item: id })}`,
  /** The download address of the items a search finds (the same filters as /api/search) as a STIX 2.1 bundle. */
  searchExportUrl: (filters: ItemFilters) => `/api/stix/export${query({ ...filters })}`,
  /** Imports a file: a STIX bundle (all-or-nothing) or a MISP event (converted to STIX first). */
  import: (format: ImportFormat, file: Blob, options: ImportOptions) =>
    upload<ImportSummary>(
      `/api/${format === "misp" ? "misp" : "stix"}/import${query({ audience: options.audience, tlp: options.tlp })}`,
      file,
      { contentType: format === "misp" ? "application/json" : STIX_MEDIA_TYPE },
    ),
};

/** Peer exchanges (secretariat) and releases of TLP:AMBER items to a named peer (originators). */
export const federationApi = {
  peers: (options?: RequestOptions) => request<Peer[]>("GET", "/api/federation/peers", undefined, options),
  register: (body: PeerRequest) => request<RegisteredPeer>("POST", "/api/federation/peers", body),
  update: (id: string, body: PeerUpdateRequest) => request<Peer>("PATCH", `/api/federation/peers/${enc(id)}`, body),
  revoke: (id: string) => request<Peer>("DELETE", `/api/federation/peers/${enc(id)}`),
  run: (id: string) => request<FederationRun>("POST", `/api/federation/peers/${enc(id)}/run`, {}),
  /** Names of the active peers an item can be released to (any member). */
  peerNames: (options?: RequestOptions) => request<PeerName[]>("GET", "/api/federation/peer-names", undefined, options),
  releases: (itemId: string, options?: RequestOptions) =>
    request<Release[]>("GET", `/api/items/${enc(itemId)}/releases`, undefined, options),
  release: (itemId: string, peerId: string) => request<Release[]>("POST", `/api/items/${enc(itemId)}/releases`, { peerId }),
  withdraw: (itemId: string, peerId: string) => request<Release[]>("DELETE", `/api/items/${enc(itemId)}/releases/${enc(peerId)}`),
};
