/**
 * How a draft states each indicator, as DATA (per template): phrase patterns around a
 * figure, and phrases that say something did not happen. src/core/draft/figures.ts
 * interprets them. Patterns are regular-expression sources, compiled case-insensitively
 * with Unicode (flags "iu"); never code.
 *
 * A figure pattern applies to one figure of a sentence when every condition it gives holds:
 *   lead      matches the words just before the figure (since the previous figure or the
 *             start of the clause; clauses are separated by ";"), usually anchored with $
 *   after     matches the words right after the figure (after its "%" or multiplier word), anchored with ^
 *   clause    matches the clause up to the figure
 *   sentence  matches the whole sentence
 *   not*      the same, must NOT match
 * `percent`: the figure carries "%" (otherwise it must not); `fraction`: the figure is
 * "N/M" and the pattern names the indicator of each part. Patterns are tried in order; the
 * first that applies decides the indicator. A figure no pattern claims is not checked:
 * matching is conservative on purpose (a false error costs more than a missed one).
 */

export interface FigurePattern {
  /** Indicator the figure states (for a fraction: the numerator's). */
  code: string;
  /** For "N/M": the indicators of N and M. */
  fraction?: [string, string];
  percent?: boolean;
  lead?: string;
  after?: string;
  clause?: string;
  sentence?: string;
  notLead?: string;
  notAfter?: string;
  notClause?: string;
  notSentence?: string;
}

export interface NegationPattern {
  /** Indicators the phrase says are zero; a finding when any of them is a positive number. */
  codes: string[];
  /** Matched against the sentence. */
  pattern: string;
  /** What the text would say for the appendix's figures ({code} = the figure, padded). */
  positive: { vi: string; en: string };
}

export interface DraftPatterns {
  figures: FigurePattern[];
  negations: NegationPattern[];
}

// Spelling variants: "ủy"/"uỷ", "tỷ"/"tỉ", "khóa"/"khoá".
const UY = "(?:ủy|uỷ|uy)";
const CAP_UY = `(?:cấp|đảng) ${UY}`;
const TY_LE = "(?:tỷ|tỉ) lệ";
const CBCCVC = "hội nghị\\s+(?:cán bộ|công chức|viên chức|cbccvc|người lao động)";
const NEG = "(?:không|chưa)";
const DONG = "^\\s*(?:đồng|VNĐ|VND)(?![\\p{L}])";

export const QCDC_2021_PATTERNS: DraftPatterns = {
  figures: [
    // 1. Documents.
    { code: "vb_cap_uy", lead: `${CAP_UY}\\s+(?:đã\\s+)?ban hành(?:\\s+được)?\\s*$`, after: "^\\s*văn bản" },
    { code: "vb_cap_uy", lead: `${CAP_UY}\\s*:\\s*$`, sentence: "văn bản" },
    { code: "vb_chinh_quyen", lead: "chính quyền\\s+(?:đã\\s+)?ban hành(?:\\s+được)?\\s*$", after: "^\\s*văn bản" },
    { code: "vb_chinh_quyen", lead: "chính quyền\\s*:\\s*$", sentence: "văn bản", notLead: "người đứng đầu" },
    {
      code: "vb_tong",
      lead: "ban hành(?:\\s+được)?(?:\\s+mới)?(?:\\s+tổng\\s+(?:số|cộng))?(?:\\s+tất cả)?\\s*:?\\s*$",
      after: "^\\s*văn bản",
      notLead: "(?:tham mưu|trình|đề nghị|đề xuất)[^,;]*ban hành[^,;]*$",
    },
    { code: "vb_tong", lead: "tổng số văn bản[^;:]*:\\s*$" },
    { code: "vb_tong", after: "^\\s*văn bản\\s+(?:đã\\s+)?được ban hành" },

    // 2. Inspections.
    { code: "kt_so_doan", lead: "tổng số đoàn kiểm tra\\s*:?\\s*$" },
    {
      code: "kt_so_doan",
      after: "^\\s*(?:cuộc\\s+)?đoàn\\s+(?:kiểm tra|giám sát)",
      notLead: "(?:tham gia|phối hợp|cử|tiếp|tiếp đón|làm việc với|của)[^,;]*$",
    },
    { code: "kt_so_don_vi", lead: "(?:tổng số\\s+)?(?:đơn vị|cơ sở)(?:,\\s*(?:đơn vị|cơ sở))?\\s+được kiểm tra\\s*:?\\s*$" },
    { code: "kt_so_don_vi", lead: "(?:kiểm tra|giám sát)[^;]*\\s(?:tại|đối với)\\s*$", after: "^\\s*(?:đơn vị|cơ sở|cơ quan)" },
    { code: "kt_so_don_vi", lead: "(?:kiểm tra|giám sát)\\s*$", after: "^\\s*(?:đơn vị|cơ sở|cơ quan)" },

    // 3. Conferences, workshops, trainings (parts before the total).
    { code: "tt_rieng", lead: "tổ chức riêng\\s*:?\\s*$" },
    { code: "tt_rieng", after: "^\\s*(?:cuộc|buổi|hội nghị)?\\s*(?:được\\s+)?tổ chức riêng", notAfter: "đối thoại" },
    { code: "tt_long_ghep", lead: "lồng ghép\\s*:?\\s*$", notAfter: "^[^;.]{0,30}đối thoại" },
    {
      code: "tt_long_ghep",
      after: "^\\s*(?:cuộc|buổi|lớp)?\\s*(?:hội nghị|hội thảo|tập huấn)?\\s*(?:được\\s+)?lồng ghép",
      notAfter: "đối thoại",
    },

    // 6, 7. Dialogue conferences (parts before the total).
    { code: "dth_cap_uy", lead: `người đứng đầu ${CAP_UY}\\s*(?:đã\\s+)?(?:chủ trì|tổ chức)?\\s*:?\\s*$` },
    { code: "dth_chinh_quyen", lead: "người đứng đầu chính quyền\\s*(?:đã\\s+)?(?:chủ trì|tổ chức)?\\s*:?\\s*$" },
    {
      code: "dth_tong",
      after: "^\\s*(?:cuộc|buổi)?\\s*(?:hội nghị\\s+)?đối thoại",
      notLead: "(?:tham gia|tham dự|dự|kế hoạch)\\s*$",
    },
    { code: "dth_tong", lead: "hội nghị đối thoại[^;:]*:\\s*$" },

    { code: "tt_hoi_nghi", lead: "(?:số lượng|tổng số)\\s+(?:các\\s+)?(?:cuộc\\s+)?hội nghị,\\s*hội thảo,\\s*tập huấn\\s*:?\\s*$" },
    {
      code: "tt_hoi_nghi",
      lead: "tổ chức(?:\\s+được)?\\s*$",
      after: "^\\s*(?:cuộc|buổi|lớp)?\\s*(?:hội nghị|hội thảo|tập huấn|lớp tập huấn)",
      notAfter: `^\\s*(?:cuộc|buổi|lớp)?\\s*(?:${CBCCVC}|hội nghị\\s+đối thoại)|^[^;.]{0,40}đối thoại`,
      notLead: "tổ chức riêng\\s*$",
    },

    // 4. Online public services.
    { code: "cchc_dvc_muc3", lead: "mức độ 3\\s*:\\s*$", sentence: "dịch vụ công" },
    { code: "cchc_dvc_muc3", after: "^\\s*(?:dịch vụ công|DVC|DVCTT)(?:\\s+trực tuyến)?\\s+mức độ 3(?!\\d)(?!\\s*(?:,|và|hoặc)\\s*4)" },
    { code: "cchc_dvc_muc4", lead: "mức độ 4\\s*:\\s*$", sentence: "dịch vụ công" },
    { code: "cchc_dvc_muc4", after: "^\\s*(?:dịch vụ công|DVC|DVCTT)(?:\\s+trực tuyến)?\\s+mức độ 4(?!\\d)" },
    {
      code: "cchc_dvc_ty_le",
      percent: true,
      clause: `${TY_LE}[^;]*dịch vụ công|dịch vụ công[^;]*${TY_LE}`,
      notClause: "hồ sơ|đúng hạn|quá hạn|trễ hạn|thanh toán|hài lòng|đơn thư",
    },

    // 5. Complaints.
    { code: "dt_ton_dong_chua_gq", lead: "chưa giải quyết\\s*:?\\s*$", sentence: "tồn đọng|kéo dài" },
    { code: "dt_ton_dong_da_gq", lead: "(?:đã\\s+)?giải quyết\\s*:?\\s*$", sentence: "tồn đọng|kéo dài", notLead: "chưa\\s+giải quyết\\s*:?\\s*$" },
    {
      code: "dt_da_giai_quyet",
      lead: "(?:đã\\s+)?giải quyết(?:\\s+được)?(?:\\s+dứt điểm)?\\s*:?\\s*$",
      after: "^\\s*đơn(?!\\s*vị)(?![\\p{L}])",
      notSentence: "tồn đọng|kéo dài",
      notLead: "chưa\\s+giải quyết",
    },
    { code: "dt_tong", lead: "(?:tiếp nhận|nhận được|nhận)(?:\\s+được)?(?:\\s+tổng\\s+(?:số|cộng))?\\s*:?\\s*$", after: "^\\s*đơn(?!\\s*vị)(?![\\p{L}])" },
    { code: "dt_tong", lead: "tổng số đơn thư[^;:]*:\\s*$" },
    {
      code: "dt_ty_le",
      percent: true,
      clause: `${TY_LE}[^;]*giải quyết|giải quyết[^;]*${TY_LE}`,
      sentence: "đơn|khiếu nại|tố cáo",
      notClause: "hồ sơ|thủ tục|dịch vụ công",
    },

    // 8. Covid-19 support (parts before the total).
    { code: "cv_doanh_nghiep", lead: "doanh nghiệp\\s*:?\\s*$", after: DONG, notLead: "người dân và doanh nghiệp\\s*:?\\s*$" },
    { code: "cv_nguoi_lao_dong", lead: "người lao động\\s*:?\\s*$", after: DONG },
    { code: "cv_khac", lead: "đối tượng khác\\s*:?\\s*$", after: DONG },
    { code: "cv_tong", lead: "tổng(?:\\s+số)?(?:\\s+kinh phí)(?:\\s+hỗ trợ)?[^;]*?(?:là|:|đạt)?\\s*$", after: DONG, notLead: "trong đó" },
    { code: "cv_tong", lead: "kinh phí(?:\\s+hỗ trợ)?(?:\\s+là|\\s*:|\\s+đạt)?\\s*$", after: DONG, sentence: "covid" },

    // 9. Civil servants' conferences.
    { code: "cbccvc_da_to_chuc", fraction: ["cbccvc_da_to_chuc", "cbccvc_tong_don_vi"], after: "^\\s*(?:cơ quan|đơn vị)", sentence: CBCCVC },
    { code: "cbccvc_da_to_chuc", fraction: ["cbccvc_da_to_chuc", "cbccvc_tong_don_vi"], lead: `${CBCCVC}[^;:]*:\\s*$` },
    { code: "cbccvc_tong_don_vi", lead: "tổng số\\s*$", after: "^\\s*(?:cơ quan|đơn vị)", sentence: CBCCVC },
    { code: "cbccvc_da_to_chuc", lead: `${CBCCVC}[^;:]*:\\s*$` },
    {
      code: "cbccvc_da_to_chuc",
      after: `^\\s*(?:cơ quan)?,?\\s*(?:đơn vị)?\\s*(?:trực thuộc\\s+)?(?:đã\\s+)?tổ chức\\s+${CBCCVC}`,
    },
    { code: "cbccvc_ty_le", percent: true, clause: `${CBCCVC}|cbccvc` },
  ],
  negations: [
    {
      codes: ["dth_cap_uy"],
      pattern: `người đứng đầu ${CAP_UY}\\s+${NEG}\\s+(?:chủ trì|tổ chức)`,
      positive: { vi: "người đứng đầu cấp ủy chủ trì {dth_cap_uy} cuộc", en: "the head of the Party committee chaired {dth_cap_uy}" },
    },
    {
      codes: ["dth_chinh_quyen"],
      pattern: `người đứng đầu chính quyền\\s+${NEG}\\s+(?:chủ trì|tổ chức)`,
      positive: { vi: "người đứng đầu chính quyền chủ trì {dth_chinh_quyen} cuộc", en: "the head of government chaired {dth_chinh_quyen}" },
    },
    {
      codes: ["dth_tong"],
      pattern: `${NEG}\\s+(?:tổ chức|tiến hành|có|diễn ra)\\s+(?:được\\s+)?(?:cuộc\\s+|buổi\\s+|các\\s+|một\\s+)?(?:hội nghị\\s+)?đối thoại`,
      positive: { vi: "đã tổ chức {dth_tong} cuộc hội nghị đối thoại", en: "{dth_tong} dialogue conference(s) were held" },
    },
    {
      codes: ["vb_cap_uy"],
      pattern: `${CAP_UY}\\s+${NEG}\\s+ban hành`,
      positive: { vi: "cấp ủy ban hành {vb_cap_uy} văn bản", en: "the Party committee issued {vb_cap_uy} documents" },
    },
    {
      codes: ["vb_chinh_quyen"],
      pattern: `chính quyền\\s+${NEG}\\s+ban hành`,
      positive: { vi: "chính quyền ban hành {vb_chinh_quyen} văn bản", en: "the government issued {vb_chinh_quyen} documents" },
    },
    {
      codes: ["vb_tong"],
      pattern: `${NEG}\\s+ban hành\\s+(?:thêm\\s+|mới\\s+|bất kỳ\\s+|được\\s+)?văn bản`,
      positive: { vi: "đã ban hành {vb_tong} văn bản", en: "{vb_tong} documents were issued" },
    },
    {
      codes: ["kt_so_doan"],
      pattern: `${NEG}\\s+(?:thành lập|tổ chức|có)\\s+(?:các\\s+)?đoàn\\s+kiểm tra`,
      positive: { vi: "đã thành lập {kt_so_doan} đoàn kiểm tra", en: "{kt_so_doan} inspection team(s) were set up" },
    },
    {
      codes: ["cbccvc_da_to_chuc"],
      pattern: `${NEG}\\s+(?:có\\s+(?:cơ quan,?\\s*)?(?:đơn vị\\s+)?nào\\s+)?tổ chức\\s+(?:được\\s+)?${CBCCVC}`,
      positive: {
        vi: "có {cbccvc_da_to_chuc} cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức",
        en: "{cbccvc_da_to_chuc} units held a civil servants' conference",
      },
    },
    {
      codes: ["tt_hoi_nghi", "tt_rieng", "tt_long_ghep"],
      pattern: `${NEG}\\s+tổ chức\\s+(?:được\\s+)?(?:các\\s+|cuộc\\s+|lớp\\s+|buổi\\s+)?(?:hội nghị|hội thảo|tập huấn|lớp tập huấn)(?!\\s+(?:đối thoại|cán bộ|công chức|viên chức|cbccvc))`,
      positive: {
        vi: "tổ chức {tt_hoi_nghi} cuộc hội nghị, hội thảo, tập huấn (tổ chức riêng {tt_rieng}, lồng ghép {tt_long_ghep})",
        en: "{tt_hoi_nghi} conferences, workshops and trainings were held (on their own {tt_rieng}, integrated {tt_long_ghep})",
      },
    },
    {
      codes: ["dt_tong"],
      pattern: `${NEG}\\s+(?:nhận được|tiếp nhận|nhận|phát sinh|có)\\s+(?:bất kỳ\\s+|được\\s+)?đơn(?!\\s*vị)(?![\\p{L}])`,
      positive: { vi: "tiếp nhận {dt_tong} đơn thư", en: "{dt_tong} complaints were received" },
    },
    {
      codes: ["dt_ton_dong_da_gq", "dt_ton_dong_chua_gq"],
      pattern: `${NEG}\\s+(?:có|phát sinh)\\s+(?:các\\s+)?vụ việc\\s+tồn đọng`,
      positive: {
        vi: "số vụ việc tồn đọng, kéo dài: đã giải quyết {dt_ton_dong_da_gq}; chưa giải quyết {dt_ton_dong_chua_gq}",
        en: "long-standing cases: resolved {dt_ton_dong_da_gq}; unresolved {dt_ton_dong_chua_gq}",
      },
    },
    {
      codes: ["dt_ton_dong_chua_gq"],
      pattern: "không\\s+còn\\s+(?:các\\s+)?vụ việc\\s+tồn đọng",
      positive: { vi: "còn {dt_ton_dong_chua_gq} vụ việc tồn đọng, kéo dài chưa giải quyết", en: "{dt_ton_dong_chua_gq} long-standing cases are unresolved" },
    },
    {
      codes: ["cv_tong"],
      pattern: "không\\s+(?:phát sinh|có|chi)\\s+(?:khoản\\s+)?kinh phí\\s+hỗ trợ",
      positive: { vi: "tổng kinh phí hỗ trợ là {cv_tong} đồng", en: "the support totalled {cv_tong} VND" },
    },
    {
      codes: ["cchc_dvc_muc3", "cchc_dvc_muc4"],
      pattern: `${NEG}\\s+(?:cung cấp|triển khai|có)\\s+(?:các\\s+)?dịch vụ công trực tuyến mức độ 3,?\\s*(?:và\\s+)?4`,
      positive: {
        vi: "cung cấp {cchc_dvc_muc3} dịch vụ công trực tuyến mức độ 3 và {cchc_dvc_muc4} dịch vụ công trực tuyến mức độ 4",
        en: "{cchc_dvc_muc3} level-3 and {cchc_dvc_muc4} level-4 online public services are provided",
      },
    },
  ],
};

/** Pattern tables by template id. */
export const DRAFT_PATTERNS: Record<string, DraftPatterns> = {
  "qcdc-2021": QCDC_2021_PATTERNS,
};
