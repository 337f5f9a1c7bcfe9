/**
 * The summary's phrases, as DATA: per template, paragraphs of sentences; each sentence a
 * list of cases, the first whose conditions hold and whose required placeholders all have
 * a value is used. src/core/narrative/summary.ts interprets them (never eval).
 *
 * Text syntax:
 *   {code}            an indicator's value as a number, formatted (counts padded below 10
 *                     by default, "10.424.000", "100%"); empty when blank, unreadable or
 *                     "Không có": the case is then skipped, or the optional part dropped
 *   {cmp:code}        the comparison with the previous year ("tăng 02 văn bản so với năm
 *                     2020", "bằng năm 2020", "giảm …"); empty without a previous value
 *   {agency} {year} {prevYear}
 *   {@name}           a fragment (cases, as sentences)
 *   {join:@a,@b,…}    the non-empty fragments joined the Vietnamese way ("A, B và C")
 *   {list:@a,@b,…}    the non-empty fragments joined with "; "
 *   [ … ]             optional: left out when any placeholder in it is empty
 * Conditions (`when`): code → state(s) of its value: blank, zero, positive, na ("Không có"),
 * invalid, or the sets number (zero|positive), present (number|na), missing (blank|invalid).
 * An empty `text` says nothing. The first letter of a sentence is capitalised.
 */

export type ValueState = "blank" | "zero" | "positive" | "na" | "invalid";
export type StateSpec = ValueState | "number" | "present" | "missing";

export interface PhraseCase {
  when?: Record<string, StateSpec | StateSpec[]>;
  text: string;
}

export interface SentenceDef {
  id: string;
  cases: PhraseCase[];
}

export interface ComparisonPhrases {
  up: string;
  down: string;
  same: string;
  /** Unit of a difference of percents. */
  percentUnit: string;
  /** Used for {prevYear} when the report has no year. */
  previousYear: string;
}

export interface PhraseBook {
  /** When an indicator is blank or unreadable everywhere and nothing else is said. */
  noData: string;
  /** For {agency} when the report names none. */
  defaultAgency: string;
  comparison: ComparisonPhrases;
  fragments: Record<string, PhraseCase[]>;
  paragraphs: { id: string; sentences: SentenceDef[] }[];
}

const NOTHING = ["zero", "blank"] as StateSpec[];

export const QCDC_2021_PHRASES: PhraseBook = {
  noData: "chưa có số liệu",
  defaultAgency: "đơn vị",
  comparison: {
    up: "tăng {diff} {unit} so với năm {prevYear}",
    down: "giảm {diff} {unit} so với năm {prevYear}",
    same: "bằng năm {prevYear}",
    percentUnit: "điểm phần trăm",
    previousYear: "trước",
  },
  fragments: {
    vb_cu: [
      { when: { vb_cap_uy: "positive" }, text: "cấp ủy ban hành {vb_cap_uy} văn bản" },
      { when: { vb_cap_uy: "zero" }, text: "cấp ủy không ban hành văn bản nào" },
      { text: "" },
    ],
    vb_cq: [
      { when: { vb_chinh_quyen: "positive" }, text: "chính quyền ban hành {vb_chinh_quyen} văn bản" },
      { when: { vb_chinh_quyen: "zero" }, text: "chính quyền không ban hành văn bản nào" },
      { text: "" },
    ],
    kt_doan: [{ text: "tổng số đoàn kiểm tra: {kt_so_doan}" }, { text: "" }],
    kt_dv: [{ text: "tổng số đơn vị, cơ sở được kiểm tra: {kt_so_don_vi}" }, { text: "" }],
    tt_r: [{ when: { tt_rieng: "positive" }, text: "tổ chức riêng {tt_rieng} cuộc" }, { text: "" }],
    tt_lg: [{ when: { tt_long_ghep: "positive" }, text: "lồng ghép {tt_long_ghep} cuộc" }, { text: "" }],
    tt_r0: [{ text: "tổ chức riêng {tt_rieng} cuộc" }, { text: "" }],
    tt_lg0: [{ text: "lồng ghép {tt_long_ghep} cuộc" }, { text: "" }],
    m3: [{ when: { cchc_dvc_muc3: "positive" }, text: "{cchc_dvc_muc3} dịch vụ công trực tuyến mức độ 3" }, { text: "" }],
    m4: [{ when: { cchc_dvc_muc4: "positive" }, text: "{cchc_dvc_muc4} dịch vụ công trực tuyến mức độ 4" }, { text: "" }],
    td_gq: [{ text: "đã giải quyết {dt_ton_dong_da_gq}" }, { text: "" }],
    td_cgq: [{ text: "chưa giải quyết {dt_ton_dong_chua_gq}" }, { text: "" }],
    dth_cu: [
      { when: { dth_cap_uy: "positive" }, text: "người đứng đầu cấp ủy chủ trì {dth_cap_uy} cuộc" },
      { when: { dth_cap_uy: "zero" }, text: "người đứng đầu cấp ủy không chủ trì cuộc nào" },
      { text: "" },
    ],
    dth_cq: [
      { when: { dth_chinh_quyen: "positive" }, text: "người đứng đầu chính quyền chủ trì {dth_chinh_quyen} cuộc" },
      { when: { dth_chinh_quyen: "zero" }, text: "người đứng đầu chính quyền không chủ trì cuộc nào" },
      { text: "" },
    ],
    cv_dn: [{ when: { cv_doanh_nghiep: "positive" }, text: "hỗ trợ doanh nghiệp {cv_doanh_nghiep} đồng" }, { text: "" }],
    cv_nld: [{ when: { cv_nguoi_lao_dong: "positive" }, text: "hỗ trợ người lao động {cv_nguoi_lao_dong} đồng" }, { text: "" }],
    cv_k: [{ when: { cv_khac: "positive" }, text: "hỗ trợ đối tượng khác {cv_khac} đồng" }, { text: "" }],
    cv_dn0: [{ text: "doanh nghiệp {cv_doanh_nghiep} đồng" }, { text: "" }],
    cv_nld0: [{ text: "người lao động {cv_nguoi_lao_dong} đồng" }, { text: "" }],
    cv_k0: [{ text: "đối tượng khác {cv_khac} đồng" }, { text: "" }],
    cb_tl: [{ text: ", đạt tỷ lệ {cbccvc_ty_le}" }, { text: "" }],
  },
  paragraphs: [
    {
      id: "lanh_dao",
      sentences: [
        {
          id: "vb",
          cases: [
            {
              when: { vb_tong: "positive" },
              text: "Trong năm[ {year}], {agency} đã ban hành {vb_tong} văn bản lãnh đạo, chỉ đạo, triển khai thực hiện quy chế dân chủ ở cơ sở[, {cmp:vb_tong}][; trong đó {join:@vb_cu,@vb_cq}].",
            },
            {
              when: { vb_tong: "zero", vb_cap_uy: NOTHING, vb_chinh_quyen: NOTHING },
              text: "Trong năm[ {year}], {agency} không ban hành văn bản mới về thực hiện quy chế dân chủ ở cơ sở[, {cmp:vb_tong}].",
            },
            {
              when: { vb_tong: "zero" },
              text: "Tổng số văn bản đã ban hành trong năm: {vb_tong}[; trong đó {join:@vb_cu,@vb_cq}].",
            },
            { text: "Số văn bản đã ban hành trong năm chưa có số liệu[; trong đó {join:@vb_cu,@vb_cq}]." },
          ],
        },
        {
          id: "kt",
          cases: [
            {
              when: { kt_so_doan: "positive", kt_so_don_vi: "positive" },
              text: "Về công tác kiểm tra, giám sát, đã thành lập {kt_so_doan} đoàn kiểm tra[ ({cmp:kt_so_doan})] việc thực hiện quy chế dân chủ ở cơ sở tại {kt_so_don_vi} đơn vị, cơ sở.",
            },
            {
              when: { kt_so_doan: "zero", kt_so_don_vi: NOTHING },
              text: "Trong năm không thành lập đoàn kiểm tra việc thực hiện quy chế dân chủ ở cơ sở[, {cmp:kt_so_doan}].",
            },
            { when: { kt_so_doan: "missing", kt_so_don_vi: "missing" }, text: "Công tác kiểm tra, giám sát việc thực hiện quy chế dân chủ ở cơ sở chưa có số liệu." },
            { text: "Về công tác kiểm tra, giám sát việc thực hiện quy chế dân chủ ở cơ sở: {list:@kt_doan,@kt_dv}." },
          ],
        },
        {
          id: "tt",
          cases: [
            {
              when: { tt_hoi_nghi: "positive" },
              text: "Tổ chức {tt_hoi_nghi} cuộc hội nghị, hội thảo, tập huấn, tuyên truyền về thực hiện quy chế dân chủ ở cơ sở[, {cmp:tt_hoi_nghi}][; trong đó {join:@tt_r,@tt_lg}].",
            },
            {
              when: { tt_hoi_nghi: "zero", tt_rieng: NOTHING, tt_long_ghep: NOTHING },
              text: "Trong năm không tổ chức hội nghị, hội thảo, tập huấn về thực hiện quy chế dân chủ ở cơ sở[, {cmp:tt_hoi_nghi}].",
            },
            {
              when: { tt_hoi_nghi: "zero" },
              text: "Số lượng các cuộc hội nghị, hội thảo, tập huấn: {tt_hoi_nghi}[; trong đó {join:@tt_r0,@tt_lg0}].",
            },
            { text: "Số lượng các cuộc hội nghị, hội thảo, tập huấn chưa có số liệu[; trong đó {join:@tt_r0,@tt_lg0}]." },
          ],
        },
      ],
    },
    {
      id: "cchc",
      sentences: [
        {
          id: "dvc",
          cases: [
            {
              when: { cchc_dvc_muc3: "zero", cchc_dvc_muc4: "zero" },
              text: "Về cải cách hành chính, {agency} chưa cung cấp dịch vụ công trực tuyến mức độ 3, 4.",
            },
            { when: { cchc_dvc_muc3: "positive" }, text: "Về cải cách hành chính, {agency} cung cấp {join:@m3,@m4}." },
            { when: { cchc_dvc_muc4: "positive" }, text: "Về cải cách hành chính, {agency} cung cấp {join:@m3,@m4}." },
            { text: "" },
          ],
        },
        {
          id: "dvc_tl",
          cases: [
            {
              when: { cchc_dvc_ty_le: "number" },
              text: "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 trên tổng số dịch vụ công cung cấp đạt {cchc_dvc_ty_le}[, {cmp:cchc_dvc_ty_le}].",
            },
            { text: "" },
          ],
        },
        {
          id: "dt",
          cases: [
            { when: { dt_tong: "zero", dt_ty_le: ["na", "blank"] }, text: "Trong năm, {agency} không nhận được đơn thư khiếu nại, tố cáo thuộc thẩm quyền." },
            { when: { dt_tong: "blank", dt_ty_le: "na" }, text: "Trong năm, {agency} không nhận được đơn thư khiếu nại, tố cáo thuộc thẩm quyền." },
            {
              when: { dt_tong: "positive" },
              text: "Tiếp nhận {dt_tong} đơn thư khiếu nại, tố cáo thuộc thẩm quyền[, {cmp:dt_tong}][; đã giải quyết {dt_da_giai_quyet} đơn][, tỷ lệ giải quyết đạt {dt_ty_le}].",
            },
            { when: { dt_ty_le: "number" }, text: "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo đạt {dt_ty_le}." },
            { text: "" },
          ],
        },
        {
          id: "dt_td",
          cases: [
            { when: { dt_ton_dong_da_gq: "zero", dt_ton_dong_chua_gq: "zero" }, text: "Không có vụ việc tồn đọng, kéo dài." },
            { text: "[Số vụ việc tồn đọng, kéo dài: {list:@td_gq,@td_cgq}.]" },
          ],
        },
        {
          id: "dth",
          cases: [
            {
              when: { dth_tong: "zero", dth_cap_uy: NOTHING, dth_chinh_quyen: NOTHING },
              text: "Trong năm, {agency} không tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp[, {cmp:dth_tong}].",
            },
            {
              when: { dth_tong: "positive" },
              text: "Tổ chức {dth_tong} cuộc hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp[, {cmp:dth_tong}][; trong đó {join:@dth_cu,@dth_cq}].",
            },
            {
              when: { dth_tong: "zero" },
              text: "Số hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp: {dth_tong} cuộc[; trong đó {join:@dth_cu,@dth_cq}].",
            },
            { text: "Số hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp chưa có số liệu[; trong đó {join:@dth_cu,@dth_cq}]." },
          ],
        },
      ],
    },
    {
      id: "khac",
      sentences: [
        {
          id: "cv",
          cases: [
            {
              when: { cv_tong: "positive" },
              text: "Thực hiện các chính sách hỗ trợ người dân gặp khó khăn do đại dịch Covid-19, tổng kinh phí hỗ trợ là {cv_tong} đồng[, {cmp:cv_tong}][; trong đó {join:@cv_dn,@cv_nld,@cv_k}].",
            },
            {
              when: { cv_tong: "zero", cv_doanh_nghiep: NOTHING, cv_nguoi_lao_dong: NOTHING, cv_khac: NOTHING },
              text: "Trong năm không phát sinh kinh phí hỗ trợ người dân gặp khó khăn do đại dịch Covid-19[, {cmp:cv_tong}].",
            },
            {
              when: { cv_tong: "zero" },
              text: "Tổng số kinh phí hỗ trợ người dân gặp khó khăn do đại dịch Covid-19: {cv_tong} đồng[; trong đó {join:@cv_dn0,@cv_nld0,@cv_k0}].",
            },
            { text: "[Kinh phí hỗ trợ người dân gặp khó khăn do đại dịch Covid-19: {join:@cv_dn0,@cv_nld0,@cv_k0}.]" },
          ],
        },
        {
          id: "cbccvc",
          cases: [
            {
              when: { cbccvc_da_to_chuc: "positive", cbccvc_tong_don_vi: "positive" },
              text: "Có {plain:cbccvc_da_to_chuc}/{plain:cbccvc_tong_don_vi} cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức[{@cb_tl}][, {cmp:cbccvc_ty_le}].",
            },
            {
              when: { cbccvc_da_to_chuc: "zero", cbccvc_ty_le: ["zero", "blank", "na"] },
              text: "Trong năm chưa có cơ quan, đơn vị nào tổ chức hội nghị cán bộ, công chức, viên chức[ (tổng số {cbccvc_tong_don_vi} cơ quan, đơn vị)].",
            },
            {
              when: { cbccvc_da_to_chuc: "number" },
              text: "Số cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức: {plain:cbccvc_da_to_chuc}[/{plain:cbccvc_tong_don_vi}][{@cb_tl}].",
            },
            {
              when: { cbccvc_ty_le: "number" },
              text: "Tỷ lệ cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức đạt {cbccvc_ty_le}.",
            },
            { text: "" },
          ],
        },
      ],
    },
  ],
};

/** Phrase books by template id. */
export const PHRASE_BOOKS: Record<string, PhraseBook> = {
  "qcdc-2021": QCDC_2021_PHRASES,
};
