// `roundtable federation …`: peer exchanges (the secretariat registers, changes, revokes and runs
// them) and releases of TLP:AMBER items to a named peer (the originating organisation), through
// the HTTP API as the token's person.
import type { Command } from "commander";
import type { z } from "zod";
import type { FederationRun, Peer, RegisteredPeer, Release } from "../shared/schemas/index.js";
import { apiTarget, callApi } from "./api-client.js";
import { type ConnectionOptions, withConnection } from "./items.commands.js";

interface PeerOptions extends ConnectionOptions {
  name?: string;
  apiRoot?: string;
  collection?: string;
  username?: string;
  secret?: string;
  partner?: boolean;
  pull?: boolean;
  push?: boolean;
}

const seg = encodeURIComponent;

/** The body of a register or update: only what was given. */
function peerBody(o: PeerOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (o.name !== undefined) body.name = o.name;
  if (o.apiRoot !== undefined) body.apiRoot = o.apiRoot;
  if (o.collection !== undefined) body.collectionId = o.collection;
  if (o.username !== undefined) body.username = o.username;
  if (o.secret !== undefined) body.secret = o.secret;
  if (o.partner !== undefined) body.partner = o.partner;
  if (o.pull !== undefined) body.pull = o.pull;
  if (o.push !== undefined) body.push = o.push;
  return body;
}

function directions(p: Peer): string {
  return [p.pull ? "pull" : "", p.push ? "push" : ""].filter(Boolean).join("+") || "none";
}

function printPeer(p: Peer): void {
  console.log(
    `${p.id}  ${p.name}${p.revokedAt ? " (revoked)" : ""}\n  api root ${p.apiRoot}${p.collectionId ? `, collection ${p.collectionId}` : ""}\n  ${p.partner ? "partner" : "not a partner"}, ${directions(p)}, last run ${p.lastRunAt ?? "never"}${p.lastError ? `\n  last error: ${p.lastError}` : ""}`,
  );
}

function printReleases(releases: Release[]): void {
  if (!releases.length) console.log("Released to no peer.");
  for (const r of releases) console.log(`${r.peerId}  ${r.name}  released ${r.releasedAt}`);
}

/** Registers the federation commands. */
export function registerFederationCommands(program: Command): void {
  const federation = program
    .command("federation")
    .description("Peer exchanges over TAXII 2.1 (secretariat) and releases of AMBER items to a peer");

  withConnection(federation.command("peers").description("Peer exchanges (secretariat)")).action(async (o: ConnectionOptions) => {
    const peers = await callApi<Peer[]>(apiTarget(o), "GET", "/api/federation/peers");
    if (o.json) return void console.log(JSON.stringify(peers, null, 2));
    if (!peers.length) return void console.log("No peer exchanges.");
    console.log(
      `${"id".padEnd(36)}  ${"name".padEnd(24)} partner ${"exchange".padEnd(9)} ${"api root".padEnd(40)} last run              last error`,
    );
    for (const p of peers)
      console.log(
        `${p.id}  ${`${p.name}${p.revokedAt ? " (revoked)" : ""}`.padEnd(24).slice(0, 24)} ${(p.partner ? "yes" : "no").padEnd(7)} ${directions(p).padEnd(9)} ${p.apiRoot.padEnd(40)} ${(p.lastRunAt?.slice(0, 19).replace("T", " ") ?? "never").padEnd(21)} ${p.lastError ?? ""}`.trimEnd(),
      );
  });

  withConnection(
    federation.command("register").description("Register a peer exchange; prints the token it presents here (shown once)"),
  )
    .requiredOption("--name <name>", "the peer's name")
    .requiredOption("--api-root <url>", "the peer's TAXII 2.1 API root (ends with /)")
    .option("--collection <id>", "the collection at the peer to pull from and push to")
    .option("--username <user>", "user name at the peer (HTTP Basic); without it the secret is a Bearer token")
    .option("--secret <secret>", "the secret this exchange presents to the peer")
    .option("--partner", "a partner community (may receive TLP:AMBER released to it)", false)
    .option("--no-pull", "do not pull from the peer")
    .option("--no-push", "do not push to the peer")
    .action(async (o: PeerOptions) => {
      const r = await callApi<z.infer<typeof RegisteredPeer>>(apiTarget(o), "POST", "/api/federation/peers", peerBody(o));
      if (o.json) return void console.log(JSON.stringify(r, null, 2));
      console.log(`Registered peer ${r.peer.id} (${r.peer.name}).`);
      console.log(`Token the peer presents to this exchange (shown once; give it to the peer now):\n${r.token}`);
    });

  withConnection(federation.command("update <peerId>").description("Change a peer's settings or credentials (secretariat)"))
    .option("--name <name>", "the peer's name")
    .option("--api-root <url>", "the peer's TAXII 2.1 API root (ends with /)")
    .option("--collection <id>", "the collection at the peer")
    .option("--username <user>", "user name at the peer")
    .option("--secret <secret>", "the secret this exchange presents to the peer")
    .option("--partner", "a partner community")
    .option("--no-partner", "not a partner community")
    .option("--pull", "pull from the peer")
    .option("--no-pull", "do not pull from the peer")
    .option("--push", "push to the peer")
    .option("--no-push", "do not push to the peer")
    .action(async (peerId: string, o: PeerOptions) => {
      const body = peerBody(o);
      if (!Object.keys(body).length) throw new Error("Nothing to change: give at least one option (see --help).");
      const peer = await callApi<Peer>(apiTarget(o), "PATCH", `/api/federation/peers/${seg(peerId)}`, body);
      if (o.json) console.log(JSON.stringify(peer, null, 2));
      else printPeer(peer);
    });

  withConnection(
    federation.command("revoke <peerId>").description("Revoke a peer: its token stops working, nothing more is exchanged"),
  ).action(async (peerId: string, o: ConnectionOptions) => {
    const peer = await callApi<Peer>(apiTarget(o), "DELETE", `/api/federation/peers/${seg(peerId)}`);
    if (o.json) console.log(JSON.stringify(peer, null, 2));
    else console.log(`Revoked peer ${peer.id} (${peer.name}).`);
  });

  withConnection(federation.command("run <peerId>").description("Pull from and push to a peer now (secretariat)")).action(
    async (peerId: string, o: ConnectionOptions) => {
      const run = await callApi<z.infer<typeof FederationRun>>(apiTarget(o), "POST", `/api/federation/peers/${seg(peerId)}/run`);
      if (o.json) console.log(JSON.stringify(run, null, 2));
      else console.log(`pulled ${run.pulled}, pushed ${run.pushed}`);
      if (run.error) {
        if (!o.json) console.error(`error: ${run.error}`);
        process.exitCode = 1;
      }
    },
  );

  withConnection(
    federation.command("release <itemId> <peerId>").description("Release a TLP:AMBER item your organisation shared to a peer"),
  ).action(async (itemId: string, peerId: string, o: ConnectionOptions) => {
    const releases = await callApi<Release[]>(apiTarget(o), "POST", `/api/items/${seg(itemId)}/releases`, { peerId });
    if (o.json) console.log(JSON.stringify(releases, null, 2));
    else printReleases(releases);
  });

  withConnection(federation.command("withdraw <itemId> <peerId>").description("Withdraw an item's release to a peer")).action(
    async (itemId: string, peerId: string, o: ConnectionOptions) => {
      const releases = await callApi<Release[]>(apiTarget(o), "DELETE", `/api/items/${seg(itemId)}/releases/${seg(peerId)}`);
      if (o.json) console.log(JSON.stringify(releases, null, 2));
      else printReleases(releases);
    },
  );
}
