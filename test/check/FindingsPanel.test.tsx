import * as React from "react";
import { render, screen, fireEvent, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FindingsPanel, findingGroup } from "../../src/taskpane/components/FindingsPanel";
import { qcdc2021 } from "../../src/core/templates/qcdc-2021";
import type { Finding } from "../../src/core/types";
import { exampleRun } from "./fixtures";

const structural: Finding = {
  rule: "workbook.missing-column",
  severity: "error",
  message: 'Trang "Văn bản" thiếu cột "Trích yếu" (hàng tiêu đề 3): cột đã bị xóa hoặc tiêu đề bị sửa.',
  indicators: [],
  cells: ["'Văn bản'!A3"],
};

function setup(lang: "vi" | "en" = "vi", extra: Finding[] = []) {
  const run = exampleRun(undefined, extra, lang);
  const onSelect = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsPanel findings={run.result.findings} template={run.read.template} lang={lang} onSelect={onSelect} />
    </FluentProvider>,
  );
  return { run, onSelect };
}

const rules = (sev?: string) =>
  screen
    .queryAllByTestId("finding")
    .filter((b) => !sev || b.getAttribute("data-severity") === sev)
    .map((b) => b.getAttribute("data-rule"));

describe("FindingsPanel", () => {
  test("summary counts and the findings grouped by severity, errors first, in Vietnamese with their figures", () => {
    setup();
    expect(screen.getByTestId("summary").textContent).toBe("3 lỗi · 3 cảnh báo · 2 ghi chú");
    expect(rules("error")).toEqual(["tt.sum", "dth.part", "dth.register"]);
    expect(rules("warning")).toEqual(["dth.parts", "lint.agency-abbr", "lint.agency-abbr"]);
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["Lỗi (3)", "Cảnh báo (3)", "Ghi chú (2)"]);
    const tt = screen.getAllByTestId("finding")[0];
    // First what to do: the indicator's short label and its cell, the suggestion; then why.
    expect(within(tt).getByTestId("finding-head").textContent).toBe("✗ Số hội nghị, tập huấn · Phụ lục!E14");
    expect(within(tt).getByTestId("finding-suggestion").textContent).toBe("→ Sửa số hội nghị, tập huấn thành 04, hoặc sửa lại các phần.");
    expect(within(tt).getByTestId("finding-message").textContent).toBe("Số hội nghị, tập huấn (0) khác tổng các phần: số cuộc tổ chức riêng 0 + số cuộc lồng ghép 04 = 04.");
    const order = ["finding-head", "finding-suggestion", "finding-message"].map((id) => tt.textContent!.indexOf(within(tt).getByTestId(id).textContent!));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The rule id and the codes are behind "Chi tiết".
    expect(tt.textContent).not.toContain("tt.sum");
    expect(tt.textContent).not.toContain("tt_hoi_nghi");
    const card = tt.closest("li")!;
    fireEvent.click(within(card).getByTestId("finding-details-toggle"));
    const details = within(card).getByTestId("finding-details");
    expect(details.textContent).toContain("tt_hoi_nghi = 0;");
    expect(details.textContent).toContain("tt_long_ghep = 04"); // a count as the appendix prints it
    expect(details.textContent).toContain("Quy tắc: tt.sum · Phụ lục!E14");
  });

  test("a warning an error implies (dth.parts under dth.part) is shown under that error, once, and still counted", () => {
    setup();
    const part = screen.getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "dth.part")!;
    const card = part.closest("li")!;
    const inCard = within(card).getAllByTestId("finding").map((b) => b.getAttribute("data-rule"));
    expect(inCard).toEqual(["dth.part", "dth.parts"]);
    const parts = within(card).getAllByTestId("finding")[1];
    expect(parts.getAttribute("data-implied-by")).toBe("dth.part");
    expect(within(parts).getByTestId("finding-head").textContent).toMatch(/^↳ ⚠ Số hội nghị đối thoại · Phụ lục!E26$/);
    expect(rules().filter((r) => r === "dth.parts")).toHaveLength(1);
    const warn = screen.getByTestId("sev-warning");
    expect(within(warn).getByRole("heading").textContent).toBe("Cảnh báo (3)");
    expect(within(warn).getByTestId("nested-note").textContent).toBe("1 mục ghi dưới lỗi liên quan ở trên (↳).");
    expect(within(warn).getAllByTestId("finding").map((b) => b.getAttribute("data-rule"))).toEqual(["lint.agency-abbr", "lint.agency-abbr"]);
    // Warnings alone: dth.part is not shown, so dth.parts stands on its own.
    fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "warning" } });
    expect(within(screen.getByTestId("sev-warning")).getAllByTestId("finding").map((b) => b.getAttribute("data-rule"))).toEqual(["dth.parts", "lint.agency-abbr", "lint.agency-abbr"]);
    expect(screen.queryByTestId("nested-note")).toBeNull();
  });

  test("clicking a finding hands its cells over; every finding is a focusable button", () => {
    const { onSelect } = setup();
    const buttons = screen.getAllByTestId("finding");
    for (const b of buttons) {
      expect(b.tagName).toBe("BUTTON"); // Enter and Space activate it; Tab reaches it
      expect(b.getAttribute("tabindex")).not.toBe("-1");
    }
    fireEvent.click(buttons[1]);
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls[0][0].rule).toBe("dth.part");
    expect(onSelect.mock.calls[0][0].cells[0]).toBe("'Phụ lục'!E28");
  });

  test("filters by severity and by group (indicator group, registers, workbook)", () => {
    setup("vi", [structural]);
    fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "warning" } });
    expect(rules()).toEqual(["dth.parts", "lint.agency-abbr", "lint.agency-abbr"]);
    fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "all" } });
    const groupSelect = screen.getByTestId("filter-group");
    const options = within(groupSelect).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["Tất cả", "Nhóm 3", "Nhóm 4", "Nhóm 6", "Nhóm 7", "Sổ theo dõi", "Cấu trúc sổ"]);
    fireEvent.change(groupSelect, { target: { value: "g3" } });
    expect(rules()).toEqual(["tt.sum"]);
    fireEvent.change(groupSelect, { target: { value: "registers" } });
    expect(rules()).toEqual(["dth.register", "lint.agency-abbr", "lint.agency-abbr"]);
    fireEvent.change(groupSelect, { target: { value: "workbook" } });
    expect(rules()).toEqual(["workbook.missing-column"]);
    fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "info" } });
    expect(screen.getByText("Không có phát hiện nào khớp bộ lọc.")).toBeTruthy();
  });

  test("English on request", () => {
    setup("en");
    expect(screen.getByTestId("summary").textContent).toBe("3 errors · 3 warnings · 2 notes");
    expect(screen.getAllByRole("heading", { level: 3 })[0].textContent).toBe("Errors (3)");
    const tt = screen.getAllByTestId("finding")[0];
    expect(within(tt).getByTestId("finding-head").textContent).toBe("✗ Conferences and trainings · Phụ lục!E14");
    expect(within(tt).getByTestId("finding-suggestion").textContent).toBe("→ Change conferences and trainings to 04, or correct the parts.");
    expect(screen.getByTestId("nested-note").textContent).toBe("1 finding shown under the related error above (↳).");
    expect(screen.getAllByTestId("finding-details-toggle")[0].textContent).toBe("▸ Details");
  });

  test("figures are printed the Vietnamese way per kind, codes kept, each code's label as its tooltip", () => {
    setup();
    const ratio = screen.getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "dvc.ratio")!.closest("li")!;
    fireEvent.click(within(ratio).getByTestId("finding-details-toggle"));
    const fig = within(ratio).getByTestId("figures");
    expect(fig.textContent).toContain("cchc_dvc_ty_le = 100%");
    expect(fig.textContent).toContain("cchc_dvc_tong = (trống)");
    expect(fig.textContent).toContain("cchc_dvc_muc3 = 26");
    expect(fig.textContent).not.toMatch(/= —|= null/);
    const code = within(fig).getByText("cchc_dvc_ty_le");
    const label = qcdc2021.indicators.find((d) => d.code === "cchc_dvc_ty_le")!.short!.vi;
    expect(code.getAttribute("title")).toBe(label);
  });

  test("money with dots for thousands, percents with a decimal comma; blank in English", () => {
    const money: Finding = {
      rule: "cv.sum",
      severity: "error",
      message: "Tổng kinh phí không khớp.",
      indicators: ["cv_tong"],
      values: { cv_tong: 10424000, cv_doanh_nghiep: null, cchc_dvc_ty_le: "88,9%" },
      cells: ["'Phụ lục'!E40"],
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingsPanel findings={[money]} template={qcdc2021} lang="en" />
      </FluentProvider>,
    );
    // No suggestion: the label and cell, then the message.
    expect(screen.getByTestId("finding-head").textContent).toBe("✗ Total support · Phụ lục!E40");
    expect(screen.queryByTestId("finding-suggestion")).toBeNull();
    fireEvent.click(screen.getByTestId("finding-details-toggle"));
    expect(screen.getByTestId("finding-details-toggle").getAttribute("aria-expanded")).toBe("true");
    const fig = screen.getByTestId("figures");
    expect(fig.textContent).toBe("Figures: cv_tong = 10.424.000; cv_doanh_nghiep = (blank); cchc_dvc_ty_le = 88,9%");
    expect(within(fig).getByText("cv_tong").getAttribute("title")).toBe("Total support");
  });

  test("finding groups", () => {
    const t = qcdc2021;
    expect(findingGroup({ rule: "tt.sum", severity: "error", message: "", indicators: ["tt_hoi_nghi"] }, t)).toBe("g3");
    expect(findingGroup({ rule: "vb.register", severity: "error", message: "", indicators: ["vb_tong"] }, t)).toBe("registers");
    expect(findingGroup({ rule: "value.kind", severity: "error", message: "", indicators: [], path: "registers.van_ban[2].date" }, t)).toBe("registers");
    expect(findingGroup(structural, t)).toBe("workbook");
  });
});
