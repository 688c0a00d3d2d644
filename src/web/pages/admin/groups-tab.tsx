// Admin: working groups — list, create, edit members, delete.
import { useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { Loading } from "../../components/loading.js";
import { membershipApi } from "../../data/endpoints.js";
import type { WorkingGroup } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { focusById } from "../../lib/focus.js";
import { GroupForm } from "./group-form.js";

/** The Working groups tab. */
export function GroupsTab() {
  const data = useApi(async (signal) => {
    const [groups, organisations, persons] = await Promise.all([
      membershipApi.groups({ signal }),
      membershipApi.organisations({ signal }),
      membershipApi.persons({ signal }),
    ]);
    return {
      groups: groups.groups,
      organisations: organisations.organisations,
      persons: persons.persons,
    };
  }, []);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <ErrorAlert error={data.error} />;
  const { groups, organisations, persons } = data.data;
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]));
  const personName = new Map(persons.map((p) => [p.id, `${p.name} (${p.organisationName})`]));

  const saved = (group: WorkingGroup, created: boolean) => {
    setEditing(null);
    setMessage(created ? `The group “${group.name}” is created.` : `The group “${group.name}” is saved.`);
    data.reload();
    focusById("groups-heading");
  };
  const remove = async (group: WorkingGroup) => {
    setError(null);
    try {
      await membershipApi.deleteGroup(group.id);
      setMessage(`The group “${group.name}” is deleted.`);
      data.reload();
      focusById("groups-heading");
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="stack">
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">Working groups</h2>
        {message && (
          <Notice kind="success">
            <p>{message}</p>
          </Notice>
        )}
        <ErrorAlert error={error ?? data.error} />
        {groups.length === 0 && <p className="muted">No working groups yet.</p>}
        <ul className="group-list">
          {groups.map((group) =>
            editing === group.id ? (
              <li key={group.id}>
                <GroupForm
                  group={group}
                  organisations={organisations}
                  persons={persons}
                  onSaved={(g) => saved(g, false)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={group.id} className="card group">
                <h3>{group.name}</h3>
                {group.description && <p>{group.description}</p>}
                <dl className="meta">
                  <div>
                    <dt>Organisations</dt>
                    <dd>
                      {group.organisations.length
                        ? group.organisations.map((id) => organisationName.get(id) ?? id).join(", ")
                        : "—"}
                    </dd>
                  </div>
                  <div>
                    <dt>Persons</dt>
                    <dd>{group.persons.length ? group.persons.map((id) => personName.get(id) ?? id).join(", ") : "—"}</dd>
                  </div>
                </dl>
                <div className="actions">
                  <button type="button" className="button button-secondary button-small" onClick={() => setEditing(group.id)}>
                    Edit<span className="visually-hidden"> {group.name}</span>
                  </button>
                  <ConfirmButton
                    label="Delete"
                    question={`Delete “${group.name}”? Items shared with it lose this audience.`}
                    onConfirm={() => void remove(group)}
                  />
                </div>
              </li>
            ),
          )}
        </ul>
      </section>
      <GroupForm group={null} organisations={organisations} persons={persons} onSaved={(g) => saved(g, true)} />
    </div>
  );
}
