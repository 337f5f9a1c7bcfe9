/**
 * The worked example (spec "Expected findings"): exactly tt.sum, dth.part, dth.register as
 * errors, dth.parts and two lint.agency-abbr (KHCN and SKH-CN beside SKHCN) as warnings,
 * dvc.ratio and dvc.parts as infos, from the JSON and from
 * the workbook `init --data` makes, the workbook's findings pointing at cells.
 */
import * as fs from "fs";
import { EXAMPLE, run, checkJson, tmp, cleanup, rules } from "../workbook/helpers";

afterAll(cleanup);

const ERRORS = ["dth.part", "dth.register", "tt.sum"];

test("from the JSON: the three errors, with paths", async () => {
  const { code, result } = await checkJson(EXAMPLE);
  expect(code).toBe(1);
  expect(Object.keys(result)).toEqual(["template", "findings", "summary"]);
  expect(result.template).toBe("qcdc-2021");
  expect(rules(result.findings, "error")).toEqual(ERRORS);
  expect(rules(result.findings, "warning")).toEqual(["dth.parts", "lint.agency-abbr", "lint.agency-abbr"]);
  expect(rules(result.findings, "info")).toEqual(["dvc.parts", "dvc.ratio"]);
  expect(result.summary).toMatchObject({ errors: 3, infos: 2 });
  const tt = result.findings.find((f: { rule: string }) => f.rule === "tt.sum");
  expect(tt.path).toBe("values.tt_hoi_nghi");
  expect(tt.values).toEqual({ tt_hoi_nghi: 0, tt_rieng: 0, tt_long_ghep: 4 });
  expect(tt.cells).toBeUndefined();
});

test("from the .xlsx made by init --data: the same findings, at the cells", async () => {
  const file = tmp("son-la.xlsx");
  const init = await run("init", file, "--data", EXAMPLE);
  expect(init.code).toBe(0); // init succeeds whatever the data's errors
  expect(init.out).toContain("3 lỗi");
  const { code, result } = await checkJson(file);
  const fromJson = (await checkJson(EXAMPLE)).result;
  expect(code).toBe(1);
  expect(rules(result.findings)).toEqual(rules(fromJson.findings));
  const byRule = (r: string) => result.findings.find((f: { rule: string }) => f.rule === r);
  expect(byRule("tt.sum").cells[0]).toBe("'Phụ lục'!E14");
  expect(byRule("dth.part").cells[0]).toBe("'Phụ lục'!E28");
  expect(byRule("dth.register").cells[0]).toBe("'Phụ lục'!E26");
  expect(byRule("dvc.ratio").cells[0]).toBe("'Phụ lục'!E17");
  expect(byRule("dvc.ratio").expected).toBe(45);
  // The lint of the registers points at the symbol's cell (49/KH-KHCN on the 4th row of "Văn bản").
  const abbr = result.findings.filter((f: { rule: string }) => f.rule === "lint.agency-abbr");
  expect(abbr.map((f: { path?: string; cells: string[] }) => f.cells[0])).toEqual(["'Văn bản'!A7", "'Đối thoại'!A4"]);
  // The same messages and figures as from the JSON.
  for (const f of fromJson.findings) {
    const g = result.findings.find((x: { rule: string; message: string }) => x.rule === f.rule && x.message === f.message);
    expect(g).toBeDefined();
    expect(g.values).toEqual(f.values);
  }
});

test("human output: grouped by severity, with cells and figures, Vietnamese by default", async () => {
  const file = tmp("son-la.xlsx");
  await run("init", file, "--data", EXAMPLE);
  const r = await run("check", file);
  expect(r.code).toBe(1);
  const iErr = r.out.indexOf("LỖI (3)");
  const iWarn = r.out.indexOf("CẢNH BÁO");
  const iInfo = r.out.indexOf("THÔNG TIN (2)");
  expect(iErr).toBeGreaterThan(0);
  expect(iWarn).toBeGreaterThan(iErr);
  expect(iInfo).toBeGreaterThan(iWarn);
  expect(r.out).toContain("Ô: 'Phụ lục'!E14");
  // Figures padded as in the message ("số cuộc lồng ghép 04"), the right value too.
  expect(r.out).toContain("tt_long_ghep = 04; giá trị đúng: 04");
  expect(r.out).toContain("cchc_dvc_ty_le = 100%");
  expect(r.out).toContain("Kết quả: 3 lỗi, 3 cảnh báo, 2 thông tin.");
  // dth.parts, implied by dth.part, is printed under it ("↳"), once; the warnings' heading still counts it.
  const lines = r.out.split("\n");
  const iPart = lines.findIndex((l) => l.includes("[dth.part]"));
  const iParts = lines.findIndex((l) => l.includes("[dth.parts]"));
  expect(lines.filter((l) => l.includes("[dth.parts]"))).toHaveLength(1);
  expect(lines[iParts]).toMatch(/^ {5}↳ Cảnh báo \[dth\.parts\] /);
  expect(iParts).toBeGreaterThan(iPart);
  expect(lines.slice(iPart + 1, iParts).every((l) => /^ {5}\S/.test(l))).toBe(true); // only dth.part's own lines between
  expect(r.out).toContain("CẢNH BÁO (3)\n  (1 cảnh báo ghi dưới lỗi liên quan ở trên, sau dấu ↳)\n  1. [lint.agency-abbr]");
  const en = await run("check", EXAMPLE, "--lang", "en");
  expect(en.out).toContain("ERRORS (3)");
  expect(en.out).toContain("Path: values.tt_hoi_nghi");
  expect(en.out).toContain("     ↳ Warning [dth.parts] ");
  expect(en.out).toContain("(1 warning shown under its error above, after ↳)");
  expect(en.out).not.toMatch(/Số liệu|LỖI/);
});

test("an override in the data: the summary counts what it changed", async () => {
  const data = JSON.parse(fs.readFileSync(EXAMPLE, "utf8"));
  data.overrides = { "tt.sum": { severity: "off", reason: "Đã giải trình với Sở Nội vụ" } };
  const json = tmp("override.json");
  fs.writeFileSync(json, JSON.stringify(data));
  const file = tmp("override.xlsx");
  await run("init", file, "--data", json);
  for (const f of [json, file]) {
    const { code, result } = await checkJson(f);
    expect(rules(result.findings, "error")).toEqual(["dth.part", "dth.register"]);
    expect(result.summary.overrides).toEqual([{ rule: "tt.sum", severity: "off", reason: "Đã giải trình với Sở Nội vụ", affected: 1 }]);
    expect(code).toBe(1);
  }
  const human = await run("check", file);
  expect(human.out).toContain("tt.sum → off: Đã giải trình với Sở Nội vụ");
});
