/** Strings of "Nhập số liệu năm trước" (the "Sổ nhập liệu" view): Vietnamese first, English available. */
export const PREVIOUS_STRINGS = {
  title: { vi: "Số liệu năm trước", en: "Last year's figures" },
  intro: {
    vi: "Điền cột \"Năm trước\" của trang \"Phụ lục\" từ báo cáo năm trước (.docx), sổ tính (.xlsx) hoặc tệp .json của năm trước. Xem trước rồi mới ghi; số đã nhập ở cột \"Năm trước\" được giữ nguyên.",
    en: "Fill the \"Năm trước\" (previous year) column of the \"Phụ lục\" sheet from last year's report (.docx), workbook (.xlsx) or .json. Preview first; figures already typed in that column are kept.",
  },
  button: { vi: "Nhập số liệu năm trước", en: "Import last year's figures" },
  reading: { vi: "Đang đọc tệp năm trước…", en: "Reading last year's file…" },
  dialogTitle: { vi: "Nhập số liệu năm trước từ {file}", en: "Import last year's figures from {file}" },
  confirm: { vi: "Ghi {n} ô", en: "Write {n} cells" },
  nothing: { vi: "Không có ô nào để ghi: cột \"Năm trước\" đã có đủ số liệu, hoặc không đọc được số liệu nào từ tệp.", en: "Nothing to write: the \"Năm trước\" column is filled, or no figure could be read from the file." },
  done: { vi: "Đã ghi {n} ô vào cột \"Năm trước\".", en: "Wrote {n} cells in the \"Năm trước\" column." },
  badFile: { vi: "Không đọc được tệp {file}", en: "Cannot read {file}" },
} as const;

export type PreviousKey = keyof typeof PREVIOUS_STRINGS;

export function pt(lang: "vi" | "en", key: PreviousKey, vars?: Record<string, string | number>): string {
  let s: string = PREVIOUS_STRINGS[key][lang] ?? PREVIOUS_STRINGS[key].vi;
  if (vars) for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
  return s;
}
