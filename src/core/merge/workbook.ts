/**
 * The consolidated workbook, traceable: a "Đơn vị" sheet holds one row per unit and one
 * column per indicator (with each unit's ✓/✗ and findings counts), and the consolidated
 * appendix's cells are formulas over it (SUM, ratios of the summed cells, COUNTIF "Có"),
 * so a reviewer clicks a total and sees where it comes from, and a correction in one
 * unit's row flows through. Each formula carries the result merge computed, so a reader
 * without a spreadsheet engine (exceljs) reads the same figures. Pure.
 */
import type { ConsolidationEntry, ReportData, TemplateDef } from "../types";
import type { CellPlan, SheetPlan, WorkbookPlan, WorkbookSnapshot, SheetSnapshot } from "../workbook-model";
import { buildLayout, colLetter, quoteSheet, sheetByRole, columnIndex, indicatorFormat, valueAddress, MARKER } from "../layout";
import { planWorkbook, indicatorCell, markerPlan, type PlanOptions } from "../sheet-plan";
import { aggregationOf, ratioRuleOf } from "../template-info";
import { readValue } from "../values";
import { readYesNo, type MergeResult } from "./merge";
import { missingPart } from "./coverage";

/** The last row of a sheet in Excel 2007+ (and LibreOffice). */
const SHEET_LAST_ROW = 1048576;

export const UNITS_SHEET = { name: "Đơn vị", table: "PL_DonVi", headerRow: 4 } as const;

/** Header of the column a consolidated register adds: the unit each row comes from. */
export const UNIT_COLUMN = "Đơn vị báo cáo";

/** Fixed columns of the "Đơn vị" sheet before the indicators. */
const FIXED = [
  { key: "stt", vi: "STT", width: 6 },
  { key: "agency", vi: "Đơn vị", width: 36 },
  { key: "file", vi: "Tệp", width: 24 },
  { key: "level", vi: "Cấp", width: 8 },
  { key: "status", vi: "Kiểm tra", width: 9 },
  { key: "errors", vi: "Số lỗi", width: 8 },
  { key: "warnings", vi: "Số cảnh báo", width: 10 },
] as const;

/** 1-based column of an indicator on the "Đơn vị" sheet. */
export function unitsColumn(t: TemplateDef, code: string): number {
  return FIXED.length + 1 + t.indicators.findIndex((d) => d.code === code);
}

/** A unit's value as written in its row: numbers as numbers, percents as fractions, yes/no as "Có"/"Không", anything else as typed. */
function unitCell(raw: unknown, kind: string): CellPlan {
  if (kind === "yesno") {
    const y = readYesNo(raw as never);
    if (y === true) return { v: "Có" };
    if (y === false) return { v: "Không" };
    return y === null ? { v: null } : { v: String(raw) };
  }
  const c = indicatorCell(raw as never, kind as "count");
  return { v: c.v ?? null, format: c.format };
}

function fraction(percentUnits: number): number {
  return parseFloat((percentUnits / 100).toPrecision(15));
}

/**
 * The formula of one consolidated figure: over the units' column (`range`) for a sum or a
 * count of "Có", over the consolidated cells of its numerator and denominator (`addr`) for a
 * ratio; with the result merge computed and the cell's number format. Undefined: not combined.
 */
export function consolidatedFormula(
  t: TemplateDef,
  r: MergeResult,
  code: string,
  range: (code: string) => string,
  addr: (code: string) => string,
): { formula: string; result: CellPlan["result"]; format?: string } | undefined {
  const d = t.indicators.find((x) => x.code === code);
  if (!d) return undefined;
  const agg = aggregationOf(t, code);
  const v = r.data.values[code];
  if (agg === "sum") {
    const R = range(code);
    return { formula: `=IF(COUNT(${R})=0,"",SUM(${R}))`, result: typeof v === "number" ? v : null, format: indicatorFormat(d.kind as "count", 1) };
  }
  if (agg === "count-yes") {
    const R = range(code);
    return { formula: `=IF(COUNTIF(${R},"Có")+COUNTIF(${R},"Không")=0,"",COUNTIF(${R},"Có"))`, result: typeof v === "number" ? v : null, format: "0" };
  }
  if (agg === "ratio") {
    const rule = ratioRuleOf(t, code);
    if (!rule) return undefined;
    const dec = r.percentDecimals[code] ?? 1;
    const blanks = [...rule.numerator, rule.denominator].map((c) => `${addr(c)}=""`).join(",");
    const rd = readValue(v as never, "percent");
    return {
      formula: `=IF(OR(${blanks}),"",IF(${addr(rule.denominator)}=0,"Không có",ROUND((${rule.numerator.map(addr).join("+")})/${addr(rule.denominator)},${dec + 2})))`,
      result: rd.status === "number" ? fraction(rd.value) : rd.status === "na" ? "Không có" : null,
      format: indicatorFormat("percent", dec),
    };
  }
  return undefined;
}

/** The "Đơn vị" sheet: one row per unit (its ✓/✗, findings counts, figures), one column per indicator. */
export function unitsSheetPlan(t: TemplateDef, r: MergeResult, appendixName: string): SheetPlan {
  const units = r.units;
  // The "Đơn vị" sheet.
  const header = [...FIXED.map((c) => c.vi), ...t.indicators.map((d) => d.code)];
  const rows: CellPlan[][] = units.map((u, i) => [
    { v: i + 1 },
    { v: u.agency || null },
    { v: u.file },
    { v: u.level ? (t.levels.find((l) => l.id === u.level)?.label.vi ?? u.level) : null },
    { v: u.errors ? "✗" : "✓" },
    { v: u.errors },
    { v: u.warnings },
    ...t.indicators.map((d) => unitCell(u.data.values[d.code], d.kind)),
  ]);
  if (!rows.length) rows.push(header.map(() => ({ v: null })));
  const labels: CellPlan[] = [...FIXED.map(() => ({ v: null })), ...t.indicators.map((d) => ({ v: (d.short ?? d.label).vi, wrap: true }))];
  return {
    role: "units",
    name: UNITS_SHEET.name,
    preamble: [
      [{ v: "DANH SÁCH ĐƠN VỊ BÁO CÁO (SỐ LIỆU TỔNG HỢP)", bold: true }],
      [
        {
          v: `Mỗi dòng là số liệu của một đơn vị; trang "${appendixName}" cộng các cột này (tỷ lệ tính lại từ tổng tử số và mẫu số). Sửa số của một đơn vị ở đây thì số tổng hợp đổi theo. Ô trống: đơn vị không báo cáo chỉ tiêu đó (không tính là 0).`,
        },
      ],
      labels,
    ],
    table: {
      name: UNITS_SHEET.table,
      headerRow: UNITS_SHEET.headerRow,
      header,
      rows,
      columns: [...FIXED.map((c) => ({ width: c.width })), ...t.indicators.map((d) => ({ width: 12, format: (d.kind as string) === "yesno" ? undefined : indicatorFormat(d.kind as "count", 1) }))],
      formatRows: rows.length,
    },
    freezeRows: UNITS_SHEET.headerRow,
  };
}

/** The consolidated workbook's plan: the usual sheets holding the merged report, the "Đơn vị" sheet, and formulas. */
export function planConsolidated(t: TemplateDef, r: MergeResult, opts: PlanOptions = {}): WorkbookPlan {
  const base = planWorkbook(t, r.data, opts);
  const layout = buildLayout(t);
  const ind = sheetByRole(layout, "indicators");
  // Structured references over the units table's column (PL_DonVi[code]), not a fixed range:
  // a reviewer who types a late unit's row under the table (Excel extends the table) or
  // inserts one inside it is counted in the totals. Excel 2007+ and LibreOffice (≥ 5.1)
  // read them from .xlsx; the column headers are the indicator codes ([a-z0-9_], nothing to
  // escape). A whole-column reference ($H:$H) would take in the preamble's labels and the
  // header's code; a fixed range leaves out a row added below it.
  const range = (code: string) => `${UNITS_SHEET.table}[${code}]`;

  const unitsSheet = unitsSheetPlan(t, r, ind.name);

  // The appendix's value cells become formulas over the "Đơn vị" sheet.
  const sheets = base.sheets.map((sp) => {
    // Registers concatenated: each row says which unit it comes from (a column after the template's).
    if (sp.role === "register" && sp.register) {
      const list = r.data.registers[sp.register] ?? [];
      if (!list.length) return sp;
      return {
        ...sp,
        table: {
          ...sp.table,
          header: [...sp.table.header, UNIT_COLUMN],
          rows: sp.table.rows.map((row, i) => [...row, { v: list[i] && typeof list[i].don_vi === "string" ? (list[i].don_vi as string) : null }]),
          columns: [...sp.table.columns, { width: 30 }],
        },
      };
    }
    if (sp.role !== "indicators") return sp;
    const iValue = columnIndex(ind, "value") - 1;
    const tableRows = sp.table.rows.map((row) => row.slice());
    t.indicators.forEach((d, i) => {
      const cell = tableRows[i][iValue];
      const f = consolidatedFormula(t, r, d.code, range, (c) => valueAddress(t, layout, c));
      const formula = f?.formula;
      const result = f?.result ?? null;
      const format = f?.format ?? cell.format;
      if (formula) tableRows[i][iValue] = { ...cell, v: undefined, formula, result, format };
    });
    return { ...sp, table: { ...sp.table, rows: tableRows } };
  });
  const at = sheets.findIndex((s) => s.role === "indicators") + 1;
  sheets.splice(at, 0, unitsSheet);
  return { ...base, sheets, marker: markerPlan(layout, sheets) };
}

function cellText(s: SheetSnapshot, r: number, c: number): string {
  const x = s.rows[r] && s.rows[r][c];
  return x && x.v !== null && x.v !== undefined ? String(x.v).trim() : "";
}

/**
 * A consolidated workbook read back: when it holds the "Đơn vị" sheet (named in the marker),
 * the report is consolidated and each indicator's coverage is counted from the units' rows.
 * Returns the data unchanged otherwise.
 */
export function withConsolidation(t: TemplateDef, snap: WorkbookSnapshot, data: ReportData): ReportData {
  const marker = snap.sheets.find((s) => s.name === MARKER.sheet);
  if (!marker) return data;
  let name: string | undefined;
  for (let r = 0; r < marker.rows.length; r++) if (cellText(marker, r, 0) === UNITS_SHEET.table) name = cellText(marker, r, 1);
  const sheet = name ? snap.sheets.find((s) => s.name === name) : undefined;
  if (!sheet) return data;
  const h = UNITS_SHEET.headerRow - 1;
  const cols = new Map<string, number>();
  const hdr = sheet.rows[h] || [];
  for (let c = 0; c < hdr.length; c++) {
    const k = cellText(sheet, h, c);
    if (k) cols.set(k, c);
  }
  const agencyCol = cols.get("Đơn vị");
  const unitRows: number[] = [];
  for (let r = h + 1; r < sheet.rows.length; r++) {
    if (agencyCol !== undefined && cellText(sheet, r, agencyCol)) unitRows.push(r);
    else if ((sheet.rows[r] || []).some((x) => x && x.v !== null && x.v !== undefined && x.v !== "")) unitRows.push(r);
  }
  const expected = Math.max(unitRows.length, ...Object.values(data.consolidation ?? {}).map((e) => e.expected));
  const consolidation: Record<string, ConsolidationEntry> = {};
  for (const d of t.indicators) {
    const c = cols.get(d.code);
    if (c === undefined) continue;
    let reported = 0;
    let yes = 0;
    for (const r of unitRows) {
      const x = sheet.rows[r] && sheet.rows[r][c];
      const v = x ? x.v : null;
      if ((d.kind as string) === "yesno") {
        const y = readYesNo(v as never);
        if (y !== null && y !== undefined) reported++;
        if (y === true) yes++;
      } else if (typeof v === "number" || readValue(v as never, d.kind).status === "number") reported++;
    }
    const e: ConsolidationEntry = { reported, expected };
    if ((d.kind as string) === "yesno") {
      e.yes = yes;
      e.answered = reported;
    }
    consolidation[d.code] = e;
  }
  return { ...data, report: { ...data.report, consolidated: true }, consolidation };
}

/** A sheet as a grid the add-in writes in one batch: each cell a value or a formula, with its number format. */
export interface SheetGrid {
  name: string;
  cells: CellPlan[][];
  widths: number[];
  /** 1-based row of the header (frozen). */
  headerRow: number;
}

/**
 * The two sheets the pane's "Tổng hợp" writes into the open workbook, under free names
 * (never over a sheet of the user's): the units' rows, and the consolidated figures as
 * formulas over them (code, label, unit, value, "x/N đơn vị báo cáo").
 */
export function paneSheets(t: TemplateDef, r: MergeResult, names: { units: string; total: string }): { units: SheetGrid; total: SheetGrid } {
  const up = unitsSheetPlan(t, r, names.total);
  const unitCells: CellPlan[][] = [...up.preamble, up.table.header.map((h) => ({ v: h, bold: false })), ...up.table.rows];
  const units: SheetGrid = { name: names.units, cells: unitCells, widths: up.table.columns.map((c) => c.width), headerRow: up.table.headerRow };

  // The pane writes plain ranges (no table): each total runs from the first unit's row to the
  // sheet's last row (1,048,576 in Excel 2007+ and LibreOffice), so a late unit's row typed
  // below the others is counted. Not the whole column ($H:$H): the preamble and the header
  // (the codes) sit above the first unit's row. Nothing of ours is written below the units;
  // a row of the reviewer's own there (a "Cộng" line) would be counted too.
  const first = UNITS_SHEET.headerRow + 1;
  const q = quoteSheet(names.units);
  const range = (code: string) => {
    const L = colLetter(unitsColumn(t, code));
    return `${q}!$${L}$${first}:$${L}$${SHEET_LAST_ROW}`;
  };
  const headerRow = 4;
  const rowOf = (code: string) => headerRow + 1 + t.indicators.findIndex((d) => d.code === code);
  const cover = coverageLineOf(r);
  const cells: CellPlan[][] = [
    [{ v: "TỔNG HỢP SỐ LIỆU " + t.title.vi.toUpperCase(), bold: true }],
    [{ v: cover + (r.data.report.agency ? " — " + r.data.report.agency : "") }],
    [{ v: `Mỗi số là công thức trên trang "${names.units}": tổng các đơn vị; tỷ lệ tính lại từ tổng tử số và tổng mẫu số. Ô trống: chưa đơn vị nào báo cáo.` }],
    ["Nhóm", "Mã", "Chỉ tiêu", "Đơn vị tính", "Số tổng hợp", "Số đơn vị báo cáo"].map((v) => ({ v })),
  ];
  for (const d of t.indicators) {
    const f = consolidatedFormula(t, r, d.code, range, (c) => "E" + rowOf(c));
    const e = r.data.consolidation?.[d.code];
    cells.push([
      { v: d.group },
      { v: d.code },
      { v: d.label.vi, wrap: true },
      { v: d.unit.vi },
      f ? { formula: f.formula, result: f.result, format: f.format } : { v: null },
      { v: e ? `${e.reported}/${e.expected}` : null },
    ]);
  }
  return { units, total: { name: names.total, cells, widths: [7, 20, 60, 11, 16, 14], headerRow } };
}

function coverageLineOf(r: MergeResult): string {
  const expected = Math.max(r.units.length, ...Object.values(r.coverage).map((c) => c.expected));
  return `Tổng hợp từ ${r.units.length}/${expected} đơn vị` + missingPart(r.missingUnits);
}
