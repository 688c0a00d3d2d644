// The catalogue of API errors: stable codes, HTTP statuses and what each means. README documents it.

/** Every error the API may answer with, by stable code. */
export const ERROR_CATALOGUE = {
  malformed_request: { status: 400, description: "The body is not valid JSON or not the expected media type." },
  validation_failed: { status: 400, description: "A field is missing, of the wrong type, too long or not allowed." },
  audience_invalid: { status: 422, description: "The audience does not fit the label, or names unknown recipients." },
  label_too_permissive: { status: 422, description: "A reply or attachment is never less restrictive than what it belongs to." },
  unauthenticated: { status: 401, description: "No valid session or API token." },
  invalid_credentials: { status: 401, description: "E-mail or password is wrong." },
  second_factor_required: { status: 401, description: "The password was right; a TOTP code is needed." },
  invalid_second_factor: { status: 401, description: "The TOTP code is wrong or was already used." },
  token_expired: { status: 401, description: "The API token has expired." },
  token_revoked: { status: 401, description: "The API token was revoked." },
  account_locked: { status: 423, description: "Too many failed logins; try again later." },
  account_inactive: { status: 403, description: "The person or their organisation is suspended or has left." },
  enrolment_required: { status: 403, description: "Enrol a second factor (TOTP) before using the exchange." },
  csrf_failed: { status: 403, description: "The CSRF token is missing or wrong for a cookie-authenticated write." },
  forbidden: { status: 403, description: "Your role does not allow this action." },
  documents_not_accepted: { status: 403, description: "Accept the current Terms of Reference and NDA first." },
  not_originator: { status: 403, description: "Only the originating organisation may change an item's label." },
  not_invited: { status: 403, description: "Only the invitees of an urgent call answer its roll-call." },
  action_owner_cannot_read: { status: 422, description: "The action's label and audience would hide it from its owner." },
  measure_not_applicable: { status: 422, description: "The measure does not apply to your organisation's sectors or kind." },
  dependency_invalid: { status: 422, description: "A dependency names an unknown or unreadable service, or its own service." },
  meeting_in_past: { status: 400, description: "A meeting (or its new time) must start in the future." },
  calendar_feed_revoked: { status: 410, description: "The calendar feed was revoked; create a new one under Account." },
  too_many_streams: { status: 429, description: "Too many live notification streams open for one person." },
  not_found: { status: 404, description: "No such resource, or not one you may read." },
  invitation_invalid: { status: 404, description: "The invitation does not exist, was used or has expired." },
  conflict: { status: 409, description: "The change conflicts with the current state (duplicate, wrong status)." },
  chair_seat_taken: { status: 409, description: "That chair seat is held by someone else." },
  already_set_up: { status: 409, description: "The exchange already has its first secretariat account." },
  stix_invalid: {
    status: 422,
    description:
      "A STIX bundle or MISP event failed validation; nothing was imported. `details.issues` lists every error by path.",
  },
  federated_read_only: { status: 403, description: "A federated item is read-only: it belongs to the exchange it came from." },
  payload_too_large: { status: 413, description: "The request body is larger than allowed." },
  unsupported_media_type: { status: 415, description: "The Content-Type is not supported." },
  rate_limited: { status: 429, description: "Too many requests; slow down." },
  pdf_unavailable: { status: 503, description: "The PDF renderer (headless Chromium) is not available on this server." },
  internal_error: { status: 500, description: "Something failed on our side; nothing was changed." },
} as const satisfies Record<string, { status: number; description: string }>;

/** A stable error code of the API. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** An error with a stable code; the HTTP layer turns it into its status and body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.details = details;
  }
}

/** Shorthand for a 404 that does not say whether the thing exists. */
export function notFound(what = "resource"): AppError {
  return new AppError("not_found", `No such ${what}.`);
}
