// Admin: invite persons and manage them (status, chair seats, invitations, offboarding).
import { type ReactNode, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { InvitationResult } from "../../components/invitation-result.js";
import { Loading } from "../../components/loading.js";
import { membershipApi } from "../../data/endpoints.js";
import type { InvitePersonResponse, Person } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { focusById } from "../../lib/focus.js";
import { roleName, seatName, statusName } from "../../lib/format.js";
import { InvitePersonForm } from "./invite-person-form.js";
import { PersonActions } from "./person-actions.js";

const COLUMNS = 7;

/** The Persons tab. */
export function PersonsTab() {
  const data = useApi(async (signal) => {
    const [persons, organisations] = await Promise.all([
      membershipApi.persons({ signal }),
      membershipApi.organisations({ signal }),
    ]);
    return {
      persons: persons.persons,
      organisations: organisations.organisations,
    };
  }, []);
  const [managing, setManaging] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<InvitePersonResponse | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const replace = (person: Person, text: string) => {
    data.setData((previous) =>
      previous
        ? {
            ...previous,
            persons: previous.persons.map((p) => (p.id === person.id ? person : p)),
          }
        : previous,
    );
    setMessage(text);
    focusById("persons-heading");
  };

  return (
    <div className="stack">
      {data.data && (
        <InvitePersonForm
          organisations={data.data.organisations}
          onInvited={(result) => {
            setInvitation(result);
            setMessage(null);
            data.reload();
          }}
        />
      )}
      {invitation && <InvitationResult result={invitation} onDismiss={() => setInvitation(null)} />}
      <section aria-labelledby="persons-heading">
        <h2 id="persons-heading">Persons</h2>
        {message && (
          <Notice kind="success">
            <p>{message}</p>
          </Notice>
        )}
        {data.loading && !data.data && <Loading />}
        <ErrorAlert error={data.error} />
        {data.data && (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Persons of the exchange</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">2FA</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.data.persons.map((p) => {
                  const open = managing === p.id;
                  return (
                    <PersonRows key={p.id} person={p} open={open} onToggle={() => setManaging(open ? null : p.id)}>
                      <PersonActions person={p} onChanged={replace} onInvitation={setInvitation} />
                    </PersonRows>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function PersonRows({
  person: p,
  open,
  onToggle,
  children,
}: {
  person: Person;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const panelId = `manage-${p.id}`;
  return (
    <>
      <tr>
        <th scope="row">{p.name}</th>
        <td>{p.email}</td>
        <td>{p.organisationName}</td>
        <td>
          {roleName(p.role)}
          {p.chairSeat && <span className="muted small"> ({seatName(p.chairSeat)})</span>}
        </td>
        <td>
          <span className={`status status-${p.status}`}>{statusName(p.status)}</span>
        </td>
        <td>{p.totpEnabled ? "Yes" : "No"}</td>
        <td className="cell-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            onClick={onToggle}
          >
            {open ? "Close" : "Manage"}
            <span className="visually-hidden"> {p.name}</span>
          </button>
        </td>
      </tr>
      {open && (
        <tr className="row-panel" id={panelId}>
          <td colSpan={COLUMNS}>{children}</td>
        </tr>
      )}
    </>
  );
}
