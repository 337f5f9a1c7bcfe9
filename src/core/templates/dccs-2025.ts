import type { TemplateDef, IndicatorDef, IndicatorKind, RegisterDef, Text } from "../types";
import { qcdc2021 } from "./qcdc-2021";

/**
 * Template `dccs-2025`, as fixed by its spec (docs/spec/dccs-2025.md): the report on
 * implementing grassroots democracy under Law 10/2022/QH15 (amended 2024, 2025), local
 * government in two tiers from 1 July 2025 (no district level). A draft that the receiving
 * body adjusts. Data only: the engine interprets it.
 *
 * Sources of the indicators (the spec's table): S the Law's own duties, P figures real
 * reports print, I inference. Groups 1, 2, 3, 5 (P); 4 (S, P); 6 (S: Decree 42/2022,
 * 224/2026); 7 (S: Law ch. II, Decree 61/2023 Art. 16); 8 (S: Law ch. III); 9 (S: Law ch. IV).
 */

function ind(group: number, code: string, vi: string, en: string, unit: Text, kind: IndicatorKind, partOf?: string, extra: Partial<IndicatorDef> = {}): IndicatorDef {
  const d: IndicatorDef = { code, group, label: { vi, en }, unit, kind };
  if (partOf) d.partOf = partOf;
  return Object.assign(d, extra);
}

const U = {
  vanBan: { vi: "văn bản", en: "documents" },
  cuoc: { vi: "cuộc", en: "sessions" },
  donVi: { vi: "đơn vị", en: "units" },
  luot: { vi: "lượt người", en: "attendances" },
  thuTuc: { vi: "thủ tục", en: "procedures" },
  pct: { vi: "%", en: "%" },
  nhom: { vi: "nhóm", en: "groups" },
  noiDung: { vi: "nội dung", en: "matters" },
  ban: { vi: "bản", en: "charters" },
  thon: { vi: "thôn, tổ dân phố", en: "villages and residential groups" },
  banTt: { vi: "ban", en: "boards" },
  nguoi: { vi: "người", en: "people" },
  dn: { vi: "doanh nghiệp", en: "enterprises" },
  none: { vi: "", en: "" },
};

/** Complaints (group 5) are as in qcdc-2021, in group 5 here too. */
const complaints: IndicatorDef[] = qcdc2021.indicators.filter((i) => i.group === 5).map((i) => ({ ...i, group: 5 }));

const q = (id: string): RegisterDef => {
  const r = qcdc2021.registers.find((x) => x.id === id);
  if (!r) throw new Error("qcdc-2021 has no register " + id);
  return r;
};

const doiThoai: RegisterDef = {
  ...q("doi_thoai"),
  fields: [
    ...q("doi_thoai").fields.filter((f) => f.id !== "title"),
    {
      id: "form",
      label: { vi: "Hình thức", en: "Form" },
      type: "enum",
      required: true,
      options: [
        { value: "truc_tiep", label: { vi: "Trực tiếp", en: "In person" } },
        { value: "truc_tuyen", label: { vi: "Trực tuyến hoặc qua mạng xã hội", en: "Online or through a social network" } },
      ],
    },
    ...q("doi_thoai").fields.filter((f) => f.id === "title"),
  ],
};

const kiemTra: RegisterDef = {
  ...q("kiem_tra"),
  label: { vi: "Kiểm tra", en: "Inspections" },
  rowNoun: { vi: "cuộc kiểm tra, giám sát", en: "inspection" },
  fields: q("kiem_tra").fields.map((f) =>
    f.id === "decision" ? { ...f, label: { vi: "Quyết định, kế hoạch kiểm tra, giám sát", en: "Decision or plan" } } : f.id === "unit" ? { ...f, label: { vi: "Cơ quan, đơn vị, địa phương được kiểm tra, giám sát", en: "Unit inspected" } } : f,
  ),
};

export const dccs2025: TemplateDef = {
  id: "dccs-2025",
  title: {
    vi: "Phụ lục số liệu báo cáo kết quả thực hiện dân chủ ở cơ sở (mẫu 2025, chính quyền địa phương hai cấp)",
    en: "Numeric appendix of the report on implementing grassroots democracy (2025 form, two-tier local government)",
  },
  draft: {
    vi: "Bản nháp — cơ quan tổng hợp điều chỉnh theo đề cương của mình",
    en: "Draft — the receiving body adjusts it to its own outline",
  },
  subject: { vi: "thực hiện dân chủ ở cơ sở", en: "implementing grassroots democracy" },
  blankGroupsNotApplicable: true,
  levels: [
    { id: "tinh", label: { vi: "Cấp tỉnh", en: "Province level" } },
    { id: "xa", label: { vi: "Cấp xã", en: "Commune level" } },
  ],
  endedLevels: [
    {
      id: "huyen",
      label: { vi: "Cấp huyện", en: "District level" },
      since: "2025-07-01",
      message: {
        vi: "cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025 (chính quyền địa phương hai cấp); mẫu dccs-2025 chỉ có cấp tỉnh và cấp xã.",
        en: "the district level ended on 1 July 2025 (two-tier local government); template dccs-2025 has only the province and commune levels.",
      },
    },
  ],
  groups: [
    { id: 1, heading: { vi: "Văn bản lãnh đạo, chỉ đạo thực hiện dân chủ ở cơ sở:", en: "Documents directing the implementation of grassroots democracy:" } },
    { id: 2, heading: { vi: "Kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở:", en: "Inspection and supervision:" } },
    { id: 3, heading: { vi: "Tuyên truyền, phổ biến pháp luật về thực hiện dân chủ ở cơ sở:", en: "Communication of the law:" } },
    { id: 4, heading: { vi: "Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân:", en: "Dialogues of the heads with the people:" } },
    { id: 5, heading: { vi: "Tiếp nhận, giải quyết đơn thư:", en: "Complaints and denunciations:" } },
    { id: 6, heading: { vi: "Dịch vụ công trực tuyến:", en: "Online public services:" } },
    { id: 7, heading: { vi: "Thực hiện dân chủ ở xã, phường, đặc khu:", en: "Grassroots democracy in communes, wards and special zones:" }, levels: ["xa", "tinh"] },
    { id: 8, heading: { vi: "Thực hiện dân chủ ở cơ quan, đơn vị:", en: "Grassroots democracy in agencies and units:" }, levels: ["tinh", "xa"] },
    { id: 9, heading: { vi: "Thực hiện dân chủ ở doanh nghiệp, tổ chức có sử dụng lao động:", en: "Grassroots democracy in enterprises and employers:" }, levels: ["tinh"] },
  ],
  indicators: [
    ind(1, "vb_tong", "Tổng số văn bản lãnh đạo, chỉ đạo thực hiện dân chủ ở cơ sở ban hành trong năm", "Documents directing grassroots democracy issued in the year", U.vanBan, "count", undefined, {
      short: { vi: "Tổng số văn bản", en: "Documents" },
    }),
    ind(1, "vb_cap_uy", "Cấp ủy", "Party committee", U.vanBan, "count", "vb_tong", { short: { vi: "Văn bản cấp ủy", en: "Party committee documents" } }),
    ind(1, "vb_chinh_quyen", "Chính quyền", "Government", U.vanBan, "count", "vb_tong", { short: { vi: "Văn bản chính quyền", en: "Government documents" } }),
    ind(2, "kt_so_cuoc", "Số cuộc kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở", "Inspections and supervisions of grassroots democracy", U.cuoc, "count"),
    ind(2, "kt_so_don_vi", "Số cơ quan, đơn vị, địa phương được kiểm tra, giám sát", "Agencies, units and localities inspected", U.donVi, "count"),
    ind(3, "tt_hoi_nghi", "Số hội nghị, lớp tuyên truyền, phổ biến pháp luật về thực hiện dân chủ ở cơ sở", "Conferences and classes on the law on grassroots democracy", U.cuoc, "count"),
    ind(3, "tt_rieng", "Tổ chức riêng", "Held on their own", U.cuoc, "count", "tt_hoi_nghi", { short: { vi: "Số cuộc tổ chức riêng", en: "Held on their own" } }),
    ind(3, "tt_long_ghep", "Lồng ghép", "Integrated into other events", U.cuoc, "count", "tt_hoi_nghi", { short: { vi: "Số cuộc lồng ghép", en: "Integrated" } }),
    ind(3, "tt_luot_nguoi", "Số lượt người tham dự", "Attendances", U.luot, "count"),
    ind(4, "dth_tong", "Số hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân", "Dialogue conferences of the heads of the Party committee and government with the people", U.cuoc, "count", undefined, {
      partsExhaustive: false,
    }),
    ind(4, "dth_cap_uy", "Do người đứng đầu cấp ủy chủ trì", "Chaired by the head of the Party committee", U.cuoc, "count", "dth_tong"),
    ind(4, "dth_chinh_quyen", "Do người đứng đầu chính quyền chủ trì", "Chaired by the head of government", U.cuoc, "count", "dth_tong"),
    ind(4, "dth_truc_tiep", "Hình thức trực tiếp", "In person", U.cuoc, "count", "dth_tong"),
    ind(4, "dth_truc_tuyen", "Hình thức trực tuyến hoặc qua mạng xã hội", "Online or through a social network", U.cuoc, "count", "dth_tong"),
    ...complaints,
    ind(6, "dvc_tthc_tong", "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết", "Administrative procedures within competence", U.thuTuc, "count"),
    ind(6, "dvc_toan_trinh", "Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình", "Procedures offered as full online public services", U.thuTuc, "count", "dvc_tthc_tong"),
    ind(6, "dvc_mot_phan", "Số thủ tục cung cấp dịch vụ công trực tuyến một phần", "Procedures offered as partial online public services", U.thuTuc, "count", "dvc_tthc_tong"),
    ind(6, "dvc_ty_le_toan_trinh", "Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình", "Share of procedures offered as full online services", U.pct, "percent"),
    ind(7, "xa_quy_che", "Quy chế thực hiện dân chủ ở xã đã được ban hành, rà soát theo Luật", "The commune's rules on grassroots democracy issued or reviewed under the Law", U.none, "yesno"),
    ind(7, "ck_noi_dung", "Số nhóm nội dung đã công khai theo Điều 11 của Luật (tối đa 14)", "Groups of matters made public under Article 11 of the Law (at most 14)", U.nhom, "count", undefined, {
      short: { vi: "Số nhóm nội dung đã công khai", en: "Groups of matters made public" },
    }),
    ind(7, "bqd_noi_dung", "Số nội dung Nhân dân bàn và quyết định", "Matters the people discussed and decided", U.noiDung, "count"),
    ind(7, "bqd_thong_qua", "Số nội dung được thông qua", "Matters passed", U.noiDung, "count", "bqd_noi_dung"),
    ind(7, "yk_noi_dung", "Số nội dung lấy ý kiến Nhân dân", "Matters put to the people for comment", U.noiDung, "count"),
    ind(7, "yk_giai_trinh", "Số nội dung đã báo cáo tổng hợp, giải trình, tiếp thu ý kiến", "Matters whose comments were reported on and answered", U.noiDung, "count", "yk_noi_dung"),
    ind(7, "hu_cong_nhan", "Số hương ước, quy ước được công nhận", "Village charters recognised", U.ban, "count"),
    ind(7, "hu_khong_cong_nhan", "Số hương ước, quy ước không được công nhận", "Village charters not recognised", U.ban, "count"),
    ind(7, "hu_sua_doi", "Số hương ước, quy ước được sửa đổi, bổ sung, thay thế", "Village charters amended or replaced", U.ban, "count"),
    ind(7, "hu_tam_ngung", "Số hương ước, quy ước bị tạm ngừng thực hiện hoặc bãi bỏ", "Village charters suspended or repealed", U.ban, "count"),
    ind(7, "hncd_da_to_chuc", "Số thôn, tổ dân phố đã tổ chức hội nghị cộng đồng dân cư định kỳ", "Villages and residential groups that held their regular community meeting", U.thon, "count", "hncd_tong"),
    ind(7, "hncd_tong", "Tổng số thôn, tổ dân phố", "Villages and residential groups", U.thon, "count"),
    ind(7, "hncd_ty_le", "Tỷ lệ", "Ratio", U.pct, "percent", undefined, {
      short: { vi: "Tỷ lệ thôn, tổ dân phố đã tổ chức hội nghị", en: "Share of villages that held the meeting" },
    }),
    ind(7, "ttnd_so_ban", "Số Ban Thanh tra nhân dân", "People's inspection boards", U.banTt, "count"),
    ind(7, "ttnd_thanh_vien", "Số thành viên Ban Thanh tra nhân dân", "Members of the people's inspection boards", U.nguoi, "count"),
    ind(7, "ttnd_cuoc_giam_sat", "Số cuộc giám sát của Ban Thanh tra nhân dân", "Supervisions by the people's inspection boards", U.cuoc, "count"),
    ind(8, "cq_tong", "Tổng số cơ quan, đơn vị", "Agencies and units", U.donVi, "count"),
    ind(8, "cq_quy_che", "Số cơ quan, đơn vị đã ban hành, sửa đổi quy chế thực hiện dân chủ theo Luật", "Units that issued or amended their rules on grassroots democracy under the Law", U.donVi, "count", "cq_tong"),
    ind(
      8,
      "hncb_thuoc_dien",
      "Số cơ quan, đơn vị phải tổ chức hội nghị cán bộ, công chức, viên chức, người lao động (không kể đơn vị từ 07 người trở xuống không tổ chức)",
      "Units that must hold the staff conference (not counting units of 07 people or fewer that do not)",
      U.donVi,
      "count",
      "cq_tong",
      { short: { vi: "Số cơ quan, đơn vị phải tổ chức hội nghị cán bộ, công chức, viên chức, người lao động", en: "Units that must hold the staff conference" } },
    ),
    ind(8, "hncb_da_to_chuc", "Số cơ quan, đơn vị đã tổ chức hội nghị", "Units that held the conference", U.donVi, "count", "hncb_thuoc_dien", {
      short: { vi: "Số cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức, người lao động", en: "Units that held the staff conference" },
    }),
    ind(8, "hncb_ty_le", "Tỷ lệ", "Ratio", U.pct, "percent", undefined, {
      short: { vi: "Tỷ lệ cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức, người lao động", en: "Share of units that held the staff conference" },
    }),
    ind(8, "ttnd_cq", "Số cơ quan, đơn vị có Ban Thanh tra nhân dân", "Units with a people's inspection board", U.donVi, "count", "cq_tong"),
    ind(9, "dn_tong", "Số doanh nghiệp, tổ chức được theo dõi", "Enterprises and employers followed", U.dn, "count"),
    ind(9, "dn_hoi_nghi_nld", "Số đã tổ chức hội nghị người lao động", "Held the workers' conference", U.dn, "count", "dn_tong", {
      short: { vi: "Số doanh nghiệp đã tổ chức hội nghị người lao động", en: "Enterprises that held the workers' conference" },
    }),
    ind(9, "dn_doi_thoai", "Số đã tổ chức đối thoại định kỳ tại nơi làm việc", "Held regular workplace dialogues", U.dn, "count", "dn_tong", {
      short: { vi: "Số doanh nghiệp đã tổ chức đối thoại định kỳ", en: "Enterprises that held regular dialogues" },
    }),
    ind(9, "dn_quy_che", "Số đã ban hành quy chế dân chủ ở cơ sở tại nơi làm việc", "Issued workplace democracy rules", U.dn, "count", "dn_tong", {
      short: { vi: "Số doanh nghiệp đã ban hành quy chế dân chủ", en: "Enterprises that issued workplace democracy rules" },
    }),
  ],
  registers: [q("van_ban"), kiemTra, q("hoi_nghi"), doiThoai],
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
        { if: { code: "kt_so_cuoc", op: ">", value: 0 }, then: { code: "kt_so_don_vi", op: ">", value: 0 } },
        { if: { code: "kt_so_don_vi", op: ">", value: 0 }, then: { code: "kt_so_cuoc", op: ">", value: 0 } },
      ],
    },
    {
      id: "kt.register",
      kind: "register-count",
      severity: "error",
      register: "kiem_tra",
      counts: [
        { indicator: "kt_so_cuoc", distinct: "decision" },
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
    { id: "dth.part", kind: "le", severity: "error", left: ["dth_cap_uy", "dth_chinh_quyen"], right: "dth_tong", each: true },
    { id: "dth.parts", kind: "le", severity: "warning", left: ["dth_cap_uy", "dth_chinh_quyen"], right: "dth_tong" },
    { id: "dth.forms", kind: "sum", severity: "error", total: "dth_tong", parts: ["dth_truc_tiep", "dth_truc_tuyen"] },
    {
      id: "dth.register",
      kind: "register-count",
      severity: "error",
      register: "doi_thoai",
      counts: [
        { indicator: "dth_tong", where: { held: ["true"] } },
        { indicator: "dth_cap_uy", where: { held: ["true"], chair: ["cap_uy", "ca_hai"] } },
        { indicator: "dth_chinh_quyen", where: { held: ["true"], chair: ["chinh_quyen", "ca_hai"] } },
        { indicator: "dth_truc_tiep", where: { held: ["true"], form: ["truc_tiep"] } },
        { indicator: "dth_truc_tuyen", where: { held: ["true"], form: ["truc_tuyen"] } },
      ],
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
    { id: "dvc.parts", kind: "le", severity: "error", left: ["dvc_toan_trinh", "dvc_mot_phan"], right: "dvc_tthc_tong" },
    {
      id: "dvc.ratio",
      kind: "ratio",
      severity: "error",
      ratio: "dvc_ty_le_toan_trinh",
      numerator: ["dvc_toan_trinh"],
      denominator: "dvc_tthc_tong",
      zeroDenominator: { severity: "warning" },
    },
    { id: "ck.max", kind: "max", severity: "error", codes: ["ck_noi_dung"], max: 14, perUnit: true },
    { id: "bqd.le", kind: "le", severity: "error", left: ["bqd_thong_qua"], right: "bqd_noi_dung" },
    { id: "yk.le", kind: "le", severity: "error", left: ["yk_giai_trinh"], right: "yk_noi_dung" },
    { id: "hncd.le", kind: "le", severity: "error", left: ["hncd_da_to_chuc"], right: "hncd_tong" },
    {
      id: "hncd.ratio",
      kind: "ratio",
      severity: "error",
      ratio: "hncd_ty_le",
      numerator: ["hncd_da_to_chuc"],
      denominator: "hncd_tong",
      zeroDenominator: { severity: "warning" },
    },
    { id: "ttnd.members", kind: "min-per", severity: "warning", total: "ttnd_thanh_vien", per: "ttnd_so_ban", min: 5 },
    {
      id: "ttnd.implies",
      kind: "implies",
      severity: "error",
      clauses: [{ if: { code: "ttnd_cuoc_giam_sat", op: ">", value: 0 }, then: { code: "ttnd_so_ban", op: ">", value: 0 } }],
    },
    { id: "cq.le", kind: "le", severity: "error", left: ["cq_quy_che", "hncb_thuoc_dien", "ttnd_cq"], right: "cq_tong", each: true },
    { id: "hncb.le", kind: "le", severity: "error", left: ["hncb_da_to_chuc"], right: "hncb_thuoc_dien" },
    {
      id: "hncb.ratio",
      kind: "ratio",
      severity: "error",
      ratio: "hncb_ty_le",
      numerator: ["hncb_da_to_chuc"],
      denominator: "hncb_thuoc_dien",
      zeroDenominator: { severity: "warning" },
    },
    { id: "dn.le", kind: "le", severity: "error", left: ["dn_hoi_nghi_nld", "dn_doi_thoai", "dn_quy_che"], right: "dn_tong", each: true },
  ],
};

/** Wording of this template's rules where the generic message would not say why (see i18n.ts, "RULE:KEY"). */
export const DCCS_2025_MESSAGES: Record<string, Text> = {
  "ck.max:max.fail": {
    vi: "{label} ({value}) nhiều hơn {max}: Điều 11 của Luật Thực hiện dân chủ ở cơ sở chỉ có 14 nhóm nội dung công khai.",
    en: "{label} ({value}) is more than {max}: Article 11 of the Law lists only 14 groups of matters to make public.",
  },
  "ttnd.members:min-per.fail": {
    vi: "{total} ({totalValue}) ít hơn {expected} ({min} × {perLower} {perValue}): mỗi Ban Thanh tra nhân dân có ít nhất 05 thành viên (Điều 36 của Luật). Hãy kiểm tra lại.",
    en: "{total} ({totalValue}) is less than {expected} ({min} × {perLower} {perValue}): a people's inspection board has at least 05 members (Law Art. 36). Please check.",
  },
  "dth.forms:sum.fail": {
    vi: "{total} ({totalValue}) khác số cuộc theo hình thức: {partsExpr} = {sum}; mỗi cuộc đối thoại là trực tiếp hoặc trực tuyến.",
    en: "{total} ({totalValue}) differs from the sessions by form: {partsExpr} = {sum}; each dialogue is either in person or online.",
  },
};
