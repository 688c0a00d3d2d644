// Routes for peer exchanges (secretariat) and for releasing AMBER items to a named peer (originators).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  FederationRun,
  Peer,
  PeerName,
  PeerRequest,
  PeerUpdateRequest,
  RegisteredPeer,
  Release,
  ReleaseRequest,
  Uuid,
} from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { requireAuth, viewerOf } from "../http/auth.js";
import { errorResponses as errors } from "../http/error-responses.js";
import * as federation from "../services/federation.service.js";

/** Federation routes. */
export async function federationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = requireAuth();
  const tags = ["federation"];
  const id = z.object({ id: Uuid });

  r.get(
    "/api/federation/peers",
    { schema: { tags, summary: "Peer exchanges (secretariat)", response: { 200: z.array(Peer), ...errors } }, preHandler: auth },
    async (request) => federation.listPeers(deps, viewerOf(request)),
  );
  r.post(
    "/api/federation/peers",
    {
      schema: {
        tags,
        summary: "Register a peer exchange; the token it presents here is shown once",
        body: PeerRequest,
        response: { 201: RegisteredPeer, ...errors },
      },
      preHandler: auth,
    },
    async (request, reply) => reply.status(201).send(await federation.registerPeer(deps, viewerOf(request), request.body)),
  );
  r.patch(
    "/api/federation/peers/:id",
    {
      schema: {
        tags,
        summary: "Change a peer's settings or credentials",
        params: id,
        body: PeerUpdateRequest,
        response: { 200: Peer, ...errors },
      },
      preHandler: auth,
    },
    async (request) => federation.updatePeer(deps, viewerOf(request), request.params.id, request.body),
  );
  r.delete(
    "/api/federation/peers/:id",
    { schema: { tags, summary: "Revoke a peer", params: id, response: { 200: Peer, ...errors } }, preHandler: auth },
    async (request) => federation.revokePeer(deps, viewerOf(request), request.params.id),
  );
  r.post(
    "/api/federation/peers/:id/run",
    {
      schema: { tags, summary: "Pull from and push to a peer now", params: id, response: { 200: FederationRun, ...errors } },
      preHandler: auth,
    },
    async (request) => federation.runPeerNow(deps, viewerOf(request), request.params.id),
  );
  r.get(
    "/api/federation/peer-names",
    {
      schema: { tags, summary: "Peers an item can be released to", response: { 200: z.array(PeerName), ...errors } },
      preHandler: auth,
    },
    async (request) => federation.peerNames(deps, viewerOf(request)),
  );
  r.get(
    "/api/items/:id/releases",
    {
      schema: {
        tags,
        summary: "Peers this AMBER item is released to (originating organisation)",
        params: id,
        response: { 200: z.array(Release), ...errors },
      },
      preHandler: auth,
    },
    async (request) => federation.releasesOf(deps, viewerOf(request), request.params.id),
  );
  r.post(
    "/api/items/:id/releases",
    {
      schema: {
        tags,
        summary: "Release this TLP:AMBER item to a named peer exchange",
        params: id,
        body: ReleaseRequest,
        response: { 200: z.array(Release), ...errors },
      },
      preHandler: auth,
    },
    async (request) => federation.releaseItem(deps, viewerOf(request), request.params.id, request.body.peerId),
  );
  r.delete(
    "/api/items/:id/releases/:peerId",
    {
      schema: {
        tags,
        summary: "Withdraw a release",
        params: z.object({ id: Uuid, peerId: Uuid }),
        response: { 200: z.array(Release), ...errors },
      },
      preHandler: auth,
    },
    async (request) => federation.withdrawRelease(deps, viewerOf(request), request.params.id, request.params.peerId),
  );
}
