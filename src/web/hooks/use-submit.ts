// The sending state of a form: busy while its request is out, and the error it shows (a refusal or a failed request).
import { useState } from "react";

/** What `useSubmit` gives a form. */
export interface Submit {
  busy: boolean;
  error: unknown;
  /** Replaces the error (e.g. with the failure of another request of the same section). */
  setError: (error: unknown) => void;
  /** Shows `message` as the error instead of sending. */
  refuse: (message: string) => void;
  /** Clears the error and runs `request` while busy; a failure becomes the error. */
  send: (request: () => Promise<unknown>) => Promise<void>;
}

/**
 * A form's busy and error state. With `closes`, the form stays busy after a successful request, because it goes away then
 * (its owner closes it or navigates on), so it cannot be sent twice meanwhile; otherwise it is ready again.
 */
export function useSubmit({ closes = false }: { closes?: boolean } = {}): Submit {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const refuse = (message: string) => setError(new Error(message));
  const send = async (request: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
      if (!closes) setBusy(false);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return { busy, error, setError, refuse, send };
}
