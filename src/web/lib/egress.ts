// The egress policy in words, for the pages that manage what leaves the exchange (the rule itself: shared/egress.ts).

/** What may leave for peer exchanges, in one sentence. */
export const EGRESS_POLICY =
  "TLP:CLEAR goes to every peer exchange and TLP:GREEN to partner communities when addressed to the whole exchange; " +
  "TLP:AMBER only to a peer its originator released it to; TLP:AMBER+STRICT and TLP:RED never leave.";
