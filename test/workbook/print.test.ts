/**
 * Every sheet `phuluc init` writes prints on A4: fitted to one page wide (landscape when its
 * columns are wider than a portrait page), the table's header row repeated on every page,
 * margins and numbered pages. Read back with exceljs; and LibreOffice's PDF of the workbook has
 * A4 pages with the whole appendix (first to last column) on each of its pages.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { run, tmp, cleanup, ROOT } from "./helpers";
import { PRINT_MARGINS } from "../../src/core/workbook-model";

afterAll(cleanup);

const XA = path.join(ROOT, "examples", "xa-tan-lap-2026.json");

async function init(...args: string[]): Promise<string> {
  const file = tmp("in.xlsx");
  const r = await run("init", file, ...args);
  expect(r.code).toBe(0);
  return file;
}

describe("print set-up read back with exceljs", () => {
  test.each([["dccs-2025 with data", ["--data", XA]], ["qcdc-2021 empty", ["--template", "qcdc-2021"]]])("%s: every visible sheet on A4, one page wide, header row repeated", async (_n, args) => {
    const file = await init(...(args as string[]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const visible = wb.worksheets.filter((ws) => ws.state === "visible");
    expect(visible.length).toBeGreaterThanOrEqual(6);
    for (const ws of visible) {
      const ps = ws.pageSetup;
      expect({ sheet: ws.name, paper: ps.paperSize, fitToPage: ps.fitToPage, wide: ps.fitToWidth, tall: ps.fitToHeight }).toEqual({ sheet: ws.name, paper: 9, fitToPage: true, wide: 1, tall: 0 });
      expect(ps.printTitlesRow).toMatch(/^\$?\d+:\$?\d+$/);
      expect(ps.margins).toMatchObject({ left: PRINT_MARGINS.left, top: PRINT_MARGINS.top });
      expect(ws.headerFooter.oddFooter).toContain("&P");
    }
    const appendix = wb.getWorksheet("Phụ lục")!;
    // The appendix's columns are wider than a portrait A4 page: landscape, its header row (8) repeated.
    expect(appendix.pageSetup.orientation).toBe("landscape");
    expect(appendix.pageSetup.printTitlesRow).toBe("8:8");
    expect(wb.getWorksheet("Ngoại lệ")!.pageSetup.orientation).toBe("portrait");
    // The help spans the table's width (merged, wrapped), so it is not cut off on the page.
    expect(appendix.getCell("B2").isMerged).toBe(true);
    expect(appendix.getCell("A2").alignment?.wrapText).toBe(true);
  });
});

function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30000 });
    execFileSync("pdftotext", ["-v"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
}
const maybe = hasSoffice() || process.env.CI === "true" ? describe : describe.skip;

maybe("LibreOffice's PDF of the workbook", () => {
  test("A4 pages; each page of the appendix holds its first and last columns and its header", async () => {
    const file = await init("--data", XA);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-print-"));
    try {
      execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 180000 });
      const pdf = path.join(dir, path.basename(file).replace(/\.xlsx$/, ".pdf"));
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])].sort((a, b) => a - b).join("x"));
      expect(sizes.length).toBeGreaterThan(1);
      expect(new Set(sizes)).toEqual(new Set(["595x842"])); // A4, portrait or landscape
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const pages = text.split("\f");
      const data = JSON.parse(fs.readFileSync(XA, "utf8"));
      const codes = Object.keys(data.values);
      // A page of the appendix: a row "<group> <code> …" of an indicator.
      // A page of the appendix: a row of an indicator, its code in a column of its own (the help
      // texts name codes too, within a sentence).
      const row = (c: string) => new RegExp("\\s" + c + "\\s{2}");
      const appendix = pages.filter((p) => codes.some((c) => row(c).test(p)));
      expect(appendix.length).toBeGreaterThanOrEqual(2); // 49 indicators: more than one page tall
      for (const p of appendix) {
        // The header row, first column to last, on one line of every page of the appendix.
        const header = p.split("\n").find((l) => ["Nhóm", "Mã", "Chỉ tiêu", "Giá trị", "Năm trước", "Kiểm tra"].every((h) => l.includes(h)));
        expect(header).toBeDefined();
        expect(p).toMatch(/Trang \d+\/\d+/);
      }
      // Every indicator printed with its check mark on the same page (no column cut off to another page).
      const all = appendix.join("\n");
      for (const c of codes) expect(all).toMatch(row(c));
      expect(all).toContain("✓");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240000);
});
