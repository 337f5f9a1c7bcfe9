/**
 * lint.* on a report's own data (registers, the report's number and date, the basis and
 * the sections' text), as `check` runs it: warnings only, each with the corrected form as
 * its `suggestion` where one can be told (spec qcdc-2021 "Other families";
 * vn-document-conventions.md "Numbers and dates"). Reuses the draft lint's symbol parser.
 *
 * - lint.symbol: a symbol not in its form: spaces or a long dash around "/" and "-"
 *   ("30 –CT/TW"), "Ð" (U+00D0) for "Đ", the type fused with the agency ("NĐCP"), "/" where
 *   "-" belongs ("01/2016/TT/BNV"), "&" in the agency ("BGD&ĐT"), a Party document in the
 *   state form, a number below 10 without its zero, or no form at all;
 * - lint.type-code: a type code not in the closed list of the conventions;
 * - lint.same-document: one document written two ways across registers and sections;
 * - lint.agency-abbr: one agency abbreviated several ways ("KHCN", "SKHCN", "SKH-CN");
 * - lint.future-date / lint.out-of-period: a register row dated after the report's date, or
 *   outside its period (report.period, else the year reported);
 * - lint.report-number / lint.report-date: the report's own number and symbol malformed or
 *   quoted otherwise in its text; its date before the year it reports on, or before the end
 *   of its period;
 * - lint.date (in the sections' text): dates written with dots.
 */
import type { Finding, Lang, RegisterRow, ReportData, Text } from "./types";
import type { Ctx } from "./rules/context";
import { cleanSymbol, TYPE_CODES } from "./symbol";
import { writtenAs } from "./normalize";
import { fill } from "./i18n";
import { formatDate, nfc } from "./vn";
import { parseSymbol, findSymbols, sameKey, replaceLast, lintText, PARTY_BODIES, type ParsedSymbol } from "./draft/lint";
import { normalizeText, splitSentences } from "./draft/text";

/** A law or resolution of the National Assembly or its Standing Committee: "10/2022/QH15". */
const LEGISLATURE = /^\d+[a-z]?\/\d{4}\/(?:QH|UBTVQH)\d{1,2}$/u;

/** The type codes written in full in messages (the closed list; QH for the National Assembly). */
export function typeCodeList(): string[] {
  return [...TYPE_CODES, "QH"];
}

export const LINT_MESSAGES: Record<string, Text> = {
  "symbol.message": { vi: "Ký hiệu \"{written}\" ({where}) {reasons}.", en: "The symbol \"{written}\" ({where}) {reasons}." },
  "symbol.suggestion": { vi: "Viết \"{fixed}\".", en: "Write \"{fixed}\"." },
  "reason.eth": { vi: "có chữ \"Ð\" (U+00D0, chữ cái Iceland) thay cho \"Đ\"", en: "has \"Ð\" (U+00D0, the Icelandic eth) for \"Đ\"" },
  "reason.spaces": { vi: "có dấu cách hoặc gạch dài quanh dấu \"/\", \"-\"", en: "has spaces or a long dash around \"/\" or \"-\"" },
  "reason.slash": { vi: "dùng \"/\" giữa loại văn bản và cơ quan ban hành (đúng là \"-\")", en: "has \"/\" between the type and the issuing body (it is \"-\")" },
  "reason.fused": { vi: "thiếu dấu gạch nối giữa loại văn bản và cơ quan ban hành", en: "lacks the hyphen between the type and the issuing body" },
  "reason.mixed": { vi: "trộn cách viết của văn bản Đảng (SỐ-LOẠI/CƠ QUAN) và văn bản nhà nước (SỐ/LOẠI-CƠ QUAN)", en: "mixes the Party form (NUMBER-TYPE/BODY) and the state form (NUMBER/TYPE-AGENCY)" },
  "reason.party": { vi: "là văn bản của Đảng nhưng viết theo kiểu văn bản nhà nước", en: "is a Party document written in the state form" },
  "reason.amp": { vi: "có dấu \"&\" trong chữ viết tắt tên cơ quan", en: "has \"&\" in the agency's abbreviation" },
  "reason.pad": { vi: "số dưới 10 thiếu số 0 ở trước", en: "a number below 10 lacks its leading zero" },
  "reason.case": { vi: "viết sai chữ hoa, chữ thường của loại văn bản", en: "has the type code in the wrong case" },
  "malformed.message": {
    vi: "Ký hiệu \"{written}\" ({where}) không theo dạng nào của số, ký hiệu văn bản.",
    en: "The symbol \"{written}\" ({where}) has none of the forms of a document number and symbol.",
  },
  "malformed.suggestion": {
    vi: "Đối chiếu với bản gốc và viết SỐ/LOẠI-CƠ QUAN (\"49/KH-KHCN\"), công văn SỐ/CƠ QUAN-ĐƠN VỊ (\"320/SKHCN-VP\"), văn bản quy phạm SỐ/NĂM/LOẠI-CƠ QUAN (\"04/2015/NĐ-CP\"), văn bản của Đảng SỐ-LOẠI/CƠ QUAN (\"166-KH/ĐU\").",
    en: "Check against the original and write NUMBER/TYPE-AGENCY (\"49/KH-KHCN\"), a công văn NUMBER/AGENCY-UNIT (\"320/SKHCN-VP\"), a legal document NUMBER/YEAR/TYPE-AGENCY (\"04/2015/NĐ-CP\"), a Party document NUMBER-TYPE/BODY (\"166-KH/ĐU\").",
  },
  "type.message": {
    vi: "Ký hiệu \"{written}\" ({where}) có loại văn bản \"{type}\" không có trong danh mục viết tắt.",
    en: "The symbol \"{written}\" ({where}) has the type code \"{type}\", which is not in the list of abbreviations.",
  },
  "type.suggestion": {
    vi: "Đối chiếu với bản gốc; loại văn bản viết tắt theo Nghị định 30/2020/NĐ-CP và Hướng dẫn 36-HD/VPTW: {list}.",
    en: "Check against the original; type codes follow Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW: {list}.",
  },
  "same.message": {
    vi: "Cùng một văn bản được ghi theo {count} cách: {spellings}.",
    en: "The same document is written {count} ways: {spellings}.",
  },
  "same.suggestion": { vi: "Viết thống nhất \"{preferred}\".", en: "Write \"{preferred}\" throughout." },
  "abbr.message": {
    vi: "Cùng một cơ quan nhưng ký hiệu viết tắt khác nhau: \"{variant}\" ({symbols}) so với \"{own}\".",
    en: "The same agency is abbreviated differently: \"{variant}\" ({symbols}) against \"{own}\".",
  },
  "abbr.suggestion": {
    vi: "Đối chiếu với bản gốc; nếu đúng là cùng cơ quan, viết thống nhất \"{own}\" (ví dụ \"{example}\").",
    en: "Check against the originals; if it is the same agency, write \"{own}\" throughout (e.g. \"{example}\").",
  },
  "future.message": {
    vi: "Ngày {date} ({where}) sau ngày báo cáo ({reportDate}).",
    en: "The date {date} ({where}) is after the report's date ({reportDate}).",
  },
  "period.message": {
    vi: "Ngày {date} ({where}) nằm ngoài kỳ báo cáo ({from} – {to}).",
    en: "The date {date} ({where}) is outside the period reported ({from} – {to}).",
  },
  "date.suggestion.year": {
    vi: "Nếu gõ nhầm năm, viết \"{fixed}\"; nếu không thuộc kỳ báo cáo, bỏ dòng này khỏi sổ.",
    en: "If the year is mistyped, write \"{fixed}\"; if it is not in the period, remove the row from the register.",
  },
  "date.suggestion": {
    vi: "Kiểm tra lại ngày; nếu không thuộc kỳ báo cáo, bỏ dòng này khỏi sổ.",
    en: "Check the date; if it is not in the period, remove the row from the register.",
  },
  "report.padNumber": {
    vi: "Số báo cáo \"{number}\" dưới 10 thiếu số 0 ở trước.",
    en: "The report number \"{number}\" is below 10 and lacks its leading zero.",
  },
  "report.symbol": { vi: "Số, ký hiệu của báo cáo \"{written}\" {reasons}.", en: "The report's number and symbol \"{written}\" {reasons}." },
  "report.type": {
    vi: "Ký hiệu của báo cáo \"{written}\" có loại văn bản \"{type}\", không phải \"BC\" (báo cáo).",
    en: "The report's symbol \"{written}\" has the type \"{type}\", not \"BC\" (báo cáo).",
  },
  "report.quoted": {
    vi: "{where} ghi \"{quoted}\", nhưng báo cáo này là số {expected}.",
    en: "{where} gives \"{quoted}\", but this report is number {expected}.",
  },
  "report.beforeYear": {
    vi: "Ngày báo cáo {date} trước năm được báo cáo ({year}).",
    en: "The report's date {date} is before the year it reports on ({year}).",
  },
  "report.beforePeriodEnd": {
    vi: "Ngày báo cáo {date} trước ngày cuối của kỳ báo cáo ({to}).",
    en: "The report's date {date} is before the end of its period ({to}).",
  },
  "report.dateSuggestion": {
    vi: "Kiểm tra lại ngày báo cáo, năm báo cáo và kỳ báo cáo ở trang \"Thông tin\".",
    en: "Check the report's date, year and period on the \"Thông tin\" sheet.",
  },
  "where.row": { vi: "{register}, dòng {row}", en: "{register}, row {row}" },
  "where.report": { vi: "số, ký hiệu của báo cáo", en: "the report's number and symbol" },
  "where.basis": { vi: "phần căn cứ", en: "the basis" },
  "where.section": { vi: "mục \"{heading}\"", en: "section \"{heading}\"" },
  "where.sectionN": { vi: "mục thứ {n}", en: "section {n}" },
};

function m(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const t = LINT_MESSAGES[key];
  return fill(lang === "en" ? t.en : t.vi, params);
}

export interface SymbolFix {
  /** The symbol in its form, when it differs from what was written (and can be told). */
  fixed?: string;
  /** What is wrong, as keys of LINT_MESSAGES "reason.*". */
  reasons: string[];
  /** No form at all. */
  malformed?: boolean;
  /** A type code outside the list (no fix known). */
  unknownType?: string;
  parsed?: ParsedSymbol;
}

function typeIn(code: string): string | undefined {
  if (TYPE_CODES.has(code)) return code;
  const u = code.toUpperCase();
  for (const c of TYPE_CODES) if (c.toUpperCase() === u) return c;
  return undefined;
}

/**
 * What is wrong with a symbol as written, and its corrected form. Correct citations
 * ("04/2015/NĐ-CP", "28/2021/QĐ-UBND", "54-CV/BCĐ", "10/2022/QH15", "166-KH/ĐU",
 * "49/KH-KHCN", "320/SKHCN-VP") have no reason.
 */
export function fixSymbol(written: string): SymbolFix {
  const reasons: string[] = [];
  const w = String(written ?? "").normalize("NFC").trim();
  if (!w) return { reasons };
  if (/[\u00D0\u00F0]/.test(w)) reasons.push("reason.eth");
  const body = w.replace(/^(số|so)\s*[:.]?\s*/i, "");
  if (/\s|[\u2010-\u2015\u2212]/.test(body)) reasons.push("reason.spaces");
  let s = cleanSymbol(w);
  if (LEGISLATURE.test(s)) return finish(w, s, reasons, parseSymbol(s));
  // "01/2016/TT/BNV": a slash where the hyphen belongs.
  const sl = /^(\d+[a-z]?)\/(\d{4})\/([^/\-]+)\/([^/]+)$/u.exec(s);
  if (sl && typeIn(sl[3])) {
    s = `${sl[1]}/${sl[2]}/${sl[3]}-${sl[4]}`;
    reasons.push("reason.slash");
  }
  let p = parseSymbol(s);
  if (p.fixed) {
    reasons.push(p.form === "fused" ? "reason.fused" : p.form === "mixed" ? "reason.mixed" : "reason.party");
    s = p.fixed;
    p = parseSymbol(s);
  }
  if (p.form === "unknown") return { reasons, malformed: true, parsed: p };
  // The type code: in the list, maybe in the wrong case.
  let unknownType: string | undefined;
  if (p.type && (p.form === "party" || p.year)) {
    const t = typeIn(p.type);
    if (!t) unknownType = p.type;
    else if (t !== p.type) {
      reasons.push("reason.case");
      s = p.form === "party" ? s.replace(`-${p.type}/`, `-${t}/`) : s.replace(`/${p.type}-`, `/${t}-`);
      p = parseSymbol(s);
    }
  }
  if (s.includes("&")) {
    s = s.replace(/&/g, "");
    reasons.push("reason.amp");
    p = parseSymbol(s);
  }
  const n = /^(\d+)/.exec(s);
  if (n && n[1].length === 1 && n[1] !== "0") {
    s = "0" + s;
    reasons.push("reason.pad");
    p = parseSymbol(s);
  }
  const out = finish(w, s, reasons, p);
  if (unknownType) out.unknownType = unknownType;
  return out;
}

function finish(w: string, s: string, reasons: string[], p: ParsedSymbol): SymbolFix {
  const fixed = nfc(s);
  return reasons.length && fixed !== w ? { fixed, reasons, parsed: parseSymbol(fixed) } : { reasons: [], parsed: p };
}

interface Occurrence {
  written: string;
  fix: SymbolFix;
  path: string;
  where: string;
  quote?: string;
  offset?: number;
}

function joinSpellings(items: string[], lang: Lang): string {
  return items.map((s) => "\"" + s + "\"").join(lang === "en" ? " and " : " và ");
}

/** The agency abbreviations a state symbol carries ("49/KH-KHCN" → KHCN; "320/SKHCN-VP" → SKHCN). */
function agencyOf(p: ParsedSymbol | undefined): string | undefined {
  if (!p || !p.body) return undefined;
  if (p.form === "state" && !p.fixed) return p.body;
  if (p.form === "cv") {
    const i = p.body.indexOf("-");
    return i > 0 ? p.body.slice(0, i) : p.body;
  }
  return undefined;
}

function agencyKey(s: string): string {
  return s.replace(/[-&]/g, "").toUpperCase();
}

function isoOk(v: unknown): v is string {
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
}

/** The lint of one report (run by the engine unless `lint: false`). */
export function lintReport(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const lang = ctx.lang;
  const data = ctx.data as ReportData;
  const report = (data.report ?? {}) as ReportData["report"];
  const occ: Occurrence[] = [];
  const warn = (rule: string, message: string, suggestion: string | undefined, path: string, extra: Partial<Finding> = {}): Finding => {
    const f: Finding = { rule, severity: "warning", message, indicators: [], path, ...extra };
    if (suggestion) f.suggestion = suggestion;
    return f;
  };

  // Period: report.period, else the year reported.
  const reportDate = isoOk(report.date) ? report.date : undefined;
  let from: string | undefined;
  let to: string | undefined;
  if (report.period && isoOk(report.period.from) && isoOk(report.period.to)) {
    from = report.period.from;
    to = report.period.to;
  } else if (typeof report.year === "number" && report.year > 1900 && report.year < 3000) {
    from = report.year + "-01-01";
    to = report.year + "-12-31";
  }
  // 1. Symbols of the registers.
  for (const reg of ctx.t.registers) {
    const symbolFields = reg.fields.filter((f) => f.type === "symbol");
    const dateFields = reg.fields.filter((f) => f.type === "date");
    if (!symbolFields.length && !dateFields.length) continue;
    for (const { index, row } of ctx.rows(reg.id)) {
      const where = m(lang, "where.row", { register: reg.label[lang], row: ctx.rowNo(reg.id, index) });
      for (const f of symbolFields) {
        const v = row[f.id];
        if (typeof v !== "string" || !v.trim()) continue;
        const written = writtenAs(row as RegisterRow, f.id) ?? v;
        const path = "registers." + reg.id + "[" + index + "]." + f.id;
        const fix = fixSymbol(written);
        occ.push({ written: written.trim(), fix, path, where });
        symbolFindings(fix, written.trim(), where, path);
      }
      // 2. Dates after the report's date or outside its period.
      for (const f of dateFields) dateFinding(row[f.id], where, "registers." + reg.id + "[" + index + "]." + f.id);
    }
  }

  function symbolFindings(fix: SymbolFix, written: string, where: string, path: string): void {
    if (fix.malformed) {
      out.push(warn("lint.symbol", m(lang, "malformed.message", { written, where }), m(lang, "malformed.suggestion"), path, { values: { [path.slice(path.lastIndexOf(".") + 1)]: written } }));
      return;
    }
    if (fix.fixed) {
      const reasons = fix.reasons.map((r) => m(lang, r));
      out.push(
        warn("lint.symbol", m(lang, "symbol.message", { written, where, reasons: joinReasons(reasons, lang) }), m(lang, "symbol.suggestion", { fixed: fix.fixed }), path, {
          values: { [path.slice(path.lastIndexOf(".") + 1)]: written },
        }),
      );
    }
    if (fix.unknownType) {
      out.push(warn("lint.type-code", m(lang, "type.message", { written, where, type: fix.unknownType }), m(lang, "type.suggestion", { list: typeCodeList().join(", ") }), path));
    }
  }

  function dateFinding(v: unknown, where: string, path: string): void {
    if (!isoOk(v)) return;
    const date = formatDate(v);
    const field = path.slice(path.lastIndexOf(".") + 1);
    const yearFixed = (): string | undefined => {
      if (!from || !to) return undefined;
      for (const y of new Set([from.slice(0, 4), to.slice(0, 4)])) {
        const c = y + v.slice(4);
        if (c >= from && c <= to && (!reportDate || c <= reportDate)) return formatDate(c);
      }
      return undefined;
    };
    const fixed = yearFixed();
    const suggestion = fixed ? m(lang, "date.suggestion.year", { fixed }) : m(lang, "date.suggestion");
    if (reportDate && v > reportDate) {
      out.push(warn("lint.future-date", m(lang, "future.message", { date, where, reportDate: formatDate(reportDate) }), suggestion, path, { values: { [field]: v } }));
    } else if (from && to && (v < from || v > to)) {
      out.push(warn("lint.out-of-period", m(lang, "period.message", { date, where, from: formatDate(from), to: formatDate(to) }), suggestion, path, { values: { [field]: v } }));
    }
  }

  // 3. The report's own number, symbol and date.
  const num = typeof report.number === "string" || typeof report.number === "number" ? String(report.number).trim() : "";
  const sym = typeof report.symbol === "string" ? report.symbol.trim() : "";
  let ownSymbol: string | undefined;
  if (/^[1-9]$/.test(num)) {
    out.push(warn("lint.report-number", m(lang, "report.padNumber", { number: num }), m(lang, "symbol.suggestion", { fixed: "0" + num }), "report.number", { values: { "report.number": num } }));
  }
  if (sym) {
    // "BC-SKHCN" joins the number with "/"; a Party report's "BC/ĐU" with "-".
    const joint = sym.includes("/") ? "-" : "/";
    const written = (num || "10") + joint + sym;
    const fix = fixSymbol(written);
    const shownWritten = num ? written : sym;
    const reasons = fix.reasons.filter((r) => r !== "reason.pad");
    if (fix.malformed) {
      out.push(warn("lint.report-number", m(lang, "malformed.message", { written: shownWritten, where: m(lang, "where.report") }), m(lang, "malformed.suggestion"), "report.symbol"));
    } else if (fix.fixed && reasons.length) {
      const fixed = num ? fix.fixed : fix.fixed.replace(/^\d+[/-]/, "");
      out.push(
        warn("lint.report-number", m(lang, "report.symbol", { written: shownWritten, reasons: joinReasons(reasons.map((r) => m(lang, r)), lang) }), m(lang, "symbol.suggestion", { fixed }), "report.symbol", {
          values: { "report.number": num || null, "report.symbol": sym },
        }),
      );
    }
    const p = fix.parsed;
    if (!fix.malformed && p && p.type && p.type.toUpperCase() !== "BC" && (p.form === "party" || p.form === "state")) {
      out.push(warn("lint.report-number", m(lang, "report.type", { written: shownWritten, type: p.type }), undefined, "report.symbol", { values: { "report.symbol": sym } }));
    }
    ownSymbol = cleanSymbol(fix.fixed ?? written);
    if (num) occ.push({ written: written, fix, path: "report.symbol", where: m(lang, "where.report") });
  }
  if (reportDate) {
    if (typeof report.year === "number" && +reportDate.slice(0, 4) < report.year) {
      out.push(warn("lint.report-date", m(lang, "report.beforeYear", { date: formatDate(reportDate), year: report.year }), m(lang, "report.dateSuggestion"), "report.date", { values: { "report.date": reportDate, "report.year": report.year } }));
    } else if (report.period && isoOk(report.period.to) && report.period.to > reportDate) {
      out.push(warn("lint.report-date", m(lang, "report.beforePeriodEnd", { date: formatDate(reportDate), to: formatDate(report.period.to) }), m(lang, "report.dateSuggestion"), "report.date", { values: { "report.date": reportDate } }));
    }
  }

  // 4. The basis and the sections' text: symbols (for the joint checks), lint.symbol and lint.date.
  const texts: { text: string; path: string; where: string }[] = [];
  if (typeof report.basis === "string" && report.basis.trim()) texts.push({ text: report.basis, path: "report.basis", where: m(lang, "where.basis") });
  (data.sections ?? []).forEach((s, i) => {
    if (!s || typeof s.text !== "string" || !s.text.trim()) return;
    const heading = typeof s.heading === "string" && s.heading.trim() ? s.heading.trim() : "";
    texts.push({ text: s.text, path: "sections[" + i + "].text", where: heading ? m(lang, "where.section", { heading }) : m(lang, "where.sectionN", { n: i + 1 }) });
  });
  const ownKey = ownSymbol ? parseSymbol(ownSymbol) : undefined;
  for (const tx of texts) {
    const nt = normalizeText(tx.text);
    const sentences = splitSentences(nt.text);
    for (const f of lintText(nt, sentences, undefined, lang)) {
      if (f.rule !== "lint.symbol" && f.rule !== "lint.date") continue;
      f.path = tx.path;
      f.message = f.message.replace(/\.$/, "") + " (" + tx.where + ").";
      out.push(f);
    }
    for (const h of findSymbols(nt.text)) {
      const quoteInfo = sentences.find((s) => h.start >= s.start && h.start < s.end);
      const quote = quoteInfo ? nt.text.slice(quoteInfo.start, quoteInfo.end).trim() : h.written;
      occ.push({ written: h.written, fix: fixSymbol(h.written), path: tx.path, where: tx.where, quote, offset: nt.map[h.start] });
      // The report quoted with its own number but another symbol ("538/BC-SKHCM" for "538/BC-SKHCN").
      const p = h.symbol;
      if (ownKey && ownSymbol && num && p.num && parseInt(p.num, 10) === parseInt(num, 10) && p.type && ownKey.type && p.type.toUpperCase() === ownKey.type.toUpperCase() && cleanSymbol(h.written) !== ownSymbol && close(p.body ?? "", ownKey.body ?? "")) {
        out.push(warn("lint.report-number", m(lang, "report.quoted", { where: upper(tx.where), quoted: h.written, expected: ownSymbol }), m(lang, "symbol.suggestion", { fixed: ownSymbol }), tx.path, { quote, offset: nt.map[h.start], values: { "report.number": num, "report.symbol": sym } }));
      }
    }
  }

  // 5. One document written two ways.
  const groups = new Map<string, Occurrence[]>();
  for (const o of occ) {
    const p = o.fix.fixed ? parseSymbol(o.fix.fixed) : o.fix.parsed;
    const k = p ? sameKey(p) : undefined;
    if (!k) continue;
    const g = groups.get(k) ?? [];
    g.push(o);
    groups.set(k, g);
  }
  for (const g of groups.values()) {
    const spellings: string[] = [];
    for (const o of g) if (!spellings.includes(o.written)) spellings.push(o.written);
    if (spellings.length < 2) continue;
    // The preferred form: the one written correctly most often, else the corrected form.
    const counts = new Map<string, number>();
    for (const o of g) {
      const f = o.fix.fixed ?? cleanSymbol(o.written);
      counts.set(f, (counts.get(f) ?? 0) + (o.fix.fixed ? 0.5 : 1));
    }
    const preferred = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const odd = g.find((o) => o.written !== preferred) ?? g[1];
    const places = spellings.map((s) => s + " — " + g.filter((o) => o.written === s).map((o) => o.where).join("; "));
    out.push(
      warn("lint.same-document", m(lang, "same.message", { count: spellings.length, spellings: joinSpellings(places, lang) }), m(lang, "same.suggestion", { preferred }), odd.path, {
        ...(odd.quote !== undefined ? { quote: odd.quote, offset: odd.offset } : {}),
        values: { spellings: spellings.join(" | ") },
      }),
    );
  }

  // 6. One agency abbreviated several ways.
  const own = ownSymbol ? agencyOf(parseSymbol(ownSymbol)) : undefined;
  const byKey = new Map<string, Map<string, Occurrence[]>>();
  for (const o of occ) {
    if (o.path === "report.symbol") continue;
    const a = agencyOf(parseSymbol(cleanSymbol(o.written)));
    if (!a || PARTY_BODIES.has(a)) continue;
    let k = agencyKey(a);
    if (own) {
      const ok = agencyKey(own);
      if (k === ok || "S" + k === ok || k === "S" + ok) k = "\u0000own";
    }
    const mm = byKey.get(k) ?? new Map<string, Occurrence[]>();
    const l = mm.get(a) ?? [];
    if (!l.some((x) => cleanSymbol(x.written) === cleanSymbol(o.written))) l.push(o);
    mm.set(a, l);
    byKey.set(k, mm);
  }
  for (const [k, mm] of byKey) {
    let main: string;
    if (k === "\u0000own") main = own!;
    else {
      if (mm.size < 2) continue;
      main = [...mm.entries()].sort((a, b) => b[1].length - a[1].length)[0][0];
    }
    for (const [variant, os] of mm) {
      if (variant === main) continue;
      const first = os[0];
      const example = replaceLast(cleanSymbol(first.written), variant, main);
      out.push(
        warn("lint.agency-abbr", m(lang, "abbr.message", { variant, own: main, symbols: os.map((o) => cleanSymbol(o.written)).join(", ") }), m(lang, "abbr.suggestion", { own: main, example }), first.path, {
          ...(first.quote !== undefined ? { quote: first.quote, offset: first.offset } : {}),
          values: { variant, own: main },
        }),
      );
    }
  }
  return out;
}

function upper(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function joinReasons(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "en" ? " and " : " và ";
  return items.slice(0, -1).join(", ") + and + items[items.length - 1];
}

/** Two bodies one or two letters apart ("SKHCM" and "SKHCN"). */
function close(a: string, b: string): boolean {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  if (x === y) return false;
  if (Math.abs(x.length - y.length) > 2) return false;
  const d: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    d.push([i]);
    for (let j = 1; j <= y.length; j++) d[i][j] = i === 0 ? j : Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
  }
  return d[x.length][y.length] <= 2;
}
