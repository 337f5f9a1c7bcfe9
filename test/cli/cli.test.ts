/** The command line: usage, help, version, init/export/check behaviour and exit codes. */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { normalizeReport } from "../../src/core/normalize";
import { EXAMPLE, ROOT, exampleInput, run, tmp, cleanup } from "../workbook/helpers";

afterAll(cleanup);

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("help and version", () => {
  test("--help and -h: Vietnamese by default, English with --lang en", async () => {
    for (const flag of ["--help", "-h"]) {
      const r = await run(flag);
      expect(r.code).toBe(0);
      expect(r.out).toContain("Cách dùng:");
      for (const cmd of ["init", "check", "export", "report"]) expect(r.out).toContain("phuluc " + cmd);
      expect(r.out).toContain("Mã thoát");
    }
    const en = await run("--help", "--lang", "en");
    expect(en.out).toContain("Usage:");
    expect(en.out).not.toContain("Cách dùng");
  });

  test.each(["init", "check", "export"])("phuluc %s --help", async (cmd) => {
    const r = await run(cmd, "--help");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("phuluc " + cmd)).toBe(true);
    const h = await run("help", cmd);
    expect(h.out).toBe(r.out);
  });

  test("--version prints the package version", async () => {
    const r = await run("--version");
    expect(r.code).toBe(0);
    expect(r.out).toBe(`phuluc ${pkg.version}\n`);
  });

  test("no command: usage on stderr, exit 2; an unknown command or option: exit 2 naming it", async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err).toContain("Cách dùng:");
    const bad = await run("kiemtra", "x.json");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Không có lệnh "kiemtra"');
    const opt = await run("check", EXAMPLE, "--jsn");
    expect(opt.code).toBe(2);
    expect(opt.err).toContain('"--jsn"');
    const two = await run("check");
    expect(two.code).toBe(2);
    expect(two.err).toContain("phuluc check");
  });
});

describe("init", () => {
  test("refuses to overwrite an existing file unless --force", async () => {
    const file = tmp("co-roi.xlsx");
    fs.writeFileSync(file, "giữ nguyên");
    const r = await run("init", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--force");
    expect(fs.readFileSync(file, "utf8")).toBe("giữ nguyên");
    const f = await run("init", file, "--force");
    expect(f.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("Phụ lục")).toBeDefined();
  });

  test("wrong names and data: exit 2, no file left behind", async () => {
    const notXlsx = tmp("bao-cao.xls");
    expect((await run("init", notXlsx)).code).toBe(2);
    expect(fs.existsSync(notXlsx)).toBe(false);
    const broken = tmp("hong.json");
    fs.writeFileSync(broken, "{ template: qcdc }");
    const out = tmp("moi.xlsx");
    const r = await run("init", out, "--data", broken);
    expect(r.code).toBe(2);
    expect(r.err).toContain("JSON");
    expect(fs.existsSync(out)).toBe(false);
    const t = await run("init", out, "--template", "mau-khac");
    expect(t.code).toBe(2);
    expect(t.err).toContain("mau-khac");
    expect(fs.readdirSync(path.dirname(out)).filter((x) => x.endsWith(".tmp"))).toEqual([]);
  });
});

describe("export", () => {
  test("to stdout: the normal form; with -o: to the file", async () => {
    const file = tmp("vd.xlsx");
    await run("init", file, "--data", EXAMPLE);
    const r = await run("export", file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(normalizeReport(exampleInput()));
    const out = tmp("vd.json");
    const o = await run("export", file, "--output", out);
    expect(o.code).toBe(0);
    expect(o.out).toBe("");
    expect(JSON.parse(fs.readFileSync(out, "utf8"))).toEqual(normalizeReport(exampleInput()));
  });

  test("a workbook not made by phuluc: exit 1, the reason, nothing on stdout", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = 1;
    const file = tmp("la.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run("export", file);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("phuluc init");
  });

  test("a JSON file is exported in its normal form", async () => {
    const r = await run("export", EXAMPLE);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(normalizeReport(exampleInput()));
  });
});

describe("check", () => {
  test("--json prints exactly { template, findings, summary }", async () => {
    const r = await run("check", EXAMPLE, "--json");
    const o = JSON.parse(r.out);
    expect(Object.keys(o)).toEqual(["template", "findings", "summary"]);
    expect(Object.keys(o.summary).sort()).toEqual(["errors", "infos", "overrides", "warnings"]);
  });

  test("an empty workbook from init: exit 0, no error or warning, infos naming what is missing", async () => {
    const file = tmp("trong.xlsx");
    expect((await run("init", file, "--template", "qcdc-2021")).code).toBe(0);
    const r = await run("check", file, "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out) as { findings: { rule: string; severity: string; message: string; cells?: string[] }[]; summary: Record<string, number> };
    expect(o.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(o.summary.infos).toBeGreaterThan(0);
    expect(o.findings.every((f) => f.severity === "info" && f.message.includes("còn trống"))).toBe(true);
    const vb = o.findings.find((f) => f.rule === "vb.sum")!;
    expect(vb.message).toContain("tổng số văn bản, văn bản cấp ủy và văn bản chính quyền");
    expect(vb.cells![0]).toMatch(/^'Phụ lục'!E\d+$/);
    // Registers with no rows do not apply: no register-count finding.
    expect(o.findings.filter((f) => f.rule.endsWith(".register"))).toEqual([]);
  });

  test("exit 0 for data with no error", async () => {
    const data = exampleInput() as { values: Record<string, unknown>; registers: Record<string, unknown> };
    data.values.tt_hoi_nghi = 4;
    data.values.dth_tong = 0;
    data.values.dth_chinh_quyen = 0;
    const json = tmp("dung.json");
    fs.writeFileSync(json, JSON.stringify(data));
    const r = await run("check", json);
    expect(r.out).toContain("0 lỗi");
    expect(r.code).toBe(0);
  });

  test("options may come before the command", async () => {
    const r = await run("--lang", "en", "check", EXAMPLE);
    expect(r.code).toBe(1);
    expect(r.out).toContain("ERRORS (3)");
  });
});

test("report is dispatched to src/cli/report.ts", async () => {
  const r = await run("report", "--help");
  expect([0, 2]).toContain(r.code);
  expect(r.out + r.err).toMatch(/phuluc report/);
});

describe("as a real process (node bin/phuluc.js after npm run build:cli)", () => {
  const bin = path.join(ROOT, "bin", "phuluc.js");
  beforeAll(() => {
    const b = spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, encoding: "utf8" });
    if (b.status !== 0 && !fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) {
      throw new Error("npm run build:cli failed:\n" + b.stdout + b.stderr);
    }
  }, 180000);
  const node = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: "utf8" });

  test("check of the example: exit 1, the three errors on stdout", () => {
    const r = node("check", "examples/son-la-skhcn-2021.json", "--json");
    expect(r.status).toBe(1);
    const o = JSON.parse(r.stdout);
    expect(o.summary.errors).toBe(3);
    expect(r.stderr).toBe("");
  });

  test("init then check of the .xlsx; a missing file exits 2 with no stack trace", () => {
    const file = tmp("tien-trinh.xlsx");
    const i = node("init", file, "--data", "examples/son-la-skhcn-2021.json");
    expect(i.status).toBe(0);
    const c = node("check", file);
    expect(c.status).toBe(1);
    expect(c.stdout).toContain("'Phụ lục'!E14");
    const m = node("check", tmp("khong-co.xlsx"));
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/^phuluc: Không tìm thấy tệp/);
    expect(m.stderr).not.toMatch(/\n\s+at /);
    const v = node("--version");
    expect(v.stdout.trim()).toBe("phuluc " + pkg.version);
  });
});
