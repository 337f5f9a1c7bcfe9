/**
 * How a draft states each indicator, as DATA (per template): phrase patterns around a
 * figure, and phrases that say something did not happen; each template's `draftPhrases`
 * (src/core/templates/<id>/draft-phrases.json). src/core/draft/figures.ts interprets them. Patterns are regular-expression sources, compiled case-insensitively
 * with Unicode (flags "iu"); never code.
 *
 * A figure pattern applies to one figure of a sentence when every condition it gives holds:
 *   lead      matches the words just before the figure (since the previous figure or the
 *             start of the clause; clauses are separated by ";"), usually anchored with $
 *   after     matches the words right after the figure (after its "%" or multiplier word), anchored with ^
 *   clause    matches the clause up to the figure
 *   sentence  matches the whole sentence
 *   not*      the same, must NOT match
 * `percent`: the figure carries "%" (otherwise it must not); `fraction`: the figure is
 * "N/M" and the pattern names the indicator of each part. Patterns are tried in order; the
 * first that applies decides the indicator. A figure no pattern claims is not checked:
 * matching is conservative on purpose (a false error costs more than a missed one).
 */
import { byTemplate } from "../templates/built-in";


export interface FigurePattern {
  /** Indicator the figure states (for a fraction: the numerator's). */
  code: string;
  /** For "N/M": the indicators of N and M. */
  fraction?: [string, string];
  percent?: boolean;
  lead?: string;
  after?: string;
  clause?: string;
  sentence?: string;
  notLead?: string;
  notAfter?: string;
  notClause?: string;
  notSentence?: string;
}

export interface NegationPattern {
  /** Indicators the phrase says are zero; a finding when any of them is a positive number. */
  codes: string[];
  /** Matched against the sentence. */
  pattern: string;
  /** What the text would say for the appendix's figures ({code} = the figure, padded). */
  positive: { vi: string; en: string };
}

import type { OtherThings } from "./other-things";

export interface DraftPatterns {
  figures: FigurePattern[];
  negations: NegationPattern[];
  /** Numbers about other things than the appendix's indicators (src/core/draft/other-things.ts). */
  otherThings?: OtherThings;
}

/** Pattern tables of the built-in templates by template id (each template's `draftPhrases`). */
export const DRAFT_PATTERNS: Record<string, DraftPatterns> = byTemplate("draftPhrases");

/** The patterns of template qcdc-2021 (src/core/templates/qcdc-2021/draft-phrases.json). */
export const QCDC_2021_PATTERNS: DraftPatterns = DRAFT_PATTERNS["qcdc-2021"];
