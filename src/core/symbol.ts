/**
 * Document numbers and symbols (số, ký hiệu), after Nghị định 30/2020/NĐ-CP and
 * Hướng dẫn 36-HD/VPTW:
 * - Party documents: NUMBER-TYPE/BODY ("166-KH/ĐU", "54-CV/BCĐ", "05-CT/TW") → cấp ủy;
 * - state documents: NUMBER/TYPE-AGENCY ("49/KH-KHCN"), a công văn NUMBER/AGENCY-UNIT
 *   ("320/SKHCN-VP"), legal documents NUMBER/YEAR/TYPE-AGENCY ("04/2015/NĐ-CP") → chính quyền.
 */
import { nfc } from "./vn";

export type Issuer = "cap_uy" | "chinh_quyen";

/** NFC, "Ð" → "Đ", dashes and slashes unified, spaces and a leading "Số"/"Số:" removed. */
export function cleanSymbol(symbol: string): string {
  let s = nfc(String(symbol)).trim();
  s = s.replace(/^(số|so)\s*[:.]?\s*/i, "");
  s = s.replace(/[\u2010-\u2015\u2212]/g, "-").replace(/[\u2215\u2044\uFF0F]/g, "/");
  s = s.replace(/\s+/g, "");
  s = s.replace(/[.;,]+$/, "");
  return s;
}

const NUM = "\\d+[a-zA-Z]?";
const WORD = "[^/\\-\\s]+";
const PARTY = new RegExp(`^${NUM}-${WORD}/[^/]+$`, "u");
const STATE = new RegExp(`^${NUM}/(?:\\d{4}/)?${WORD}(?:-[^/]+)?$`, "u");

/** Who issued a document, from its symbol; undefined when the symbol has neither form. */
export function issuerFromSymbol(symbol: string): Issuer | undefined {
  if (typeof symbol !== "string") return undefined;
  const s = cleanSymbol(symbol);
  if (!s) return undefined;
  if (PARTY.test(s)) return "cap_uy";
  if (STATE.test(s)) return "chinh_quyen";
  return undefined;
}

/** Type code of a symbol ("166-KH/ĐU" → "KH", "49/KH-KHCN" → "KH", "320/SKHCN-VP" → undefined (công văn)). */
export function typeFromSymbol(symbol: string): string | undefined {
  const s = cleanSymbol(symbol);
  let m = /^\d+[a-zA-Z]?-([^/\-]+)\//u.exec(s);
  if (m) return m[1];
  m = /^\d+[a-zA-Z]?\/(?:\d{4}\/)?([^/\-]+)-/u.exec(s);
  if (m && TYPE_CODES.has(m[1])) return m[1];
  return undefined;
}

/** Type codes of Nghị định 30/2020 and Hướng dẫn 36-HD/VPTW. */
export const TYPE_CODES = new Set([
  "NQ", "QĐ", "CT", "QC", "QyĐ", "QĐi", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "KL", "CV",
  "HĐ", "GUQ", "GM", "GGT", "GNP", "PC", "PG", "TT", "TC", "NĐ", "L", "PL",
]);

/**
 * Names with which a Party body's name begins (Hướng dẫn 36-HD/VPTW): its reports take the
 * Party header ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 15-BC/ĐU"), not the state one.
 */
const PARTY_BODIES = [
  "đảng ủy",
  "đảng uỷ",
  "đảng bộ",
  "ban chấp hành đảng bộ",
  "ban thường vụ",
  "thường trực đảng ủy",
  "thường trực huyện ủy",
  "thường trực tỉnh ủy",
  "tỉnh ủy",
  "tỉnh uỷ",
  "thành ủy",
  "thành uỷ",
  "huyện ủy",
  "huyện uỷ",
  "quận ủy",
  "quận uỷ",
  "thị ủy",
  "thị uỷ",
  "chi bộ",
  "chi ủy",
  "ủy ban kiểm tra đảng ủy",
  "ủy ban kiểm tra tỉnh ủy",
  "ủy ban kiểm tra huyện ủy",
  "ban tuyên giáo",
  "ban dân vận",
  "ban tổ chức tỉnh ủy",
  "ban tổ chức huyện ủy",
  "văn phòng tỉnh ủy",
  "văn phòng huyện ủy",
  "đảng đoàn",
  "ban cán sự đảng",
];

/** Whether an agency's name is a Party body's ("Đảng ủy xã Tân Lập", "Huyện ủy Mai Sơn", "Chi bộ …"). */
export function isPartyBody(name: unknown): boolean {
  if (typeof name !== "string") return false;
  const s = nfc(name).trim().replace(/\s+/g, " ").toLowerCase();
  return PARTY_BODIES.some((p) => s === p || s.startsWith(p + " "));
}

/** Whether a report is a Party body's: its agency, or failing a name, its parent agency, is one. */
export function isPartyReport(report: { agency?: string; parentAgency?: string } | undefined): boolean {
  if (!report) return false;
  return isPartyBody(report.agency) || isPartyBody(report.parentAgency);
}
