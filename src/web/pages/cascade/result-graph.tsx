// A simulation as a graph: affected services coloured by their worst level, unaffected visible ones grey, the hidden
// ones as one node per sector.
import { type GraphEdge, type GraphNode, type GraphTone, ServiceGraph } from "../../components/service-graph.js";
import type { Sector, Service, SimulationResult } from "../../data/types.js";
import { formatHours, sectorName } from "../../lib/format.js";

/** The graph of `result`; `known` names the visible services a result edge leads to that the cascade did not touch. */
export function ResultGraph({ result, known }: { result: SimulationResult; known: ReadonlyMap<string, Service> }) {
  const initial = new Set(result.timeline.filter((e) => e.cause === "initial" && e.serviceId).map((e) => e.serviceId));
  const nodes = new Map<string, GraphNode>();
  for (const s of result.services) {
    const tone: GraphTone = initial.has(s.id) ? "initial" : s.worst >= 2 ? "failed" : "degraded";
    const until = s.restoredAtHours === null ? "not restored" : `until ${formatHours(s.restoredAtHours)}`;
    nodes.set(s.id, { id: s.id, label: s.name, detail: `from ${formatHours(s.firstAtHours)}, ${until}`, tone });
  }
  for (const e of result.edges) {
    for (const end of [e.providerId, e.dependentId]) {
      const service = known.get(end);
      if (!nodes.has(end) && service) {
        nodes.set(end, { id: end, label: service.name, detail: service.organisation.name, tone: "unaffected" });
      }
    }
  }
  for (const h of result.hidden) {
    const count = h.degraded + h.failed;
    nodes.set(`hidden:${h.sector}`, {
      id: `hidden:${h.sector}`,
      label: sectorName(h.sector as Sector),
      detail: `${count} hidden service${count === 1 ? "" : "s"}, from ${formatHours(h.firstAtHours)}`,
      tone: "hidden",
    });
  }
  const affected = new Set(result.services.map((s) => s.id));
  const edges: GraphEdge[] = result.edges
    .filter((e) => nodes.has(e.providerId) && nodes.has(e.dependentId))
    .map((e) => ({
      id: e.id,
      from: e.providerId,
      to: e.dependentId,
      label: formatHours(e.bufferHours),
      active: affected.has(e.providerId) && affected.has(e.dependentId),
    }));
  const list = [...nodes.values()];
  return (
    <ServiceGraph
      nodes={list}
      edges={edges}
      label={`Cascade graph: ${result.services.length} services you can see affected, ${result.hidden.length} sector groups you cannot see`}
    />
  );
}
