// iCalendar: one meeting as a download, and a per-person feed URL (token-based, revocable) that
// calendar programs poll. A calendar leaves the exchange like e-mail: above TLP:GREEN an event
// carries its label and a link only.
import { randomUUID } from "node:crypto";
import ical, { ICalEventStatus } from "ical-generator";
import { AppError, notFound } from "../../shared/errors.js";
import { mayLeaveTheExchange } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import * as feeds from "../repositories/calendar.repository.js";
import * as calls from "../repositories/calls.repository.js";
import * as repo from "../repositories/meetings.repository.js";
import { hashSecret, randomSecret } from "../security/secrets.js";

type MeetingRow = repo.MeetingRow & { host_name: string | null };

function calendar(deps: Deps, name: string) {
  return ical({
    name,
    prodId: { company: "Roundtable", product: "Roundtable", language: "EN" },
    ttl: 3600,
    url: deps.config.publicUrl,
  });
}

function addMeeting(deps: Deps, cal: ReturnType<typeof ical>, m: MeetingRow): void {
  const open = mayLeaveTheExchange(m.tlp);
  const url = `${deps.config.publicUrl}/meetings/${m.id}`;
  cal.createEvent({
    id: `${m.id}@roundtable`,
    start: m.starts_at,
    end: m.ends_at,
    summary: open ? m.title : `[${m.tlp}] Roundtable meeting`,
    description: `${open ? `${m.tlp}\n` : `${m.tlp}: open Roundtable to read the details.\n`}${url}`,
    location: open ? m.location : null,
    url,
    status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: m.updated_at,
  });
}

/** One readable meeting as an .ics file. */
export async function meetingIcs(deps: Deps, viewer: Viewer, id: string): Promise<string> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const meeting = await repo.findMeeting(trx, id);
    if (!meeting) throw notFound("meeting");
    const cal = calendar(deps, "Roundtable");
    addMeeting(deps, cal, meeting);
    return cal.toString();
  });
}

/** Creates a feed for the viewer; the URL (with its secret) is shown only now. */
export async function createFeed(deps: Deps, viewer: Viewer) {
  const token = randomSecret();
  const row = {
    id: randomUUID(),
    person_id: viewer.personId,
    token_hash: hashSecret(token),
    created_at: deps.clock(),
    revoked_at: null,
  };
  await deps.db.asViewer(viewer.personId, (trx) => feeds.insertFeed(trx, row));
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    revokedAt: null,
    url: `${deps.config.publicUrl}/calendar/${token}.ics`,
  };
}

/** The viewer's feeds (without their secrets). */
export async function listFeeds(deps: Deps, viewer: Viewer) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const rows = await feeds.feedsOf(trx, viewer.personId);
    return {
      feeds: rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        revokedAt: r.revoked_at?.toISOString() ?? null,
      })),
    };
  });
}

/** Revokes one of the viewer's feeds; calendar programs then get 410 Gone. */
export async function revokeFeed(deps: Deps, viewer: Viewer, id: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    if (!(await feeds.revokeFeed(trx, viewer.personId, id, deps.clock()))) throw notFound("calendar feed");
    return { ok: true as const };
  });
}

/** The feed behind a token: the meetings and urgent calls its person may see, as that person. */
export async function feedIcs(deps: Deps, token: string): Promise<string> {
  const feed = await feeds.feedByTokenHash(deps.db.kysely, hashSecret(token));
  if (!feed) throw notFound("calendar feed");
  if (feed.revoked_at)
    throw new AppError("calendar_feed_revoked", "This calendar feed was revoked; create a new one under Account.");
  const now = deps.clock();
  return deps.db.asViewer(feed.person_id, async (trx) => {
    const cal = calendar(deps, "Roundtable meetings");
    const from = new Date(now.getTime() - 90 * 86_400_000);
    const to = new Date(now.getTime() + 400 * 86_400_000);
    for (const m of await repo.listMeetings(trx, from, to, feed.person_id)) addMeeting(deps, cal, m);
    for (const c of await calls.listCalls(trx)) {
      if (c.status !== "open") continue;
      const url = `${deps.config.publicUrl}/calls/${c.id}`;
      cal.createEvent({
        id: `${c.id}@roundtable`,
        start: c.starts_at,
        end: new Date(c.starts_at.getTime() + 3_600_000),
        summary: "[TLP:RED] Urgent call",
        description: `TLP:RED: open Roundtable for the details and the bridge.\n${url}`,
        url,
      });
    }
    return cal.toString();
  });
}
