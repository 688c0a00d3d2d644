// /measures[?stage=…]: preparedness measures — the ones that apply to my organisation with the reports due, then all
// measures by stage, each with its aggregate implementation bar; export links.
import { MEASURE_STAGES } from "../../shared/schemas/measures.schemas.js";
import { ErrorAlert } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { measuresApi } from "../data/endpoints.js";
import type { MeasureStage, MeasureSummary } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { measureStageName } from "../lib/format.js";
import { Link, useSearchParams } from "../router/router.js";
import { useRequiredSession } from "../session/session.js";
import { ExportLinks } from "./measures/export-links.js";
import { MeasureCard } from "./measures/measure-card.js";

function stageFrom(value: string | null): MeasureStage | undefined {
  return (MEASURE_STAGES as readonly string[]).includes(value ?? "") ? (value as MeasureStage) : undefined;
}

/** Due reports first, then adopted before proposed, then by title. */
function ordered(measures: readonly MeasureSummary[]): MeasureSummary[] {
  const rank = (m: MeasureSummary) => (m.myReportDue ? 0 : m.stage === "adopted" ? 1 : m.stage === "proposed" ? 2 : 3);
  return [...measures].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

function MineSection() {
  const { person } = useRequiredSession();
  const mine = useApi((signal) => measuresApi.list({ mine: true }, { signal }), []);
  const current = (mine.data?.measures ?? []).filter((m) => m.stage !== "retired");
  const due = current.filter((m) => m.myReportDue).length;
  return (
    <section className="section" aria-labelledby="mine-heading" data-testid="my-measures">
      <h2 id="mine-heading">
        {person.organisationName}'s measures <span className="heading-count">({current.length})</span>
        {due > 0 && (
          <span className="status status-overdue heading-status">
            {due} report{due === 1 ? "" : "s"} due
          </span>
        )}
      </h2>
      {mine.loading && !mine.data && <Loading label="Loading your organisation's measures…" />}
      <ErrorAlert error={mine.error} />
      {mine.data && current.length === 0 && <p className="muted">No measure applies to your organisation yet.</p>}
      {current.length > 0 && (
        <ul className="measure-list">
          {ordered(current).map((m) => (
            <MeasureCard key={m.id} measure={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The measures page. */
export function MeasuresPage() {
  useTitle("Measures");
  const stage = stageFrom(useSearchParams().get("stage"));
  const list = useApi((signal) => measuresApi.list({ stage }, { signal }), [stage]);
  const measures = list.data?.measures ?? [];
  const filters: { to: string; label: string; stage: MeasureStage | undefined }[] = [
    { to: "/measures", label: "All", stage: undefined },
    ...MEASURE_STAGES.map((s) => ({ to: `/measures?stage=${s}`, label: measureStageName(s), stage: s })),
  ];

  return (
    <>
      <div className="page-head">
        <h1>Preparedness measures</h1>
        <div className="actions">
          <Link to="/measures/new" className="button">
            Propose a measure
          </Link>
        </div>
      </div>
      <p className="lead">
        Measures the exchange agrees for its sectors. Once adopted, each organisation they apply to reports how far it has
        implemented them; everyone else sees only counts, and no count of fewer than three organisations.
      </p>

      <MineSection />

      <section className="section" aria-labelledby="all-heading">
        <div className="section-head">
          <h2 id="all-heading">All measures</h2>
          <nav className="segmented" aria-label="Stage">
            {filters.map((f) => (
              <Link key={f.to} to={f.to} className="filter-link" aria-current={stage === f.stage ? "page" : undefined}>
                {f.label}
              </Link>
            ))}
          </nav>
        </div>
        <div aria-busy={list.loading}>
          {list.loading && !list.data && <Loading label="Loading the measures…" />}
          <ErrorAlert error={list.error} />
          {list.data && measures.length === 0 && (
            <div className="empty">
              <p>{stage ? `No ${measureStageName(stage).toLowerCase()} measures.` : "No measures yet."}</p>
            </div>
          )}
          {measures.length > 0 && (
            <ul className="measure-list" data-testid="measure-list">
              {ordered(measures).map((m) => (
                <MeasureCard key={m.id} measure={m} />
              ))}
            </ul>
          )}
        </div>
        <ExportLinks />
      </section>
    </>
  );
}
