// Services, dependencies, cascade simulation as each viewer may see it, saved analyses and the IIM,
// through the HTTP API on each backend.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Database } from "../src/server/db/database.js";
import { testApp } from "./support/app.js";
import {
  acceptDocuments,
  buildMembers,
  buildOrganisation,
  buildPerson,
  buildToken,
  publishDocuments,
} from "./support/builders.js";
import { testBackends } from "./support/databases.js";

type App = Awaited<ReturnType<typeof testApp>>["app"];

for (const backend of testBackends()) {
  describe(`interdependencies and cascades on ${backend.name}`, () => {
    let db: Database;
    let app: App;
    const orgs: Record<string, string> = {};
    const people: Record<string, { id: string; token: string }> = {};
    const svc: Record<string, string> = {};

    async function api(who: string, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${people[who]?.token}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json() };
    }

    async function service(who: string, name: string, sector: string, tlp: string, audience: object) {
      const res = await api(who, "POST", "/api/services", { name, sector, region: "North", tlp, audience });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.id as string;
    }

    before(async () => {
      db = await backend.open();
      ({ app } = await testApp(db));
      orgs.sec = await buildOrganisation(db, { name: "Secretariat", kind: "public", secretariat: true });
      orgs.grid = await buildOrganisation(db, { name: "Northern Grid" });
      orgs.tel = await buildOrganisation(db, { name: "TeleCo" });
      orgs.bank = await buildOrganisation(db, { name: "ClearBank" });
      const docs = await publishDocuments(db);
      Object.assign(
        people,
        await buildMembers(
          db,
          orgs,
          [
            ["sec", "sec", "secretariat"],
            ["grid", "grid", "member"],
            ["tel", "tel", "member"],
            ["bank", "bank", "member"],
          ],
          docs,
        ),
      );
      const exchange = { exchange: true };
      svc.grid = await service("grid", "Regional electricity distribution", "energy", "TLP:AMBER+STRICT", {
        organisations: [orgs.grid],
      });
      svc.core = await service("tel", "Mobile core network", "telecom", "TLP:GREEN", exchange);
      svc.payments = await service("bank", "Payment clearing", "finance", "TLP:AMBER+STRICT", { organisations: [orgs.bank] });
      svc.atm = await service("bank", "ATM network", "finance", "TLP:AMBER", { organisations: [orgs.bank, orgs.tel] });
    });

    after(async () => {
      await app.close();
      await backend.dispose();
    });

    it("refuses dependencies on unknown or unreadable services, on oneself, negative buffers and duplicates", async () => {
      const base = { type: "physical", bufferHours: 4, delayHours: 0, degradation: "total" };
      const hidden = await api("tel", "POST", "/api/dependencies", { ...base, dependentId: svc.core, providerId: svc.grid });
      assert.equal(hidden.status, 422);
      assert.equal(hidden.body.error.code, "dependency_invalid");
      const unknown = await api("tel", "POST", "/api/dependencies", { ...base, dependentId: svc.core, providerId: randomUUID() });
      assert.equal(unknown.body.error.code, "dependency_invalid");
      const notMine = await api("tel", "POST", "/api/dependencies", { ...base, dependentId: svc.atm, providerId: svc.core });
      assert.equal(notMine.body.error.code, "dependency_invalid");
      assert.equal(
        (await api("tel", "POST", "/api/dependencies", { ...base, dependentId: svc.core, providerId: svc.core })).status,
        422,
      );
      const negative = await api("bank", "POST", "/api/dependencies", {
        ...base,
        bufferHours: -1,
        dependentId: svc.atm,
        providerId: svc.core,
      });
      assert.equal(negative.status, 400);
      assert.equal(negative.body.error.code, "validation_failed");
      const count = await db.kysely.selectFrom("service_dependencies").select("id").execute();
      assert.equal(count.length, 0, "nothing stored");
    });

    it("a dependency on another organisation's service is visible only to those who see both ends", async () => {
      const base = { bufferHours: 0, delayHours: 1, degradation: "partial" };
      const atmOnCore = await api("bank", "POST", "/api/dependencies", {
        ...base,
        type: "cyber",
        dependentId: svc.atm,
        providerId: svc.core,
      });
      assert.equal(atmOnCore.status, 200, JSON.stringify(atmOnCore.body));
      const payOnCore = await api("bank", "POST", "/api/dependencies", {
        ...base,
        type: "cyber",
        dependentId: svc.payments,
        providerId: svc.core,
      });
      assert.equal(payOnCore.status, 200);
      assert.equal(
        (
          await api("bank", "POST", "/api/dependencies", {
            ...base,
            type: "cyber",
            dependentId: svc.payments,
            providerId: svc.core,
          })
        ).status,
        409,
      );
      // The grid's own team records the core's physical dependency on the grid (4 h of battery).
      await db.kysely
        .insertInto("service_dependencies")
        .values({
          id: randomUUID(),
          dependent_id: svc.core as string,
          provider_id: svc.grid as string,
          type: "physical",
          buffer_hours: 4,
          delay_hours: 0,
          degradation: "total",
          created_by: people.grid?.id as string,
          created_at: new Date(),
        })
        .execute();
      const tel = await api("tel", "GET", "/api/services");
      assert.deepEqual(tel.body.services.map((s: { name: string }) => s.name).sort(), ["ATM network", "Mobile core network"]);
      assert.deepEqual(
        tel.body.dependencies.map((d: { id: string }) => d.id),
        [atmOnCore.body.id],
        "sees the ATM dependency (both ends), not payments' nor the grid's",
      );
      const grid = await api("grid", "GET", "/api/services");
      assert.equal(grid.body.dependencies.length, 1, "the grid sees core→grid only");
    });

    it("simulates on the whole graph but names only what the viewer may see", async () => {
      const late = await api("grid", "POST", "/api/cascade/simulate", {
        initial: [{ serviceId: svc.grid, startHours: 200, durationHours: 8 }],
        horizonHours: 100,
      });
      assert.equal(late.status, 400, "a start after the horizon is a clear error, not a crash");
      assert.equal(late.body.error.code, "validation_failed");
      const unreadable = await api("tel", "POST", "/api/cascade/simulate", {
        initial: [{ serviceId: svc.grid, durationHours: 8 }],
      });
      assert.equal(unreadable.status, 404, "cannot start from a service it cannot see");
      const asGrid = await api("grid", "POST", "/api/cascade/simulate", {
        initial: [{ serviceId: svc.grid, durationHours: 8 }],
        horizonHours: 48,
      });
      assert.equal(asGrid.status, 200, JSON.stringify(asGrid.body));
      const named = Object.fromEntries(asGrid.body.services.map((s: { name: string }) => [s.name, s]));
      assert.deepEqual(Object.keys(named).sort(), ["Mobile core network", "Regional electricity distribution"]);
      assert.equal(named["Mobile core network"].firstAtHours, 4, "battery buffer of 4 h");
      assert.equal(named["Mobile core network"].restoredAtHours, 8);
      // ClearBank's two services go down too, but one organisation is below the 3 a sector count needs:
      // nothing of them shows — not a count, not a time, not the organisation.
      assert.deepEqual(asGrid.body.hidden, []);
      assert.deepEqual(asGrid.body.sectorsTouched, ["energy", "telecom"]);
      assert.equal(asGrid.body.organisationsTouched, 2);
      assert.ok(asGrid.body.timeline.every((t: { serviceId: string | null }) => t.serviceId !== null));
      const text = JSON.stringify(asGrid.body);
      for (const secret of ["Payment clearing", "ATM network", "ClearBank", "finance", svc.payments, svc.atm])
        assert.ok(!text.includes(secret as string), String(secret));
      assert.equal(asGrid.body.minimumLabel, "TLP:AMBER+STRICT");

      const asBank = await api("bank", "POST", "/api/cascade/simulate", {
        initial: [{ serviceId: svc.core, durationHours: 2 }],
        horizonHours: 24,
      });
      const bankNamed = asBank.body.services.map((s: { name: string }) => s.name).sort();
      assert.deepEqual(bankNamed, ["ATM network", "Mobile core network", "Payment clearing"]);
      assert.equal(
        asBank.body.services.find((s: { name: string }) => s.name === "Payment clearing").worst,
        1,
        "partial: degraded",
      );
      assert.equal(asBank.body.edges.length, 2);
      assert.deepEqual(asBank.body.hidden, []);
    });

    it("starts from an incident's affected services that the viewer can see", async () => {
      const incident = await api("grid", "POST", "/api/items", {
        kind: "incident",
        title: "Storm damage on northern lines",
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        details: {
          startedAt: "2026-11-01T00:00:00Z",
          endedAt: "2026-11-01T06:00:00Z",
          status: "resolved",
          affectedServices: ["Regional electricity distribution"],
          impact: { severity: 3 },
        },
      });
      assert.equal(incident.status, 200, JSON.stringify(incident.body));
      const fromIncident = await api("grid", "POST", "/api/cascade/simulate", { incidentId: incident.body.id });
      assert.equal(fromIncident.status, 200, JSON.stringify(fromIncident.body));
      const grid = fromIncident.body.services.find((s: { name: string }) => s.name === "Regional electricity distribution");
      assert.equal(grid.restoredAtHours, 6, "the incident's own duration");
      const blind = await api("tel", "POST", "/api/cascade/simulate", { incidentId: incident.body.id });
      assert.equal(blind.status, 400, "TeleCo cannot see the affected service");
      assert.match(blind.body.error.message, /affected services/);
      assert.equal((await api("tel", "POST", "/api/cascade/simulate", {})).status, 400);
    });

    it("saves a simulation as an analysis report no looser than what it shows", async () => {
      const simulation = { initial: [{ serviceId: svc.grid, durationHours: 8 }], horizonHours: 48 };
      const loose = await api("grid", "POST", "/api/cascade/analyses", {
        simulation,
        title: "Grid outage cascade",
        tlp: "TLP:GREEN",
        audience: { exchange: true },
      });
      assert.equal(loose.status, 422);
      assert.equal(loose.body.error.code, "label_too_permissive");
      const saved = await api("grid", "POST", "/api/cascade/analyses", {
        simulation,
        title: "Grid outage cascade",
        tlp: "TLP:AMBER+STRICT",
        audience: { organisations: [orgs.grid] },
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.kind, "analysis-report");
      assert.match(saved.body.body, /Mobile core network/);
      assert.ok(!saved.body.body.includes("Payment clearing"));
      // ClearBank sees its AMBER+STRICT "Payment clearing"; it may not name it to TeleCo in an analysis.
      const beyond = await api("bank", "POST", "/api/cascade/analyses", {
        simulation: { initial: [{ serviceId: svc.core, durationHours: 2 }], horizonHours: 24 },
        title: "Core outage",
        tlp: "TLP:AMBER+STRICT",
        audience: { organisations: [orgs.bank, orgs.tel] },
      });
      assert.equal(beyond.status, 422);
      assert.equal(beyond.body.error.code, "label_too_permissive");
      assert.match(beyond.body.error.message, /Payment clearing/);
    });

    it("shows hidden services as a count per sector once they belong to at least three organisations", async () => {
      const water = [];
      for (const name of ["Water One", "Water Two", "Water Three"]) {
        const org = await buildOrganisation(db, { name });
        const p = await buildPerson(db, { organisationId: org });
        await acceptDocuments(
          db,
          p.id,
          await db.kysely
            .selectFrom("documents")
            .select("id")
            .execute()
            .then((d) => d.map((x) => x.id)),
        );
        people[name] = { id: p.id, token: await buildToken(db, p.id) };
        const id = await service(name, `${name} pumping`, "water", "TLP:AMBER+STRICT", { organisations: [org] });
        water.push(id);
        const dep = await api(name, "POST", "/api/dependencies", {
          dependentId: id,
          providerId: svc.core,
          type: "cyber",
          bufferHours: 1,
          delayHours: 0,
          degradation: "total",
        });
        assert.equal(dep.status, 200, JSON.stringify(dep.body));
      }
      const asTel = await api("tel", "POST", "/api/cascade/simulate", {
        initial: [{ serviceId: svc.core, durationHours: 6 }],
        horizonHours: 24,
      });
      assert.deepEqual(asTel.body.hidden, [{ sector: "water", degraded: 0, failed: 3, firstAtHours: 1 }]);
      assert.ok(asTel.body.sectorsTouched.includes("water"));
      const text = JSON.stringify(asTel.body);
      for (const secret of [...water, "Water One", "pumping"]) assert.ok(!text.includes(secret), secret);
    });

    it("IIM: the secretariat sets valid coefficients; anyone solves a perturbation", async () => {
      const coefficients = {
        sectors: ["energy", "telecom"],
        coefficients: [
          [0, 0.2],
          [0.5, 0],
        ],
      };
      assert.equal((await api("tel", "PUT", "/api/iim", coefficients)).status, 403);
      const invalid = await api("sec", "PUT", "/api/iim", {
        ...coefficients,
        coefficients: [
          [0, 0.2],
          [1, 0],
        ],
      });
      assert.equal(invalid.status, 400);
      const set = await api("sec", "PUT", "/api/iim", coefficients);
      assert.equal(set.status, 200, JSON.stringify(set.body));
      const solved = await api("tel", "POST", "/api/iim/solve", { perturbation: { energy: 0.1 } });
      assert.equal(solved.status, 200, JSON.stringify(solved.body));
      // q_e = 0.2 q_t + 0.1 and q_t = 0.5 q_e, so q_e = 0.1 / 0.9 and q_t = q_e / 2.
      const q = Object.fromEntries(solved.body.inoperability.map((r: { sector: string; q: number }) => [r.sector, r.q]));
      assert.ok(Math.abs(q.energy - 0.1 / 0.9) < 1e-9);
      assert.ok(Math.abs(q.telecom - 0.05 / 0.9) < 1e-9);
      assert.equal((await api("tel", "POST", "/api/iim/solve", { perturbation: { water: 0.1 } })).status, 400);
      // Column sums below 1 do not keep q below 1: the model saturates at full inoperability.
      await api("sec", "PUT", "/api/iim", {
        sectors: ["energy", "telecom"],
        coefficients: [
          [0, 0.9],
          [0.9, 0],
        ],
      });
      const saturated = await api("tel", "POST", "/api/iim/solve", { perturbation: { energy: 1, telecom: 1 } });
      assert.deepEqual(
        saturated.body.inoperability.map((r: { q: number }) => r.q),
        [1, 1],
      );
    });
  });
}
