// /meetings[?year=…]: the exchange's calendar — the year's meetings by month, the managers' planning forms,
// and the urgent calls.
import { useState } from "react";
import { ErrorAlert, Notice } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { meetingsApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { Link, navigate, useSearchParams } from "../router/router.js";
import { useRequiredSession } from "../session/session.js";
import { CallsPanel } from "./meetings/calls-panel.js";
import { MeetingCalendar } from "./meetings/meeting-calendar.js";
import { NewMeetingForm } from "./meetings/new-meeting-form.js";
import { PlanYearForm } from "./meetings/plan-year-form.js";

function yearFrom(value: string | null): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : new Date().getFullYear();
}

function YearSwitcher({ year }: { year: number }) {
  return (
    <nav className="year-switcher" aria-label="Year">
      <Link to={`/meetings?year=${year - 1}`} className="button button-secondary button-small">
        <span aria-hidden="true">‹ </span>
        {year - 1}
      </Link>
      <span className="year-current" aria-current="page">
        {year}
      </span>
      <Link to={`/meetings?year=${year + 1}`} className="button button-secondary button-small">
        {year + 1}
        <span aria-hidden="true"> ›</span>
      </Link>
    </nav>
  );
}

/** The calendar page. */
export function MeetingsPage() {
  useTitle("Meetings");
  const { person } = useRequiredSession();
  const manager = person.role === "secretariat" || person.role === "chair";
  const year = yearFrom(useSearchParams().get("year"));
  const meetings = useApi((signal) => meetingsApi.list(year, { signal }), [year]);
  const [panel, setPanel] = useState<"new" | "plan" | null>(null);
  const [planned, setPlanned] = useState<number | null>(null);

  return (
    <>
      <div className="page-head">
        <h1>Meetings {year}</h1>
        {manager && (
          <div className="actions">
            <button type="button" className="button" aria-expanded={panel === "new"} onClick={() => setPanel("new")}>
              New meeting
            </button>
            <button
              type="button"
              className="button button-secondary"
              aria-expanded={panel === "plan"}
              onClick={() => setPanel("plan")}
            >
              Plan the year
            </button>
          </div>
        )}
      </div>
      {manager && panel === "new" && (
        <NewMeetingForm onCreated={(meeting) => navigate(`/meetings/${meeting.id}`)} onCancel={() => setPanel(null)} />
      )}
      {manager && panel === "plan" && (
        <PlanYearForm
          year={year}
          onCancel={() => setPanel(null)}
          onPlanned={(created) => {
            setPanel(null);
            setPlanned(created.length);
            meetings.reload();
          }}
        />
      )}
      {planned !== null && (
        <Notice kind="success">
          <p>
            {planned} meeting{planned === 1 ? "" : "s"} planned.
          </p>
        </Notice>
      )}

      <YearSwitcher year={year} />
      <section aria-label={`Meetings in ${year}`} aria-busy={meetings.loading}>
        {meetings.loading && !meetings.data && <Loading label="Loading the calendar…" />}
        <ErrorAlert error={meetings.error} />
        {meetings.data && meetings.data.meetings.length === 0 && (
          <div className="empty">
            <p>No meetings in {year}.</p>
          </div>
        )}
        {meetings.data && meetings.data.meetings.length > 0 && <MeetingCalendar meetings={meetings.data.meetings} />}
      </section>

      <CallsPanel />
    </>
  );
}
