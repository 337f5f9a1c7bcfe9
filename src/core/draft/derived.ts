/**
 * Draft phrases made from a template's own words, for what its `draftPhrases` do not say
 * (a province's own form has labels and units, seldom phrases). Cautious on purpose: a wrong
 * error costs the clerk more than a missed one, so only phrases that name an indicator
 * unmistakably are made:
 *
 * - "<label>: 12" (a line of the appendix, or a row of a Word table read as "label: figure"),
 *   for every indicator whose label (or short label) has at least three syllables and is no other
 *   indicator's label; a label of fewer words (a part: "Cấp ủy") only where the sentence
 *   also names its total's words;
 * - "12 <label without 'Số'/'Tổng số'>" ("03 cuộc kiểm tra, giám sát việc …"), for an
 *   indicator the template's phrases do not name, when the label's first words (five
 *   syllables at least) start no other indicator's label;
 * - a percent "<label> đạt 48,4%" the same way.
 * Yes/no and text indicators are never read. Nothing here names an indicator: the words
 * come from the template.
 */
import type { IndicatorDef, TemplateDef } from "../types";
import { nfc } from "../vn";
import type { DraftPatterns, FigurePattern } from "./patterns";

const cache = new WeakMap<TemplateDef, DraftPatterns | undefined>();

/** The phrases the draft check uses for a template: its own, then those made from its labels. */
export function draftPhrasesOf(template: TemplateDef | undefined): DraftPatterns | undefined {
  if (!template) return undefined;
  if (cache.has(template)) return cache.get(template);
  const own = template.draftPhrases;
  const derived = derivePhrases(template, own);
  const out: DraftPatterns | undefined =
    own || derived.length ? { figures: [...(own?.figures ?? []), ...derived], negations: own?.negations ?? [] } : undefined;
  cache.set(template, out);
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Words of a label, lower case, without brackets' contents and punctuation. */
function words(label: string): string[] {
  return nfc(label)
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .split(/[\s,;:.]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** A regular-expression source for a run of words, commas and spaces between them free. */
function phrase(ws: string[]): string {
  return ws.map(escape).join("\\s*,?\\s+");
}

/** Syllables (Vietnamese words are written by syllable) a label's words after a figure must run to. */
const MIN_RUNNING_WORDS = 5;

const COUNTED = new Set(["count", "money", "percent"]);
/** Leading words of a label that say "the number of". */
const NUMBER_OF = /^(?:tổng số|tổng|số lượng|số)$/u;

function stripNumberOf(ws: string[]): string[] {
  if (ws.length > 1 && ws[0] === "tổng" && ws[1] === "số") return ws.slice(2);
  if (ws.length > 1 && ws[0] === "số" && ws[1] === "lượng") return ws.slice(2);
  if (ws.length && NUMBER_OF.test(ws[0])) return ws.slice(1);
  return ws;
}

export function derivePhrases(template: TemplateDef, own?: DraftPatterns): FigurePattern[] {
  const inds = template.indicators.filter((i) => COUNTED.has(i.kind));
  const named = new Set<string>();
  for (const f of own?.figures ?? []) {
    named.add(f.code);
    for (const c of f.fraction ?? []) named.add(c);
  }
  const byCode = new Map(template.indicators.map((i) => [i.code, i] as const));
  const out: FigurePattern[] = [];

  // 1. "<label>: 12". Labels written the same way by two indicators say nothing.
  const labelUse = new Map<string, number>();
  const labelsOf = (i: IndicatorDef): string[] => {
    const l = [i.label?.vi, i.short?.vi].filter((x): x is string => typeof x === "string" && x.trim() !== "");
    return [...new Set(l.map((x) => words(x).join(" ")))].filter((x) => x !== "");
  };
  for (const i of template.indicators) for (const l of labelsOf(i)) labelUse.set(l, (labelUse.get(l) ?? 0) + 1);
  for (const i of inds) {
    for (const l of labelsOf(i)) {
      if (labelUse.get(l) !== 1) continue;
      const ws = l.split(" ");
      const p: FigurePattern = {
        code: i.code,
        lead: "^[\\s\\-–•+*]*(?:trong đó\\s*:?\\s*)?" + phrase(ws) + "(?:\\s*\\([^()]{0,120}\\))?\\s*(?::|là|đạt)\\s*:?\\s*$",
      };
      if (i.kind === "percent") p.percent = true;
      // A part: its label may follow "trong đó" or a comma ("trong đó cấp ủy 01 văn bản, chính
      // quyền 01 văn bản"), with its unit after the figure, where the sentence names its total.
      const parent = i.partOf ? byCode.get(i.partOf) : undefined;
      const key = parent ? stripNumberOf(words(parent.short?.vi ?? parent.label.vi)).slice(0, 2) : [];
      const unit = words(i.unit?.vi ?? "");
      if (key.length === 2 && unit.length && i.kind !== "percent")
        out.push({ code: i.code, lead: "(?:^|trong đó\\s*:?|[,;])\\s*" + phrase(ws) + "\\s*$", after: "^\\s*" + phrase(unit) + "(?![\\p{L}])", sentence: phrase(key) });
      if (ws.length < 3) {
        // A short label ("Cấp ủy: 01"): only where the sentence names its total.
        if (key.length < 2) continue;
        p.sentence = phrase(key);
      }
      out.push(p);
    }
  }

  // 2. "12 <words of the label>" and "<label> đạt 12%", for indicators the template's phrases do not name.
  const stripped = new Map(inds.map((i) => [i.code, stripNumberOf(words(i.label.vi))] as const));
  const allStripped = template.indicators.map((i) => ({ code: i.code, ws: stripNumberOf(words(i.label.vi)) }));
  const startsWith = (ws: string[], pre: string[]) => pre.length <= ws.length && pre.every((w, k) => ws[k] === w);
  for (const i of inds) {
    if (named.has(i.code)) continue;
    const ws = stripped.get(i.code)!;
    if (ws.length < MIN_RUNNING_WORDS) continue;
    let k = MIN_RUNNING_WORDS;
    while (k <= ws.length && allStripped.some((o) => o.code !== i.code && startsWith(o.ws, ws.slice(0, k)))) k++;
    if (k > ws.length) continue;
    const pre = ws.slice(0, k);
    if (i.kind === "percent") {
      out.push({ code: i.code, percent: true, lead: phrase(words(i.label.vi)) + "[^;%\\d]{0,20}$" });
    } else {
      out.push({ code: i.code, after: "^\\s*" + phrase(pre) + "(?![\\p{L}])" });
    }
  }
  // Made from words, escaped; still, a phrase that does not compile is left out, never thrown.
  return out.filter((p) => {
    try {
      for (const src of [p.lead, p.after, p.sentence]) if (src !== undefined) new RegExp(src, "iu");
      return true;
    } catch {
      return false;
    }
  });
}
