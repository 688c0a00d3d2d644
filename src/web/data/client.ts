// Fetch wrapper for the JSON API: cookies, CSRF header, typed errors. (Folder "data", not "api": dev proxies /api.)
import type { ErrorBody } from "../../shared/errors.js";

/** An API failure with the server's stable code and user-facing message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Per-request options. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Do not trigger the global "go to /login" handler on 401 unauthenticated. */
  quiet?: boolean;
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
let onEnrolmentRequired: (() => void) | null = null;

/** Remembers the CSRF token of the current session (sent on every non-GET request). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when the API says the session is gone or needs a second factor enrolled. */
export function setAuthHandlers(handlers: { unauthenticated: () => void; enrolmentRequired: () => void }): void {
  onUnauthenticated = handlers.unauthenticated;
  onEnrolmentRequired = handlers.enrolmentRequired;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function send<T>(
  method: Method,
  path: string,
  body: BodyInit | null,
  contentType: string | null,
  options: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") {
    if (contentType) headers["content-type"] = contentType;
    if (csrfToken) headers["x-csrf-token"] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body,
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;

  const error = isErrorBody(payload)
    ? new ApiError(response.status, payload.error.code, payload.error.message, payload.error.details)
    : new ApiError(response.status, "http_error", `The request failed (HTTP ${response.status}).`);
  if (!options.quiet) {
    if (error.code === "unauthenticated") onUnauthenticated?.();
    else if (error.code === "enrolment_required") onEnrolmentRequired?.();
  }
  throw error;
}

/** Sends one request to the API and resolves with the parsed JSON body, or rejects with ApiError. */
export function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  if (method === "GET") return send<T>(method, path, null, null, options);
  return send<T>(method, path, JSON.stringify(body ?? {}), "application/json", options);
}

/** POSTs raw bytes (a file) as `contentType` (application/octet-stream unless given) and resolves with the parsed JSON answer. */
export function upload<T>(
  path: string,
  file: Blob,
  { contentType = "application/octet-stream", ...options }: RequestOptions & { contentType?: string } = {},
): Promise<T> {
  return send<T>("POST", path, file, contentType, options);
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Turns any thrown value into a message fit for the user. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
