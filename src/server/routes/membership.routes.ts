// Routes for organisations, persons, chairs and working groups.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AppointChairRequest,
  EscalationContactRequest,
  IdParams,
  InviteOrganisationRequest,
  InvitePersonRequest,
  InvitePersonResponse,
  OffboardRequest,
  OkResponse,
  Organisation,
  Person,
  WorkingGroup,
  WorkingGroupRequest,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses } from "../http/error-responses.js";
import * as membership from "../services/membership.service.js";

const errors = errorResponses;
const Empty = z.strictObject({}).optional();
const Transition = z.enum(["suspend", "reinstate"]);
const TransitionParams = z.strictObject({ id: z.uuid(), transition: Transition });

/** Membership routes. */
export async function membershipRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secretariat = requireAuth({ roles: ["secretariat"] });

  r.get(
    "/api/organisations",
    {
      schema: {
        tags: ["membership"],
        summary: "The organisations of the exchange",
        response: { 200: z.object({ organisations: z.array(Organisation) }), ...errors },
      },
      preHandler: requireAuth(),
    },
    async (request) => ({ organisations: await membership.listOrganisations(deps, viewerOf(request)) }),
  );

  r.post(
    "/api/organisations",
    {
      schema: {
        tags: ["membership"],
        summary: "Invite an organisation (secretariat)",
        body: InviteOrganisationRequest,
        response: { 200: Organisation, ...errors },
      },
      preHandler: secretariat,
    },
    async (request) => membership.inviteOrganisation(deps, viewerOf(request), request.body),
  );

  r.post(
    "/api/organisations/:id/:transition",
    {
      schema: {
        tags: ["membership"],
        summary: "Suspend or reinstate an organisation (secretariat)",
        params: TransitionParams,
        body: Empty,
        response: { 200: Organisation, ...errors },
      },
      preHandler: secretariat,
    },
    async (request) => membership.changeOrganisationStatus(deps, viewerOf(request), request.params.id, request.params.transition),
  );

  r.post(
    "/api/organisations/:id/offboard",
    {
      schema: {
        tags: ["membership"],
        summary: "Offboard an organisation, recording the destruction confirmation (secretariat)",
        params: IdParams,
        body: OffboardRequest,
        response: { 200: Organisation, ...errors },
      },
      preHandler: secretariat,
    },
    async (request) =>
      membership.changeOrganisationStatus(deps, viewerOf(request), request.params.id, "offboard", request.body.confirmation),
  );

  r.get(
    "/api/persons",
    {
      schema: {
        tags: ["membership"],
        summary: "The persons of the exchange",
        response: { 200: z.object({ persons: z.array(Person) }), ...errors },
      },
      preHandler: requireAuth(),
    },
    async (request) => ({ persons: await membership.listPersons(deps, viewerOf(request)) }),
  );

  r.post(
    "/api/persons",
    {
      schema: {
        tags: ["membership"],
        summary: "Invite a person (secretariat)",
        body: InvitePersonRequest,
        response: { 200: InvitePersonResponse, ...errors },
      },
      preHandler: secretariat,
    },
    async (request) => membership.invitePerson(deps, viewerOf(request), request.body),
  );

  r.post(
    "/api/persons/:id/invitation",
    {
      schema: {
        tags: ["membership"],
        summary: "Issue a new invitation link (secretariat)",
        params: IdParams,
        body: Empty,
        response: { 200: InvitePersonResponse, ...errors },
      },
      preHandler: secretariat,
    },
    async (request) => membership.reissueInvitation(deps, viewerOf(request), request.params.id),
  );

  r.post(
    "/api/persons/:id/:transition",
    {
      schema: {
        tags: ["membership"],
        summary: "Suspend or reinstate a person (secretariat)",
        params: TransitionParams,
        body: Empty,
        response: { 200: Person, ...errors },
      },
      preHandler: secretariat,
    },
    async (request) => membership.changePersonStatus(deps, viewerOf(request), request.params.id, request.params.transition),
  );

  r.post(
    "/api/persons/:id/offboard",
    {
      schema: {
        tags: ["membership"],
        summary: "Offboard a person, recording the destruction confirmation (secretariat)",
        params: IdParams,
        body: OffboardRequest,
        response: { 200: Person, ...errors },
      },
      preHandler: secretariat,
    },
    async (request) =>
      membership.changePersonStatus(deps, viewerOf(request), request.params.id, "offboard", request.body.confirmation),
  );

  r.put(
    "/api/persons/:id/chair",
    {
      schema: {
        tags: ["membership"],
        summary: "Appoint a chair (secretariat)",
        params: IdParams,
        body: AppointChairRequest,
        response: { 200: Person, ...errors },
      },
      preHandler: secretariat,
    },
    async (request) => membership.appointChair(deps, viewerOf(request), request.params.id, request.body.seat),
  );

  r.delete(
    "/api/persons/:id/chair",
    {
      schema: {
        tags: ["membership"],
        summary: "End a chair's term (secretariat)",
        params: IdParams,
        response: { 200: Person, ...errors },
      },
      preHandler: secretariat,
    },
    async (request) => membership.removeChair(deps, viewerOf(request), request.params.id),
  );

  r.get(
    "/api/groups",
    {
      schema: {
        tags: ["membership"],
        summary: "Working groups",
        response: { 200: z.object({ groups: z.array(WorkingGroup) }), ...errors },
      },
      preHandler: requireAuth(),
    },
    async (request) => ({ groups: await membership.listGroups(deps, viewerOf(request)) }),
  );

  r.post(
    "/api/groups",
    {
      schema: {
        tags: ["membership"],
        summary: "Create a working group (secretariat, chairs)",
        body: WorkingGroupRequest,
        response: { 200: WorkingGroup, ...errors },
      },
      preHandler: requireAuth(),
    },
    async (request) => membership.saveGroup(deps, viewerOf(request), null, request.body),
  );

  r.put(
    "/api/groups/:id",
    {
      schema: {
        tags: ["membership"],
        summary: "Replace a working group (secretariat, chairs)",
        params: IdParams,
        body: WorkingGroupRequest,
        response: { 200: WorkingGroup, ...errors },
      },
      preHandler: requireAuth(),
    },
    async (request) => membership.saveGroup(deps, viewerOf(request), request.params.id, request.body),
  );

  r.delete(
    "/api/groups/:id",
    {
      schema: {
        tags: ["membership"],
        summary: "Delete a working group (secretariat, chairs)",
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
      preHandler: requireAuth(),
    },
    async (request) => {
      await membership.deleteGroup(deps, viewerOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  r.put(
    "/api/organisations/:id/escalation-contact",
    {
      schema: {
        tags: ["membership"],
        summary: "Name who is told when the organisation has not acknowledged a warning in time",
        params: IdParams,
        body: EscalationContactRequest,
        response: { 200: Organisation, ...errorResponses },
      },
      preHandler: requireAuth(),
    },
    async (request) => membership.setEscalationContact(deps, viewerOf(request), request.params.id, request.body.personId),
  );
}
