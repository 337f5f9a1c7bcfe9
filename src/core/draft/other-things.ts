/**
 * Numbers about OTHER things than the appendix's indicators, which real reports state next to
 * them: "169 cuộc tiếp dân", "119 hội nghị nhân dân", the mediation teams' "nhận 122 đơn".
 * A figure so described is never read as an appendix figure (neither compared with the
 * appendix nor used as a total or a part). DATA, in each template's
 * `draftPhrases.otherThings` (regular-expression sources, compiled case-insensitively with
 * Unicode); a template without its own list gets COMMON below, less what its labels count.
 *
 *   after   the words right after the figure (anchored at the figure)
 *   before  words between the last comma or colon before the figure (or the previous figure,
 *           or the clause's start) and the figure
 *   clause  words anywhere in the clause (the part between ";") before the figure
 */
export interface OtherThings {
  after?: string[];
  before?: string[];
  clause?: string[];
}

import type { TemplateDef } from "../types";
/**
 * The things reports commonly count beside an appendix (receiving citizens, residents' and
 * voters' meetings, mediation, petitions, households): the list a template without its own
 * `draftPhrases.otherThings` starts from. Generic Vietnamese report words, no indicator.
 */
const COMMON: OtherThings = {
  after: [
    "(?:cuộc|buổi|lượt|lần|kỳ|phiên)?\\s*tiếp\\s+(?:công\\s+)?dân",
    "lượt(?:\\s+(?:công dân|tổ chức))(?![\\p{L}])",
    "(?:cuộc\\s+|buổi\\s+)?(?:hội nghị|cuộc họp|buổi họp|họp)\\s+(?:của\\s+)?(?:nhân dân|thôn|bản|tổ dân phố|khu phố|cử tri|tiếp xúc cử tri|toàn dân)",
    "(?:cuộc\\s+|buổi\\s+)?(?:tiếp xúc|gặp gỡ)\\s+cử tri",
    "(?:vụ|vụ việc|đơn|tổ|hòa giải viên|hoà giải viên)[^,;.]{0,20}h(?:òa|oà) giải",
    "h(?:òa|oà) giải",
    "đơn\\s*(?:,\\s*|\\s+thư\\s+)?(?:kiến nghị|phản ánh|đề nghị)",
    "(?:hộ|hộ gia đình|cử tri|đại biểu|học viên)(?![\\p{L}])",
  ],
  before: ["tiếp\\s+(?:công\\s+)?dân", "cử tri", "hội nghị\\s+(?:của\\s+)?(?:nhân dân|thôn|bản|tổ dân phố)"],
  clause: ["h(?:òa|oà) giải"],
};


const made = new WeakMap<TemplateDef, OtherThings>();

export function otherThingsOf(template: TemplateDef | undefined): OtherThings | undefined {
  if (!template) return undefined;
  const own = template.draftPhrases?.otherThings;
  if (own) return own;
  let o = made.get(template);
  if (!o) {
    const labels = template.indicators.map((i) => [i.label?.vi, i.short?.vi, i.unit?.vi].filter(Boolean).join(" | ").normalize("NFC"));
    const keep = (src: string) => {
      const re = new RegExp(src, "iu");
      return !labels.some((l) => re.test(l));
    };
    o = { after: (COMMON.after ?? []).filter(keep), before: (COMMON.before ?? []).filter(keep), clause: (COMMON.clause ?? []).filter(keep) };
    made.set(template, o);
  }
  return o;
}
