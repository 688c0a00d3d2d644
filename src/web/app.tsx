// The route table and the guards: who may see which page at which stage of the session.
import { lazy, type ReactNode, Suspense } from "react";
import { AppShell, PublicShell } from "./components/app-shell.js";
import { Loading } from "./components/loading.js";
import { FeedPage } from "./pages/feed.page.js";
import { InvitationPage } from "./pages/invitation.page.js";
import { ItemPage } from "./pages/item.page.js";
import { LoginPage } from "./pages/login.page.js";
import { NewItemPage } from "./pages/new-item.page.js";
import { NotFoundPage } from "./pages/not-found.page.js";
import { SearchPage } from "./pages/search.page.js";
import { SetupPage } from "./pages/setup.page.js";
import { Redirect } from "./router/redirect.js";
import { matchPath, useLocation } from "./router/router.js";
import { useSession } from "./session/session.js";

// Pages most visits never open are loaded on demand, keeping the first download small.
const ActionPage = lazy(() => import("./pages/action.page.js").then((m) => ({ default: m.ActionPage })));
const ActionsPage = lazy(() => import("./pages/actions.page.js").then((m) => ({ default: m.ActionsPage })));
const CallPage = lazy(() => import("./pages/call.page.js").then((m) => ({ default: m.CallPage })));
const MeetingPage = lazy(() => import("./pages/meeting.page.js").then((m) => ({ default: m.MeetingPage })));
const MeetingsPage = lazy(() => import("./pages/meetings.page.js").then((m) => ({ default: m.MeetingsPage })));
const NewCallPage = lazy(() => import("./pages/new-call.page.js").then((m) => ({ default: m.NewCallPage })));
const NotificationsPage = lazy(() => import("./pages/notifications.page.js").then((m) => ({ default: m.NotificationsPage })));
const AccountPage = lazy(() => import("./pages/account.page.js").then((m) => ({ default: m.AccountPage })));
const AdminPage = lazy(() => import("./pages/admin.page.js").then((m) => ({ default: m.AdminPage })));
const AuditPage = lazy(() => import("./pages/audit.page.js").then((m) => ({ default: m.AuditPage })));
const DocumentsPage = lazy(() => import("./pages/documents.page.js").then((m) => ({ default: m.DocumentsPage })));
const MeasuresPage = lazy(() => import("./pages/measures.page.js").then((m) => ({ default: m.MeasuresPage })));
const NewMeasurePage = lazy(() => import("./pages/new-measure.page.js").then((m) => ({ default: m.NewMeasurePage })));
const MeasurePage = lazy(() => import("./pages/measure.page.js").then((m) => ({ default: m.MeasurePage })));
const InterdependenciesPage = lazy(() =>
  import("./pages/interdependencies.page.js").then((m) => ({ default: m.InterdependenciesPage })),
);
const CascadePage = lazy(() => import("./pages/cascade.page.js").then((m) => ({ default: m.CascadePage })));
const IimPage = lazy(() => import("./pages/iim.page.js").then((m) => ({ default: m.IimPage })));
const EditItemPage = lazy(() => import("./pages/edit-item.page.js").then((m) => ({ default: m.EditItemPage })));
const ParticipationPage = lazy(() => import("./pages/participation.page.js").then((m) => ({ default: m.ParticipationPage })));
const MyOrganisationPage = lazy(() => import("./pages/my-organisation.page.js").then((m) => ({ default: m.MyOrganisationPage })));
const ImportPage = lazy(() => import("./pages/import.page.js").then((m) => ({ default: m.ImportPage })));
const FederationPage = lazy(() => import("./pages/federation.page.js").then((m) => ({ default: m.FederationPage })));
const InsightPage = lazy(() => import("./pages/insight.page.js").then((m) => ({ default: m.InsightPage })));

type Params = Record<string, string>;

interface Route {
  path: string;
  render: (params: Params) => ReactNode;
  /** Public pages are reachable without a session. */
  public?: boolean;
  secretariatOnly?: boolean;
  /** For the chairs and the secretariat. */
  chairsOnly?: boolean;
}

const ROUTES: readonly Route[] = [
  { path: "/login", public: true, render: () => <LoginPage /> },
  { path: "/setup", public: true, render: () => <SetupPage /> },
  {
    path: "/invitation/:token",
    public: true,
    render: (p) => <InvitationPage token={p.token ?? ""} />,
  },
  { path: "/", render: () => <FeedPage /> },
  { path: "/items/new", render: () => <NewItemPage /> },
  {
    path: "/items/:id",
    render: (p) => <ItemPage key={p.id} id={p.id ?? ""} />,
  },
  {
    path: "/items/:id/edit",
    render: (p) => <EditItemPage key={p.id} id={p.id ?? ""} />,
  },
  { path: "/search", render: () => <SearchPage /> },
  { path: "/import", render: () => <ImportPage /> },
  { path: "/meetings", render: () => <MeetingsPage /> },
  {
    path: "/meetings/:id",
    render: (p) => <MeetingPage key={p.id} id={p.id ?? ""} />,
  },
  { path: "/actions", render: () => <ActionsPage /> },
  {
    path: "/actions/:id",
    render: (p) => <ActionPage key={p.id} id={p.id ?? ""} />,
  },
  { path: "/calls/new", render: () => <NewCallPage /> },
  {
    path: "/calls/:id",
    render: (p) => <CallPage key={p.id} id={p.id ?? ""} />,
  },
  { path: "/measures", render: () => <MeasuresPage /> },
  { path: "/measures/new", render: () => <NewMeasurePage /> },
  {
    path: "/measures/:id",
    render: (p) => <MeasurePage key={p.id} id={p.id ?? ""} />,
  },
  { path: "/interdependencies", render: () => <InterdependenciesPage /> },
  { path: "/cascade", render: () => <CascadePage /> },
  { path: "/iim", render: () => <IimPage /> },
  { path: "/participation", chairsOnly: true, render: () => <ParticipationPage /> },
  { path: "/insight", chairsOnly: true, render: () => <InsightPage /> },
  { path: "/my-organisation", render: () => <MyOrganisationPage /> },
  { path: "/notifications", render: () => <NotificationsPage /> },
  { path: "/account", render: () => <AccountPage /> },
  { path: "/documents", render: () => <DocumentsPage /> },
  { path: "/audit", render: () => <AuditPage /> },
  { path: "/admin", secretariatOnly: true, render: () => <AdminPage /> },
  { path: "/federation", secretariatOnly: true, render: () => <FederationPage /> },
];

function findRoute(pathname: string): { route: Route; params: Params } | null {
  const normalised = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  for (const route of ROUTES) {
    const params = matchPath(route.path, normalised);
    if (params) return { route, params };
  }
  return null;
}

/** Renders the page for the current location, redirecting when the session does not allow it. */
export function App() {
  const { pathname, search } = useLocation();
  const { loading, loadError, session, refresh } = useSession();

  if (loading) {
    return (
      <PublicShell>
        <Loading label="Loading Roundtable…" />
      </PublicShell>
    );
  }
  if (loadError) {
    return (
      <PublicShell>
        <h1>Roundtable is unavailable</h1>
        <div className="alert alert-error" role="alert">
          <p>{loadError}</p>
        </div>
        <button type="button" className="button" onClick={() => void refresh()}>
          Try again
        </button>
      </PublicShell>
    );
  }

  const found = findRoute(pathname);
  if (found?.route.public) return <PublicShell>{found.route.render(found.params)}</PublicShell>;

  if (!session || session.stage === "second_factor") {
    const next = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    return <Redirect to={`/login${next}`} />;
  }
  if (session.stage === "enrolment" && pathname !== "/account") return <Redirect to="/account" />;

  if (!found) {
    return (
      <AppShell>
        <NotFoundPage />
      </AppShell>
    );
  }
  if (found.route.secretariatOnly && session.person.role !== "secretariat") {
    return (
      <AppShell>
        <NotFoundPage message="This page is for the secretariat only." />
      </AppShell>
    );
  }
  if (found.route.chairsOnly && session.person.role === "member") {
    return (
      <AppShell>
        <NotFoundPage heading="Not available" message="This page is for the chairs and the secretariat." />
      </AppShell>
    );
  }
  return (
    <AppShell>
      <Suspense fallback={<Loading label="Loading the page…" />}>{found.route.render(found.params)}</Suspense>
    </AppShell>
  );
}
