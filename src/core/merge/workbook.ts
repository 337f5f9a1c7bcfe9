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

export const UNITS_SHEET = { name: "Đơn vị", table: "PL_DonVi", headerRow: 4 } as const;

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

/** The consolidated workbook's plan: the usual sheets holding the merged report, the "Đơn vị" sheet, and formulas. */
export function planConsolidated(t: TemplateDef, r: MergeResult, opts: PlanOptions = {}): WorkbookPlan {
  const base = planWorkbook(t, r.data, opts);
  const layout = buildLayout(t);
  const ind = sheetByRole(layout, "indicators");
  const units = r.units;
  const first = UNITS_SHEET.headerRow + 1;
  const last = UNITS_SHEET.headerRow + Math.max(1, units.length);
  const q = quoteSheet(UNITS_SHEET.name);
  const range = (code: string) => {
    const L = colLetter(unitsColumn(t, code));
    return `${q}!$${L}$${first}:$${L}$${last}`;
  };

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
  const unitsSheet: SheetPlan = {
    role: "units",
    name: UNITS_SHEET.name,
    preamble: [
      [{ v: "DANH SÁCH ĐƠN VỊ BÁO CÁO (SỐ LIỆU TỔNG HỢP)", bold: true }],
      [
        {
          v: `Mỗi dòng là số liệu của một đơn vị; trang "${ind.name}" cộng các cột này (tỷ lệ tính lại từ tổng tử số và mẫu số). Sửa số của một đơn vị ở đây thì số tổng hợp đổi theo. Ô trống: đơn vị không báo cáo chỉ tiêu đó (không tính là 0).`,
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

  // The appendix's value cells become formulas over the "Đơn vị" sheet.
  const sheets = base.sheets.map((sp) => {
    if (sp.role !== "indicators") return sp;
    const iValue = columnIndex(ind, "value") - 1;
    const tableRows = sp.table.rows.map((row) => row.slice());
    t.indicators.forEach((d, i) => {
      const cell = tableRows[i][iValue];
      const agg = aggregationOf(t, d.code);
      const v = r.data.values[d.code];
      let formula: string | undefined;
      let result: CellPlan["result"] = null;
      let format = cell.format;
      if (agg === "sum") {
        const R = range(d.code);
        formula = `=IF(COUNT(${R})=0,"",SUM(${R}))`;
        result = typeof v === "number" ? v : null;
      } else if (agg === "count-yes") {
        const R = range(d.code);
        formula = `=IF(COUNTIF(${R},"Có")+COUNTIF(${R},"Không")=0,"",COUNTIF(${R},"Có"))`;
        result = typeof v === "number" ? v : null;
        format = "0";
      } else if (agg === "ratio") {
        const rule = ratioRuleOf(t, d.code)!;
        const a = (c: string) => valueAddress(t, layout, c);
        const dec = r.percentDecimals[d.code] ?? 1;
        const blanks = [...rule.numerator, rule.denominator].map((c) => `${a(c)}=""`).join(",");
        formula = `=IF(OR(${blanks}),"",IF(${a(rule.denominator)}=0,"Không có",ROUND((${rule.numerator.map(a).join("+")})/${a(rule.denominator)},${dec + 2})))`;
        const rd = readValue(v as never, "percent");
        result = rd.status === "number" ? fraction(rd.value) : rd.status === "na" ? "Không có" : null;
        format = indicatorFormat("percent", dec);
      }
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
