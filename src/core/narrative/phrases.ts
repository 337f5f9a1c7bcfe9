/**
 * The summary's phrases, as DATA: each template's `sentences`
 * (src/core/templates/<id>/sentences.json), paragraphs of sentences; each sentence a
 * list of cases, the first whose conditions hold and whose required placeholders all have
 * a value is used. src/core/narrative/summary.ts interprets them (never eval).
 *
 * Text syntax:
 *   {code}            an indicator's value as a number, formatted (counts padded below 10
 *                     by default, "10.424.000", "100%"); empty when blank, unreadable or
 *                     "Không có": the case is then skipped, or the optional part dropped
 *   {cmp:code}        the comparison with the previous year ("tăng 02 văn bản so với năm
 *                     2020", "bằng năm 2020", "giảm …"); empty without a previous value
 *   {agency} {year} {prevYear}
 *   {@name}           a fragment (cases, as sentences)
 *   {join:@a,@b,…}    the non-empty fragments joined the Vietnamese way ("A, B và C")
 *   {list:@a,@b,…}    the non-empty fragments joined with "; "
 *   {comma:@a,@b,…}   the non-empty fragments joined with ", "
 *   [ … ]             optional: left out when any placeholder in it is empty
 * Conditions (`when`): code → state(s) of its value: blank, zero, positive, na ("Không có"),
 * invalid, or the sets number (zero|positive), present (number|na), missing (blank|invalid).
 * An empty `text` says nothing. The first letter of a sentence is capitalised.
 */
import { byTemplate } from "../templates/built-in";


export type ValueState = "blank" | "zero" | "positive" | "na" | "invalid";
export type StateSpec = ValueState | "number" | "present" | "missing";

export interface PhraseCase {
  when?: Record<string, StateSpec | StateSpec[]>;
  text: string;
}

export interface SentenceDef {
  id: string;
  cases: PhraseCase[];
}

export interface ComparisonPhrases {
  up: string;
  down: string;
  same: string;
  /** Unit of a difference of percents. */
  percentUnit: string;
  /** Used for {prevYear} when the report has no year. */
  previousYear: string;
}

export interface PhraseBook {
  /** When an indicator is blank or unreadable everywhere and nothing else is said. */
  noData: string;
  /** For {agency} when the report names none. */
  defaultAgency: string;
  comparison: ComparisonPhrases;
  fragments: Record<string, PhraseCase[]>;
  paragraphs: { id: string; sentences: SentenceDef[] }[];
}

/** Phrase books of the built-in templates by template id (each template's `sentences`). */
export const PHRASE_BOOKS: Record<string, PhraseBook> = byTemplate("sentences");

/** The sentences of template qcdc-2021 (src/core/templates/qcdc-2021/sentences.json). */
export const QCDC_2021_PHRASES: PhraseBook = PHRASE_BOOKS["qcdc-2021"];
