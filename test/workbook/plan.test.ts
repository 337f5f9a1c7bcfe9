import { planWorkbook } from "../../src/core/sheet-plan";
import { buildLayout, derivedFormulas, MARKER, LAYOUT_VERSION, INFO_FIELDS } from "../../src/core/layout";
import { normalizeReport } from "../../src/core/normalize";
import type { SheetPlan, CellPlan } from "../../src/core/workbook-model";
import { exampleInput, template } from "./helpers";
import { richReport } from "./fixtures";

const t = template();
/** 0-based column of the code in the indicator sheet (layout 2: after the label). */
const CODE = 2;
const sheet = (plan: { sheets: SheetPlan[] }, role: string, register?: string) => plan.sheets.find((s) => s.role === role && (!register || s.register === register))!;
/** The cell of an indicator's column on the indicator sheet. */
function ind(plan: { sheets: SheetPlan[] }, code: string, col: "value" | "previous" | "status" = "value"): CellPlan {
  const s = sheet(plan, "indicators");
  const i = s.table.rows.findIndex((r) => r[CODE].v === code);
  const c = { value: 4, previous: 5, status: 6 }[col];
  return s.table.rows[i][c];
}

describe("planWorkbook: the layout", () => {
  const plan = planWorkbook(t);
  test("every sheet of the layout, in order, with its table, Vietnamese headers, freeze below the header", () => {
    const layout = buildLayout(t);
    expect(plan.sheets.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
    expect(plan.sheets.map((s) => s.name)).toEqual(["Phụ lục", "Thông tin", "Văn bản", "Kiểm tra", "Hội nghị", "Đối thoại", "Nội dung", "Quy tắc riêng", "Ngoại lệ"]);
    for (const [i, s] of plan.sheets.entries()) {
      const def = layout.sheets[i];
      expect(s.table.name).toBe(def.table);
      expect(s.table.headerRow).toBe(def.headerRow);
      expect(s.table.header).toEqual(def.columns.map((c) => c.header.vi));
      expect(s.freezeRows).toBe(def.headerRow);
      expect(s.preamble.length).toBe(def.headerRow - 1);
      expect(s.preamble[0][0]).toMatchObject({ v: def.title.vi, bold: true });
      expect(s.table.rows.length).toBeGreaterThan(0);
      expect(s.table.columns.map((c) => c.width)).toEqual(def.columns.map((c) => c.width));
    }
    expect(sheet(plan, "indicators").table.header).toEqual(["Nhóm", "Chỉ tiêu", "Mã", "Đơn vị tính", "Giá trị", "Năm trước", "Kiểm tra"]);
  });

  test("indicator sheet: one row per indicator in template order; tt_hoi_nghi on row 14", () => {
    const s = sheet(plan, "indicators");
    expect(s.table.rows.map((r) => r[CODE].v)).toEqual(t.indicators.map((d) => d.code));
    expect(s.table.rows[0][1].v).toBe(t.indicators[0].label.vi);
    const i = s.table.rows.findIndex((r) => r[CODE].v === "tt_hoi_nghi");
    expect(s.table.headerRow + 1 + i).toBe(14);
    expect(s.table.rows[i][0].v).toBe(3);
    expect(s.table.rows[i][3].v).toBe("cuộc");
  });

  test("empty workbook: sums and ratios hold the layout's derived formulas, ratios under 0.0%", () => {
    const f = derivedFormulas(t, buildLayout(t));
    expect(Object.keys(f).sort()).toEqual(["cbccvc_ty_le", "cchc_dvc_ty_le", "cv_tong", "dt_ty_le", "tt_hoi_nghi", "vb_tong"]);
    for (const [code, formula] of Object.entries(f)) expect(ind(plan, code).formula).toBe(formula);
    expect(ind(plan, "tt_hoi_nghi").formula).toBe('=IF(OR(COUNT(E15,E16)=0,COUNT(E15,E16)<COUNTA(E15,E16)),"",SUM(E15,E16))');
    expect(ind(plan, "cchc_dvc_ty_le").format).toBe("0.0%");
    expect(ind(plan, "dth_tong").formula).toBeUndefined();
    expect(ind(plan, "dth_tong").v).toBeNull();
    expect(ind(plan, "cv_tong").format).toBe("#,##0");
  });

  test("validation by kind on value and previous cells; the percent rule refers to its own cell", () => {
    expect(ind(plan, "vb_tong").validation!.rule).toEqual({ type: "whole", min: 0 });
    const p = ind(plan, "cchc_dvc_ty_le").validation!.rule as { type: string; formula: string };
    expect(p.type).toBe("custom");
    expect(p.formula).toContain("E20");
    const pp = ind(plan, "cchc_dvc_ty_le", "previous").validation!.rule as { formula: string };
    expect(pp.formula).toContain("F20");
  });

  test("status column: the ✓/✗ formulas by default, empty with statusFormulas: false; a hook fills it and learns the percent decimals", () => {
    expect(sheet(plan, "indicators").table.rows.some((r) => /^=/.test(r[6].formula ?? ""))).toBe(true);
    const bare = planWorkbook(t, normalizeReport(exampleInput()), { statusFormulas: false });
    expect(sheet(bare, "indicators").table.rows.every((r) => r[6].v === null && !r[6].formula)).toBe(true);
    let seen: Record<string, number> = {};
    const withHook = planWorkbook(t, normalizeReport(exampleInput()), {
      statusFormulas: (_t, _l, info) => {
        seen = info.percentDecimals;
        return { tt_hoi_nghi: '=IF(E14=E15+E16,"✓","✗")' };
      },
    });
    expect(ind(withHook, "tt_hoi_nghi", "status").formula).toBe('=IF(E14=E15+E16,"✓","✗")');
    expect(seen).toEqual({ cchc_dvc_ty_le: 0, dt_ty_le: 1, cbccvc_ty_le: 0 });
  });

  test("marker: very hidden sheet rows and the defined name", () => {
    expect(plan.marker.sheet).toBe("_phuluc");
    expect(plan.marker.rows[0]).toEqual([MARKER.magic, LAYOUT_VERSION]);
    expect(plan.marker.rows[1]).toEqual(["template", "qcdc-2021"]);
    expect(plan.marker.rows.slice(MARKER.firstRoleRow - 1)).toEqual(plan.sheets.map((s) => [s.table.name, s.name]));
    expect(plan.marker.name).toBe("PHULUC_LAYOUT");
    expect(plan.marker.ref).toBe("'_phuluc'!$B$1");
  });
});

describe("planWorkbook with data", () => {
  const data = normalizeReport(exampleInput());
  const plan = planWorkbook(t, data);

  test("values as values in their normal form, no formulas", () => {
    expect(ind(plan, "vb_tong")).toMatchObject({ v: 8, format: "#,##0" });
    expect(ind(plan, "tt_hoi_nghi")).toMatchObject({ v: 0 });
    expect(ind(plan, "tt_hoi_nghi").formula).toBeUndefined();
    expect(ind(plan, "cv_tong")).toMatchObject({ v: 10424000, format: "#,##0" });
    expect(ind(plan, "cchc_dvc_ty_le")).toMatchObject({ v: 1, format: "0%" });
    expect(ind(plan, "dt_ty_le")).toMatchObject({ v: "Không có" });
    expect(ind(plan, "cchc_dvc_tong").v).toBeNull();
  });

  test("percents keep their decimals; text needing interpretation stays text; fractional counts are not shown rounded", () => {
    const rich = planWorkbook(t, normalizeReport(richReport()));
    expect(ind(rich, "cchc_dvc_ty_le")).toMatchObject({ v: 0.889, format: "0.0%" });
    expect(ind(rich, "dt_ty_le")).toMatchObject({ v: 0.6667, format: "0.00%" });
    expect(ind(rich, "cbccvc_ty_le")).toMatchObject({ v: 0.875, format: "0.0%" });
    expect(ind(rich, "dt_ton_dong_chua_gq")).toMatchObject({ v: "01 vụ việc" });
    expect(ind(rich, "cchc_dvc_ty_le", "previous")).toMatchObject({ v: 0.75, format: "0%" });
    expect(ind(rich, "dt_ty_le", "previous")).toMatchObject({ v: "Không có" });
    const odd = planWorkbook(t, normalizeReport({ template: "qcdc-2021", values: { vb_tong: 1.5, dt_ty_le: 120 } }));
    expect(ind(odd, "vb_tong")).toMatchObject({ v: 1.5, format: "General" });
    expect(ind(odd, "dt_ty_le")).toMatchObject({ v: 120, format: "General" });
  });

  test("info sheet: one row per field, named in Vietnamese; recipients one per line with the Alt+Enter hint; date a real date; level as its label", () => {
    const s = sheet(plan, "info");
    expect(s.table.rows.map((r) => r[0].v)).toEqual(INFO_FIELDS.map((f) => f.name));
    expect(s.table.rows.map((r) => r[0].v)).toContain("Cơ quan báo cáo");
    for (const r of s.table.rows) expect(String(r[0].v)).not.toMatch(/^[a-z]+[A-Z]?[a-z]*$/);
    const get = (k: string) => s.table.rows.find((r) => r[0].v === INFO_FIELDS.find((f) => f.key === k)!.name)![2];
    expect(get("recipients").validation?.message.vi).toMatch(/Alt\+Enter/);
    expect(get("recipients").v).toBe("Sở Nội vụ\nTập thể lãnh đạo Sở\nCác phòng chuyên môn/đơn vị thuộc Sở\nLưu: VT, VP, Ha (01b)");
    expect(get("date")).toMatchObject({ v: 44514, format: "dd/mm/yyyy" });
    expect(get("level").v).toBe("Cấp tỉnh");
    expect(get("year").v).toBe(2021);
    expect(get("number").v).toBe("538");
    expect(get("signerAuthority").v).toBeNull();
  });

  test("registers: one row per entry; serial dates under dd/mm/yyyy; enum labels; Có/Không", () => {
    const vb = sheet(plan, "register", "van_ban");
    expect(vb.table.rows).toHaveLength(8);
    expect(vb.table.rows[0].map((c) => c.v)).toEqual([
      "166-KH/ĐU",
      44285,
      "Kế hoạch",
      data.registers.van_ban[0].title,
      "Cấp ủy",
    ]);
    expect(vb.table.rows[0][1].format).toBe("dd/mm/yyyy");
    expect(vb.table.rows[3][4].v).toBe("Chính quyền");
    const dt = sheet(plan, "register", "doi_thoai");
    expect(dt.table.rows.map((r) => [r[2].v, r[3].v])).toEqual([
      ["Cả hai", "Không"],
      ["Người đứng đầu chính quyền", "Không"],
    ]);
    expect(dt.table.columns[3].validation!.rule).toEqual({ type: "list", values: ["Có", "Không"] });
    // An empty register still has its table (one blank row) with formats for later rows.
    const hn = sheet(plan, "register", "hoi_nghi");
    expect(hn.table.rows).toHaveLength(1);
    expect(hn.table.rows[0].every((c) => c.v === null)).toBe(true);
    expect(hn.table.formatRows).toBeGreaterThanOrEqual(500);
  });

  test("sections, own rules and overrides sheets", () => {
    const rich = planWorkbook(t, normalizeReport(richReport()));
    expect(sheet(rich, "sections").table.rows.map((r) => r[0].v)).toEqual(["I. KHÁI QUÁT TÌNH HÌNH", "II. KẾT QUẢ"]);
    expect(sheet(rich, "rules").table.rows[0].map((c) => c.v)).toEqual(["don-vi-kiem-tra", "kt_so_don_vi <= cbccvc_tong_don_vi", "Cảnh báo", "Số đơn vị được kiểm tra vượt tổng số đơn vị"]);
    expect(sheet(rich, "overrides").table.rows[0].map((c) => c.v)).toEqual(["cv.period", "Tắt", "Năm 2021 vẫn trong giai đoạn hỗ trợ"]);
  });
});
