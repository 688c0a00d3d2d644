// The sub-navigation of the interdependency pages: services and dependencies, cascade simulation, sector model.
import { Link, useLocation } from "../../router/router.js";

const PAGES = [
  { to: "/interdependencies", label: "Services and dependencies" },
  { to: "/cascade", label: "Cascade simulation" },
  { to: "/iim", label: "Sector model (IIM)" },
];

/** Links between the three pages; the current one is marked. */
export function AnalysisNav() {
  const { pathname } = useLocation();
  return (
    <nav className="segmented analysis-nav" aria-label="Interdependencies">
      {PAGES.map((page) => (
        <Link key={page.to} to={page.to} className="filter-link" aria-current={pathname === page.to ? "page" : undefined}>
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
