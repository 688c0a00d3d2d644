// /interdependencies: my organisation's services and their dependencies (with forms to add them), the graph of every
// service and dependency I may see, and the other organisations' services I may see.
import { useState } from "react";
import { ErrorAlert, Notice } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { type GraphEdge, type GraphNode, ServiceGraph } from "../components/service-graph.js";
import { interdependenciesApi } from "../data/endpoints.js";
import type { Dependency, ServiceGraph as Graph, Service } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useDirectory } from "../hooks/use-directory.js";
import { useTitle } from "../hooks/use-title.js";
import { dependencyTypeName, formatHours, sectorName } from "../lib/format.js";
import { useRequiredSession } from "../session/session.js";
import { AnalysisNav } from "./interdependencies/analysis-nav.js";
import { DependenciesTable } from "./interdependencies/dependencies-table.js";
import { DependencyForm } from "./interdependencies/dependency-form.js";
import { ServiceForm } from "./interdependencies/service-form.js";
import { ServicesTable } from "./interdependencies/services-table.js";

/** The visible graph as drawing nodes (own or another organisation's) and edges (provider → dependent). */
function drawing(graph: Graph): { nodes: GraphNode[]; edges: GraphEdge[] } {
  return {
    nodes: graph.services.map((s) => ({
      id: s.id,
      label: s.name,
      detail: `${s.organisation.name} · ${sectorName(s.sector)}`,
      tone: s.own ? "own" : "other",
    })),
    edges: graph.dependencies.map((d) => ({
      id: d.id,
      from: d.providerId,
      to: d.dependentId,
      label: `${dependencyTypeName(d.type)} · ${formatHours(d.bufferHours)}`,
    })),
  };
}

/** The interdependencies page. */
export function InterdependenciesPage() {
  useTitle("Interdependencies");
  const { person } = useRequiredSession();
  const graph = useApi((signal) => interdependenciesApi.graph({ signal }), []);
  const directory = useDirectory();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const services = graph.data?.services ?? [];
  const byId = new Map(services.map((s) => [s.id, s]));
  const own = services.filter((s) => s.own);
  const others = services.filter((s) => !s.own);
  const ownIds = new Set(own.map((s) => s.id));
  const ownDependencies = (graph.data?.dependencies ?? []).filter((d) => ownIds.has(d.dependentId));

  const added = (service: Service) => {
    graph.setData((g) => (g ? { ...g, services: [...g.services, service] } : g));
    setNotice(`“${service.name}” was added.`);
  };
  const linked = (dependency: Dependency) => {
    graph.setData((g) => (g ? { ...g, dependencies: [...g.dependencies, dependency] } : g));
    setNotice("The dependency was added.");
  };
  const remove = async (dependency: Dependency) => {
    setBusy(dependency.id);
    setError(null);
    try {
      await interdependenciesApi.removeDependency(dependency.id);
      graph.setData((g) => (g ? { ...g, dependencies: g.dependencies.filter((d) => d.id !== dependency.id) } : g));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const picture = graph.data ? drawing(graph.data) : null;
  return (
    <>
      <h1>Interdependencies</h1>
      <AnalysisNav />
      <p className="lead">
        The services each organisation provides and what they depend on. A dependency on another organisation's service is visible
        only to those who can see both services.
      </p>
      {graph.loading && !graph.data && <Loading label="Loading services and dependencies…" />}
      <ErrorAlert error={graph.error} />
      {notice && (
        <Notice kind="success">
          <p>{notice}</p>
        </Notice>
      )}
      {graph.data && (
        <>
          <section className="section" aria-labelledby="own-heading">
            <h2 id="own-heading">
              {person.organisationName}'s services <span className="heading-count">({own.length})</span>
            </h2>
            {own.length === 0 ? (
              <p className="muted">Your organisation has described no service yet.</p>
            ) : (
              <ServicesTable services={own} caption="Your organisation's services" showOrganisation={false} />
            )}
            <details className="disclosure panel">
              <summary>Add a service</summary>
              {directory.data ? (
                <ServiceForm directory={directory.data} onCreated={added} />
              ) : (
                <>
                  {directory.loading && <Loading label="Loading organisations, groups and persons…" />}
                  <ErrorAlert error={directory.error} />
                </>
              )}
            </details>
          </section>

          <section className="section" aria-labelledby="dependencies-heading">
            <h2 id="dependencies-heading">
              What your services depend on <span className="heading-count">({ownDependencies.length})</span>
            </h2>
            {ownDependencies.length === 0 ? (
              <p className="muted">No dependency recorded.</p>
            ) : (
              <DependenciesTable dependencies={ownDependencies} byId={byId} busy={busy} onRemove={(d) => void remove(d)} />
            )}
            <ErrorAlert error={error} />
            {own.length > 0 && (
              <details className="disclosure panel">
                <summary>Add a dependency</summary>
                <DependencyForm services={services} onCreated={linked} />
              </details>
            )}
          </section>

          <section className="section" aria-labelledby="graph-heading">
            <h2 id="graph-heading">The graph you can see</h2>
            {picture && picture.nodes.length > 0 ? (
              <ServiceGraph
                nodes={picture.nodes}
                edges={picture.edges}
                label={`Dependency graph: ${picture.nodes.length} services, ${picture.edges.length} dependencies`}
              />
            ) : (
              <p className="muted">No service to show.</p>
            )}
          </section>

          <section className="section" aria-labelledby="others-heading">
            <h2 id="others-heading">
              Other organisations' services you can see <span className="heading-count">({others.length})</span>
            </h2>
            {others.length === 0 ? (
              <p className="muted">None is shared with you.</p>
            ) : (
              <ServicesTable services={others} caption="Other organisations' services" showOrganisation />
            )}
          </section>
        </>
      )}
    </>
  );
}
