// Loads data from the API for a component, with loading and error state, abort on change and reload.
import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";

/** The state of one load. */
export interface ApiState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Loads again (e.g. after a change). */
  reload: () => void;
  /** Replaces the data locally (e.g. with the server's answer to a change). */
  setData: (update: T | ((previous: T | null) => T | null)) => void;
}

/** Runs `load` on mount and whenever `deps` change; aborts the previous load. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
