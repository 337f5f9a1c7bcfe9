import * as React from "react";
import { render, screen, fireEvent, waitFor, act } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import CheckView, { type CheckApi } from "../../src/taskpane/views/CheckView";
import type { CheckRun } from "../../src/excel/live";
import { exampleRun } from "./fixtures";

function fakeApi(over: Partial<CheckApi> = {}) {
  const live = { start: jest.fn(async () => 2), stop: jest.fn(async () => undefined) };
  let onResult: ((r: CheckRun) => void) | undefined;
  const api: CheckApi = {
    runCheck: jest.fn(async () => exampleRun()),
    goToCells: jest.fn(async () => undefined),
    liveSupported: () => true,
    createLive: jest.fn((opts) => {
      onResult = opts.onResult;
      return live;
    }),
    ...over,
  };
  return { api, live, push: (r: CheckRun) => onResult!(r) };
}

function setup(api: CheckApi, lang: "vi" | "en" = "vi") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <CheckView lang={lang} api={api} />
    </FluentProvider>,
  );
}

describe("CheckView", () => {
  test("Kiểm tra runs the check and lists the findings; clicking one goes to its cells", async () => {
    const { api } = fakeApi();
    setup(api);
    fireEvent.click(screen.getByTestId("check-run"));
    await waitFor(() => expect(screen.getByTestId("summary").textContent).toBe("3 lỗi · 3 cảnh báo · 2 ghi chú"));
    expect(api.runCheck).toHaveBeenCalledWith({ lang: "vi" });
    fireEvent.click(screen.getAllByTestId("finding")[0]);
    expect(api.goToCells).toHaveBeenCalledWith(["'Phụ lục'!E14", "'Phụ lục'!E15", "'Phụ lục'!E16"]);
  });

  test("the live toggle checks first, listens on our sheets, and shows each re-check's findings", async () => {
    const { api, live, push } = fakeApi();
    setup(api);
    fireEvent.click(screen.getByRole("switch"));
    await waitFor(() => expect(live.start).toHaveBeenCalledWith(["Phụ lục", "Văn bản", "_phuluc"]));
    expect(api.runCheck).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getAllByTestId("finding").length).toBe(8));
    act(() => push(exampleRun((v) => (v.tt_hoi_nghi = 4))));
    expect(screen.getAllByTestId("finding").map((b) => b.getAttribute("data-rule"))).not.toContain("tt.sum");
    expect(screen.getByTestId("summary").textContent).toBe("2 lỗi · 3 cảnh báo · 2 ghi chú");
    fireEvent.click(screen.getByRole("switch"));
    await waitFor(() => expect(live.stop).toHaveBeenCalled());
  });

  test("where Excel cannot report edits the toggle is off and says why", () => {
    const { api } = fakeApi({ liveSupported: () => false });
    setup(api);
    expect((screen.getByRole("switch") as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/cần ExcelApi 1\.7/)).toBeTruthy();
  });

  test("an Excel error is shown as a sentence, not a stack trace", async () => {
    const { api } = fakeApi({
      runCheck: jest.fn(async () => {
        throw Object.assign(new Error("x"), { vi: "Excel không phản hồi (quá thời gian chờ).", en: "Excel did not respond in time." });
      }),
    });
    setup(api, "en");
    fireEvent.click(screen.getByTestId("check-run"));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("Excel did not respond in time."));
  });
});
