// Admin: the actions on one person — status, chair seat, invitation re-issue, offboarding.
import { useState } from "react";
import { CHAIR_SEATS } from "../../../shared/schemas/common.js";
import { ErrorAlert } from "../../components/alert.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { OffboardForm } from "../../components/offboard-form.js";
import { membershipApi } from "../../data/endpoints.js";
import type { ChairSeat, InvitePersonResponse, Person } from "../../data/types.js";
import { seatName } from "../../lib/format.js";

/** The management panel of a person; reports every changed person and re-issued invitation. */
export function PersonActions({
  person,
  onChanged,
  onInvitation,
}: {
  person: Person;
  onChanged: (person: Person, message: string) => void;
  onInvitation: (result: InvitePersonResponse) => void;
}) {
  const [seat, setSeat] = useState<ChairSeat>(person.chairSeat ?? "industry");
  const [offboarding, setOffboarding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const left = person.status === "left";
  return (
    <div className="person-actions">
      {left ? (
        <p className="muted">{person.name} has left the exchange; nothing more can be changed.</p>
      ) : (
        <div className="action-groups">
          <div className="action-group">
            <h3>Access</h3>
            <div className="actions">
              {person.status === "active" && (
                <ConfirmButton
                  label="Suspend"
                  question={`Suspend ${person.name}?`}
                  busy={busy}
                  onConfirm={() =>
                    void run(async () =>
                      onChanged(await membershipApi.personAction(person.id, "suspend"), `${person.name} is suspended.`),
                    )
                  }
                />
              )}
              {person.status === "suspended" && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={busy}
                  onClick={() =>
                    void run(async () =>
                      onChanged(await membershipApi.personAction(person.id, "reinstate"), `${person.name} is reinstated.`),
                    )
                  }
                >
                  Reinstate
                </button>
              )}
              {person.status === "invited" && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      const result = await membershipApi.reissueInvitation(person.id);
                      onInvitation(result);
                      onChanged(result.person, `A new invitation was issued to ${person.name}.`);
                    })
                  }
                >
                  Re-issue invitation
                </button>
              )}
              {!offboarding && (
                <button type="button" className="button button-danger-outline button-small" onClick={() => setOffboarding(true)}>
                  Offboard…
                </button>
              )}
            </div>
          </div>
          {person.role !== "secretariat" && (
            <div className="action-group">
              <h3>Chair</h3>
              {person.chairSeat ? (
                <div className="actions">
                  <span>Holds the {seatName(person.chairSeat).toLowerCase()} seat.</span>
                  <ConfirmButton
                    label="Remove chair"
                    question={`Remove ${person.name} as chair?`}
                    busy={busy}
                    onConfirm={() =>
                      void run(async () =>
                        onChanged(await membershipApi.removeChair(person.id), `${person.name} is no longer a chair.`),
                      )
                    }
                  />
                </div>
              ) : (
                <div className="actions">
                  <label htmlFor={`seat-${person.id}`}>Seat</label>
                  <select id={`seat-${person.id}`} value={seat} onChange={(e) => setSeat(e.target.value as ChairSeat)}>
                    {CHAIR_SEATS.map((s) => (
                      <option key={s} value={s}>
                        {seatName(s)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={busy}
                    onClick={() =>
                      void run(async () =>
                        onChanged(
                          await membershipApi.appointChair(person.id, seat),
                          `${person.name} is appointed ${seatName(seat).toLowerCase()}.`,
                        ),
                      )
                    }
                  >
                    Appoint chair
                  </button>
                </div>
              )}
              <p className="hint">Chairs must use a second factor.</p>
            </div>
          )}
        </div>
      )}
      <ErrorAlert error={error} />
      {offboarding && !left && (
        <OffboardForm
          subject={person.name}
          onCancel={() => setOffboarding(false)}
          onOffboard={async (confirmation) => {
            const updated = await membershipApi.offboardPerson(person.id, confirmation);
            setOffboarding(false);
            onChanged(updated, `${person.name} is offboarded.`);
          }}
        />
      )}
    </div>
  );
}
