// FIRST TLP 2.0 labels, their order of restrictiveness, colours and STIX marking ids.

/** The five FIRST TLP 2.0 labels, written exactly as the standard writes them. */
export const TLP_LABELS = ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"] as const;

/** A FIRST TLP 2.0 label. */
export type TlpLabel = (typeof TLP_LABELS)[number];

const RANK: Record<TlpLabel, number> = {
  "TLP:CLEAR": 0,
  "TLP:GREEN": 1,
  "TLP:AMBER": 2,
  "TLP:AMBER+STRICT": 3,
  "TLP:RED": 4,
};

/** True when the string is one of the five TLP 2.0 labels (exact spelling). */
export function isTlpLabel(value: string): value is TlpLabel {
  return (TLP_LABELS as readonly string[]).includes(value);
}

/** Orders labels from least (CLEAR) to most restrictive (RED). */
export function tlpRank(label: TlpLabel): number {
  return RANK[label];
}

/** True when `label` is at least as restrictive as `parent` (a reply may never loosen its parent). */
export function isAtLeastAsRestrictive(label: TlpLabel, parent: TlpLabel): boolean {
  return RANK[label] >= RANK[parent];
}

/** FIRST's colours: text colour on a black (#000000) background. */
export const TLP_COLOURS: Record<TlpLabel, string> = {
  "TLP:CLEAR": "#FFFFFF",
  "TLP:GREEN": "#33FF00",
  "TLP:AMBER": "#FFC000",
  "TLP:AMBER+STRICT": "#FFC000",
  "TLP:RED": "#FF2B2B",
};

/** What each label means for who may see it and whether it may leave the exchange. */
export const TLP_MEANING: Record<TlpLabel, string> = {
  "TLP:CLEAR": "Disclosure is not limited; may leave the exchange.",
  "TLP:GREEN": "The community of the exchange (NDA accepted); not to be published.",
  "TLP:AMBER": "The audience's organisations only, on a need-to-know basis.",
  "TLP:AMBER+STRICT": "The audience's organisations only; never leaves the exchange.",
  "TLP:RED": "The named recipients only, not their colleagues.",
};

/** OASIS TLP 2.0 marking-definition ids (STIX 2.1), keyed by label. */
export const TLP_MARKING_IDS: Record<TlpLabel, string> = {
  "TLP:CLEAR": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
  "TLP:GREEN": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
  "TLP:AMBER": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
  "TLP:AMBER+STRICT": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
  "TLP:RED": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
};

/** E-mail and calendar feeds leave the exchange: they may carry content up to TLP:GREEN only. */
export function mayLeaveTheExchange(label: TlpLabel): boolean {
  return tlpRank(label) <= tlpRank("TLP:GREEN");
}
