/**
 * Roundtable's TAXII 2.1 client (OASIS TAXII 2.1, sections 4 and 5).
 *
 * Used by the federation job to pull from and push to peer exchanges and by integration tests as a
 * real client over real HTTP. It speaks the protocol strictly so it works against any conformant
 * server: every request carries `Accept: application/taxii+json;version=2.1`, every endpoint path
 * ends in `/`, filters use the spec's query parameters, answers must be `application/taxii+json`
 * with `version=2.1`, and the `X-TAXII-Date-Added-First/Last` headers are surfaced on every page.
 *
 * Everything this module throws is a {@link TaxiiError}; credentials never appear in its messages.
 */

const TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
const TAXII_MEDIA_TYPE_NAME = "application/taxii+json";
const TAXII_VERSION = "2.1";
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_WAIT_TIMEOUT_MS = 60_000;
const POLL_START_MS = 250;
const POLL_MAX_MS = 5_000;
const MAX_REDIRECTS = 5;
const DEFAULT_USER_AGENT = "Roundtable-TAXII-Client/1.0";
const ERROR_BODY_TEXT_LIMIT = 64 * 1024;

/** Credentials for a TAXII server: HTTP Basic when `username` and `password` are given, otherwise Bearer when `bearer` is. */
export interface TaxiiCredentials {
  username?: string;
  password?: string;
  bearer?: string;
}

/**
 * Error for any failed TAXII exchange: a non-2xx answer (with the parsed TAXII error body), a
 * protocol violation in a 2xx answer (wrong media type, malformed resource), an oversized answer,
 * or a transport failure / timeout / rejected URL (`status` 0).
 */
export class TaxiiError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;

  constructor(message: string, status: number, init: { body?: unknown; headers?: Headers; cause?: unknown } = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "TaxiiError";
    this.status = status;
    this.body = init.body;
    this.headers = init.headers ?? new Headers();
  }
}

/** A TAXII 2.1 envelope resource (section 3.7); the empty envelope `{}` is valid. */
export interface TaxiiEnvelope {
  more?: boolean;
  next?: string;
  objects?: Record<string, unknown>[];
}

/** One page of objects: the envelope (normalised: `objects` and `more` always set) plus the date-added headers. */
export interface TaxiiPage extends TaxiiEnvelope {
  /** `X-TAXII-Date-Added-First`, or null when the server did not send it. */
  dateAddedFirst: string | null;
  /** `X-TAXII-Date-Added-Last`, or null when the server did not send it. */
  dateAddedLast: string | null;
}

/** Filters for objects, object, manifest and versions requests; arrays become comma-separated `match[...]` values. */
export interface ObjectFilters {
  addedAfter?: string;
  limit?: number;
  next?: string;
  matchId?: string[];
  matchType?: string[];
  matchVersion?: string[];
  matchSpecVersion?: string[];
}

/** A TAXII 2.1 status resource (section 4.3.1). */
export interface TaxiiStatus {
  id: string;
  status: "pending" | "complete";
  request_timestamp?: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes?: unknown[];
  failures?: unknown[];
  pendings?: unknown[];
}

/** A TAXII 2.1 discovery resource (section 4.1.1); relative `api_roots`/`default` are resolved against the discovery URL. */
export interface TaxiiDiscovery {
  title: string;
  description?: string;
  contact?: string;
  default?: string;
  api_roots?: string[];
}

/** A TAXII 2.1 API root resource (section 4.2.1). */
export interface TaxiiApiRoot {
  title: string;
  versions: string[];
  max_content_length: number;
  description?: string;
}

/** A TAXII 2.1 collection resource (section 5.2.1). */
export interface TaxiiCollection {
  id: string;
  title: string;
  description?: string;
  can_read: boolean;
  can_write: boolean;
  media_types?: string[];
  alias?: string;
}

/** One manifest record (section 5.6.1). */
export interface TaxiiManifestRecord {
  id: string;
  date_added: string;
  version: string;
  media_type?: string;
}

/** A manifest page plus the date-added headers. */
export interface TaxiiManifestPage {
  more?: boolean;
  next?: string;
  objects: TaxiiManifestRecord[];
  dateAddedFirst: string | null;
  dateAddedLast: string | null;
}

/** A versions page (section 5.8.1) plus the date-added headers. */
export interface TaxiiVersionsPage {
  more?: boolean;
  next?: string;
  versions: string[];
  dateAddedFirst: string | null;
  dateAddedLast: string | null;
}

/** Options for {@link TaxiiClient}. */
export interface TaxiiClientOptions {
  credentials: TaxiiCredentials;
  /** Per-request timeout (whole exchange, body included); default 30 s. */
  timeoutMs?: number;
  /** Fetch implementation; defaults to the global fetch. */
  fetch?: typeof fetch;
  userAgent?: string;
}

type Method = "GET" | "POST" | "DELETE";

interface RawResponse {
  method: Method;
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

interface Decoded {
  json: Record<string, unknown>;
  res: RawResponse;
}

/** A strictly conformant TAXII 2.1 client over fetch. */
export class TaxiiClient {
  private readonly authorization: string | undefined;
  private readonly secrets: string[];
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly userAgent: string;

  constructor(options: TaxiiClientOptions) {
    const { username, password, bearer } = options.credentials;
    const secrets: string[] = [];
    if (username !== undefined || password !== undefined) {
      if (username === undefined || password === undefined) {
        throw new TaxiiError("TAXII Basic credentials need both a username and a password", 0);
      }
      if (username.includes(":")) throw new TaxiiError("TAXII Basic username must not contain ':'", 0);
      const token = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
      this.authorization = `Basic ${token}`;
      secrets.push(token, password, `${username}:${password}`);
    } else if (bearer !== undefined && bearer !== "") {
      if (!/^[\x21-\x7e]+$/.test(bearer)) throw new TaxiiError("TAXII bearer token contains invalid characters", 0);
      this.authorization = `Bearer ${bearer}`;
      secrets.push(bearer);
    }
    this.secrets = secrets.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);

    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TaxiiError("TAXII timeoutMs must be a positive number", 0);
    this.timeoutMs = timeoutMs;

    const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    if (!/^[\x20-\x7e]+$/.test(userAgent)) throw new TaxiiError("TAXII user agent contains invalid characters", 0);
    this.userAgent = userAgent;

    const custom = options.fetch;
    this.fetchImpl = custom ? (input, init) => custom(input, init) : (input, init) => globalThis.fetch(input, init);
  }

  /** GET {discoveryUrl} (e.g. https://host/taxii2/): the discovery resource. */
  async discovery(discoveryUrl: string): Promise<TaxiiDiscovery> {
    const url = withTrailingSlash(parseHttpUrl(discoveryUrl));
    const { json, res } = await this.getJson(url);
    const ctx: Invalid = invalid(res, "discovery resource");
    requireString(json, "title", ctx);
    optionalString(json, "description", ctx);
    optionalString(json, "contact", ctx);
    optionalString(json, "default", ctx);
    const out = { ...json } as Record<string, unknown>;
    if (json.api_roots !== undefined) {
      out.api_roots = stringArray(json.api_roots, "api_roots", ctx).map((r) => resolveAgainst(r, url, ctx));
    }
    if (typeof json.default === "string") out.default = resolveAgainst(json.default, url, ctx);
    return out as unknown as TaxiiDiscovery;
  }

  /** GET {api-root}/: the API root resource. */
  async apiRoot(apiRootUrl: string): Promise<TaxiiApiRoot> {
    const { json, res } = await this.getJson(endpoint(apiRootUrl));
    const ctx: Invalid = invalid(res, "API root resource");
    requireString(json, "title", ctx);
    stringArray(json.versions, "versions", ctx);
    if (
      typeof json.max_content_length !== "number" ||
      !Number.isInteger(json.max_content_length) ||
      json.max_content_length < 0
    ) {
      ctx("max_content_length must be a non-negative integer");
    }
    optionalString(json, "description", ctx);
    return json as unknown as TaxiiApiRoot;
  }

  /** GET {api-root}/collections/: every collection; an empty answer `{}` gives []. */
  async collections(apiRootUrl: string): Promise<TaxiiCollection[]> {
    const { json, res } = await this.getJson(endpoint(apiRootUrl, "collections"));
    const ctx: Invalid = invalid(res, "collections resource");
    if (json.collections === undefined) return [];
    if (!Array.isArray(json.collections)) ctx("collections must be an array");
    return json.collections.map((c: unknown) => checkCollection(c, ctx));
  }

  /** GET {api-root}/collections/{id}/: one collection. */
  async collection(apiRootUrl: string, collectionId: string): Promise<TaxiiCollection> {
    const { json, res } = await this.getJson(endpoint(apiRootUrl, "collections", segment(collectionId, "collection")));
    return checkCollection(json, invalid(res, "collection resource"));
  }

  /** GET {api-root}/collections/{id}/objects/: one page of objects. */
  async getObjects(apiRootUrl: string, collectionId: string, filters?: ObjectFilters): Promise<TaxiiPage> {
    return (await this.objectsPage(apiRootUrl, collectionId, filters)).page;
  }

  /** Pages through every object with next/more until more is false, yielding each page. Stops with a TaxiiError if a server says more:true without next. */
  async *allObjects(apiRootUrl: string, collectionId: string, filters?: Omit<ObjectFilters, "next">): AsyncGenerator<TaxiiPage> {
    const seen = new Set<string>();
    let next: string | undefined;
    for (;;) {
      const { page, res } = await this.objectsPage(apiRootUrl, collectionId, { ...filters, next });
      yield page;
      if (!page.more) return;
      const fail: Invalid = invalid(res, "envelope");
      if (page.next === undefined) fail("more is true but next is missing");
      if (seen.has(page.next)) fail("next token repeats an earlier page (pagination loop)");
      seen.add(page.next);
      next = page.next;
    }
  }

  /** GET {api-root}/collections/{id}/objects/{object-id}/: the versions of one object as an envelope page. */
  async getObject(
    apiRootUrl: string,
    collectionId: string,
    objectId: string,
    filters?: Pick<ObjectFilters, "matchVersion" | "matchSpecVersion" | "limit" | "next" | "addedAfter">,
  ): Promise<TaxiiPage> {
    const url = endpoint(apiRootUrl, "collections", segment(collectionId, "collection"), "objects", segment(objectId, "object"));
    applyFilters(url, filters);
    const { json, res } = await this.getJson(url);
    return { ...toEnvelope(json, invalid(res, "envelope")), ...dateAdded(res.headers) };
  }

  /** DELETE {api-root}/collections/{id}/objects/{object-id}/. */
  async deleteObject(
    apiRootUrl: string,
    collectionId: string,
    objectId: string,
    filters?: Pick<ObjectFilters, "matchVersion" | "matchSpecVersion">,
  ): Promise<void> {
    const url = endpoint(apiRootUrl, "collections", segment(collectionId, "collection"), "objects", segment(objectId, "object"));
    applyFilters(url, filters);
    const res = await this.send("DELETE", url);
    if (res.text.trim() !== "") this.decode(res);
  }

  /** GET {api-root}/collections/{id}/objects/{object-id}/versions/. */
  async versions(
    apiRootUrl: string,
    collectionId: string,
    objectId: string,
    filters?: Pick<ObjectFilters, "addedAfter" | "limit" | "next" | "matchSpecVersion">,
  ): Promise<TaxiiVersionsPage> {
    const url = endpoint(
      apiRootUrl,
      "collections",
      segment(collectionId, "collection"),
      "objects",
      segment(objectId, "object"),
      "versions",
    );
    applyFilters(url, filters);
    const { json, res } = await this.getJson(url);
    const ctx: Invalid = invalid(res, "versions resource");
    const paging = toPaging(json, ctx);
    const versions = json.versions === undefined ? [] : stringArray(json.versions, "versions", ctx);
    return { ...paging, versions, ...dateAdded(res.headers) };
  }

  /** GET {api-root}/collections/{id}/manifest/: one page of manifest records. */
  async manifest(apiRootUrl: string, collectionId: string, filters?: ObjectFilters): Promise<TaxiiManifestPage> {
    const url = endpoint(apiRootUrl, "collections", segment(collectionId, "collection"), "manifest");
    applyFilters(url, filters);
    const { json, res } = await this.getJson(url);
    const ctx: Invalid = invalid(res, "manifest resource");
    const paging = toPaging(json, ctx);
    let objects: TaxiiManifestRecord[] = [];
    if (json.objects !== undefined) {
      if (!Array.isArray(json.objects)) ctx("objects must be an array");
      objects = json.objects.map((o: unknown, i: number) => {
        if (!isRecord(o)) ctx(`objects[${i}] must be an object`);
        requireString(o, "id", ctx);
        requireString(o, "date_added", ctx);
        requireString(o, "version", ctx);
        optionalString(o, "media_type", ctx);
        return o as unknown as TaxiiManifestRecord;
      });
    }
    return { ...paging, objects, ...dateAdded(res.headers) };
  }

  /** POST an envelope {objects}; returns the status resource. */
  async addObjects(apiRootUrl: string, collectionId: string, objects: Record<string, unknown>[]): Promise<TaxiiStatus> {
    const url = endpoint(apiRootUrl, "collections", segment(collectionId, "collection"), "objects");
    const envelope: TaxiiEnvelope = objects.length > 0 ? { objects } : {};
    const res = await this.send("POST", url, JSON.stringify(envelope));
    const json = this.decode(res);
    return checkStatus(json, invalid(res, "status resource"));
  }

  /** GET {api-root}/status/{status-id}/. */
  async status(apiRootUrl: string, statusId: string): Promise<TaxiiStatus> {
    const { json, res } = await this.getJson(endpoint(apiRootUrl, "status", segment(statusId, "status")));
    return checkStatus(json, invalid(res, "status resource"));
  }

  /**
   * addObjects, then polls status (interval 250 ms doubling to 5 s, at most `timeoutMs`, default 60 s)
   * until complete. When the time runs out the last (pending) status is returned.
   */
  async addObjectsAndWait(
    apiRootUrl: string,
    collectionId: string,
    objects: Record<string, unknown>[],
    timeoutMs = DEFAULT_WAIT_TIMEOUT_MS,
  ): Promise<TaxiiStatus> {
    const deadline = Date.now() + timeoutMs;
    let current = await this.addObjects(apiRootUrl, collectionId, objects);
    let interval = POLL_START_MS;
    while (current.status !== "complete") {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      await sleep(Math.min(interval, remaining));
      current = await this.status(apiRootUrl, current.id);
      interval = Math.min(interval * 2, POLL_MAX_MS);
    }
    return current;
  }

  // --- internals -------------------------------------------------------------------------------

  private async objectsPage(
    apiRootUrl: string,
    collectionId: string,
    filters: ObjectFilters | undefined,
  ): Promise<{ page: TaxiiPage; res: RawResponse }> {
    const url = endpoint(apiRootUrl, "collections", segment(collectionId, "collection"), "objects");
    applyFilters(url, filters);
    const { json, res } = await this.getJson(url);
    return { page: { ...toEnvelope(json, invalid(res, "envelope")), ...dateAdded(res.headers) }, res };
  }

  private async getJson(url: URL): Promise<Decoded> {
    const res = await this.send("GET", url);
    return { json: this.decode(res), res };
  }

  /** Checks the media type of a 2xx answer and parses its body as a JSON object. */
  private decode(res: RawResponse): Record<string, unknown> {
    const where = `TAXII ${res.method} ${res.url}`;
    const contentType = res.headers.get("content-type");
    const media = parseMediaType(contentType);
    const shown = contentType === null ? "no Content-Type" : `Content-Type "${contentType}"`;
    const fail = (message: string, body: unknown = truncate(res.text)): never => {
      throw new TaxiiError(`${where} (HTTP ${res.status}): ${message}`, res.status, { body, headers: res.headers });
    };
    if (!media || media.type !== TAXII_MEDIA_TYPE_NAME) {
      fail(`answered with ${shown}, expected ${TAXII_MEDIA_TYPE}`);
    }
    const version = media?.params.get("version");
    if (version !== undefined && version !== TAXII_VERSION) {
      fail(`answered with ${shown}: TAXII version ${version}, expected ${TAXII_VERSION}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(res.text);
    } catch {
      fail(
        version === undefined
          ? `answered with ${shown} without version=${TAXII_VERSION} and a body that is not JSON`
          : "answered with a body that is not valid JSON",
      );
    }
    if (!isRecord(json)) fail("answered with JSON that is not an object", json);
    return json as Record<string, unknown>;
  }

  /** One HTTP exchange: headers, timeout, manual redirects, size limit; throws TaxiiError for non-2xx. */
  private async send(method: Method, url: URL, body?: string): Promise<RawResponse> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let current = url;
    let currentMethod: Method = method;
    let currentBody = body;
    let sendAuth = true;
    for (let hop = 0; ; hop++) {
      const where = `TAXII ${currentMethod} ${current.href}`;
      const headers = new Headers();
      headers.set("Accept", TAXII_MEDIA_TYPE);
      headers.set("User-Agent", this.userAgent);
      if (currentBody !== undefined) headers.set("Content-Type", TAXII_MEDIA_TYPE);
      if (sendAuth && this.authorization !== undefined) headers.set("Authorization", this.authorization);

      let response: Response;
      try {
        response = await this.fetchImpl(current.href, {
          method: currentMethod,
          headers,
          body: currentBody,
          redirect: "manual",
          signal,
        });
      } catch (err) {
        throw this.transportError(err, where, signal);
      }

      if (response.type === "opaqueredirect") {
        throw new TaxiiError(`${where}: the server redirected and the redirect cannot be followed`, 0);
      }

      if (REDIRECT_STATUSES.has(response.status)) {
        const location = response.headers.get("location");
        await discard(response);
        if (location === null) {
          throw new TaxiiError(`${where}: HTTP ${response.status} redirect without a Location header`, response.status, {
            headers: response.headers,
          });
        }
        if (hop >= MAX_REDIRECTS) {
          throw new TaxiiError(`${where}: too many redirects`, response.status, { headers: response.headers });
        }
        let target: URL;
        try {
          target = new URL(location, current);
        } catch {
          throw new TaxiiError(`${where}: HTTP ${response.status} redirect to an invalid URL`, response.status, {
            headers: response.headers,
          });
        }
        assertHttpUrl(target);
        // Never carry credentials to another origin (including an https -> http downgrade).
        if (target.origin !== current.origin) sendAuth = false;
        if (response.status === 303 ? currentMethod !== "GET" : response.status <= 302 && currentMethod === "POST") {
          currentMethod = "GET";
          currentBody = undefined;
        }
        current = target;
        continue;
      }

      let text: string;
      try {
        text = await readLimited(response, where);
      } catch (err) {
        if (err instanceof TaxiiError) throw err;
        throw this.transportError(err, where, signal);
      }

      if (response.status < 200 || response.status > 299) {
        throw errorFromResponse(where, response, text);
      }
      return { method: currentMethod, url: current.href, status: response.status, headers: response.headers, text };
    }
  }

  private transportError(err: unknown, where: string, signal: AbortSignal): TaxiiError {
    const name = err instanceof Error ? err.name : "";
    const reasonName = signal.reason instanceof Error ? signal.reason.name : "";
    if (name === "TimeoutError" || (signal.aborted && reasonName === "TimeoutError")) {
      return new TaxiiError(`${where} timed out after ${this.timeoutMs} ms`, 0);
    }
    const detail = this.redact(describeError(err));
    const safeCause = detail === describeError(err) ? err : undefined;
    return new TaxiiError(`${where} failed: ${detail}`, 0, { cause: safeCause });
  }

  private redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join("[redacted]");
    return out;
  }
}

// --- helpers ---------------------------------------------------------------------------------------

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Invalid = (message: string) => never;

function invalid(res: RawResponse, what: string): Invalid {
  return (message: string): never => {
    throw new TaxiiError(
      `TAXII ${res.method} ${res.url} (HTTP ${res.status}) returned an invalid ${what}: ${message}`,
      res.status,
      {
        body: safeJson(res.text),
        headers: res.headers,
      },
    );
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return truncate(text);
  }
}

function truncate(text: string): string {
  return text.length > ERROR_BODY_TEXT_LIMIT ? `${text.slice(0, ERROR_BODY_TEXT_LIMIT)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requireString(obj: Record<string, unknown>, key: string, fail: Invalid): void {
  if (typeof obj[key] !== "string") fail(`${key} must be a string`);
}

function optionalString(obj: Record<string, unknown>, key: string, fail: Invalid): void {
  if (obj[key] !== undefined && typeof obj[key] !== "string") fail(`${key} must be a string`);
}

function stringArray(value: unknown, key: string, fail: Invalid): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) fail(`${key} must be an array of strings`);
  return value as string[];
}

function checkCollection(value: unknown, fail: Invalid): TaxiiCollection {
  if (!isRecord(value)) return fail("a collection must be an object");
  requireString(value, "id", fail);
  requireString(value, "title", fail);
  optionalString(value, "description", fail);
  optionalString(value, "alias", fail);
  if (typeof value.can_read !== "boolean") fail("can_read must be a boolean");
  if (typeof value.can_write !== "boolean") fail("can_write must be a boolean");
  if (value.media_types !== undefined) stringArray(value.media_types, "media_types", fail);
  return value as unknown as TaxiiCollection;
}

function checkStatus(json: Record<string, unknown>, fail: Invalid): TaxiiStatus {
  if (typeof json.id !== "string" || json.id === "") fail("id must be a non-empty string");
  if (json.status !== "pending" && json.status !== "complete") fail('status must be "pending" or "complete"');
  optionalString(json, "request_timestamp", fail);
  const counts = ["total_count", "success_count", "failure_count", "pending_count"] as const;
  for (const key of counts) {
    const n = json[key];
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) fail(`${key} must be a non-negative integer`);
  }
  for (const key of ["successes", "failures", "pendings"] as const) {
    if (json[key] !== undefined && !Array.isArray(json[key])) fail(`${key} must be an array`);
  }
  const status = json as unknown as TaxiiStatus;
  if (status.success_count + status.failure_count + status.pending_count !== status.total_count) {
    fail("success_count + failure_count + pending_count does not equal total_count");
  }
  return status;
}

function toPaging(json: Record<string, unknown>, fail: Invalid): { more: boolean; next?: string } {
  if (json.more !== undefined && typeof json.more !== "boolean") fail("more must be a boolean");
  if (json.next !== undefined && typeof json.next !== "string") fail("next must be a string");
  const out: { more: boolean; next?: string } = { more: json.more === true };
  if (typeof json.next === "string" && json.next !== "") out.next = json.next;
  return out;
}

function toEnvelope(
  json: Record<string, unknown>,
  fail: Invalid,
): { more: boolean; next?: string; objects: Record<string, unknown>[] } {
  const paging = toPaging(json, fail);
  let objects: Record<string, unknown>[] = [];
  if (json.objects !== undefined) {
    if (!Array.isArray(json.objects)) fail("objects must be an array");
    const list = json.objects as unknown[];
    list.forEach((o, i) => {
      if (!isRecord(o)) fail(`objects[${i}] must be an object`);
    });
    objects = list as Record<string, unknown>[];
  }
  return { ...paging, objects };
}

function dateAdded(headers: Headers): { dateAddedFirst: string | null; dateAddedLast: string | null } {
  return {
    dateAddedFirst: headers.get("X-TAXII-Date-Added-First")?.trim() || null,
    dateAddedLast: headers.get("X-TAXII-Date-Added-Last")?.trim() || null,
  };
}

/** Parses `type/subtype; k=v; ...` leniently (spacing, case, quoted values). */
function parseMediaType(value: string | null): { type: string; params: Map<string, string> } | null {
  if (value === null) return null;
  const [head, ...rest] = value.split(";");
  const type = (head ?? "").trim().toLowerCase();
  if (type === "") return null;
  const params = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    let val = part.slice(eq + 1).trim();
    if (val.length >= 2 && val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1);
    if (key !== "") params.set(key, val.toLowerCase());
  }
  return { type, params };
}

function assertHttpUrl(url: URL): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TaxiiError(`refusing non-http(s) TAXII URL with scheme "${url.protocol}"`, 0);
  }
  if (url.username !== "" || url.password !== "") {
    throw new TaxiiError("TAXII URLs must not embed credentials; pass them as client credentials", 0);
  }
}

function parseHttpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TaxiiError("invalid TAXII URL (not an absolute URL)", 0);
  }
  assertHttpUrl(url);
  if (url.hash !== "") url.hash = "";
  return url;
}

function withTrailingSlash(url: URL): URL {
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  return url;
}

/** `{api-root}/` + segments joined with `/`, always ending in `/`. Segments must already be encoded. */
function endpoint(apiRootUrl: string, ...segments: string[]): URL {
  const base = parseHttpUrl(apiRootUrl);
  if (base.search !== "") throw new TaxiiError(`TAXII API root URL ${base.href} must not have a query string`, 0);
  const root = `${base.origin}${base.pathname.replace(/\/+$/, "")}/`;
  return new URL(segments.length === 0 ? root : `${root}${segments.join("/")}/`);
}

/** URL-encodes one path segment (collection, object or status id). */
function segment(id: string, what: string): string {
  if (typeof id !== "string" || id === "" || id === "." || id === "..") {
    throw new TaxiiError(`invalid TAXII ${what} id`, 0);
  }
  return encodeURIComponent(id);
}

function resolveAgainst(value: string, base: URL, fail: Invalid): string {
  if (URL.canParse(value)) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return fail(`"${value}" is not a valid URL`);
  }
}

function applyFilters(url: URL, filters: ObjectFilters | undefined): void {
  if (!filters) return;
  const q = url.searchParams;
  if (filters.addedAfter !== undefined && filters.addedAfter !== "") q.set("added_after", filters.addedAfter);
  if (filters.limit !== undefined) {
    if (!Number.isInteger(filters.limit) || filters.limit < 1) throw new TaxiiError("TAXII limit must be a positive integer", 0);
    q.set("limit", String(filters.limit));
  }
  if (filters.next !== undefined && filters.next !== "") q.set("next", filters.next);
  const matches: Array<[string, string[] | undefined]> = [
    ["match[id]", filters.matchId],
    ["match[type]", filters.matchType],
    ["match[version]", filters.matchVersion],
    ["match[spec_version]", filters.matchSpecVersion],
  ];
  for (const [name, values] of matches) {
    if (values === undefined) continue;
    const kept = values.map((v) => v.trim()).filter((v) => v !== "");
    if (kept.some((v) => v.includes(","))) throw new TaxiiError(`TAXII ${name} values must not contain commas`, 0);
    if (kept.length > 0) q.set(name, kept.join(","));
  }
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // ignore: the body is unwanted anyway
  }
}

/** Reads the body as UTF-8 text, refusing anything over 64 MB (by Content-Length and by counting). */
async function readLimited(response: Response, where: string): Promise<string> {
  const tooLarge = (): TaxiiError =>
    new TaxiiError(`${where}: response larger than ${MAX_RESPONSE_BYTES} bytes refused`, response.status, {
      headers: response.headers,
    });
  const declared = response.headers.get("content-length");
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > MAX_RESPONSE_BYTES) {
    await discard(response);
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}

/** Builds the TaxiiError for a non-2xx answer, using the TAXII error resource's title and description. */
function errorFromResponse(where: string, response: Response, text: string): TaxiiError {
  const body = text.trim() === "" ? undefined : safeJson(text);
  let message = `${where} failed: HTTP ${response.status}`;
  if (response.statusText) message += ` ${response.statusText}`;
  if (isRecord(body)) {
    const title = typeof body.title === "string" ? body.title : undefined;
    const description = typeof body.description === "string" ? body.description : undefined;
    if (title) message += ` — ${title}`;
    if (description) message += `${title ? ": " : " — "}${description}`;
  }
  return new TaxiiError(message, response.status, { body, headers: response.headers });
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message && cause.message !== err.message) return `${err.message} (${cause.message})`;
  return err.message;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
