import * as fs from "fs";
import * as path from "path";
import { normalizeReport, parseReportJson, InputError } from "../../src/core/normalize";

const examplePath = path.join(__dirname, "../../examples/son-la-skhcn-2021.json");
const exampleText = fs.readFileSync(examplePath, "utf8");
const example = JSON.parse(exampleText);

describe("normalizeReport", () => {
  test("the example: percents as strings, counts as numbers, issuer from the symbol", () => {
    const d = normalizeReport(example);
    expect(d.template).toBe("qcdc-2021");
    expect(d.values.vb_tong).toBe(8);
    expect(d.values.cv_tong).toBe(10424000);
    expect(d.values.cchc_dvc_ty_le).toBe("100%");
    expect(d.values.dt_ty_le).toBe("Không có");
    expect(d.values.cchc_dvc_tong).toBeNull();
    expect(d.registers.van_ban.map((r) => r.issuer)).toEqual(["cap_uy", "cap_uy", "cap_uy", "chinh_quyen", "chinh_quyen", "chinh_quyen", "chinh_quyen", "chinh_quyen"]);
    expect(d.registers.van_ban.map((r) => r.symbol)).toEqual(example.registers.van_ban.map((r: { symbol: string }) => r.symbol));
    expect(d.registers.hoi_nghi).toEqual([]);
    expect(d.report.date).toBe("2021-11-14");
    expect(d.report.year).toBe(2021);
    expect(Object.keys(d.values).slice(0, 3)).toEqual(["vb_tong", "vb_cap_uy", "vb_chinh_quyen"]);
  });
  test("is idempotent", () => {
    const once = normalizeReport(example);
    expect(normalizeReport(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });
  test("NFD text, Ð, spreadsheet dates, labels and Có/Không are normalised", () => {
    const d = normalizeReport({
      template: "qcdc-2021",
      report: { agency: "  Sở Khoa học và Công nghệ ".normalize("NFD"), date: "14/11/2021", year: "2021", level: "Cấp tỉnh", number: 538, recipients: "- Sở Nội vụ;\n- Lưu: VT, VP." },
      values: { vb_tong: " 08 ", cchc_dvc_ty_le: 88.9, dt_ty_le: "Kho\u0302ng co\u0301", tt_hoi_nghi: "04 cuộc", bogus_code: "5" },
      registers: {
        van_ban: [
          { symbol: "166-KH/\u00D0U", date: 44285, type: "Kế hoạch", title: "Triển khai" },
          { symbol: "", date: "", type: "", title: "" },
          { symbol: "49/KH-KHCN", date: "11/01/2021", type: "Kế hoạch", title: "Thực hiện", issuer: "Chính quyền" },
        ],
        doi_thoai: [{ plan: "51/KH-SKH-CN", date: "2021-01-11T00:00:00.000Z", chair: "Cả hai", held: "Không", title: "Đối thoại" }, { chair: "cap_uy", held: "x" }],
      },
      overrides: [{ rule: "tt.sum", severity: "Tắt", reason: " đã giải trình " }],
    });
    expect(d.report.agency).toBe("Sở Khoa học và Công nghệ");
    expect(d.report.date).toBe("2021-11-14");
    expect(d.report.year).toBe(2021);
    expect(d.report.level).toBe("tinh");
    expect(d.report.number).toBe("538");
    expect(d.report.recipients).toEqual(["Sở Nội vụ", "Lưu: VT, VP"]);
    expect(d.values.vb_tong).toBe(8);
    expect(d.values.cchc_dvc_ty_le).toBe("88,9%");
    expect(d.values.dt_ty_le).toBe("Không có");
    expect(d.values.tt_hoi_nghi).toBe("04 cuộc");
    expect(d.values.bogus_code).toBe("5"); // kept so that check reports it
    expect(d.registers.van_ban).toHaveLength(2); // the blank row is dropped
    expect(d.registers.van_ban[0]).toEqual({ symbol: "166-KH/ĐU", date: "2021-03-30", type: "Kế hoạch", title: "Triển khai", issuer: "cap_uy" });
    expect(d.registers.van_ban[1].date).toBe("2021-01-11");
    expect(d.registers.van_ban[1].issuer).toBe("chinh_quyen");
    expect(d.registers.doi_thoai[0]).toMatchObject({ chair: "ca_hai", held: false, date: "2021-01-11" });
    expect(d.registers.doi_thoai[1]).toEqual({ chair: "cap_uy", held: true });
    expect(d.overrides).toEqual({ "tt.sum": { severity: "off", reason: "đã giải trình" } });
  });
  test("unreadable row values are kept as typed so that check can report them", () => {
    const d = normalizeReport({ template: "qcdc-2021", values: {}, registers: { hoi_nghi: [{ title: "Tập huấn", date: "31/2/2021", form: "ngoài trời" }] } });
    expect(d.registers.hoi_nghi[0]).toEqual({ title: "Tập huấn", date: "31/2/2021", form: "ngoài trời" });
  });
  test("unknown or missing template → InputError in Vietnamese and English", () => {
    expect(() => normalizeReport({ template: "qcdc-1999" })).toThrow(InputError);
    try {
      normalizeReport({ template: "qcdc-1999" });
    } catch (e) {
      const err = e as InputError;
      expect(err.vi).toContain("Không có mẫu báo cáo \"qcdc-1999\"");
      expect(err.en).toContain("Unknown template");
      expect(err.message).toBe(err.vi);
    }
    expect(() => normalizeReport({})).toThrow(/template/);
    expect(() => normalizeReport([1, 2])).toThrow(InputError);
    expect(() => normalizeReport(null)).toThrow(InputError);
  });
});

describe("parseReportJson", () => {
  test("reads the example", () => {
    expect(parseReportJson(exampleText).values.tt_long_ghep).toBe(4);
  });
  test("broken JSON → a Vietnamese message with line and column", () => {
    const broken = '{\n  "template": "qcdc-2021",\n  "values": { "vb_tong": 8 ,, }\n}';
    try {
      parseReportJson(broken);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const err = e as InputError;
      expect(err.vi).toMatch(/Tệp JSON bị lỗi ở dòng 3, cột \d+/);
      expect(err.en).toMatch(/line 3, column \d+/);
    }
  });
  test("empty text and a byte-order mark", () => {
    expect(() => parseReportJson("  ")).toThrow(/trống/);
    expect(parseReportJson("\uFEFF" + exampleText).template).toBe("qcdc-2021");
  });
});

import fc from "fast-check";
import { qcdc2021 } from "../../src/core/templates/qcdc-2021";

describe("normalizeReport properties", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -5, max: 200 }),
    fc.double({ min: 0, max: 100, noNaN: true }),
    fc.string({ maxLength: 12 }),
    fc.constantFrom("08", "Không có", "88,9%", "04 cuộc", "hơn 5", "x", " 1.234 ", "Kho\u0302ng"),
  );
  const field = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 10 }),
    fc.integer({ min: 0, max: 50000 }),
    fc.boolean(),
    fc.constantFrom("166-KH/\u00D0U", "49/KH-KHCN", "30/3/2021", "2021-03-30", "Có", "Không", "cap_uy", "Lồng ghép", "  Triển  khai ", "ca_hai"),
  );
  const row = fc.record({ symbol: field, date: field, type: field, title: field, issuer: field, form: field, chair: field, held: field, decision: field, unit: field, plan: field });
  const report = fc.record({
    values: fc.dictionary(fc.constantFrom(...qcdc2021.indicators.map((d) => d.code), "ma_la"), cell),
    previous: fc.option(fc.dictionary(fc.constantFrom(...qcdc2021.indicators.map((d) => d.code)), cell), { nil: undefined }),
    registers: fc.record({ van_ban: fc.array(row, { maxLength: 4 }), hoi_nghi: fc.array(row, { maxLength: 3 }), doi_thoai: fc.array(row, { maxLength: 3 }), kiem_tra: fc.array(row, { maxLength: 3 }) }),
    report: fc.record({ date: field, year: field, agency: field, recipients: fc.option(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), { nil: undefined }) }),
  });
  test("a year typed as the report date (number or text) stays as typed, not a date in 1905", () => {
    for (const date of [2021, "2021", 1990]) {
      const once = normalizeReport({ template: "qcdc-2021", report: { date } } as never);
      expect(once.report.date).toBe(String(date));
      expect(normalizeReport(JSON.parse(JSON.stringify(once))).report.date).toBe(String(date));
    }
    expect(normalizeReport({ template: "qcdc-2021", report: { date: 44514 } } as never).report.date).toBe("2021-11-14");
  });

  test("normalizeReport(normalizeReport(x)) equals normalizeReport(x), through JSON", () => {
    fc.assert(
      fc.property(report, (r) => {
        const once = normalizeReport({ template: "qcdc-2021", ...r });
        const twice = normalizeReport(JSON.parse(JSON.stringify(once)));
        expect(twice).toEqual(once);
      }),
      { numRuns: 1000 },
    );
  });
});

import { check } from "../../src/core/engine";

describe("check sees the same report before and after normalisation", () => {
  test("same rules and severities for raw and normalised data", () => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 12 }), fc.constantFrom("08", "Không có", "88,9%", "100%", "04 cuộc", "hơn 5", "x", "Kho\u0302ng", "1,5"));
    const codes = qcdc2021.indicators.map((d) => d.code);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...codes), cell), fc.integer({ min: 2019, max: 2024 }), (values, year) => {
        const raw = { template: "qcdc-2021", report: { year }, values, registers: JSON.parse(JSON.stringify(example.registers)) };
        const key = (fs: { rule: string; severity: string }[]) => fs.map((f) => f.rule + ":" + f.severity).sort();
        expect(key(check(normalizeReport(raw)).findings)).toEqual(key(check(raw as never).findings));
      }),
      { numRuns: 200 },
    );
  });
});
