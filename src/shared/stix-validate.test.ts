// Strict STIX 2.1 validation: the specification's own examples pass, the official TLP 2.0 markings pass,
// and each rule fails at the exact path of the offending property.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { TLP_2_EXTENSION_ID, tlpMarkingDefinition } from "./stix.js";
import {
  isStixId,
  isStixMillisecondTimestamp,
  isStixTimestamp,
  referencesOf,
  type StixIssue,
  validateBundleEnvelope,
  validateStixObject,
} from "./stix-validate.js";
import { TLP_LABELS } from "./tlp.js";

type Obj = Record<string, unknown>;

// Examples from the STIX 2.1 specification (written out here), plus a few of our own for types the spec shows
// no example of. Each entry lists the properties the type requires.
const EXAMPLES: Record<string, { object: Obj; required: string[] }> = {
  indicator: {
    object: {
      type: "indicator",
      spec_version: "2.1",
      id: "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
      created_by_ref: "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
      created: "2016-04-06T20:03:48.000Z",
      modified: "2016-04-06T20:03:48.000Z",
      indicator_types: ["malicious-activity"],
      name: "Poison Ivy Malware",
      description: "This file is part of Poison Ivy",
      pattern: "[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
      pattern_type: "stix",
      valid_from: "2016-01-01T00:00:00Z",
    },
    required: ["type", "spec_version", "id", "created", "modified", "pattern", "pattern_type", "valid_from"],
  },
  report: {
    object: {
      type: "report",
      spec_version: "2.1",
      id: "report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
      created_by_ref: "identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283",
      created: "2015-12-21T19:59:11.000Z",
      modified: "2015-12-21T19:59:11.000Z",
      name: "The Black Vine Cyberespionage Group",
      description: "A simple report with an indicator and campaign",
      published: "2016-01-20T17:00:00.000Z",
      report_types: ["campaign"],
      object_refs: [
        "indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2",
        "campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c",
        "relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a",
      ],
    },
    required: ["type", "spec_version", "id", "created", "modified", "name", "published", "object_refs"],
  },
  note: {
    object: {
      type: "note",
      spec_version: "2.1",
      id: "note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
      created: "2016-05-12T08:17:27.000Z",
      modified: "2016-05-12T08:17:27.000Z",
      external_references: [{ source_name: "job-tracker", external_id: "job-id-1234" }],
      abstract: "Tracking Team Note#1",
      content: "This note indicates the various steps taken by the threat analyst team to investigate this specific campaign.",
      authors: ["John Doe"],
      object_refs: ["campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"],
    },
    required: ["type", "spec_version", "id", "created", "modified", "content", "object_refs"],
  },
  opinion: {
    object: {
      type: "opinion",
      spec_version: "2.1",
      id: "opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7",
      created_by_ref: "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
      created: "2016-05-12T08:17:27.000Z",
      modified: "2016-05-12T08:17:27.000Z",
      object_refs: ["relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471"],
      opinion: "strongly-disagree",
      explanation: "This doesn't seem like it is feasible.",
    },
    required: ["type", "spec_version", "id", "created", "modified", "opinion", "object_refs"],
  },
  grouping: {
    object: {
      type: "grouping",
      spec_version: "2.1",
      id: "grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
      created_by_ref: "identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283",
      created: "2015-12-21T19:59:11.000Z",
      modified: "2015-12-21T19:59:11.000Z",
      name: "The Black Vine Cyberespionage Group",
      description: "A simple collection of Black Vine Cyberespionage Group attributed intel",
      context: "suspicious-activity",
      object_refs: [
        "indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2",
        "campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c",
        "relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a",
        "file--0203b5c8-f8b6-4ddb-9ad0-527d727f968b",
      ],
    },
    required: ["type", "spec_version", "id", "created", "modified", "context", "object_refs"],
  },
  relationship: {
    object: {
      type: "relationship",
      spec_version: "2.1",
      id: "relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e",
      created: "2016-04-06T20:06:37.000Z",
      modified: "2016-04-06T20:06:37.000Z",
      relationship_type: "indicates",
      source_ref: "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
      target_ref: "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",
    },
    required: ["type", "spec_version", "id", "created", "modified", "relationship_type", "source_ref", "target_ref"],
  },
  sighting: {
    object: {
      type: "sighting",
      spec_version: "2.1",
      id: "sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
      created_by_ref: "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
      created: "2016-04-06T20:08:31.000Z",
      modified: "2016-04-06T20:08:31.000Z",
      first_seen: "2015-12-21T19:00:00Z",
      last_seen: "2015-12-21T19:00:00Z",
      count: 50,
      sighting_of_ref: "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
      observed_data_refs: ["observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"],
      where_sighted_refs: ["identity--b67d30ff-02ac-498a-92f9-32f845f448ff"],
    },
    required: ["type", "spec_version", "id", "created", "modified", "sighting_of_ref"],
  },
  identity: {
    object: {
      type: "identity",
      spec_version: "2.1",
      id: "identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65",
      created: "2016-04-06T20:03:00.000Z",
      modified: "2016-04-06T20:03:00.000Z",
      name: "ACME Widget, Inc.",
      identity_class: "organization",
    },
    required: ["type", "spec_version", "id", "created", "modified", "name"],
  },
  vulnerability: {
    object: {
      type: "vulnerability",
      spec_version: "2.1",
      id: "vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
      created: "2016-05-12T08:17:27.000Z",
      modified: "2016-05-12T08:17:27.000Z",
      name: "CVE-2016-1234",
      external_references: [{ source_name: "cve", external_id: "CVE-2016-1234" }],
    },
    required: ["type", "spec_version", "id", "created", "modified", "name"],
  },
  incident: {
    object: {
      type: "incident",
      spec_version: "2.1",
      id: "incident--108c5e77-a1be-44ee-80dc-13c53e5ddf60",
      created: "2024-01-31T09:00:00.000Z",
      modified: "2024-01-31T10:30:00.125Z",
      name: "Ransomware at the water utility",
      description: "SCADA historian encrypted; operations on manual control.",
      object_marking_refs: ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"],
    },
    required: ["type", "spec_version", "id", "created", "modified", "name"],
  },
  "course-of-action": {
    object: {
      type: "course-of-action",
      spec_version: "2.1",
      id: "course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
      created_by_ref: "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
      created: "2016-04-06T20:03:48.000Z",
      modified: "2016-04-06T20:03:48.000Z",
      name: "Add TCP port 80 Filter Rule",
      description: "This is how to add a filter rule to block inbound access to TCP port 80 to the existing UDP 1434 filter ...",
    },
    required: ["type", "spec_version", "id", "created", "modified", "name"],
  },
  malware: {
    object: {
      type: "malware",
      spec_version: "2.1",
      id: "malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
      created: "2016-05-12T08:17:27.000Z",
      modified: "2016-05-12T08:17:27.000Z",
      name: "Cryptolocker",
      description: "A variant of the cryptolocker family",
      malware_types: ["ransomware"],
      is_family: false,
    },
    required: ["type", "spec_version", "id", "created", "modified", "is_family"],
  },
  location: {
    object: {
      type: "location",
      spec_version: "2.1",
      id: "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
      created_by_ref: "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
      created: "2016-04-06T20:03:00.000Z",
      modified: "2016-04-06T20:03:00.000Z",
      latitude: 48.8566,
      longitude: 2.3522,
    },
    required: ["type", "spec_version", "id", "created", "modified", "longitude", "latitude"],
  },
  "observed-data": {
    object: {
      type: "observed-data",
      spec_version: "2.1",
      id: "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
      created_by_ref: "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
      created: "2016-04-06T19:58:16.000Z",
      modified: "2016-04-06T19:58:16.000Z",
      first_observed: "2015-12-21T19:00:00Z",
      last_observed: "2015-12-21T19:00:00Z",
      number_observed: 50,
      object_refs: ["ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8", "domain-name--ecb120bf-2694-4902-a737-62b74539a41b"],
    },
    required: [
      "type",
      "spec_version",
      "id",
      "created",
      "modified",
      "first_observed",
      "last_observed",
      "number_observed",
      "object_refs",
    ],
  },
  "extension-definition": {
    object: {
      id: "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e",
      type: "extension-definition",
      spec_version: "2.1",
      name: "Extension Foo 1",
      description: "This schema creates a new object type called my-favorite-sdo-1",
      created: "2014-02-20T09:16:08.989000Z",
      modified: "2014-02-20T09:16:08.989000Z",
      created_by_ref: "identity--11b76a96-5d2b-45e0-8a5a-f6994f370731",
      schema: "https://www.example.com/schema-my-favorite-sdo-1/v1/",
      version: "1.2.1",
      extension_types: ["new-sdo"],
    },
    required: [
      "type",
      "spec_version",
      "id",
      "created",
      "modified",
      "name",
      "schema",
      "version",
      "extension_types",
      "created_by_ref",
    ],
  },
  "language-content": {
    object: {
      type: "language-content",
      id: "language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d",
      spec_version: "2.1",
      created: "2017-02-08T21:31:22.007Z",
      modified: "2017-02-08T21:31:22.007Z",
      object_ref: "campaign--12a111f0-b824-4baf-a224-83b80237a094",
      object_modified: "2017-02-08T21:31:22.007Z",
      contents: {
        de: { name: "Bank Angriff 1", description: "Weitere Informationen über Banküberfall" },
        fr: { name: "Attaque Bank 1", description: "Plus d'informations sur la crise bancaire" },
      },
    },
    required: ["type", "spec_version", "id", "created", "modified", "object_ref", "contents"],
  },
  "marking-definition (TLP 1.0 white, predefined by STIX 2.1)": {
    object: {
      type: "marking-definition",
      spec_version: "2.1",
      id: "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
      created: "2017-01-20T00:00:00.000Z",
      definition_type: "tlp",
      name: "TLP:WHITE",
      definition: { tlp: "white" },
    },
    required: ["type", "spec_version", "id", "created", "definition_type", "definition"],
  },
  "marking-definition (statement)": {
    object: {
      type: "marking-definition",
      spec_version: "2.1",
      id: "marking-definition--82601945-97bb-4fc4-99dd-4b3e19a8e3ad",
      created: "2016-08-01T00:00:00.000Z",
      definition_type: "statement",
      definition: { statement: "Copyright 2016, Example Corp" },
    },
    required: ["type", "spec_version", "id", "created", "definition_type", "definition"],
  },
  "marking-definition (TLP 2.0 amber)": {
    object: tlpMarkingDefinition("TLP:AMBER"),
    required: ["type", "spec_version", "id", "created", "name", "extensions"],
  },
};

const clone = (o: Obj): Obj => structuredClone(o);
const example = (name: keyof typeof EXAMPLES) => clone(EXAMPLES[name]!.object);
const P = "objects[3]";
const check = (o: unknown) => validateStixObject(o, P);
const paths = (issues: StixIssue[]) => issues.map((i) => i.path);
/** Asserts that exactly these paths have issues (in any order) and returns the issues. */
function expectIssues(o: unknown, expected: string[]): StixIssue[] {
  const issues = check(o);
  assert.deepEqual(
    paths(issues).sort(),
    expected.map((p) => (p === "" ? P : `${P}.${p}`)).sort(),
    JSON.stringify(issues, null, 1),
  );
  return issues;
}
/** Mutates a copy of an example and returns it. */
const mutate = (name: keyof typeof EXAMPLES, change: (o: Obj) => void): Obj => {
  const o = example(name);
  change(o);
  return o;
};

describe("valid objects", () => {
  for (const [name, { object }] of Object.entries(EXAMPLES)) {
    it(`accepts the ${name} example`, () => assert.deepEqual(check(object), []));
  }
  for (const label of TLP_LABELS) {
    it(`accepts the official ${label} marking definition`, () => assert.deepEqual(check(tlpMarkingDefinition(label)), []));
  }
  it("accepts the other predefined TLP 1.0 markings", () => {
    for (const [id, colour] of [
      ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "green"],
      ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "amber"],
      ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red"],
    ] as const) {
      const o = {
        ...example("marking-definition (TLP 1.0 white, predefined by STIX 2.1)"),
        id,
        name: `TLP:${colour.toUpperCase()}`,
        definition: { tlp: colour },
      };
      assert.deepEqual(check(o), []);
    }
  });
  it("accepts SCOs on their shape alone, with or without spec_version", () => {
    assert.deepEqual(
      check({
        type: "ipv4-addr",
        spec_version: "2.1",
        id: "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
        value: "198.51.100.3",
      }),
      [],
    );
    assert.deepEqual(
      check({ type: "domain-name", id: "domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5", value: "example.com" }),
      [],
    );
    assert.deepEqual(
      check({ type: "file", id: "file--7e281816-e76c-4632-9595-cbc3514b9485", hashes: { "SHA-256": "ab" }, name: "a.exe" }),
      [],
    );
  });
  it("accepts custom objects and custom properties whose common properties validate", () => {
    const custom = {
      type: "x-roundtable-measure",
      spec_version: "2.1",
      id: "x-roundtable-measure--0f0b00dd-e67c-46d2-8982-259796ca4137",
      created: "2024-01-31T09:00:00.000Z",
      modified: "2024-01-31T09:00:00.000Z",
      x_roundtable_status: "planned",
      extensions: { "extension-definition--9ab2527c-382f-42e5-8042-4ec81e01338d": { extension_type: "new-sdo" } },
    };
    assert.deepEqual(check(custom), []);
    assert.deepEqual(
      check({ ...example("report"), x_acme_priority: 2, labels: ["energy"], confidence: 85, lang: "en", revoked: false }),
      [],
    );
  });
  it("accepts granular markings by marking_ref and by lang, and a predefined SCO extension key", () => {
    const o = example("note");
    o.granular_markings = [
      {
        selectors: ["content", "external_references.[0].external_id"],
        marking_ref: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
      },
      { selectors: ["abstract"], lang: "en" },
    ];
    o.extensions = { "archive-ext": { comment: "x" } };
    assert.deepEqual(check(o), []);
  });
  it("prefixes paths with the given path, or uses bare property names when it is empty", () => {
    const o = mutate("report", (r) => delete r.published);
    assert.deepEqual(validateStixObject(o, ""), [{ path: "published", message: "report requires published" }]);
  });
});

describe("identifiers and timestamps", () => {
  it("isStixId follows the OASIS identifier schema", () => {
    assert.equal(isStixId("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), true);
    assert.equal(isStixId("x-acme-thing--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F"), true);
    assert.equal(isStixId("ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd"), true); // UUIDv5
    assert.equal(isStixId("indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f"), false); // version 0
    assert.equal(isStixId("indicator--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f"), false); // version 6
    assert.equal(isStixId("indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f"), false); // variant c
    assert.equal(isStixId("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3"), false);
    assert.equal(isStixId("indicator--8e2e2d2b17d4-4cbf-938f-98ee46b3cd3ff"), false);
    assert.equal(isStixId("indicator--8e2e2d2g-17d4-4cbf-938f-98ee46b3cd3f"), false);
    assert.equal(isStixId("Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), false);
    assert.equal(isStixId("ab--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), false); // type too short
    assert.equal(isStixId("x--acme--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), false); // double hyphen in type
    assert.equal(isStixId("x-acme---8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), false);
    assert.equal(isStixId("1abc--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), false);
    assert.equal(isStixId(`${"a".repeat(251)}--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f`), false);
    assert.equal(isStixId(`${"a".repeat(250)}--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f`), true);
    assert.equal(isStixId(42), false);
  });
  it("isStixTimestamp takes RFC 3339 UTC with Z, any fraction, real dates only", () => {
    for (const good of [
      "2016-05-12T08:17:27Z",
      "2016-05-12T08:17:27.1Z",
      "2016-05-12T08:17:27.123456789Z",
      "2024-02-29T00:00:00Z",
      "2016-12-31T23:59:60Z",
    ]) {
      assert.equal(isStixTimestamp(good), true, good);
    }
    for (const bad of [
      "2016-05-12T08:17:27",
      "2016-05-12T08:17:27+00:00",
      "2016-05-12 08:17:27Z",
      "2016-05-12t08:17:27z",
      "2016-05-12T08:17:27.Z",
      "2016-05-12T08:17Z",
      "2023-02-29T00:00:00Z",
      "2100-02-29T00:00:00Z",
      "2016-04-31T00:00:00Z",
      "2016-13-01T00:00:00Z",
      "2016-00-01T00:00:00Z",
      "2016-05-12T24:00:00Z",
      "2016-05-12T08:60:00Z",
      "2016-05-12T08:17:60Z",
      "16-05-12T08:17:27Z",
      "",
    ]) {
      assert.equal(isStixTimestamp(bad), false, bad);
    }
    assert.equal(isStixTimestamp(1463041047000), false);
  });
  it("isStixMillisecondTimestamp needs three or more fractional digits", () => {
    assert.equal(isStixMillisecondTimestamp("2016-05-12T08:17:27.000Z"), true);
    assert.equal(isStixMillisecondTimestamp("2016-05-12T08:17:27.123456Z"), true);
    assert.equal(isStixMillisecondTimestamp("2016-05-12T08:17:27.12Z"), false);
    assert.equal(isStixMillisecondTimestamp("2016-05-12T08:17:27Z"), false);
  });
});

describe("common property rules", () => {
  it("rejects a value that is not a JSON object", () => {
    for (const bad of [null, [], "indicator", 3]) expectIssues(bad, [""]);
  });
  it("requires a well-formed type", () => {
    expectIssues(
      mutate("identity", (o) => delete o.type),
      ["type"],
    );
    const issues = expectIssues(
      mutate("identity", (o) => (o.type = "Identity")),
      ["type"],
    );
    assert.match(issues[0]!.message, /lowercase/);
    expectIssues(
      mutate("identity", (o) => (o.type = "bundle")),
      ["type", "id"],
    );
  });
  it('requires spec_version "2.1" on SDOs, SROs and SMOs, but not on SCOs', () => {
    expectIssues(
      mutate("report", (o) => delete o.spec_version),
      ["spec_version"],
    );
    expectIssues(
      mutate("relationship", (o) => (o.spec_version = "2.0")),
      ["spec_version"],
    );
    expectIssues(tlpMarkingDefinition("TLP:RED") as Obj, []);
    expectIssues({ ...tlpMarkingDefinition("TLP:RED"), spec_version: undefined }, ["spec_version"]);
    expectIssues(
      { type: "url", spec_version: "2.0", id: "url--7e281816-e76c-4632-9595-cbc3514b9485", value: "https://example.com/" },
      ["spec_version"],
    );
  });
  it("requires an id of the object's own type", () => {
    expectIssues(
      mutate("note", (o) => delete o.id),
      ["id"],
    );
    expectIssues(
      mutate("note", (o) => (o.id = "note--not-a-uuid")),
      ["id"],
    );
    const issues = expectIssues(
      mutate("note", (o) => (o.id = "report--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061")),
      ["id"],
    );
    assert.match(issues[0]!.message, /note--/);
    expectIssues({ type: "ipv4-addr", id: "ipv6-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", value: "1.2.3.4" }, ["id"]);
  });
  it("requires created and modified with millisecond precision, modified not before created", () => {
    expectIssues(
      mutate("indicator", (o) => delete o.created),
      ["created"],
    );
    expectIssues(
      mutate("indicator", (o) => delete o.modified),
      ["modified"],
    );
    const issues = expectIssues(
      mutate("indicator", (o) => (o.created = "2016-04-06T20:03:48Z")),
      ["created"],
    );
    assert.equal(
      issues[0]!.message,
      "created must be a timestamp with at least millisecond precision and Z, like 2024-01-31T09:00:00.000Z",
    );
    expectIssues(
      mutate("indicator", (o) => (o.modified = "2016-04-06T20:03:48.00Z")),
      ["modified"],
    );
    expectIssues(
      mutate("indicator", (o) => (o.modified = "2016-04-06 20:03:48.000Z")),
      ["modified"],
    );
    expectIssues(
      mutate("indicator", (o) => (o.modified = "2016-04-06T20:03:47.999999Z")),
      ["modified"],
    );
    // Compared as instants: .0005 is after .000 even though it is a longer string, and .5000 equals .500.
    expectIssues(
      mutate("indicator", (o) => (o.modified = "2016-04-06T20:03:48.0005Z")),
      [],
    );
    expectIssues(
      mutate("indicator", (o) => {
        o.created = "2016-04-06T20:03:48.5000Z";
        o.modified = "2016-04-06T20:03:48.500Z";
      }),
      [],
    );
    expectIssues(
      mutate("indicator", (o) => {
        o.created = "2016-04-06T20:03:48.5001Z";
        o.modified = "2016-04-06T20:03:48.500Z";
      }),
      ["modified"],
    );
  });
  it("lets a marking-definition omit modified but checks it when present", () => {
    expectIssues({ ...tlpMarkingDefinition("TLP:GREEN"), modified: "2022-10-01T00:00:00.000Z" }, []);
    expectIssues({ ...tlpMarkingDefinition("TLP:GREEN"), modified: "2021-10-01T00:00:00.000Z" }, ["modified"]);
  });
  it("types the common optional properties", () => {
    expectIssues(
      mutate("report", (o) => (o.created_by_ref = "organization--a463ffb3-1bd9-4d94-b02d-74e4f1658283")),
      ["created_by_ref"],
    );
    expectIssues(
      mutate("report", (o) => (o.created_by_ref = "acme")),
      ["created_by_ref"],
    );
    expectIssues(
      mutate("report", (o) => (o.revoked = "no")),
      ["revoked"],
    );
    expectIssues(
      mutate("report", (o) => (o.labels = "energy")),
      ["labels"],
    );
    expectIssues(
      mutate("report", (o) => (o.labels = ["energy", 3])),
      ["labels[1]"],
    );
    expectIssues(
      mutate("report", (o) => (o.confidence = 101)),
      ["confidence"],
    );
    expectIssues(
      mutate("report", (o) => (o.confidence = 50.5)),
      ["confidence"],
    );
    expectIssues(
      mutate("report", (o) => (o.confidence = -1)),
      ["confidence"],
    );
    expectIssues(
      mutate("report", (o) => (o.lang = ["en"])),
      ["lang"],
    );
  });
  it("checks external references", () => {
    expectIssues(
      mutate("note", (o) => (o.external_references = { source_name: "x", url: "https://x" })),
      ["external_references"],
    );
    expectIssues(
      mutate("note", (o) => (o.external_references = ["https://x"])),
      ["external_references[0]"],
    );
    expectIssues(
      mutate("note", (o) => (o.external_references = [{ source_name: "a", url: "https://a" }, { url: "https://b" }])),
      ["external_references[1].source_name"],
    );
    expectIssues(
      mutate("note", (o) => (o.external_references = [{ source_name: "a" }])),
      ["external_references[0]"],
    );
    expectIssues(
      mutate("vulnerability", (o) => (o.external_references = [{ source_name: "cve", external_id: "2016-1234" }])),
      ["external_references[0].external_id"],
    );
    expectIssues(
      mutate("note", (o) => (o.external_references = [{ source_name: "capec", external_id: "CAPEC-163", url: 5 }])),
      ["external_references[0].url"],
    );
  });
  it("checks kill chain phases", () => {
    const ok = { kill_chain_name: "lockheed-martin-cyber-kill-chain", phase_name: "delivery" };
    expectIssues(
      mutate("indicator", (o) => (o.kill_chain_phases = [ok])),
      [],
    );
    expectIssues(
      mutate("indicator", (o) => (o.kill_chain_phases = [ok, { kill_chain_name: "mitre-attack" }])),
      ["kill_chain_phases[1]"],
    );
  });
  it("requires object_marking_refs to name marking definitions", () => {
    expectIssues(
      mutate(
        "incident",
        (o) =>
          (o.object_marking_refs = [
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            "identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65",
          ]),
      ),
      ["object_marking_refs[1]"],
    );
    expectIssues(
      mutate("incident", (o) => (o.object_marking_refs = ["TLP:AMBER"])),
      ["object_marking_refs[0]"],
    );
    expectIssues(
      mutate("incident", (o) => (o.object_marking_refs = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421")),
      ["object_marking_refs"],
    );
  });
  it("checks granular markings", () => {
    const ref = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    expectIssues(
      mutate("note", (o) => (o.granular_markings = [{ marking_ref: ref }])),
      ["granular_markings[0].selectors"],
    );
    expectIssues(
      mutate("note", (o) => (o.granular_markings = [{ selectors: [], marking_ref: ref }])),
      ["granular_markings[0].selectors"],
    );
    expectIssues(
      mutate("note", (o) => (o.granular_markings = [{ selectors: ["content", "Bad Selector"], marking_ref: ref }])),
      ["granular_markings[0].selectors[1]"],
    );
    expectIssues(
      mutate("note", (o) => (o.granular_markings = [{ selectors: ["content"] }])),
      ["granular_markings[0]"],
    );
    expectIssues(
      mutate("note", (o) => (o.granular_markings = [{ selectors: ["content"], marking_ref: ref, lang: "en" }])),
      ["granular_markings[0]"],
    );
    expectIssues(
      mutate(
        "note",
        (o) =>
          (o.granular_markings = [{ selectors: ["content"], marking_ref: "identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65" }]),
      ),
      ["granular_markings[0].marking_ref"],
    );
  });
  it("checks extensions", () => {
    const ext = "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e";
    expectIssues(
      mutate("note", (o) => (o.extensions = [{ extension_type: "new-sdo" }])),
      ["extensions"],
    );
    expectIssues(
      mutate("note", (o) => (o.extensions = {})),
      ["extensions"],
    );
    expectIssues(
      mutate("note", (o) => (o.extensions = { "x-acme": { a: 1 } })),
      ["extensions.x-acme"],
    );
    expectIssues(
      mutate("note", (o) => (o.extensions = { [ext]: "property-extension" })),
      [`extensions.${ext}`],
    );
    expectIssues(
      mutate("note", (o) => (o.extensions = { [ext]: { rank: 1 } })),
      [`extensions.${ext}.extension_type`],
    );
    expectIssues(
      mutate("note", (o) => (o.extensions = { [ext]: { extension_type: "new-thing" } })),
      [`extensions.${ext}.extension_type`],
    );
  });
  it("rejects empty lists and nulls anywhere at top level", () => {
    const issues = expectIssues(
      mutate("indicator", (o) => (o.indicator_types = [])),
      ["indicator_types"],
    );
    assert.equal(issues[0]!.message, "indicator_types must be omitted rather than empty");
    expectIssues(
      mutate("report", (o) => (o.object_refs = [])),
      ["object_refs"],
    );
    expectIssues(
      mutate("report", (o) => (o.x_acme_tags = [])),
      ["x_acme_tags"],
    );
    expectIssues(
      mutate("report", (o) => (o.description = null)),
      ["description"],
    );
    expectIssues(
      { type: "ipv4-addr", id: "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", value: "1.2.3.4", resolves_to_refs: [] },
      ["resolves_to_refs"],
    );
  });
  it("checks property names", () => {
    expectIssues(
      mutate("report", (o) => (o.xy = "short")),
      ["xy"],
    );
    expectIssues(
      mutate("report", (o) => (o["x-acme-rank"] = 1)),
      ["x-acme-rank"],
    );
    expectIssues(
      mutate("report", (o) => (o.x_Acme = 1)),
      ["x_Acme"],
    );
    expectIssues(
      mutate("report", (o) => (o[`x_${"a".repeat(249)}`] = 1)),
      [`x_${"a".repeat(249)}`],
    );
    expectIssues(
      mutate("report", (o) => (o[`x_${"a".repeat(248)}`] = 1)),
      [],
    );
    // Keys inside extensions and hashes are not property names.
    expectIssues({ type: "file", id: "file--7e281816-e76c-4632-9595-cbc3514b9485", hashes: { "SHA-256": "ab", MD5: "cd" } }, []);
  });
  it("requires every *_ref and *_refs property to hold identifiers", () => {
    expectIssues(
      mutate(
        "report",
        (o) => (o.object_refs = ["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2", "campaign 7", "relationship--f82356ae"]),
      ),
      ["object_refs[1]", "object_refs[2]"],
    );
    expectIssues(
      mutate("report", (o) => (o.x_acme_source_ref = "acme")),
      ["x_acme_source_ref"],
    );
    expectIssues(
      mutate("malware", (o) => (o.sample_refs = ["file-1"])),
      ["sample_refs[0]"],
    );
  });
  it("checks timestamp-valued properties of the spec's types", () => {
    expectIssues(
      mutate("indicator", (o) => (o.valid_from = "2016-01-01")),
      ["valid_from"],
    );
    expectIssues(
      mutate("report", (o) => (o.published = "2016-01-20T17:00:00+01:00")),
      ["published"],
    );
    expectIssues(
      mutate("sighting", (o) => (o.first_seen = "2015-02-30T19:00:00Z")),
      ["first_seen"],
    );
    expectIssues(
      mutate("observed-data", (o) => (o.last_observed = 1450724400)),
      ["last_observed"],
    );
  });
});

describe("rules per type", () => {
  it("reports each missing required property of the spec's types", () => {
    const issues = expectIssues(
      mutate("report", (o) => delete o.published),
      ["published"],
    );
    assert.equal(issues[0]!.message, "report requires published");
    expectIssues(
      mutate("grouping", (o) => {
        delete o.context;
        delete o.object_refs;
      }),
      ["context", "object_refs"],
    );
    expectIssues(
      mutate("note", (o) => (o.content = 7)),
      ["content"],
    );
  });
  it("indicator: valid_until must be later than valid_from", () => {
    expectIssues(
      mutate("indicator", (o) => (o.valid_until = "2016-01-01T00:00:00.000Z")),
      ["valid_until"],
    );
    expectIssues(
      mutate("indicator", (o) => (o.valid_until = "2016-01-01T00:00:00.001Z")),
      [],
    );
  });
  it("location: region, country, or latitude and longitude", () => {
    expectIssues(
      mutate("location", (o) => {
        delete o.latitude;
        delete o.longitude;
      }),
      ["region"],
    );
    expectIssues(
      mutate("location", (o) => {
        delete o.latitude;
        delete o.longitude;
        o.country = "ca";
      }),
      [],
    );
    expectIssues(
      mutate("location", (o) => (o.latitude = 91)),
      ["latitude"],
    );
    expectIssues(
      mutate("location", (o) => {
        delete o.latitude;
        o.region = "northern-europe";
        o.precision = 10;
      }),
      ["latitude", "precision"],
    );
  });
  it("malware: is_family is a boolean, and a family needs a name", () => {
    expectIssues(
      mutate("malware", (o) => (o.is_family = "false")),
      ["is_family"],
    );
    expectIssues(
      mutate("malware", (o) => {
        o.is_family = true;
        delete o.name;
      }),
      ["name"],
    );
    expectIssues(
      mutate("malware", (o) => delete o.name),
      [],
    );
    expectIssues(
      mutate("malware", (o) => (o.operating_system_refs = ["identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65"])),
      ["operating_system_refs[0]"],
    );
  });
  it("malware-analysis: product, and result or analysis_sco_refs", () => {
    const base = {
      type: "malware-analysis",
      spec_version: "2.1",
      id: "malware-analysis--7e281816-e76c-4632-9595-cbc3514b9485",
      created: "2024-01-31T09:00:00.000Z",
      modified: "2024-01-31T09:00:00.000Z",
      product: "clamav",
      result: "malicious",
    };
    expectIssues(base, []);
    expectIssues({ ...base, result: undefined }, ["result"]);
    expectIssues({ ...base, result: undefined, analysis_sco_refs: ["file--0203b5c8-f8b6-4ddb-9ad0-527d727f968b"] }, []);
    expectIssues({ ...base, product: undefined }, ["product"]);
    expectIssues({ ...base, sample_ref: "identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65" }, ["sample_ref"]);
  });
  it("observed-data: number_observed range, exactly one of objects/object_refs, no SDOs in object_refs", () => {
    expectIssues(
      mutate("observed-data", (o) => (o.number_observed = 0)),
      ["number_observed"],
    );
    expectIssues(
      mutate("observed-data", (o) => (o.number_observed = 1_000_000_000)),
      ["number_observed"],
    );
    expectIssues(
      mutate("observed-data", (o) => delete o.object_refs),
      ["object_refs"],
    );
    expectIssues(
      mutate("observed-data", (o) => (o.objects = { "0": { type: "ipv4-addr", value: "1.2.3.4" } })),
      ["objects"],
    );
    expectIssues(
      mutate("observed-data", (o) => (o.object_refs = ["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2"])),
      ["object_refs[0]"],
    );
    expectIssues(
      mutate("observed-data", (o) => (o.last_observed = "2015-12-21T18:59:59Z")),
      ["last_observed"],
    );
  });
  it("opinion: one of the five values", () => {
    const issues = expectIssues(
      mutate("opinion", (o) => (o.opinion = "strongly disagree")),
      ["opinion"],
    );
    assert.match(issues[0]!.message, /strongly-disagree, disagree, neutral, agree, strongly-agree/);
    for (const value of ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]) {
      expectIssues(
        mutate("opinion", (o) => (o.opinion = value)),
        [],
      );
    }
  });
  it("relationship: relationship_type shape, and ends that are SDOs or SCOs", () => {
    expectIssues(
      mutate("relationship", (o) => (o.relationship_type = "Indicates")),
      ["relationship_type"],
    );
    expectIssues(
      mutate("relationship", (o) => (o.relationship_type = "related to")),
      ["relationship_type"],
    );
    expectIssues(
      mutate("relationship", (o) => (o.source_ref = "indicator")),
      ["source_ref"],
    );
    expectIssues(
      mutate("relationship", (o) => (o.target_ref = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421")),
      ["target_ref"],
    );
    expectIssues(
      mutate("relationship", (o) => (o.target_ref = "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd")),
      [],
    );
    expectIssues(
      mutate("relationship", (o) => {
        o.start_time = "2016-01-01T00:00:00Z";
        o.stop_time = "2016-01-01T00:00:00Z";
      }),
      ["stop_time"],
    );
  });
  it("sighting: sighting_of_ref is an SDO, count range, first_seen <= last_seen, typed ref lists", () => {
    expectIssues(
      mutate("sighting", (o) => (o.sighting_of_ref = "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd")),
      ["sighting_of_ref"],
    );
    expectIssues(
      mutate("sighting", (o) => (o.sighting_of_ref = "relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e")),
      ["sighting_of_ref"],
    );
    expectIssues(
      mutate("sighting", (o) => (o.sighting_of_ref = "x-acme-widget--57b56a43-b8b0-4cba-9deb-34e3e1faed9e")),
      [],
    );
    expectIssues(
      mutate("sighting", (o) => (o.count = -1)),
      ["count"],
    );
    expectIssues(
      mutate("sighting", (o) => (o.count = 1_000_000_000)),
      ["count"],
    );
    expectIssues(
      mutate("sighting", (o) => (o.count = 0)),
      [],
    );
    expectIssues(
      mutate("sighting", (o) => (o.first_seen = "2015-12-21T19:00:00.001Z")),
      ["last_seen"],
    );
    expectIssues(
      mutate("sighting", (o) => (o.where_sighted_refs = ["malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"])),
      ["where_sighted_refs[0]"],
    );
    expectIssues(
      mutate("sighting", (o) => (o.observed_data_refs = ["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2"])),
      ["observed_data_refs[0]"],
    );
  });
  it("marking-definition: a definition, or the TLP 2.0 extension with the official id and name", () => {
    const tlp1 = "marking-definition (TLP 1.0 white, predefined by STIX 2.1)";
    expectIssues(
      mutate(tlp1, (o) => delete o.definition),
      ["definition"],
    );
    expectIssues(
      mutate(tlp1, (o) => (o.definition = { tlp: "green" })),
      ["definition"],
    );
    expectIssues(
      mutate(tlp1, (o) => (o.id = "marking-definition--9ab2527c-382f-42e5-8042-4ec81e01338d")),
      ["id"],
    );
    expectIssues(
      mutate("marking-definition (statement)", (o) => (o.definition = { text: "Copyright" })),
      ["definition"],
    );
    const amber = tlpMarkingDefinition("TLP:AMBER") as Obj;
    expectIssues({ ...amber, extensions: undefined }, ["extensions"]);
    expectIssues({ ...amber, name: "TLP:RED" }, ["name"]);
    expectIssues({ ...amber, id: "marking-definition--9ab2527c-382f-42e5-8042-4ec81e01338d" }, ["id"]);
    expectIssues(
      { ...amber, extensions: { [TLP_2_EXTENSION_ID]: { extension_type: "property-extension", tlp_2_0: "orange" } } },
      [`extensions.${TLP_2_EXTENSION_ID}.tlp_2_0`],
    );
    // A marking type of its own, defined by an extension (STIX 2.1 section 7.3), is accepted.
    const pap = "extension-definition--f8d78575-edfd-406e-8e84-6162a8450f5b";
    expectIssues(
      {
        type: "marking-definition",
        spec_version: "2.1",
        id: "marking-definition--c43594d1-4b11-4c59-93ab-1c9b14d53ce9",
        created: "2022-10-01T00:00:00.000Z",
        name: "PAP:GREEN",
        extensions: { [pap]: { extension_type: "property-extension", pap: "green" } },
      },
      [],
    );
    expectIssues({ ...amber, extensions: { [TLP_2_EXTENSION_ID]: { tlp_2_0: "amber" } } }, [
      `extensions.${TLP_2_EXTENSION_ID}.extension_type`,
    ]);
  });
  it("extension-definition: name, schema, version, extension_types, created_by_ref", () => {
    expectIssues(
      mutate("extension-definition", (o) => (o.extension_types = ["new-sdo", "new-thing"])),
      ["extension_types[1]"],
    );
    expectIssues(
      mutate("extension-definition", (o) => (o.extension_properties = ["x_rank"])),
      ["extension_properties"],
    );
    expectIssues(
      mutate("extension-definition", (o) => {
        o.extension_types = ["toplevel-property-extension"];
        o.extension_properties = ["x_rank"];
      }),
      [],
    );
  });
  it("language-content: object_ref is not a bundle or language-content, contents are objects per language", () => {
    expectIssues(
      mutate("language-content", (o) => (o.object_ref = "language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d")),
      ["object_ref"],
    );
    expectIssues(
      mutate("language-content", (o) => (o.contents = { de: "Bank Angriff 1" })),
      ["contents.de"],
    );
    expectIssues(
      mutate("language-content", (o) => (o.contents = {})),
      ["contents"],
    );
  });
  it("custom types named like Object.prototype members are plain custom objects", () => {
    const base = { id: "constructor--0f0b00dd-e67c-46d2-8982-259796ca4137", type: "constructor" };
    expectIssues({ ...base, value: 1 }, []);
    expectIssues({ ...base, spec_version: "2.1", created: "2024-01-31T09:00:00.000Z" }, ["modified"]);
  });
  it("custom objects: common properties are still checked", () => {
    expectIssues(
      {
        type: "x-roundtable-measure",
        id: "x-roundtable-measure--0f0b00dd-e67c-46d2-8982-259796ca4137",
        created: "2024-01-31T09:00:00Z",
        modified: "2024-01-31T09:00:00.000Z",
      },
      ["spec_version", "created"],
    );
  });
  it("reports every issue of an object, not just the first", () => {
    const o = example("report");
    o.id = "report--1";
    o.created = "yesterday";
    delete o.name;
    o.object_refs = ["x"];
    o.confidence = 500;
    expectIssues(o, ["id", "created", "name", "object_refs[0]", "confidence"]);
  });
});

describe("property: removing a required property is always reported at its path", () => {
  const cases = Object.entries(EXAMPLES).flatMap(([name, { required }]) => required.map((key) => [name, key] as const));
  it("for every example and every required property, with arbitrary custom properties added", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.dictionary(
          // Custom names ending in _ref / _refs must hold identifiers, so none are generated here.
          fc.stringMatching(/^x_[a-z0-9_]{1,20}$/).filter((k) => !k.endsWith("_ref") && !k.endsWith("_refs")),
          fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { minLength: 1 })),
        ),
        fc.nat({ max: 99 }),
        ([name, key], custom, index) => {
          const o = { ...custom, ...example(name) };
          assert.deepEqual(check(o), [], "the example with custom properties is valid");
          delete o[key];
          const path = `objects[${index}]`;
          const issues = validateStixObject(o, path);
          assert.ok(
            issues.some((i) => i.path === `${path}.${key}`),
            `${name} without ${key}: ${JSON.stringify(issues)}`,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("referencesOf", () => {
  it("lists every top-level reference with its path", () => {
    const o = example("sighting");
    o.object_marking_refs = ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"];
    o.granular_markings = [
      { selectors: ["count"], marking_ref: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1" },
      { selectors: ["summary"], lang: "en" },
    ];
    assert.deepEqual(referencesOf(o, "objects[7]"), [
      { path: "objects[7].created_by_ref", ref: "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff" },
      { path: "objects[7].sighting_of_ref", ref: "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f" },
      { path: "objects[7].observed_data_refs[0]", ref: "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf" },
      { path: "objects[7].where_sighted_refs[0]", ref: "identity--b67d30ff-02ac-498a-92f9-32f845f448ff" },
      { path: "objects[7].object_marking_refs[0]", ref: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421" },
      { path: "objects[7].granular_markings[0].marking_ref", ref: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1" },
    ]);
  });
  it("covers object_refs, source/target, sample_refs and custom *_ref properties", () => {
    assert.deepEqual(
      referencesOf(example("report"), "").map((r) => r.path),
      ["created_by_ref", "object_refs[0]", "object_refs[1]", "object_refs[2]"],
    );
    assert.deepEqual(
      referencesOf(example("relationship"), "o").map((r) => r.ref),
      ["indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"],
    );
    const malware = {
      ...example("malware"),
      sample_refs: ["file--0203b5c8-f8b6-4ddb-9ad0-527d727f968b"],
      x_acme_owner_ref: "identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65",
    };
    assert.deepEqual(
      referencesOf(malware, "").map((r) => r.path),
      ["sample_refs[0]", "x_acme_owner_ref"],
    );
  });
});

describe("validateBundleEnvelope", () => {
  const bundle = (extra: Obj = {}) => ({
    type: "bundle",
    id: "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
    objects: [example("report")],
    ...extra,
  });
  it("accepts a bundle, with or without objects", () => {
    assert.deepEqual(validateBundleEnvelope(bundle()), []);
    assert.deepEqual(validateBundleEnvelope({ type: "bundle", id: "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d" }), []);
  });
  it("rejects the wrong shape, each at its path", () => {
    assert.deepEqual(paths(validateBundleEnvelope([])), [""]);
    assert.deepEqual(paths(validateBundleEnvelope(bundle({ type: "Bundle" }))), ["type"]);
    assert.deepEqual(paths(validateBundleEnvelope(bundle({ id: undefined }))), ["id"]);
    assert.deepEqual(paths(validateBundleEnvelope(bundle({ id: "report--5d0092c5-5f74-4287-9642-33f4c354e56d" }))), ["id"]);
    assert.deepEqual(paths(validateBundleEnvelope(bundle({ objects: [] }))), ["objects"]);
    assert.deepEqual(paths(validateBundleEnvelope(bundle({ objects: {} }))), ["objects"]);
    assert.deepEqual(paths(validateBundleEnvelope(bundle({ spec_version: "2.1" }))), ["spec_version"]);
  });
});

describe("one issue per path", () => {
  it("never reports the same path twice when a required property is removed or mistyped", () => {
    const repeated: string[] = [];
    for (const [name, { object, required }] of Object.entries(EXAMPLES)) {
      for (const key of required) {
        for (const replacement of [undefined, null, 12345, true, "not valid", [], ["not valid"], [7], {}, { a: 1 }]) {
          const o = clone(object);
          if (replacement === undefined) delete o[key];
          else o[key] = replacement;
          const all = paths(check(o));
          if (all.length !== new Set(all).size)
            repeated.push(`${name}.${key} = ${JSON.stringify(replacement)}: ${all.join(", ")}`);
        }
      }
    }
    assert.deepEqual(repeated, []);
  });
});
