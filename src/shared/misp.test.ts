// MISP core JSON to STIX 2.1: mapping, labels, pattern escaping, refusals, and the never-looser property.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type MispConversion, mispLabel, mispToStix } from "./misp.js";
import { referencesOf, validateBundleEnvelope, validateStixObject } from "./stix-validate.js";
import { TLP_LABELS, TLP_MARKING_IDS, type TlpLabel, tlpRank } from "./tlp.js";

const NOW = new Date("2025-01-02T03:04:05.678Z");
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A deterministic UUIDv4 source: 00000000-0000-4000-8000-000000000001, …0002, … */
function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
}

function convert(input: unknown, extra: { defaultLabel?: TlpLabel } = {}): MispConversion {
  return mispToStix(input, { now: NOW, newId: counterIds(), ...extra });
}

function ok(result: MispConversion) {
  if (!result.ok) assert.fail(`expected a bundle, got issues: ${JSON.stringify(result.issues)}`);
  return result;
}

function issues(result: MispConversion) {
  if (result.ok) assert.fail("expected issues, got a bundle");
  return result.issues;
}

function byId(result: MispConversion, id: string): Record<string, unknown> {
  const object = ok(result).bundle.objects.find((o) => o.id === id);
  assert.ok(object, `no object ${id}`);
  return object;
}

function ofType(result: MispConversion, type: string): Record<string, unknown>[] {
  return ok(result).bundle.objects.filter((o) => o.type === type);
}

const mark = (label: TlpLabel) => [TLP_MARKING_IDS[label]];

const EVENT_UUID = "5f1e3c4a-9b2d-4c1e-8f3a-2d4b6c8e0a1f";
const ORG_UUID = "55f6ea5e-2c60-40e5-964f-47a8950d210f";
const SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const MD5 = "d41d8cd98f00b204e9800998ecf8427e";

/** An event as MISP's GET /events/view/ID returns it, written by hand. */
function realisticEvent() {
  return {
    Event: {
      id: "1234",
      orgc_id: "2",
      org_id: "1",
      uuid: EVENT_UUID,
      info: "Phishing campaign against energy operators",
      date: "2024-03-14",
      timestamp: "1710500000",
      publish_timestamp: "1710503600",
      published: true,
      distribution: "1",
      sharing_group_id: "0",
      threat_level_id: "2",
      analysis: "1",
      attribute_count: "7",
      proposal_email_lock: false,
      locked: false,
      disable_correlation: false,
      Org: { id: "1", name: "Roundtable Secretariat", uuid: "0e0b6a1c-7c1e-4a55-9d42-5b0f5e3f1a20" },
      Orgc: { id: "2", name: "CERT-Energy", uuid: ORG_UUID },
      Tag: [
        { id: "3", name: "tlp:amber", colour: "#FFC000", exportable: true },
        { id: "7", name: 'misp-galaxy:threat-actor="Sofacy"', colour: "#0088cc", exportable: true },
        { id: "9", name: "phishing", colour: "#ffffff", exportable: true },
      ],
      Attribute: [
        {
          id: "101",
          type: "ip-dst",
          category: "Network activity",
          to_ids: true,
          uuid: "a1d2c3b4-1111-4aaa-8bbb-000000000001",
          event_id: "1234",
          distribution: "5",
          timestamp: "1710400000",
          comment: "C2 server",
          sharing_group_id: "0",
          deleted: false,
          disable_correlation: false,
          object_id: "0",
          object_relation: null,
          first_seen: null,
          last_seen: null,
          value: "203.0.113.7",
          Tag: [],
        },
        {
          id: "102",
          type: "domain",
          category: "Network activity",
          to_ids: true,
          uuid: "a1d2c3b4-1111-4aaa-8bbb-000000000002",
          distribution: "5",
          timestamp: "1710410000",
          comment: "",
          deleted: false,
          first_seen: "2024-03-10T08:00:00.123456+00:00",
          last_seen: "2024-03-12T18:30:00.000000+00:00",
          value: "login-energy.example.com",
        },
        {
          id: "103",
          type: "sha256",
          category: "Payload delivery",
          to_ids: "1",
          uuid: "a1d2c3b4-1111-4aaa-8bbb-000000000003",
          distribution: "0",
          timestamp: "1710420000",
          comment: "Attachment",
          deleted: false,
          value: SHA256,
        },
        {
          id: "104",
          type: "comment",
          category: "Other",
          to_ids: false,
          uuid: "a1d2c3b4-1111-4aaa-8bbb-000000000004",
          distribution: "5",
          timestamp: "1710430000",
          comment: "",
          deleted: false,
          value: "Seen in spear-phishing mails to three operators",
        },
        {
          id: "105",
          type: "btc",
          category: "Financial fraud",
          to_ids: true,
          uuid: "a1d2c3b4-1111-4aaa-8bbb-000000000005",
          distribution: "5",
          timestamp: "1710430000",
          comment: "",
          deleted: false,
          value: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        },
      ],
      Object: [
        {
          id: "50",
          name: "file",
          "meta-category": "file",
          description: "File object describing a file with meta-information",
          template_uuid: "688c46fb-5edb-40a3-8273-1af7923e2215",
          template_version: "24",
          event_id: "1234",
          uuid: "b7e1c0de-2222-4ccc-9ddd-000000000050",
          timestamp: "1710420000",
          distribution: "5",
          sharing_group_id: "0",
          comment: "Dropper",
          deleted: false,
          first_seen: null,
          last_seen: null,
          ObjectReference: [],
          Attribute: [
            {
              id: "201",
              type: "md5",
              category: "Payload delivery",
              to_ids: true,
              uuid: "b7e1c0de-2222-4ccc-9ddd-000000000201",
              object_relation: "md5",
              distribution: "5",
              timestamp: "1710420000",
              value: MD5,
            },
            {
              id: "202",
              type: "filename",
              category: "Payload delivery",
              to_ids: false,
              uuid: "b7e1c0de-2222-4ccc-9ddd-000000000202",
              object_relation: "filename",
              distribution: "5",
              timestamp: "1710420000",
              value: "invoice.pdf.exe",
            },
          ],
        },
      ],
      Galaxy: [],
      RelatedEvent: [],
      ShadowAttribute: [],
    },
  };
}

/** An event with one to_ids IP attribute; `event` and `attribute` fields are merged in. */
function smallEvent(event: Record<string, unknown> = {}, attribute: Record<string, unknown> = {}) {
  return {
    Event: {
      uuid: EVENT_UUID,
      info: "Scanning",
      date: "2024-03-14",
      timestamp: "1710500000",
      Attribute: [
        {
          type: "ip-src",
          category: "Network activity",
          to_ids: true,
          uuid: "a1d2c3b4-1111-4aaa-8bbb-000000000001",
          timestamp: "1710400000",
          value: "198.51.100.23",
          ...attribute,
        },
      ],
      ...event,
    },
  };
}

const reportOf = (result: MispConversion) => ofType(result, "report")[0]!;
const indicatorOf = (result: MispConversion) => ofType(result, "indicator")[0]!;

/** The bundle, each of its objects and each of their references pass the strict STIX 2.1 checks. */
function assertValidStix(result: MispConversion) {
  const { bundle } = ok(result);
  assert.deepEqual(validateBundleEnvelope(bundle), []);
  const ids = new Set(bundle.objects.map((o) => o.id));
  for (const [i, object] of bundle.objects.entries()) {
    assert.deepEqual(validateStixObject(object, `objects[${i}]`), [], `${object.id} does not validate`);
    for (const { path, ref } of referencesOf(object, `objects[${i}]`))
      assert.ok(ids.has(ref), `${path}: ${ref} is not in the bundle`);
  }
}

describe("mispToStix: a realistic event", () => {
  const result = convert(realisticEvent());

  it("makes the report, the identity, four indicators and the two markings used", () => {
    const { bundle } = ok(result);
    assert.equal(bundle.type, "bundle");
    assert.match(bundle.id, /^bundle--/);
    assert.deepEqual(
      bundle.objects.map((o) => o.id),
      [
        TLP_MARKING_IDS["TLP:AMBER"],
        TLP_MARKING_IDS["TLP:AMBER+STRICT"],
        `identity--${ORG_UUID}`,
        "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000001",
        "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000002",
        "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000003",
        "indicator--b7e1c0de-2222-4ccc-9ddd-000000000050",
        `report--${EVENT_UUID}`,
      ],
    );
    assert.deepEqual(byId(result, TLP_MARKING_IDS["TLP:AMBER"]), {
      type: "marking-definition",
      spec_version: "2.1",
      id: TLP_MARKING_IDS["TLP:AMBER"],
      created: "2022-10-01T00:00:00.000Z",
      name: "TLP:AMBER",
      extensions: {
        "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": { extension_type: "property-extension", tlp_2_0: "amber" },
      },
    });
  });

  it("maps the event to a report", () => {
    assert.deepEqual(byId(result, `report--${EVENT_UUID}`), {
      type: "report",
      spec_version: "2.1",
      id: `report--${EVENT_UUID}`,
      created: "2024-03-14T00:00:00.000Z",
      modified: "2024-03-15T10:53:20.000Z",
      created_by_ref: `identity--${ORG_UUID}`,
      name: "Phishing campaign against energy operators",
      description: "Other/comment: Seen in spear-phishing mails to three operators",
      report_types: ["threat-report"],
      published: "2024-03-15T11:53:20.000Z",
      object_refs: [
        `identity--${ORG_UUID}`,
        "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000001",
        "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000002",
        "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000003",
        "indicator--b7e1c0de-2222-4ccc-9ddd-000000000050",
      ],
      labels: ['misp-galaxy:threat-actor="Sofacy"', "phishing"],
      object_marking_refs: mark("TLP:AMBER"),
    });
  });

  it("maps Orgc to an organization identity", () => {
    assert.deepEqual(byId(result, `identity--${ORG_UUID}`), {
      type: "identity",
      spec_version: "2.1",
      id: `identity--${ORG_UUID}`,
      created: "2024-03-14T00:00:00.000Z",
      modified: "2024-03-14T00:00:00.000Z",
      name: "CERT-Energy",
      identity_class: "organization",
      object_marking_refs: mark("TLP:AMBER"),
    });
  });

  it("maps to_ids attributes to indicators with exact patterns", () => {
    assert.deepEqual(byId(result, "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000001"), {
      type: "indicator",
      spec_version: "2.1",
      id: "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000001",
      created: "2024-03-14T07:06:40.000Z",
      modified: "2024-03-14T07:06:40.000Z",
      created_by_ref: `identity--${ORG_UUID}`,
      name: "ip-dst: 203.0.113.7",
      description: "C2 server",
      indicator_types: ["malicious-activity"],
      pattern: "[ipv4-addr:value = '203.0.113.7']",
      pattern_type: "stix",
      pattern_version: "2.1",
      valid_from: "2024-03-14T07:06:40.000Z",
      object_marking_refs: mark("TLP:AMBER"),
    });
    const domain = byId(result, "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000002");
    assert.equal(domain.pattern, "[domain-name:value = 'login-energy.example.com']");
    assert.equal(domain.valid_from, "2024-03-10T08:00:00.123Z");
    assert.equal(domain.valid_until, "2024-03-12T18:30:00.000Z");
    assert.equal(domain.description, undefined, "an empty comment gives no description");
    const hash = byId(result, "indicator--a1d2c3b4-1111-4aaa-8bbb-000000000003");
    assert.equal(hash.pattern, `[file:hashes.'SHA-256' = '${SHA256}']`);
    assert.equal(hash.name, `sha256: ${SHA256}`);
    // distribution 0 (your organisation only) is stricter than the event's amber
    assert.deepEqual(hash.object_marking_refs, mark("TLP:AMBER+STRICT"));
  });

  it("maps the file object to one indicator, its same-SCO comparisons AND-joined", () => {
    const file = byId(result, "indicator--b7e1c0de-2222-4ccc-9ddd-000000000050");
    assert.equal(file.name, "file");
    assert.equal(file.description, "Dropper");
    assert.equal(file.pattern, `[file:hashes.MD5 = '${MD5}' AND file:name = 'invoice.pdf.exe']`);
    assert.equal(file.created, "2024-03-14T12:40:00.000Z");
    assert.deepEqual(file.object_marking_refs, mark("TLP:AMBER"));
  });

  it("skips the type without a pattern, not an error", () => {
    assert.deepEqual(ok(result).skipped, [{ path: "Event.Attribute[4]", reason: "attribute type btc has no STIX pattern" }]);
  });

  it("produces objects the strict STIX validator accepts, every reference inside the bundle", () => {
    assertValidStix(result);
  });

  it("is deterministic", () => {
    assert.deepEqual(convert(realisticEvent()), result);
  });
});

describe("mispToStix: event shapes", () => {
  it("accepts the bare event and the response list with several events", () => {
    const bare = ok(convert(smallEvent({ distribution: 3 }).Event));
    assert.equal(bare.bundle.objects.filter((o) => o.type === "report").length, 1);

    const second = smallEvent(
      { uuid: "6a2f4d5b-0c3e-4d2f-9a4b-3e5c7d9f1b20", info: "Second", Tag: [{ name: "tlp:green" }] },
      { uuid: "c0ffee00-0000-4000-8000-000000000002" },
    );
    const both = convert({ response: [smallEvent({ distribution: 3 }), second] });
    assert.deepEqual(
      ofType(both, "report").map((r) => [r.id, r.object_marking_refs]),
      [
        [`report--${EVENT_UUID}`, mark("TLP:CLEAR")],
        ["report--6a2f4d5b-0c3e-4d2f-9a4b-3e5c7d9f1b20", mark("TLP:GREEN")],
      ],
    );
    assert.deepEqual(
      ofType(both, "marking-definition").map((m) => m.name),
      ["TLP:CLEAR", "TLP:GREEN"],
    );
  });

  it("shares one identity between events of the same Orgc, marked with the loosest", () => {
    const orgc = { name: "CERT-Energy", uuid: ORG_UUID };
    const result = convert({
      response: [
        smallEvent({ Orgc: orgc, distribution: 0 }),
        smallEvent({ Orgc: orgc, uuid: "6a2f4d5b-0c3e-4d2f-9a4b-3e5c7d9f1b20", distribution: 2 }, { uuid: undefined }),
      ],
    });
    const identities = ofType(result, "identity");
    assert.equal(identities.length, 1);
    assert.deepEqual(identities[0]!.object_marking_refs, mark("TLP:GREEN"));
    for (const r of ofType(result, "report")) assert.equal(r.created_by_ref, `identity--${ORG_UUID}`);
  });

  it("uses newId for uuids that are not RFC 4122 and for repeated ones", () => {
    const result = ok(
      convert(
        smallEvent(
          { uuid: "not-a-uuid", Orgc: { name: "X", uuid: "55f6ea5e-2c60-00e5-964f-47a8950d210f" }, distribution: 3 },
          { uuid: "12345" },
        ),
      ),
    );
    for (const o of result.bundle.objects) {
      if (o.type === "marking-definition") continue;
      assert.match(String(o.id).split("--")[1]!, UUID_V4);
      assert.ok(String(o.id).startsWith("00000000-", String(o.type).length + 2), `${o.id} comes from newId`);
    }
    const repeated = convert(
      smallEvent({ distribution: 3, Attribute: [smallEvent().Event.Attribute[0], smallEvent().Event.Attribute[0]] }),
    );
    const ids = ofType(repeated, "indicator").map((i) => i.id);
    assert.equal(new Set(ids).size, 2);
  });

  it("dates: published from publish_timestamp or date, modified never before created, now as last resort", () => {
    const unpublished = reportOf(convert(smallEvent({ distribution: 3, publish_timestamp: "0" })));
    assert.equal(unpublished.published, "2024-03-14T00:00:00.000Z");
    const older = reportOf(convert(smallEvent({ distribution: 3, timestamp: 1709280000 })));
    assert.equal(older.created, "2024-03-14T00:00:00.000Z");
    assert.equal(older.modified, "2024-03-14T00:00:00.000Z");
    const onlyTimestamp = reportOf(convert(smallEvent({ distribution: 3, date: undefined, timestamp: 1709280000 })));
    assert.equal(onlyTimestamp.created, "2024-03-01T08:00:00.000Z");
    const none = convert(smallEvent({ distribution: 3, date: undefined, timestamp: undefined }, { timestamp: undefined }));
    assert.equal(reportOf(none).created, NOW.toISOString());
    assert.equal(reportOf(none).published, NOW.toISOString());
    assert.equal(indicatorOf(none).valid_from, NOW.toISOString());
  });

  it("puts to_ids=false attributes in the description, and objects without to_ids too", () => {
    const result = convert(
      smallEvent({
        distribution: 3,
        Object: [
          {
            name: "person",
            uuid: "b7e1c0de-2222-4ccc-9ddd-000000000099",
            Attribute: [{ type: "text", object_relation: "role", value: "Spokesperson", to_ids: false }],
          },
        ],
        Attribute: [
          smallEvent().Event.Attribute[0],
          { type: "text", category: "Other", value: "Scanner run from a hosting provider", to_ids: "0", comment: "low" },
          { type: "ip-dst", category: "Network activity", value: "not an ip, but not an indicator either", to_ids: false },
        ],
      }),
    );
    assert.equal(
      reportOf(result).description,
      [
        "Other/text: Scanner run from a hosting provider (low)",
        "Network activity/ip-dst: not an ip, but not an indicator either",
        "person/role: Spokesperson",
      ].join("\n"),
    );
    assert.equal(ofType(result, "indicator").length, 1);
  });

  it("does not copy text stricter than the event into the report description", () => {
    const result = ok(
      convert(
        smallEvent({
          distribution: 3,
          Attribute: [smallEvent().Event.Attribute[0], { type: "text", value: "internal note", distribution: 0 }],
        }),
      ),
    );
    assert.equal(reportOf(result).description, undefined);
    assert.deepEqual(result.skipped, [
      {
        path: "Event.Attribute[1]",
        reason: "TLP:AMBER+STRICT is stricter than the event's TLP:CLEAR: not copied into the report description",
      },
    ]);
  });

  it("skips deleted attributes", () => {
    const result = ok(
      convert(
        smallEvent({
          distribution: 3,
          Attribute: [smallEvent().Event.Attribute[0], { type: "ip-dst", value: "bad", to_ids: true, deleted: true }],
        }),
      ),
    );
    assert.deepEqual(result.skipped, [{ path: "Event.Attribute[1]", reason: "the attribute is deleted" }]);
  });

  it("reads tags in the EventTag/AttributeTag form too", () => {
    const result = convert(
      smallEvent({ EventTag: [{ Tag: { name: "tlp:green" } }] }, { AttributeTag: [{ Tag: { name: "tlp:red" } }] }),
    );
    assert.deepEqual(reportOf(result).object_marking_refs, mark("TLP:GREEN"));
    assert.deepEqual(indicatorOf(result).object_marking_refs, mark("TLP:RED"));
  });

  it("keeps at most 50 distinct non-TLP tags as report labels", () => {
    const tags = [{ name: "tlp:clear" }, { name: "  " }, ...Array.from({ length: 60 }, (_, i) => ({ name: `t${i % 55}` }))];
    const labels = reportOf(convert(smallEvent({ Tag: tags }))).labels as string[];
    assert.equal(labels.length, 50);
    assert.equal(new Set(labels).size, 50);
    assert.ok(!labels.includes("tlp:clear"));
  });
});

describe("mispToStix: patterns", () => {
  const patternOf = (type: string, value: string) => {
    const result = convert(smallEvent({ distribution: 3 }, { type, value }));
    assertValidStix(result);
    return indicatorOf(result).pattern;
  };

  it("escapes quotes and backslashes per STIX patterning", () => {
    assert.equal(patternOf("filename", "it's a \\ test.exe"), "[file:name = 'it\\'s a \\\\ test.exe']");
    assert.equal(
      patternOf("regkey", "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"),
      "[windows-registry-key:key = 'HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run']",
    );
    assert.equal(patternOf("url", "http://x.example/?q='a'"), "[url:value = 'http://x.example/?q=\\'a\\'']");
  });

  it("maps each supported type", () => {
    const cases: [string, string, string][] = [
      ["ip-src", "198.51.100.0/24", "[ipv4-addr:value = '198.51.100.0/24']"],
      ["ip-dst", "2001:db8::1", "[ipv6-addr:value = '2001:db8::1']"],
      ["ip-dst", "2001:db8::/32", "[ipv6-addr:value = '2001:db8::/32']"],
      ["ip-dst", "::ffff:192.0.2.1", "[ipv6-addr:value = '::ffff:192.0.2.1']"],
      ["hostname", "mail.example.org", "[domain-name:value = 'mail.example.org']"],
      ["uri", "/wp-admin/x.php", "[url:value = '/wp-admin/x.php']"],
      ["email-src", "ceo@example.org", "[email-addr:value = 'ceo@example.org']"],
      ["email-dst", "ops@example.org", "[email-addr:value = 'ops@example.org']"],
      ["email", "a.b@example.org", "[email-addr:value = 'a.b@example.org']"],
      ["email-subject", "Invoice 42", "[email-message:subject = 'Invoice 42']"],
      ["md5", MD5, `[file:hashes.MD5 = '${MD5}']`],
      ["sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']"],
      ["sha512", "a".repeat(128), `[file:hashes.'SHA-512' = '${"a".repeat(128)}']`],
      ["filename|md5", `a|b.exe|${MD5}`, `[file:name = 'a|b.exe' AND file:hashes.MD5 = '${MD5}']`],
      ["filename|sha256", `x.doc|${SHA256}`, `[file:name = 'x.doc' AND file:hashes.'SHA-256' = '${SHA256}']`],
      [
        "ip-dst|port",
        "203.0.113.7|8443",
        "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.7' AND network-traffic:dst_port = 8443]",
      ],
      [
        "ip-src|port",
        "2001:db8::2|53",
        "[network-traffic:src_ref.type = 'ipv6-addr' AND network-traffic:src_ref.value = '2001:db8::2' AND network-traffic:src_port = 53]",
      ],
      [
        "domain|ip",
        "circl.example|149.13.33.14",
        "[domain-name:value = 'circl.example' AND domain-name:resolves_to_refs[*].value = '149.13.33.14']",
      ],
      ["mutex", "Global\\xyz", "[mutex:name = 'Global\\\\xyz']"],
      [
        "regkey|value",
        "HKCU\\Run|evil.exe",
        "[windows-registry-key:key = 'HKCU\\\\Run' AND windows-registry-key:values[*].data = 'evil.exe']",
      ],
      ["AS", "AS64496", "[autonomous-system:number = 64496]"],
      ["AS", "174", "[autonomous-system:number = 174]"],
      ["mac-address", "00-1A-2B-3C-4D-5E", "[mac-addr:value = '00:1a:2b:3c:4d:5e']"],
    ];
    for (const [type, value, pattern] of cases) assert.equal(patternOf(type, value), pattern, `${type} ${value}`);
  });

  it("OR-joins the observations of an object that describes several SCO types", () => {
    const result = convert(
      smallEvent({
        distribution: 3,
        Attribute: [],
        Object: [
          {
            name: "domain-ip",
            uuid: "b7e1c0de-2222-4ccc-9ddd-000000000060",
            Attribute: [
              { type: "domain", object_relation: "domain", value: "bad.example", to_ids: true },
              { type: "ip-dst", object_relation: "ip", value: "192.0.2.10", to_ids: true },
              { type: "ip-dst", object_relation: "ip", value: "192.0.2.11", to_ids: true },
              { type: "text", object_relation: "text", value: "free text", to_ids: false },
            ],
          },
        ],
      }),
    );
    assert.equal(
      indicatorOf(result).pattern,
      "[domain-name:value = 'bad.example'] OR [ipv4-addr:value = '192.0.2.10'] OR [ipv4-addr:value = '192.0.2.11']",
    );
    assert.equal(indicatorOf(result).id, "indicator--b7e1c0de-2222-4ccc-9ddd-000000000060");
    assert.deepEqual(ok(result).skipped, [
      { path: "Event.Object[0].Attribute[3]", reason: "attribute type text has no STIX pattern" },
    ]);
  });

  it("marks an object indicator as strict as the strictest attribute in its pattern", () => {
    const result = convert(
      smallEvent({
        distribution: 2,
        Attribute: [],
        Object: [
          {
            name: "file",
            distribution: 1,
            Attribute: [
              { type: "md5", value: MD5, to_ids: true, distribution: 5 },
              { type: "filename", value: "a.exe", to_ids: false, Tag: [{ name: "tlp:red" }] },
            ],
          },
        ],
      }),
    );
    assert.deepEqual(indicatorOf(result).object_marking_refs, mark("TLP:RED"));
  });

  it("rejects values that do not fit their type", () => {
    const bad: [string, string][] = [
      ["ip-dst", "256.1.1.1"],
      ["ip-dst", "10.0.0.01"],
      ["ip-src", "1.2.3.4/33"],
      ["ip-dst", "2001:db8:::1"],
      ["ip-dst", "1:2:3:4:5:6:7:8:9"],
      ["domain", "localhost"],
      ["domain", "-bad-.example"],
      ["hostname", "a b.example"],
      ["md5", "xyz"],
      ["sha1", MD5],
      ["sha256", `${SHA256}0`],
      ["filename|md5", "a.exe"],
      ["ip-dst|port", "1.2.3.4|70000"],
      ["ip-dst|port", "1.2.3.4/24|80"],
      ["domain|ip", "example.org|nope"],
      ["email-src", "no-at.example.org"],
      ["AS", "AS99999999999"],
      ["mac-address", "00:1a:2b:3c:4d"],
    ];
    for (const [type, value] of bad) {
      const found = issues(convert(smallEvent({ distribution: 3 }, { type, value })));
      assert.deepEqual(
        found.map((i) => i.path),
        ["Event.Attribute[0].value"],
        `${type} ${value}`,
      );
      assert.match(found[0]!.message, new RegExp(`\\(type ${type.replace(/\|/g, "\\|")}\\)$`));
    }
  });
});

describe("labels", () => {
  it("mispLabel: tags and distribution, the stricter wins", () => {
    assert.equal(mispLabel(["tlp:green"], 3), "TLP:GREEN");
    assert.equal(mispLabel(["tlp:clear"], 0), "TLP:AMBER+STRICT");
    assert.equal(mispLabel(["tlp:red"], 0), "TLP:RED");
    assert.equal(mispLabel(["TLP:WHITE"], undefined), "TLP:CLEAR");
    assert.equal(mispLabel(["tlp:white"], 2), "TLP:GREEN");
    assert.equal(mispLabel(["tlp:amber", "tlp:red", "tlp:green"], undefined), "TLP:RED");
    assert.equal(mispLabel(["Tlp:Amber+Strict"], 1), "TLP:AMBER+STRICT");
    assert.equal(mispLabel([], 0), "TLP:AMBER+STRICT");
    assert.equal(mispLabel([], 1), "TLP:AMBER");
    assert.equal(mispLabel([], 2), "TLP:GREEN");
    assert.equal(mispLabel([], 3), "TLP:CLEAR");
    assert.equal(mispLabel([], 4), "TLP:AMBER");
    assert.equal(mispLabel([], 5), null, "inherit says nothing of its own");
    assert.equal(mispLabel([], undefined), null);
    assert.equal(mispLabel(["tlp:ex:chr", "misp-galaxy:tlp=red", "phishing"], undefined), null);
  });

  it("event: a tag and a distribution, the stricter wins", () => {
    assert.deepEqual(
      reportOf(convert(smallEvent({ Tag: [{ name: "tlp:green" }], distribution: "0" }))).object_marking_refs,
      mark("TLP:AMBER+STRICT"),
    );
    assert.deepEqual(
      reportOf(convert(smallEvent({ Tag: [{ name: "tlp:red" }], distribution: 3 }))).object_marking_refs,
      mark("TLP:RED"),
    );
    assert.deepEqual(reportOf(convert(smallEvent({ Tag: [{ name: "tlp:white" }] }))).object_marking_refs, mark("TLP:CLEAR"));
  });

  it("an attribute is never looser than its event; distribution 5 inherits", () => {
    const event = { Tag: [{ name: "tlp:amber" }] };
    assert.deepEqual(
      indicatorOf(convert(smallEvent(event, { Tag: [{ name: "tlp:clear" }] }))).object_marking_refs,
      mark("TLP:AMBER"),
    );
    assert.deepEqual(indicatorOf(convert(smallEvent(event, { distribution: 3 }))).object_marking_refs, mark("TLP:AMBER"));
    assert.deepEqual(indicatorOf(convert(smallEvent(event, { distribution: 5 }))).object_marking_refs, mark("TLP:AMBER"));
    assert.deepEqual(indicatorOf(convert(smallEvent(event, { distribution: 0 }))).object_marking_refs, mark("TLP:AMBER+STRICT"));
    assert.deepEqual(
      indicatorOf(convert(smallEvent(event, { Tag: [{ name: "tlp:red" }] }))).object_marking_refs,
      mark("TLP:RED"),
    );
  });

  it("no label from MISP: refused, Roundtable never guesses", () => {
    const found = issues(convert(smallEvent()));
    assert.equal(found.length, 1);
    assert.equal(found[0]!.path, "Event");
    assert.match(found[0]!.message, /no TLP label/);
    assert.match(found[0]!.message, /never guesses/);
  });

  it("defaultLabel is used only when the event has neither a tlp tag nor a distribution", () => {
    assert.deepEqual(reportOf(convert(smallEvent(), { defaultLabel: "TLP:GREEN" })).object_marking_refs, mark("TLP:GREEN"));
    assert.deepEqual(
      reportOf(convert(smallEvent({ Tag: [{ name: "tlp:clear" }] }), { defaultLabel: "TLP:RED" })).object_marking_refs,
      mark("TLP:CLEAR"),
    );
    assert.deepEqual(
      reportOf(convert(smallEvent({ distribution: 2 }), { defaultLabel: "TLP:RED" })).object_marking_refs,
      mark("TLP:GREEN"),
    );
    // an attribute under a defaulted event is still never looser than it
    assert.deepEqual(
      indicatorOf(convert(smallEvent({}, { distribution: 3 }), { defaultLabel: "TLP:AMBER" })).object_marking_refs,
      mark("TLP:AMBER"),
    );
  });

  it("property: the attribute label is the stricter of its own and the event's, never looser than the event", () => {
    const tag = fc.constantFrom(
      "tlp:white",
      "tlp:clear",
      "TLP:GREEN",
      "tlp:amber",
      "tlp:amber+strict",
      "tlp:red",
      "tlp:ex:chr",
      "ransomware",
    );
    const arbitrary = fc.record({
      eventTags: fc.array(tag, { maxLength: 3 }),
      eventDistribution: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      attributeTags: fc.array(tag, { maxLength: 3 }),
      attributeDistribution: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      defaultLabel: fc.constantFrom(...TLP_LABELS),
      asString: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitrary, (c) => {
        const wire = (d: number | undefined) => (d === undefined ? undefined : c.asString ? String(d) : d);
        const result = convert(
          smallEvent(
            { Tag: c.eventTags.map((name) => ({ name })), distribution: wire(c.eventDistribution) },
            { Tag: c.attributeTags.map((name) => ({ name })), distribution: wire(c.attributeDistribution) },
          ),
          { defaultLabel: c.defaultLabel },
        );
        const eventLabel = mispLabel(c.eventTags, c.eventDistribution) ?? c.defaultLabel;
        const attributeOwn = mispLabel(c.attributeTags, c.attributeDistribution);
        const expected = attributeOwn !== null && tlpRank(attributeOwn) > tlpRank(eventLabel) ? attributeOwn : eventLabel;
        const got = indicatorOf(result).object_marking_refs as string[];
        assert.deepEqual(reportOf(result).object_marking_refs, mark(eventLabel));
        assert.deepEqual(got, mark(expected));
        const gotLabel = TLP_LABELS.find((l) => TLP_MARKING_IDS[l] === got[0])!;
        assert.ok(tlpRank(gotLabel) >= tlpRank(eventLabel));
        assertValidStix(result);
      }),
      { numRuns: 300 },
    );
  });
});

describe("mispToStix: bad input", () => {
  it("refuses what is not a MISP event, without throwing", () => {
    for (const input of [null, undefined, "event", 42, [], [{ Event: {} }], { foo: 1 }]) {
      assert.deepEqual(
        issues(convert(input)).map((i) => i.path),
        ["(root)"],
        JSON.stringify(input),
      );
    }
    assert.deepEqual(issues(convert({ Event: "x" })), [{ path: "Event", message: "must be an object" }]);
    assert.deepEqual(
      issues(convert({ response: [] })).map((i) => i.path),
      ["response"],
    );
    assert.deepEqual(
      issues(convert({ response: [smallEvent({ distribution: 3 }), { event: {} }, 7] })).map((i) => i.path),
      ["response[1].Event", "response[2]"],
    );
  });

  it("lists every issue with its path", () => {
    const result = convert({
      Event: {
        uuid: EVENT_UUID,
        info: "   ",
        date: "2024-02-30",
        timestamp: "yesterday",
        publish_timestamp: -5,
        distribution: "x",
        Orgc: { uuid: ORG_UUID },
        Tag: [{ colour: "#fff" }],
        Attribute: [
          { value: "198.51.100.1", to_ids: true },
          { type: "ip-dst", to_ids: true },
          { type: "ip-dst", value: "999.1.1.1", to_ids: true },
          { type: "ip-dst", value: "198.51.100.2", to_ids: true, distribution: 9 },
          { type: "domain", value: "example.org", to_ids: "maybe", first_seen: "last tuesday" },
          "not an attribute",
        ],
        Object: [{ Attribute: [] }, { name: "file", Attribute: {} }],
      },
    });
    assert.deepEqual(
      issues(result).map((i) => i.path),
      [
        "Event.info",
        "Event.date",
        "Event.timestamp",
        "Event.publish_timestamp",
        "Event.distribution",
        "Event.Tag[0]",
        "Event.Orgc.name",
        "Event.Attribute[0].type",
        "Event.Attribute[1].value",
        "Event.Attribute[3].distribution",
        "Event.Attribute[4].to_ids",
        "Event.Attribute[4].first_seen",
        "Event.Attribute[5]",
        "Event.Object[0].name",
        "Event.Object[1].Attribute",
        "Event.Attribute[2].value",
      ],
    );
    const messages = new Map(issues(result).map((i) => [i.path, i.message]));
    assert.match(messages.get("Event.distribution")!, /unknown MISP distribution "x"/);
    assert.match(messages.get("Event.Attribute[3].distribution")!, /unknown MISP distribution 9/);
    assert.match(messages.get("Event.Attribute[2].value")!, /not an IPv4 or IPv6 address/);
  });

  it("distribution 5 (inherit) is not valid on an event", () => {
    assert.deepEqual(
      issues(convert(smallEvent({ distribution: "5" }))).map((i) => i.path),
      ["Event.distribution"],
    );
  });

  it("Attribute that is not an array, and an event with no attributes", () => {
    assert.deepEqual(issues(convert(smallEvent({ distribution: 3, Attribute: "x" }))), [
      { path: "Event.Attribute", message: "must be an array of attributes" },
    ]);
    assert.deepEqual(issues(convert(smallEvent({ distribution: 3, Attribute: [] }))), [
      { path: "Event", message: "the event has no attributes" },
    ]);
    assert.deepEqual(issues(convert(smallEvent({ distribution: 3, Attribute: undefined, Object: [{ name: "file" }] }))), [
      { path: "Event", message: "the event has no attributes" },
    ]);
  });

  it("an event whose report would refer to nothing is refused", () => {
    const found = issues(convert(smallEvent({ distribution: 3 }, { type: "btc", value: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT" })));
    assert.deepEqual(
      found.map((i) => i.path),
      ["Event"],
    );
    assert.match(found[0]!.message, /nothing for its report to refer to/);
  });

  it("never throws on random JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = convert({ Event: value });
        assert.equal(typeof result.ok, "boolean");
      }),
      { numRuns: 300 },
    );
  });
});

describe("mispToStix: every bundle validates as strict STIX 2.1", () => {
  it("the bundles of the examples above", () => {
    for (const result of [
      convert(realisticEvent()),
      convert({
        response: [
          smallEvent({ distribution: 3 }),
          smallEvent({ uuid: "6a2f4d5b-0c3e-4d2f-9a4b-3e5c7d9f1b20", distribution: 0 }, { uuid: undefined }),
        ],
      }),
      convert(smallEvent({ distribution: 3, date: undefined, timestamp: undefined }, { timestamp: undefined })),
    ]) {
      assertValidStix(result);
    }
  });
});
