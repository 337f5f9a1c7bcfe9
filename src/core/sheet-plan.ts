/**
 * From a template (and optionally report data) to a `WorkbookPlan`: what an adapter
 * (exceljs in src/cli/xlsx.ts, Office.js in src/excel/) writes, in one batch.
 *
 * Everything comes from the ONE layout (`buildLayout` in ./layout): sheet names, table
 * names, headers, column widths, formats and validation, the ownership marker.
 * Pure: no Office, no DOM, no Node.
 */
import type { TemplateDef, ReportData, RawValue, IndicatorKind, RegisterFieldDef } from "./types";
import type { CellPlan, SheetPlan, WorkbookPlan } from "./workbook-model";
import { printFor } from "./workbook-model";
import {
  buildLayout,
  derivedFormulas,
  indicatorFormat,
  indicatorValidation,
  valueAddress,
  columnIndex,
  colLetter,
  quoteSheet,
  FORMATS,
  BOOLEAN_LABELS,
  INFO_FIELDS,
  MARKER,
  MULTILINE_VALIDATION,
  severityCell,
  type WorkbookLayout,
  type SheetDef,
  type ValidationDef,
} from "./layout";
import { normalizeValue, readValue } from "./values";
import { statusHook } from "./status-formulas";
import { percentDecimals } from "./number-format";
import { formatPercent, isoToSerial, parseDate } from "./vn";
import { embedTemplate, EMBED } from "./designer/json";

export interface PlanOptions {
  /**
   * Formulas for the "Kiểm tra" (status) column of the indicator sheet, by indicator
   * code (formula text with a leading "="). By default the ✓/✗ formulas of
   * src/core/status-formulas.ts (`statusHook`); `false` leaves the column empty.
   */
  statusFormulas?: false | Record<string, string> | ((t: TemplateDef, layout: WorkbookLayout, info: StatusContext) => Record<string, string>);
  /** Rows below the header that column formats and validation cover on list sheets (default 500). */
  formatRows?: number;
  /**
   * Carry the template inside the workbook (its JSON in the marker sheet), so that a unit
   * that receives the workbook needs no other file: for a template that is not built in.
   */
  embedTemplate?: boolean;
  /**
   * An upgrade (src/core/upgrade.ts): value cells written as given rather than from the data,
   * by code (a derived formula kept as a formula, a user's formula kept as typed).
   */
  valueCells?: Record<string, CellPlan>;
  /**
   * An upgrade: columns of a register that the new template version dropped, kept to the
   * right of its table (header, then one cell per data row), by register id.
   */
  keptColumns?: Record<string, { header: string; cells: CellPlan[] }[]>;
}

/** What the plan tells the status-formula hook about the cells it writes. */
export interface StatusContext {
  /** Decimals of the number format written on each percent indicator's value cell (0.0% → 1). */
  percentDecimals: Record<string, number>;
  /** Whether the plan holds data (values) or is the empty workbook (derived formulas). */
  withData: boolean;
}

/** Default decimals of a percent cell with nothing written yet (the layout's 0.0%). */
const DEFAULT_PERCENT_DECIMALS = 1;

const NOT_PRINTED = " (không in ra phụ lục; dùng để kiểm tra tỷ lệ)";

/** Cell content for an indicator value (or previous-year value) written as data. */
export function indicatorCell(raw: RawValue, kind: IndicatorKind, decimals = DEFAULT_PERCENT_DECIMALS): CellPlan {
  const n = normalizeValue(raw, kind);
  if (n === null || n === undefined || n === "") return { v: null, format: indicatorFormat(kind, decimals) };
  if (kind === "percent") {
    if (typeof n === "string") {
      const r = readValue(n, "percent");
      // A clean percent ("88,9%") becomes a fraction under a format with its decimals,
      // provided reading it back gives the very same text.
      if (r.status === "number" && !r.note && formatPercent(r.value, r.decimals) === n) {
        return { v: fraction(r.value), format: indicatorFormat("percent", r.decimals) };
      }
      return { v: n, format: indicatorFormat("percent", decimals) };
    }
    if (typeof n === "number") {
      // Only an unreadable percent (over 100, negative) stays a number: keep it as typed.
      return { v: n, format: "General" };
    }
    return { v: String(n), format: indicatorFormat("percent", decimals) };
  }
  if (typeof n === "number") {
    // A fractional figure (an error the check reports) must not be shown rounded.
    return { v: n, format: Number.isInteger(n) ? indicatorFormat(kind) : "General" };
  }
  return { v: String(n), format: indicatorFormat(kind) };
}

/** Decimals of a percent format ("0.0%" → 1, "0%" → 0); the default for anything else. */
function formatDecimals(format: string | undefined): number {
  return percentDecimals(format) ?? DEFAULT_PERCENT_DECIMALS;
}

function fraction(percentUnits: number): number {
  return parseFloat((percentUnits / 100).toPrecision(15));
}

function textCell(v: unknown): CellPlan {
  if (v === null || v === undefined || v === "") return { v: null };
  if (typeof v === "number" || typeof v === "boolean") return { v };
  return { v: String(v) };
}

/** A register field's value as written in its cell. */
export function fieldCell(f: RegisterFieldDef, v: RawValue): CellPlan {
  if (v === null || v === undefined || v === "") return { v: null };
  switch (f.type) {
    case "date": {
      if (typeof v === "number") return { v, format: FORMATS.date };
      const iso = typeof v === "string" ? parseDate(v) : undefined;
      if (iso && /^\d{4}-\d{2}-\d{2}$/.test(String(v).trim())) return { v: isoToSerial(iso), format: FORMATS.date };
      // A date that needs interpretation stays as typed, for the check to report.
      return { v: String(v) };
    }
    case "enum": {
      const o = (f.options ?? []).find((x) => x.value === v);
      return { v: o ? o.label.vi : String(v) };
    }
    case "boolean":
      if (v === true) return { v: BOOLEAN_LABELS.true.vi };
      if (v === false) return { v: BOOLEAN_LABELS.false.vi };
      return { v: String(v) };
    default:
      return textCell(v);
  }
}

function preamble(s: SheetDef, extra: string[] = []): CellPlan[][] {
  // The help spans the table's width (wrapped), so that it prints within the page.
  const rows: CellPlan[][] = [[{ v: s.title.vi, bold: true }], [{ v: s.help.vi, span: s.columns.length }]];
  for (const e of extra) rows.push([{ v: e }]);
  while (rows.length < s.headerRow - 1) rows.push([]);
  return rows.slice(0, s.headerRow - 1);
}

function emptyRow(s: SheetDef): CellPlan[] {
  return s.columns.map(() => ({ v: null }));
}

function columnsOf(s: SheetDef, withFormats: boolean): SheetPlan["table"]["columns"] {
  return s.columns.map((c) => {
    const col: { width: number; format?: string; validation?: ValidationDef; wrap?: boolean } = { width: c.width };
    if (withFormats && c.numberFormat) col.format = c.numberFormat;
    if (withFormats && c.validation) col.validation = c.validation;
    if (c.wrap) col.wrap = true;
    return col;
  });
}

function indicatorSheet(t: TemplateDef, layout: WorkbookLayout, s: SheetDef, data: ReportData | undefined, opts: PlanOptions): SheetPlan {
  const formulas = data ? {} : derivedFormulas(t, layout);
  const rows: CellPlan[][] = [];
  const iValue = columnIndex(s, "value") - 1;
  const iPrev = columnIndex(s, "previous") - 1;
  const iStatus = columnIndex(s, "status") - 1;
  const extraRows: CellPlan[][] = [];
  for (const d of t.indicators) {
    const row: CellPlan[] = s.columns.map(() => ({ v: null }));
    row[columnIndex(s, "group") - 1] = { v: d.group };
    row[columnIndex(s, "code") - 1] = { v: d.code };
    row[columnIndex(s, "label") - 1] = { v: d.label.vi + (d.printed === false ? NOT_PRINTED : ""), wrap: true };
    row[columnIndex(s, "unit") - 1] = { v: d.unit.vi };
    const vAddr = valueAddress(t, layout, d.code);
    const pAddr = valueAddress(t, layout, d.code, "previous");
    // A percent cell's decimals: the template's for this indicator, else the product's.
    const decimals = d.decimals ?? DEFAULT_PERCENT_DECIMALS;
    let value: CellPlan;
    if (data && opts.valueCells && opts.valueCells[d.code]) {
      value = { ...opts.valueCells[d.code] };
    } else if (data) {
      value = indicatorCell(data.values ? data.values[d.code] : null, d.kind, decimals);
    } else if (formulas[d.code]) {
      value = { formula: formulas[d.code], format: indicatorFormat(d.kind, decimals) };
    } else {
      value = { v: null, format: indicatorFormat(d.kind, decimals) };
    }
    value.validation = indicatorValidation(d.kind, vAddr);
    row[iValue] = value;
    const prev = indicatorCell(data && data.previous ? data.previous[d.code] : null, d.kind, decimals);
    prev.validation = indicatorValidation(d.kind, pAddr);
    row[iPrev] = prev;
    rows.push(row);
  }
  // Codes the template does not know (kept by the normaliser so that check reports them):
  // written after the template's rows, as typed, so that export gives them back.
  if (data) {
    const known = new Set(t.indicators.map((d) => d.code));
    // A Set, not a list search: a report of 100 000 unknown codes stays linear.
    const extraSet = new Set<string>();
    for (const src of [data.values, data.previous]) {
      for (const k of Object.keys(src || {})) if (!known.has(k)) extraSet.add(k);
    }
    const extra = [...extraSet];
    for (const code of extra) {
      const row: CellPlan[] = s.columns.map(() => ({ v: null }));
      row[columnIndex(s, "code") - 1] = { v: code };
      row[columnIndex(s, "label") - 1] = { v: "(mã không có trong mẫu " + t.id + ")", wrap: true };
      row[iValue] = { ...textCell(data.values ? data.values[code] : null), format: "General" };
      row[iPrev] = { ...textCell(data.previous ? data.previous[code] : null), format: "General" };
      row[iStatus] = { v: null, wrap: true };
      extraRows.push(row);
    }
  }
  // The status column, through the hook (src/core/status-formulas.ts), told the percent formats written.
  const percentDecimals: Record<string, number> = {};
  t.indicators.forEach((d, i) => {
    if (d.kind === "percent") percentDecimals[d.code] = formatDecimals(rows[i][iValue].format);
  });
  const hook = opts.statusFormulas === undefined ? statusHook : opts.statusFormulas;
  const status = typeof hook === "function" ? hook(t, layout, { percentDecimals, withData: !!data }) : hook || {};
  t.indicators.forEach((d, i) => {
    rows[i][iStatus] = status[d.code] ? { formula: status[d.code], wrap: true } : { v: null, wrap: true };
  });
  for (const x of extraRows) rows.push(x);
  return {
    role: "indicators",
    name: s.name,
    preamble: preamble(s, ["", t.title.vi, "Mẫu " + t.id + " — bố cục phiên bản " + layout.version + ". Không xóa, không đổi tên cột, không gộp ô trong bảng."]),
    table: {
      name: s.table,
      headerRow: s.headerRow,
      header: s.columns.map((c) => c.header.vi),
      keys: s.columns.map((c) => c.key),
      rows,
      columns: columnsOf(s, false),
      formatRows: rows.length,
    },
    freezeRows: s.headerRow,
    highlight: { column: iStatus + 1, rules: [{ text: "✗", tone: "error" }, { text: "⚠", tone: "warning" }] },
    // The appendix on A4, one page wide; landscape when its columns are wider than a portrait page.
    print: printFor({ table: { columns: columnsOf(s, false) } as SheetPlan["table"] }),
  };
}

function infoSheet(t: TemplateDef, s: SheetDef, data: ReportData | undefined): SheetPlan {
  const info = (data && data.report) || {};
  const rows: CellPlan[][] = [];
  const iKey = columnIndex(s, "key") - 1;
  const iLabel = columnIndex(s, "label") - 1;
  const iValue = columnIndex(s, "value") - 1;
  for (const f of INFO_FIELDS) {
    const row: CellPlan[] = s.columns.map(() => ({ v: null }));
    row[iKey] = { v: f.name };
    row[iLabel] = { v: f.label.vi, wrap: true };
    const raw = (info as Record<string, unknown>)[f.key];
    let cell: CellPlan;
    switch (f.type) {
      case "lines":
        cell = Array.isArray(raw) ? { v: raw.length ? raw.map((x) => String(x)).join("\n") : null } : textCell(raw);
        cell.wrap = true;
        cell.format = FORMATS.text;
        cell.validation = MULTILINE_VALIDATION;
        break;
      case "date": {
        const iso = typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) ? parseDate(raw) : undefined;
        cell = iso ? { v: isoToSerial(iso), format: FORMATS.date } : { ...textCell(raw), format: FORMATS.date };
        cell.validation = {
          rule: { type: "date" },
          errorStyle: "warning",
          title: { vi: "Ngày", en: "Date" },
          message: { vi: "Nhập ngày, vd. 14/11/2021.", en: "Enter a date, e.g. 14/11/2021." },
        };
        break;
      }
      case "year":
        cell = { ...textCell(raw), format: "0" };
        cell.validation = {
          rule: { type: "whole", min: 1990, max: 2100 },
          errorStyle: "warning",
          title: { vi: "Năm", en: "Year" },
          message: { vi: "Nhập năm, vd. 2021.", en: "Enter a year, e.g. 2021." },
        };
        break;
      case "level": {
        const l = t.levels.find((x) => x.id === raw);
        cell = l ? { v: l.label.vi } : textCell(raw);
        cell.validation = {
          rule: { type: "list", values: t.levels.map((x) => x.label.vi) },
          errorStyle: "stop",
          title: f.label,
          message: { vi: "Chọn trong danh sách.", en: "Pick from the list." },
        };
        break;
      }
      default:
        cell = { ...textCell(raw), format: FORMATS.text, wrap: true };
    }
    row[iValue] = cell;
    rows.push(row);
  }
  return {
    role: "info",
    name: s.name,
    preamble: preamble(s),
    table: { name: s.table, headerRow: s.headerRow, header: s.columns.map((c) => c.header.vi), keys: s.columns.map((c) => c.key), rows, columns: columnsOf(s, false), formatRows: rows.length },
    freezeRows: s.headerRow,
  };
}

function listSheet(s: SheetDef, rows: CellPlan[][], formatRows: number, kept: { header: string; cells: CellPlan[] }[] = []): SheetPlan {
  if (kept.length) {
    // Columns the new template dropped, to the right of the table's own (an upgrade keeps their values).
    const n = Math.max(rows.length, ...kept.map((k) => k.cells.length));
    rows = Array.from({ length: n }, (_r, i) => [...(rows[i] ?? emptyRow(s)), ...kept.map((k) => k.cells[i] ?? { v: null })]);
  }
  const plan: SheetPlan = {
    role: s.role,
    name: s.name,
    preamble: preamble(s),
    table: {
      name: s.table,
      headerRow: s.headerRow,
      header: [...s.columns.map((c) => c.header.vi), ...kept.map((k) => k.header)],
      keys: [...s.columns.map((c) => c.key), ...kept.map(() => undefined)],
      rows: rows.length ? rows : [[...emptyRow(s), ...kept.map(() => ({ v: null }))]],
      columns: [...columnsOf(s, true), ...kept.map(() => ({ width: 30, wrap: true }))],
      formatRows: Math.max(formatRows, rows.length || 1),
    },
    freezeRows: s.headerRow,
  };
  if (s.register) plan.register = s.register;
  return plan;
}

/** The plan of a whole workbook: empty (derived formulas) or holding `data`. */
export function planWorkbook(t: TemplateDef, data?: ReportData, opts: PlanOptions = {}): WorkbookPlan {
  const layout = buildLayout(t);
  const formatRows = opts.formatRows ?? 500;
  const sheets: SheetPlan[] = [];
  for (const s of layout.sheets) {
    switch (s.role) {
      case "indicators":
        sheets.push(indicatorSheet(t, layout, s, data, opts));
        break;
      case "info":
        sheets.push(infoSheet(t, s, data));
        break;
      case "register": {
        const reg = t.registers.find((r) => r.id === s.register);
        const list = (data && data.registers && s.register && data.registers[s.register]) || [];
        const rows = reg ? list.map((row) => reg.fields.map((f) => fieldCell(f, row ? row[f.id] : null))) : [];
        sheets.push(listSheet(s, rows, formatRows, (s.register && opts.keptColumns?.[s.register]) || []));
        break;
      }
      case "sections": {
        const rows = ((data && data.sections) || []).map((x) => [textCell(x && x.heading), { ...textCell(x && x.text), wrap: true }]);
        sheets.push(listSheet(s, rows, 100));
        break;
      }
      case "rules": {
        const rows = ((data && data.rules) || []).map((r) => [textCell(r && r.id), textCell(r && r.expression), textCell(severityCell(r && r.severity)), textCell(r && r.message)]);
        sheets.push(listSheet(s, rows, 100));
        break;
      }
      case "overrides": {
        const rows = Object.entries((data && data.overrides) || {}).map(([rule, o]) => [textCell(rule), textCell(severityCell(o && o.severity)), textCell(o && o.reason)]);
        sheets.push(listSheet(s, rows, 100));
        break;
      }
    }
  }
  return {
    layoutVersion: layout.version,
    template: t.id,
    sheets,
    marker: markerPlan(layout, sheets, opts.embedTemplate ? embedTemplate(t) : undefined),
  };
}

/** The marker sheet's rows for the given sheets (their actual names). */
export function markerPlan(layout: WorkbookLayout, sheets: { name: string; table: { name: string } }[], embedded?: string[]): WorkbookPlan["marker"] {
  const rows: (string | number)[][] = [[MARKER.magic, layout.version], ["template", layout.template], []];
  for (const s of sheets) rows.push([s.table.name, s.name]);
  // The template's JSON in column K, from row 1 (see designer/json.ts).
  (embedded ?? []).forEach((v, r) => {
    while (rows.length <= r) rows.push([]);
    while (rows[r].length < EMBED.col) rows[r].push("");
    rows[r][EMBED.col] = v;
  });
  return { sheet: MARKER.sheet, rows, name: MARKER.name, ref: quoteSheet(MARKER.sheet) + "!$B$1" };
}

/** A1 address (with sheet) of a cell given 1-based row and column. */
export function cellRef(sheet: string, row1: number, col1: number): string {
  return quoteSheet(sheet) + "!" + colLetter(col1) + row1;
}

/**
 * The plan with references to our sheets under the names they actually have ("'Hội nghị'!"
 * → "'Hội nghị (phuluc)'!" when the user has a sheet of that name): the status formulas
 * count the registers on our sheets, never on a user's own sheet of the same name.
 */
export function renameSheetRefs(plan: WorkbookPlan, names: Record<string, string>): WorkbookPlan {
  const pairs = Object.entries(names).filter(([from, to]) => from !== to);
  if (!pairs.length) return plan;
  const fix = (f: string) => {
    let out = f;
    for (const [from, to] of pairs) out = out.split(quoteSheet(from) + "!").join(quoteSheet(to) + "!");
    return out;
  };
  return {
    ...plan,
    sheets: plan.sheets.map((sp) => ({
      ...sp,
      table: { ...sp.table, rows: sp.table.rows.map((row) => row.map((c) => (c.formula ? { ...c, formula: fix(c.formula) } : c))) },
    })),
  };
}
