// Human-readable names for enum values, dates and sizes.
import { KINDS } from "../../shared/kinds.js";
import type {
  ChairSeat,
  DocumentKind,
  ItemKind,
  ItemStatus,
  MemberStatus,
  OrganisationKind,
  Role,
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
};

/** The display name of an item's status (incident status, RFI state). */
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
