/**
 * Numbers about OTHER things than the appendix's indicators, which real reports state next to
 * them: "169 cuộc tiếp dân", "119 hội nghị nhân dân", the mediation teams' "nhận 122 đơn".
 * A figure so described is never read as an appendix figure (neither compared with the
 * appendix nor used as a total or a part). DATA, per template (regular-expression sources,
 * compiled case-insensitively with Unicode), kept apart from the figure patterns so that it
 * can move into the template's data files.
 *
 *   after   the words right after the figure (anchored at the figure)
 *   before  words between the last comma or colon before the figure (or the previous figure,
 *           or the clause's start) and the figure
 *   clause  words anywhere in the clause (the part between ";") before the figure
 */
export interface OtherThings {
  after: string[];
  before: string[];
  clause: string[];
}

import type { TemplateDef } from "../types";

export const OTHER_THINGS: Record<string, OtherThings> = {
  "qcdc-2021": {
    after: [
      // Receiving citizens: "169 cuộc tiếp dân", "45 lượt công dân", "12 buổi tiếp công dân".
      "(?:cuộc|buổi|lượt|lần|kỳ|phiên)?\\s*tiếp\\s+(?:công\\s+)?dân",
      "lượt(?:\\s+(?:người|công dân|tổ chức))?(?![\\p{L}])",
      // Residents' meetings: "119 hội nghị nhân dân", "hội nghị thôn, bản", "hội nghị cử tri".
      "(?:cuộc\\s+|buổi\\s+)?(?:hội nghị|cuộc họp|buổi họp|họp)\\s+(?:của\\s+)?(?:nhân dân|thôn|bản|tổ dân phố|khu phố|cử tri|tiếp xúc cử tri|toàn dân)",
      "(?:cuộc\\s+|buổi\\s+)?(?:tiếp xúc|gặp gỡ)\\s+cử tri",
      // Mediation: "122 vụ việc hòa giải", "tổ hòa giải", "hòa giải viên".
      "(?:vụ|vụ việc|đơn|tổ|hòa giải viên|hoà giải viên)[^,;.]{0,20}h(?:òa|oà) giải",
      "h(?:òa|oà) giải",
      // Petitions and proposals are not complaints and denunciations: "09 đơn, kiến nghị".
      "đơn\\s*(?:,\\s*|\\s+thư\\s+)?(?:kiến nghị|phản ánh|đề nghị)",
      // People and households are never counts of the appendix.
      "(?:người|hộ|hộ gia đình|cử tri|đại biểu|học viên|lượt người)(?![\\p{L}])",
    ],
    before: ["tiếp\\s+(?:công\\s+)?dân", "cử tri", "hội nghị\\s+(?:của\\s+)?(?:nhân dân|thôn|bản|tổ dân phố)"],
    clause: ["h(?:òa|oà) giải", "thanh tra nhân dân"],
  },
  // The 2025 form counts people attending ("lượt người tham dự"), the People's Inspection
  // boards and their members: those are its own figures, not other things.
  "dccs-2025": {
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
  },
};

/**
 * For a template without its own list (a province's form): the things reports commonly
 * count beside an appendix (receiving citizens, mediation, petitions, voters), less any the
 * template itself counts (a phrase that one of its labels contains is left out).
 */
const COMMON: OtherThings = OTHER_THINGS["dccs-2025"];

const made = new WeakMap<TemplateDef, OtherThings>();

export function otherThingsOf(template: TemplateDef | undefined): OtherThings | undefined {
  if (!template) return undefined;
  const own = OTHER_THINGS[template.id];
  if (own) return own;
  let o = made.get(template);
  if (!o) {
    const labels = template.indicators.map((i) => [i.label?.vi, i.short?.vi, i.unit?.vi].filter(Boolean).join(" | ").normalize("NFC"));
    const keep = (src: string) => {
      const re = new RegExp(src, "iu");
      return !labels.some((l) => re.test(l));
    };
    o = { after: COMMON.after.filter(keep), before: COMMON.before.filter(keep), clause: COMMON.clause.filter(keep) };
    made.set(template, o);
  }
  return o;
}
