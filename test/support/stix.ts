// STIX objects the tests post and import.
import { TLP_MARKING_IDS } from "../../src/shared/tlp.js";

/** A valid TLP:GREEN indicator for a malicious domain (fixed id, so re-posting it is idempotent). */
export function greenIndicator(): Record<string, unknown> & { id: string } {
  return {
    type: "indicator",
    spec_version: "2.1",
    id: "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
    created: "2026-10-02T10:00:00.000Z",
    modified: "2026-10-02T10:00:00.000Z",
    name: "Malicious domain",
    pattern: "[domain-name:value = 'evil.example']",
    pattern_type: "stix",
    valid_from: "2026-10-02T10:00:00.000Z",
    object_marking_refs: [TLP_MARKING_IDS["TLP:GREEN"]],
  };
}
