// The end-to-end harness: the real server on a test database, Debian's Chromium, and logging in.
import assert from "node:assert/strict";
import fs from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { loadConfig } from "../../src/server/config.js";
import type { Database } from "../../src/server/db/database.js";
import { createMailer } from "../../src/server/mail/mailer.js";
import { startServer } from "../../src/server/runtime.js";
import { TEST_PASSWORD } from "./builders.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
const hasWeb = fs.existsSync(new URL("../../dist/web/index.html", import.meta.url));
if (process.env.CI && (!hasChromium || !hasWeb))
  throw new Error("CI needs Debian's chromium and a built web UI (npx vite build).");

/** Why browser tests cannot run here (locally they are skipped; CI fails instead), or false. */
export const browserSkip: string | false = !hasChromium
  ? "Debian's chromium is not installed (apt-get install chromium)"
  : !hasWeb
    ? "the web UI is not built (npm run build)"
    : false;

/** A running server over `db` and a headless Chromium; `close` stops both. */
export async function startBrowserHarness(db: Database) {
  const server = await startServer(
    { config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }), db, mailer: createMailer(undefined, ""), clock: () => new Date() },
    { logger: false },
  );
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  /** Logs in through the login page in a fresh context; fails on any page error. */
  const loginAs = async (email: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/login`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: /log in/i }).click();
    await page.getByRole("link", { name: /post/i }).first().waitFor();
    assert.deepEqual(errors, []);
    return page;
  };
  return {
    url: server.url,
    loginAs,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** A function calling the API at `baseUrl()` as a person (Bearer token), failing the test on an error answer. */
export function bearerApi<Who extends string>(baseUrl: () => string, tokens: Partial<Record<Who, string>>) {
  return async <T>(who: Who, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const payload = (await response.json()) as T;
    assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${JSON.stringify(payload)}`);
    return payload;
  };
}
