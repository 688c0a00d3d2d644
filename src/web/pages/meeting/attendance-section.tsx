// Who answered and who attended; managers record attendance after the meeting.
import { useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.js";
import { meetingsApi } from "../../data/endpoints.js";
import type { Attendance, Meeting } from "../../data/types.js";
import { rsvpName } from "../../lib/format.js";

function Answer({ row }: { row: Attendance }) {
  if (!row.response) return <span className="muted">No answer</span>;
  return (
    <>
      <span className={`status status-rsvp-${row.response}`}>{rsvpName(row.response)}</span>
      {row.note && <span className="attendance-note"> {row.note}</span>}
    </>
  );
}

/** The attendance table; `onChanged` receives the meeting after recording. */
export function AttendanceSection({ meeting, onChanged }: { meeting: Meeting; onChanged: (meeting: Meeting) => void }) {
  const rows = meeting.attendance;
  const [attended, setAttended] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(rows.map((r) => [r.person.id, r.attended ?? false])),
  );
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const record = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const body = rows.map((r) => ({ personId: r.person.id, attended: attended[r.person.id] ?? false }));
      onChanged(await meetingsApi.recordAttendance(meeting.id, { attended: body }));
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const attending = rows.filter((r) => r.response === "attending").length;
  const apologies = rows.filter((r) => r.response === "apologies").length;
  return (
    <section className="section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      {rows.length === 0 ? (
        <p className="muted">Nobody has answered yet.</p>
      ) : (
        <>
          <p>
            {attending} attending, {apologies} with apologies.
          </p>
          <div className="table-wrap">
            <table data-testid="attendance">
              <caption className="visually-hidden">Attendance</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Attended</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.person.id}>
                    <th scope="row">{row.person.name}</th>
                    <td>{row.organisation.name}</td>
                    <td>
                      <Answer row={row} />
                    </td>
                    <td>
                      {meeting.canManage ? (
                        <label className="check">
                          <input
                            type="checkbox"
                            checked={attended[row.person.id] ?? false}
                            onChange={(e) => setAttended((all) => ({ ...all, [row.person.id]: e.target.checked }))}
                          />
                          <span className="visually-hidden">{row.person.name} attended</span>
                        </label>
                      ) : row.attended === null ? (
                        <span className="muted">—</span>
                      ) : row.attended ? (
                        "Yes"
                      ) : (
                        "No"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {meeting.canManage && (
            <div className="actions">
              <button type="button" className="button button-secondary" onClick={record} disabled={busy}>
                {busy ? "Recording…" : "Record attendance"}
              </button>
            </div>
          )}
          {saved && (
            <Notice kind="success">
              <p>Attendance recorded.</p>
            </Notice>
          )}
          <ErrorAlert error={error} />
        </>
      )}
    </section>
  );
}
