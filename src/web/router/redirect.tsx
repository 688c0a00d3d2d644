// Redirects (replacing the history entry) once rendered.
import { useEffect } from "react";
import { navigate } from "./router.js";

/** Replaces the current location with `to`. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}
