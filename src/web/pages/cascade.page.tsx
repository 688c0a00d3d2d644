// /cascade[?incident=…]: simulate how a failure cascades over the dependency graph — the inputs, the result as a
// timeline, a table and a graph (services I may not see only as counts per sector), and saving it as an analysis.
import { useState } from "react";
import { ErrorAlert } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { interdependenciesApi } from "../data/endpoints.js";
import type { Sector, SimulateRequest, SimulationResult } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useDirectory } from "../hooks/use-directory.js";
import { useTitle } from "../hooks/use-title.js";
import { formatHours, sectorName } from "../lib/format.js";
import { useSearchParams } from "../router/router.js";
import { CascadeTimeline } from "./cascade/cascade-timeline.js";
import { ResultGraph } from "./cascade/result-graph.js";
import { ResultTable } from "./cascade/result-table.js";
import { SaveAnalysisForm } from "./cascade/save-analysis-form.js";
import { SimulationForm } from "./cascade/simulation-form.js";
import { AnalysisNav } from "./interdependencies/analysis-nav.js";

interface Run {
  request: SimulateRequest;
  result: SimulationResult;
  /** Changes with every run, so the save form starts afresh. */
  key: number;
}

function Summary({ result }: { result: SimulationResult }) {
  return (
    <dl className="meta cascade-summary" data-testid="cascade-summary">
      <div>
        <dt>Sectors touched</dt>
        <dd>{result.sectorsTouched.length ? result.sectorsTouched.map((s) => sectorName(s as Sector)).join(", ") : "None"}</dd>
      </div>
      <div>
        <dt>Organisations touched</dt>
        <dd>{result.organisationsTouched}</dd>
      </div>
      <div>
        <dt>Not restored within {formatHours(result.horizonHours)}</dt>
        <dd>{result.unrestoredAtHorizon}</dd>
      </div>
      <div>
        <dt>Label of the result</dt>
        <dd>
          at least <TlpBadge label={result.minimumLabel} />
        </dd>
      </div>
    </dl>
  );
}

/** A default title: the first failed service and its duration. */
function titleOf(run: Run, names: ReadonlyMap<string, string>): string {
  const first = run.request.initial?.[0];
  if (!first) return "Cascade analysis of an incident";
  const name = names.get(first.serviceId) ?? "a service";
  const more = (run.request.initial?.length ?? 0) > 1 ? " and others" : "";
  return `Cascade: ${name}${more} down for ${formatHours(first.durationHours)}`;
}

/** The cascade simulation page. */
export function CascadePage() {
  useTitle("Cascade simulation");
  const incident = useSearchParams().get("incident") ?? "";
  const graph = useApi((signal) => interdependenciesApi.graph({ signal }), []);
  const directory = useDirectory();
  const [run, setRun] = useState<Run | null>(null);
  const services = graph.data?.services ?? [];
  const known = new Map(services.map((s) => [s.id, s]));
  const names = new Map(services.map((s) => [s.id, s.name]));

  return (
    <>
      <h1>Cascade simulation</h1>
      <AnalysisNav />
      <p className="lead">
        Start from failed or degraded services and see, hour by hour, which services depending on them degrade or fail, and when
        they recover. The simulation uses the whole graph, but shows services you may not see only as counts per sector.
      </p>
      {graph.loading && !graph.data && <Loading label="Loading the services you can see…" />}
      <ErrorAlert error={graph.error} />
      {graph.data && (
        <SimulationForm
          services={services}
          initialIncident={incident}
          onResult={(request, result) => setRun((previous) => ({ request, result, key: (previous?.key ?? 0) + 1 }))}
        />
      )}

      {run && (
        <section className="section" aria-labelledby="result-heading" data-testid="cascade-result">
          <h2 id="result-heading">Result</h2>
          <Summary result={run.result} />
          {run.result.services.length === 0 && run.result.hidden.length === 0 ? (
            <p className="muted">Nothing is affected.</p>
          ) : (
            <>
              <h3>Timeline</h3>
              <CascadeTimeline result={run.result} />
              <h3>Affected services</h3>
              <ResultTable result={run.result} />
              <h3>Graph</h3>
              <ResultGraph result={run.result} known={known} />
            </>
          )}
          <details className="disclosure panel">
            <summary>Save as an analysis</summary>
            {directory.data ? (
              <SaveAnalysisForm
                key={run.key}
                request={run.request}
                result={run.result}
                directory={directory.data}
                defaultTitle={titleOf(run, names)}
              />
            ) : (
              <>
                {directory.loading && <Loading label="Loading organisations, groups and persons…" />}
                <ErrorAlert error={directory.error} />
              </>
            )}
          </details>
        </section>
      )}
    </>
  );
}
