/**
 * Contradictions a text holds on its own, whatever the figures say:
 * - narrative.marked: a sentence carrying "[cần kiểm tra: …]", the mark phuluc puts on a
 *   generated sentence whose figures break a rule (error: it must not be sent as is);
 * - narrative.internal: a total and its parts, in one sentence or one paragraph, that do not
 *   add up ("0 cuộc; trong đó … lồng ghép 04 cuộc"): an error where a part exceeds its
 *   total, a warning where the parts of a total they cover exactly (template-info
 *   `partsExhaustive`) add up to something else. Totals and parts come from the template
 *   (`partOf`), the figures from the pattern table: nothing here names an indicator.
 * Conservative: a figure stated twice with different values in the same paragraph, a part
 * missing, a percent: nothing is said.
 */
import type { Finding, IndicatorDef, Lang, TemplateDef } from "../types";
import { partsExhaustive, partsOf } from "../template-info";
import { formatCount, formatNumber } from "../vn";
import { MARK_RE } from "../narrative/marks";
import type { DraftPatterns } from "./patterns";
import type { OtherThings } from "./other-things";
import { classifiedFigures, sentenceInfo, type Classified, type Tally } from "./figures";
import type { NormText, Sentence } from "./text";
import { msg } from "./messages";

/** For each sentence, whether it carries a mark; and the narrative.marked findings. */
export function checkMarks(t: NormText, sentences: Sentence[], template: TemplateDef | undefined, patterns: DraftPatterns | undefined, lang: Lang, other?: OtherThings): { findings: Finding[]; marked: boolean[] } {
  const marked = sentences.map(() => false);
  const findings: Finding[] = [];
  const re = new RegExp(MARK_RE.source, MARK_RE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(t.text))) {
    const at = m.index;
    // The sentence holding the mark; a mark standing alone belongs to the sentence before it.
    let si = sentences.findIndex((s) => at >= s.start && at < s.end);
    if (si >= 0 && sentences[si].start === at && si > 0 && sentences[si - 1].line === sentences[si].line) si--;
    if (si < 0) si = sentences.reduce((best, s, i) => (s.end <= at ? i : best), -1);
    if (si < 0) continue;
    if (marked[si]) continue;
    marked[si] = true;
    const s = sentences[si];
    const reason = (m[1] ?? "").trim();
    const codes: string[] = [];
    if (template && patterns)
      for (const c of classifiedFigures(t.text, s, patterns, other)) for (const [code] of c.parts) if (!codes.includes(code)) codes.push(code);
    const info = sentenceInfo(t, s, at, at + m[0].length);
    findings.push({
      rule: "narrative.marked",
      severity: "error",
      message: msg(lang, "marked.message", { reason: reason || "…" }),
      indicators: codes,
      quote: info.quote,
      offset: info.offset,
      suggestion: msg(lang, "marked.suggestion"),
    });
  }
  return { findings, marked };
}

interface Stated {
  value: number;
  c: Classified;
  s: Sentence;
  /** Another value was stated for the same indicator in the same unit: unsure. */
  conflict: boolean;
}

function shown(c: Classified, part: 0 | 1, text: string): string {
  if (c.f.fraction) return part === 0 ? c.f.raw.split("/")[0] : c.f.fraction.raw;
  return text.slice(c.f.start, c.f.afterStart).trim();
}

function labelOf(ind: IndicatorDef | undefined, code: string, lang: Lang): string {
  if (!ind) return code;
  const l = ind.short ?? ind.label;
  return lang === "en" ? l.en : l.vi;
}

function fmt(v: number, ind: IndicatorDef | undefined): string {
  return ind && ind.kind === "money" ? formatNumber(v, 0) : formatCount(v);
}

/** narrative.internal findings: totals and parts of one paragraph (a line) that do not add up. */
export function checkInternal(
  t: NormText,
  sentences: Sentence[],
  template: TemplateDef,
  patterns: DraftPatterns,
  lang: Lang,
  skip: boolean[],
  other?: OtherThings,
  tally?: Tally,
): Finding[] {
  const out: Finding[] = [];
  const text = t.text;
  const byCode = new Map(template.indicators.map((i) => [i.code, i] as const));
  const totals = template.indicators.map((i) => i.code).filter((c) => partsOf(template, c).length > 0);
  if (!totals.length) return out;
  // Paragraphs: runs of sentences of one line (sentences come in order).
  for (let a = 0; a < sentences.length; ) {
    let b = a + 1;
    while (b < sentences.length && sentences[b].line === sentences[a].line) b++;
    const from = a;
    a = b;
    const stated = new Map<string, Stated>();
    for (let si = from; si < b; si++) {
      if (skip[si]) continue;
      const s = sentences[si];
      for (const c of classifiedFigures(text, s, patterns, other)) {
        if (c.f.percent) continue;
        for (const [code, value, part] of c.parts) {
          const v = part === 1 ? c.f.fraction!.value : value;
          const prev = stated.get(code);
          if (prev) {
            if (prev.value !== v) prev.conflict = true;
            continue;
          }
          stated.set(code, { value: v, c, s, conflict: false });
        }
      }
    }
    for (const total of totals) {
      const T = stated.get(total);
      if (!T || T.conflict) continue;
      const parts = partsOf(template, total);
      const present = parts.map((p) => stated.get(p)).filter((x): x is Stated => !!x && !x.conflict);
      if (!present.length) continue;
      const tInd = byCode.get(total);
      const where = T.s === present[0].s ? "sentence" : "paragraph";
      const over = present.find((p) => p.value > T.value);
      if (over) {
        if (tally && out.length >= tally.cap) {
          tally.more.error++;
          continue;
        }
        const code = parts.find((p) => stated.get(p) === over)!;
        const pInd = byCode.get(code);
        const overPart: 0 | 1 = over.c.parts.find((x) => x[0] === code)?.[2] ?? 0;
        const info = sentenceInfo(t, over.s, over.c.f.start, over.c.f.afterStart);
        out.push({
          rule: "narrative.internal",
          severity: "error",
          message: msg(lang, "internal.part.message", {
            where: msg(lang, "internal." + where),
            part: labelOf(pInd, code, lang),
            partShown: "\"" + shown(over.c, overPart, text) + "\"",
            total: labelOf(tInd, total, lang),
            totalShown: "\"" + shown(T.c, T.c.parts.find((x) => x[0] === total)?.[2] ?? 0, text) + "\"",
          }),
          indicators: [code, total, ...parts.filter((p) => p !== code)],
          values: { [total]: T.value, [code]: over.value },
          quote: info.quote,
          offset: info.offset,
          suggestion: msg(lang, "internal.suggestion"),
        });
        continue;
      }
      if (present.length === parts.length && partsExhaustive(template, total)) {
        const sum = present.reduce((a, p) => a + p.value, 0);
        if (Math.abs(sum - T.value) < 1e-9) continue;
        if (tally && out.length >= tally.cap) {
          tally.more.warning++;
          continue;
        }
        const info = sentenceInfo(t, T.s, T.c.f.start, T.c.f.afterStart);
        out.push({
          rule: "narrative.internal",
          severity: "warning",
          message: msg(lang, "internal.sum.message", {
            where: msg(lang, "internal." + where),
            total: labelOf(tInd, total, lang),
            totalShown: "\"" + shown(T.c, T.c.parts.find((x) => x[0] === total)?.[2] ?? 0, text) + "\"",
            parts: present.map((p, i) => labelOf(byCode.get(parts[i]), parts[i], lang) + " " + fmt(p.value, byCode.get(parts[i]))).join(" + "),
            sum: fmt(sum, tInd),
          }),
          indicators: [total, ...parts],
          values: Object.fromEntries([[total, T.value], ...present.map((p, i) => [parts[i], p.value])]),
          expected: sum,
          quote: info.quote,
          offset: info.offset,
          suggestion: msg(lang, "internal.suggestion"),
        });
      }
    }
  }
  return out;
}
