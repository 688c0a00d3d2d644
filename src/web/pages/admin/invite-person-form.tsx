// Admin: the form to invite a person into an organisation (optionally as secretariat).
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../components/alert.js";
import { membershipApi } from "../../data/endpoints.js";
import type { InvitePersonResponse, Organisation } from "../../data/types.js";

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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const chosen = open.find((o) => o.id === organisationId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setError(new Error("Choose the person's organisation."));
      return;
    }
    setBusy(true);
    setError(null);
    try {
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
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Inviting…" : "Invite person"}
        </button>
      </div>
    </form>
  );
}
