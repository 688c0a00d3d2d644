// One error handler: known errors keep their stable code and message; anything else is a bare 500.
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorBody, type ErrorCode } from "../../shared/errors.js";

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "malformed_request", message: "The body is not valid JSON." },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "malformed_request", message: "The body is empty; send a JSON object." },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "unsupported_media_type", message: "Send application/json." },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "payload_too_large", message: "The body is too large." },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "malformed_request", message: "The Content-Length is wrong." },
};

/** Installs the error and not-found handlers on the app. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? "body"}${v.instancePath.replaceAll("/", ".")}`,
        message: v.message,
      }));
      const first = details[0];
      const message = first ? `${first.path}: ${first.message}` : "The request is not valid.";
      return reply.status(400).send(body("validation_failed", message, details));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.status(error.statusCode ?? 400).send(body(known.code, known.message));
    if (error.statusCode === 429) return reply.status(429).send(body("rate_limited", "Too many requests; slow down."));
    if (error instanceof SyntaxError) return reply.status(400).send(body("malformed_request", "The body is not valid JSON."));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body("malformed_request", "The request could not be understood."));
    }
    // Database errors carry the failing row in `detail`: log only what cannot hold content.
    request.log.error(
      { err: { type: error.name, code: error.code, message: error.message, stack: error.stack } },
      "unexpected error",
    );
    return reply.status(500).send(body("internal_error", "Something failed on our side; nothing was changed."));
  });
}

/** The JSON body of a 404 for an unknown API path. */
export function notFoundBody(): ErrorBody {
  return body("not_found", "No such resource.");
}
