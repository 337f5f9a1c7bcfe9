/**
 * The check of a DRAFT narrative (the text staff wrote by hand) against the report's figures
 * before submission (spec qcdc-2021: "Other families … narrative.*, lint.*").
 *
 *   checkDraft(text, data, { lang }) → { template, findings, summary }
 *
 * narrative.figure, narrative.negation, narrative.report-number, narrative.report-date are
 * errors; lint.symbol, lint.date, lint.agency-abbr, lint.same-document are warnings. Each
 * finding quotes its sentence (`quote`) and where it starts in the text as given (`offset`,
 * in UTF-16 code units of the original, NFD or not).
 */
import type { CheckResult, Finding, Lang, ReportData, TemplateDef } from "../types";
import { getTemplate } from "../templates/index";
import { normalizeText, splitSentences } from "./text";
import { checkFigures, checkNegations } from "./figures";
import { checkHeader } from "./header";
import { lintText } from "./lint";
import { inScope } from "./scope";
import type { DraftPatterns } from "./patterns";

export interface DraftOptions {
  lang?: Lang;
  template?: TemplateDef;
  /** Another pattern table (default: the template's). */
  patterns?: DraftPatterns;
  /** Leave out the lint.* warnings. */
  noLint?: boolean;
}

const ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Checks a draft's text against the report's figures. Never throws on odd text. */
export function checkDraft(text: string, data: ReportData, opts: DraftOptions = {}): CheckResult {
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  const template = opts.template ?? getTemplate(data?.template);
  const patterns = opts.patterns ?? template?.draftPhrases;
  const t = normalizeText(String(text ?? ""));
  const sentences = splitSentences(t.text);
  const findings: Finding[] = [];
  if (template && patterns) {
    const scope = inScope(t.text, sentences, data);
    findings.push(...checkFigures(t, sentences, data, template, patterns, lang, scope));
    findings.push(...checkNegations(t, sentences, data, template, patterns, lang, scope));
  }
  findings.push(...checkHeader(t, sentences, data, lang));
  if (!opts.noLint) findings.push(...lintText(t, sentences, data, lang));
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.offset ?? 0) - (b.offset ?? 0));
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    template: template?.id ?? String(data?.template ?? ""),
    findings,
    summary: { errors: count("error"), warnings: count("warning"), infos: count("info"), overrides: [] },
  };
}

export { normalizeText, splitSentences, figuresIn, readFigure } from "./text";
export { DRAFT_PATTERNS, QCDC_2021_PATTERNS } from "./patterns";
export type { DraftPatterns, FigurePattern, NegationPattern } from "./patterns";
export { parseSymbol, findSymbols, PARTY_BODIES } from "./lint";
export { DRAFT_MESSAGES } from "./messages";
