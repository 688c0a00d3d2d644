// STIX 2.1 building blocks shared by every export: the official TLP 2.0 marking definitions
// (DESIGN.md, "Exact identifiers") and the timestamp format the standard requires.
import { TLP_MARKING_IDS, type TlpLabel } from "./tlp.js";

/** The OASIS TLP 2.0 property extension the marking definitions carry. */
export const TLP_2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

/** The official TLP 2.0 marking-definition object of a label, exactly as OASIS publishes it. */
export function tlpMarkingDefinition(label: TlpLabel) {
  return {
    type: "marking-definition",
    spec_version: "2.1",
    id: TLP_MARKING_IDS[label],
    created: "2022-10-01T00:00:00.000Z",
    name: label,
    extensions: {
      [TLP_2_EXTENSION_ID]: { extension_type: "property-extension", tlp_2_0: label.slice(4).toLowerCase() },
    },
  };
}

/** A STIX timestamp: UTC with millisecond precision and Z. */
export function stixTimestamp(at: Date): string {
  return at.toISOString();
}
