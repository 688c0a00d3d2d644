// The roll-call of an urgent call: every invitee, their organisation, status, note and when they answered.
import { DateTime } from "../../components/date-time.js";
import type { RollCallEntry } from "../../data/types.js";
import { rollCallName } from "../../lib/format.js";

function tally(entries: readonly RollCallEntry[]): string {
  const count = (status: RollCallEntry["status"]) => entries.filter((e) => e.status === status).length;
  return `${count("affected")} affected, ${count("investigating")} investigating, ${count("not-affected")} not affected, ${count(null)} not answered`;
}

/** The roll-call table (data-testid="roll-call"); one row per invitee (data-person = person id). */
export function RollCallTable({ entries, me }: { entries: readonly RollCallEntry[]; me: string }) {
  return (
    <>
      <p aria-live="polite" data-testid="roll-call-tally">
        {tally(entries)}.
      </p>
      <div className="table-wrap">
        <table data-testid="roll-call">
          <caption className="visually-hidden">Roll-call</caption>
          <thead>
            <tr>
              <th scope="col">Invitee</th>
              <th scope="col">Organisation</th>
              <th scope="col">Status</th>
              <th scope="col">Note</th>
              <th scope="col">Answered</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr
                key={entry.person.id}
                data-testid="roll-call-row"
                data-person={entry.person.id}
                className={entry.status === "affected" ? "row-affected" : undefined}
              >
                <th scope="row">
                  {entry.person.name}
                  {entry.person.id === me && <span className="tag">you</span>}
                </th>
                <td>{entry.organisation.name}</td>
                <td>
                  {entry.status ? (
                    <span className={`status status-roll-${entry.status}`}>{rollCallName(entry.status)}</span>
                  ) : (
                    <span className="status status-pending">Not answered</span>
                  )}
                </td>
                <td className="pre-wrap">{entry.note || <span className="muted">—</span>}</td>
                <td className="nowrap">
                  {entry.answeredAt ? <DateTime iso={entry.answeredAt} /> : <span className="muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
