/** Strings of the "Kiểm tra" view and the findings panel: Vietnamese first, English available. */
import { plural } from "../../core/i18n";
export type CheckLang = "vi" | "en";

export const CHECK_STRINGS = {
  checkButton: { vi: "Kiểm tra", en: "Check" },
  checking: { vi: "Đang kiểm tra…", en: "Checking…" },
  intro: {
    vi: "Kiểm tra số liệu trong sổ: tổng, tỷ lệ, sổ theo dõi và cấu trúc các trang. Ô sai được tô màu; bấm vào một dòng để đến ô đó.",
    en: "Checks the workbook's figures: totals, ratios, registers and the sheets' structure. Wrong cells are filled; click a finding to go to its cell.",
  },
  summary: { vi: "{errors} lỗi · {warnings} cảnh báo · {infos} ghi chú", en: "{errorsEn} · {warningsEn} · {infosEn}" },
  allGood: { vi: "Không có lỗi hay cảnh báo nào.", en: "No errors or warnings." },
  sevError: { vi: "Lỗi", en: "Errors" },
  sevWarning: { vi: "Cảnh báo", en: "Warnings" },
  sevInfo: { vi: "Ghi chú", en: "Notes" },
  filterSeverity: { vi: "Mức độ", en: "Severity" },
  filterGroup: { vi: "Nhóm", en: "Group" },
  all: { vi: "Tất cả", en: "All" },
  groupN: { vi: "Nhóm {n}", en: "Group {n}" },
  groupRegisters: { vi: "Sổ theo dõi", en: "Registers" },
  groupWorkbook: { vi: "Cấu trúc sổ", en: "Workbook" },
  groupOther: { vi: "Khác", en: "Other" },
  noMatch: { vi: "Không có phát hiện nào khớp bộ lọc.", en: "No findings match the filters." },
  goTo: { vi: "Đến ô {cell}", en: "Go to {cell}" },
  noCell: { vi: "(không gắn với ô nào)", en: "(no cell)" },
  live: { vi: "Tự kiểm tra khi sửa số liệu", en: "Re-check as I edit" },
  liveUnsupported: {
    vi: "Excel này chưa báo được thay đổi ô (cần ExcelApi 1.7): hãy bấm \"Kiểm tra\" sau khi sửa.",
    en: "This Excel cannot report edits (needs ExcelApi 1.7): press \"Check\" after editing.",
  },
  liveOn: { vi: "Đang tự kiểm tra khi sửa.", en: "Re-checking as you edit." },
  lastRun: { vi: "Kiểm tra lúc {time} ({ms} ms).", en: "Checked at {time} ({ms} ms)." },
  values: { vi: "Số liệu", en: "Figures" },
  blank: { vi: "(trống)", en: "(blank)" },
  suggestion: { vi: "Gợi ý", en: "Suggestion" },
  details: { vi: "Chi tiết", en: "Details" },
  hideDetails: { vi: "Ẩn chi tiết", en: "Hide details" },
  rule: { vi: "Quy tắc", en: "Rule" },
  implied: { vi: "Kéo theo từ lỗi trên", en: "Follows from the error above" },
  nestedNote: { vi: "{n} mục ghi dưới lỗi liên quan ở trên (↳).", en: "{nEn} shown under the related error above (↳)." },
  notOurs: {
    vi: "Sổ này chưa có các trang của phuluc. Hãy vào thẻ \"Sổ nhập liệu\" để tạo sổ hoặc nhập tệp JSON.",
    en: "This workbook has no phuluc sheets yet. Use the \"Workbook\" tab to set it up or import a JSON file.",
  },
} as const;

export type CheckStringKey = keyof typeof CHECK_STRINGS;

export function ct(lang: CheckLang, key: CheckStringKey, vars?: Record<string, string | number>): string {
  let s: string = CHECK_STRINGS[key][lang] ?? CHECK_STRINGS[key].vi;
  // English counts with their plural: {errorsEn} → "1 error" / "2 errors".
  if (vars && lang === "en") {
    const nouns: Record<string, string> = { errors: "error", warnings: "warning", infos: "note", n: "finding" };
    for (const k of Object.keys(nouns)) if (typeof vars[k] === "number") s = s.split("{" + k + "En}").join(plural(vars[k] as number, nouns[k]));
  }
  if (vars) for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
  return s;
}
