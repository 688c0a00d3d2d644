// A kind's details as form state (strings, flags, rows) and back, checked with the kind's own zod schema.
import { type ItemKind, KINDS } from "../../shared/kinds.js";
import { ApiError } from "../data/client.js";
import { type FieldSpec, fieldsOf, type LeafSpec } from "./kind-fields.js";

/** One affected product row of a vulnerability. */
export interface ProductRow {
  product: string;
  versions: string;
}

/** A value as the form holds it (a multichoice field holds the chosen option values). */
export type DraftValue = string | boolean | string[] | ProductRow[];

/** Form state of a kind's details, keyed by field path ("impact.severity"). */
export type Draft = Record<string, DraftValue>;

/** Field path → error message. */
export type FieldErrors = Record<string, string>;

const pad = (n: number) => String(n).padStart(2, "0");

/** A timestamp as the value of a datetime-local input, in the browser's time zone. */
export function toLocalInput(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function leaves(kind: ItemKind): [string, LeafSpec][] {
  return fieldsOf(kind).flatMap(([key, spec]): [string, LeafSpec][] =>
    spec.type === "group" ? Object.entries(spec.fields).map(([sub, leaf]) => [`${key}.${sub}`, leaf]) : [[key, spec]],
  );
}

function emptyValue(spec: LeafSpec): DraftValue {
  switch (spec.type) {
    case "boolean":
      return false;
    case "products":
    case "multichoice":
      return [];
    case "choice":
      return spec.initial ?? "";
    case "datetime":
      return spec.initial ? toLocalInput(spec.initial()) : "";
    default:
      return "";
  }
}

/** The form state of a new item of `kind`: empty fields, with sensible defaults where the kind has them. */
export function initialDraft(kind: ItemKind): Draft {
  return Object.fromEntries(leaves(kind).map(([path, spec]) => [path, emptyValue(spec)]));
}

function valueAt(details: Record<string, unknown>, path: string): unknown {
  let current: unknown = details;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function draftValue(spec: LeafSpec, value: unknown): DraftValue {
  if (value === undefined || value === null) return spec.type === "choice" ? "" : emptyValue(spec);
  switch (spec.type) {
    case "boolean":
      return value === true;
    case "datetime":
      return typeof value === "string" ? toLocalInput(value) : "";
    case "list":
      return Array.isArray(value) ? value.map(String).join("\n") : "";
    case "multichoice":
      return Array.isArray(value) ? value.map(String) : [];
    case "products":
      return Array.isArray(value)
        ? value.map((row) => {
            const r = (row ?? {}) as Record<string, unknown>;
            return { product: String(r.product ?? ""), versions: String(r.versions ?? "") };
          })
        : [];
    default:
      return String(value);
  }
}

/** The form state of existing details (for editing). */
export function draftFromDetails(kind: ItemKind, details: Record<string, unknown>): Draft {
  return Object.fromEntries(leaves(kind).map(([path, spec]) => [path, draftValue(spec, valueAt(details, path))]));
}

function apiValue(spec: LeafSpec, value: DraftValue | undefined): unknown {
  if (value === undefined) return undefined;
  switch (spec.type) {
    case "boolean":
      return value === true;
    case "products":
      return (value as ProductRow[])
        .map((r) => ({ product: r.product.trim(), versions: r.versions.trim() }))
        .filter((r) => r.product || r.versions);
    case "multichoice": {
      // Nothing chosen is "not given", so a required list says "Required." like any other field.
      const chosen = Array.isArray(value) ? (value as unknown[]).map(String) : [];
      return chosen.length > 0 ? chosen : undefined;
    }
    case "list":
      return String(value)
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
    default: {
      const text = String(value).trim();
      if (text === "") return undefined;
      if (spec.type === "datetime") {
        const date = new Date(text);
        return Number.isNaN(date.getTime()) ? text : date.toISOString();
      }
      if (spec.type === "integer" || spec.type === "level") return /^-?\d+$/.test(text) ? Number(text) : text;
      return text;
    }
  }
}

function build(entries: [string, FieldSpec][], draft: Draft, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of entries) {
    const value =
      spec.type === "group" ? build(Object.entries(spec.fields), draft, `${prefix}${key}.`) : apiValue(spec, draft[prefix + key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function issueMessage(issue: {
  readonly code?: string | undefined;
  readonly expected?: unknown;
  readonly input?: unknown;
}): string | undefined {
  if (issue.input === undefined || (issue.input === "" && issue.code === "too_small")) return "Required.";
  if (issue.code === "invalid_type" && issue.expected === "number") return "Enter a whole number.";
  if (issue.code === "invalid_format" || issue.code === "invalid_value") {
    if (typeof issue.input === "string" && /^\d{4}-\d{2}-\d{2}T/.test(issue.input)) return "Enter a date and time.";
  }
  return undefined;
}

/** Maps a path inside the details ("impact", "severity") or ("cveIds", 2) to a field and message. */
function fieldError(path: readonly PropertyKey[], message: string): [string, string] {
  const index = path.findIndex((p) => typeof p === "number");
  if (index < 0) return [path.map(String).join("."), message];
  const field = path.slice(0, index).map(String).join(".");
  const position = (path[index] as number) + 1;
  const rest = path.slice(index + 1).map(String);
  return [field, `Entry ${position}${rest.length ? ` (${rest.join(".")})` : ""}: ${message}`];
}

/** Turns the form state into the API's details, validated by the kind's schema; `errors` is keyed by field path. */
export function detailsFromDraft(
  kind: ItemKind,
  draft: Draft,
): { ok: true; details: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const raw = build(fieldsOf(kind), draft, "");
  const parsed = KINDS[kind].details.safeParse(raw, { error: issueMessage });
  if (parsed.success) return { ok: true, details: parsed.data as Record<string, unknown> };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [field, message] = fieldError(issue.path, issue.message);
    errors[field || "details"] ??= message;
  }
  return { ok: false, errors };
}

/**
 * Field errors of a 400 validation_failed answer, keyed by field path relative to `prefix`
 * (e.g. "body.details.impact.severity" → "details.impact.severity" with prefix "body.").
 */
export function fieldErrorsFromApi(error: unknown, prefix = "body."): FieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: FieldErrors = {};
  for (const entry of error.details as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const { path, message } = entry as { path?: unknown; message?: unknown };
    if (typeof message !== "string") continue;
    const text = Array.isArray(path) ? path.join(".") : typeof path === "string" ? path : "";
    if (!text.startsWith(prefix)) continue;
    const parts = text.slice(prefix.length).split(".");
    const [field, fieldMessage] = fieldError(
      parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message,
    );
    errors[field] ??= fieldMessage;
  }
  return errors;
}

/** Errors of the details only, with the "details." prefix removed. */
export function detailsErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) if (key.startsWith("details.")) out[key.slice(8)] = message;
  return out;
}

/** True when the kind's schema refuses a missing value at `path` ("impact.severity"). */
export function isRequired(kind: ItemKind, path: string): boolean {
  let schema: unknown = KINDS[kind].details;
  for (const part of path.split(".")) {
    const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
    schema = shape?.[part];
  }
  const check = schema as { safeParse?: (value: unknown) => { success: boolean } } | undefined;
  return check?.safeParse ? !check.safeParse(undefined).success : false;
}
