// One typed function per API endpoint the web UI uses.
import type { TlpLabel } from "../../shared/tlp.js";
import { query, type RequestOptions, request, upload } from "./client.js";
import type {
  Acknowledgements,
  ApiToken,
  Attachment,
  AuditPage,
  BootstrapRequest,
  BootstrapStatus,
  ChairSeat,
  ChangeLabelRequest,
  Comment,
  CreateCommentRequest,
  CreatedToken,
  CreateItemRequest,
  CurrentDocuments,
  FeedPage,
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
  Ok,
  Organisation,
  Person,
  PublishDocumentRequest,
  Reaction,
  Reactions,
  SavedSearch,
  SearchResponse,
  SessionResponse,
  TotpSetup,
  UpdateItemRequest,
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
