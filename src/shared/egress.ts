// The egress policy: what may leave the exchange for a peer exchange (DESIGN.md, the TLP table's
// last column). One rule, evaluated here (the reference) and compiled to SQL for the peers' TAXII
// view and the push job; the property test compares the two.
import type { TlpLabel } from "./tlp.js";

/** What the egress rule reads about an item. */
export interface EgressItem {
  tlp: TlpLabel;
  /** Addressed to the whole exchange (not to chosen organisations, groups or persons). */
  audienceExchange: boolean;
  /** The peer the item came from, if it was federated in. */
  federatedFrom: string | null;
  /** Peers the originator released this (AMBER) item to. */
  releasedTo: readonly string[];
}

/** What the egress rule reads about a peer. */
export interface EgressPeer {
  id: string;
  /** A partner community receives TLP:GREEN. */
  partner: boolean;
}

/**
 * May `item` go to `peer`? CLEAR goes to any peer, GREEN to partner communities, both only when
 * addressed to the whole exchange; AMBER only when its originator released it to that named peer;
 * AMBER+STRICT and RED never; nothing goes back to the peer it came from.
 */
export function mayLeaveFor(item: EgressItem, peer: EgressPeer): boolean {
  if (item.federatedFrom === peer.id) return false;
  switch (item.tlp) {
    case "TLP:CLEAR":
      return item.audienceExchange;
    case "TLP:GREEN":
      return item.audienceExchange && peer.partner;
    case "TLP:AMBER":
      return item.releasedTo.includes(peer.id);
    default:
      return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same rule as SQL over an item alias (columns tlp, audience_exchange, federated_from, id). */
export function egressPredicateSql(alias: string, peerId: string, partner: boolean): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`bad SQL alias: ${alias}`);
  if (!UUID.test(peerId)) throw new Error("peer id must be a UUID");
  const a = alias;
  const green = partner ? ` OR ${a}.tlp = 'TLP:GREEN'` : "";
  return `((${a}.federated_from IS NULL OR ${a}.federated_from <> '${peerId}'::uuid) AND (
    (${a}.audience_exchange AND (${a}.tlp = 'TLP:CLEAR'${green}))
    OR (${a}.tlp = 'TLP:AMBER' AND EXISTS (SELECT 1 FROM item_releases r WHERE r.item_id = ${a}.id AND r.peer_id = '${peerId}'::uuid))))`;
}
