/**
 * narrative.report-number and narrative.report-date: the report's own number and date as
 * the draft quotes them (the header "Số: …" and date line, and "Kèm theo Báo cáo số … ngày …"),
 * against report.number/symbol and report.date. Also the date line's padding (lint.date).
 */
import type { Finding, Lang, ReportData } from "../types";
import { formatDate, formatDateLine, nfc, parseDate } from "../vn";
import { cleanSymbol } from "../symbol";
import { sentenceIndexAt, type NormText, type Sentence } from "./text";
import { sentenceInfo } from "./figures";
import { msg } from "./messages";

/** End (normalised offset) of the header: the "BÁO CÁO" title line, or the 15th non-empty line. */
export function headerEnd(text: string): number {
  const m = /^[ ]*BÁO CÁO[ ]*$/mu.exec(text);
  if (m) return m.index;
  let lines = 0;
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf("\n", pos);
    if (eol < 0) eol = text.length;
    if (text.slice(pos, eol).trim()) lines++;
    if (lines >= 15) return eol;
    pos = eol + 1;
  }
  return text.length;
}

/** The sentence holding `pos`, else the first one after it. */
function sentenceAt(sentences: Sentence[], pos: number): Sentence | undefined {
  const i = sentenceIndexAt(sentences, pos);
  return i < sentences.length ? sentences[i] : undefined;
}

function symbolKey(s: string): string {
  return nfc(s).toUpperCase();
}

function number(t: NormText, sentences: Sentence[], data: ReportData, lang: Lang, pos: number, quotedRaw: string): Finding | undefined {
  const num = String(data.report?.number ?? "").trim();
  const sym = cleanSymbol(String(data.report?.symbol ?? ""));
  if (!sym) return undefined;
  const quoted = cleanSymbol(quotedRaw);
  if (!quoted) return undefined;
  const expected = num ? num + "/" + sym : sym;
  const qm = /^(\d*[a-zA-Z]?)\/(.+)$/u.exec(quoted);
  if (!qm) return undefined;
  const qNum = qm[1];
  const qSym = qm[2];
  const sameSym = symbolKey(qSym) === symbolKey(sym);
  const sameNum = !qNum || !num || parseInt(qNum, 10) === parseInt(num, 10);
  if (sameSym && sameNum) return undefined;
  const s = sentenceAt(sentences, pos);
  const info = s ? sentenceInfo(t, s) : { quote: quoted, offset: t.map[pos] };
  return {
    rule: "narrative.report-number",
    severity: "error",
    message: msg(lang, "number.message", { quoted, expected }),
    indicators: [],
    values: { "report.number": num || null, "report.symbol": sym },
    expected,
    path: "report.symbol",
    quote: info.quote,
    offset: info.offset,
    suggestion: msg(lang, "number.suggestion", { expected }),
  };
}

function date(t: NormText, sentences: Sentence[], data: ReportData, lang: Lang, pos: number, quotedIso: string, written: string, line: boolean): Finding | undefined {
  const iso = parseDate(String(data.report?.date ?? ""));
  if (!iso || iso === quotedIso) return undefined;
  const s = sentenceAt(sentences, pos);
  const info = s ? sentenceInfo(t, s) : { quote: written, offset: t.map[pos] };
  const expected = line ? formatDateLine("", iso) : formatDate(iso);
  const fixed = line ? formatDateLine("", iso).replace(/^ngày /, "ngày ") : "ngày " + formatDate(iso);
  return {
    rule: "narrative.report-date",
    severity: "error",
    message: msg(lang, "date.message", { quoted: written, expected: formatDate(iso) }),
    indicators: [],
    values: { "report.date": iso },
    expected: iso,
    path: "report.date",
    quote: info.quote,
    offset: info.offset,
    suggestion: msg(lang, "date.suggestion", { fixed: line ? expected : fixed }),
  };
}

const DATE_LINE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const ATTACHED = /kèm theo\s+báo cáo\s+số\s*:?\s*([^\s,;()]+)(?:\s*,?\s*ngày\s+(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?/giu;

function ymd(d: string, m: string, y: string): string | undefined {
  return parseDate(`${+d}/${+m}/${y}`);
}

/** Findings on the report's own number and date, and the date line's padding. */
export function checkHeader(t: NormText, sentences: Sentence[], data: ReportData, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const text = t.text;
  const end = headerEnd(text);
  const head = text.slice(0, end);
  // "Số: 538/BC-SKHCN" in the header (a number left blank for the clerk: "Số:    /BC-SKHCN").
  const sm = /^[ ]*(?:[-•]\s*)?Số\s*:?[ ]*(\d*[a-zA-Z]?[ ]*\/[ ]*[\p{L}\p{N}\-–/]+)/mu.exec(head);
  if (sm) {
    const f = number(t, sentences, data, lang, sm.index + sm[0].indexOf(sm[1]), sm[1].replace(/ /g, ""));
    if (f) out.push(f);
  }
  // The date line.
  let lineSeen = false;
  let pos = 0;
  while (pos < end && !lineSeen) {
    let eol = text.indexOf("\n", pos);
    if (eol < 0 || eol > end) eol = end;
    const line = text.slice(pos, eol);
    const dm = DATE_LINE.exec(line);
    if (dm && /^(?:[^\d]*,\s*)?ngày/iu.test(line.trim())) {
      lineSeen = true;
      const iso = ymd(dm[1], dm[2], dm[3]);
      const at = pos + dm.index;
      if (iso) {
        const f = date(t, sentences, data, lang, at, iso, dm[0], true);
        if (f) out.push(f);
        // Padding of the date line (lint): day below 10 and months 1, 2 padded, others not.
        const want = formatDateLine("", iso);
        const written = dm[0].replace(/\s+/g, " ");
        if (written.toLowerCase() !== want.toLowerCase()) {
          const s = sentenceAt(sentences, at);
          const info = s ? sentenceInfo(t, s) : { quote: written, offset: t.map[at] };
          out.push({
            rule: "lint.date",
            severity: "warning",
            message: msg(lang, "dateline.message", { written }),
            indicators: [],
            quote: info.quote,
            offset: info.offset,
            suggestion: msg(lang, "dots.suggestion", { fixed: want }),
          });
        }
      }
    }
    pos = eol + 1;
  }
  // "(Kèm theo Báo cáo số 538/BC-SKHCN ngày 14/11/2021 …)"
  ATTACHED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTACHED.exec(text))) {
    const symAt = m.index + m[0].indexOf(m[1]);
    const f = number(t, sentences, data, lang, symAt, m[1]);
    if (f) out.push(f);
    if (m[2]) {
      const iso = parseDate(m[2].replace(/\s+/g, " ").replace(/\s*([/.\-])\s*/g, "$1"));
      if (iso) {
        const d = date(t, sentences, data, lang, m.index + m[0].indexOf(m[2]), iso, "ngày " + m[2], false);
        if (d) out.push(d);
      }
    }
  }
  return out;
}
