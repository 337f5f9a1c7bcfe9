/**
 * The one sheet-layout definition, used by the command line (exceljs) and by the add-in
 * (Office.js). Pure data and pure functions: sheet names, Excel table names, columns,
 * number formats, validation, derived-cell formulas, the ownership marker.
 */
import type { IndicatorKind, TemplateDef, Text, RegisterFieldDef, RuleDef } from "./types";
import { reportLists } from "./template-info";

/**
 * Bumped when the layout changes; older workbooks are read as they are (columns by header) and
 * upgraded in place keeping every value (src/core/upgrade.ts).
 * 1: Nhóm, Mã, Chỉ tiêu, … on "Phụ lục". 2: the label before the code (a clerk reads it first).
 */
export const LAYOUT_VERSION = 2;

/** What each layout version changed, for the upgrade plan shown before an older workbook is upgraded. */
export const LAYOUT_CHANGES: { version: number; text: Text }[] = [
  { version: 1, text: { vi: 'Trang "Phụ lục": thêm cột "Kiểm tra" (✓/✗ tính ngay trong Excel).', en: 'Sheet "Phụ lục": a "Kiểm tra" column (✓/✗ computed by Excel) is added.' } },
  {
    version: 2,
    text: {
      vi: 'Trang "Phụ lục": cột "Chỉ tiêu" (tên chỉ tiêu) chuyển lên trước cột "Mã"; số liệu vẫn ở cột "Giá trị" (cột E).',
      en: 'Sheet "Phụ lục": the "Chỉ tiêu" (indicator) column moves before the "Mã" (code) column; figures stay in the "Giá trị" column (E).',
    },
  },
];

/**
 * Ownership marker: a very hidden sheet holding the layout id, version and the actual
 * name of each of our sheets, plus a workbook-level defined name pointing at it.
 * Both exceljs and Office.js can read a hidden sheet's cells and a defined name.
 */
export const MARKER = {
  sheet: "_phuluc",
  /** Workbook-level defined name → '_phuluc'!$B$1 (the layout version). */
  name: "PHULUC_LAYOUT",
  /** Cell A1 holds this text; B1 the layout version; A2 "template", B2 the template id. */
  magic: "phuluc-layout",
  /** From row 4 down: A = sheet role key (the table name), B = the sheet's actual name. */
  firstRoleRow: 4,
} as const;

export type SheetRole = "indicators" | "info" | "register" | "sections" | "rules" | "overrides" | "units";

export type Validation =
  | { type: "whole"; min: number; max?: number }
  | { type: "decimal"; min: number; max: number }
  | { type: "list"; values: string[] }
  | { type: "date" }
  /** Text of at most `max` characters (used for its input message only: it refuses nothing real). */
  | { type: "textLength"; max: number }
  /** A custom Excel formula written for the first data cell (relative references). */
  | { type: "custom"; formula: string };

export interface ValidationDef {
  rule: Validation;
  /** "stop" refuses the entry; "warning" lets the user keep it after a prompt. */
  errorStyle: "stop" | "warning" | "information";
  title: Text;
  message: Text;
}

export interface ColumnDef {
  /** Stable key: for registers the field id; for the indicator sheet a role. */
  key: string;
  header: Text;
  width: number;
  numberFormat?: string;
  validation?: ValidationDef;
  /** Text wrapped in the cell. */
  wrap?: boolean;
}

export interface SheetDef {
  role: SheetRole;
  /** Vietnamese sheet name (a user's own sheet of that name makes ours "<name> (phuluc)"). */
  name: string;
  /** Excel table name (workbook-unique, ASCII). Also the role key in the marker. */
  table: string;
  /** 1-based row of the table header; rows above hold the title and help. */
  headerRow: number;
  title: Text;
  help: Text;
  columns: ColumnDef[];
  /** For role "register": the register id. */
  register?: string;
}

export interface WorkbookLayout {
  version: number;
  template: string;
  sheets: SheetDef[];
}

export const FORMATS = {
  count: "#,##0",
  money: "#,##0",
  /** A yes/no answer is text ("Có", "Không"). */
  yesno: "@",
  percent: (decimals: number) => (decimals > 0 ? "0." + "0".repeat(decimals) + "%" : "0%"),
  date: "dd/mm/yyyy",
  text: "@",
} as const;

/** Labels written in cells for enum and boolean fields; the reader maps them back. */
export const BOOLEAN_LABELS = { true: { vi: "Có", en: "Yes" }, false: { vi: "Không", en: "No" } };

export interface InfoField {
  /** The spec's key (report.<key> in the JSON): never shown in the workbook. */
  key: string;
  /** What the "Mã" column of "Thông tin" shows: a short Vietnamese name (read back like the key). */
  name: string;
  label: Text;
  type: "text" | "date" | "year" | "level" | "lines";
}

export const INFO_FIELDS: InfoField[] = [
  { key: "parentAgency", name: "Cơ quan chủ quản", label: { vi: "Cơ quan chủ quản (cấp trên)", en: "Parent agency" }, type: "text" },
  { key: "agency", name: "Cơ quan báo cáo", label: { vi: "Cơ quan báo cáo", en: "Reporting agency" }, type: "text" },
  { key: "level", name: "Cấp", label: { vi: "Cấp báo cáo", en: "Level" }, type: "level" },
  { key: "number", name: "Số", label: { vi: "Số báo cáo", en: "Report number" }, type: "text" },
  { key: "symbol", name: "Ký hiệu", label: { vi: "Ký hiệu báo cáo (vd. BC-SKHCN)", en: "Report symbol (e.g. BC-SKHCN)" }, type: "text" },
  { key: "place", name: "Địa danh", label: { vi: "Địa danh", en: "Place" }, type: "text" },
  { key: "date", name: "Ngày", label: { vi: "Ngày báo cáo", en: "Report date" }, type: "date" },
  { key: "year", name: "Năm", label: { vi: "Năm báo cáo", en: "Year reported" }, type: "year" },
  { key: "title", name: "Trích yếu", label: { vi: "Trích yếu", en: "Title" }, type: "text" },
  { key: "basis", name: "Căn cứ", label: { vi: "Căn cứ (văn bản yêu cầu báo cáo)", en: "Basis (the request)" }, type: "text" },
  { key: "signerAuthority", name: "Thẩm quyền ký", label: { vi: "Thẩm quyền ký (KT., TM., TL. …)", en: "Signing authority" }, type: "text" },
  { key: "signerTitle", name: "Chức vụ người ký", label: { vi: "Chức vụ người ký", en: "Signer's title" }, type: "text" },
  { key: "signerName", name: "Người ký", label: { vi: "Họ tên người ký", en: "Signer's name" }, type: "text" },
  { key: "recipients", name: "Nơi nhận", label: { vi: "Nơi nhận (mỗi nơi một dòng; dòng cuối là \"Lưu: …\")", en: "Recipients (one per line; last is \"Lưu: …\")" }, type: "lines" },
];

function infoKeyText(s: unknown): string {
  return s === null || s === undefined ? "" : String(s).normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

const INFO_BY_TEXT = new Map<string, InfoField>();
for (const f of INFO_FIELDS) {
  INFO_BY_TEXT.set(infoKeyText(f.name), f);
  // Workbooks written before the Vietnamese names hold the spec's key ("agency"): still read.
  INFO_BY_TEXT.set(infoKeyText(f.key), f);
}

/** The field of a "Thông tin" row by what its "Mã" cell holds: the Vietnamese name or the older English key. */
export function infoFieldOf(cell: unknown): InfoField | undefined {
  return INFO_BY_TEXT.get(infoKeyText(cell));
}

/** Severities as the workbook writes them (rules and overrides sheets, notes); the reader takes these and the spec's words. */
export const SEVERITY_LABELS = {
  error: { vi: "Lỗi", en: "Error" },
  warning: { vi: "Cảnh báo", en: "Warning" },
  info: { vi: "Thông tin", en: "Info" },
  off: { vi: "Tắt", en: "Off" },
} as const;

/** A severity as written in a cell: "error" → "Lỗi"; anything else as given. */
export function severityCell(s: unknown): unknown {
  return typeof s === "string" && s in SEVERITY_LABELS ? SEVERITY_LABELS[s as keyof typeof SEVERITY_LABELS].vi : s;
}

/** Input message of a cell that holds several lines. */
export const MULTILINE_HINT: Text = {
  vi: "Xuống dòng trong ô: bấm Alt+Enter (Enter là sang ô dưới). Mỗi ý một dòng.",
  en: "New line inside the cell: press Alt+Enter (Enter moves to the next cell). One item per line.",
};

/** A validation that refuses nothing and shows the Alt+Enter hint when the cell is selected. */
export const MULTILINE_VALIDATION: ValidationDef = {
  rule: { type: "textLength", max: 32767 },
  errorStyle: "information",
  title: { vi: "Nhiều dòng", en: "Several lines" },
  message: MULTILINE_HINT,
};

/** Excel table name of a register's sheet: the template's, else PL_ and the id in CamelCase. */
function registerTable(t: TemplateDef, id: string): string {
  return t.workbook?.tables?.[id] ?? "PL_" + id.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase());
}

/** Hint of the "Nội dung" sheet: the template's, else made from its first code and its lists. */
function sectionsHint(t: TemplateDef): Text {
  if (t.workbook?.sectionsHint) return t.workbook.sectionsHint;
  const first = t.indicators[0]?.code;
  const names = ["tom_tat", ...reportLists(t).map((l) => l.placeholder), "phu_luc"].map((n) => "{" + n + "}").join(", ");
  return {
    vi: "Mỗi dòng một mục. Có thể dùng " + (first ? "{" + first + "} (số liệu), " : "") + names + ".",
    en: "One row per section. Placeholders: " + (first ? "{" + first + "} (a figure), " : "") + names + ".",
  };
}

/** Hint of the "Quy tắc riêng" sheet: the template's, else an example from a part and its total. */
function rulesHint(t: TemplateDef): Text {
  if (t.workbook?.rulesHint) return t.workbook.rulesHint;
  const part = t.indicators.find((i) => i.partOf);
  const eg = part ? part.code + " <= " + part.partOf : t.indicators[0] ? t.indicators[0].code + " >= 0" : "";
  return {
    vi: "Mỗi dòng một quy tắc" + (eg ? ", vd. " + eg : "") + ". Mức độ: Lỗi, Cảnh báo hoặc Thông tin.",
    en: "One rule per row" + (eg ? ", e.g. " + eg : "") + ". Severity: Lỗi (error), Cảnh báo (warning) or Thông tin (info).",
  };
}

const whole0: ValidationDef = {
  rule: { type: "whole", min: 0 },
  errorStyle: "warning",
  title: { vi: "Số nguyên không âm", en: "Whole number ≥ 0" },
  message: { vi: "Ô này nhận số nguyên từ 0 trở lên (vd. 8).", en: "This cell takes a whole number from 0 (e.g. 8)." },
};

function fieldColumn(f: RegisterFieldDef): ColumnDef {
  const col: ColumnDef = { key: f.id, header: f.label, width: 18 };
  switch (f.type) {
    case "date":
      col.numberFormat = FORMATS.date;
      col.width = 13;
      col.validation = {
        rule: { type: "date" },
        errorStyle: "warning",
        title: { vi: "Ngày", en: "Date" },
        message: { vi: "Nhập ngày, vd. 30/3/2021.", en: "Enter a date, e.g. 30/3/2021." },
      };
      break;
    case "enum":
      col.width = 24;
      col.validation = {
        rule: { type: "list", values: (f.options ?? []).map((o) => o.label.vi) },
        errorStyle: "stop",
        title: f.label,
        message: { vi: "Chọn trong danh sách.", en: "Pick from the list." },
      };
      break;
    case "boolean":
      col.width = 12;
      col.validation = {
        rule: { type: "list", values: [BOOLEAN_LABELS.true.vi, BOOLEAN_LABELS.false.vi] },
        errorStyle: "stop",
        title: f.label,
        message: { vi: "Chọn Có hoặc Không.", en: "Pick Có (yes) or Không (no)." },
      };
      break;
    case "symbol":
      col.width = 18;
      col.numberFormat = FORMATS.text;
      break;
    default:
      col.width = f.id === "title" ? 60 : 30;
      col.wrap = true;
  }
  return col;
}

export function buildLayout(t: TemplateDef): WorkbookLayout {
  const sheets: SheetDef[] = [];
  sheets.push({
    role: "indicators",
    name: "Phụ lục",
    table: "PL_ChiTieu",
    headerRow: 8,
    title: { vi: "PHỤ LỤC SỐ LIỆU", en: "NUMERIC APPENDIX" },
    help: {
      vi: "Nhập số liệu vào cột \"Giá trị\". Số: 8 hoặc 08; tiền: gõ liền các chữ số, không dấu chấm hay phẩy, vd. 10424000 (ô tự hiện 10.424.000 hoặc 10,424,000 tùy máy); tỷ lệ: 88,9% (máy dùng dấu chấm thập phân: 88.9%); không áp dụng: \"Không có\". Ô nền xám có công thức, không cần gõ. Cột \"Mã\" là mã chỉ tiêu, không sửa.",
      en: "Type the figures in the \"Giá trị\" column. Counts: 8; money: the digits only, no dots or commas, e.g. 10424000 (shown as 10,424,000 or 10.424.000 as the computer's settings say); ratios: 88.9% (88,9% where the decimal sign is a comma); not applicable: \"Không có\". Grey cells hold formulas: no need to type. Do not edit the \"Mã\" (code) column.",
    },
    columns: [
      { key: "group", header: { vi: "Nhóm", en: "Group" }, width: 7 },
      { key: "label", header: { vi: "Chỉ tiêu", en: "Indicator" }, width: 60, wrap: true },
      { key: "code", header: { vi: "Mã", en: "Code" }, width: 20 },
      { key: "unit", header: { vi: "Đơn vị tính", en: "Unit" }, width: 11 },
      { key: "value", header: { vi: "Giá trị", en: "Value" }, width: 16 },
      { key: "previous", header: { vi: "Năm trước", en: "Previous year" }, width: 16 },
      { key: "status", header: { vi: "Kiểm tra", en: "Check" }, width: 36, wrap: true },
    ],
  });
  sheets.push({
    role: "info",
    name: "Thông tin",
    table: "PL_ThongTin",
    headerRow: 3,
    title: { vi: "THÔNG TIN BÁO CÁO", en: "REPORT DETAILS" },
    help: {
      vi: "Điền cột \"Nội dung\". Cột \"Mã\" dùng cho phần mềm, không sửa.",
      en: "Fill in the \"Nội dung\" column. Do not edit the \"Mã\" (key) column.",
    },
    columns: [
      { key: "key", header: { vi: "Mã", en: "Key" }, width: 20 },
      { key: "label", header: { vi: "Mục", en: "Item" }, width: 42, wrap: true },
      { key: "value", header: { vi: "Nội dung", en: "Content" }, width: 80, wrap: true, numberFormat: FORMATS.text },
    ],
  });
  for (const r of t.registers) {
    sheets.push({
      role: "register",
      register: r.id,
      name: r.label.vi,
      table: registerTable(t, r.id),
      headerRow: 3,
      title: { vi: "SỔ " + r.label.vi.toUpperCase(), en: "REGISTER: " + r.label.en.toUpperCase() },
      help: {
        vi: "Mỗi dòng một " + r.rowNoun.vi + ". Để trống cả bảng nếu không theo dõi.",
        en: "One row per " + r.rowNoun.en + ". Leave the table empty if you do not keep this register.",
      },
      columns: r.fields.map(fieldColumn),
    });
  }
  sheets.push({
    role: "sections",
    name: "Nội dung",
    table: "PL_NoiDung",
    headerRow: 3,
    title: { vi: "NỘI DUNG BÁO CÁO", en: "REPORT TEXT" },
    help: sectionsHint(t),
    columns: [
      { key: "heading", header: { vi: "Tiêu đề mục", en: "Heading" }, width: 40, wrap: true },
      { key: "text", header: { vi: "Nội dung", en: "Text" }, width: 100, wrap: true, validation: MULTILINE_VALIDATION },
    ],
  });
  const sevList = [SEVERITY_LABELS.error.vi, SEVERITY_LABELS.warning.vi, SEVERITY_LABELS.info.vi];
  sheets.push({
    role: "rules",
    name: "Quy tắc riêng",
    table: "PL_QuyTac",
    headerRow: 3,
    title: { vi: "QUY TẮC KIỂM TRA RIÊNG", en: "OWN CHECK RULES" },
    help: rulesHint(t),
    columns: [
      { key: "id", header: { vi: "Mã quy tắc", en: "Rule id" }, width: 22 },
      { key: "expression", header: { vi: "Biểu thức (đúng khi hợp lệ)", en: "Expression (true when valid)" }, width: 50 },
      {
        key: "severity",
        header: { vi: "Mức độ", en: "Severity" },
        width: 12,
        validation: { rule: { type: "list", values: sevList }, errorStyle: "stop", title: { vi: "Mức độ", en: "Severity" }, message: { vi: "Lỗi, Cảnh báo hoặc Thông tin.", en: "Lỗi (error), Cảnh báo (warning) or Thông tin (info)." } },
      },
      { key: "message", header: { vi: "Thông báo", en: "Message" }, width: 50, wrap: true },
    ],
  });
  sheets.push({
    role: "overrides",
    name: "Ngoại lệ",
    table: "PL_NgoaiLe",
    headerRow: 3,
    title: { vi: "ĐIỀU CHỈNH MỨC ĐỘ QUY TẮC", en: "RULE OVERRIDES" },
    help: {
      vi: "Tắt hoặc đổi mức độ (Lỗi, Cảnh báo, Thông tin) của một quy tắc, vd. tt.sum. Bắt buộc ghi lý do.",
      en: "Switch a rule off (Tắt) or change its severity (Lỗi, Cảnh báo, Thông tin), e.g. tt.sum. A reason is required.",
    },
    columns: [
      { key: "rule", header: { vi: "Quy tắc", en: "Rule" }, width: 18 },
      {
        key: "severity",
        header: { vi: "Mức độ", en: "Severity" },
        width: 12,
        validation: { rule: { type: "list", values: [SEVERITY_LABELS.off.vi, ...sevList] }, errorStyle: "stop", title: { vi: "Mức độ", en: "Severity" }, message: { vi: "Tắt, Lỗi, Cảnh báo hoặc Thông tin.", en: "Tắt (off), Lỗi (error), Cảnh báo (warning) or Thông tin (info)." } },
      },
      { key: "reason", header: { vi: "Lý do", en: "Reason" }, width: 60, wrap: true },
    ],
  });
  return { version: LAYOUT_VERSION, template: t.id, sheets };
}

/** Column letter of a 1-based column index. */
export function colLetter(index1: number): string {
  let s = "";
  // Never loop on a column that is not one (Infinity from an empty min/max would never end).
  let n = Number.isFinite(index1) ? Math.min(Math.floor(index1), 16384) : 0;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A sheet name quoted for a reference: 'Phụ lục'!E14. */
export function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

export function sheetByRole(layout: WorkbookLayout, role: SheetRole, register?: string): SheetDef {
  const s = layout.sheets.find((x) => x.role === role && (register === undefined || x.register === register));
  if (!s) throw new Error("layout has no sheet " + role + (register ? ":" + register : ""));
  return s;
}

export function columnIndex(sheet: SheetDef, key: string): number {
  const i = sheet.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error("sheet " + sheet.name + " has no column " + key);
  return i + 1;
}

/** 1-based worksheet row of an indicator in the indicator sheet. */
export function indicatorRow(t: TemplateDef, layout: WorkbookLayout, code: string): number {
  const i = t.indicators.findIndex((d) => d.code === code);
  if (i < 0) throw new Error("unknown indicator " + code);
  return sheetByRole(layout, "indicators").headerRow + 1 + i;
}

/** A1 reference (no sheet) of an indicator's value cell, e.g. "E14". */
export function valueAddress(t: TemplateDef, layout: WorkbookLayout, code: string, column: "value" | "previous" | "status" = "value"): string {
  const s = sheetByRole(layout, "indicators");
  return colLetter(columnIndex(s, column)) + indicatorRow(t, layout, code);
}

/**
 * Formulas for an empty workbook: where a figure follows exactly from others
 * (the totals of `sum` rules and the ratios; not totals bounded by ≤).
 * Map code → formula text (with leading "=") for the value column.
 */
export function derivedFormulas(t: TemplateDef, layout: WorkbookLayout): Record<string, string> {
  const out: Record<string, string> = {};
  const a = (code: string) => valueAddress(t, layout, code);
  for (const r of t.rules as RuleDef[]) {
    if (r.kind === "sum") {
      const parts = r.parts.map(a).join(",");
      // Blank until a part is a number, and blank while a part holds text ("04 cuộc", "'05"):
      // SUM would skip it and show a total the user never typed, which the check would then flag.
      out[r.total] = `=IF(OR(COUNT(${parts})=0,COUNT(${parts})<COUNTA(${parts})),"",SUM(${parts}))`;
    } else if (r.kind === "ratio") {
      const inputs = [...r.numerator, r.denominator].map((c) => `${a(c)}=""`).join(",");
      const num = r.numerator.map(a).join("+");
      const den = a(r.denominator);
      out[r.ratio] = `=IF(OR(${inputs}),"",IF(${den}=0,"Không có",(${num})/${den}))`;
    }
  }
  return out;
}

/** Validation of an indicator's value cell, by kind. `cell` is its own A1 address (for custom formulas). */
export function indicatorValidation(kind: IndicatorKind, cell: string): ValidationDef {
  if (kind === "yesno") {
    return {
      rule: { type: "list", values: [BOOLEAN_LABELS.true.vi, BOOLEAN_LABELS.false.vi] },
      errorStyle: "warning",
      title: { vi: "Có hoặc Không", en: "Có or Không" },
      message: { vi: "Chọn Có hoặc Không.", en: "Pick Có (yes) or Không (no)." },
    };
  }
  if (kind === "percent") {
    return {
      rule: { type: "custom", formula: `=OR(${cell}="",${cell}="Không có",AND(ISNUMBER(${cell}),${cell}>=0,${cell}<=1))` },
      errorStyle: "warning",
      title: { vi: "Tỷ lệ", en: "Ratio" },
      message: { vi: "Nhập tỷ lệ từ 0% đến 100%, vd. 88,9% (máy dùng dấu chấm thập phân: 88.9%), hoặc \"Không có\".", en: "Enter a ratio from 0% to 100%, e.g. 88.9% (88,9% where the decimal sign is a comma), or \"Không có\"." },
    };
  }
  if (kind === "money") {
    return { ...whole0, title: { vi: "Số tiền (đồng)", en: "Amount (đồng)" }, message: { vi: "Gõ liền các chữ số, không dấu chấm hay phẩy, vd. 10424000: ô tự hiện 10.424.000 (hoặc 10,424,000 tùy máy).", en: "Type the digits only, no dots or commas, e.g. 10424000: the cell shows 10,424,000 (or 10.424.000, as the computer's settings say)." } };
  }
  return whole0;
}

/** Number format of an indicator's value cell; percents keep the decimals they were written with. */
export function indicatorFormat(kind: IndicatorKind, percentDecimals = 1): string {
  return kind === "percent" ? FORMATS.percent(percentDecimals) : FORMATS[kind];
}
