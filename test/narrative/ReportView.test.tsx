import * as React from "react";
import * as fs from "fs";
import * as path from "path";
import { render, screen, fireEvent, waitFor, act, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ReportView from "../../src/taskpane/views/ReportView";
import { normalizeReport } from "../../src/core/normalize";
import type { ReportData } from "../../src/core/types";

jest.mock("../../src/docx/render-docx", () => ({
  renderDocx: jest.fn(async () => new Uint8Array([80, 75, 3, 4])),
}));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const docxMock = require("../../src/docx/render-docx") as { renderDocx: jest.Mock };

const example: ReportData = normalizeReport(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "son-la-skhcn-2021.json"), "utf8")));

function setup(props: Partial<React.ComponentProps<typeof ReportView>> = {}, data: ReportData = example) {
  const insertSheet = jest.fn(async () => "Báo cáo (2)");
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <ReportView getData={async () => data} lang="vi" insertSheet={insertSheet} {...props} />
    </FluentProvider>,
  );
  return { ...utils, insertSheet };
}

// jsdom has no ResizeObserver (Fluent's MessageBar uses it for reflow).
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

afterEach(() => {
  delete (window as unknown as { ClipboardItem?: unknown }).ClipboardItem;
  Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
});

beforeEach(() => {
  docxMock.renderDocx.mockClear();
  (URL as unknown as { createObjectURL: unknown }).createObjectURL = jest.fn(() => "blob:x");
  (URL as unknown as { revokeObjectURL: unknown }).revokeObjectURL = jest.fn();
});

describe("ReportView", () => {
  it("previews the report and warns about the data's errors", async () => {
    setup();
    const preview = await screen.findByTestId("report-preview");
    expect(preview.textContent).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(preview.textContent).toContain("Số: 538/BC-SKHCN");
    expect(preview.textContent).toContain("đã ban hành 08 văn bản");
    expect(preview.textContent).toContain("Phụ lục");
    expect(preview.textContent).toContain("(Kèm theo Báo cáo số 538/BC-SKHCN");
    expect(preview.textContent).toContain("Lưu Bình Khiêm");
    expect(screen.getByTestId("report-errors").textContent).toContain("Số liệu còn 3 lỗi");
  });

  it("marks the sentences whose figures break a rule, says so, and promises only what is true", async () => {
    setup();
    const preview = await screen.findByTestId("report-preview");
    const marks = within(preview).getAllByTestId("report-mark");
    expect(marks.length).toBe(7);
    expect(marks[0].tagName).toBe("MARK");
    expect(marks[0].textContent).toBe("[cần kiểm tra: tổng không khớp các phần]");
    const warning = screen.getByTestId("report-marked");
    expect(warning.textContent).toContain("7 câu có số liệu vi phạm quy tắc");
    expect(warning.textContent).toContain("lồng ghép 04 cuộc [cần kiểm tra");
    expect(screen.queryByText(/luôn khớp/)).toBeNull();
    expect(screen.getByText(/Câu nào có số liệu đang có lỗi thì không được nêu như sự thật/)).toBeTruthy();
  });

  it("renders user text as text, never as markup", async () => {
    const d = JSON.parse(JSON.stringify(example)) as ReportData;
    d.report.signerName = '<img src=x onerror="window.__x=1">Tên';
    setup({}, d);
    const preview = await screen.findByTestId("report-preview");
    expect(preview.querySelector("img")).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror="window.__x=1">Tên');
  });

  it("'Chỉ phần tóm tắt' shows the summary alone", async () => {
    setup();
    await screen.findByTestId("report-preview");
    fireEvent.click(screen.getByRole("switch", { name: "Chỉ phần tóm tắt" }));
    const preview = screen.getByTestId("report-preview");
    expect(preview.textContent).toContain("10.424.000 đồng");
    expect(preview.textContent).not.toContain("Nơi nhận");
  });

  it("'Tải .docx' loads the docx writer on demand and offers the file", async () => {
    setup();
    await screen.findByTestId("report-preview");
    const clicks: string[] = [];
    const orig = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    try {
      fireEvent.click(screen.getByRole("button", { name: "Tải .docx" }));
      await screen.findByText(/Đã tạo tệp Bao-cao-538-BC-SKHCN.docx/);
    } finally {
      HTMLAnchorElement.prototype.click = orig;
    }
    expect(docxMock.renderDocx).toHaveBeenCalledTimes(1);
    expect(docxMock.renderDocx.mock.calls[0][0].page.font).toBe("Times New Roman");
    expect(clicks).toEqual(["Bao-cao-538-BC-SKHCN.docx"]);
  });

  it("'Sao chép' puts HTML and plain text on the clipboard", async () => {
    const write = jest.fn(async () => undefined);
    const items: Record<string, Blob>[] = [];
    (window as unknown as { ClipboardItem: unknown }).ClipboardItem = class {
      constructor(public data: Record<string, Blob>) {
        items.push(data);
      }
    };
    Object.defineProperty(navigator, "clipboard", { value: { write }, configurable: true });
    setup();
    await screen.findByTestId("report-preview");
    fireEvent.click(screen.getByRole("button", { name: "Sao chép" }));
    await screen.findByText(/Đã sao chép/);
    expect(write).toHaveBeenCalledTimes(1);
    expect(Object.keys(items[0]).sort()).toEqual(["text/html", "text/plain"]);
    const read = (b: Blob) =>
      new Promise<string>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(String(r.result));
        r.readAsText(b);
      });
    const html = await read(items[0]["text/html"]);
    expect(html).toContain("SỐ LIỆU KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ NĂM 2021");
    expect(html).toContain('<mark style="background:#ffff00;color:#000">[cần kiểm tra: tổng không khớp các phần]</mark>');
    expect(await read(items[0]["text/plain"])).toContain("Số: 538/BC-SKHCN");
  });

  it("without a clipboard: falls back to a copy command, then to a text box to copy by hand", async () => {
    const exec = jest.fn(() => false);
    (document as unknown as { execCommand: unknown }).execCommand = exec;
    setup();
    await screen.findByTestId("report-preview");
    fireEvent.click(screen.getByRole("button", { name: "Sao chép" }));
    const box = (await screen.findByLabelText("Văn bản báo cáo (để sao chép)")) as HTMLTextAreaElement;
    expect(exec).toHaveBeenCalledWith("copy");
    expect(box.value).toContain("Số: 538/BC-SKHCN");
    expect(screen.getByText(/nhấn Ctrl\+C/)).toBeTruthy();
  });

  it("'Chèn vào trang tính' sends the rows and names the new sheet", async () => {
    const { insertSheet } = setup();
    await screen.findByTestId("report-preview");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Chèn vào trang tính" }));
    });
    await screen.findByText('Đã chèn báo cáo vào trang tính "Báo cáo (2)".');
    const rows = (insertSheet.mock.calls[0] as unknown[])[0] as { rows: { cells: { v: string }[] }[] };
    expect(rows.rows[0].cells.map((c) => c.v)).toEqual(["UBND TỈNH SƠN LA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
  });

  it("English, and a data-reading failure shown as a message", async () => {
    setup({ lang: "en", getData: async () => Promise.reject({ vi: "Không đọc được sổ.", en: "The workbook cannot be read." }) });
    await waitFor(() => expect(screen.getByText(/The workbook cannot be read\./)).toBeTruthy());
    expect(screen.queryByTestId("report-preview")).toBeNull();
    expect(screen.getByRole("button", { name: "Download .docx" })).toHaveProperty("disabled", true);
  });
});
