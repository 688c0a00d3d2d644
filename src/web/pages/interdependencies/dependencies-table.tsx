// The dependencies of the viewer's organisation's services: on what, of which type, buffer, delay, effect; removable.
import { ConfirmButton } from "../../components/confirm-button.js";
import type { Dependency, Service } from "../../data/types.js";
import { dependencyTypeName, formatHours } from "../../lib/format.js";

/** A table of `dependencies`, naming services through `byId`; `onRemove` deletes one. */
export function DependenciesTable({
  dependencies,
  byId,
  busy,
  onRemove,
}: {
  dependencies: readonly Dependency[];
  byId: ReadonlyMap<string, Service>;
  busy: string | null;
  onRemove: (dependency: Dependency) => void;
}) {
  return (
    <div className="table-wrap">
      <table data-testid="dependencies-table">
        <caption className="visually-hidden">Dependencies of your organisation's services</caption>
        <thead>
          <tr>
            <th scope="col">Your service</th>
            <th scope="col">Depends on</th>
            <th scope="col">Type</th>
            <th scope="col" className="numeric">
              Buffer
            </th>
            <th scope="col" className="numeric">
              Delay
            </th>
            <th scope="col">When the input fails</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {dependencies.map((d) => {
            const provider = byId.get(d.providerId);
            return (
              <tr key={d.id}>
                <th scope="row">{byId.get(d.dependentId)?.name ?? "—"}</th>
                <td>
                  {provider ? (
                    <>
                      {provider.name}
                      {!provider.own && <span className="muted small"> · {provider.organisation.name}</span>}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{dependencyTypeName(d.type)}</td>
                <td className="numeric">{formatHours(d.bufferHours)}</td>
                <td className="numeric">{formatHours(d.delayHours)}</td>
                <td>{d.degradation === "total" ? "It fails" : "It degrades"}</td>
                <td className="cell-actions">
                  <ConfirmButton
                    label="Remove"
                    question="Remove this dependency?"
                    confirmLabel="Yes, remove"
                    busy={busy === d.id}
                    onConfirm={() => onRemove(d)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
