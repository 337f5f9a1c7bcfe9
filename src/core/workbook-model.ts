/**
 * What the core knows of a workbook, independent of exceljs and Office.js.
 *
 * Reading: an adapter (src/cli/xlsx.ts with exceljs, src/excel/ with Office.js) takes a
 * `WorkbookSnapshot` of the cells it finds, and `readWorkbook` (src/core/sheet-read.ts)
 * turns it into report data, a cell map and `workbook.*` findings.
 *
 * Writing: `planWorkbook` (src/core/sheet-plan.ts) turns report data (or nothing) into a
 * `WorkbookPlan`, and each adapter applies it in one batch.
 */
import type { ValidationDef, SheetRole } from "./layout";

/**
 * A cell as an adapter sees it. Dates are Excel serial numbers (days since 1899-12-30)
 * under a date number format, as Office.js gives them; exceljs's Date objects are
 * converted to serials by the adapter. A formula cell gives its cached result in `v`
 * (null when it has none) and the formula text in `formula`.
 * `error` holds an Excel error value such as "#REF!" (then v is null).
 */
export interface CellSnapshot {
  v: string | number | boolean | null;
  format?: string;
  formula?: string;
  error?: string;
  /** Part of a merged range that does not start at this cell. */
  mergedInto?: string;
}

export interface SheetSnapshot {
  name: string;
  /** "visible" | "hidden" | "veryHidden" */
  visibility?: string;
  /**
   * Cells from A1, rows then columns, 0-based arrays (rows[0][0] is A1). Only the used
   * range needs to be there; missing cells are blank.
   */
  rows: CellSnapshot[][];
  /** Excel tables on this sheet: name and A1 range including the header. */
  tables?: { name: string; range: string }[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Workbook-level defined names → their reference or formula text. */
  names?: Record<string, string>;
}

/** One cell to write. A value of null writes a blank. */
export interface CellPlan {
  v?: string | number | boolean | null;
  formula?: string;
  /** A formula's result as computed when the plan was made (a reader without a spreadsheet engine sees it). */
  result?: string | number | boolean | null;
  format?: string;
  validation?: ValidationDef;
  bold?: boolean;
  wrap?: boolean;
  /**
   * Rows above a table only: the cell spans this many columns (merged), its text wrapped and the
   * row made tall enough, so that a long help line stays within the table's width on screen and
   * on the printed page.
   */
  span?: number;
}

/** Height in points of a row whose wrapped text of `chars` characters spans columns `width` units wide (11 pt font). */
export function spanHeight(chars: number, width: number): number {
  const lines = Math.max(1, Math.ceil((chars * 1.1) / Math.max(1, width)));
  return Math.min(409, lines * 15);
}

export interface SheetPlan {
  /** "designer": a sheet of the template designer (src/core/designer/sheets.ts). */
  role: SheetRole | "designer";
  /** The layout's name for this sheet (the adapter may have to pick another, see layout.ts). */
  name: string;
  register?: string;
  /** Rows above the table: title and help, row 1 first. */
  preamble: CellPlan[][];
  table: {
    name: string;
    headerRow: number;
    header: string[];
    /** The layout's key of each column ("code", "value", …; a kept column of an upgrade has none). */
    keys?: (string | undefined)[];
    /** Data rows; at least one (an empty row) so that the table exists. */
    rows: CellPlan[][];
    /** Column formats and validations applied to the whole data column (register sheets). */
    columns: { width: number; format?: string; validation?: ValidationDef; wrap?: boolean }[];
    /** Rows the column validation and format cover below the header (e.g. 500). */
    formatRows: number;
  };
  /** Freeze panes below this row (the header). */
  freezeRows: number;
  /** Hide these 1-based columns (e.g. none for now; codes stay visible). */
  hiddenColumns?: number[];
  /**
   * Colours of a column of marks (the status column): cells whose text contains `text`
   * are shown in `tone` ("error" red, "warning" amber). 1-based column; data rows.
   */
  highlight?: { column: number; rules: { text: string; tone: "error" | "warning" }[] };
  /** Print set-up: A4, orientation, and fitted to the page width (any number of pages tall). Absent: `printFor` decides. */
  print?: PrintPlan;
}

/** How a sheet prints: A4, fitted to the page width, the table's header row repeated on each page. */
export interface PrintPlan {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** One page wide, as many pages tall as it takes. */
  fitToWidth: boolean;
}

/** Margins (inches, as exceljs and the file store them; Office.js takes points: × 72). */
export const PRINT_MARGINS = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** Page footer: "Trang 1/3" (&P page, &N pages: the same codes in the file and in Office.js). */
export const PRINT_FOOTER = "Trang &P/&N";

/**
 * Columns (Excel width units, about one digit each) that fit across an A4 page in portrait at
 * 100 %: 8.27 in less the margins is about 530 pt, a digit of the default 11 pt font about 5.3 pt.
 */
export const PORTRAIT_MAX_WIDTH = 100;

/** The print set-up of a sheet: its own, else A4 fitted to the width, landscape when its columns are wider than a portrait page. */
export function printFor(sp: Pick<SheetPlan, "print" | "table">): PrintPlan {
  if (sp.print) return sp.print;
  const width = sp.table.columns.reduce((n, c) => n + c.width, 0);
  return { paper: "A4", orientation: width > PORTRAIT_MAX_WIDTH ? "landscape" : "portrait", fitToWidth: true };
}

/** Colours the adapters use: marks and formula (computed) cells, as ARGB. */
export const TONES = {
  error: { fill: "FFFFC7CE", font: "FF9C0006" },
  warning: { fill: "FFFFEB9C", font: "FF9C5700" },
  /** A cell the workbook computes (formula): not a cell to type in. */
  computed: { fill: "FFF2F2F2", font: "FF595959" },
} as const;

export interface WorkbookPlan {
  layoutVersion: number;
  template: string;
  sheets: SheetPlan[];
  /** The marker sheet's cells (very hidden) and the defined name pointing at it. */
  marker: { sheet: string; rows: (string | number)[][]; name: string; ref: string };
}
