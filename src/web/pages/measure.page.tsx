// /measures/:id: one preparedness measure — label, stage, decision, applicability and dates, the measure and its
// rationale, the items it answers, the status counts as a stacked bar, my organisation's report, the reports I may
// read, the thread; for the secretariat and chairs: adopt, revise, retire, adoption over time and overdue organisations.
import { TLP_MEANING } from "../../shared/tlp.js";
import { ErrorAlert, Notice } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { Markdown } from "../components/markdown.js";
import { StatusCountsBar } from "../components/status-counts-bar.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { ApiError } from "../data/client.js";
import { itemsApi, measuresApi } from "../data/endpoints.js";
import type { ItemKind, Measure } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useDirectory } from "../hooks/use-directory.js";
import { useTitle } from "../hooks/use-title.js";
import { kindName } from "../lib/format.js";
import { Link } from "../router/router.js";
import { useRequiredSession } from "../session/session.js";
import { ThreadSection } from "./item/thread-section.js";
import { AdoptForm } from "./measure/adopt-form.js";
import { AdoptionSection } from "./measure/adoption-section.js";
import { MeasureFacts } from "./measure/measure-facts.js";
import { ReportForm } from "./measure/report-form.js";
import { ReportsSection } from "./measure/reports-section.js";
import { RetireForm } from "./measure/retire-form.js";
import { ReviseForm } from "./measure/revise-form.js";
import { ExportLinks } from "./measures/export-links.js";
import { MeasureStageChip } from "./measures/measure-card.js";

function LinkedItems({ measure }: { measure: Measure }) {
  if (measure.linkedItems.length === 0) return null;
  return (
    <section className="section" aria-labelledby="linked-heading">
      <h2 id="linked-heading">What it answers</h2>
      <ul className="links" data-testid="linked-items">
        {measure.linkedItems.map((item) => (
          <li key={item.id}>
            <span className="link-target">
              <TlpBadge label={item.tlp} /> <span className="kind-tag">{kindName(item.kind as ItemKind)}</span>{" "}
              <Link to={`/items/${item.id}`}>{item.title}</Link>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MySection({ measure, onSaved }: { measure: Measure; onSaved: (measure: Measure) => void }) {
  const { person } = useRequiredSession();
  const directory = useDirectory();
  const current = measure.reports.find((r) => r.organisation.id === person.organisationId) ?? null;
  return (
    <section className="section" aria-labelledby="my-report-heading" data-testid="my-report">
      <h2 id="my-report-heading">{person.organisationName}'s implementation</h2>
      {!measure.appliesToMe ? (
        <p className="muted">This measure does not apply to your organisation.</p>
      ) : measure.stage === "proposed" ? (
        <p className="muted">Your organisation reports its implementation once the measure is adopted.</p>
      ) : measure.stage === "retired" ? (
        <p className="muted">The measure is retired; it takes no more reports.</p>
      ) : (
        <>
          {measure.myReportDue && (
            <Notice kind="warning">
              <p>Your organisation's report is due: confirm or update its status.</p>
            </Notice>
          )}
          <ReportForm
            key={current?.updatedAt ?? "new"}
            measure={measure}
            current={current}
            organisationName={person.organisationName}
            directory={directory.data}
            onSaved={onSaved}
          />
        </>
      )}
    </section>
  );
}

function ManageSection({ measure, onSaved }: { measure: Measure; onSaved: (measure: Measure) => void }) {
  if (measure.stage === "retired") return null;
  return (
    <section className="section" aria-labelledby="manage-heading" data-testid="manage-measure">
      <h2 id="manage-heading">Manage the measure</h2>
      {measure.stage === "proposed" && (
        <details className="disclosure panel manage-panel" open>
          <summary>Adopt the measure</summary>
          <AdoptForm measure={measure} onSaved={onSaved} />
        </details>
      )}
      {measure.stage === "adopted" && (
        <details className="disclosure panel manage-panel">
          <summary>Revise the measure</summary>
          <ReviseForm key={measure.targetDate ?? ""} measure={measure} onSaved={onSaved} />
        </details>
      )}
      <details className="disclosure panel panel-danger manage-panel">
        <summary>{measure.stage === "proposed" ? "Withdraw the proposal" : "Retire the measure"}</summary>
        <RetireForm measure={measure} onSaved={onSaved} />
      </details>
    </section>
  );
}

/** The measure page. */
export function MeasurePage({ id }: { id: string }) {
  const { person } = useRequiredSession();
  const measure = useApi((signal) => measuresApi.get(id, { signal }), [id]);
  // The measure is an item too: its thread lives there.
  const item = useApi((signal) => itemsApi.get(id, { signal }), [id]);
  useTitle(measure.data?.title ?? "Measure");

  if (measure.loading && !measure.data) {
    return (
      <>
        <h1 className="visually-hidden">Measure</h1>
        <Loading label="Loading the measure…" />
      </>
    );
  }
  if (measure.error || !measure.data) {
    const missing = measure.error instanceof ApiError && measure.error.code === "not_found";
    return (
      <>
        <h1>{missing ? "Measure not found" : "Could not load the measure"}</h1>
        {missing ? <p>This measure does not exist, or it was not shared with you.</p> : <ErrorAlert error={measure.error} />}
        <p>
          <Link to="/measures">Back to the measures</Link>
        </p>
      </>
    );
  }

  const data = measure.data;
  const saved = (updated: Measure) => measure.setData(updated);
  const revision = `${data.stage}/${data.reports.length}/${data.aggregate.reported}/${data.targetDate}`;
  return (
    <article className="measure">
      <header className="item-head">
        <div className="item-card-meta">
          <TlpBadge label={data.tlp} />
          <span className="kind-tag">{kindName("measure")}</span>
          <MeasureStageChip stage={data.stage} />
        </div>
        <h1 data-testid="measure-title">{data.title}</h1>
        <p className="tlp-meaning">{TLP_MEANING[data.tlp]}</p>
      </header>

      <MeasureFacts measure={data} />

      <section className="section item-body" aria-label="The measure">
        {data.body.trim() ? <Markdown source={data.body} /> : <p className="muted">No text.</p>}
      </section>
      {data.rationale.trim() && (
        <section className="section" aria-labelledby="rationale-heading">
          <h2 id="rationale-heading">Rationale</h2>
          <p className="pre-wrap">{data.rationale}</p>
        </section>
      )}
      <LinkedItems measure={data} />

      {data.stage !== "proposed" && (
        <section className="section" aria-labelledby="status-heading" data-testid="measure-aggregate">
          <h2 id="status-heading">Implementation across the exchange</h2>
          <StatusCountsBar aggregate={data.aggregate} />
        </section>
      )}

      <MySection measure={data} onSaved={saved} />
      {data.stage !== "proposed" && <ReportsSection reports={data.reports} organisationId={person.organisationId} />}

      {data.canManage && <ManageSection measure={data} onSaved={saved} />}
      {data.canManage && data.stage !== "proposed" && <AdoptionSection measureId={data.id} revision={revision} />}

      {item.data && <ThreadSection item={item.data} />}
      <ErrorAlert error={item.error} />

      <section className="section" aria-label="Export">
        <ExportLinks />
      </section>
    </article>
  );
}
