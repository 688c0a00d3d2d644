// The signed-in session: loaded once from GET /api/session, updated after login and account changes.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, setAuthHandlers, setCsrfToken } from "../data/client.js";
import { authApi } from "../data/endpoints.js";
import type { SessionResponse } from "../data/types.js";
import { navigate } from "../router/router.js";

/** What the app knows about the session. `session` is null when nobody is signed in. */
export interface SessionState {
  loading: boolean;
  loadError: string | null;
  session: SessionResponse | null;
  /** Stores a SessionResponse returned by login, invitation, bootstrap or TOTP confirmation. */
  setSession: (session: SessionResponse | null) => void;
  /** Re-reads the session from the server (e.g. after accepting the documents). */
  refresh: () => Promise<void>;
  /** Ends the session on the server and goes to /login. */
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

function loginPathWithNext(): string {
  const here = window.location.pathname + window.location.search;
  if (here === "/" || here.startsWith("/login")) return "/login";
  return `/login?next=${encodeURIComponent(here)}`;
}

/** Provides the session to the app and wires the API client's 401 / enrolment handlers. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<SessionResponse | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);

  const setSession = useCallback((next: SessionResponse | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSessionState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setSession(await authApi.session({ quiet: true }));
      setLoadError(null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setSession(null);
        setLoadError(null);
      } else {
        setLoadError(error instanceof Error ? error.message : "Could not load the session.");
      }
    } finally {
      setLoading(false);
    }
  }, [setSession]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    setSession(null);
    navigate("/login");
  }, [setSession]);

  useEffect(() => {
    setAuthHandlers({
      unauthenticated: () => {
        setSession(null);
        navigate(loginPathWithNext(), { replace: true });
      },
      enrolmentRequired: () => {
        void refresh();
        navigate("/account", { replace: true });
      },
    });
    void refresh();
  }, [refresh, setSession]);

  const value = useMemo<SessionState>(
    () => ({ loading, loadError, session, setSession, refresh, logout }),
    [loading, loadError, session, setSession, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state; must be used under <SessionProvider>. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}

/** The signed-in session; only for components rendered behind the authentication guard. */
export function useRequiredSession(): SessionResponse {
  const { session } = useSession();
  if (!session) throw new Error("useRequiredSession used without a session");
  return session;
}
