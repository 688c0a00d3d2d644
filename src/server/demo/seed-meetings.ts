// Demo meetings, agenda, minutes, actions, an open urgent call and notifications, so that every
// page of issue #4 has something to show. Runs inside seedDemo's transaction, as the owner.
import { randomUUID } from "node:crypto";
import type { TlpLabel } from "../../shared/tlp.js";
import { loadConfig } from "../config.js";
import type { Tx } from "../db/database.js";
import { createMailer } from "../mail/mailer.js";
import { notify } from "../notifications/notify.js";

type Ids = {
  org: (key: string) => string;
  person: (email: string) => { id: string; organisationId: string };
  item: (title: string) => string;
  db: Parameters<typeof notify>[1]["db"];
};

const EXCHANGE = { audience_exchange: true, audience_organisations: [], audience_groups: [], audience_persons: [] };

/** Seeds meetings, actions and an urgent call relative to `now`. */
export async function seedMeetings(trx: Tx, ids: Ids, now: Date): Promise<void> {
  const day = (d: number, hour = 9) => {
    const t = new Date(now.getTime() + d * 86_400_000);
    t.setUTCHours(hour, 0, 0, 0);
    return t;
  };
  const secretariat = ids.person("secretariat@ncsc.example");
  const chair = ids.person("chair.industry@nordgrid.example");
  const anna = ids.person("anna@nordgrid.example");
  const ben = ids.person("ben@telenova.example");
  const deps = { config: loadConfig({}), db: ids.db, mailer: createMailer(undefined, "demo"), clock: () => now };
  const by = (p: { id: string; organisationId: string }) => ({ author_id: p.id, author_organisation_id: p.organisationId });

  const meeting = async (title: string, start: Date, host: string | null, status: "scheduled" | "held") => {
    const row = {
      id: randomUUID(),
      title,
      format: host ? ("in-person" as const) : ("call" as const),
      starts_at: start,
      ends_at: new Date(start.getTime() + 3 * 3_600_000),
      location: host ? `${host} head office, conference room 2` : "Video bridge (details in the invitation)",
      host_organisation_id: host ? ids.org(host === "TeleNova" ? "telenova" : "nordgrid") : null,
      status,
      tlp: "TLP:GREEN" as TlpLabel,
      ...EXCHANGE,
      ...by(secretariat),
      created_at: day(-60),
      updated_at: day(-60),
    };
    await trx.insertInto("meetings").values(row).execute();
    return row;
  };
  const held = await meeting("Regular meeting — autumn", day(-20), "NordGrid", "held");
  const next = await meeting("Regular meeting — winter", day(12), "TeleNova", "scheduled");
  for (const [i, offset] of [90, 180, 270].entries())
    await meeting(`Regular meeting ${i + 1} of next year`, day(offset), null, "scheduled");

  let position = 0;
  const agenda = async (
    m: { id: string },
    part: "administrative" | "operational" | "strategic",
    title: string,
    extra: Partial<{
      tlp: TlpLabel;
      persons: string[];
      minutes: string;
      status: "proposed" | "accepted";
      author: { id: string; organisationId: string };
      chatham: boolean;
    }> = {},
  ) => {
    const row = {
      id: randomUUID(),
      meeting_id: m.id,
      part,
      position: position++,
      title,
      description: "",
      presenter_id: (extra.author ?? secretariat).id,
      chatham_house: extra.chatham ?? false,
      status: extra.status ?? ("accepted" as const),
      minutes: extra.minutes ?? "",
      minutes_by: extra.minutes ? secretariat.id : null,
      minutes_at: extra.minutes ? day(-19) : null,
      tlp: extra.tlp ?? ("TLP:GREEN" as TlpLabel),
      ...(extra.persons
        ? { audience_exchange: false, audience_organisations: [], audience_groups: [], audience_persons: extra.persons }
        : EXCHANGE),
      ...by(extra.author ?? secretariat),
      created_at: day(-30),
      updated_at: day(-19),
    };
    await trx.insertInto("agenda_items").values(row).execute();
    return row;
  };
  await agenda(held, "administrative", "Approval of the previous minutes", { minutes: "Approved without changes." });
  const drill = await agenda(held, "operational", "Lessons from the regional DDoS exercise", {
    minutes: "Telecom operators shared scrubbing capacity figures. **Decision:** repeat the exercise in spring.",
    author: ben,
  });
  const red = await agenda(held, "operational", "Intrusion at a distribution operator (restricted)", {
    tlp: "TLP:RED",
    persons: [chair.id, anna.id, ben.id],
    chatham: true,
    author: anna,
    minutes: "Attacker used a VPN appliance flaw; segmentation held. IOCs exchanged bilaterally.",
  });
  await agenda(held, "strategic", "Work plan for next year", { minutes: "Draft by the secretariat for the winter meeting." });
  await trx
    .insertInto("meeting_decisions")
    .values({
      id: randomUUID(),
      agenda_item_id: drill.id,
      text: "Repeat the DDoS exercise in spring with the finance sector.",
      decided_at: day(-20, 11),
      recorded_by: secretariat.id,
    })
    .execute();
  await agenda(next, "administrative", "Membership applications", {});
  await agenda(next, "operational", "Threat landscape of the quarter", { author: chair });
  await agenda(next, "strategic", "Sector-wide measure on remote access", {});
  await agenda(next, "operational", "Satellite timing outage: what we learnt", { status: "proposed", author: ben });
  for (const p of [chair, anna, ben, secretariat]) {
    await trx
      .insertInto("meeting_attendance")
      .values({ meeting_id: held.id, person_id: p.id, response: "attending", attended: true, note: "", updated_at: day(-21) })
      .execute();
  }

  const action = async (
    title: string,
    owner: { person?: { id: string }; org?: string },
    due: Date,
    status: "open" | "done",
    from?: { id: string; tlp: TlpLabel; persons?: string[] },
  ) => {
    const row = {
      id: randomUUID(),
      title,
      description: "",
      owner_person_id: owner.person?.id ?? null,
      owner_organisation_id: owner.org ? ids.org(owner.org) : null,
      due_on: due.toISOString().slice(0, 10),
      status,
      status_note: status === "done" ? "Circulated to all members." : "",
      meeting_id: held.id,
      agenda_item_id: from?.id ?? null,
      reminded_at: null,
      escalated_at: null,
      closed_at: status === "done" ? day(-5) : null,
      tlp: from?.tlp ?? ("TLP:GREEN" as TlpLabel),
      ...(from?.persons
        ? { audience_exchange: false, audience_organisations: [], audience_groups: [], audience_persons: from.persons }
        : EXCHANGE),
      ...by(secretariat),
      created_at: day(-19),
      updated_at: day(-19),
    };
    await trx.insertInto("action_items").values(row).execute();
    await trx
      .insertInto("action_updates")
      .values({ id: randomUUID(), action_id: row.id, status: "open", note: "", by_person_id: secretariat.id, at: day(-19) })
      .execute();
    return row;
  };
  await action("Share scrubbing-capacity figures in a good practice item", { org: "telenova" }, day(-3), "open");
  await action("Circulate the OT segmentation checklist", { person: anna }, day(5), "open", {
    id: red.id,
    tlp: "TLP:RED",
    persons: red.audience_persons,
  });
  await action("Draft next year's work plan", { person: secretariat }, day(-6), "done");

  await trx.updateTable("organisations").set({ escalation_person_id: ben.id }).where("id", "=", ids.org("telenova")).execute();

  const invitees = ["nordgrid", "sunvolt", "energyreg", "balticgas"];
  const persons = await trx
    .selectFrom("persons")
    .select(["id", "organisation_id"])
    .where("organisation_id", "in", invitees.map(ids.org))
    .execute();
  const call = {
    id: randomUUID(),
    title: "Suspected wiper on substation controllers",
    // Anna's RED incident: only those it names see the link; the other invitees see the call only.
    item_id: ids.item("Substation protection relay anomaly under investigation"),
    bridge: "Bridge +00 555 0100, PIN 4477 — or https://bridge.example/rt-urgent",
    starts_at: new Date(now.getTime() - 30 * 60_000),
    status: "open" as const,
    ended_at: null,
    summary_item_id: null,
    tlp: "TLP:RED" as const,
    audience_exchange: false,
    audience_organisations: [],
    audience_groups: [],
    audience_persons: persons.map((p) => p.id).filter((id) => id !== anna.id),
    ...by(anna),
    created_at: new Date(now.getTime() - 30 * 60_000),
  };
  await trx.insertInto("urgent_calls").values(call).execute();
  for (const [email, status, note] of [
    ["lea.fischer@sunvolt.example", "investigating", "Checking our inverter fleet."],
    ["ines.duarte@energyreg.example", "not-affected", ""],
  ] as const) {
    const p = ids.person(email);
    await trx
      .insertInto("roll_call_answers")
      .values({ call_id: call.id, person_id: p.id, organisation_id: p.organisationId, status, note, answered_at: now })
      .execute();
  }
  await notify(trx, deps, {
    type: "call.invited",
    subject: { type: "urgent-call", id: call.id, title: call.title, tlp: call.tlp, chain: [call] },
    urgent: true,
    exclude: [anna.id],
  });
  await notify(trx, deps, {
    type: "meeting.scheduled",
    subject: { type: "meeting", id: next.id, title: next.title, tlp: next.tlp, chain: [next] },
    urgent: false,
  });
}
