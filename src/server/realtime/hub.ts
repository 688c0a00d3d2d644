// The live stream: Server-Sent Events per person on this instance. A committed batch of
// notifications arrives as its id through PostgreSQL NOTIFY (from this or any other instance);
// the hub sends each connected recipient an event naming the notification — never its content.
import type { ServerResponse } from "node:http";
import { AppError } from "../../shared/errors.js";
import { readersOf } from "../../shared/policy.js";
import type { StreamEvent } from "../../shared/schemas/index.js";
import type { Database } from "../db/database.js";
import { contentOf, EVENTS_CHANNEL } from "../notifications/notify.js";
import { loadFacts } from "../repositories/facts.repository.js";
import { batchRows } from "../repositories/notifications.repository.js";

const HEARTBEAT_MS = 25_000;

/** Connected streams on this instance, by person. */
export class LiveHub {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private unlisten: (() => Promise<void>) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly maxPerPerson: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts listening for batches. */
  async start(): Promise<void> {
    this.unlisten = await this.db.listen(EVENTS_CHANNEL, (batchId) => {
      // Deliver in commit order, one batch after another.
      this.pending = this.pending.then(() => this.deliver(batchId)).catch(this.onError);
    });
    this.heartbeat = setInterval(() => this.broadcastComment("ping"), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Adds a stream for `personId`; refuses more than the allowed number per person. */
  open(personId: string, response: ServerResponse): void {
    const set = this.streams.get(personId) ?? new Set();
    if (set.size >= this.maxPerPerson) {
      throw new AppError("too_many_streams", `At most ${this.maxPerPerson} live streams per person; close another tab.`);
    }
    set.add(response);
    this.streams.set(personId, set);
    response.on("close", () => {
      set.delete(response);
      if (set.size === 0) this.streams.delete(personId);
    });
  }

  /** How many streams are open on this instance. */
  get size(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  private async deliver(payload: string): Promise<void> {
    if (this.streams.size === 0) return;
    const update = /^update:urgent-call:([0-9a-f-]{36})$/.exec(payload);
    if (update) return this.deliverCallUpdate(update[1] as string);
    const batchId = payload;
    if (!/^[0-9a-f-]{36}$/.test(batchId)) return;
    for (const row of await batchRows(this.db.kysely, batchId)) {
      const streams = this.streams.get(row.person_id);
      if (!streams) continue;
      const event: StreamEvent = {
        id: row.id,
        type: row.type as StreamEvent["type"],
        urgent: row.urgent,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        createdAt: row.created_at.toISOString(),
      };
      const frame = `event: notification\nid: ${row.id}\ndata: ${JSON.stringify(event)}\n\n`;
      for (const response of streams) response.write(frame);
    }
  }

  // A roll-call answer is news to everyone on the call, not a notification for each: an "update"
  // event (no content) goes to the connected persons the policy lets read the call.
  private async deliverCallUpdate(callId: string): Promise<void> {
    const call = await this.db.kysely.selectFrom("urgent_calls").selectAll().where("id", "=", callId).executeTakeFirst();
    if (!call) return;
    const readers = readersOf([contentOf(call)], await loadFacts(this.db.kysely));
    const event: StreamEvent = {
      id: callId,
      type: "call.answered",
      urgent: false,
      subjectType: "urgent-call",
      subjectId: callId,
      createdAt: new Date().toISOString(),
    };
    const frame = `event: update\ndata: ${JSON.stringify(event)}\n\n`;
    for (const [personId, streams] of this.streams) {
      if (readers.has(personId)) for (const response of streams) response.write(frame);
    }
  }

  private broadcastComment(text: string): void {
    for (const set of this.streams.values()) for (const response of set) response.write(`: ${text}\n\n`);
  }

  /** Ends every stream and stops listening. */
  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const set of this.streams.values()) for (const response of set) response.end();
    this.streams.clear();
    await this.unlisten?.();
    await this.pending;
  }
}
