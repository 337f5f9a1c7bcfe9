/**
 * Messages of the draft check (narrative.*, lint.*), in Vietnamese and English.
 * Placeholders {name} are filled with `fill` (src/core/i18n.ts).
 */
import type { Lang, Text } from "../types";
import { fill } from "../i18n";

export const DRAFT_MESSAGES: Record<string, Text> = {
  "figure.message": {
    vi: "Câu văn ghi {shown} cho chỉ tiêu \"{label}\", nhưng phụ lục ghi {appendix}.",
    en: "The text gives {shown} for \"{label}\", but the appendix has {appendix}.",
  },
  "figure.suggestion": {
    vi: "Sửa câu văn thành {appendix} cho khớp phụ lục, hoặc sửa số liệu trong phụ lục nếu câu văn đúng.",
    en: "Change the text to {appendix} to match the appendix, or correct the appendix if the text is right.",
  },
  "negation.message": {
    vi: "Câu văn nói \"{phrase}\", nhưng phụ lục ghi {figures}.",
    en: "The text says \"{phrase}\", but the appendix has {figures}.",
  },
  "negation.suggestion": {
    vi: "Sửa câu văn cho khớp số liệu (ví dụ: \"{positive}\"), hoặc sửa số liệu trong phụ lục nếu câu văn đúng.",
    en: "Change the text to match the figures (for example: \"{positive}\"), or correct the appendix if the text is right.",
  },
  "number.message": {
    vi: "Số, ký hiệu của báo cáo được ghi là \"{quoted}\", nhưng báo cáo này là số {expected}.",
    en: "The report's number is given as \"{quoted}\", but this report is number {expected}.",
  },
  "number.suggestion": { vi: "Sửa thành \"{expected}\".", en: "Change it to \"{expected}\"." },
  "date.message": {
    vi: "Ngày của báo cáo được ghi là {quoted}, nhưng báo cáo đề ngày {expected}.",
    en: "The report's date is given as {quoted}, but the report is dated {expected}.",
  },
  "date.suggestion": { vi: "Sửa thành \"{fixed}\".", en: "Change it to \"{fixed}\"." },
  "symbol.fused": {
    vi: "Ký hiệu \"{symbol}\" thiếu dấu gạch nối giữa loại văn bản và cơ quan ban hành.",
    en: "The symbol \"{symbol}\" lacks the hyphen between the document type and the issuing body.",
  },
  "symbol.mixed": {
    vi: "Ký hiệu \"{symbol}\" trộn hai cách viết: văn bản của Đảng viết SỐ-LOẠI/CƠ QUAN (\"05-CT/TW\"), văn bản nhà nước viết SỐ/LOẠI-CƠ QUAN (\"49/KH-KHCN\").",
    en: "The symbol \"{symbol}\" mixes two forms: Party documents are NUMBER-TYPE/BODY (\"05-CT/TW\"), state documents NUMBER/TYPE-AGENCY (\"49/KH-KHCN\").",
  },
  "symbol.party": {
    vi: "Ký hiệu \"{symbol}\" là của văn bản Đảng ({body}) nhưng viết theo kiểu văn bản nhà nước; văn bản của Đảng viết SỐ-LOẠI/CƠ QUAN.",
    en: "The symbol \"{symbol}\" is a Party document's ({body}) written in the state form; Party documents are NUMBER-TYPE/BODY.",
  },
  "symbol.suggestion": { vi: "Viết \"{fixed}\".", en: "Write \"{fixed}\"." },
  "symbol.check": {
    vi: "Đối chiếu với bản gốc của văn bản và viết đúng số, ký hiệu.",
    en: "Check against the original document and write its number and symbol as issued.",
  },
  "dots.message": {
    vi: "Ngày \"{date}\" viết bằng dấu chấm; trong văn bản, ngày tháng viết bằng dấu gạch chéo.",
    en: "The date \"{date}\" is written with dots; in running text dates are written with slashes.",
  },
  "dots.suggestion": { vi: "Viết \"{fixed}\".", en: "Write \"{fixed}\"." },
  "dateline.message": {
    vi: "Dòng địa danh, ngày tháng ghi \"{written}\": ngày dưới 10 và tháng 1, 2 có số 0 ở trước, các tháng khác không.",
    en: "The date line reads \"{written}\": days below 10 and months 1 and 2 take a leading zero, other months do not.",
  },
  "abbr.message": {
    vi: "Cùng một cơ quan nhưng ký hiệu viết tắt khác nhau: \"{variant}\" ({symbols}) so với \"{own}\".",
    en: "The same agency is abbreviated differently: \"{variant}\" ({symbols}) against \"{own}\".",
  },
  "abbr.suggestion": {
    vi: "Đối chiếu với bản gốc; nếu đúng là cùng cơ quan, viết thống nhất \"{own}\" (ví dụ \"{example}\").",
    en: "Check against the originals; if it is the same agency, write \"{own}\" throughout (e.g. \"{example}\").",
  },
  "same.message": {
    vi: "Cùng một văn bản được ghi theo {count} cách: {spellings}.",
    en: "The same document is written {count} ways: {spellings}.",
  },
  "same.suggestion": { vi: "Viết thống nhất \"{preferred}\".", en: "Write \"{preferred}\" throughout." },
  "marked.message": {
    vi: "Câu văn còn dấu \"[cần kiểm tra: {reason}]\": số liệu của câu vi phạm quy tắc, chưa thể nêu như sự thật.",
    en: "The sentence still carries \"[cần kiểm tra: {reason}]\": its figures break a rule and cannot be stated as fact.",
  },
  "marked.suggestion": {
    vi: "Sửa số liệu (chạy \"Kiểm tra\") rồi lập lại báo cáo; hoặc sửa câu văn cho đúng và xoá dấu \"[cần kiểm tra: …]\".",
    en: "Fix the figures (run \"Check\") and make the report again; or correct the sentence and remove the \"[cần kiểm tra: …]\" mark.",
  },
  "internal.sentence": { vi: "câu", en: "sentence" },
  "internal.paragraph": { vi: "đoạn", en: "paragraph" },
  "internal.part.message": {
    vi: "Trong cùng một {where}, phần {partShown} ({part}) lớn hơn tổng {totalShown} ({total}).",
    en: "In the same {where}, the part {partShown} ({part}) exceeds the total {totalShown} ({total}).",
  },
  "internal.sum.message": {
    vi: "Trong cùng một {where}, tổng {totalShown} ({total}) khác tổng các phần: {parts} = {sum}.",
    en: "In the same {where}, the total {totalShown} ({total}) differs from its parts: {parts} = {sum}.",
  },
  "internal.suggestion": {
    vi: "Đối chiếu với phụ lục và sửa cho tổng và các phần khớp nhau.",
    en: "Check against the appendix and make the total and its parts agree.",
  },
};

export function msg(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const t = DRAFT_MESSAGES[key];
  if (!t) return key;
  return fill(lang === "en" ? t.en : t.vi, params);
}
