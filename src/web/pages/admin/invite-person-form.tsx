// Admin: the form to invite a person into an organisation (optionally as secretariat).
import { type FormEvent, useState } from "react";
import { FormActions } from "../../components/form-actions.js";
import { membershipApi } from "../../data/endpoints.js";
import type { InvitePersonResponse, Organisation } from "../../data/types.js";
import { useSubmit } from "../../hooks/use-submit.js";

/** Invites a person; reports the server's answer (with the invitation link). */
export function InvitePersonForm({
  organisations,
  onInvited,
}: {
  organisations: readonly Organisation[];
  onInvited: (result: InvitePersonResponse) => void;
}) {
  const open = organisations.filter((o) => o.status === "active" || o.status === "invited");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [secretariat, setSecretariat] = useState(false);
  const { busy, error, refuse, send } = useSubmit();
  const chosen = open.find((o) => o.id === organisationId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      refuse("Choose the person's organisation.");
      return;
    }
    await send(async () => {
      onInvited(
        await membershipApi.invitePerson({
          email: email.trim(),
          name: name.trim(),
          organisationId,
          secretariat: secretariat && chosen.isSecretariat,
        }),
      );
      setEmail("");
      setName("");
      setSecretariat(false);
    });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="invite-person-heading">
      <h2 id="invite-person-heading">Invite a person</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="person-name">Name</label>
          <input id="person-name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="person-email">E-mail address</label>
          <input
            id="person-email"
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="person-org">Organisation</label>
          <select
            id="person-org"
            required
            value={organisationId}
            onChange={(e) => {
              setOrganisationId(e.target.value);
              setSecretariat(false);
            }}
          >
            <option value="">Choose…</option>
            {open.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={secretariat}
          disabled={!chosen?.isSecretariat}
          aria-describedby="person-secretariat-hint"
          onChange={(e) => setSecretariat(e.target.checked)}
        />
        <span>Member of the secretariat</span>
      </label>
      <p id="person-secretariat-hint" className="hint">
        Only for persons of the secretariat organisation. Secretariat members administer the exchange and must use a second
        factor.
      </p>
      <FormActions error={error} busy={busy} label="Invite person" busyLabel="Inviting…" />
    </form>
  );
}
