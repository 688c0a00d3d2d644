// A small HTTP client for the CLI: talks to a running Roundtable with a personal API token, so
// the command line reads exactly what its person may read.

/** Where and as whom the CLI calls the API. */
export interface ApiTarget {
  url: string;
  token: string;
}

/** The target from options or ROUNDTABLE_URL / ROUNDTABLE_TOKEN. */
export function apiTarget(options: { url?: string; token?: string }): ApiTarget {
  const url = (options.url ?? process.env.ROUNDTABLE_URL ?? "http://localhost:8080").replace(/\/+$/, "");
  const token = options.token ?? process.env.ROUNDTABLE_TOKEN;
  if (!token)
    throw new Error(
      "Give an API token with --token or ROUNDTABLE_TOKEN (create one under Account, or `roundtable admin token create`).",
    );
  return { url, token };
}

/** Calls the API and returns the body as bytes (a PDF, a download); throws the API's own error message on a 4xx/5xx. */
export async function callApiBytes(target: ApiTarget, method: string, path: string, body?: unknown): Promise<Buffer> {
  const res = await fetch(`${target.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${target.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    const text = bytes.toString("utf8");
    const error = (text ? JSON.parse(text) : {}).error ?? { code: String(res.status), message: res.statusText };
    throw new Error(`${error.code}: ${error.message}`);
  }
  return bytes;
}

/** Calls the API and returns the body as text. */
export async function callApiText(target: ApiTarget, method: string, path: string, body?: unknown): Promise<string> {
  return (await callApiBytes(target, method, path, body)).toString("utf8");
}

/** Calls the API and parses the JSON answer. */
export async function callApi<T>(target: ApiTarget, method: string, path: string, body?: unknown): Promise<T> {
  const text = await callApiText(target, method, path, body);
  return (text ? JSON.parse(text) : {}) as T;
}
