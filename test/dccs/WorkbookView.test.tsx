/** The pane's set-up offers both built-in templates, dccs-2025 first, and marks dccs-2025 a draft (a notice, not a finding). */
import * as React from "react";
import { render, screen, fireEvent, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import WorkbookView from "../../src/taskpane/views/WorkbookView";

function setup(lang: "vi" | "en" = "vi") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookView lang={lang} />
    </FluentProvider>,
  );
}

test("both templates offered, dccs-2025 chosen, its draft notice shown; qcdc-2021 has none", async () => {
  setup();
  const select = (await waitFor(() => screen.getByTestId("setup-template"), { timeout: 20000 })) as HTMLSelectElement;
  const options = Array.from(select.querySelectorAll("option")).map((o) => o.value);
  expect(options).toEqual(["dccs-2025", "qcdc-2021"]);
  expect(select.value).toBe("dccs-2025");
  expect(screen.getByTestId("template-draft").textContent).toContain("Bản nháp — cơ quan tổng hợp điều chỉnh theo đề cương của mình");
  fireEvent.change(select, { target: { value: "qcdc-2021" } });
  await waitFor(() => expect(screen.queryByTestId("template-draft")).toBeNull());
  fireEvent.change(select, { target: { value: "dccs-2025" } });
  await waitFor(() => expect(screen.getByTestId("template-draft")).toBeTruthy());
}, 60000);

test("in English", async () => {
  setup("en");
  await waitFor(() => screen.getByTestId("template-draft"), { timeout: 20000 });
  expect(screen.getByTestId("template-draft").textContent).toContain("the receiving body adjusts it");
}, 60000);
