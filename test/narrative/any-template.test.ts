/**
 * A province's own form with no sentences (test/fixtures/tinh-mau-2026.json: 11
 * indicators, one register, two rules) gets a usable summary and report on day one:
 * sentences made from the labels, units and parts, figures padded as the summary pads them,
 * blank items left out, a group wholly blank says nothing, never "chưa có số liệu".
 */
import * as fs from "fs";
import * as path from "path";
import type { ReportData, TemplateDef } from "../../src/core/types";
import { registerTemplate, getTemplate } from "../../src/core/templates/index";
import { normalizeReport } from "../../src/core/normalize";
import { buildSummary } from "../../src/core/narrative/summary";
import { buildReport } from "../../src/core/narrative/report";
import { renderText } from "../../src/core/render/text";
import { check } from "../../src/core/engine";

const TEMPLATE = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/tinh-mau-2026.json"), "utf8")) as TemplateDef;
registerTemplate(TEMPLATE);

function report(values: Record<string, unknown>, extra: Partial<ReportData> = {}): ReportData {
  return normalizeReport({
    template: "tinh-hb-2026",
    report: { agency: "Ủy ban nhân dân xã Tân Lập", level: "xa", year: 2026, number: "15", symbol: "BC-UBND", date: "2026-12-10", place: "Tân Lập" },
    values,
    registers: {},
    ...extra,
  } as ReportData);
}

const FULL = {
  van_ban_tong: 6,
  van_ban_cap_uy: "02",
  van_ban_chinh_quyen: 4,
  tiep_cong_dan: 120,
  doi_thoai: 3,
  huong_uoc_tong: 12,
  huong_uoc_cong_nhan: 10,
  dvc_tong: 45,
  dvc_toan_trinh: 30,
  dvc_ty_le_ho_so: "85,5%",
  kinh_phi: "15.000.000",
};

test("the template is registered and known by its id", () => {
  expect(getTemplate("tinh-hb-2026")?.indicators).toHaveLength(11);
});

test("every group a sentence made from its labels, units and parts", () => {
  const s = buildSummary(report(FULL));
  expect(s.warnings).toEqual([]);
  expect(s.text).toBe(
    [
      "Tổng số văn bản đã ban hành là 06 văn bản; trong đó cấp ủy 02 văn bản, chính quyền 04 văn bản.",
      "Số lượt tiếp công dân là 120 lượt. Số cuộc đối thoại với Nhân dân là 03 cuộc.",
      "Tổng số hương ước, quy ước là 12 bản; trong đó được công nhận 10 bản.",
      "Tổng số dịch vụ công trực tuyến là 45 dịch vụ; trong đó toàn trình 30 dịch vụ. Tỷ lệ hồ sơ nộp trực tuyến là 85,5%.",
      "Kinh phí thực hiện là 15.000.000 đồng.",
    ].join("\n\n"),
  );
  // Each sentence says which figures it prints (the pane links sentences to cells with them).
  expect(s.paragraphs[0][0].prints).toEqual(["van_ban_cap_uy", "van_ban_chinh_quyen", "van_ban_tong"]);
});

test("unpadded on request; the comparison with last year when there is one", () => {
  const s = buildSummary(report(FULL, { previous: { van_ban_tong: 9, dvc_ty_le_ho_so: "80%" } }), { pad: false });
  expect(s.paragraphs[0][0].text).toBe("Tổng số văn bản đã ban hành là 6 văn bản, giảm 3 văn bản so với năm 2025; trong đó cấp ủy 2 văn bản, chính quyền 4 văn bản.");
  expect(s.text).toContain("Tỷ lệ hồ sơ nộp trực tuyến là 85,5%, tăng 5,5 điểm phần trăm so với năm 2025.");
});

test("blank items are left out; a group wholly blank says nothing; never 'chưa có số liệu'", () => {
  const v = { ...FULL, van_ban_cap_uy: null, doi_thoai: "", huong_uoc_tong: null, huong_uoc_cong_nhan: null, kinh_phi: "" };
  const d = report(v);
  const s = buildSummary(d);
  expect(s.text).toBe(
    [
      "Tổng số văn bản đã ban hành là 06 văn bản; trong đó chính quyền 04 văn bản.",
      "Số lượt tiếp công dân là 120 lượt.",
      "Tổng số dịch vụ công trực tuyến là 45 dịch vụ; trong đó toàn trình 30 dịch vụ. Tỷ lệ hồ sơ nộp trực tuyến là 85,5%.",
    ].join("\n\n"),
  );
  const text = renderText(buildReport(d).doc);
  expect(text).not.toContain("chưa có số liệu");
  expect(text).not.toMatch(/hương ước/i);
  expect(text).not.toContain("Kinh phí");
});

test("a total blank with its parts given: the parts under the total's label", () => {
  const s = buildSummary(report({ ...FULL, van_ban_tong: null }));
  expect(s.paragraphs[0][0].text).toBe("Tổng số văn bản đã ban hành: cấp ủy 02 văn bản, chính quyền 04 văn bản.");
});

test("a zero is said, not left out", () => {
  const s = buildSummary(report({ ...FULL, doi_thoai: 0 }));
  expect(s.text).toContain("Số cuộc đối thoại với Nhân dân là 0 cuộc.");
});

test("nothing at all: no summary, and the report still reads", () => {
  const d = report({});
  expect(buildSummary(d).text).toBe("");
  const text = renderText(buildReport(d).doc);
  expect(text).toContain("Ủy ban nhân dân xã Tân Lập báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2026 như sau:");
  expect(text).not.toContain("chưa có số liệu");
});

test("the whole report: header, summary, register list, closing, appendix of the given figures", () => {
  const d = report(FULL, {
    registers: {
      van_ban: [
        { symbol: "12-KH/ĐU", date: "2026-03-02", title: "Kế hoạch thực hiện dân chủ ở cơ sở năm 2026", issuer: "cap_uy" },
        { symbol: "35/QĐ-UBND", date: "2026-04-15", title: "Quy chế tiếp công dân", issuer: "chinh_quyen" },
      ],
    },
  });
  const r = buildReport(d);
  const text = renderText(r.doc);
  expect(r.warnings.map((w) => w.code)).toEqual(["data.errors"]); // the register holds 2 documents, the figures 6
  const order = [
    "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
    "Số: 15/BC-UBND",
    "Tân Lập, ngày 10 tháng 12 năm 2026",
    "Ủy ban nhân dân xã Tân Lập báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2026 như sau:",
    "Tổng số văn bản đã ban hành là 06 văn bản; trong đó cấp ủy 02 văn bản, chính quyền 04 văn bản.",
    "Kinh phí thực hiện là 15.000.000 đồng.",
    "Danh sách văn bản:",
    "- Kế hoạch thực hiện dân chủ ở cơ sở năm 2026 (số 12-KH/ĐU, ngày 02/3/2026, cấp ủy);",
    "- Quy chế tiếp công dân (số 35/QĐ-UBND, ngày 15/4/2026, chính quyền).",
    "Trên đây là báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2026 của Ủy ban nhân dân xã Tân Lập./.",
    "PHỤ LỤC SỐ LIỆU",
    "1. Văn bản lãnh đạo, chỉ đạo",
    "- Cấp ủy: 02",
    "3. Hương ước, quy ước",
    "- Được công nhận: 10",
    "- Tỷ lệ hồ sơ nộp trực tuyến: 85,5%",
    "5. Kinh phí",
    "- Kinh phí thực hiện: 15.000.000 đồng",
  ];
  let at = -1;
  for (const line of order) {
    const i = text.indexOf(line, at + 1);
    expect([line, i > at]).toEqual([line, true]);
    at = i;
  }
});

test("sections with placeholders: the summary, a figure, the register list", () => {
  const d = report(FULL, {
    registers: { van_ban: [{ symbol: "12-KH/ĐU", date: "2026-03-02", title: "Kế hoạch năm 2026", issuer: "cap_uy" }] },
    sections: [
      { heading: "I. KẾT QUẢ", text: "{tom_tat}\nĐã tiếp {tiep_cong_dan} lượt công dân.\n{ds_van_ban}" },
      { heading: "II. PHỤ LỤC", text: "{phu_luc}" },
    ],
  });
  const r = buildReport(d);
  const text = renderText(r.doc);
  expect(r.warnings.filter((w) => w.code.startsWith("placeholder"))).toEqual([]);
  expect(text).toContain("Số lượt tiếp công dân là 120 lượt.");
  expect(text).toContain("Đã tiếp 120 lượt công dân.");
  expect(text).toContain("- Kế hoạch năm 2026 (số 12-KH/ĐU, ngày 02/3/2026, cấp ủy).");
  expect(text.match(/PHỤ LỤC SỐ LIỆU/g)).toHaveLength(1);
});

test("a group applying at another level is not in the appendix", () => {
  const d = report({ ...FULL, huong_uoc_tong: null, huong_uoc_cong_nhan: null });
  d.report.level = "tinh";
  const text = renderText(buildReport(d).doc);
  expect(text).not.toMatch(/Hương ước/);
  expect(text).toContain("3. Dịch vụ công trực tuyến");
});

test("its two rules check the figures", () => {
  const d = report(
    { ...FULL, van_ban_tong: 5 },
    { registers: { van_ban: [{ symbol: "12-KH/ĐU", date: "2026-03-02", title: "Kế hoạch", issuer: "cap_uy" }] } },
  );
  const rules = check(d).findings.filter((f) => f.severity === "error").map((f) => f.rule);
  expect(rules.sort()).toEqual(["vb.so", "vb.tong"]);
});
