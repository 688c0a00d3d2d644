// Routes for meetings (calendar, agenda, minutes, decisions, attendance), action items and
// calendar files and feeds.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ActionItem,
  ActionList,
  ActionsQuery,
  AgendaItem,
  ArrangeAgendaItemRequest,
  CalendarFeedList,
  CreateActionRequest,
  CreatedCalendarFeed,
  CreateMeetingRequest,
  DecisionRequest,
  IdParams,
  Meeting,
  MeetingList,
  MeetingsQuery,
  MinutesRequest,
  MyActions,
  OkResponse,
  PlanYearRequest,
  ProposeAgendaItemRequest,
  RecordAttendanceRequest,
  RsvpRequest,
  UpdateActionRequest,
  UpdateMeetingRequest,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses as errors } from "../http/error-responses.js";
import * as actions from "../services/actions.service.js";
import * as calendar from "../services/calendar.service.js";
import * as meetings from "../services/meetings.service.js";

const ICS = "text/calendar; charset=utf-8";

/** Meeting, action and calendar routes. */
export async function meetingsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();
  const tags = ["meetings"];

  r.get(
    "/api/meetings",
    {
      schema: {
        tags,
        summary: "The meetings of a year that you may see",
        querystring: MeetingsQuery,
        response: { 200: MeetingList, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.listMeetings(deps, viewerOf(request), request.query.year),
  );
  r.post(
    "/api/meetings",
    {
      schema: {
        tags,
        summary: "Schedule a meeting (secretariat, chairs)",
        body: CreateMeetingRequest,
        response: { 200: Meeting, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.createMeeting(deps, viewerOf(request), request.body),
  );
  r.post(
    "/api/meetings/plan",
    {
      schema: {
        tags,
        summary: "Plan a year of regular meetings with a rotating host (secretariat, chairs)",
        body: PlanYearRequest,
        response: { 200: MeetingList, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.planYear(deps, viewerOf(request), request.body),
  );
  r.get(
    "/api/meetings/:id",
    {
      schema: {
        tags,
        summary: "A meeting with the agenda, minutes and actions you may read",
        params: IdParams,
        response: { 200: Meeting, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.getMeeting(deps, viewerOf(request), request.params.id),
  );
  r.patch(
    "/api/meetings/:id",
    {
      schema: {
        tags,
        summary: "Reschedule, relocate, cancel or mark held",
        params: IdParams,
        body: UpdateMeetingRequest,
        response: { 200: Meeting, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.updateMeeting(deps, viewerOf(request), request.params.id, request.body),
  );
  r.get(
    "/api/meetings/:id/ics",
    {
      schema: { tags, summary: "The meeting as an iCalendar file", params: IdParams, response: { 200: z.string(), ...errors } },
      preHandler: auth,
    },
    async (request, reply) => {
      const body = await calendar.meetingIcs(deps, viewerOf(request), request.params.id);
      return reply.type(ICS).header("content-disposition", 'attachment; filename="meeting.ics"').send(body);
    },
  );
  r.post(
    "/api/meetings/:id/agenda",
    {
      schema: {
        tags,
        summary: "Propose an agenda item",
        params: IdParams,
        body: ProposeAgendaItemRequest,
        response: { 200: AgendaItem, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.proposeAgendaItem(deps, viewerOf(request), request.params.id, request.body),
  );
  r.patch(
    "/api/agenda-items/:id",
    {
      schema: {
        tags,
        summary: "Accept, decline or move an agenda item (secretariat, chairs)",
        params: IdParams,
        body: ArrangeAgendaItemRequest,
        response: { 200: AgendaItem, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.arrangeAgendaItem(deps, viewerOf(request), request.params.id, request.body),
  );
  r.put(
    "/api/agenda-items/:id/minutes",
    {
      schema: {
        tags,
        summary: "Write an agenda item's minutes (they carry its label)",
        params: IdParams,
        body: MinutesRequest,
        response: { 200: AgendaItem, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.setMinutes(deps, viewerOf(request), request.params.id, request.body.minutes),
  );
  r.post(
    "/api/agenda-items/:id/decisions",
    {
      schema: {
        tags,
        summary: "Record a decision",
        params: IdParams,
        body: DecisionRequest,
        response: { 200: AgendaItem, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.addDecision(deps, viewerOf(request), request.params.id, request.body.text),
  );
  r.put(
    "/api/meetings/:id/attendance",
    {
      schema: {
        tags,
        summary: "Say whether you attend or send apologies",
        params: IdParams,
        body: RsvpRequest,
        response: { 200: Meeting, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.rsvp(deps, viewerOf(request), request.params.id, request.body),
  );
  r.put(
    "/api/meetings/:id/attendance/record",
    {
      schema: {
        tags,
        summary: "Record who attended (secretariat, chairs)",
        params: IdParams,
        body: RecordAttendanceRequest,
        response: { 200: Meeting, ...errors },
      },
      preHandler: auth,
    },
    async (request) => meetings.recordAttendance(deps, viewerOf(request), request.params.id, request.body.attended),
  );

  const actionTags = ["actions"];
  r.post(
    "/api/actions",
    {
      schema: {
        tags: actionTags,
        summary: "Create an action (from minutes or on its own)",
        body: CreateActionRequest,
        response: { 200: ActionItem, ...errors },
      },
      preHandler: auth,
    },
    async (request) => actions.createAction(deps, viewerOf(request), request.body),
  );
  r.get(
    "/api/actions/mine",
    {
      schema: { tags: actionTags, summary: "Your actions and your organisation's", response: { 200: MyActions, ...errors } },
      preHandler: auth,
    },
    async (request) => actions.myActions(deps, viewerOf(request)),
  );
  r.get(
    "/api/actions",
    {
      schema: {
        tags: actionTags,
        summary: "Actions you may read, by status or overdue",
        querystring: ActionsQuery,
        response: { 200: ActionList, ...errors },
      },
      preHandler: auth,
    },
    async (request) => actions.listActions(deps, viewerOf(request), request.query),
  );
  r.get(
    "/api/actions/:id",
    {
      schema: {
        tags: actionTags,
        summary: "One action with its history",
        params: IdParams,
        response: { 200: ActionItem, ...errors },
      },
      preHandler: auth,
    },
    async (request) => actions.getAction(deps, viewerOf(request), request.params.id),
  );
  r.patch(
    "/api/actions/:id",
    {
      schema: {
        tags: actionTags,
        summary: "Change an action's status (with a note) or due date",
        params: IdParams,
        body: UpdateActionRequest,
        response: { 200: ActionItem, ...errors },
      },
      preHandler: auth,
    },
    async (request) => actions.updateAction(deps, viewerOf(request), request.params.id, request.body),
  );

  const calendarTags = ["calendar"];
  r.get(
    "/api/account/calendar-feeds",
    {
      schema: { tags: calendarTags, summary: "Your calendar feeds", response: { 200: CalendarFeedList, ...errors } },
      preHandler: auth,
    },
    async (request) => calendar.listFeeds(deps, viewerOf(request)),
  );
  r.post(
    "/api/account/calendar-feeds",
    {
      schema: {
        tags: calendarTags,
        summary: "Create a calendar feed URL (shown once)",
        response: { 200: CreatedCalendarFeed, ...errors },
      },
      preHandler: auth,
    },
    async (request) => calendar.createFeed(deps, viewerOf(request)),
  );
  r.delete(
    "/api/account/calendar-feeds/:id",
    {
      schema: {
        tags: calendarTags,
        summary: "Revoke a calendar feed",
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
      preHandler: auth,
    },
    async (request) => calendar.revokeFeed(deps, viewerOf(request), request.params.id),
  );
  r.get(
    "/calendar/:file",
    {
      schema: {
        tags: calendarTags,
        summary: "A calendar feed (the token in the URL is the credential)",
        params: z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, "a feed token followed by .ics") }),
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const body = await calendar.feedIcs(deps, request.params.file.replace(/\.ics$/, ""));
      return reply.type(ICS).header("cache-control", "private, max-age=300").send(body);
    },
  );
}
