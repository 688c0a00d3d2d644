// Roundtable's STIX 2.1 property extension: the fields STIX has no property for (kind, details,
// sectors, audience, acknowledgement requirement, …), declared by an extension-definition whose
// JSON schema every Roundtable server publishes. The objects here are the same on every server.
import { ITEM_KINDS } from "./kinds.js";

/** The id of Roundtable's extension-definition (fixed: every Roundtable server shares it). */
export const ROUNDTABLE_EXTENSION_ID = "extension-definition--1f6c2a34-7d0b-4e5c-9a1e-5b8f0c3d2e71";
/** The identity that created the extension definition: the Roundtable project. */
export const ROUNDTABLE_PROJECT_IDENTITY_ID = "identity--0c8e7a52-3b1f-4d6a-8e2c-7f9a1b4d6e30";
/** Where each server publishes the extension's schema, relative to its public URL. */
export const EXTENSION_SCHEMA_PATH = "/api/stix/extension-definition/schema.json";

const CREATED = "2026-11-22T00:00:00.000Z";

/** The identity object of the Roundtable project (the extension definition's creator). */
export function roundtableProjectIdentity() {
  return {
    type: "identity",
    spec_version: "2.1",
    id: ROUNDTABLE_PROJECT_IDENTITY_ID,
    created: CREATED,
    modified: CREATED,
    name: "Roundtable",
    identity_class: "system",
    description: "Roundtable, an open-source platform for Information Sharing Exchanges.",
  };
}

/** The extension-definition object, identical on every server. */
export function roundtableExtensionDefinition() {
  return {
    type: "extension-definition",
    spec_version: "2.1",
    id: ROUNDTABLE_EXTENSION_ID,
    created_by_ref: ROUNDTABLE_PROJECT_IDENTITY_ID,
    created: CREATED,
    modified: CREATED,
    name: "Roundtable information sharing exchange",
    description:
      "What an Information Sharing Exchange records beyond STIX: the kind of item, its kind-specific details (impact assessment, acknowledgement requirement, …), sectors, audience and status.",
    schema: `JSON Schema served by every Roundtable server at ${EXTENSION_SCHEMA_PATH}`,
    version: "1.0.0",
    extension_types: ["property-extension"],
  };
}

/** The JSON Schema (draft 2020-12) of the extension's properties. */
export function roundtableExtensionSchema(publicUrl: string) {
  const ids = { type: "array", items: { type: "string", format: "uuid" } };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${publicUrl.replace(/\/$/, "")}${EXTENSION_SCHEMA_PATH}`,
    title: "Roundtable information sharing exchange (STIX 2.1 property extension)",
    type: "object",
    required: ["extension_type", "kind"],
    properties: {
      extension_type: { const: "property-extension" },
      kind: { enum: ITEM_KINDS },
      sectors: { type: "array", items: { type: "string" } },
      status: { type: ["string", "null"] },
      details: {
        type: "object",
        description: "The kind's details as the Roundtable API defines them (see /api/openapi.json, CreateItemRequest).",
      },
      anonymous: { type: "boolean", description: "The originator is hidden; created_by_ref is a pseudonymous identity." },
      version: { type: "integer", minimum: 1 },
      source: { type: "string", description: "Who an imported or federated item came from." },
      audience: {
        type: "object",
        description: "Who the item is for inside its exchange (only in exports to the exchange's own members).",
        properties: { exchange: { type: "boolean" }, organisations: ids, groups: ids, persons: ids },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}
