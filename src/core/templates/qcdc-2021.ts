import type { TemplateDef, IndicatorDef, IndicatorKind, Text } from "../types";

/**
 * Template `qcdc-2021`, exactly as fixed by the spec (../shared/spec/qcdc-2021.md).
 * Data only: the engine interprets it.
 */

function ind(
  group: number,
  code: string,
  vi: string,
  en: string,
  unit: Text,
  kind: IndicatorKind,
  partOf?: string,
  printed = true,
): IndicatorDef {
  const d: IndicatorDef = { code, group, label: { vi, en }, unit, kind };
  if (partOf) d.partOf = partOf;
  if (!printed) d.printed = false;
  return d;
}

const U = {
  vanBan: { vi: "văn bản", en: "documents" },
  doan: { vi: "đoàn", en: "teams" },
  donVi: { vi: "đơn vị", en: "units" },
  cuoc: { vi: "cuộc", en: "sessions" },
  dichVu: { vi: "dịch vụ", en: "services" },
  pct: { vi: "%", en: "%" },
  don: { vi: "đơn", en: "petitions" },
  vuViec: { vi: "vụ việc", en: "cases" },
  dong: { vi: "đồng", en: "VND" },
};

export const qcdc2021: TemplateDef = {
  id: "qcdc-2021",
  title: {
    vi: "Phụ lục số liệu báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở (mẫu 2021)",
    en: "Numeric appendix of the grassroots democracy (QCDC) report (2021 form)",
  },
  levels: [
    { id: "tinh", label: { vi: "Cấp tỉnh", en: "Province level" } },
    {
      id: "huyen",
      label: { vi: "Cấp huyện", en: "District level" },
      until: "2025-07-01",
      untilMessage: {
        vi: "cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025 (chính quyền địa phương hai cấp); báo cáo lập sau ngày này nên chọn cấp tỉnh hoặc cấp xã (mẫu dccs-2025).",
        en: "the district level ended on 1 July 2025 (two-tier local government); a report made after that date should choose the province or commune level (template dccs-2025).",
      },
    },
    { id: "xa", label: { vi: "Cấp xã", en: "Commune level" } },
  ],
  groups: [
    {
      id: 1,
      heading: {
        vi: "Tổng số văn bản đã ban hành trong năm: {vb_tong}, trong đó: cấp ủy: {vb_cap_uy}; chính quyền: {vb_chinh_quyen}.",
        en: "Documents issued in the year: {vb_tong}, of which Party committee: {vb_cap_uy}; government: {vb_chinh_quyen}.",
      },
    },
    {
      id: 2,
      heading: {
        vi: "Công tác kiểm tra, giám sát việc thực hiện QCDC ở cơ sở:",
        en: "Inspection and supervision of QCDC implementation:",
      },
    },
    { id: 3, heading: { vi: "Công tác tuyên truyền, tập huấn:", en: "Communication and training:" } },
    { id: 4, heading: { vi: "Cải cách hành chính:", en: "Administrative reform:" } },
    { id: 5, heading: { vi: "Đơn thư:", en: "Complaints and denunciations:" } },
    {
      id: 6,
      heading: {
        vi: "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp: {dth_tong} cuộc.",
        en: "Dialogue conferences between the heads of the Party committee and government and citizens and businesses: {dth_tong}.",
      },
    },
    { id: 7, heading: { vi: "{level}:", en: "{level}:" } },
    {
      id: 8,
      heading: {
        vi: "Kết quả tổ chức thực hiện các chính sách hỗ trợ người dân gặp khó khăn do đại dịch Covid-19.",
        en: "Support policies for people affected by the Covid-19 pandemic.",
      },
    },
    {
      id: 9,
      heading: {
        vi: "Số cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức: {cbccvc_da_to_chuc}/{cbccvc_tong_don_vi} đơn vị đạt tỷ lệ: {cbccvc_ty_le}.",
        en: "Agencies and units that held a civil servants' conference: {cbccvc_da_to_chuc}/{cbccvc_tong_don_vi} units, ratio: {cbccvc_ty_le}.",
      },
    },
  ],
  indicators: [
    ind(1, "vb_tong", "Tổng số văn bản đã ban hành trong năm", "Documents issued in the year", U.vanBan, "count"),
    ind(1, "vb_cap_uy", "Cấp ủy", "Party committee", U.vanBan, "count", "vb_tong"),
    ind(1, "vb_chinh_quyen", "Chính quyền", "Government", U.vanBan, "count", "vb_tong"),
    ind(2, "kt_so_doan", "Tổng số đoàn kiểm tra", "Inspection teams", U.doan, "count"),
    ind(2, "kt_so_don_vi", "Tổng số đơn vị, cơ sở được kiểm tra", "Units inspected", U.donVi, "count"),
    ind(3, "tt_hoi_nghi", "Số lượng các cuộc hội nghị, hội thảo, tập huấn", "Conferences, workshops and trainings", U.cuoc, "count"),
    ind(3, "tt_rieng", "Tổ chức riêng", "Held on their own", U.cuoc, "count", "tt_hoi_nghi"),
    ind(3, "tt_long_ghep", "Lồng ghép", "Integrated into other events", U.cuoc, "count", "tt_hoi_nghi"),
    ind(4, "cchc_dvc_tong", "Tổng số dịch vụ công cung cấp", "Public services provided", U.dichVu, "count", undefined, false),
    ind(4, "cchc_dvc_muc3", "Số lượng dịch vụ công trực tuyến mức độ 3", "Level-3 online public services", U.dichVu, "count", "cchc_dvc_tong"),
    ind(4, "cchc_dvc_muc4", "Số lượng dịch vụ công trực tuyến mức độ 4", "Level-4 online public services", U.dichVu, "count", "cchc_dvc_tong"),
    ind(
      4,
      "cchc_dvc_ty_le",
      "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4/tổng số dịch vụ công cung cấp",
      "Share of level-3 and level-4 online services in all services provided",
      U.pct,
      "percent",
    ),
    ind(5, "dt_tong", "Tổng số đơn thư khiếu nại, tố cáo thuộc thẩm quyền", "Complaints and denunciations within competence", U.don, "count", undefined, false),
    ind(5, "dt_da_giai_quyet", "Số đơn thư đã giải quyết", "Complaints resolved", U.don, "count", "dt_tong", false),
    ind(5, "dt_ty_le", "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo", "Share of complaints resolved", U.pct, "percent"),
    ind(5, "dt_ton_dong_da_gq", "Số vụ việc tồn đọng, kéo dài: Đã giải quyết", "Long-standing cases: resolved", U.vuViec, "count"),
    ind(5, "dt_ton_dong_chua_gq", "Số vụ việc tồn đọng, kéo dài: Chưa giải quyết", "Long-standing cases: unresolved", U.vuViec, "count"),
    ind(
      6,
      "dth_tong",
      "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp",
      "Dialogue conferences of the heads with citizens and businesses",
      U.cuoc,
      "count",
    ),
    ind(7, "dth_cap_uy", "Người đứng đầu cấp ủy", "Chaired by the head of the Party committee", U.cuoc, "count", "dth_tong"),
    ind(7, "dth_chinh_quyen", "Người đứng đầu chính quyền", "Chaired by the head of government", U.cuoc, "count", "dth_tong"),
    ind(8, "cv_tong", "Tổng số kinh phí hỗ trợ", "Total support", U.dong, "money"),
    ind(8, "cv_doanh_nghiep", "Doanh nghiệp", "Businesses", U.dong, "money", "cv_tong"),
    ind(8, "cv_nguoi_lao_dong", "Người lao động", "Workers", U.dong, "money", "cv_tong"),
    ind(8, "cv_khac", "Đối tượng khác", "Others", U.dong, "money", "cv_tong"),
    ind(
      9,
      "cbccvc_da_to_chuc",
      "Số cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức",
      "Units that held a civil servants' conference",
      U.donVi,
      "count",
      "cbccvc_tong_don_vi",
    ),
    ind(9, "cbccvc_tong_don_vi", "Tổng số cơ quan, đơn vị", "Agencies and units", U.donVi, "count"),
    ind(9, "cbccvc_ty_le", "Tỷ lệ", "Ratio", U.pct, "percent"),
  ],
  registers: [
    {
      id: "van_ban",
      label: { vi: "Văn bản", en: "Documents" },
      rowNoun: { vi: "văn bản", en: "document" },
      fields: [
        { id: "symbol", label: { vi: "Số, ký hiệu", en: "Number and symbol" }, type: "symbol", required: true },
        { id: "date", label: { vi: "Ngày ban hành", en: "Date" }, type: "date", required: true },
        { id: "type", label: { vi: "Loại văn bản", en: "Type" }, type: "text", required: true },
        { id: "title", label: { vi: "Trích yếu", en: "Summary" }, type: "text", required: true },
        {
          id: "issuer",
          label: { vi: "Cấp ban hành", en: "Issuer" },
          type: "enum",
          derivedFrom: "symbol",
          options: [
            { value: "cap_uy", label: { vi: "Cấp ủy", en: "Party committee" } },
            { value: "chinh_quyen", label: { vi: "Chính quyền", en: "Government" } },
          ],
        },
      ],
    },
    {
      id: "kiem_tra",
      label: { vi: "Kiểm tra", en: "Inspections" },
      rowNoun: { vi: "đoàn kiểm tra", en: "inspection" },
      fields: [
        { id: "decision", label: { vi: "Quyết định thành lập đoàn", en: "Decision" }, type: "symbol", required: true },
        { id: "date", label: { vi: "Ngày", en: "Date" }, type: "date" },
        { id: "unit", label: { vi: "Đơn vị được kiểm tra", en: "Unit inspected" }, type: "text", required: true },
      ],
    },
    {
      id: "hoi_nghi",
      label: { vi: "Hội nghị", en: "Conferences" },
      rowNoun: { vi: "hội nghị", en: "conference" },
      fields: [
        { id: "title", label: { vi: "Tên hội nghị, hội thảo, tập huấn", en: "Title" }, type: "text", required: true },
        { id: "date", label: { vi: "Ngày", en: "Date" }, type: "date" },
        {
          id: "form",
          label: { vi: "Hình thức", en: "Form" },
          type: "enum",
          required: true,
          options: [
            { value: "rieng", label: { vi: "Tổ chức riêng", en: "On its own" } },
            { value: "long_ghep", label: { vi: "Lồng ghép", en: "Integrated" } },
          ],
        },
      ],
    },
    {
      id: "doi_thoai",
      label: { vi: "Đối thoại", en: "Dialogues" },
      rowNoun: { vi: "hội nghị đối thoại", en: "dialogue conference" },
      fields: [
        { id: "plan", label: { vi: "Kế hoạch (số, ký hiệu)", en: "Plan" }, type: "symbol" },
        { id: "date", label: { vi: "Ngày", en: "Date" }, type: "date" },
        {
          id: "chair",
          label: { vi: "Chủ trì", en: "Chair" },
          type: "enum",
          required: true,
          options: [
            { value: "cap_uy", label: { vi: "Người đứng đầu cấp ủy", en: "Head of the Party committee" } },
            { value: "chinh_quyen", label: { vi: "Người đứng đầu chính quyền", en: "Head of government" } },
            { value: "ca_hai", label: { vi: "Cả hai", en: "Both" } },
          ],
        },
        { id: "held", label: { vi: "Đã tổ chức", en: "Held" }, type: "boolean", required: true },
        { id: "title", label: { vi: "Nội dung", en: "Title" }, type: "text" },
      ],
    },
  ],
  rules: [
    { id: "vb.sum", kind: "sum", severity: "error", total: "vb_tong", parts: ["vb_cap_uy", "vb_chinh_quyen"] },
    {
      id: "vb.register",
      kind: "register-count",
      severity: "error",
      register: "van_ban",
      counts: [
        { indicator: "vb_tong" },
        { indicator: "vb_cap_uy", where: { issuer: ["cap_uy"] } },
        { indicator: "vb_chinh_quyen", where: { issuer: ["chinh_quyen"] } },
      ],
    },
    {
      id: "kt.teams",
      kind: "implies",
      severity: "error",
      clauses: [
        { if: { code: "kt_so_doan", op: ">", value: 0 }, then: { code: "kt_so_don_vi", op: ">", value: 0 } },
        { if: { code: "kt_so_don_vi", op: ">", value: 0 }, then: { code: "kt_so_doan", op: ">", value: 0 } },
      ],
    },
    {
      id: "kt.register",
      kind: "register-count",
      severity: "error",
      register: "kiem_tra",
      counts: [
        { indicator: "kt_so_doan", distinct: "decision" },
        { indicator: "kt_so_don_vi", distinct: "unit" },
      ],
    },
    { id: "tt.sum", kind: "sum", severity: "error", total: "tt_hoi_nghi", parts: ["tt_rieng", "tt_long_ghep"] },
    {
      id: "tt.register",
      kind: "register-count",
      severity: "error",
      register: "hoi_nghi",
      counts: [
        { indicator: "tt_hoi_nghi" },
        { indicator: "tt_rieng", where: { form: ["rieng"] } },
        { indicator: "tt_long_ghep", where: { form: ["long_ghep"] } },
      ],
    },
    { id: "dvc.parts", kind: "le", severity: "error", left: ["cchc_dvc_muc3", "cchc_dvc_muc4"], right: "cchc_dvc_tong" },
    {
      id: "dvc.ratio",
      kind: "ratio",
      severity: "error",
      ratio: "cchc_dvc_ty_le",
      numerator: ["cchc_dvc_muc3", "cchc_dvc_muc4"],
      denominator: "cchc_dvc_tong",
      impliedTotal: true,
      zeroDenominator: { severity: "warning" },
    },
    { id: "dt.resolved", kind: "le", severity: "error", left: ["dt_da_giai_quyet"], right: "dt_tong" },
    {
      id: "dt.ratio",
      kind: "ratio",
      severity: "error",
      ratio: "dt_ty_le",
      numerator: ["dt_da_giai_quyet"],
      denominator: "dt_tong",
      zeroDenominator: { severity: "warning" },
    },
    { id: "dth.part", kind: "le", severity: "error", left: ["dth_cap_uy", "dth_chinh_quyen"], right: "dth_tong", each: true },
    { id: "dth.parts", kind: "le", severity: "warning", left: ["dth_cap_uy", "dth_chinh_quyen"], right: "dth_tong" },
    {
      id: "dth.register",
      kind: "register-count",
      severity: "error",
      register: "doi_thoai",
      counts: [
        { indicator: "dth_tong", where: { held: ["true"] } },
        { indicator: "dth_cap_uy", where: { held: ["true"], chair: ["cap_uy", "ca_hai"] } },
        { indicator: "dth_chinh_quyen", where: { held: ["true"], chair: ["chinh_quyen", "ca_hai"] } },
      ],
    },
    { id: "cv.sum", kind: "sum", severity: "error", total: "cv_tong", parts: ["cv_doanh_nghiep", "cv_nguoi_lao_dong", "cv_khac"] },
    {
      id: "cv.period",
      kind: "period",
      severity: "info",
      indicators: ["cv_tong", "cv_doanh_nghiep", "cv_nguoi_lao_dong", "cv_khac"],
      fromYear: 2020,
      toYear: 2022,
    },
    { id: "cbccvc.le", kind: "le", severity: "error", left: ["cbccvc_da_to_chuc"], right: "cbccvc_tong_don_vi" },
    {
      id: "cbccvc.ratio",
      kind: "ratio",
      severity: "error",
      ratio: "cbccvc_ty_le",
      numerator: ["cbccvc_da_to_chuc"],
      denominator: "cbccvc_tong_don_vi",
      zeroDenominator: { severity: "warning" },
    },
  ],
};
