// The error responses every route documents in OpenAPI, derived from the error catalogue.
import { ERROR_CATALOGUE } from "../../shared/errors.js";
import { ErrorResponse } from "../../shared/schemas/index.js";

/** One `{ status: ErrorResponse }` entry per status the catalogue uses. */
export const errorResponses = Object.fromEntries(
  [...new Set(Object.values(ERROR_CATALOGUE).map((e) => e.status))].map((status) => [status, ErrorResponse]),
) as Record<number, typeof ErrorResponse>;
