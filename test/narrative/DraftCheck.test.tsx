import * as React from "react";
import * as fs from "fs";
import * as path from "path";
import { render, screen, fireEvent, within, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import DraftCheck, { excerpt } from "../../src/taskpane/components/DraftCheck";
import ReportView from "../../src/taskpane/views/ReportView";
import { normalizeReport } from "../../src/core/normalize";
import type { ReportData } from "../../src/core/types";

const ROOT = path.join(__dirname, "..", "..");
const example: ReportData = normalizeReport(JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "son-la-skhcn-2021.json"), "utf8")));
const seed = fs.readFileSync(path.join(ROOT, "test", "fixtures", "bao-cao-538-BC-SKHCN-2021.txt"), "utf8");

// jsdom has no ResizeObserver (Fluent's MessageBar uses it for reflow).
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

function setup(props: Partial<React.ComponentProps<typeof DraftCheck>> = {}) {
  const getData = jest.fn(async () => example);
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <DraftCheck getData={getData} lang="vi" {...props} />
    </FluentProvider>,
  );
  return { ...utils, getData };
}

function paste(text: string, label = "Văn bản dự thảo") {
  fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
}

function findings(group: HTMLElement) {
  return within(group)
    .getAllByTestId("draft-finding")
    .map((li) => {
      const quotes = within(li).queryAllByTestId("draft-quote").map((q) => q.textContent ?? "");
      return { rule: li.getAttribute("data-rule"), text: li.textContent ?? "", mark: li.querySelector("mark")?.textContent, quote: quotes[0], quotes };
    });
}

describe("DraftCheck (Đối chiếu bản dự thảo)", () => {
  it("finds the seed report's two errors against the example's figures, with their sentences", async () => {
    const { getData } = setup();
    paste(seed);
    fireEvent.click(screen.getByRole("button", { name: "Đối chiếu" }));
    const summary = await screen.findByTestId("draft-summary");
    expect(summary.textContent).toMatch(/^2 lỗi · \d+ cảnh báo$/);
    expect(getData).toHaveBeenCalledTimes(1);

    const errors = findings(screen.getByTestId("draft-errors"));
    expect(errors.map((f) => f.rule)).toEqual(["narrative.negation", "narrative.report-number"]);
    const [negation, number] = errors;
    expect(negation.text).toContain("Câu văn nói \"không tổ chức Hội nghị đối thoại\", nhưng phụ lục ghi");
    expect(negation.mark).toBe("không tổ chức Hội nghị đối thoại");
    expect(negation.quote).toContain("đơn vị không tổ chức Hội nghị đối thoại.");
    expect(negation.text).toContain("Gợi ý: Sửa câu văn cho khớp số liệu (ví dụ: \"đã tổ chức 01 cuộc hội nghị đối thoại\")");
    expect(number.mark).toBe("538/BC-SKHCM");
    expect(number.quote).toBe("(Kèm theo Báo cáo số 538/BC-SKHCM ngày 14/11/2021");
    expect(number.text).toContain("Gợi ý: Sửa thành \"538/BC-SKHCN\".");

    // Warnings (form) come after the errors, in their own group; a long sentence is cut around the symbol.
    const warnings = findings(screen.getByTestId("draft-warnings"));
    expect(warnings.length).toBeGreaterThan(0);
    const symbol = warnings.find((f) => f.rule === "lint.symbol" && f.mark === "01/HD/BDVTW")!;
    expect(symbol).toBeDefined();
    expect(symbol.quote!.length).toBeLessThan(260);
    expect(symbol.quote!.startsWith("…")).toBe(true);
    // One document written two ways: both places are quoted, each form marked.
    const same = warnings.find((f) => f.rule === "lint.same-document" && f.text.includes("05/CT-TW"))!;
    expect(same.quotes).toHaveLength(2);
    expect(same.quotes[0]).toContain("05/CT-TW");
    expect(same.quotes[1]).toContain("05-CT/TW");
    expect(screen.queryByTestId("draft-clean")).toBeNull();
  });

  it("says so plainly when the text agrees with the figures", async () => {
    setup();
    paste("Trong năm 2021, Sở Khoa học và Công nghệ đã ban hành 08 văn bản lãnh đạo, chỉ đạo, triển khai thực hiện quy chế dân chủ ở cơ sở.");
    fireEvent.click(screen.getByRole("button", { name: "Đối chiếu" }));
    expect((await screen.findByTestId("draft-clean")).textContent).toBe("Không thấy chỗ nào khác với số liệu.");
    expect(screen.getByTestId("draft-summary").textContent).toBe("0 lỗi · 0 cảnh báo");
  });

  it("marks a wrong figure in its sentence; editing the text afterwards says the result is stale", async () => {
    setup();
    const text = "Trong năm 2021, Sở Khoa học và Công nghệ đã ban hành 09 văn bản lãnh đạo, chỉ đạo, triển khai thực hiện quy chế dân chủ ở cơ sở.";
    paste(text);
    fireEvent.click(screen.getByRole("button", { name: "Đối chiếu" }));
    await screen.findByTestId("draft-summary");
    const [f] = findings(screen.getByTestId("draft-errors"));
    expect(f.rule).toBe("narrative.figure");
    expect(f.mark).toBe("09");
    expect(f.quote).toBe(text);
    paste(text + " ");
    expect(screen.getByText(/Văn bản đã thay đổi sau lần đối chiếu trước/)).toBeTruthy();
  });

  it("asks for the text when the box is empty, without reading the workbook", async () => {
    const { getData } = setup();
    paste("  \n ");
    fireEvent.click(screen.getByRole("button", { name: "Đối chiếu" }));
    expect((await screen.findByTestId("draft-error")).textContent).toContain("Chưa có văn bản để đối chiếu");
    expect(getData).not.toHaveBeenCalled();
    expect(screen.queryByTestId("draft-summary")).toBeNull();
  });

  it("shows a data-reading failure as a message, not a crash", async () => {
    setup({ getData: async () => Promise.reject({ vi: "Sổ chưa có trang Phụ lục.", en: "No appendix sheet." }) });
    paste(seed);
    fireEvent.click(screen.getByRole("button", { name: "Đối chiếu" }));
    expect((await screen.findByTestId("draft-error")).textContent).toBe("Không đối chiếu được. Sổ chưa có trang Phụ lục.");
  });

  it("speaks English, and re-words the findings when the language changes", async () => {
    const { rerender, getData } = setup({ lang: "en" });
    paste(seed, "Draft text");
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    expect((await screen.findByTestId("draft-summary")).textContent).toMatch(/^2 errors · \d+ warnings$/);
    expect(screen.getByTestId("draft-errors").textContent).toContain("The text says \"không tổ chức Hội nghị đối thoại\"");
    rerender(
      <FluentProvider theme={webLightTheme}>
        <DraftCheck getData={getData} lang="vi" />
      </FluentProvider>,
    );
    await waitFor(() => expect(screen.getByTestId("draft-errors").textContent).toContain("Câu văn nói \"không tổ chức Hội nghị đối thoại\""));
    expect(getData).toHaveBeenCalledTimes(1);
  });

  it("is part of the report view", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ReportView getData={async () => example} lang="vi" />
      </FluentProvider>,
    );
    await screen.findByTestId("report-preview");
    expect(screen.getByRole("heading", { name: "Đối chiếu bản dự thảo" })).toBeTruthy();
    paste(seed);
    fireEvent.click(screen.getByRole("button", { name: "Đối chiếu" }));
    expect((await screen.findByTestId("draft-summary")).textContent).toMatch(/^2 lỗi/);
  });
});

describe("excerpt", () => {
  const long = "Mở đầu ".repeat(40) + "ghi 538/BC-SKHCM ở giữa " + "phần sau ".repeat(40);

  it("keeps a short sentence whole and marks the quoted words", () => {
    expect(excerpt({ quote: "Đã ban hành 09 văn bản năm 2009.", message: 'Câu văn ghi "09" cho chỉ tiêu "X"' })).toEqual({
      before: "Đã ban hành ",
      mark: "09",
      after: " văn bản năm 2009.",
    });
  });

  it("cuts a long sentence around the marked words, at word boundaries", () => {
    const ex = excerpt({ quote: long, message: 'ghi là "538/BC-SKHCM", nhưng' })!;
    expect(ex.mark).toBe("538/BC-SKHCM");
    expect(ex.before.startsWith("…Mở đầu")).toBe(true);
    expect(ex.after.endsWith("sau…")).toBe(true);
    expect((ex.before + ex.mark + ex.after).length).toBeLessThan(240);
  });

  it("without a quoted word in the sentence, shows its start", () => {
    const ex = excerpt({ quote: long, message: "no quotes" })!;
    expect(ex.mark).toBe("");
    expect(ex.before.endsWith("…")).toBe(true);
    expect(ex.before.length).toBeLessThanOrEqual(241);
  });
});
