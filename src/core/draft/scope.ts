/**
 * Which sentences of a draft speak about the report's own year, so that their figures are
 * compared with the appendix. Left out (conservatively): the plans for next year (sections
 * "PHƯƠNG HƯỚNG …", "NHIỆM VỤ … NĂM …", "KIẾN NGHỊ, ĐỀ XUẤT" up to the next section, the
 * closing or the appendix), sentences about the future ("phấn đấu", "dự kiến", "sẽ", "chỉ
 * tiêu"), and sentences that name another year ("năm 2020") but not the report's own
 * (a comparison "so với năm 2020" does not count).
 */
import type { ReportData } from "../types";
import { parseDate } from "../vn";
import type { Sentence } from "./text";

const SECTION = /^[ ]*[IVX]{1,5}\s*[.)]\s+(.*)$/u;
const FORWARD = /phương hướng|nhiệm vụ[^\n]*năm|giải pháp[^\n]*năm|kiến nghị|đề xuất/iu;
const ZONE_END = /^[ ]*(?:phụ lục|nơi nhận|trên đây)/iu;
const FUTURE = /phấn đấu|dự kiến|(?:^|[^\p{L}])sẽ(?:[^\p{L}]|$)|chỉ tiêu|năm tới|năm sau|thời gian tới|kế hoạch năm/iu;

export function reportYear(data: ReportData): number | undefined {
  const y = Number(data?.report?.year);
  if (Number.isInteger(y) && y > 1900) return y;
  const iso = parseDate(String(data?.report?.date ?? ""));
  return iso ? +iso.slice(0, 4) : undefined;
}

/** For each sentence, whether its figures and negations are checked. */
export function inScope(text: string, sentences: Sentence[], data: ReportData): boolean[] {
  const year = reportYear(data);
  // Forward-looking zones, by line.
  const zones: [number, number][] = [];
  let zoneStart = -1;
  let pos = 0;
  while (pos <= text.length) {
    let eol = text.indexOf("\n", pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    const sec = SECTION.exec(line);
    if (zoneStart >= 0 && (sec || ZONE_END.test(line))) {
      zones.push([zoneStart, pos]);
      zoneStart = -1;
    }
    if (sec && FORWARD.test(sec[1])) zoneStart = pos;
    pos = eol + 1;
  }
  if (zoneStart >= 0) zones.push([zoneStart, text.length]);
  return sentences.map((s) => {
    if (zones.some(([a, b]) => s.start >= a && s.start < b)) return false;
    const sentence = text.slice(s.start, s.end);
    if (FUTURE.test(sentence)) return false;
    if (year) {
      const re = /năm\s+(\d{4})(?!\d)/giu;
      let m: RegExpExecArray | null;
      while ((m = re.exec(sentence))) {
        if (/so với\s*$/iu.test(sentence.slice(Math.max(0, m.index - 10), m.index))) continue;
        if (+m[1] !== year) return false;
      }
    }
    return true;
  });
}
