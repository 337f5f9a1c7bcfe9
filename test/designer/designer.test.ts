/** The template designer in the core: template ⇄ designer sheets, and a template's mistakes at their cells. */
import { planDesigner, readDesigner, checkDesigner } from "../../src/core/designer/sheets";
import { parseTemplateText, templateJsonText, embedTemplate, embeddedTemplateText, EMBED } from "../../src/core/designer/json";
import { checkTemplate } from "../../src/core/template-check";
import { getTemplate } from "../../src/core/templates/index";
import type { TemplateDef } from "../../src/core/types";
import { provinceTemplate, rowWhere, setCell, snapshotOfPlan } from "./helpers";

const qcdc = () => getTemplate("qcdc-2021")!;

describe("a template as designer sheets and back", () => {
  test.each([
    ["qcdc-2021", () => qcdc()],
    ["the province's own template", () => provinceTemplate()],
  ])("%s: exported then read gives the same template, with no mistake", (_n, get) => {
    const t: TemplateDef = get();
    const plan = planDesigner(t);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Thông tin mẫu", "Chỉ tiêu", "Sổ theo dõi", "Quy tắc", "Câu văn"]);
    const r = checkDesigner(snapshotOfPlan(plan));
    expect(r.findings).toEqual([]);
    expect(r.template).toEqual({ ...t, version: t.version ?? 1 });
  });

  test("the sheets follow the data workbook's conventions: Vietnamese header, frozen header, widths, lists", () => {
    const plan = planDesigner(qcdc());
    const ind = plan.sheets.find((s) => s.name === "Chỉ tiêu")!;
    expect(ind.table.header.slice(0, 3)).toEqual(["Nhóm", "Mã", "Tên chỉ tiêu"]);
    expect(ind.freezeRows).toBe(ind.table.headerRow);
    expect(ind.table.rows).toHaveLength(qcdc().indicators.length);
    const kind = ind.table.columns[ind.table.header.indexOf("Loại")];
    expect(kind.validation?.rule).toEqual({ type: "list", values: ["count", "money", "percent", "yesno"] });
    expect(ind.table.columns.every((c) => c.width > 0)).toBe(true);
    const rules = plan.sheets.find((s) => s.name === "Quy tắc")!;
    const row = rules.table.rows.find((r) => r[0].v === "dth.register")!;
    expect(row[rules.table.header.indexOf("Điều kiện / biểu thức")].v).toBe("dth_tong: held = true; dth_cap_uy: held = true, chair = cap_uy|ca_hai; dth_chinh_quyen: held = true, chair = chinh_quyen|ca_hai");
    expect(plan.marker.rows[0][0]).toBe("phuluc-template");
  });

  test("a label edited in the designer is read as the new label, nothing else changes", () => {
    const snap = snapshotOfPlan(planDesigner(qcdc()));
    const r = rowWhere(snap, "Chỉ tiêu", "Mã", "vb_tong");
    setCell(snap, "Chỉ tiêu", "Tên chỉ tiêu", r, "Tổng số văn bản đã ban hành trong năm");
    const t = readDesigner(snap).template;
    expect(t.indicators[r].label.vi).toBe("Tổng số văn bản đã ban hành trong năm");
    const back = JSON.parse(JSON.stringify(t));
    back.indicators[r].label.vi = qcdc().indicators[r].label.vi;
    expect(back).toEqual({ ...qcdc(), version: 1 });
  });
});

describe("the designer's mistakes, each at its cell with a Vietnamese message", () => {
  type Case = [string, string, string, number | [string, string], string | number | null, string, RegExp];
  // [what, sheet, header, row index or [header, value] to find the row, new value, rule, message]
  const cases: Case[] = [
    ["duplicate code", "Chỉ tiêu", "Mã", ["Mã", "tt_truc_tuyen"], "tt_tong", "template.duplicate-code", /Mã chỉ tiêu "tt_tong" trùng \(đã có ở dòng chỉ tiêu thứ 1\)/],
    ["invalid code", "Chỉ tiêu", "Mã", ["Mã", "tcd_luot"], "TCD Lượt", "template.invalid-code", /Mã chỉ tiêu "TCD Lượt" không hợp lệ/],
    ["a kind that does not exist", "Chỉ tiêu", "Loại", ["Mã", "tt_tong"], "so", "template.unknown-kind", /Chỉ tiêu "tt_tong": loại "so" không có/],
    ["unknown parent", "Chỉ tiêu", "Thuộc tổng", ["Mã", "tt_truc_tiep"], "tt_tongg", "template.unknown-parent", /Chỉ tiêu "tt_truc_tiep" là phần của "tt_tongg" nhưng mẫu không có chỉ tiêu này/],
    ["part-of cycle", "Chỉ tiêu", "Thuộc tổng", ["Mã", "tt_tong"], "tt_truc_tiep", "template.cycle", /là phần của chính nó qua vòng: tt_tong → tt_truc_tiep → tt_tong/],
    ["a group that does not exist", "Chỉ tiêu", "Nhóm", ["Mã", "hn_kinh_phi"], 7, "template.unknown-group", /thuộc nhóm 7 nhưng mẫu không có nhóm này/],
    ["a group that is not a number", "Chỉ tiêu", "Nhóm", ["Mã", "hn_kinh_phi"], "ba", "template.number", /"ba" không phải một số/],
    ["a rule naming an unknown code", "Quy tắc", "Các chỉ tiêu", ["Mã quy tắc", "tt.sum"], "tt_truc_tiep, tt_online", "template.unknown-code", /Quy tắc "tt.sum" nhắc chỉ tiêu "tt_online" nhưng mẫu không có/],
    ["ratio without numerator", "Quy tắc", "Các chỉ tiêu", ["Mã quy tắc", "tcd.ratio"], null, "template.ratio-numerator", /Quy tắc tỷ lệ "tcd.ratio" thiếu tử số/],
    ["ratio without denominator", "Quy tắc", "Mẫu số", ["Mã quy tắc", "tcd.ratio"], null, "template.ratio-denominator", /Quy tắc tỷ lệ "tcd.ratio" thiếu mẫu số/],
    ["an expression that does not parse", "Quy tắc", "Điều kiện / biểu thức", ["Mã quy tắc", "hn.thon"], "hn_da_to_chuc <= hn_so_thon )", "template.expression", /không hiểu "\)" ở vị trí 29/],
    ["an expression naming an unknown code", "Quy tắc", "Điều kiện / biểu thức", ["Mã quy tắc", "hn.thon"], "hn_da_to_chuc <= hn_so_ton", "template.expression", /không có chỉ tiêu "hn_so_ton"/],
    ["a rule kind that does not exist", "Quy tắc", "Loại", ["Mã quy tắc", "hn.thon"], "bieu-thuc", "template.unknown-rule-kind", /Quy tắc "hn.thon": loại "bieu-thuc" không có/],
    ["a severity that does not exist", "Quy tắc", "Mức độ", ["Mã quy tắc", "tt.sum"], "loi", "template.severity", /Quy tắc "tt.sum": mức độ "loi" không có/],
    ["duplicate rule id", "Quy tắc", "Mã quy tắc", ["Mã quy tắc", "tt.register"], "tt.sum", "template.duplicate-rule", /Mã quy tắc "tt.sum" trùng/],
    ["a register column a rule needs is missing", "Quy tắc", "Điều kiện / biểu thức", ["Mã quy tắc", "tt.register"], "tt_tong; tt_truc_tiep: kenh = truc_tiep", "template.unknown-column", /dùng cột "kenh" mà sổ "hoat_dong" không có/],
    ["a count on a register that does not exist", "Quy tắc", "Sổ", ["Mã quy tắc", "tt.register"], "hoat_dong_x", "template.unknown-register", /đếm sổ "hoat_dong_x" nhưng mẫu không có sổ này/],
    ["a filter on a choice the column does not have", "Quy tắc", "Điều kiện / biểu thức", ["Mã quy tắc", "tt.register"], "tt_truc_tiep: hinh_thuc = truc_tiep_x", "template.unknown-option", /cột "hinh_thuc" của sổ "hoat_dong" không có lựa chọn "truc_tiep_x"/],
    ["an unreadable count", "Quy tắc", "Điều kiện / biểu thức", ["Mã quy tắc", "tt.register"], "tt_tong; tt truc tiep", "template.condition", /Chỉ tiêu đếm "tt truc tiep" không đọc được/],
    ["a sentence naming an unknown code", "Câu văn", "Câu văn (tiếng Việt)", 0, "Công tác tuyên truyền: {tt_tongg} cuộc.", "template.placeholder", /"'Câu văn'!D4" nhắc chỉ tiêu \{tt_tongg\} nhưng mẫu không có/],
    ["a group for a level that does not exist", "Câu văn", "Áp dụng cho cấp", 2, "huyen", "template.unknown-level", /Nhóm 3 áp dụng cho cấp "huyen" nhưng mẫu không có cấp này \(có: tinh, xa\)/],
    ["a column type that does not exist", "Sổ theo dõi", "Kiểu", ["Mã cột", "ngay"], "ngay_thang", "template.field-type", /Sổ "hoat_dong", cột "ngay": kiểu "ngay_thang" không có/],
    ["a list column with no choices", "Sổ theo dõi", "Lựa chọn", ["Mã cột", "hinh_thuc"], null, "template.options", /cột chọn trong danh sách cần các lựa chọn/],
    ["a yes/no column with another word", "Chỉ tiêu", "In trong phụ lục", 0, "Ừ", "template.yes-no", /"Ừ" phải là Có hoặc Không/],
  ];

  test.each(cases)("%s", (_what, sheet, header, where, value, rule, message) => {
    const snap = snapshotOfPlan(planDesigner(provinceTemplate()));
    const row = typeof where === "number" ? where : rowWhere(snap, sheet, where[0], where[1]);
    const cell = setCell(snap, sheet, header, row, value);
    const r = checkDesigner(snap);
    const f = r.findings.find((x) => x.rule === rule);
    expect(f).toBeDefined();
    expect(f!.cells).toEqual([cell]);
    expect(f!.message).toMatch(message);
    expect(f!.severity).toBe("error");
  });

  test("a report sentence (a row of \"Câu văn\" by its item) naming an unknown code", () => {
    const snap = snapshotOfPlan(planDesigner(qcdc()));
    const row = rowWhere(snap, "Câu văn", "Mục", "sentences.fragments.vb_cu[0].text");
    const cell = setCell(snap, "Câu văn", "Câu văn (tiếng Việt)", row, "cấp ủy ban hành {vb_cap_uyy} văn bản");
    const f = checkDesigner(snap).findings;
    expect(f.map((x) => [x.rule, x.cells])).toEqual([["template.placeholder", [cell]]]);
    expect(f[0].message).toMatch(/nhắc chỉ tiêu \{vb_cap_uyy\} nhưng mẫu không có chỉ tiêu này/);
  });

  test("the report's sentences, appendix lines and draft phrases are rows of \"Câu văn\", edited there", () => {
    const snap = snapshotOfPlan(planDesigner(qcdc()));
    const row = rowWhere(snap, "Câu văn", "Mục", "sentences.noData");
    setCell(snap, "Câu văn", "Câu văn (tiếng Việt)", row, "chưa có số liệu báo cáo");
    const t = readDesigner(snap).template as unknown as { sentences: { noData: string }; draftPhrases: unknown };
    expect(t.sentences.noData).toBe("chưa có số liệu báo cáo");
    expect(t.draftPhrases).toEqual((qcdc() as unknown as { draftPhrases: unknown }).draftPhrases);
  });

  test("messages in English with lang en", () => {
    const snap = snapshotOfPlan(planDesigner(provinceTemplate()));
    setCell(snap, "Chỉ tiêu", "Loại", 0, "so");
    const f = checkDesigner(snap, { lang: "en" }).findings[0];
    expect(f.message).toBe('Indicator "tt_tong": kind "so" does not exist (use: count, money, percent, yesno).');
  });

  test("a missing sheet is named", () => {
    const snap = snapshotOfPlan(planDesigner(provinceTemplate()));
    snap.sheets = snap.sheets.filter((s) => s.name !== "Chỉ tiêu");
    const r = checkDesigner(snap);
    expect(r.findings[0].message).toMatch(/Không thấy trang "Chỉ tiêu" \(bảng PLM_ChiTieu\)/);
  });
});

describe("a template as JSON", () => {
  test("the JSON file has its format and version; read back it is the template", () => {
    const text = templateJsonText(qcdc());
    const o = JSON.parse(text);
    expect(o.format).toBe("phuluc-template/1");
    expect(o.version).toBe(1);
    expect(parseTemplateText(text).template).toEqual({ ...qcdc(), version: 1 });
  });

  test("mistakes of a JSON template are at JSON paths", () => {
    const t = provinceTemplate() as unknown as Record<string, any>;
    t.indicators[3].code = "tt_tong";
    t.rules[2].denominator = "";
    t.groups[0].heading.vi = "{khong_co}";
    const f = checkTemplate(t);
    expect(f.map((x) => [x.rule, x.path])).toEqual([
      ["template.duplicate-code", "indicators[3].code"],
      ["template.ratio-denominator", "rules[2].denominator"],
      ["template.placeholder", "groups[0].heading.vi"],
    ]);
  });

  test("not JSON: the line and column; a data file: what it is", () => {
    expect(parseTemplateText('{\n  "format": "phuluc-template/1",\n  "id": x\n}').findings[0].message).toMatch(/không phải JSON hợp lệ \(dòng 3, cột 9\)/);
    expect(parseTemplateText('{"template": "qcdc-2021", "values": {}}').findings[0].message).toMatch(/Đây là tệp số liệu \(mẫu qcdc-2021\), không phải tệp mẫu báo cáo/);
  });

  test("inside a workbook: chunks under Excel's cell limit, none that Excel would read as a formula, read back whole", () => {
    const big = qcdc();
    const t = { ...big, indicators: Array.from({ length: 400 }, (_x, i) => ({ ...big.indicators[0], code: "c" + i, label: { vi: "=".repeat(200) + i, en: "x" } })) };
    const cells = embedTemplate(t);
    expect(cells.length).toBeGreaterThan(3);
    for (const c of cells.slice(1)) {
      expect(c.length).toBeLessThanOrEqual(32767);
      expect(c.startsWith("~")).toBe(true);
    }
    const rows = cells.map((v) => [...Array.from({ length: EMBED.col }, () => ({ v: null })), { v }]);
    expect(JSON.parse(embeddedTemplateText(rows)!).indicators).toHaveLength(400);
  });
});
