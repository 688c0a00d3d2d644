// The demo exchange: organisations, persons, groups and items a newcomer can explore.
import type { TlpLabel } from "../../shared/tlp.js";

/** The password of every demo account (the demo only; `npm start` has no default credentials). */
export const DEMO_PASSWORD = "roundtable-demo";

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: "public" | "private" | "academia";
  sectors: string[];
  domain: string;
  persons: { first: string; last: string; role?: "secretariat" | "chair"; seat?: "industry" | "public"; local?: string }[];
  secretariat?: boolean;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: "ncsc",
    name: "National Cyber Security Centre",
    kind: "public",
    sectors: ["government"],
    domain: "ncsc.example",
    secretariat: true,
    persons: [
      { first: "Sofia", last: "Lindqvist", role: "secretariat", local: "secretariat" },
      { first: "Tomas", last: "Berg", role: "secretariat" },
    ],
  },
  {
    key: "nordgrid",
    name: "Nordgrid Transmission",
    kind: "private",
    sectors: ["energy"],
    domain: "nordgrid.example",
    persons: [
      { first: "Erik", last: "Holm", role: "chair", seat: "industry", local: "chair.industry" },
      { first: "Anna", last: "Novak", local: "anna" },
      { first: "Jonas", last: "Meyer" },
    ],
  },
  {
    key: "sunvolt",
    name: "Sunvolt Energy",
    kind: "private",
    sectors: ["energy"],
    domain: "sunvolt.example",
    persons: [
      { first: "Lea", last: "Fischer" },
      { first: "Marco", last: "Rossi" },
    ],
  },
  {
    key: "energyreg",
    name: "National Energy Regulator",
    kind: "public",
    sectors: ["energy", "government"],
    domain: "energyreg.example",
    persons: [
      { first: "Ines", last: "Duarte" },
      { first: "Karl", last: "Weber" },
    ],
  },
  {
    key: "balticgas",
    name: "Baltic Gas Networks",
    kind: "private",
    sectors: ["energy"],
    domain: "balticgas.example",
    persons: [
      { first: "Liis", last: "Tamm" },
      { first: "Pavel", last: "Horak" },
    ],
  },
  {
    key: "telenova",
    name: "Telenova",
    kind: "private",
    sectors: ["telecom"],
    domain: "telenova.example",
    persons: [
      { first: "Ben", last: "Okafor", local: "ben" },
      { first: "Chloe", last: "Martin" },
      { first: "Dario", last: "Greco" },
    ],
  },
  {
    key: "skyline",
    name: "Skyline Mobile",
    kind: "private",
    sectors: ["telecom"],
    domain: "skyline.example",
    persons: [
      { first: "Hannah", last: "Schmidt" },
      { first: "Ivo", last: "Petrov" },
    ],
  },
  {
    key: "telecomauth",
    name: "Telecommunications Authority",
    kind: "public",
    sectors: ["telecom", "government"],
    domain: "telecomauth.example",
    persons: [
      { first: "Julia", last: "Kowalska" },
      { first: "Lars", last: "Nilsen" },
    ],
  },
  {
    key: "fibrenet",
    name: "FibreNet Backbone",
    kind: "private",
    sectors: ["telecom", "digital-infrastructure"],
    domain: "fibrenet.example",
    persons: [
      { first: "Mia", last: "Jensen" },
      { first: "Noah", last: "Dubois" },
    ],
  },
  {
    key: "unionbank",
    name: "Union Bank",
    kind: "private",
    sectors: ["finance"],
    domain: "unionbank.example",
    persons: [
      { first: "Olga", last: "Ivanova" },
      { first: "Peter", last: "Laine" },
      { first: "Rita", last: "Costa" },
    ],
  },
  {
    key: "centralbank",
    name: "Central Bank",
    kind: "public",
    sectors: ["finance", "government"],
    domain: "centralbank.example",
    persons: [
      { first: "Clara", last: "Vogel", role: "chair", seat: "public", local: "chair.public" },
      { first: "Samuel", last: "Adeyemi" },
    ],
  },
  {
    key: "clearpay",
    name: "ClearPay Payments",
    kind: "private",
    sectors: ["finance"],
    domain: "clearpay.example",
    persons: [
      { first: "Tara", last: "Quinn" },
      { first: "Umar", last: "Haddad" },
    ],
  },
  {
    key: "csd",
    name: "Securities Clearing House",
    kind: "private",
    sectors: ["finance"],
    domain: "csd.example",
    persons: [
      { first: "Vera", last: "Sokolova" },
      { first: "Willem", last: "de Vries" },
    ],
  },
  {
    key: "metrohospitals",
    name: "Metropolitan Hospitals",
    kind: "public",
    sectors: ["health"],
    domain: "metrohospitals.example",
    persons: [
      { first: "Xenia", last: "Papadaki" },
      { first: "Yusuf", last: "Demir" },
      { first: "Zoe", last: "Laurent" },
    ],
  },
  {
    key: "healthministry",
    name: "Ministry of Health",
    kind: "public",
    sectors: ["health", "government"],
    domain: "healthministry.example",
    persons: [
      { first: "Agnes", last: "Horvath" },
      { first: "Bruno", last: "Sousa" },
    ],
  },
  {
    key: "pharmalog",
    name: "PharmaLogistics",
    kind: "private",
    sectors: ["health", "transport"],
    domain: "pharmalog.example",
    persons: [
      { first: "Celine", last: "Moreau" },
      { first: "Daniel", last: "Kraus" },
    ],
  },
  {
    key: "capitalwater",
    name: "Capital Water",
    kind: "public",
    sectors: ["water"],
    domain: "capitalwater.example",
    persons: [
      { first: "Elena", last: "Popescu" },
      { first: "Finn", last: "Larsen" },
    ],
  },
  {
    key: "riverbasin",
    name: "RiverBasin Utilities",
    kind: "private",
    sectors: ["water"],
    domain: "riverbasin.example",
    persons: [
      { first: "Greta", last: "Olsen" },
      { first: "Hugo", last: "Lambert" },
    ],
  },
  {
    key: "railways",
    name: "National Railways",
    kind: "public",
    sectors: ["transport"],
    domain: "railways.example",
    persons: [
      { first: "Ida", last: "Svensson" },
      { first: "Jan", last: "Novotny" },
      { first: "Kira", last: "Bauer" },
    ],
  },
  {
    key: "harbour",
    name: "Harbour Authority",
    kind: "public",
    sectors: ["transport"],
    domain: "harbour.example",
    persons: [
      { first: "Luca", last: "Bianchi" },
      { first: "Maja", last: "Kovac" },
    ],
  },
  {
    key: "airnav",
    name: "AirNav Services",
    kind: "private",
    sectors: ["transport"],
    domain: "airnav.example",
    persons: [
      { first: "Nils", last: "Ekstrom" },
      { first: "Oona", last: "Virtanen" },
    ],
  },
  {
    key: "metrotransit",
    name: "Metro Transit",
    kind: "public",
    sectors: ["transport"],
    domain: "metrotransit.example",
    persons: [
      { first: "Pia", last: "Wagner" },
      { first: "Quentin", last: "Roux" },
    ],
  },
  {
    key: "tucert",
    name: "Technical University CERT Lab",
    kind: "academia",
    sectors: ["research", "digital-infrastructure"],
    domain: "tucert.example",
    persons: [
      { first: "Rosa", last: "Mendes" },
      { first: "Stefan", last: "Ilic" },
    ],
  },
  {
    key: "resilience",
    name: "Institute for Resilience Studies",
    kind: "academia",
    sectors: ["research"],
    domain: "resilience.example",
    persons: [
      { first: "Tilde", last: "Nyberg", local: "tilde" },
      { first: "Ugo", last: "Ferrari" },
    ],
  },
  {
    key: "crisiscentre",
    name: "Interior Ministry Crisis Centre",
    kind: "public",
    sectors: ["government"],
    domain: "crisiscentre.example",
    persons: [
      { first: "Viktor", last: "Kral" },
      { first: "Wanda", last: "Zielinska" },
    ],
  },
];

/** A demo item; the audience names organisations, groups and persons by key or e-mail. */
export interface DemoItem {
  kind: string;
  title: string;
  body: string;
  sectors: string[];
  tlp: TlpLabel;
  author: string;
  audience: { exchange?: boolean; organisations?: string[]; groups?: string[]; persons?: string[] };
  daysAgo: number;
  /** Posted anonymously: the originator is hidden from everyone outside its organisation. */
  anonymous?: boolean;
}

const md = (lines: string[]) => lines.join("\n\n");

export const DEMO_GROUPS = [
  {
    name: "Energy",
    description: "Electricity and gas operators, the regulator and the secretariat.",
    organisations: ["nordgrid", "sunvolt", "energyreg", "balticgas", "ncsc"],
  },
  {
    name: "Finance",
    description: "Banks, payments, clearing and the central bank.",
    organisations: ["unionbank", "centralbank", "clearpay", "csd", "ncsc"],
  },
  {
    name: "Crisis cell",
    description: "Convenes on major cross-sector incidents.",
    organisations: ["ncsc", "crisiscentre"],
    persons: ["chair.industry@nordgrid.example", "chair.public@centralbank.example", "ben@telenova.example"],
  },
];

export const DEMO_ITEMS: DemoItem[] = [
  {
    kind: "announcement",
    title: "Welcome to the exchange's new extranet",
    tlp: "TLP:CLEAR",
    author: "secretariat@ncsc.example",
    audience: { exchange: true },
    sectors: [],
    daysAgo: 30,
    body: md([
      "Roundtable replaces the mailing list and the shared drive.",
      "Every item carries a **TLP 2.0** label, and the platform enforces it: you only ever see what the label and the audience give you.",
      "Questions: the secretariat.",
    ]),
  },
  {
    kind: "announcement",
    title: "Plenary meeting in March hosted by National Railways",
    tlp: "TLP:CLEAR",
    author: "secretariat@ncsc.example",
    audience: { exchange: true },
    sectors: ["transport"],
    daysAgo: 21,
    body: md([
      "The spring plenary takes place at the National Railways operations centre.",
      "Agenda: administrative, operational and strategic parts. Proposals for agenda items to the secretariat by the end of the month.",
    ]),
  },
  {
    kind: "warning",
    title: "Phishing wave impersonating the energy regulator",
    tlp: "TLP:GREEN",
    author: "ines.duarte@energyreg.example",
    audience: { exchange: true },
    sectors: ["energy"],
    daysAgo: 2,
    body: md([
      "Since Monday several operators received e-mails pretending to come from the regulator, asking to 'validate grid capacity data' via a link.",
      "The sender domain is a look-alike. Block it and warn your staff.",
      "Acknowledge when your organisation has checked its mail logs.",
    ]),
  },
  {
    kind: "vulnerability",
    title: "Remote code execution in widely used VPN appliance",
    tlp: "TLP:GREEN",
    author: "rosa.mendes@tucert.example",
    audience: { exchange: true },
    sectors: ["digital-infrastructure", "telecom", "energy"],
    daysAgo: 4,
    body: md([
      "A pre-authentication flaw in the SSL-VPN portal of a common appliance allows remote code execution.",
      "**Mitigation:** apply the vendor's fixed release; until then restrict the portal to known addresses.",
      "Exploitation in the wild has been reported by two CERTs.",
    ]),
  },
  {
    kind: "threat",
    title: "Ransomware group targeting water utilities' OT networks",
    tlp: "TLP:AMBER",
    author: "elena.popescu@capitalwater.example",
    audience: { organisations: ["capitalwater", "riverbasin", "crisiscentre"] },
    sectors: ["water"],
    daysAgo: 6,
    body: md([
      "We observed reconnaissance against our SCADA jump hosts matching the tooling of a known ransomware affiliate.",
      "Indicators and firewall logs are available on request to the water operators.",
    ]),
  },
  {
    kind: "incident",
    title: "Outage of payment clearing for 47 minutes",
    tlp: "TLP:AMBER",
    author: "tara.quinn@clearpay.example",
    audience: { groups: ["Finance"] },
    sectors: ["finance"],
    daysAgo: 9,
    body: md([
      "On Tuesday our clearing platform was unavailable for 47 minutes after a failed certificate rotation.",
      "**Impact:** instant payments delayed; no data lost. Root cause: expired intermediate certificate on the load balancer.",
      "Lesson: monitor certificate chains, not only leaf certificates.",
    ]),
  },
  {
    kind: "incident",
    title: "DDoS against mobile core network signalling",
    tlp: "TLP:AMBER+STRICT",
    author: "ben@telenova.example",
    audience: { organisations: ["telenova", "skyline", "telecomauth"] },
    sectors: ["telecom"],
    daysAgo: 3,
    body: md([
      "A volumetric attack on our signalling gateways degraded roaming for about two hours.",
      "Traffic came from a botnet of compromised routers. Filtering at the upstream provider contained it.",
    ]),
  },
  {
    kind: "incident",
    title: "Substation protection relay anomaly under investigation",
    tlp: "TLP:RED",
    author: "anna@nordgrid.example",
    audience: { persons: ["chair.public@centralbank.example", "secretariat@ncsc.example"] },
    sectors: ["energy"],
    daysAgo: 1,
    body: md([
      "Unexplained configuration changes on two protection relays in one substation.",
      "Investigation ongoing with the vendor; not yet known if malicious. Do not share further.",
    ]),
  },
  {
    kind: "risk",
    title: "Dependency of hospitals on a single oxygen supplier",
    tlp: "TLP:AMBER",
    author: "xenia.papadaki@metrohospitals.example",
    audience: { organisations: ["metrohospitals", "healthministry", "pharmalog"] },
    sectors: ["health"],
    daysAgo: 12,
    body: md([
      "Three of our hospitals depend on one liquid-oxygen supplier whose plant relies on a single grid connection.",
      "Likelihood: low. Impact: very high. Proposal: a shared contingency contract.",
    ]),
  },
  {
    kind: "countermeasure",
    title: "Good practice: out-of-band communication during incidents",
    tlp: "TLP:CLEAR",
    author: "tilde@resilience.example",
    audience: { exchange: true },
    sectors: [],
    daysAgo: 15,
    body: md([
      "When e-mail and chat are compromised, crisis teams need another channel.",
      "Keep a printed call tree, satellite phones for the crisis cell, and an exercised fallback bridge.",
    ]),
  },
  {
    kind: "analysis-report",
    title: "Quarterly threat landscape for critical infrastructure",
    tlp: "TLP:GREEN",
    author: "secretariat@ncsc.example",
    audience: { exchange: true },
    sectors: ["energy", "telecom", "finance", "health", "water", "transport"],
    daysAgo: 20,
    body: md([
      "Ransomware remains the main threat to operators; edge devices are the main entry point.",
      "State-sponsored reconnaissance against energy and telecom increased.",
    ]),
  },
  {
    kind: "emerging-trend",
    title: "Attacks on satellite time synchronisation (GNSS spoofing)",
    tlp: "TLP:GREEN",
    author: "nils.ekstrom@airnav.example",
    audience: { exchange: true },
    sectors: ["transport", "telecom", "energy", "finance"],
    daysAgo: 8,
    body: md([
      "GNSS interference near borders is increasing.",
      "Telecom, energy and finance depend on GNSS timing; check holdover capability of your clocks.",
    ]),
  },
  {
    kind: "exercise",
    title: "After-action report: cross-sector blackout exercise",
    tlp: "TLP:AMBER",
    author: "viktor.kral@crisiscentre.example",
    audience: { exchange: true },
    sectors: ["energy", "telecom", "water", "health"],
    daysAgo: 40,
    body: md([
      "Scenario: 36-hour regional blackout in winter.",
      "Findings: mobile networks degraded after 4 hours when base-station batteries ran out; water pressure dropped after 12 hours.",
    ]),
  },
  {
    kind: "contingency-plan",
    title: "Rail traffic control fallback procedure",
    tlp: "TLP:AMBER+STRICT",
    author: "ida.svensson@railways.example",
    audience: { organisations: ["railways", "metrotransit"] },
    sectors: ["transport"],
    daysAgo: 25,
    body: md([
      "If the central traffic control system fails, regional control centres take over with manual block working.",
      "Switch-over within 20 minutes, tested twice a year.",
    ]),
  },
  {
    kind: "crisis-lesson",
    title: "Lessons from the harbour crane ransomware incident",
    tlp: "TLP:GREEN",
    author: "luca.bianchi@harbour.example",
    audience: { exchange: true },
    sectors: ["transport"],
    daysAgo: 50,
    body: md([
      "Segmentation between office IT and crane control would have limited the spread.",
      "Contact with customs and shipping lines early reduced the economic impact.",
    ]),
  },
  {
    kind: "rfi",
    title: "Has anyone seen scanning of port 502 (Modbus) from new ranges?",
    tlp: "TLP:GREEN",
    author: "greta.olsen@riverbasin.example",
    audience: { exchange: true },
    sectors: ["water", "energy"],
    daysAgo: 5,
    body: md([
      "Our IDS reports scanning of Modbus from address ranges we have not seen before.",
      "Anyone else? Please answer by Friday.",
    ]),
  },
  {
    kind: "threat",
    title: "Insider recruitment attempts via professional networks",
    tlp: "TLP:AMBER",
    author: "olga.ivanova@unionbank.example",
    audience: { groups: ["Finance"] },
    sectors: ["finance"],
    daysAgo: 11,
    anonymous: true,
    body: md([
      "Staff with privileged access were approached with offers to 'consult' on internal systems.",
      "HR and security awareness teams informed.",
    ]),
  },
  {
    kind: "incident",
    title: "Unauthorised access to a market-data feed",
    tlp: "TLP:RED",
    author: "vera.sokolova@csd.example",
    audience: { persons: ["olga.ivanova@unionbank.example", "chair.public@centralbank.example"] },
    sectors: ["finance"],
    daysAgo: 2,
    body: md([
      "We detected a stolen API key used against our market-data feed.",
      "Key revoked; scope being assessed with the regulator.",
    ]),
  },
  {
    kind: "warning",
    title: "Credential stuffing against customer portals",
    tlp: "TLP:GREEN",
    author: "peter.laine@unionbank.example",
    audience: { groups: ["Finance"] },
    sectors: ["finance"],
    daysAgo: 7,
    body: md([
      "A wave of credential stuffing hit several banks' customer portals.",
      "Enable rate limiting and bot detection; share source ranges in the finance group.",
    ]),
  },
  {
    kind: "vulnerability",
    title: "Default credentials in hospital infusion pump gateway",
    tlp: "TLP:AMBER",
    author: "yusuf.demir@metrohospitals.example",
    audience: { groups: ["Crisis cell"], organisations: ["healthministry"] },
    sectors: ["health"],
    daysAgo: 14,
    body: md([
      "The management gateway of a common infusion-pump fleet ships with default credentials that cannot be changed without a vendor visit.",
      "Network isolation is the only mitigation for now.",
    ]),
  },
  {
    kind: "analysis-report",
    title: "Interdependencies of payment systems on telecom networks",
    tlp: "TLP:GREEN",
    author: "samuel.adeyemi@centralbank.example",
    audience: { exchange: true },
    sectors: ["finance", "telecom"],
    daysAgo: 33,
    body: md([
      "Card payments fail within minutes of a mobile network outage at the point of sale.",
      "Recommendation: offline authorisation limits and diverse connectivity for critical merchants.",
    ]),
  },
  {
    kind: "announcement",
    title: "New working group on energy sector OT security",
    tlp: "TLP:GREEN",
    author: "chair.industry@nordgrid.example",
    audience: { exchange: true },
    sectors: ["energy"],
    daysAgo: 18,
    body: md([
      "The chairs propose an energy working group to agree baseline OT security measures.",
      "Join by telling the secretariat.",
    ]),
  },
  {
    kind: "threat",
    title: "Targeted spear-phishing of grid control room staff",
    tlp: "TLP:AMBER+STRICT",
    author: "jonas.meyer@nordgrid.example",
    audience: { groups: ["Energy"] },
    sectors: ["energy"],
    daysAgo: 5,
    body: md([
      "Control-room operators received tailored messages referencing real shift schedules.",
      "We suspect a leak of the roster; check yours.",
    ]),
  },
  {
    kind: "incident",
    title: "Water treatment chemical dosing alarm (false positive)",
    tlp: "TLP:CLEAR",
    author: "finn.larsen@capitalwater.example",
    audience: { exchange: true },
    sectors: ["water"],
    daysAgo: 17,
    body: md([
      "A dosing alarm triggered an emergency response; cause was a faulty sensor, not an attack.",
      "Shared so others recognise the pattern.",
    ]),
  },
  {
    kind: "countermeasure",
    title: "Hardening guide for substation remote access",
    tlp: "TLP:AMBER",
    author: "lea.fischer@sunvolt.example",
    audience: { groups: ["Energy"] },
    sectors: ["energy"],
    daysAgo: 22,
    body: md(["Remote vendor access only through a jump host with session recording, time-boxed accounts and hardware tokens."]),
  },
  {
    kind: "risk",
    title: "Single fibre route between two data centres",
    tlp: "TLP:AMBER+STRICT",
    author: "mia.jensen@fibrenet.example",
    audience: { organisations: ["fibrenet", "telenova", "skyline"] },
    sectors: ["telecom", "digital-infrastructure"],
    daysAgo: 28,
    body: md(["Both primary and backup paths share one bridge crossing. A second route is planned for next year."]),
  },
  {
    kind: "incident",
    title: "Railway signalling supplier compromised",
    tlp: "TLP:RED",
    author: "ida.svensson@railways.example",
    audience: { persons: ["pia.wagner@metrotransit.example", "secretariat@ncsc.example", "viktor.kral@crisiscentre.example"] },
    sectors: ["transport"],
    daysAgo: 1,
    body: md([
      "Our signalling supplier informed us under embargo of a compromise of its build environment.",
      "Do not contact the supplier directly; coordination through the crisis centre.",
    ]),
  },
  {
    kind: "warning",
    title: "Fraudulent invoices from a fake logistics subcontractor",
    tlp: "TLP:GREEN",
    author: "celine.moreau@pharmalog.example",
    audience: { exchange: true },
    sectors: ["health", "transport"],
    daysAgo: 10,
    body: md(["Invoices with altered bank details circulate using our name. Verify changes of payee by phone."]),
  },
  {
    kind: "exercise",
    title: "Scenario for the autumn cyber exercise: cloud provider outage",
    tlp: "TLP:GREEN",
    author: "tomas.berg@ncsc.example",
    audience: { exchange: true },
    sectors: [],
    daysAgo: 35,
    body: md([
      "A major cloud provider region fails for 48 hours. Which of your services keep running?",
      "Methodology: table-top, with injects per sector.",
    ]),
  },
  {
    kind: "rfi",
    title: "Experience with post-quantum migration planning?",
    tlp: "TLP:CLEAR",
    author: "stefan.ilic@tucert.example",
    audience: { exchange: true },
    sectors: ["research"],
    daysAgo: 45,
    body: md([
      "We are collecting experiences of operators who have inventoried their cryptography for a post-quantum migration.",
    ]),
  },
  {
    kind: "threat",
    title: "Drone overflights at harbour fuel terminals",
    tlp: "TLP:AMBER",
    author: "maja.kovac@harbour.example",
    audience: { organisations: ["harbour", "crisiscentre", "balticgas"] },
    sectors: ["transport", "energy"],
    daysAgo: 4,
    body: md(["Repeated night-time drone overflights of fuel terminals; police informed."]),
  },
  {
    kind: "incident",
    title: "Air traffic flight-plan system degradation",
    tlp: "TLP:AMBER",
    author: "oona.virtanen@airnav.example",
    audience: { exchange: true },
    sectors: ["transport"],
    daysAgo: 13,
    body: md([
      "Flight-plan processing slowed for three hours after a faulty update; capacity reduced by 30 %.",
      "No security cause found.",
    ]),
  },
  {
    kind: "emerging-trend",
    title: "AI-generated voice used in CEO fraud",
    tlp: "TLP:CLEAR",
    author: "rita.costa@unionbank.example",
    audience: { exchange: true },
    sectors: ["finance"],
    daysAgo: 16,
    body: md(["Several attempts used synthetic voices of executives to request urgent transfers. Use call-back procedures."]),
  },
  {
    kind: "risk",
    title: "Metro power supply depends on one substation",
    tlp: "TLP:RED",
    author: "quentin.roux@metrotransit.example",
    audience: { persons: ["anna@nordgrid.example", "ida.svensson@railways.example"] },
    sectors: ["transport", "energy"],
    daysAgo: 6,
    body: md([
      "The central metro section draws traction power from a single substation.",
      "Discussing a second feed with the grid operator.",
    ]),
  },
  {
    kind: "announcement",
    title: "Updated Terms of Reference adopted at the plenary",
    tlp: "TLP:CLEAR",
    author: "secretariat@ncsc.example",
    audience: { exchange: true },
    sectors: [],
    daysAgo: 60,
    body: md(["The plenary adopted version 1 of the Terms of Reference and the NDA. Please accept them in Roundtable."]),
  },
  {
    kind: "analysis-report",
    title: "Academic study: information sharing barriers in CIIP",
    tlp: "TLP:CLEAR",
    author: "ugo.ferrari@resilience.example",
    audience: { exchange: true },
    sectors: ["research"],
    daysAgo: 55,
    body: md([
      "Trust, unbalanced sharing and lack of visible value are the main barriers; a secretariat that nudges participation helps.",
    ]),
  },
];

/** Comments and RFI answers, under the item's label and audience. */
export const DEMO_COMMENTS = [
  {
    item: "Has anyone seen scanning of port 502 (Modbus) from new ranges?",
    author: "elena.popescu@capitalwater.example",
    hoursLater: 5,
    body: "Yes — same ranges on our SCADA perimeter since Tuesday. Blocked at the edge.",
  },
  {
    item: "Has anyone seen scanning of port 502 (Modbus) from new ranges?",
    author: "lea.fischer@sunvolt.example",
    hoursLater: 20,
    body: "Not seen here, but we added the ranges to our watch list.",
  },
  {
    item: "Outage of payment clearing for 47 minutes",
    author: "olga.ivanova@unionbank.example",
    hoursLater: 3,
    body: "Thanks — we are checking our own intermediate certificates now.",
  },
  {
    item: "Remote code execution in widely used VPN appliance",
    author: "ben@telenova.example",
    hoursLater: 10,
    body: "Patched overnight; the vendor's integrity checker found nothing.",
  },
];

/** Organisations that acknowledged a warning, by one of their persons. */
export const DEMO_ACKNOWLEDGEMENTS = [
  { item: "Phishing wave impersonating the energy regulator", by: "anna@nordgrid.example" },
  { item: "Phishing wave impersonating the energy regulator", by: "lea.fischer@sunvolt.example" },
  { item: "Phishing wave impersonating the energy regulator", by: "ben@telenova.example" },
];
