/**
 * The contracts of the core (see docs/ARCHITECTURE.md and the spec `qcdc-2021`).
 * Pure data types: no Office, no DOM, no Node.
 */
import type { PhraseBook } from "./narrative/phrases";
import type { DraftPatterns } from "./draft/patterns";

/** Kinds of indicator value. */
export type IndicatorKind = "count" | "money" | "percent" | "yesno";

/** Finding severities, most severe first. */
export type Severity = "error" | "warning" | "info";

export type Lang = "vi" | "en";


/** A string in both languages the product speaks. */
export interface Text {
  vi: string;
  en: string;
}

export interface IndicatorDef {
  code: string;
  group: number;
  label: Text;
  unit: Text;
  kind: IndicatorKind;
  /** Code of the total this indicator is a part of (documentation; rules say what is checked). */
  partOf?: string;
  /** false for indicators the seed appendix does not print (needed only to check a ratio). */
  printed?: boolean;
  /** A short label for messages ("văn bản cấp ủy"); the label when absent. */
  short?: Text;
  /** How consolidation combines the units' values; default from the kind and the rules (see template-info.ts). */
  aggregation?: Aggregation;
  /** On a total: whether its parts cover it exactly (true) or may overlap (false); default from the rules. */
  partsExhaustive?: boolean;
  /** Year-on-year thresholds for this indicator; the template's, then the product's, when absent. */
  yoy?: YoyThreshold;
  /** For a percent: the decimals of its cell's format in a new workbook (default 1). */
  decimals?: number;
}

/** How consolidation combines units' values of one indicator. */
export type Aggregation = "sum" | "ratio" | "count-yes" | "none";

/**
 * A year-on-year change is a swing when it is at least `relative` per cent of last year's
 * figure AND at least `absolute` in the indicator's own unit (percentage points for a percent).
 */
export interface YoyThreshold {
  relative?: number;
  absolute?: number;
}

export interface GroupDef {
  id: number;
  /** Heading as printed in the appendix; `{code}` placeholders are indicator values, `{level}` the unit's level. */
  heading: Text;
  /** The levels (ids of `TemplateDef.levels`) at which this group applies; every level when absent. */
  levels?: string[];
}

export type FieldType = "text" | "symbol" | "date" | "enum" | "boolean";

export interface FieldOption {
  value: string;
  label: Text;
}

export interface RegisterFieldDef {
  id: string;
  label: Text;
  type: FieldType;
  options?: FieldOption[];
  /** A row without it is a `value.kind` error. */
  required?: boolean;
  /** For `issuer`: derived from the `symbol` field when absent. */
  derivedFrom?: string;
}

export interface RegisterDef {
  id: string;
  label: Text;
  /** What one row is, e.g. "văn bản". */
  rowNoun: Text;
  fields: RegisterFieldDef[];
}

/** Comparison used by `implies` clauses. */
export interface Condition {
  code: string;
  op: ">" | ">=" | "=" | "<" | "<=" | "!=";
  value: number;
}

/** Filter over register rows: field value in a list (booleans as "true"/"false"). */
export type RowFilter = Record<string, string[]>;

export interface RegisterCount {
  indicator: string;
  /** Only rows matching all of these. */
  where?: RowFilter;
  /** Count distinct values of this field instead of rows. */
  distinct?: string;
}

/**
 * A template's rule. Every kind may carry `perUnit: true`: the rule holds for one reporting
 * unit only (a register count, a legal maximum) and is skipped on a consolidated report.
 * Register-count rules are per unit whatever they say.
 */
export type RuleDef = RuleDefBody & { perUnit?: boolean };

type RuleDefBody =
  | { id: string; kind: "sum"; severity: Severity; total: string; parts: string[] }
  | {
      id: string;
      kind: "le";
      severity: Severity;
      /** Summed unless `each` is true, then each one is compared alone. */
      left: string[];
      right: string;
      each?: boolean;
    }
  | {
      id: string;
      kind: "ratio";
      severity: Severity;
      ratio: string;
      numerator: string[];
      denominator: string;
      /** With the denominator blank, give an info with the total the ratio implies. */
      impliedTotal?: boolean;
      /** With the denominator 0, the ratio must be "Không có"; a number there is this severity. */
      zeroDenominator?: { severity: Severity };
    }
  | {
      id: string;
      kind: "max";
      severity: Severity;
      /** Each of these figures is at most `max` (a constant, e.g. a legal maximum). */
      codes: string[];
      max: number;
    }
  | {
      id: string;
      kind: "min-per";
      severity: Severity;
      /** `total` ≥ `min` × `per` (e.g. members ≥ 5 × boards). */
      total: string;
      per: string;
      min: number;
    }
  | { id: string; kind: "implies"; severity: Severity; clauses: { if: Condition; then: Condition }[] }
  | { id: string; kind: "register-count"; severity: Severity; register: string; counts: RegisterCount[] }
  | {
      id: string;
      /** A condition over indicator codes, in the language of a user's own rules (expr.ts). */
      kind: "expression";
      severity: Severity;
      expression: string;
      /** Said when the condition fails; the expression and the figures when absent. */
      message?: Text;
    }
  | {
      id: string;
      kind: "period";
      severity: Severity;
      indicators: string[];
      fromYear: number;
      toYear: number;
    };

/** The format of a template file; a file of another format is refused. */
export const TEMPLATE_FORMAT = "phuluc-template/1";

export interface TemplateDef {
  /** "phuluc-template/1" (docs/spec/template.md). */
  format?: string;
  /** The template's own version, raised at each change of its form (a workbook set up with an older one is upgraded). */
  version?: number;
  id: string;
  title: Text;
  /** Reporting levels and the appendix's heading of group 7 for each. */
  /** `until`: the ISO date the level ended; a report dated after it gets a warning (`untilMessage`). */
  levels: { id: string; label: Text; until?: string; untilMessage?: Text }[];
  groups: GroupDef[];
  indicators: IndicatorDef[];
  registers: RegisterDef[];
  rules: RuleDef[];
  /** Year-on-year thresholds for every indicator of this template (an indicator's own win). */
  yoy?: YoyThreshold;
  /**
   * A draft template for the receiving body to adjust: this notice is shown by the CLI and
   * the pane (never as a finding).
   */
  draft?: Text;
  /**
   * A group whose indicators are all blank is not applicable: its rules give no finding and
   * the narrative says nothing of it. Off when absent (qcdc-2021 reports blank groups).
   */
  blankGroupsNotApplicable?: boolean;
  /**
   * Levels that no longer exist: a report at such a level gets a `value.kind` error saying
   * so (`since`: ISO date the level ended).
   */
  endedLevels?: { id: string; label: Text; since: string; message: Text }[];
  /** The summary's sentences (narrative/phrases.ts); made from the labels for groups it does not cover. */
  sentences?: PhraseBook;
  /** The appendix's lines after each group's heading, by group id; "- label: value" lines when absent. */
  appendix?: Record<string, AppendixLine[]>;
  /** The words that tie a draft's sentences to each indicator (draft/patterns.ts). */
  draftPhrases?: DraftPatterns;
  /** Names and hints of the data workbook. */
  workbook?: WorkbookNames;
  /** The register lists of the report (placeholder, intro sentence, how a row reads). */
  lists?: ReportListDef[];
  /**
   * The template's own wording of a rule's messages: rule id → message key ("le.fail",
   * "register.fail", …) → text with the same {placeholders} as the product's message.
   */
  messages?: Record<string, Record<string, Text>>;
  /** The report's subject after "báo cáo kết quả …" ("thực hiện quy chế dân chủ ở cơ sở"). */
  subject?: Text;
}

/**
 * Lines after a group's heading in the appendix. Placeholders: {code} (value as printed),
 * {label:code}, {unit:code}. A line with no placeholder is printed as is.
 * `dash: false` prints the line without the "- " marker.
 */
export interface AppendixLine {
  text: string;
  dash?: boolean;
}

export interface WorkbookNames {
  /** Excel table name of each register's sheet, by register id (default PL_<RegisterId>). */
  tables?: Record<string, string>;
  /** Hint of the "Nội dung" sheet: the placeholders one may use. */
  sectionsHint?: Text;
  /** Hint of the "Quy tắc riêng" sheet: an example rule. */
  rulesHint?: Text;
}

/** How a register is listed in the report. */
export interface ReportListDef {
  register: string;
  /** Placeholder of the list in a section's text, e.g. "ds_van_ban". */
  placeholder: string;
  /** Sentence before the list in the default body. */
  intro: string;
  /** How one row reads: a built-in style, or "fields" (the filled fields, comma separated). */
  style?: "document" | "inspection" | "conference" | "dialogue" | "fields";
}

/** A value as typed: number, string, null or absent. */
export type RawValue = number | string | boolean | null | undefined;

export interface ReportInfo {
  parentAgency?: string;
  agency?: string;
  level?: "tinh" | "huyen" | "xa" | string;
  number?: string;
  symbol?: string;
  place?: string;
  /** ISO yyyy-mm-dd */
  date?: string;
  year?: number;
  title?: string;
  basis?: string;
  signerAuthority?: string;
  signerTitle?: string;
  signerName?: string;
  recipients?: string[];
  /** The data cut-off window (ISO dates); absent, the report's year. */
  period?: { from: string; to: string };
  /** True for a report consolidated from units' reports (`phuluc merge`). */
  consolidated?: boolean;
}

export type RegisterRow = Record<string, RawValue>;

export interface Section {
  heading: string;
  text: string;
}

export interface UserRule {
  id: string;
  expression: string;
  severity: Severity;
  message?: string;
}

export interface Override {
  severity: "off" | Severity;
  reason: string;
}

/** One report in the data exchange format (spec: "Data exchange format (JSON)"). */
export interface ReportData {
  template: string;
  report: ReportInfo;
  values: Record<string, RawValue>;
  previous?: Record<string, RawValue>;
  registers: Record<string, RegisterRow[]>;
  sections?: Section[];
  rules?: UserRule[];
  overrides?: Record<string, Override>;
  /**
   * On a consolidated report: per indicator, how many units gave a value (`reported`) out of
   * those expected, and for a yes/no the units that answered "Có" (`yes`) out of those that
   * answered (`answered`).
   */
  consolidation?: Record<string, ConsolidationEntry>;
}

export interface ConsolidationEntry {
  reported: number;
  expected: number;
  yes?: number;
  answered?: number;
}

/** One finding (spec: "Findings format"). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  indicators: string[];
  values?: Record<string, number | string | null>;
  expected?: number | string;
  cells?: string[];
  path?: string;
  quote?: string;
  offset?: number;
  /**
   * Other places in a draft the finding points at, each an excerpt and where it starts
   * (`lint.same-document`: the other ways the document is written).
   */
  also?: { quote: string; offset: number }[];
  suggestion?: string;
  /**
   * The rule of an error on the same figures that already implies this finding (dth.parts
   * beside dth.part: a part over its total makes the parts' sum exceed it too). The finding
   * stays and is counted; the pane and the CLI show it under that error.
   */
  impliedBy?: string;
}

export interface OverrideSummary {
  rule: string;
  severity: Override["severity"];
  reason: string;
  affected: number;
}

export interface CheckResult {
  template: string;
  findings: Finding[];
  /**
   * Counts of ALL findings. `shown` is set only when the list was capped (a draft with
   * thousands of contradictions): the list then holds the first `shown` findings.
   */
  summary: { errors: number; warnings: number; infos: number; overrides: OverrideSummary[]; shown?: number };
}

/**
 * Where each datum of a report lives in its source, so that a finding can point at it.
 * Keys are JSON paths ("values.<code>", "registers.van_ban[3].symbol",
 * "registers.van_ban[3]" for a whole row); values are A1 references with the sheet
 * ("'Phụ lục'!E14").
 */
export type CellMap = Record<string, string>;
