/**
 * The designer from the command line: a province's own template end to end (template check →
 * init --template → fill → check → report → draft, the workbook alone in a folder), the
 * template inside the workbook, upgrades, and qcdc-2021 exported → edited → loaded.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { ROOT, EXAMPLE, run, tmp, cleanup, rowOf, colOf } from "../workbook/helpers";
import { FIXTURES } from "./helpers";
import { getTemplate, registerTemplate } from "../../src/core/templates/index";

const QCDC = getTemplate("qcdc-2021")!;
afterEach(() => registerTemplate(QCDC));
afterAll(cleanup);

const V1 = path.join(FIXTURES, "tinh-thu-2026.json");
const V2 = path.join(FIXTURES, "tinh-thu-2026-v2.json");
const DATA = path.join(FIXTURES, "tan-phong-2026.json");
const MAI_SON = path.join(ROOT, "test", "fixtures", "mai-son-2022.json");

async function setValues(file: string, values: Record<string, number | string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Phụ lục")!;
  for (const [code, v] of Object.entries(values)) ws.getCell(rowOf(ws, code), 5).value = v;
  await wb.xlsx.writeFile(file);
}

describe("a province's own template, end to end in separate processes", () => {
  const bin = path.join(ROOT, "bin", "phuluc.js");
  beforeAll(() => {
    const b = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
    if (b.status !== 0) throw new Error("tsc -p tsconfig.cli.json failed:\n" + b.stdout + b.stderr);
  }, 180000);
  const node = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });

  test("template check → init --template → fill → check, report and draft from a folder holding only the workbook", async () => {
    const office = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-tinh-"));
    const unit = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-xa-"));
    try {
      fs.copyFileSync(V1, path.join(office, "mau.json"));
      const c = node(office, "template", "check", "mau.json");
      expect(c.status).toBe(0);
      expect(c.stdout).toContain("Kết quả: 0 lỗi.");
      const i = node(office, "init", "so-lieu.xlsx", "--template", "mau.json");
      expect(i.status).toBe(0);
      expect(i.stdout).toContain("mẫu tinh-thu-2026, mẫu được lưu trong sổ tính, 10 chỉ tiêu");
      // The unit receives the workbook alone and fills it (tt_tong 4 ≠ 2 + 1).
      const file = path.join(unit, "so-lieu.xlsx");
      fs.copyFileSync(path.join(office, "so-lieu.xlsx"), file);
      await setValues(file, { tt_tong: 4, tt_truc_tiep: 2, tt_truc_tuyen: 1, tcd_luot: 40, tcd_vu_viec: 8, tcd_giai_quyet: 6, tcd_ty_le: 0.75, hn_so_thon: 9, hn_da_to_chuc: 10 });
      expect(fs.readdirSync(unit)).toEqual(["so-lieu.xlsx"]);

      const k = node(unit, "check", "so-lieu.xlsx", "--json");
      expect(k.status).toBe(1);
      const res = JSON.parse(k.stdout);
      expect(res.template).toBe("tinh-thu-2026");
      const sum = res.findings.find((f: { rule: string }) => f.rule === "tt.sum");
      expect(sum.severity).toBe("error");
      expect(sum.cells[0]).toBe("'Phụ lục'!E9");
      const own = res.findings.find((f: { rule: string }) => f.rule === "hn.thon");
      expect(own.message).toMatch(/^Số thôn đã tổ chức hội nghị không được vượt tổng số thôn/);
      expect(res.findings.find((f: { rule: string }) => f.rule === "tcd.ratio")).toBeUndefined();

      const r = node(unit, "report", "so-lieu.xlsx", "-o", "bao-cao.txt", "--format", "txt");
      expect(r.status).toBe(0);
      const text = fs.readFileSync(path.join(unit, "bao-cao.txt"), "utf8");
      // 04 ≠ 02 + 01 (tt.sum above): the line is marked for the author, not stated as fact.
      expect(text).toContain("1. Công tác tuyên truyền: 04 cuộc [cần kiểm tra: tổng không khớp các phần].");
      expect(text).toContain("- Tỷ lệ vụ việc đã giải quyết: 75,0%");
      const docx = node(unit, "report", "so-lieu.xlsx", "-o", "bao-cao.docx");
      expect(docx.status).toBe(0);
      expect(fs.statSync(path.join(unit, "bao-cao.docx")).size).toBeGreaterThan(3000);

      fs.writeFileSync(path.join(unit, "du-thao.txt"), "Năm 2026, xã đã tổ chức 04 cuộc tuyên truyền.\n");
      const d = node(unit, "draft", "so-lieu.xlsx", "--text", "du-thao.txt");
      expect(d.stdout).toContain("(mẫu tinh-thu-2026)");
      expect(d.status).toBe(0);
    } finally {
      fs.rmSync(office, { recursive: true, force: true });
      fs.rmSync(unit, { recursive: true, force: true });
    }
  }, 120000);
});

describe("the template inside the workbook", () => {
  test("stored as JSON in the very hidden marker sheet", async () => {
    const file = tmp("so.xlsx");
    expect((await run("init", file, "--template", V1)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const m = wb.getWorksheet("_phuluc")!;
    expect(m.state).toBe("veryHidden");
    expect(m.getCell("K1").value).toBe("template-json");
    const json = JSON.parse(String(m.getCell("K2").value).slice(1));
    expect(json.format).toBe("phuluc-template/1");
    expect(json.id).toBe("tinh-thu-2026");
  });

  test("data of another template than the one asked for: a clear message, exit 2", async () => {
    const r = await run("check", DATA, "--template", "qcdc-2021");
    expect(r.code).toBe(2);
    expect(r.err).toContain('Số liệu trong "' + DATA + '" theo mẫu "tinh-thu-2026", không phải mẫu "qcdc-2021" đã chọn bằng --template.');
    const e = await run("export", EXAMPLE, "--template", V1, "--lang", "en");
    expect(e.code).toBe(2);
    expect(e.err).toContain('follows template "qcdc-2021", not "tinh-thu-2026" chosen with --template');
  });

  test("--template works on check, export, report and draft", async () => {
    const k = await run("check", DATA, "--template", V1, "--json");
    expect(k.code).toBe(0);
    expect(JSON.parse(k.out).template).toBe("tinh-thu-2026");
    const e = await run("export", DATA, "--template", V1);
    expect(JSON.parse(e.out).values.tt_tong).toBe(3);
    const out = tmp("bc.txt");
    expect((await run("report", DATA, "--template", V1, "-o", out, "--format", "txt")).code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toContain("Công tác tuyên truyền: 03 cuộc.");
    const dt = tmp("dt.txt");
    fs.writeFileSync(dt, "Xã đã tổ chức 03 cuộc tuyên truyền.\n");
    expect((await run("draft", DATA, "--template", V1, "--text", dt)).code).toBe(0);
  });

  test("a workbook of an older version is upgraded in place: plan first, .bak.xlsx kept, values kept by code, a dropped code kept and reported", async () => {
    const file = tmp("so.xlsx");
    expect((await run("init", file, "--template", V1, "--data", DATA)).code).toBe(0);
    const before = fs.readFileSync(file);
    const plan = await run("init", file, "--template", V2);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain("Mẫu tinh-thu-2026 phiên bản 1 → phiên bản 2.");
    expect(plan.out).toContain("Chỉ tiêu mới (để trống): hn_nghi_quyet.");
    expect(plan.out).toMatch(/Chỉ tiêu mẫu mới không còn, số liệu vẫn giữ ở cuối trang "Phụ lục".*: hn_kinh_phi\./);
    expect(plan.out).toContain("Chưa ghi gì. Để nâng cấp, chạy lại với --yes.");
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const up = await run("init", file, "--template", V2, "--yes");
    expect(up.code).toBe(0);
    expect(fs.existsSync(file.replace(/\.xlsx$/, ".bak.xlsx"))).toBe(true);
    registerTemplate(QCDC);
    const ex = await run("export", file);
    const data = JSON.parse(ex.out);
    const old = JSON.parse(fs.readFileSync(DATA, "utf8"));
    for (const [code, v] of Object.entries(old.values)) expect(data.values[code]).toBe(v);
    expect(data.values.hn_nghi_quyet).toBeNull();
    expect(data.registers.hoat_dong).toHaveLength(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Phụ lục")!;
    expect(ws.getCell(rowOf(ws, "tcd_luot"), colOf(ws, "Chỉ tiêu")).value).toBe("Số lượt công dân được tiếp");
    expect(String(ws.getCell(rowOf(ws, "hn_kinh_phi"), colOf(ws, "Chỉ tiêu")).value)).toContain("mã không có trong mẫu tinh-thu-2026");
    const k = await run("check", file, "--json");
    const f = JSON.parse(k.out).findings.find((x: { rule: string }) => x.rule === "workbook.unknown-code");
    expect(f.message).toContain('Mã chỉ tiêu "hn_kinh_phi"');
    expect(f.values).toEqual({ hn_kinh_phi: 18000000 });
  });

  test("a workbook of another template is not upgraded", async () => {
    const file = tmp("so.xlsx");
    expect((await run("init", file)).code).toBe(0);
    const r = await run("init", file, "--template", V2, "--yes");
    expect(r.code).toBe(2);
    expect(r.err).toContain('theo mẫu "dccs-2025", không phải mẫu "tinh-thu-2026": không nâng cấp được');
  });
});

describe("phuluc template export and check", () => {
  test("stdout JSON without -o; an existing file is never overwritten without --force", async () => {
    const r = await run("template", "export", "qcdc-2021");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).format).toBe("phuluc-template/1");
    const out = tmp("mau.xlsx");
    expect((await run("template", "export", "qcdc-2021", "-o", out)).code).toBe(0);
    const again = await run("template", "export", "qcdc-2021", "-o", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("phuluc không ghi đè");
    expect((await run("template", "export", "qcdc-2021", "-o", out, "--force")).code).toBe(0);
  });

  test("mistakes in an edited designer workbook: exit 1, each at its cell", async () => {
    const out = tmp("mau.xlsx");
    await run("template", "export", V1, "-o", out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    ws.getCell("B7").value = "tt_tong";
    wb.getWorksheet("Quy tắc")!.getCell("F6").value = null;
    await wb.xlsx.writeFile(out);
    const r = await run("template", "check", out);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Kết quả: 2 lỗi.");
    expect(r.out).toContain('Mã chỉ tiêu "tt_tong" trùng (đã có ở dòng chỉ tiêu thứ 1).');
    expect(r.out).toContain("Ô: 'Chỉ tiêu'!B7");
    expect(r.out).toContain("Ô: 'Quy tắc'!F6");
    const j = JSON.parse((await run("template", "check", out, "--json")).out);
    expect(j.findings.map((f: { cells: string[] }) => f.cells[0])).toEqual(["'Chỉ tiêu'!B7", "'Quy tắc'!F6"]);
    const init = await run("init", tmp("x.xlsx"), "--template", out);
    expect(init.code).toBe(2);
    expect(init.err).toContain("có 2 lỗi, chưa dùng được");
  });

  test("not a template: a data workbook and a data file are named as such", async () => {
    const data = tmp("so.xlsx");
    await run("init", data);
    expect((await run("template", "check", data)).err).toContain("không phải sổ thiết kế mẫu");
    expect((await run("template", "check", EXAMPLE)).err).toContain("Đây là tệp số liệu (mẫu qcdc-2021)");
  });
});

describe("qcdc-2021 exported, edited and loaded", () => {
  const essentials = (fs0: { rule: string; severity: string; indicators: string[]; cells?: string[]; values?: unknown; expected?: unknown }[]) =>
    fs0.map((f) => ({ rule: f.rule, severity: f.severity, indicators: f.indicators, cells: f.cells, values: f.values, expected: f.expected }));

  test.each([
    ["the worked example", EXAMPLE],
    ["Mai Sơn 2022", MAI_SON],
  ])("%s: the same findings with the edited template (a label changed) as with the built-in one", async (_n, fixture) => {
    const mau = tmp("mau.xlsx");
    await run("template", "export", "qcdc-2021", "-o", mau);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(mau);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    ws.getCell(rowOf(ws, "cv_khac"), 3).value = "Các đối tượng khác (đã sửa)";
    await wb.xlsx.writeFile(mau);
    for (const input of [fixture, await workbookOf(fixture)]) {
      const base = JSON.parse((await run("check", input, "--json")).out);
      const edited = await run("check", input, "--json", "--template", mau);
      expect(essentials(JSON.parse(edited.out).findings)).toEqual(essentials(base.findings));
      registerTemplate(QCDC);
    }
  });

  test("the unedited round trip gives the same workbook, cell by cell", async () => {
    const mau = tmp("mau.json");
    const xl = tmp("mau.xlsx");
    await run("template", "export", "qcdc-2021", "-o", mau);
    await run("template", "export", mau, "-o", xl);
    const a = tmp("a.xlsx");
    const b = tmp("b.xlsx");
    expect((await run("init", a, "--data", EXAMPLE)).code).toBe(0);
    expect((await run("init", b, "--data", EXAMPLE, "--template", xl)).code).toBe(0);
    const [wa, wbb] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await wa.xlsx.readFile(a);
    await wbb.xlsx.readFile(b);
    expect(wbb.worksheets.map((s) => s.name)).toEqual(wa.worksheets.map((s) => s.name));
    let compared = 0;
    for (const sa of wa.worksheets) {
      const sb = wbb.getWorksheet(sa.name)!;
      const cols = sa.name === "_phuluc" ? 7 : Math.max(sa.columnCount, sb.columnCount);
      for (let r = 1; r <= Math.max(sa.rowCount, sb.rowCount); r++) {
        for (let c = 1; c <= cols; c++) {
          const ca = sa.getCell(r, c);
          const cb = sb.getCell(r, c);
          expect([sa.name, ca.address, cb.value, cb.numFmt]).toEqual([sa.name, ca.address, ca.value, ca.numFmt]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(400);
  });
});

async function workbookOf(json: string): Promise<string> {
  const out = tmp("fx.xlsx");
  const r = await run("init", out, "--data", json);
  if (r.code !== 0) throw new Error(r.err);
  return out;
}
