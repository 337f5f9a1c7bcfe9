/**
 * A province's own form (test/fixtures/tinh-mau-2026.json), registered at run time, through
 * the command line in process: init a workbook from its data, check the workbook (the same
 * findings as the JSON, at cells), report as text. Nothing in the product knows its codes.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { TemplateDef } from "../../src/core/types";
import { registerTemplate } from "../../src/core/templates/index";
import { run, checkJson, tmp, cleanup, rules, rowOf } from "../workbook/helpers";

const TEMPLATE = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/tinh-mau-2026.json"), "utf8")) as TemplateDef;
registerTemplate(TEMPLATE);
afterAll(cleanup);

const DATA = {
  template: "tinh-hb-2026",
  report: { agency: "Ủy ban nhân dân xã Tân Lập", level: "xa", year: 2026, number: "15", symbol: "BC-UBND", date: "2026-12-10", place: "Tân Lập" },
  values: {
    van_ban_tong: 3,
    van_ban_cap_uy: 1,
    van_ban_chinh_quyen: 1,
    tiep_cong_dan: 120,
    doi_thoai: 3,
    dvc_tong: 45,
    dvc_toan_trinh: 30,
    dvc_ty_le_ho_so: "85,25%",
    kinh_phi: 15000000,
  },
  registers: {
    van_ban: [
      { symbol: "12-KH/ĐU", date: "2026-03-02", title: "Kế hoạch thực hiện dân chủ ở cơ sở năm 2026", issuer: "cap_uy" },
      { symbol: "35/QĐ-UBND", date: "2026-04-15", title: "Quy chế tiếp công dân", issuer: "chinh_quyen" },
    ],
  },
};

function dataFile(): string {
  const f = tmp("tinh.json");
  fs.writeFileSync(f, JSON.stringify(DATA));
  return f;
}

test("init, then check the workbook: the same findings as the JSON, at the cells", async () => {
  const json = dataFile();
  const xlsx = tmp("tinh.xlsx");
  expect((await run("init", xlsx, "--data", json)).code).toBe(0);
  const fromJson = await checkJson(json);
  const fromXlsx = await checkJson(xlsx);
  expect(fromJson.result.template).toBe("tinh-hb-2026");
  // 1 + 1 ≠ 3 (the sum rule), and the register holds 2 documents, not 3.
  expect(rules(fromJson.result.findings, "error")).toEqual(["vb.so", "vb.tong"]);
  expect(rules(fromXlsx.result.findings)).toEqual(rules(fromJson.result.findings));
  const sum = fromXlsx.result.findings.find((f: { rule: string }) => f.rule === "vb.tong");
  expect(sum.cells[0]).toBe("'Phụ lục'!E9");
});

test("the workbook: the template's groups, codes, register sheet, percent decimals and hints", async () => {
  const xlsx = tmp("tinh-empty.xlsx");
  expect((await run("init", xlsx, "--template", "tinh-hb-2026")).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet("Phụ lục")!;
  const r = rowOf(ws, "dvc_ty_le_ho_so");
  expect(ws.getCell(r, 5).numFmt).toBe("0.00%");
  expect(ws.getCell(rowOf(ws, "van_ban_tong"), 5).formula).toMatch(/SUM\(E10,E11\)/);
  expect(String(ws.getCell(rowOf(ws, "van_ban_tong"), 7).formula ?? "")).not.toBe("");
  expect(wb.getWorksheet("Văn bản")).toBeDefined();
  const texts: string[] = [];
  for (const name of ["Nội dung", "Quy tắc riêng"]) wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  const hints = texts.join("\n");
  expect(hints).toContain("{van_ban_tong} (số liệu)");
  expect(hints).toContain("{ds_van_ban}");
  expect(hints).toContain("van_ban_cap_uy <= van_ban_tong");
  expect(hints).not.toMatch(/vb_tong|cbccvc|ds_kiem_tra/);
});

test("report as text: sentences made from the labels, the register list, the appendix", async () => {
  const xlsx = tmp("tinh-r.xlsx");
  await run("init", xlsx, "--data", dataFile());
  const out = tmp("bao-cao.txt");
  const r = await run("report", xlsx, "-o", out);
  expect(r.code).toBe(0);
  const text = fs.readFileSync(out, "utf8");
  // 03 ≠ 01 + 01 (and the register holds two): the sentence is marked for the author, not stated as fact.
  expect(text).toContain("Tổng số văn bản đã ban hành là 03 văn bản; trong đó cấp ủy 01 văn bản, chính quyền 01 văn bản [cần kiểm tra: tổng không khớp các phần");
  expect(text).toContain("Số lượt tiếp công dân là 120 lượt. Số cuộc đối thoại với Nhân dân là 03 cuộc.");
  expect(text).toContain("Tỷ lệ hồ sơ nộp trực tuyến là 85,25%.");
  expect(text).toContain("- Quy chế tiếp công dân (số 35/QĐ-UBND, ngày 15/4/2026, chính quyền).");
  expect(text).toContain("4. Kinh phí");
  expect(text).not.toContain("chưa có số liệu");
  expect(text).not.toMatch(/Hương ước/i);
});
