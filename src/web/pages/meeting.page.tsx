// /meetings/:id: one meeting — facts and calendar download, RSVP, the agenda in three parts with minutes and
// decisions, proposals, attendance and the meeting's actions. Agenda items the viewer may not read are absent.
import { useEffect, useRef } from "react";
import { ActionTable } from "../components/action-table.js";
import { ErrorAlert } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { ApiError } from "../data/client.js";
import { meetingsApi } from "../data/endpoints.js";
import type { Meeting } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useDirectory } from "../hooks/use-directory.js";
import { useLiveEvents } from "../hooks/use-live-events.js";
import { useTitle } from "../hooks/use-title.js";
import { Link } from "../router/router.js";
import { AgendaSection } from "./meeting/agenda-section.js";
import { AttendanceSection } from "./meeting/attendance-section.js";
import { ManageMeetingForm } from "./meeting/manage-meeting-form.js";
import { MeetingHeader } from "./meeting/meeting-header.js";
import { ProposalsSection } from "./meeting/proposals-section.js";
import { RsvpPanel } from "./meeting/rsvp-panel.js";

/** Every id a live event about this meeting may carry: the meeting and its agenda items. */
function subjectIds(meeting: Meeting): Set<string> {
  const ids = new Set([meeting.id]);
  for (const part of meeting.agenda) for (const item of part.items) ids.add(item.id);
  for (const item of meeting.proposals) ids.add(item.id);
  return ids;
}

/** Scrolls to the #agenda-… target of a notification link once the agenda is shown. */
function useScrollToHash(ready: boolean) {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    const target = window.location.hash.slice(1);
    if (!target) return;
    window.requestAnimationFrame(() => {
      const element = document.getElementById(target);
      if (!element) return;
      element.scrollIntoView({ block: "start" });
      element.classList.add("agenda-item-target");
    });
  }, [ready]);
}

/** The meeting page. */
export function MeetingPage({ id }: { id: string }) {
  const meeting = useApi((signal) => meetingsApi.get(id, { signal }), [id]);
  const directory = useDirectory();
  useTitle(meeting.data?.title ?? "Meeting");
  useScrollToHash(meeting.data !== null);
  useLiveEvents((event) => {
    if (!event || (meeting.data && subjectIds(meeting.data).has(event.subjectId))) meeting.reload();
  });

  if (meeting.loading && !meeting.data) {
    return (
      <>
        <h1 className="visually-hidden">Meeting</h1>
        <Loading label="Loading the meeting…" />
      </>
    );
  }
  if (meeting.error && !meeting.data) {
    const missing = meeting.error instanceof ApiError && meeting.error.code === "not_found";
    return (
      <>
        <h1>{missing ? "Meeting not found" : "Could not load the meeting"}</h1>
        {missing ? <p>This meeting does not exist, or it was not shared with you.</p> : <ErrorAlert error={meeting.error} />}
        <p>
          <Link to="/meetings">Back to the calendar</Link>
        </p>
      </>
    );
  }
  const data = meeting.data;
  if (!data) return null;

  const upcoming = data.status === "scheduled" && new Date(data.endsAt).getTime() > Date.now();
  return (
    <article className="meeting">
      <MeetingHeader meeting={data} />
      {data.canManage && <ManageMeetingForm key={`${data.startsAt}/${data.status}`} meeting={data} onChanged={meeting.setData} />}
      {upcoming && <RsvpPanel meeting={data} onChanged={meeting.setData} />}
      <AgendaSection meeting={data} directory={directory.data} onChanged={meeting.reload} />
      <ProposalsSection meeting={data} directory={directory.data} directoryError={directory.error} onChanged={meeting.reload} />
      <AttendanceSection key={data.attendance.map((a) => a.person.id).join()} meeting={data} onChanged={meeting.setData} />
      <section className="section" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        {data.actions.length === 0 ? (
          <p className="muted">No actions from this meeting{data.canManage ? " yet: create them from the agenda items." : "."}</p>
        ) : (
          <ActionTable actions={data.actions} caption="Actions from this meeting" showMeeting={false} />
        )}
      </section>
    </article>
  );
}
