import { check } from "../../src/core/engine";
import { fixSymbol } from "../../src/core/register-lint";
import { normalizeReport } from "../../src/core/normalize";
import type { Finding, ReportData } from "../../src/core/types";
import { clean, example } from "./helpers";

const lints = (d: ReportData, lang: "vi" | "en" = "vi"): Finding[] => check(normalizeReport(d), { lang }).findings.filter((f) => f.rule.startsWith("lint."));

/** The clean example with its agency written one way (SKHCN): no lint at all. */
function tidy(): ReportData {
  const d = clean();
  d.registers.van_ban = (d.registers.van_ban as { symbol: string }[]).map((r) => ({ ...r, symbol: r.symbol.replace("KH-KHCN", "KH-SKHCN") }));
  d.registers.doi_thoai = (d.registers.doi_thoai as { plan: string }[]).map((r) => ({ ...r, plan: r.plan.replace("SKH-CN", "SKHCN") }));
  return d;
}

/** A clean report whose document register holds these symbols (all dated in the year). */
function withSymbols(symbols: string[], type = "Kế hoạch"): ReportData {
  const d = tidy();
  d.registers.van_ban = symbols.map((symbol, i) => ({ symbol, date: "2021-0" + (1 + (i % 9)) + "-15", type, title: "Văn bản " + (i + 1) }));
  d.report.date = "2021-11-14";
  d.values.vb_tong = symbols.length;
  return d;
}

describe("register lint: correct citations are never flagged", () => {
  const correct = ["04/2015/NĐ-CP", "28/2021/QĐ-UBND", "54-CV/BCĐ", "10/2022/QH15", "166-KH/ĐU", "49/KH-KHCN", "320/SKHCN-VP", "05-CT/TW", "01-HD/BDVTW", "02/2022/UBTVQH15"];
  test.each(correct)("%s", (s) => {
    expect(fixSymbol(s)).toEqual(expect.objectContaining({ reasons: [] }));
    expect(fixSymbol(s).fixed).toBeUndefined();
    expect(fixSymbol(s).malformed).toBeUndefined();
    expect(fixSymbol(s).unknownType).toBeUndefined();
  });

  test("the clean example's registers, with each correct citation in them, give no lint", () => {
    // The clean example still carries its agency's KHCN / SKH-CN slips: written the one way here.
    const d = tidy();
    d.report.basis = "Căn cứ Nghị định số 04/2015/NĐ-CP, Quyết định số 28/2021/QĐ-UBND, Luật số 10/2022/QH15 và Công văn số 54-CV/BCĐ ngày 26/10/2021.";
    expect(lints(d)).toEqual([]);
  });
});

describe("register lint: the worked example", () => {
  test("one agency written KHCN, SKHCN and SKH-CN: two lint.agency-abbr warnings against the report's own SKHCN", () => {
    const got = lints(example());
    expect(got.map((f) => [f.rule, f.severity, f.path])).toEqual([
      ["lint.agency-abbr", "warning", "registers.van_ban[3].symbol"],
      ["lint.agency-abbr", "warning", "registers.doi_thoai[0].plan"],
    ]);
    expect(got[0].message).toBe('Cùng một cơ quan nhưng ký hiệu viết tắt khác nhau: "KHCN" (49/KH-KHCN, 48/KH-KHCN) so với "SKHCN".');
    expect(got[0].suggestion).toContain('"49/KH-SKHCN"');
    expect(got[1].suggestion).toContain('"51/KH-SKHCN"');
    // The symbols themselves are well formed: no lint.symbol on 49/KH-KHCN.
    expect(got.some((f) => f.rule === "lint.symbol")).toBe(false);
  });

  test("from the workbook the warnings point at the register's cells", () => {
    // (checked in test/cli/example.test.ts through `phuluc check` on the workbook)
    const got = lints(example(), "en");
    expect(got[0].message).toBe('The same agency is abbreviated differently: "KHCN" (49/KH-KHCN, 48/KH-KHCN) against "SKHCN".');
  });
});

describe("register lint: real slips, with their fix", () => {
  test('"01/2016/TT/BNV" and "11/2020/QĐ/BGD&ĐT": a slash where the hyphen belongs', () => {
    const got = lints(withSymbols(["01/2016/TT/BNV", "11/2020/QĐ/BGD&ĐT"]));
    const sym = got.filter((f) => f.rule === "lint.symbol");
    expect(sym.map((f) => f.suggestion)).toEqual(['Viết "01/2016/TT-BNV".', 'Viết "11/2020/QĐ-BGDĐT".']);
    expect(sym[0].path).toBe("registers.van_ban[0].symbol");
    expect(sym[0].message).toBe('Ký hiệu "01/2016/TT/BNV" (Văn bản, dòng 1) dùng "/" giữa loại văn bản và cơ quan ban hành (đúng là "-").');
  });

  test('"30 –CT/TW" beside "30-CT/TW": spaces around the separator, one document written two ways', () => {
    const got = lints(withSymbols(["30-CT/TW", "30 –CT/TW"]));
    expect(got.map((f) => f.rule).sort()).toEqual(["lint.same-document", "lint.symbol"]);
    const s = got.find((f) => f.rule === "lint.symbol")!;
    expect(s.path).toBe("registers.van_ban[1].symbol");
    expect(s.suggestion).toBe('Viết "30-CT/TW".');
    const same = got.find((f) => f.rule === "lint.same-document")!;
    expect(same.suggestion).toBe('Viết thống nhất "30-CT/TW".');
    expect(same.path).toBe("registers.van_ban[1].symbol");
  });

  test('"TT-BGD&ĐT" beside "TT-BGDĐT": one agency with two abbreviations', () => {
    const got = lints(withSymbols(["01/2020/TT-BGDĐT", "32/2020/TT-BGDĐT", "12/2021/TT-BGD&ĐT"]));
    const abbr = got.filter((f) => f.rule === "lint.agency-abbr");
    expect(abbr.length).toBe(1);
    expect(abbr[0].message).toContain('"BGD&ĐT" (12/2021/TT-BGD&ĐT) so với "BGDĐT"');
    expect(got.find((f) => f.rule === "lint.symbol")!.suggestion).toBe('Viết "12/2021/TT-BGDĐT".');
  });

  test('"Ð" (U+00D0) for "Đ" and "NĐCP" for "NĐ-CP"', () => {
    const got = lints(withSymbols(["166-KH/\u00D0U", "04/2015/NĐCP"]));
    const sym = got.filter((f) => f.rule === "lint.symbol");
    expect(sym.map((f) => f.suggestion)).toEqual(['Viết "166-KH/ĐU".', 'Viết "04/2015/NĐ-CP".']);
    expect(sym[0].message).toContain("U+00D0");
  });

  test("unknown type codes and malformed symbols", () => {
    const got = lints(withSymbols(["12-XYZ/ĐU", "Kế hoạch năm 2021", "15/2021/QĐ-UBND"]));
    expect(got.map((f) => [f.rule, f.path])).toEqual([
      ["lint.type-code", "registers.van_ban[0].symbol"],
      ["lint.symbol", "registers.van_ban[1].symbol"],
    ]);
    expect(got[0].suggestion).toMatch(/NQ, QĐ, CT.*QH/);
  });

  test("register rows dated after the report date or outside the year reported", () => {
    const d = withSymbols(["15/KH-UBND", "16/KH-UBND", "17/KH-UBND"]);
    const rows = d.registers.van_ban as { date: string }[];
    rows[0].date = "2021-12-01"; // after 14/11/2021
    rows[1].date = "2020-01-11"; // the year before
    const got = lints(d);
    expect(got.map((f) => [f.rule, f.path])).toEqual([
      ["lint.future-date", "registers.van_ban[0].date"],
      ["lint.out-of-period", "registers.van_ban[1].date"],
    ]);
    expect(got[0].message).toBe("Ngày 01/12/2021 (Văn bản, dòng 1) sau ngày báo cáo (14/11/2021).");
    expect(got[1].suggestion).toContain('"11/01/2021"');
    // A report period wins over the year.
    d.report.period = { from: "2019-12-15", to: "2020-12-14" };
    d.report.date = "2021-12-20";
    const p = lints(d).filter((f) => f.rule === "lint.out-of-period" && f.path!.startsWith("registers.van_ban"));
    expect(p.map((f) => f.path)).toEqual(["registers.van_ban[0].date", "registers.van_ban[2].date"]);
  });

  test("the report's own number and symbol, and its date", () => {
    const d = tidy();
    d.report.number = "5";
    d.report.symbol = "BC - SKHCN";
    d.report.period = { from: "2020-11-15", to: "2021-11-30" };
    const got = lints(d);
    expect(got.map((f) => f.rule)).toEqual(["lint.report-number", "lint.report-number", "lint.report-date"]);
    expect(got[0].suggestion).toBe('Viết "05".');
    expect(got[1].suggestion).toBe('Viết "05/BC-SKHCN".');
    expect(got[2].message).toBe("Ngày báo cáo 14/11/2021 trước ngày cuối của kỳ báo cáo (30/11/2021).");
    d.report.period = undefined;
    d.report.year = 2022;
    d.report.date = "2021-12-30";
    expect(lints(d).filter((f) => f.rule === "lint.report-date").map((f) => f.message)).toEqual(["Ngày báo cáo 30/12/2021 trước năm được báo cáo (2022)."]);
  });

  test("the report quoted in its own text with another symbol, and dotted dates there", () => {
    const d = tidy();
    d.sections = [{ heading: "PHỤ LỤC", text: "(Kèm theo Báo cáo số 538/BC-SKHCM ngày 14.11.2021 của Sở Khoa học và Công nghệ)" }];
    const got = lints(d);
    expect(got.map((f) => [f.rule, f.path])).toEqual([
      ["lint.date", "sections[0].text"],
      ["lint.report-number", "sections[0].text"],
    ]);
    expect(got[1].suggestion).toBe('Viết "538/BC-SKHCN".');
  });

  test("one document written two ways across a register and the text", () => {
    const d = withSymbols(["05-CT/TW"]);
    d.sections = [{ heading: "I. KHÁI QUÁT", text: "Thực hiện Chỉ thị số 05/CT-TW của Bộ Chính trị." }];
    const got = lints(d);
    expect(got.map((f) => f.rule).sort()).toEqual(["lint.same-document", "lint.symbol"]);
    const same = got.find((f) => f.rule === "lint.same-document")!;
    expect(same.path).toBe("sections[0].text");
    expect(same.quote).toContain("05/CT-TW");
    expect(same.suggestion).toBe('Viết thống nhất "05-CT/TW".');
  });

  test("lint is a warning, never an error, and can be left out", () => {
    const d = normalizeReport(withSymbols(["01/2016/TT/BNV"]));
    const on = check(d);
    expect(on.summary.errors).toBe(check(d, { lint: false }).summary.errors);
    expect(on.findings.filter((f) => f.rule.startsWith("lint.")).map((f) => f.severity)).toEqual(["warning"]);
    expect(check(d, { lint: false }).findings.filter((f) => f.rule.startsWith("lint."))).toEqual([]);
  });
});
