// /iim: the sector-level Inoperability Input-Output Model — the coefficient heat map (the secretariat edits the
// matrix) and, for anyone, a perturbation solved for the inoperability of every sector.
import { ErrorAlert } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { interdependenciesApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { useRequiredSession } from "../session/session.js";
import { CoefficientsForm } from "./iim/coefficients-form.js";
import { HeatMap } from "./iim/heat-map.js";
import { PerturbationForm } from "./iim/perturbation-form.js";
import { AnalysisNav } from "./interdependencies/analysis-nav.js";

/** The IIM page. */
export function IimPage() {
  useTitle("Sector model (IIM)");
  const { person } = useRequiredSession();
  const model = useApi((signal) => interdependenciesApi.iim({ signal }), []);
  const data = model.data;
  const empty = !data || data.sectors.length === 0;

  return (
    <>
      <h1>Sector interdependencies (IIM)</h1>
      <AnalysisNav />
      <p className="lead">
        The Inoperability Input-Output Model works on sectors rather than services: q = A·q + c*, solved for q. A holds how much
        each sector depends on each other one; c* is the disruption; q is each sector's resulting inoperability. For strategic
        discussion, not operations.
      </p>
      {model.loading && !data && <Loading label="Loading the coefficients…" />}
      <ErrorAlert error={model.error} />
      {data && (
        <>
          <section className="section" aria-labelledby="coefficients-heading">
            <h2 id="coefficients-heading">Coefficients</h2>
            {empty ? (
              <p className="muted">The secretariat has not set the coefficients yet.</p>
            ) : (
              <>
                <HeatMap sectors={data.sectors} coefficients={data.coefficients} />
                {data.updatedAt && (
                  <p className="byline">
                    Updated <DateTime iso={data.updatedAt} />
                  </p>
                )}
              </>
            )}
            {person.role === "secretariat" && (
              <details className="disclosure panel" open={empty}>
                <summary>Edit the coefficients</summary>
                <CoefficientsForm key={data.updatedAt ?? "none"} current={data} onSaved={(saved) => model.setData(saved)} />
              </details>
            )}
          </section>
          {!empty && (
            <section className="section" aria-labelledby="solve-heading">
              <h2 id="solve-heading">What if a sector is disrupted?</h2>
              <PerturbationForm sectors={data.sectors} />
            </section>
          )}
        </>
      )}
    </>
  );
}
