/**
 * Every cell a clerk reads is Vietnamese: the "Thông tin" sheet names its rows in Vietnamese
 * ("Cơ quan báo cáo", not "agency"), the own-rules and overrides sheets write severities as
 * "Lỗi / Cảnh báo / Thông tin / Tắt". Workbooks written before (the fixtures were made by
 * `phuluc init` of main before this change) still read the same, and the JSON export keeps the
 * spec's keys and words.
 */
import * as fs from "fs";
import * as path from "path";
import { loadSnapshot } from "../../src/cli/xlsx";
import { readWorkbook } from "../../src/core/sheet-read";
import { INFO_FIELDS } from "../../src/core/layout";
import { ROOT, run, tmp, cleanup, initWorkbook, edit, checkJson, rules } from "./helpers";
import { richReport } from "./fixtures";

afterAll(cleanup);

const FIXTURES = path.join(ROOT, "test", "fixtures");
const OLD = ["qcdc-2021", "dccs-2025"].map((t) => ({
  template: t,
  file: path.join(FIXTURES, `old-keys-${t}.xlsx`),
  exported: JSON.parse(fs.readFileSync(path.join(FIXTURES, `old-keys-${t}.export.json`), "utf8")),
}));
const SPEC_KEYS = INFO_FIELDS.map((f) => f.key);
const SEVERITY_WORDS = ["error", "warning", "info", "off"];

/** Every visible cell's text of a workbook, with its sheet. */
async function visibleTexts(file: string): Promise<{ sheet: string; text: string }[]> {
  const snap = await loadSnapshot(file);
  const out: { sheet: string; text: string }[] = [];
  for (const s of snap.sheets) {
    if (s.visibility && s.visibility !== "visible") continue;
    for (const row of s.rows) for (const c of row || []) if (c && typeof c.v === "string") out.push({ sheet: s.name, text: c.v });
  }
  return out;
}

describe("workbooks written before the Vietnamese names", () => {
  test.each(OLD)("$template: the old fixture holds the spec's keys (it is the old layout)", async ({ file }) => {
    const texts = (await visibleTexts(file)).filter((x) => x.sheet === "Thông tin").map((x) => x.text);
    expect(texts).toContain("agency");
    expect(texts).toContain("recipients");
  });

  test.each(OLD)("$template: read and exported exactly as the old program exported them", async ({ file, exported }) => {
    const out = tmp("old.json");
    const r = await run("export", file, "-o", out);
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, "utf8"))).toEqual(exported);
    // Nothing about the workbook's structure is reported: the old keys are not "unknown rows".
    const { result } = await checkJson(file);
    expect(result.findings.filter((f: { rule: string }) => f.rule.startsWith("workbook."))).toEqual([]);
  });

  test.each(OLD)("$template: a new workbook of the same data exports the same JSON, with the spec's keys", async ({ exported }) => {
    const fresh = tmp("fresh.xlsx");
    const src = tmp("src.json");
    fs.writeFileSync(src, JSON.stringify(exported));
    expect((await run("init", fresh, "--data", src)).code).toBe(0);
    const texts = (await visibleTexts(fresh)).filter((x) => x.sheet === "Thông tin").map((x) => x.text);
    expect(texts).toContain("Cơ quan báo cáo");
    for (const k of SPEC_KEYS) expect(texts).not.toContain(k);
    const out = tmp("fresh.json");
    expect((await run("export", fresh, "-o", out)).code).toBe(0);
    const back = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(back).toEqual(exported);
    expect(Object.keys(back.report)).toEqual(expect.arrayContaining(["agency", "date", "recipients"]));
  });

  test("the cells of report details still point at the old workbook's cells (findings land there)", async () => {
    const snap = await loadSnapshot(OLD[0].file);
    const r = readWorkbook(snap);
    expect(r.cells["report.agency"]).toBe("'Thông tin'!C5");
    expect(r.data.report.agency).toBe("Sở Khoa học và Công nghệ");
  });
});

describe("severities in the workbook", () => {
  test("own rules and overrides are written Lỗi / Cảnh báo / Thông tin / Tắt; export gives the spec's words back", async () => {
    const file = await initWorkbook(richReport(), "sev.xlsx");
    const texts = await visibleTexts(file);
    const rulesSheet = texts.filter((x) => x.sheet === "Quy tắc riêng").map((x) => x.text);
    const overrides = texts.filter((x) => x.sheet === "Ngoại lệ").map((x) => x.text);
    expect(rulesSheet).toContain("Cảnh báo");
    expect(overrides).toContain("Tắt");
    // The sheets' help names the severities as the lists offer them.
    for (const x of [...rulesSheet, ...overrides]) expect(x).not.toMatch(/\berror, warning\b|\boff\b \(|Tắt \(off\)/);
    expect(rulesSheet.join(" ")).toMatch(/Lỗi, Cảnh báo hoặc Thông tin/);
    // No cell a user reads is a bare English severity or an info key.
    for (const x of texts) {
      expect(SEVERITY_WORDS).not.toContain(x.text.trim());
      if (x.sheet === "Thông tin") expect(SPEC_KEYS).not.toContain(x.text.trim());
    }
    // The drop-down lists offer the Vietnamese words.
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const dv = (wb.getWorksheet("Quy tắc riêng") as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(Object.values(dv).map((v) => v.formulae[0])).toContain('"Lỗi,Cảnh báo,Thông tin"');
    const out = tmp("sev.json");
    expect((await run("export", file, "-o", out)).code).toBe(0);
    const back = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(back.rules[0].severity).toBe("warning");
    expect(back.overrides["cv.period"].severity).toBe("off");
  });

  test("a workbook typed with the old English words (or without accents) reads the same", async () => {
    const file = await initWorkbook(richReport(), "sev-old.xlsx");
    const vi = await checkJson(file);
    const old = await edit(file, (wb) => {
      for (const name of ["Quy tắc riêng", "Ngoại lệ"]) {
        wb.getWorksheet(name)!.eachRow((row) => {
          row.eachCell((c) => {
            if (c.value === "Cảnh báo") c.value = "warning";
            if (c.value === "Tắt") c.value = "tat";
          });
        });
      }
    });
    const en = await checkJson(old);
    expect(rules(en.result.findings)).toEqual(rules(vi.result.findings));
    expect(en.result.findings.filter((f: { rule: string }) => f.rule.startsWith("rule.") || f.rule.startsWith("override"))).toEqual(
      vi.result.findings.filter((f: { rule: string }) => f.rule.startsWith("rule.") || f.rule.startsWith("override")),
    );
  });
});

describe("hints valid in Vietnamese and English Excel", () => {
  test("money: type the digits only (10424000), which both read as a number; never told to type 10.424.000", async () => {
    const { planWorkbook } = await import("../../src/core/sheet-plan");
    const { getTemplate } = await import("../../src/core/templates/index");
    let checked = 0;
    for (const id of ["qcdc-2021", "dccs-2025"]) {
      const t = getTemplate(id)!;
      const plan = planWorkbook(t);
      const sheet = plan.sheets.find((s) => s.role === "indicators")!;
      const help = String(sheet.preamble[1][0].v);
      expect(help).toMatch(/tiền: gõ liền các chữ số[^;]*vd\. 10424000/);
      expect(help).not.toMatch(/tiền: 10\.424\.000/);
      const money = t.indicators.find((d) => d.kind === "money");
      if (!money) continue; // dccs-2025 has no amount
      checked++;
      const valueCol = sheet.table.header.indexOf("Giá trị");
      const codeCol = sheet.table.header.indexOf("Mã");
      const i = sheet.table.rows.findIndex((r) => r[codeCol]?.v === money.code);
      const v = sheet.table.rows[i][valueCol].validation!;
      expect(v.message.vi).toContain("10424000");
      expect(v.message.en).toContain("10424000");
      // The number format is the invariant "#,##0": Excel shows the reader's own separators.
      expect(sheet.table.rows[i][valueCol].format).toBe("#,##0");
    }
    expect(checked).toBe(1);
  });

  test("multi-line cells (recipients, the report text) tell how to break a line", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const file = await initWorkbook(richReport(), "lines.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const prompts = (name: string) => Object.values((wb.getWorksheet(name) as unknown as { dataValidations: { model: Record<string, { prompt?: string }> } }).dataValidations.model).map((v) => v.prompt ?? "");
    expect(prompts("Thông tin").some((p) => p.includes("Alt+Enter"))).toBe(true);
    expect(prompts("Nội dung").some((p) => p.includes("Alt+Enter"))).toBe(true);
  });
});
