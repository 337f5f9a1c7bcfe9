/**
 * Excel formulas for the "Kiểm tra" (status) column of the indicator sheet.
 *
 * A workbook sent to someone without the add-in, or opened in an Excel too old for it,
 * still shows, next to each figure, "✓" or "✗ <short Vietnamese reason>". The formulas
 * are generated from the template's rules (data), never written per indicator.
 *
 * What each row carries
 * - Every indicator row: the kind of its own value (`value.kind` for numbers: negative,
 *   not whole, percent over 100%). Text that is not "Không"/"Không có" (count, money) or
 *   "Không có" (percent) cannot be read by a formula the way the core reads it
 *   ("04 cuộc", "khoảng 20"): the row says "… ô chứa chữ" and the add-in gives the answer.
 * - `sum` on the total's row; `le` on the part's row (with `each`, on the row of every
 *   part; summed, on the first part's row); `ratio` on the ratio's row; `implies` on the
 *   row of each clause's `if` indicator. `register-count` and `period` need the registers
 *   or the report year and stay with the add-in / command line (see `uncoveredRules`).
 * - Several rules on one row are joined with "; ". All inputs blank → the cell is blank.
 *
 * Marks: "✓" all rules on the row hold; "✗" a rule of severity error fails; "⚠" a warning
 * (dth.parts, a truncated rather than rounded percent, a number where "Không có" belongs);
 * "ℹ" a rule of severity info; "…" the rule cannot be checked yet (an input is blank or
 * not readable: the core gives an `info` there), e.g. "… tổng số suy ra: 45".
 *
 * Percent decimals. A percent figure written with d decimals stands for ±0.5·10^-d; the
 * core takes d from the cell's number format (0.0% → 1). The formula takes d as a
 * constant: the plan passes, for every percent indicator, the decimals of the number
 * format it writes on that cell (`percentDecimals`; default 1, the 0.0% of an empty
 * workbook; `percentDecimalsOfFormat` reads a format). Excel keeps a cell's percent
 * format when a percent is typed into it, so the constant stays right; a user who
 * changes the number format afterwards gets the new decimals in the add-in at once and
 * in the formula when setup next rewrites the status column.
 *
 * Excel features used: IF, AND, OR, ISNUMBER, N, INT, ROUND, ABS, TRIM, FIXED, MID and
 * IFERROR (all in Excel 2007 and later; no IFS, TEXTJOIN, LET, CONCAT). Numbers in the
 * reasons go through FIXED, which uses the reader's own separators ("10.424.000" and
 * "88,9%" in a Vietnamese Windows). Function names and separators are the English
 * (invariant) ones that Office.js `range.formulas` and exceljs write.
 */
import type { TemplateDef, RuleDef, Severity, IndicatorKind, Condition, RegisterCount, RegisterDef, RegisterFieldDef } from "./types";
import { type WorkbookLayout, buildLayout, valueAddress, colLetter, columnIndex, quoteSheet, type SheetDef } from "./layout";
import { TRUE_WORDS, FALSE_WORDS } from "./normalize";
import { BLANK_TEXTS, ZERO_TEXTS, NA_TEXTS } from "./values";
import { percentDecimals } from "./number-format";

export interface StatusOptions {
  /** Decimals of each percent indicator's number format, by code. Missing → `defaultPercentDecimals`. */
  percentDecimals?: Record<string, number>;
  /** Decimals of a percent cell whose format the plan does not say: 1 (0.0%, the empty workbook's format). */
  defaultPercentDecimals?: number;
}

/** One rule (or one clause / one part of a rule) as it appears on one row. */
export interface StatusPart {
  /** Rule id ("tt.sum") or "value.kind" for the row's own value. */
  rule: string;
  /** Indicator whose row carries it. */
  row: string;
  /** Indicators read (codes). */
  inputs: string[];
  /** Excel expression (no "="): "" when the rule holds, else "; <mark> <reason>". */
  expr: string;
}

export interface StatusRow {
  code: string;
  /** Status cell, e.g. "G14". */
  cell: string;
  parts: StatusPart[];
  /** The whole formula, with the leading "=". */
  formula: string;
}

export const STATUS_MARKS = { ok: "✓", error: "✗", warning: "⚠", info: "ℹ", pending: "…" } as const;

const SEV_MARK: Record<Severity, string> = { error: STATUS_MARKS.error, warning: STATUS_MARKS.warning, info: STATUS_MARKS.info };
const KHONG_CO = "Không có".normalize("NFC");

/**
 * Texts read as blank, as zero (count, money) and as "not applicable" (percent): the same
 * lists as the core's reader (src/core/values.ts). Excel compares text without case.
 */
export { BLANK_TEXTS, ZERO_TEXTS, NA_TEXTS };

/** Rule kinds the status formulas carry (a `register-count` only when `registerCountExpressible`). */
export const COVERED_KINDS: RuleDef["kind"][] = ["sum", "le", "ratio", "implies", "max", "min-per", "register-count"];

/** Answers a yes/no cell may hold (the core's reader takes more spellings; the add-in gives the answer). */
export const YESNO_TEXTS = ["Có", "Không", "co", "khong", "Chưa", "chua", "Không có", "khong co", "Chưa có", "chua co", "Đã có", "Rồi"].map((s) => s.normalize("NFC"));

/**
 * Rows of a register sheet the formulas read, below its header: a register longer than
 * this is counted by the add-in only (the formula sees its first REGISTER_ROWS rows).
 */
export const REGISTER_ROWS = 5000;

/** At most this many spellings of a `where` field's values in one count (an array constant). */
const MAX_SPELLINGS = 64;

/**
 * Why a `register-count` rule stays with the add-in, or undefined when its formulas are written.
 * - A distinct count (`distinct`: kt.register counts distinct decisions and units): the
 *   core compares values without case and without spaces ("QĐ 12" = "qđ12"); Excel's
 *   SUMPRODUCT(1/COUNTIF(r,r&"")) compares with the spaces, reads "*", "?", "~" as
 *   wildcards and "<", ">" as operators, and costs rows² comparisons at each recalculation.
 * - A register or field missing from the layout, or too many spellings to multiply out.
 */
export function registerCountUnexpressible(t: TemplateDef, layout: WorkbookLayout, r: Extract<RuleDef, { kind: "register-count" }>): string | undefined {
  const reg = t.registers.find((x) => x.id === r.register);
  const sheet = layout.sheets.find((s) => s.role === "register" && s.register === r.register);
  if (!reg || !sheet) return "register missing";
  if (!t.indicators.length) return "no indicators";
  for (const c of r.counts) {
    if (!t.indicators.some((d) => d.code === c.indicator)) return "unknown indicator " + c.indicator;
    if (c.distinct) return "distinct count";
    for (const [field, allowed] of Object.entries(c.where ?? {})) {
      const f = reg.fields.find((x) => x.id === field);
      if (!f || !sheet.columns.some((col) => col.key === field)) return "unknown field " + field;
      if (allowed.reduce((n, v) => n + spellings(f, v).length, 0) > MAX_SPELLINGS) return "too many spellings";
    }
  }
  return undefined;
}

/** Rules of the template that stay with the add-in / command line (distinct register counts, report year). */
export function uncoveredRules(t: TemplateDef, layout?: WorkbookLayout): string[] {
  const lay = layout ?? buildLayout(t);
  return t.rules
    .filter((r) => !COVERED_KINDS.includes(r.kind) || (r.kind === "register-count" && registerCountUnexpressible(t, lay, r) !== undefined))
    .map((r) => r.id);
}

/**
 * The spellings of a `where` value in a register cell that both the core and COUNTIFS read
 * alike (Excel compares text without case): an enum option's code and labels; a yes / no
 * word of a boolean (not "true"/"1": Excel and LibreOffice read those as a logical or a
 * number); any other field's value as is.
 */
export function spellings(f: RegisterFieldDef, value: string): string[] {
  const out: string[] = [];
  const add = (x: string) => {
    if (!out.some((y) => y.toLowerCase() === x.toLowerCase())) out.push(x);
  };
  if (f.type === "enum") {
    const o = (f.options ?? []).find((x) => x.value === value);
    if (o) for (const x of [o.label.vi, o.label.en, o.value]) add(x.normalize("NFC"));
    else add(value);
  } else if (f.type === "boolean" && (value === "true" || value === "false")) {
    for (const w of value === "true" ? TRUE_WORDS : FALSE_WORDS) if (!/^(true|false|\d+)$/.test(w)) add(w);
  } else add(value);
  return out;
}

/** Decimals of a percent number format: "0.0%" → 1, "0%" → 0; undefined when not a percent format (number-format.ts). */
export const percentDecimalsOfFormat = (format: string | undefined | null): number | undefined => percentDecimals(format);

const q = (s: string) => '"' + s.replace(/"/g, '""') + '"';

/** Excel's number literal for a JS number (no exponent for the small tolerances used here). */
function lit(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(12).replace(/0+$/, "").replace(/\.$/, "");
}

class Builder {
  private kinds = new Map<string, IndicatorKind>();
  private units = new Map<string, string>();

  constructor(
    private t: TemplateDef,
    private layout: WorkbookLayout,
    private opts: StatusOptions,
  ) {
    for (const d of t.indicators) {
      this.kinds.set(d.code, d.kind);
      this.units.set(d.code, d.unit.vi);
    }
  }

  has(code: string): boolean {
    return this.kinds.has(code);
  }

  a(code: string): string {
    return valueAddress(this.t, this.layout, code);
  }

  kind(code: string): IndicatorKind {
    return this.kinds.get(code) ?? "count";
  }

  unit(code: string): string {
    return this.units.get(code) ?? "";
  }

  dec(code: string): number {
    const d = this.opts.percentDecimals?.[code] ?? this.opts.defaultPercentDecimals ?? 1;
    return Math.max(0, Math.min(10, Math.floor(d)));
  }

  /** Blank as the spec reads it: empty, spaces, "-", "x". */
  blank(code: string): string {
    return this.oneOf(code, BLANK_TEXTS);
  }

  /** TRIM(cell) is one of these texts (Excel compares without case). */
  oneOf(code: string, texts: readonly string[]): string {
    const a = this.a(code);
    return `OR(${texts.map((x) => `TRIM(${a})=${q(x)}`).join(",")})`;
  }

  /** The percent as written, in percent units, with the format's decimals. */
  w(code: string): string {
    return `ROUND(N(${this.a(code)})*100,${this.dec(code)})`;
  }

  /** "Không có" in a percent. */
  na(code: string): string {
    return this.oneOf(code, NA_TEXTS);
  }

  /** "Không" in a count or money (zero). */
  zero(code: string): string {
    return this.oneOf(code, ZERO_TEXTS);
  }

  /** The cell holds a value the rule can use. */
  ready(code: string): string {
    const a = this.a(code);
    if (this.kind(code) === "percent") {
      const w = this.w(code);
      return `OR(AND(ISNUMBER(${a}),${w}>=0,${w}<=100),${this.na(code)})`;
    }
    return `OR(AND(ISNUMBER(${a}),N(${a})>=0,N(${a})=INT(N(${a}))),${this.zero(code)})`;
  }

  /** A count or money as a number ("Không" → 0). */
  n(code: string): string {
    return `N(${this.a(code)})`;
  }

  /** A count or money as printed in a reason. */
  fx(code: string): string {
    return `FIXED(N(${this.a(code)}),0)`;
  }

  allReady(codes: string[]): string {
    const xs = codes.map((c) => this.ready(c));
    return xs.length === 1 ? xs[0] : `AND(${xs.join(",")})`;
  }

  anyBlank(codes: string[]): string {
    const xs = codes.map((c) => this.blank(c));
    return xs.length === 1 ? xs[0] : `OR(${xs.join(",")})`;
  }

  allBlank(codes: string[]): string {
    const xs = codes.map((c) => this.blank(c));
    return xs.length === 1 ? xs[0] : `AND(${xs.join(",")})`;
  }

  /** "; … thiếu số liệu" when an input is blank, else "; … số liệu chưa hợp lệ". */
  pending(codes: string[]): string {
    return `"; ${STATUS_MARKS.pending}"&IF(${this.anyBlank(codes)},${q(" thiếu số liệu")},${q(" số liệu chưa hợp lệ")})`;
  }

  sumOf(codes: string[]): string {
    return codes.length === 1 ? this.n(codes[0]) : "(" + codes.map((c) => this.n(c)).join("+") + ")";
  }

  /** "26 + 19" */
  listText(codes: string[]): string {
    return codes.map((c) => this.fx(c)).join(`&" + "&`);
  }

  /** The row's own value: value.kind for numbers, "…" for text the formula cannot read. */
  kindPart(code: string): StatusPart {
    const a = this.a(code);
    const E = SEV_MARK.error;
    let expr: string;
    if (this.kind(code) === "yesno") {
      expr = `IF(OR(${this.blank(code)},${this.oneOf(code, YESNO_TEXTS)}),"",${q("; " + E + " ghi Có hoặc Không")})`;
    } else if (this.kind(code) === "percent") {
      const w = this.w(code);
      expr =
        `IF(OR(${this.blank(code)},${this.na(code)}),"",` +
        `IF(ISNUMBER(${a}),IF(${w}<0,${q("; " + E + " số âm")},IF(${w}>100,${q("; " + E + " quá 100%")},"")),` +
        `${q("; " + STATUS_MARKS.pending + " ô chứa chữ")}))`;
    } else {
      expr =
        `IF(OR(${this.blank(code)},${this.zero(code)}),"",` +
        `IF(ISNUMBER(${a}),IF(N(${a})<0,${q("; " + E + " số âm")},IF(N(${a})<>INT(N(${a})),${q("; " + E + " không phải số nguyên")},"")),` +
        `${q("; " + STATUS_MARKS.pending + " ô chứa chữ")}))`;
    }
    return { rule: "value.kind", row: code, inputs: [code], expr };
  }

  sumPart(r: Extract<RuleDef, { kind: "sum" }>): StatusPart {
    const inputs = [r.total, ...r.parts];
    const bad = `${this.n(r.total)}<>${this.sumOf(r.parts)}`;
    const msg = `${q("; " + SEV_MARK[r.severity] + " ")}&${this.fx(r.total)}&" ≠ "&${this.listText(r.parts)}`;
    return { rule: r.id, row: r.total, inputs, expr: `IF(${this.allReady(inputs)},IF(${bad},${msg},""),${this.pending(inputs)})` };
  }

  leParts(r: Extract<RuleDef, { kind: "le" }>): StatusPart[] {
    const groups = r.each ? r.left.map((c) => [c]) : [r.left];
    return groups.map((left) => {
      const inputs = [...left, r.right];
      const bad = `${this.sumOf(left)}>${this.n(r.right)}`;
      const msg = `${q("; " + SEV_MARK[r.severity] + " ")}&${this.listText(left)}&" > "&${this.fx(r.right)}`;
      return { rule: r.id, row: left[0], inputs, expr: `IF(${this.allReady(inputs)},IF(${bad},${msg},""),${this.pending(inputs)})` };
    });
  }

  ratioPart(r: Extract<RuleDef, { kind: "ratio" }>): StatusPart {
    const d = this.dec(r.ratio);
    const inputs = [r.ratio, ...r.numerator, r.denominator];
    const ra = this.a(r.ratio);
    const num = this.sumOf(r.numerator);
    const den = this.n(r.denominator);
    const w = this.w(r.ratio);
    // As the engine computes it: (numerator / denominator) × 100.
    const exact = `${num}/${den}*100`;
    const exactText = `FIXED(${exact},${d})&"%"`;
    const frac =
      (r.numerator.length === 1 ? this.fx(r.numerator[0]) : `"("&${this.listText(r.numerator)}&")"`) + `&"/"&${this.fx(r.denominator)}`;
    const E = SEV_MARK[r.severity];
    const step = Math.pow(10, -d);
    const tol = lit(0.5 * step + 1e-9);
    const wrong = `${q("; " + E + " ")}&FIXED(${w},${d})&"% ≠ "&${frac}&" = "&${exactText}`;
    // exact − written in (0.5·10^-d, 10^-d): the figure was truncated instead of rounded.
    const truncated = `AND(${exact}-${w}>0,${exact}-${w}<${lit(step - 1e-9)})`;
    const numberCase =
      `IF(ABS(${exact}-${w})<=${tol},"",` +
      `IF(${truncated},${q("; " + STATUS_MARKS.warning + " làm tròn thành ")}&${exactText},${wrong}))`;
    const naCase = `${q("; " + E + " " + KHONG_CO + " ≠ ")}&${frac}&" = "&${exactText}`;
    /** The ratio holds a readable percent (not "Không có"). */
    const ratioNum = `AND(ISNUMBER(${ra}),${w}>=0,${w}<=100)`;
    const zeroSev = r.zeroDenominator ? r.zeroDenominator.severity : r.severity;
    // Denominator 0: "Không có" holds; a number there is the zero-denominator finding; the numerators do not matter.
    const zero =
      `IF(${this.na(r.ratio)},"",IF(${ratioNum},${q("; " + SEV_MARK[zeroSev] + ' tổng = 0: ghi "' + KHONG_CO + '"')},${this.pending([r.ratio])}))`;
    const positive =
      `IF(${this.allReady(r.numerator)},IF(${this.na(r.ratio)},${naCase},IF(${ratioNum},${numberCase},${this.pending([r.ratio])})),` +
      `${this.pending(r.numerator)})`;
    const checked = `IF(${den}=0,${zero},${positive})`;
    let notReady = this.pending(inputs);
    if (r.impliedTotal) {
      const ok = `AND(${this.blank(r.denominator)},${this.allReady(r.numerator)},ISNUMBER(${ra}),${w}>0,${w}<=100)`;
      notReady = `IF(${ok},${q("; " + STATUS_MARKS.pending + " tổng số suy ra: ")}&FIXED(${num}*100/${w},0),${notReady})`;
    }
    return { rule: r.id, row: r.ratio, inputs, expr: `IF(${this.ready(r.denominator)},${checked},${notReady})` };
  }

  maxParts(r: Extract<RuleDef, { kind: "max" }>): StatusPart[] {
    return r.codes.map((c) => {
      const msg = `${q("; " + SEV_MARK[r.severity] + " ")}&${this.fx(c)}&${q(" > " + r.max)}`;
      return { rule: r.id, row: c, inputs: [c], expr: `IF(${this.ready(c)},IF(${this.n(c)}>${lit(r.max)},${msg},""),${this.pending([c])})` };
    });
  }

  minPerPart(r: Extract<RuleDef, { kind: "min-per" }>): StatusPart {
    const inputs = [r.total, r.per];
    const msg = `${q("; " + SEV_MARK[r.severity] + " ")}&${this.fx(r.total)}&${q(" < " + r.min + " × ")}&${this.fx(r.per)}`;
    return { rule: r.id, row: r.total, inputs, expr: `IF(${this.allReady(inputs)},IF(${this.n(r.total)}<${lit(r.min)}*${this.n(r.per)},${msg},""),${this.pending(inputs)})` };
  }

  cond(c: Condition): string {
    const op = c.op === "!=" ? "<>" : c.op;
    return `${this.n(c.code)}${op}${lit(c.value)}`;
  }

  impliesParts(r: Extract<RuleDef, { kind: "implies" }>): StatusPart[] {
    return r.clauses.map((cl) => {
      const inputs = cl.if.code === cl.then.code ? [cl.if.code] : [cl.if.code, cl.then.code];
      const msg =
        `${q("; " + SEV_MARK[r.severity] + " ")}&${this.fx(cl.if.code)}&${q(" " + this.unit(cl.if.code) + " nhưng ")}` +
        `&${this.fx(cl.then.code)}&${q(" " + this.unit(cl.then.code))}`;
      // As the engine: a clause whose `if` does not hold says nothing, whatever `then` is.
      const expr =
        `IF(${this.ready(cl.if.code)},IF(${this.cond(cl.if)},` +
        `IF(${this.ready(cl.then.code)},IF(${this.cond(cl.then)},"",${msg}),${this.pending([cl.then.code])}),""),` +
        `${this.pending([cl.if.code])})`;
      return { rule: r.id, row: cl.if.code, inputs, expr };
    });
  }

  /** A register field's data cells, e.g. 'Hội nghị'!$C$4:$C$5003. */
  range(sheet: SheetDef, field: string): string {
    const L = colLetter(columnIndex(sheet, field));
    return `${quoteSheet(sheet.name)}!$${L}$${sheet.headerRow + 1}:$${L}$${sheet.headerRow + REGISTER_ROWS}`;
  }

  /** Rows of the register with something written (as the core reads a register: a row blank in every column is no row). */
  usedRows(sheet: SheetDef): string {
    const blanks = sheet.columns.map((c) => `${this.range(sheet, c.key)},""`).join(",");
    return `(${REGISTER_ROWS}-COUNTIFS(${blanks}))`;
  }

  /**
   * Rows matching a count's `where`: SUMPRODUCT of ISNUMBER(MATCH(column, {spellings}, 0))
   * per field (MATCH compares text without case, as the core does).
   */
  countExpr(reg: RegisterDef, sheet: SheetDef, c: RegisterCount): string {
    const where = Object.entries(c.where ?? {});
    if (!where.length) return this.usedRows(sheet);
    const terms = where.map(([field, allowed]) => {
      const f = reg.fields.find((x) => x.id === field)!;
      const words = allowed.flatMap((v) => spellings(f, v));
      return `ISNUMBER(MATCH(${this.range(sheet, field)},{${words.map(q).join(",")}},0))`;
    });
    return `SUMPRODUCT(${terms.join("*")}*1)`;
  }

  /**
   * `register-count` on the row of each counted indicator: "✗ 3 ≠ 4 theo sổ Hội nghị".
   * An empty register says nothing (the core's rule does not apply). A `where` on a field
   * the core may fill in from another (`derivedFrom`: the issuer from the symbol) cannot be
   * counted by a formula while that field is blank in some row: "… cần phần mềm".
   */
  registerParts(r: Extract<RuleDef, { kind: "register-count" }>): StatusPart[] {
    if (registerCountUnexpressible(this.t, this.layout, r) !== undefined) return [];
    const reg = this.t.registers.find((x) => x.id === r.register)!;
    const sheet = this.layout.sheets.find((s) => s.role === "register" && s.register === r.register)!;
    const used = this.usedRows(sheet);
    const E = SEV_MARK[r.severity];
    return r.counts.map((c) => {
      const x = c.indicator;
      const cnt = this.countExpr(reg, sheet, c);
      const derived = Object.keys(c.where ?? {})
        .map((id) => reg.fields.find((f) => f.id === id)!)
        .filter((f) => f.derivedFrom);
      const msg = `${q("; " + E + " ")}&${this.fx(x)}&" ≠ "&FIXED(${cnt},0)&${q(" theo sổ " + reg.label.vi)}`;
      let expr = `IF(${this.ready(x)},IF(${this.n(x)}<>${cnt},${msg},""),${this.pending([x])})`;
      if (derived.length) {
        // Rows where the field is blank but the one it is read from is not: the core may count them.
        const blank = derived.map((f) => {
          const r = this.range(sheet, f.id);
          return `COUNTIFS(${r},"")-COUNTIFS(${r},"",${this.range(sheet, f.derivedFrom!)},"")>0`;
        });
        const label = derived.map((f) => f.label.vi.toLowerCase()).join(", ");
        expr = `IF(OR(${blank.join(",")}),${q("; " + STATUS_MARKS.pending + " sổ " + reg.label.vi + " có dòng trống cột " + label + ": phần mềm kiểm tra")},${expr})`;
      }
      return { rule: r.id, row: x, inputs: [x], expr: `IF(${used}=0,"",${expr})` };
    });
  }

  ruleParts(r: RuleDef): StatusPart[] {
    if (r.kind === "register-count") return this.registerParts(r);
    const codes: string[] = [];
    switch (r.kind) {
      case "sum":
        codes.push(r.total, ...r.parts);
        break;
      case "le":
        codes.push(...r.left, r.right);
        break;
      case "ratio":
        codes.push(r.ratio, ...r.numerator, r.denominator);
        break;
      case "implies":
        for (const c of r.clauses) codes.push(c.if.code, c.then.code);
        break;
      case "max":
        codes.push(...r.codes);
        break;
      case "min-per":
        codes.push(r.total, r.per);
        break;
      default:
        return [];
    }
    // A rule naming an indicator the template lacks is the engine's business, not a formula's.
    if (!codes.every((c) => this.has(c))) return [];
    switch (r.kind) {
      case "sum":
        return [this.sumPart(r)];
      case "le":
        return this.leParts(r);
      case "ratio":
        return [this.ratioPart(r)];
      case "implies":
        return this.impliesParts(r);
      case "max":
        return this.maxParts(r);
      case "min-per":
        return [this.minPerPart(r)];
    }
    return [];
  }
}

/** Every indicator row's status parts and formula, in template order. */
export function statusRows(t: TemplateDef, layout: WorkbookLayout, opts: StatusOptions = {}): StatusRow[] {
  const b = new Builder(t, layout, opts);
  const byRow = new Map<string, StatusPart[]>();
  for (const d of t.indicators) byRow.set(d.code, [b.kindPart(d.code)]);
  for (const r of t.rules) for (const p of b.ruleParts(r)) byRow.get(p.row)?.push(p);
  return t.indicators.map((d) => {
    const parts = byRow.get(d.code) ?? [];
    const inputs: string[] = [];
    for (const p of parts) for (const c of p.inputs) if (!inputs.includes(c)) inputs.push(c);
    const x = parts.map((p) => p.expr).join("&");
    // "; ✓" before the parts' texts, then the "; ✓; " dropped: "✓" alone, or the parts without
    // it, with the parts written once (a formula stays well under Excel's 8,192 characters).
    const ok = "; " + STATUS_MARKS.ok;
    const formula = `=IFERROR(IF(${b.allBlank(inputs)},"",MID(SUBSTITUTE(${q(ok)}&${x},${q(ok + "; ")},"; "),3,999)),${q(STATUS_MARKS.pending + " có ô lỗi")})`;
    return { code: d.code, cell: valueAddress(t, layout, d.code, "status"), parts, formula };
  });
}

/**
 * The status column's formulas: indicator code → formula text (with "=") for the
 * "Kiểm tra" cell of that indicator's row (`valueAddress(t, layout, code, "status")`).
 * This is the hook `planWorkbook` calls when it writes the indicator sheet.
 */
export function statusFormulas(t: TemplateDef, layout: WorkbookLayout, opts: StatusOptions = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of statusRows(t, layout, opts)) out[r.code] = r.formula;
  return out;
}

/** Excel limits a formula to 8,192 characters and 64 nested levels. */
export const EXCEL_FORMULA_LIMITS = { length: 8192, nesting: 64 } as const;

/**
 * The hook in the shape `planWorkbook`'s `statusFormulas` option takes: the plan tells it
 * the decimals of the percent formats it writes. Call sites:
 * the default of `planWorkbook` (src/core/sheet-plan.ts), so the command line and the add-in write the same.
 */
export function statusHook(t: TemplateDef, layout: WorkbookLayout, info?: { percentDecimals?: Record<string, number> }): Record<string, string> {
  return statusFormulas(t, layout, { percentDecimals: info?.percentDecimals });
}
