/**
 * The pane's draft check holds the same bounds as `phuluc draft`: a draft over
 * MAX_DRAFT_CHARS is refused with a message at once; a draft with thousands of
 * contradictions shows a capped list and says how many there are. (jsdom has no Worker: the
 * UI-thread path runs here; the worker itself is tested in test/browser/draft-worker.spec.ts.)
 */
import * as React from "react";
import * as fs from "fs";
import * as path from "path";
import { render, screen, fireEvent } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import DraftCheck from "../../src/taskpane/components/DraftCheck";
import { normalizeReport } from "../../src/core/normalize";
import { MAX_DRAFT_CHARS } from "../../src/core/draft/limits";
import type { ReportData } from "../../src/core/types";

const ROOT = path.join(__dirname, "..", "..");
const example: ReportData = normalizeReport(JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "son-la-skhcn-2021.json"), "utf8")));

(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

function setup(lang: "vi" | "en" = "vi") {
  const getData = jest.fn(async () => example);
  render(
    <FluentProvider theme={webLightTheme}>
      <DraftCheck getData={getData} lang={lang} />
    </FluentProvider>,
  );
  return getData;
}

function paste(text: string, label: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
}

test("a draft over the cap is refused at once with a message", async () => {
  setup();
  paste("a".repeat(MAX_DRAFT_CHARS + 1), "Văn bản dự thảo");
  fireEvent.click(screen.getByRole("button", { name: "Đối chiếu" }));
  const err = await screen.findByTestId("draft-error");
  expect(err.textContent).toContain("Bản dự thảo quá dài");
  expect(screen.queryByTestId("draft-result")).toBeNull();
});

test("thousands of contradictions: a capped list and the full count", async () => {
  setup();
  paste(Array.from({ length: 3000 }, () => "Đã ban hành 99 văn bản.").join("\n"), "Văn bản dự thảo");
  fireEvent.click(screen.getByRole("button", { name: "Đối chiếu" }));
  const summary = await screen.findByTestId("draft-summary", {}, { timeout: 20000 });
  expect(summary.textContent).toMatch(/^3000 lỗi/);
  expect(screen.getByTestId("draft-capped").textContent).toBe("Chỉ liệt kê 1000 trong số 3000 vấn đề; hãy sửa các chỗ dưới đây rồi đối chiếu lại.");
  expect(screen.getAllByTestId("draft-finding")).toHaveLength(1000);
});
