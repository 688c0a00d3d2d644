// Every API schema, for the server (validation, OpenAPI), the web UI and the CLI.
export * from "./audit.schemas.js";
export * from "./auth.schemas.js";
export * from "./calls.schemas.js";
export * from "./collaboration.schemas.js";
export * from "./common.js";
export * from "./documents.schemas.js";
export * from "./federation.schemas.js";
export * from "./insight.schemas.js";
export * from "./interdependencies.schemas.js";
export * from "./items.schemas.js";
export * from "./measures.schemas.js";
export * from "./meetings.schemas.js";
export * from "./membership.schemas.js";
export * from "./notifications.schemas.js";
export * from "./stix.schemas.js";
