/**
 * The draft check runs off the UI thread: the checker is loaded as a Web Worker (its own
 * chunk, "draft-check-worker"), not into the page; the pane stays responsive while a long
 * draft is checked, and the CSP lets the worker start.
 */
import { test, expect } from "@playwright/test";
import { openWithExample } from "./fixtures";

test("a long draft is checked in a Web Worker; the page stays responsive", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const pane = await openWithExample(page);
  await page.getByTestId("tab-report").click();
  await expect(page.getByTestId("report-preview")).toContainText("SỐ LIỆU KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ", { timeout: 15000 });
  // About 2 MB: 80 000 sentences, each one stating a wrong figure.
  const draft = Array.from({ length: 80000 }, (_x, i) => `Đã ban hành ${100 + (i % 50)} văn bản.`).join("\n");
  await page.getByLabel("Văn bản dự thảo").evaluate((el, text) => {
    // Set the value as React sees a user's paste.
    const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
    set.call(el, text);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, draft);
  await page.getByTestId("draft-run").click();
  // While it runs, the page answers at once (a busy UI thread would not).
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  expect(Date.now() - t0).toBeLessThan(1500);
  await expect(page.getByTestId("draft-summary")).toHaveText(/^80000 lỗi/, { timeout: 40000 });
  await expect(page.getByTestId("draft-capped")).toContainText("Chỉ liệt kê 1000 trong số");
  expect(pane.requests.filter((u) => /draft-check-worker/.test(u)).length).toBe(1);
  // The UI-thread copy of the checker was not needed.
  expect(pane.requests.filter((u) => /chunks\/draft-check\./.test(u))).toEqual([]);
  expect(violations).toEqual([]);
});
