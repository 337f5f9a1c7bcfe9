/**
 * The check of a DRAFT narrative (the text staff wrote by hand) against the report's figures
 * before submission (spec qcdc-2021: "Other families … narrative.*, lint.*").
 *
 *   checkDraft(text, data, { lang }) → { template, findings, summary }
 *
 * narrative.figure, narrative.negation, narrative.report-number, narrative.report-date,
 * narrative.marked (a sentence phuluc marked "[cần kiểm tra: …]") are errors;
 * narrative.internal (a total and its parts in one sentence or paragraph that do not add up)
 * is an error where a part exceeds its total, a warning otherwise; lint.symbol, lint.date, lint.agency-abbr, lint.same-document are warnings. Each
 * finding quotes its sentence (`quote`) and where it starts in the text as given (`offset`,
 * in UTF-16 code units of the original, NFD or not).
 */
import type { CheckResult, Finding, Lang, ReportData, TemplateDef } from "../types";
import { getTemplate } from "../templates/index";
import { normalizeText, splitSentences } from "./text";
import { checkFigures, checkNegations, forgetRows, type Tally } from "./figures";
import { checkHeader } from "./header";
import { lintText } from "./lint";
import { inScope } from "./scope";
import type { DraftPatterns } from "./patterns";
import { otherThingsOf, type OtherThings } from "./other-things";
import { draftPhrasesOf } from "./derived";
import { checkInternal, checkMarks } from "./internal";
import { DraftTooLongError, MAX_DRAFT_CHARS, MAX_DRAFT_FINDINGS } from "./limits";

export { DraftTooLongError, MAX_DRAFT_CHARS, MAX_DRAFT_FINDINGS } from "./limits";

export interface DraftOptions {
  lang?: Lang;
  template?: TemplateDef;
  /** Another pattern table (default: the template's). */
  patterns?: DraftPatterns;
  /** Leave out the lint.* warnings. */
  noLint?: boolean;
  /** Another table of numbers about other things (default: the template's). */
  otherThings?: OtherThings;
}

const ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/**
 * Checks a draft's text against the report's figures. Never throws on odd text; a text
 * over MAX_DRAFT_CHARS throws DraftTooLongError.
 */
export function checkDraft(text: string, data: ReportData, opts: DraftOptions = {}): CheckResult {
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  if (typeof text === "string" && text.length > MAX_DRAFT_CHARS) throw new DraftTooLongError(text.length);
  const template = opts.template ?? getTemplate(data?.template);
  const patterns = opts.patterns ?? draftPhrasesOf(template);
  forgetRows();
  try {
    return run(String(text ?? ""), data, template, patterns, opts, lang);
  } finally {
    forgetRows();
  }
}

function run(text: string, data: ReportData, template: TemplateDef | undefined, patterns: DraftPatterns | undefined, opts: DraftOptions, lang: Lang): CheckResult {
  const t = normalizeText(text);
  const sentences = splitSentences(t.text);
  const findings: Finding[] = [];
  const other = opts.otherThings ?? otherThingsOf(template);
  const marks = checkMarks(t, sentences, template, patterns, lang, other);
  findings.push(...marks.findings);
  // Each checker builds at most MAX_DRAFT_FINDINGS findings and counts the rest.
  const tally: Tally = { cap: MAX_DRAFT_FINDINGS, more: { error: 0, warning: 0, info: 0 } };
  if (template && patterns) {
    const scope = inScope(t.text, sentences, data);
    for (const f of checkFigures(t, sentences, data, template, patterns, lang, scope, other, tally)) findings.push(f);
    // A marked sentence says its figures break a rule: what it denies is part of what the mark says.
    const unmarked = scope.map((v, i) => v && !marks.marked[i]);
    for (const f of checkNegations(t, sentences, data, template, patterns, lang, unmarked, tally)) findings.push(f);
    // A marked sentence is reported as such; its inner contradiction is what the mark says.
    for (const f of checkInternal(t, sentences, template, patterns, lang, marks.marked, other, tally)) findings.push(f);
  }
  // One push per finding: a spread of 100 000 findings overflows the call stack.
  for (const f of checkHeader(t, sentences, data, lang)) findings.push(f);
  if (!opts.noLint) for (const f of lintText(t, sentences, data, lang)) findings.push(f);
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.offset ?? 0) - (b.offset ?? 0));
  const count = (s: "error" | "warning" | "info") => findings.filter((f) => f.severity === s).length + tally.more[s];
  const summary: CheckResult["summary"] = { errors: count("error"), warnings: count("warning"), infos: count("info"), overrides: [] };
  const total = summary.errors + summary.warnings + summary.infos;
  if (total > MAX_DRAFT_FINDINGS) summary.shown = Math.min(MAX_DRAFT_FINDINGS, findings.length);
  return {
    template: template?.id ?? String(data?.template ?? ""),
    findings: findings.length > MAX_DRAFT_FINDINGS ? findings.slice(0, MAX_DRAFT_FINDINGS) : findings,
    summary,
  };
}

export { normalizeText, splitSentences, figuresIn, readFigure } from "./text";
export { DRAFT_PATTERNS, QCDC_2021_PATTERNS } from "./patterns";
export { otherThingsOf } from "./other-things";
export { draftPhrasesOf, derivePhrases } from "./derived";
export type { OtherThings } from "./other-things";
export type { DraftPatterns, FigurePattern, NegationPattern } from "./patterns";
export { parseSymbol, findSymbols, PARTY_BODIES } from "./lint";
export { DRAFT_MESSAGES } from "./messages";
