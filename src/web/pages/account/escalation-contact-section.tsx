// Account: the person of my organisation who is told when it leaves a warning unacknowledged.
import { type FormEvent, useEffect, useId, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { SubmitButton } from "../../components/form-actions.js";
import { Loading } from "../../components/loading.js";
import { membershipApi } from "../../data/endpoints.js";
import type { Person } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { useSubmit } from "../../hooks/use-submit.js";
import { useRequiredSession } from "../../session/session.js";

/** The escalation contact section of the account page. */
export function EscalationContactSection() {
  const id = useId();
  const { person } = useRequiredSession();
  const data = useApi(
    async (signal) => {
      const [organisations, persons] = await Promise.all([
        membershipApi.organisations({ signal }),
        membershipApi.persons({ signal }),
      ]);
      return {
        organisation: organisations.organisations.find((o) => o.id === person.organisationId),
        colleagues: persons.persons
          .filter((p: Person) => p.organisationId === person.organisationId && p.status === "active")
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    },
    [person.organisationId],
  );
  const [choice, setChoice] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, send } = useSubmit();
  useEffect(() => {
    if (data.data) setChoice(data.data.organisation?.escalationPersonId ?? "");
  }, [data.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    await send(async () => {
      await membershipApi.setEscalationContact(person.organisationId, choice || null);
      const name = data.data?.colleagues.find((p) => p.id === choice)?.name;
      setSaved(name ? `${name} is now the escalation contact.` : "Nobody is the escalation contact now.");
    });
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Escalation contact of {person.organisationName}</h2>
      <p>
        When {person.organisationName} does not acknowledge a warning in time, this person is told (and the warning's author sees
        that it was escalated).
      </p>
      {data.loading && !data.data && <Loading label="Loading your organisation…" />}
      <ErrorAlert error={data.error} />
      {data.data && (
        <form className="form-row" onSubmit={submit}>
          <div className="field field-grow">
            <label htmlFor={`${id}-person`}>Escalation contact</label>
            <select id={`${id}-person`} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">Nobody chosen</option>
              {data.data.colleagues.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.email})
                </option>
              ))}
            </select>
          </div>
          <div className="field field-button">
            <SubmitButton busy={busy} label="Save" busyLabel="Saving…" />
          </div>
        </form>
      )}
      <ErrorAlert error={error} />
      {saved && (
        <Notice kind="success">
          <p>{saved}</p>
        </Notice>
      )}
    </section>
  );
}
