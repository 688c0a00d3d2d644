// The signed-in layout: skip link, header with navigation, notification bell and person, documents banner, main region.
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Link, useLocation } from "../router/router.js";
import { useRequiredSession, useSession } from "../session/session.js";
import { DocumentsBanner } from "./documents-banner.js";
import { NotificationBell } from "./notification-bell.js";

interface NavEntry {
  to: string;
  label: string;
  /** Whether the entry is current for a pathname. */
  current: (pathname: string) => boolean;
}

/** Above this many entries the navigation tightens its spacing, so that it still fits one line. */
const DENSE_NAV = 12;

const startsWith = (prefix: string) => (pathname: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/** Moves focus to the page heading after client-side navigation so screen readers announce it. */
function useFocusOnNavigate(pathname: string) {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page, by design.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }, [pathname]);
}

/** Wraps every signed-in page. */
export function AppShell({ children }: { children: ReactNode }) {
  const session = useRequiredSession();
  const { logout } = useSession();
  const { pathname } = useLocation();
  const [busy, setBusy] = useState(false);
  useFocusOnNavigate(pathname);

  const { person, stage } = session;
  const enrolling = stage === "enrolment";
  const nav: NavEntry[] = enrolling
    ? [{ to: "/account", label: "Account", current: startsWith("/account") }]
    : [
        {
          to: "/",
          label: "Feed",
          current: (p) => p === "/" || (p.startsWith("/items/") && p !== "/items/new"),
        },
        { to: "/items/new", label: "Post", current: (p) => p === "/items/new" },
        { to: "/import", label: "Import", current: startsWith("/import") },
        { to: "/search", label: "Search", current: startsWith("/search") },
        {
          to: "/meetings",
          label: "Meetings",
          current: (p) => startsWith("/meetings")(p) || startsWith("/calls")(p),
        },
        { to: "/actions", label: "Actions", current: startsWith("/actions") },
        { to: "/measures", label: "Measures", current: startsWith("/measures") },
        {
          to: "/interdependencies",
          label: "Interdependencies",
          current: (p) => ["/interdependencies", "/cascade", "/iim"].some((prefix) => startsWith(prefix)(p)),
        },
        person.role === "member"
          ? { to: "/my-organisation", label: "My organisation", current: startsWith("/my-organisation") }
          : {
              to: "/participation",
              label: "Participation",
              current: (p) => ["/participation", "/insight", "/my-organisation"].some((prefix) => startsWith(prefix)(p)),
            },
        { to: "/audit", label: "Audit", current: startsWith("/audit") },
        ...(person.role === "secretariat"
          ? [
              { to: "/admin", label: "Admin", current: startsWith("/admin") },
              { to: "/federation", label: "Peers", current: startsWith("/federation") },
            ]
          : []),
        { to: "/account", label: "Account", current: startsWith("/account") },
      ];

  const signOut = async () => {
    setBusy(true);
    await logout();
    setBusy(false);
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={enrolling ? "/account" : "/"} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Roundtable
          </Link>
          <nav aria-label="Main" className={nav.length > DENSE_NAV ? "main-nav main-nav-dense" : "main-nav"}>
            <ul>
              {nav.map((entry) => (
                <li key={entry.to}>
                  <Link to={entry.to} aria-current={entry.current(pathname) ? "page" : undefined}>
                    {entry.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-account">
            {!enrolling && <NotificationBell current={startsWith("/notifications")(pathname)} />}
            <div className="who">
              <span className="who-name">{person.name}</span>
              <span className="who-org">{person.organisationName}</span>
            </div>
            <button type="button" className="button button-secondary button-small" onClick={signOut} disabled={busy}>
              Log out
            </button>
          </div>
        </div>
      </header>
      {!enrolling && !person.acceptedCurrentDocuments && pathname !== "/documents" && <DocumentsBanner />}
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Roundtable — information sharing under the Traffic Light Protocol (FIRST TLP 2.0).</p>
      </footer>
    </div>
  );
}

/** The layout of pages used before signing in (login, first start, invitation). */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="shell shell-public">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Roundtable
          </span>
        </div>
      </header>
      <main id="main" className="main main-narrow" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Roundtable — information sharing under the Traffic Light Protocol (FIRST TLP 2.0).</p>
      </footer>
    </div>
  );
}
