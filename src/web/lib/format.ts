// Human-readable names for enum values and dates.
import type { ChairSeat, DocumentKind, ItemKind, MemberStatus, OrganisationKind, Role, Sector } from "../data/types.js";

const dateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** A timestamp as local date and time, e.g. "3 Mar 2026, 14:05"; the raw text if unparseable. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A timestamp as a local date only. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

const KIND_NAMES: Record<ItemKind, string> = {
  threat: "Threat",
  risk: "Risk",
  vulnerability: "Vulnerability",
  incident: "Incident",
  countermeasure: "Countermeasure",
  warning: "Warning",
  "contingency-plan": "Contingency plan",
  "crisis-lesson": "Crisis lesson",
  "analysis-report": "Analysis report",
  "emerging-trend": "Emerging trend",
  exercise: "Exercise",
  announcement: "Announcement",
  rfi: "Request for information",
};

/** The display name of an item kind. */
export function kindName(kind: ItemKind): string {
  return KIND_NAMES[kind] ?? kind;
}

const SECTOR_NAMES: Record<Sector, string> = {
  energy: "Energy",
  telecom: "Telecommunications",
  finance: "Finance",
  health: "Health",
  water: "Water",
  transport: "Transport",
  "digital-infrastructure": "Digital infrastructure",
  government: "Government",
  research: "Research",
};

/** The display name of a sector. */
export function sectorName(sector: Sector): string {
  return SECTOR_NAMES[sector] ?? sector;
}

const ROLE_NAMES: Record<Role, string> = {
  member: "Member",
  chair: "Chair",
  secretariat: "Secretariat",
};

/** The display name of a role. */
export function roleName(role: Role): string {
  return ROLE_NAMES[role] ?? role;
}

const SEAT_NAMES: Record<ChairSeat, string> = {
  industry: "Industry chair",
  public: "Public-sector chair",
};

/** The display name of a chair seat. */
export function seatName(seat: ChairSeat): string {
  return SEAT_NAMES[seat] ?? seat;
}

const STATUS_NAMES: Record<MemberStatus, string> = {
  invited: "Invited",
  active: "Active",
  suspended: "Suspended",
  left: "Left",
};

/** The display name of a member status. */
export function statusName(status: MemberStatus): string {
  return STATUS_NAMES[status] ?? status;
}

const ORG_KIND_NAMES: Record<OrganisationKind, string> = {
  public: "Public sector",
  private: "Private sector",
  academia: "Academia",
};

/** The display name of an organisation kind. */
export function organisationKindName(kind: OrganisationKind): string {
  return ORG_KIND_NAMES[kind] ?? kind;
}

const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  "terms-of-reference": "Terms of Reference",
  nda: "Non-disclosure agreement",
};

/** The display name of an exchange document kind. */
export function documentKindName(kind: DocumentKind): string {
  return DOCUMENT_NAMES[kind] ?? kind;
}
