// Schemas for peer exchanges (federation) and releases of AMBER items to a named peer.
import { z } from "zod";
import { Uuid } from "./common.js";

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((u) => u.endsWith("/"), "a TAXII API root ends with /");

/** A peer exchange as the secretariat registers it. */
export const PeerRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  apiRoot: httpUrl,
  collectionId: z.string().trim().min(1).max(200).nullable().optional(),
  /** With a username: HTTP Basic; without: the secret is sent as a Bearer token. */
  username: z.string().max(200).optional(),
  secret: z.string().max(500).optional(),
  partner: z.boolean(),
  pull: z.boolean().default(true),
  push: z.boolean().default(true),
});
export type PeerRequest = z.input<typeof PeerRequest>;

export const PeerUpdateRequest = PeerRequest.partial();

export const Peer = z.object({
  id: Uuid,
  name: z.string(),
  apiRoot: z.string(),
  collectionId: z.string().nullable(),
  username: z.string(),
  hasSecret: z.boolean(),
  partner: z.boolean(),
  pull: z.boolean(),
  push: z.boolean(),
  tokenPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  pulledUntil: z.string().nullable(),
  pushedUntil: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type Peer = z.infer<typeof Peer>;

/** A new peer and the token it presents to this exchange, shown once. */
export const RegisteredPeer = z.object({ peer: Peer, token: z.string() });

export const PeerName = z.object({ id: Uuid, name: z.string(), partner: z.boolean() });
export type PeerName = z.infer<typeof PeerName>;

export const FederationRun = z.object({
  peer: Uuid,
  pulled: z.number().int(),
  pushed: z.number().int(),
  error: z.string().nullable(),
});

export const Release = z.object({ peerId: Uuid, name: z.string(), releasedAt: z.string() });
export type Release = z.infer<typeof Release>;
export const ReleaseRequest = z.strictObject({ peerId: Uuid });
