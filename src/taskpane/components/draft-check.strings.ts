/** Strings of the draft check ("Đối chiếu bản dự thảo") in the report view: Vietnamese first. */
import { plural } from "../../core/i18n";
export interface DraftCheckStrings {
  title: string;
  intro: string;
  textLabel: string;
  placeholder: string;
  run: string;
  running: string;
  clear: string;
  empty: string;
  failed: string;
  summary: (errors: number, warnings: number) => string;
  allGood: string;
  figuresOk: (warnings: number) => string;
  errors: string;
  warnings: string;
  infos: string;
  suggestion: string;
  quoteLabel: string;
  stale: string;
  /** The list holds only the first `shown` of `total` findings. */
  capped: (shown: number, total: number) => string;
}

export const DRAFT_STRINGS: Record<"vi" | "en", DraftCheckStrings> = {
  vi: {
    title: "Đối chiếu bản dự thảo",
    intro:
      "Nếu báo cáo đã được soạn sẵn trong Word, hãy dán toàn văn vào ô dưới đây (trong Word: Ctrl+A, Ctrl+C; ở đây: Ctrl+V) rồi nhấn \"Đối chiếu\". Các con số, những câu như \"không tổ chức…\", số và ngày của báo cáo được so với số liệu trong sổ; cách viết ký hiệu, ngày tháng cũng được soát.",
    textLabel: "Văn bản dự thảo",
    placeholder: "Dán bản dự thảo báo cáo vào đây…",
    run: "Đối chiếu",
    running: "Đang đối chiếu…",
    clear: "Xóa văn bản",
    empty: "Chưa có văn bản để đối chiếu. Hãy dán bản dự thảo vào ô trên rồi nhấn \"Đối chiếu\".",
    failed: "Không đối chiếu được.",
    summary: (e, w) => `${e} lỗi · ${w} cảnh báo`,
    allGood: "Không thấy chỗ nào khác với số liệu.",
    figuresOk: (w) => `Không thấy con số nào khác với số liệu; còn ${w} cảnh báo về cách viết.`,
    errors: "Lỗi: khác với số liệu",
    warnings: "Cảnh báo: cách viết",
    infos: "Ghi chú",
    suggestion: "Gợi ý",
    quoteLabel: "Câu trong bản dự thảo",
    stale: "Văn bản đã thay đổi sau lần đối chiếu trước: nhấn \"Đối chiếu\" để soát lại.",
    capped: (shown, total) => `Chỉ liệt kê ${shown} trong số ${total} vấn đề; hãy sửa các chỗ dưới đây rồi đối chiếu lại.`,
  },
  en: {
    title: "Check a draft",
    intro:
      "If the report was already written in Word, paste its whole text below (in Word: Ctrl+A, Ctrl+C; here: Ctrl+V) and press \"Check\". Figures, sentences such as \"did not hold…\", the report's number and date are compared with the workbook's figures; document symbols and dates are checked for form.",
    textLabel: "Draft text",
    placeholder: "Paste the draft report here…",
    run: "Check",
    running: "Checking…",
    clear: "Clear the text",
    empty: "There is no text to check. Paste the draft into the box above and press \"Check\".",
    failed: "The draft could not be checked.",
    summary: (e, w) => `${plural(e, "error")} · ${plural(w, "warning")}`,
    allGood: "Nothing in the text disagrees with the figures.",
    figuresOk: (w) => `No figure disagrees with the workbook; ${plural(w, "warning")} about form ${w === 1 ? "remains" : "remain"}.`,
    errors: "Errors: disagree with the figures",
    warnings: "Warnings: form",
    infos: "Notes",
    suggestion: "Suggestion",
    quoteLabel: "Sentence in the draft",
    stale: "The text changed since the last check: press \"Check\" again.",
    capped: (shown, total) => `Only ${shown} of ${total} problems are listed; fix those below and check again.`,
  },
};
