// Table-driven tests of the reference TLP policy: each row is one rule of DESIGN.md.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Audience, audienceProblem, canRead, type ExchangeFacts, type ReadableContent } from "./policy.js";
import type { TlpLabel } from "./tlp.js";

const facts: ExchangeFacts = {
  organisations: new Map([
    ["A", { status: "active" }],
    ["B", { status: "active" }],
    ["C", { status: "suspended" }],
    ["D", { status: "active" }],
  ]),
  persons: new Map([
    ["a1", { organisationId: "A", status: "active", acceptedCurrentDocuments: true }],
    ["a2", { organisationId: "A", status: "active", acceptedCurrentDocuments: true }],
    ["a3", { organisationId: "A", status: "active", acceptedCurrentDocuments: false }],
    ["aS", { organisationId: "A", status: "suspended", acceptedCurrentDocuments: true }],
    ["aL", { organisationId: "A", status: "left", acceptedCurrentDocuments: true }],
    ["b1", { organisationId: "B", status: "active", acceptedCurrentDocuments: true }],
    ["b2", { organisationId: "B", status: "active", acceptedCurrentDocuments: true }],
    ["b3", { organisationId: "B", status: "active", acceptedCurrentDocuments: false }],
    ["c1", { organisationId: "C", status: "active", acceptedCurrentDocuments: true }],
    ["d1", { organisationId: "D", status: "active", acceptedCurrentDocuments: true }],
    ["sec", { organisationId: "D", status: "active", acceptedCurrentDocuments: true }],
  ]),
  groups: new Map([
    ["Gperson", { persons: ["b1"], organisations: [] }],
    ["Gorg", { persons: [], organisations: ["D"] }],
  ]),
};

const none: Audience = { exchange: false, organisations: [], groups: [], persons: [] };
const exchange: Audience = { ...none, exchange: true };
const item = (tlp: TlpLabel, audience: Partial<Audience>, authorId = "a1", authorOrganisationId = "A"): ReadableContent => ({
  tlp,
  audience: { ...none, ...audience },
  authorId,
  authorOrganisationId,
});

const cases: [string, ReadableContent, string, boolean][] = [
  ["CLEAR to the exchange: any active person", item("TLP:CLEAR", exchange), "b1", true],
  ["CLEAR needs no accepted documents", item("TLP:CLEAR", exchange), "b3", true],
  ["CLEAR: a suspended person reads nothing", item("TLP:CLEAR", exchange), "aS", false],
  ["CLEAR: a person who left reads nothing", item("TLP:CLEAR", exchange), "aL", false],
  ["CLEAR: a person of a suspended organisation reads nothing", item("TLP:CLEAR", exchange), "c1", false],
  ["CLEAR to organisation B: not D", item("TLP:CLEAR", { organisations: ["B"] }), "d1", false],
  ["GREEN to the exchange: accepted person", item("TLP:GREEN", exchange), "b1", true],
  ["GREEN: not without accepted documents", item("TLP:GREEN", exchange), "b3", false],
  ["GREEN to a group with person b1: b1 reads", item("TLP:GREEN", { groups: ["Gperson"] }), "b1", true],
  ["GREEN to a group with person b1: colleague b2 does not", item("TLP:GREEN", { groups: ["Gperson"] }), "b2", false],
  ["GREEN to a group with organisation D: d1 reads", item("TLP:GREEN", { groups: ["Gorg"] }), "d1", true],
  ["GREEN to named person b1: b1 reads", item("TLP:GREEN", { persons: ["b1"] }), "b1", true],
  ["AMBER to organisation B: all of B that accepted", item("TLP:AMBER", { organisations: ["B"] }), "b2", true],
  ["AMBER to organisation B: not without accepted documents", item("TLP:AMBER", { organisations: ["B"] }), "b3", false],
  ["AMBER to organisation B: not D", item("TLP:AMBER", { organisations: ["B"] }), "d1", false],
  [
    "AMBER to a group naming b1: b1's colleague b2 reads (organisation of a person in P)",
    item("TLP:AMBER", { groups: ["Gperson"] }),
    "b2",
    true,
  ],
  ["AMBER+STRICT to organisation B: b1 reads", item("TLP:AMBER+STRICT", { organisations: ["B"] }), "b1", true],
  ["AMBER+STRICT to the exchange: everyone accepted", item("TLP:AMBER+STRICT", exchange), "d1", true],
  ["AMBER: the author's organisation always reads", item("TLP:AMBER", { organisations: ["B"] }), "a2", true],
  ["AMBER: the author's colleague needs accepted documents", item("TLP:AMBER", { organisations: ["B"] }), "a3", false],
  ["RED to b1: b1 reads", item("TLP:RED", { persons: ["b1"] }), "b1", true],
  ["RED to b1: not b1's colleague", item("TLP:RED", { persons: ["b1"] }), "b2", false],
  ["RED to b1: not the author's colleague", item("TLP:RED", { persons: ["b1"] }), "a2", false],
  ["RED: the author reads", item("TLP:RED", { persons: ["b1"] }), "a1", true],
  ["RED to b3: not without accepted documents", item("TLP:RED", { persons: ["b3"] }), "b3", false],
  ["RED: administration grants no reading (secretariat not named)", item("TLP:RED", { persons: ["b1"] }), "sec", false],
  ["RED named through an organisation list does not count", item("TLP:RED", { organisations: ["B"] }), "b1", false],
  [
    "The author reads their own item even without accepted documents",
    item("TLP:GREEN", { organisations: ["B"] }, "a3"),
    "a3",
    true,
  ],
  ["A suspended author reads nothing", item("TLP:GREEN", exchange, "aS"), "aS", false],
  ["Unknown viewer reads nothing", item("TLP:CLEAR", exchange), "nobody", false],
];

describe("reference TLP policy", () => {
  for (const [name, content, viewer, expected] of cases) {
    it(`${name} → ${expected ? "reads" : "does not read"}`, () => {
      assert.equal(canRead(viewer, content, facts), expected);
    });
  }
});

describe("audience fits label", () => {
  it("RED needs named persons only", () => {
    assert.match(audienceProblem("TLP:RED", { ...none, organisations: ["B"] }) ?? "", /named persons only/);
    assert.match(audienceProblem("TLP:RED", none) ?? "", /at least one/);
    assert.equal(audienceProblem("TLP:RED", { ...none, persons: ["b1"] }), null);
  });
  it("AMBER and AMBER+STRICT refuse named persons", () => {
    assert.notEqual(audienceProblem("TLP:AMBER", { ...none, persons: ["b1"] }), null);
    assert.notEqual(audienceProblem("TLP:AMBER+STRICT", { ...none, persons: ["b1"] }), null);
    assert.equal(audienceProblem("TLP:AMBER", { ...none, groups: ["Gorg"] }), null);
  });
  it("an empty audience or exchange plus a list is refused", () => {
    assert.notEqual(audienceProblem("TLP:GREEN", none), null);
    assert.notEqual(audienceProblem("TLP:CLEAR", { ...exchange, organisations: ["B"] }), null);
    assert.equal(audienceProblem("TLP:GREEN", exchange), null);
  });
});
