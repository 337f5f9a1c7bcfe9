/**
 * Shared helpers of the browser tests: open the built pane (dist/, served on localhost)
 * inside the fake Excel host, with the real office.js routed away, and record every
 * network request the page makes.
 *
 *   const pane = await openPane(page, { sets: { ExcelApi: "1.8" }, sheets: [...] });
 *   await pane.fake((f) => f.syncCount);       // read the fake workbook's state
 */
import * as path from "path";
import { expect, type Page } from "@playwright/test";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const FAKE_OFFICE = path.join(__dirname, "fake-office.js");
/** The local server of the built pane (playwright.config.ts starts it). */
export const BASE_URL = `http://localhost:${Number(process.env.PHULUC_TEST_PORT || 3100)}/`;

export interface FakeOptions {
  sets?: Record<string, string>;
  theme?: "light" | "dark";
  ready?: "ok" | "never";
  sheets?: { name: string; cells?: Record<string, unknown>; visibility?: string; tables?: { name: string; address: string }[] }[];
  names?: { name: string; ref: string }[];
}

/** Serves an empty script for office.js: the fake host (an init script) is Office. */
export async function routeOfficeJs(page: Page, mode: "empty" | "abort" = "empty"): Promise<void> {
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    mode === "abort" ? route.abort("internetdisconnected") : route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js: replaced by the fake host in tests */" }),
  );
}

/** Every request the page makes, to assert that nothing leaves localhost but office.js. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

export function foreignRequests(urls: string[]): string[] {
  return urls.filter((u) => !u.startsWith(BASE_URL) && u !== OFFICE_JS && !u.startsWith("blob:") && !u.startsWith("data:"));
}

export interface Pane {
  page: Page;
  requests: string[];
  /** Runs a function against `window.__fakeExcel` in the page and returns its result. */
  fake<T>(fn: (f: any, arg: any) => T, arg?: unknown): Promise<T>;
}

export async function openPane(page: Page, options: FakeOptions = {}, query = ""): Promise<Pane> {
  const requests = recordRequests(page);
  await page.addInitScript((o) => {
    (window as any).__fakeOfficeOptions = o;
  }, options);
  await page.addInitScript({ path: FAKE_OFFICE });
  await routeOfficeJs(page);
  await page.goto("taskpane.html" + query);
  return {
    page,
    requests,
    // A string expression: evaluated through the DevTools protocol, outside the page's CSP.
    // The result crosses as one JSON string (much faster than Playwright's object serialiser for a whole workbook).
    fake: async (fn, arg) => {
      const text = (await page.evaluate(`Promise.resolve((${fn.toString()})(window.__fakeExcel, ${JSON.stringify(arg ?? null)})).then((r) => JSON.stringify(r === undefined ? null : r))`)) as string;
      return JSON.parse(text);
    },
  };
}

export const EXAMPLE_JSON = path.join(__dirname, "..", "..", "examples", "son-la-skhcn-2021.json");

/** Opens the pane, sets up the workbook and imports the worked example through the pane, as a user does. */
export async function openWithExample(page: Page, sets: Record<string, string> = { ExcelApi: "1.8" }): Promise<Pane> {
  const pane = await openPane(page, { sets });
  // These tests set up the 2021 form (the set-up offers dccs-2025 first).
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await page.getByTestId("confirm-ok").click();
  // Set-up and import write whole sheets through the fake host: on a loaded machine that takes
  // longer than the default 10 s wait (seen once at load 5); a slow machine is not a failure here.
  await expect(page.getByTestId("outcome")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("import-file").setInputFiles(EXAMPLE_JSON);
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nhập số liệu", { timeout: 30_000 });
  return pane;
}
