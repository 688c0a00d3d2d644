// Runs a callback on each event of the live stream (see data/live.ts) while the component is mounted.
import { useEffect, useRef } from "react";
import { type LiveListener, subscribeLive } from "../data/live.js";

/** Calls `onEvent` with each live event, or with null after a reconnection (refetch everything then). */
export function useLiveEvents(onEvent: LiveListener): void {
  const ref = useRef(onEvent);
  ref.current = onEvent;
  useEffect(() => subscribeLive((event) => ref.current(event)), []);
}
