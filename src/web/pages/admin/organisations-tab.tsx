// Admin: invite organisations, suspend, reinstate and offboard them.
import { type FormEvent, useState } from "react";
import { ORGANISATION_KINDS, SECTORS } from "../../../shared/schemas/common.js";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { CheckboxList } from "../../components/checkbox-list.js";
import { ChoiceField } from "../../components/choice-field.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { DateTime } from "../../components/date-time.js";
import { FormActions } from "../../components/form-actions.js";
import { Loading } from "../../components/loading.js";
import { OffboardForm } from "../../components/offboard-form.js";
import { membershipApi } from "../../data/endpoints.js";
import type { Organisation, OrganisationKind, Sector } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { focusById } from "../../lib/focus.js";
import { organisationKindName, sectorName, statusName } from "../../lib/format.js";

const SECTOR_CHOICES = SECTORS.map((s) => ({ value: s, label: sectorName(s) }));

function InviteOrganisationForm({ onInvited }: { onInvited: (organisation: Organisation) => void }) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<OrganisationKind>("private");
  const [sectors, setSectors] = useState<Sector[]>([]);
  const { busy, error, refuse, send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sectors.length === 0) {
      refuse("Choose at least one sector.");
      return;
    }
    await send(async () => {
      onInvited(
        await membershipApi.inviteOrganisation({
          name: name.trim(),
          kind,
          sectors,
        }),
      );
      setName("");
      setSectors([]);
    });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="invite-org-heading">
      <h2 id="invite-org-heading">Invite an organisation</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="org-name">Name</label>
          <input id="org-name" required maxLength={160} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <ChoiceField label="Kind" value={kind} choices={ORGANISATION_KINDS} nameOf={organisationKindName} onChange={setKind} />
      </div>
      <CheckboxList
        legend="Sectors"
        hint="At least one."
        choices={SECTOR_CHOICES}
        selected={sectors}
        onChange={(next) => setSectors(next as Sector[])}
        filterable={false}
        inline
      />
      <FormActions error={error} busy={busy} label="Invite organisation" busyLabel="Inviting…" />
      <p className="hint">Then invite its persons on the Persons tab.</p>
    </form>
  );
}

/** The Organisations tab. */
export function OrganisationsTab() {
  const list = useApi((signal) => membershipApi.organisations({ signal }), []);
  const [offboarding, setOffboarding] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const replace = (organisation: Organisation) =>
    list.setData((previous) =>
      previous
        ? {
            organisations: previous.organisations.map((o) => (o.id === organisation.id ? organisation : o)),
          }
        : previous,
    );

  const act = async (organisation: Organisation, action: "suspend" | "reinstate") => {
    setError(null);
    setMessage(null);
    try {
      replace(await membershipApi.organisationAction(organisation.id, action));
      setMessage(`${organisation.name} is ${action === "suspend" ? "suspended" : "reinstated"}.`);
      focusById("orgs-heading");
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="stack">
      <InviteOrganisationForm
        onInvited={(organisation) => {
          setMessage(`${organisation.name} is invited.`);
          list.reload();
        }}
      />
      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">Organisations</h2>
        {message && (
          <Notice kind="success">
            <p>{message}</p>
          </Notice>
        )}
        <ErrorAlert error={error} />
        {list.loading && !list.data && <Loading />}
        <ErrorAlert error={list.error} />
        {list.data && (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Organisations of the exchange</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Sectors</th>
                  <th scope="col">Status</th>
                  <th scope="col">Since</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.organisations.map((o) => (
                  <OrganisationRow
                    key={o.id}
                    organisation={o}
                    offboarding={offboarding === o.id}
                    onAction={(action) => void act(o, action)}
                    onOffboardStart={() => setOffboarding(o.id)}
                    onOffboardCancel={() => setOffboarding(null)}
                    onOffboard={async (confirmation) => {
                      replace(await membershipApi.offboardOrganisation(o.id, confirmation));
                      setOffboarding(null);
                      setMessage(`${o.name} is offboarded.`);
                      focusById("orgs-heading");
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function OrganisationRow({
  organisation: o,
  offboarding,
  onAction,
  onOffboardStart,
  onOffboardCancel,
  onOffboard,
}: {
  organisation: Organisation;
  offboarding: boolean;
  onAction: (action: "suspend" | "reinstate") => void;
  onOffboardStart: () => void;
  onOffboardCancel: () => void;
  onOffboard: (confirmation: string) => Promise<void>;
}) {
  return (
    <>
      <tr>
        <th scope="row">
          {o.name}
          {o.isSecretariat && <span className="tag">Secretariat</span>}
        </th>
        <td>{organisationKindName(o.kind)}</td>
        <td>{o.sectors.map(sectorName).join(", ")}</td>
        <td>
          <span className={`status status-${o.status}`}>{statusName(o.status)}</span>
        </td>
        <td>
          <DateTime iso={o.createdAt} dateOnly />
        </td>
        <td className="cell-actions">
          {!o.isSecretariat && o.status === "active" && (
            <ConfirmButton label="Suspend" question={`Suspend ${o.name}?`} onConfirm={() => onAction("suspend")} />
          )}
          {o.status === "suspended" && (
            <button type="button" className="button button-secondary button-small" onClick={() => onAction("reinstate")}>
              Reinstate
            </button>
          )}
          {!o.isSecretariat && o.status !== "left" && !offboarding && (
            <button type="button" className="button button-danger-outline button-small" onClick={onOffboardStart}>
              Offboard…
            </button>
          )}
        </td>
      </tr>
      {offboarding && (
        <tr className="row-panel">
          <td colSpan={6}>
            <OffboardForm subject={o.name} onOffboard={onOffboard} onCancel={onOffboardCancel} />
          </td>
        </tr>
      )}
    </>
  );
}
