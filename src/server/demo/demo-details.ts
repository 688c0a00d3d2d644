// Kind-specific details of the demo items, by title; other items get plausible defaults for their kind.
import { type ItemKind, KINDS } from "../../shared/kinds.js";

const hoursAgo = (now: Date, days: number, hours = 0) =>
  new Date(now.getTime() - days * 86_400_000 - hours * 3_600_000).toISOString();
const dayOf = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

type DetailsFor = (now: Date, daysAgo: number) => Record<string, unknown>;

const BY_TITLE: Record<string, DetailsFor> = {
  "Outage of payment clearing for 47 minutes": (now, d) => ({
    startedAt: hoursAgo(now, d, 2),
    detectedAt: hoursAgo(now, d, 2),
    endedAt: hoursAgo(now, d, 1),
    status: "resolved",
    affectedServices: ["Instant payment clearing"],
    impact: {
      severity: 3,
      usersAffected: 1_200_000,
      interruptionMinutes: 47,
      crossBorder: true,
      cascadingEffects: "Card payments at merchants delayed.",
    },
    rootCause: "Expired intermediate certificate on the load balancer.",
    lessonsLearned: "Monitor whole certificate chains.",
  }),
  "DDoS against mobile core network signalling": (now, d) => ({
    startedAt: hoursAgo(now, d, 5),
    detectedAt: hoursAgo(now, d, 5),
    endedAt: hoursAgo(now, d, 3),
    status: "contained",
    affectedServices: ["Roaming signalling (SS7/Diameter)"],
    impact: { severity: 3, usersAffected: 80_000, interruptionMinutes: 120, crossBorder: true },
  }),
  "Substation protection relay anomaly under investigation": (now, d) => ({
    startedAt: hoursAgo(now, d, 6),
    detectedAt: hoursAgo(now, d, 4),
    status: "ongoing",
    affectedServices: ["Regional electricity distribution"],
    impact: { severity: 2, crossBorder: false },
  }),
  "Unauthorised access to a market-data feed": (now, d) => ({
    startedAt: hoursAgo(now, d, 30),
    detectedAt: hoursAgo(now, d, 3),
    status: "contained",
    affectedServices: ["Market-data API"],
    impact: { severity: 2, crossBorder: false },
  }),
  "Water treatment chemical dosing alarm (false positive)": (now, d) => ({
    startedAt: hoursAgo(now, d, 3),
    endedAt: hoursAgo(now, d, 1),
    status: "resolved",
    affectedServices: ["Drinking water treatment"],
    impact: { severity: 1, crossBorder: false },
    rootCause: "Faulty sensor.",
  }),
  "Railway signalling supplier compromised": (now, d) => ({
    startedAt: hoursAgo(now, d + 10),
    detectedAt: hoursAgo(now, d, 8),
    status: "ongoing",
    affectedServices: ["Signalling software updates"],
    impact: { severity: 4, crossBorder: true, cascadingEffects: "Possible supply-chain effect on other rail operators." },
  }),
  "Air traffic flight-plan system degradation": (now, d) => ({
    startedAt: hoursAgo(now, d, 4),
    endedAt: hoursAgo(now, d, 1),
    status: "resolved",
    affectedServices: ["Flight-plan processing"],
    impact: { severity: 3, interruptionMinutes: 180, crossBorder: true },
    rootCause: "Faulty software update.",
  }),
  "Phishing wave impersonating the energy regulator": (now, d) => ({
    urgency: "priority",
    requiresAcknowledgement: true,
    acknowledgeWithinHours: 48,
    expiresAt: new Date(now.getTime() + (14 - d) * 86_400_000).toISOString(),
  }),
  "Credential stuffing against customer portals": () => ({ urgency: "routine", requiresAcknowledgement: false }),
  "Fraudulent invoices from a fake logistics subcontractor": () => ({
    urgency: "routine",
    requiresAcknowledgement: true,
    acknowledgeWithinHours: 72,
  }),
  "Remote code execution in widely used VPN appliance": () => ({
    cveIds: ["CVE-2026-21001"],
    affectedProducts: [{ product: "SSL-VPN appliance", versions: "9.0–9.4" }],
    exploitation: "exploited-in-the-wild",
    mitigations: "Apply the fixed release; restrict the portal to known addresses.",
  }),
  "Default credentials in hospital infusion pump gateway": () => ({
    cveIds: [],
    affectedProducts: [{ product: "Infusion pump management gateway", versions: "all" }],
    exploitation: "none-known",
    mitigations: "Isolate the gateway network.",
  }),
  "Has anyone seen scanning of port 502 (Modbus) from new ranges?": (now, d) => ({
    dueAt: new Date(now.getTime() + (7 - d) * 86_400_000).toISOString(),
    answerersVisible: false,
  }),
  "Experience with post-quantum migration planning?": (now, d) => ({
    dueAt: new Date(now.getTime() - (d - 30) * 86_400_000).toISOString(),
    answerersVisible: true,
  }),
  "After-action report: cross-sector blackout exercise": (now, d) => ({
    scenario: "36-hour regional blackout in winter.",
    methodology: "table-top",
    heldOn: dayOf(now, d + 7),
    participants: ["Nordgrid Transmission", "Telenova", "Capital Water", "Metropolitan Hospitals"],
    afterActionReport: "Mobile networks degraded after 4 hours; water pressure dropped after 12 hours.",
  }),
  "Scenario for the autumn cyber exercise: cloud provider outage": (now) => ({
    scenario: "A major cloud provider region fails for 48 hours.",
    methodology: "table-top",
    heldOn: dayOf(now, -40),
    participants: [],
  }),
};

const DEFAULTS: Partial<Record<ItemKind, DetailsFor>> = {
  risk: () => ({ likelihood: 2, impact: 4 }),
  threat: () => ({ motivation: "unknown", confidence: "medium" }),
  "emerging-trend": () => ({ horizon: "one-to-three-years", confidence: "medium" }),
};

/** Valid details for a demo item (checked against its kind's schema). */
export function demoDetails(kind: string, title: string, now: Date, daysAgo: number): Record<string, unknown> {
  const raw = (BY_TITLE[title] ?? DEFAULTS[kind as ItemKind] ?? (() => ({})))(now, daysAgo);
  return KINDS[kind as ItemKind].details.parse(raw) as Record<string, unknown>;
}
