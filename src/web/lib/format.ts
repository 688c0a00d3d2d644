// Human-readable names for enum values, dates and sizes.
import { KINDS } from "../../shared/kinds.js";
import type {
  ActionStatus,
  AgendaPart,
  AgendaStatus,
  ChairSeat,
  DependencyType,
  DocumentKind,
  ImplementationStatus,
  ItemKind,
  ItemStatus,
  MeasureStage,
  MeetingFormat,
  MeetingStatus,
  MemberStatus,
  OrganisationKind,
  Role,
  RollCallStatus,
  RsvpResponse,
  Sector,
} from "../data/types.js";

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

/** The display name of an item kind (from the shared KINDS catalogue). */
export function kindName(kind: ItemKind): string {
  return KINDS[kind]?.name ?? kind;
}

const ITEM_STATUS_NAMES: Record<ItemStatus, string> = {
  ongoing: "Ongoing",
  contained: "Contained",
  resolved: "Resolved",
  open: "Open",
  closed: "Closed",
  proposed: "Proposed",
  adopted: "Adopted",
  retired: "Retired",
};

/** The display name of an item's status (incident status, RFI state, measure stage). */
export function itemStatusName(status: ItemStatus): string {
  return ITEM_STATUS_NAMES[status] ?? status;
}

/** A calendar day ("2026-03-01") as a local date, without shifting it through UTC. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return dateOnly.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A byte count in binary units, e.g. "1.5 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
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

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
const monthYear = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" });
const weekdayDate = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });

/** A timestamp's local time of day, e.g. "14:05". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeOnly.format(date);
}

/** A timestamp's local month and year, e.g. "March 2027" (calendar headings). */
export function formatMonth(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : monthYear.format(date);
}

/** A timestamp's local weekday and date, e.g. "Wed 10 Mar". */
export function formatWeekday(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : weekdayDate.format(date);
}

/** A meeting's span: "10 Mar 2027, 10:00–13:00" (the end's date too when it is another day). */
export function formatSpan(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const sameDay = start.toDateString() === end.toDateString();
  return sameDay
    ? `${formatDateTime(startsAt)}–${formatTime(endsAt)}`
    : `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`;
}

const MEETING_FORMAT_NAMES: Record<MeetingFormat, string> = {
  "in-person": "In person",
  call: "Call",
  hybrid: "Hybrid",
};

/** The display name of a meeting format. */
export function meetingFormatName(format: MeetingFormat): string {
  return MEETING_FORMAT_NAMES[format] ?? format;
}

const MEETING_STATUS_NAMES: Record<MeetingStatus, string> = {
  scheduled: "Scheduled",
  held: "Held",
  cancelled: "Cancelled",
};

/** The display name of a meeting's status. */
export function meetingStatusName(status: MeetingStatus): string {
  return MEETING_STATUS_NAMES[status] ?? status;
}

const AGENDA_PART_NAMES: Record<AgendaPart, string> = {
  administrative: "Administrative",
  operational: "Operational",
  strategic: "Strategic",
};

/** The display name of an agenda part. */
export function agendaPartName(part: AgendaPart): string {
  return AGENDA_PART_NAMES[part] ?? part;
}

const AGENDA_STATUS_NAMES: Record<AgendaStatus, string> = {
  proposed: "Proposed",
  accepted: "Accepted",
  declined: "Declined",
};

/** The display name of an agenda item's status. */
export function agendaStatusName(status: AgendaStatus): string {
  return AGENDA_STATUS_NAMES[status] ?? status;
}

const RSVP_NAMES: Record<RsvpResponse, string> = {
  attending: "Attending",
  apologies: "Apologies",
};

/** The display name of an answer to a meeting invitation. */
export function rsvpName(response: RsvpResponse): string {
  return RSVP_NAMES[response] ?? response;
}

const ACTION_STATUS_NAMES: Record<ActionStatus, string> = {
  open: "Open",
  "in-progress": "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** The display name of an action item's status. */
export function actionStatusName(status: ActionStatus): string {
  return ACTION_STATUS_NAMES[status] ?? status;
}

const ROLL_CALL_NAMES: Record<RollCallStatus, string> = {
  affected: "Affected",
  "not-affected": "Not affected",
  investigating: "Investigating",
};

/** The display name of a roll-call answer. */
export function rollCallName(status: RollCallStatus): string {
  return ROLL_CALL_NAMES[status] ?? status;
}

const MEASURE_STAGE_NAMES: Record<MeasureStage, string> = {
  proposed: "Proposed",
  adopted: "Adopted",
  retired: "Retired",
};

/** The display name of a measure's stage. */
export function measureStageName(stage: MeasureStage): string {
  return MEASURE_STAGE_NAMES[stage] ?? stage;
}

const IMPLEMENTATION_NAMES: Record<ImplementationStatus, string> = {
  "not-started": "Not started",
  planned: "Planned",
  "in-progress": "In progress",
  implemented: "Implemented",
  "not-applicable": "Not applicable",
};

/** The display name of an organisation's implementation status of a measure. */
export function implementationStatusName(status: ImplementationStatus): string {
  return IMPLEMENTATION_NAMES[status] ?? status;
}

const DEPENDENCY_TYPE_NAMES: Record<DependencyType, string> = {
  physical: "Physical",
  cyber: "Cyber",
  geographic: "Geographic",
  logical: "Logical",
};

/** The display name of a dependency type (Rinaldi, Peerenboom and Kelly, 2001). */
export function dependencyTypeName(type: DependencyType): string {
  return DEPENDENCY_TYPE_NAMES[type] ?? type;
}

/** The display name of what a service's failure does to a dependent one, or of a simulated level (1, 2). */
export function impactName(impact: "partial" | "total" | number): string {
  if (impact === "partial" || impact === 1) return "Degraded";
  if (impact === "total" || impact === 2) return "Failed";
  return impact === 0 ? "Working" : String(impact);
}

/** A number of hours as a short duration: "45 min", "6 h", "2 d 4 h". */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return String(hours);
  if (hours === 0) return "0 h";
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
  const days = Math.floor(hours / 24);
  const rest = Math.round(hours - days * 24);
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/** A share 0–1 as a whole percentage, e.g. "42%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
