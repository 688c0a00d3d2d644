// The live stream of the signed-in person: one EventSource per tab, shared by every listener.
// Events carry no content (only ids and types); listeners refetch what they show.
import { notificationsApi } from "./endpoints.js";
import type { StreamEvent } from "./types.js";

const READ_EVENT = "roundtable:notifications-read";

/** Called with each event, or with null after the stream (re)connected (events may have been missed). */
export type LiveListener = (event: StreamEvent | null) => void;

const listeners = new Set<LiveListener>();
let source: EventSource | null = null;

function parse(data: unknown): StreamEvent | null {
  if (typeof data !== "string") return null;
  try {
    const value = JSON.parse(data) as Partial<StreamEvent>;
    return typeof value.type === "string" && typeof value.subjectId === "string" ? (value as StreamEvent) : null;
  } catch {
    return null;
  }
}

function open(): void {
  if (source || typeof EventSource === "undefined") return;
  const stream = new EventSource(notificationsApi.streamUrl, { withCredentials: true });
  let opened = false;
  stream.addEventListener("open", () => {
    // The first open needs no catching up; a reconnection may have missed events.
    if (opened) for (const listener of [...listeners]) listener(null);
    opened = true;
  });
  // "notification": a new notification of yours; "update": news about something you may read
  // (a roll-call answer) that is not a notification of its own.
  for (const name of ["notification", "update"]) {
    stream.addEventListener(name, (message) => {
      const event = parse((message as MessageEvent).data);
      if (event) for (const listener of [...listeners]) listener(event);
    });
  }
  source = stream;
}

function close(): void {
  source?.close();
  source = null;
}

/** Subscribes to the live stream (opening it on first use, closing it after the last); returns the unsubscribe. */
export function subscribeLive(listener: LiveListener): () => void {
  listeners.add(listener);
  open();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) close();
  };
}

/** Tells the rest of the tab that notifications were marked read (the bell recounts). */
export function announceNotificationsRead(): void {
  window.dispatchEvent(new Event(READ_EVENT));
}

/** Subscribes to "notifications were marked read" in this tab; returns the unsubscribe. */
export function subscribeNotificationsRead(listener: () => void): () => void {
  window.addEventListener(READ_EVENT, listener);
  return () => window.removeEventListener(READ_EVENT, listener);
}
