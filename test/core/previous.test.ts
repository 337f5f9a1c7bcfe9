import { getTemplate, registerTemplate } from "../../src/core/templates/index";
import { previousFromReport, previousFromDocx, planPrevious, readDocumentXml, describePlan } from "../../src/core/previous";
import type { TemplateDef } from "../../src/core/types";
import { example } from "./helpers";

const t = getTemplate("qcdc-2021")!;

describe("last year's figures from last year's data (workbook or JSON)", () => {
  test("the same template: every figure by its code, in normal form", () => {
    const r = previousFromReport(t, example());
    const byCode = Object.fromEntries(r.found.map((f) => [f.code, f.value]));
    expect(byCode).toMatchObject({ vb_tong: 8, tt_long_ghep: 4, cv_tong: 10424000, cchc_dvc_ty_le: "100%", dt_ty_le: "Không có" });
    expect(byCode.cchc_dvc_tong).toBeUndefined(); // blank last year: nothing to write
    expect(r.skipped).toEqual([]);
  });

  test("another template: only the same code with the same kind and unit; the rest listed", () => {
    const other: TemplateDef = JSON.parse(JSON.stringify(t));
    other.id = "qcdc-2021-khac";
    other.indicators.find((i) => i.code === "vb_tong")!.unit = { vi: "bản", en: "copies" };
    // kt_so_doan → a money figure of the same code.
    other.indicators.find((i) => i.code === "kt_so_doan")!.kind = "money";
    registerTemplate(other);
    const src = { ...example(), template: "qcdc-2021-khac" };
    src.values = { ...src.values, kt_so_doan: 5, chi_tieu_rieng: 7 };
    const r = previousFromReport(t, src);
    const codes = r.found.map((f) => f.code);
    expect(codes).toContain("vb_cap_uy");
    expect(codes).not.toContain("vb_tong");
    expect(codes).not.toContain("kt_so_doan");
    expect(r.skipped.map((s) => s.code).sort()).toEqual(["chi_tieu_rieng", "kt_so_doan", "vb_tong"]);
    expect(r.skipped.find((s) => s.code === "vb_tong")!.reason).toBe('khác đơn vị tính ("bản" / "văn bản")');
  });
});

describe("the plan never overwrites a typed value", () => {
  test("blank cells are written, typed ones kept and listed when they differ", () => {
    const read = previousFromReport(t, example());
    const plan = planPrevious(t, { vb_tong: 9, vb_cap_uy: "03" }, read);
    expect(plan.writes.map((w) => w.code)).not.toContain("vb_tong");
    expect(plan.writes.map((w) => w.code)).not.toContain("vb_cap_uy");
    expect(plan.kept).toEqual([{ code: "vb_tong", typed: "09", incoming: "08" }]);
    const text = describePlan(t, plan).map((p) => p.title + "\n" + p.lines.join("\n")).join("\n");
    expect(text).toContain("vb_tong: giữ 09 (tệp năm trước ghi 08)");
  });
});

describe("document.xml: paragraphs and tables", () => {
  test("table cells are kept apart from the body's paragraphs", () => {
    const xml =
      '<w:document><w:body><w:p><w:r><w:t>Mở đầu &amp; căn cứ</w:t></w:r></w:p>' +
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Tổng số đoàn kiểm tra</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>02</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" +
      "<w:p><w:r><w:t xml:space=\"preserve\">Kết </w:t></w:r><w:r><w:t>thúc</w:t></w:r></w:p></w:body></w:document>";
    expect(readDocumentXml(xml)).toEqual({ paragraphs: ["Mở đầu & căn cứ", "Kết thúc"], tables: [[["Tổng số đoàn kiểm tra", "02"]]] });
  });

  test("sentences, tables and the appendix agree or the code is left blank and listed", () => {
    const doc = {
      paragraphs: [
        "I. KẾT QUẢ THỰC HIỆN",
        "Trong năm, cấp ủy ban hành 03 văn bản, chính quyền ban hành 05 văn bản.",
        "Tổ chức 06 cuộc hội nghị, hội thảo, tập huấn.",
        "- Tổng số đoàn kiểm tra: 02",
      ],
      tables: [
        [
          ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"],
          ["1", "Số lượng các cuộc hội nghị, hội thảo, tập huấn", "cuộc", "05"],
          ["2", "Tổng số đơn vị, cơ sở được kiểm tra", "đơn vị", "03"],
          ["3", "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo", "%", "hơn 90%"],
        ],
      ],
    };
    const r = previousFromDocx(t, doc, { year: 2025 });
    const byCode = Object.fromEntries(r.found.map((f) => [f.code, f.value]));
    expect(byCode).toEqual({ vb_cap_uy: 3, vb_chinh_quyen: 5, kt_so_doan: 2, kt_so_don_vi: 3 });
    expect(r.unsure.map((u) => u.code).sort()).toEqual(["dt_ty_le", "tt_hoi_nghi"]);
    expect(r.unsure.find((u) => u.code === "tt_hoi_nghi")!.text).toContain("06");
  });

  test("sentences about another year are not last year's figures", () => {
    const r = previousFromDocx(t, { paragraphs: ["Năm 2023, cấp ủy ban hành 09 văn bản.", "Năm 2025, cấp ủy ban hành 03 văn bản."], tables: [] }, { year: 2025 });
    expect(r.found.map((f) => [f.code, f.value])).toEqual([["vb_cap_uy", 3]]);
  });
});

describe("last year's sentences of a province's own form (no draft phrases of its own)", () => {
  const province = JSON.parse(require("fs").readFileSync(require("path").join(__dirname, "..", "fixtures", "tinh-mau-2026.json"), "utf8")) as TemplateDef;
  registerTemplate(province);
  test("read through its labels; numbers about other things are not taken", () => {
    expect(province.draftPhrases).toBeUndefined();
    const r = previousFromDocx(
      province,
      { paragraphs: ["Số cuộc đối thoại với Nhân dân là 03 cuộc.", "Trong năm tiếp 169 lượt công dân; các tổ hòa giải nhận 122 đơn."], tables: [] },
      { year: 2025 },
    );
    const codes = Object.fromEntries(r.found.map((f) => [f.code, f.value]));
    expect(codes).toEqual({ doi_thoai: 3 });
  });
});
