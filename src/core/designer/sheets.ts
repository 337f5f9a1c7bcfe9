/**
 * The template designer: a template (TemplateDef) as Excel sheets a province's staff can
 * edit ("Chỉ tiêu", "Sổ theo dõi", "Quy tắc", "Câu văn", "Thông tin mẫu"), and back.
 * `planDesigner` gives a WorkbookPlan (same table conventions as the data workbook: title,
 * help, Vietnamese header row, frozen header, widths, validation lists); `readDesigner`
 * reads a snapshot of those sheets into a template and remembers each datum's cell, so
 * that a mistake found in the template (validate.ts) points at the cell to fix.
 * Pure: no Office, no DOM, no Node.
 */
import type { CellMap, Finding, Lang, RegisterFieldDef, RuleDef, TemplateDef, Text, Condition, RegisterCount, Severity } from "../types";
import type { CellPlan, CellSnapshot, SheetPlan, SheetSnapshot, WorkbookPlan, WorkbookSnapshot } from "../workbook-model";
import { colLetter, quoteSheet, MARKER, type ValidationDef } from "../layout";
import { nfc } from "../vn";
import { AGGREGATIONS, FIELD_TYPES, INDICATOR_KINDS, checkTemplate } from "../template-check";
import { ruleKinds } from "../rules/registry";
import { TEMPLATE_FORMAT } from "../types";

const SEVERITIES = ["error", "warning", "info"];

/** A1 of the designer's marker sheet (same very hidden `_phuluc` sheet as a data workbook). */
export const DESIGNER_MAGIC = "phuluc-template";
export const DESIGNER_VERSION = 1;

type Key = string;
interface Col {
  key: Key;
  header: Text;
  width: number;
  list?: string[];
  wrap?: boolean;
}
interface DSheet {
  part: "info" | "indicators" | "registers" | "rules" | "sentences";
  name: string;
  table: string;
  title: Text;
  help: Text;
  columns: Col[];
}

const YES = "Có";
const NO = "Không";
const HEADER_ROW = 3;

export const DESIGNER_SHEETS: DSheet[] = [
  {
    part: "info",
    name: "Thông tin mẫu",
    table: "PLM_ThongTin",
    title: { vi: "THÔNG TIN MẪU BÁO CÁO", en: "TEMPLATE DETAILS" },
    help: {
      vi: "Khóa: id (mã mẫu), version (phiên bản: tăng 1 mỗi lần sửa mẫu đã gửi đi), title (tên mẫu), level (mỗi cấp báo cáo một dòng: mã, tên), level-until (cấp đã kết thúc: ‘mã ngày-ISO’, lời nhắc), message (lời báo riêng của một quy tắc: ‘mã-quy-tắc khóa-lời-báo’), yoy (ngưỡng biến động so với năm trước: % và số).",
      en: "Keys: id, version (add 1 each time a sent template changes), title, level (one row per level: id, name), level-until (a level that ended: ‘id ISO-date’, the warning), message (a rule's own message: ‘rule-id message-key’), yoy (year-on-year thresholds: % and absolute).",
    },
    columns: [
      { key: "key", header: { vi: "Khóa", en: "Key" }, width: 12, list: ["id", "version", "title", "level", "level-until", "message", "yoy"] },
      { key: "value", header: { vi: "Giá trị", en: "Value" }, width: 22 },
      { key: "vi", header: { vi: "Tiếng Việt", en: "Vietnamese" }, width: 70, wrap: true },
      { key: "en", header: { vi: "Tiếng Anh", en: "English" }, width: 60, wrap: true },
    ],
  },
  {
    part: "indicators",
    name: "Chỉ tiêu",
    table: "PLM_ChiTieu",
    title: { vi: "CHỈ TIÊU CỦA PHỤ LỤC", en: "APPENDIX INDICATORS" },
    help: {
      vi: "Mỗi dòng một chỉ tiêu, theo thứ tự in. Mã: chữ thường không dấu, số, gạch dưới (vd. so_van_ban). Loại: count (số), money (tiền), percent (tỷ lệ), yesno (Có/Không). Thuộc tổng: mã chỉ tiêu tổng mà chỉ tiêu này là một phần.",
      en: "One indicator per row, in print order. Code: lower-case, digits, underscores (e.g. so_van_ban). Kind: count, money, percent, yesno. Part of: the code of the total this is a part of.",
    },
    columns: [
      { key: "group", header: { vi: "Nhóm", en: "Group" }, width: 7 },
      { key: "code", header: { vi: "Mã", en: "Code" }, width: 22 },
      { key: "label.vi", header: { vi: "Tên chỉ tiêu", en: "Label" }, width: 50, wrap: true },
      { key: "label.en", header: { vi: "Tên (tiếng Anh)", en: "Label (English)" }, width: 36, wrap: true },
      { key: "unit.vi", header: { vi: "Đơn vị tính", en: "Unit" }, width: 12 },
      { key: "unit.en", header: { vi: "Đơn vị (tiếng Anh)", en: "Unit (English)" }, width: 12 },
      { key: "kind", header: { vi: "Loại", en: "Kind" }, width: 10, list: INDICATOR_KINDS },
      { key: "partOf", header: { vi: "Thuộc tổng", en: "Part of" }, width: 20 },
      { key: "printed", header: { vi: "In trong phụ lục", en: "Printed" }, width: 10, list: [YES, NO] },
      { key: "short.vi", header: { vi: "Tên ngắn", en: "Short label" }, width: 22 },
      { key: "short.en", header: { vi: "Tên ngắn (tiếng Anh)", en: "Short label (English)" }, width: 22 },
      { key: "aggregation", header: { vi: "Cách tổng hợp", en: "Aggregation" }, width: 12, list: AGGREGATIONS },
      { key: "partsExhaustive", header: { vi: "Các phần đủ tổng", en: "Parts exhaustive" }, width: 10, list: [YES, NO] },
      { key: "yoy.relative", header: { vi: "Ngưỡng biến động (%)", en: "YoY threshold (%)" }, width: 12 },
      { key: "yoy.absolute", header: { vi: "Ngưỡng biến động (số)", en: "YoY threshold (absolute)" }, width: 12 },
    ],
  },
  {
    part: "registers",
    name: "Sổ theo dõi",
    table: "PLM_So",
    title: { vi: "SỔ THEO DÕI VÀ CÁC CỘT", en: "REGISTERS AND THEIR COLUMNS" },
    help: {
      vi: "Mỗi dòng một cột của một sổ; tên sổ ghi ở dòng đầu của sổ. Kiểu: text, symbol (số ký hiệu), date, enum (danh sách), boolean (Có/Không). Lựa chọn: mã = tên | tên tiếng Anh; mỗi lựa chọn cách nhau dấu ;",
      en: "One row per column of a register; the register's name on its first row. Type: text, symbol, date, enum, boolean. Choices: value = name | English name; separated by ;",
    },
    columns: [
      { key: "register", header: { vi: "Sổ", en: "Register" }, width: 14 },
      { key: "label.vi", header: { vi: "Tên sổ", en: "Register name" }, width: 16 },
      { key: "label.en", header: { vi: "Tên sổ (tiếng Anh)", en: "Register name (English)" }, width: 16 },
      { key: "rowNoun.vi", header: { vi: "Mỗi dòng là", en: "One row is" }, width: 16 },
      { key: "rowNoun.en", header: { vi: "Mỗi dòng là (tiếng Anh)", en: "One row is (English)" }, width: 16 },
      { key: "field", header: { vi: "Mã cột", en: "Column id" }, width: 12 },
      { key: "field.label.vi", header: { vi: "Tên cột", en: "Column name" }, width: 26, wrap: true },
      { key: "field.label.en", header: { vi: "Tên cột (tiếng Anh)", en: "Column name (English)" }, width: 20 },
      { key: "type", header: { vi: "Kiểu", en: "Type" }, width: 10, list: FIELD_TYPES },
      { key: "options", header: { vi: "Lựa chọn", en: "Choices" }, width: 40, wrap: true },
      { key: "required", header: { vi: "Bắt buộc", en: "Required" }, width: 10, list: [YES, NO] },
      { key: "derivedFrom", header: { vi: "Lấy từ cột", en: "Derived from" }, width: 12 },
    ],
  },
  {
    part: "rules",
    name: "Quy tắc",
    table: "PLM_QuyTac",
    title: { vi: "QUY TẮC KIỂM TRA CỦA MẪU", en: "THE TEMPLATE'S CHECK RULES" },
    help: {
      vi: "Loại: sum (tổng = các phần), le (các chỉ tiêu ≤ chỉ tiêu chính), ratio (tỷ lệ = tử số / mẫu số), implies (điều kiện: a > 0 => b > 0; …), register-count (đếm sổ: mã; mã: cột = giá trị|giá trị; mã: khác nhau cột), period, expression (biểu thức như quy tắc riêng). Các chỉ tiêu cách nhau dấu phẩy.",
      en: "Kind: sum, le, ratio, implies (a > 0 => b > 0; …), register-count (code; code: column = value|value; code: khác nhau column), period, expression (as own rules). Codes separated by commas.",
    },
    columns: [
      { key: "id", header: { vi: "Mã quy tắc", en: "Rule id" }, width: 16 },
      { key: "kind", header: { vi: "Loại", en: "Kind" }, width: 14, list: ruleKinds() },
      { key: "severity", header: { vi: "Mức độ", en: "Severity" }, width: 10, list: SEVERITIES },
      { key: "main", header: { vi: "Chỉ tiêu chính", en: "Main indicator" }, width: 20 },
      { key: "list", header: { vi: "Các chỉ tiêu", en: "Indicators" }, width: 36, wrap: true },
      { key: "denominator", header: { vi: "Mẫu số", en: "Denominator" }, width: 20 },
      { key: "register", header: { vi: "Sổ", en: "Register" }, width: 12 },
      { key: "condition", header: { vi: "Điều kiện / biểu thức", en: "Conditions / expression" }, width: 50, wrap: true },
      { key: "fromYear", header: { vi: "Từ năm", en: "From year" }, width: 8 },
      { key: "toYear", header: { vi: "Đến năm", en: "To year" }, width: 8 },
      { key: "options", header: { vi: "Tùy chọn", en: "Options" }, width: 24, wrap: true },
      { key: "perUnit", header: { vi: "Chỉ từng đơn vị", en: "Per unit" }, width: 10, list: [YES, NO] },
      { key: "message.vi", header: { vi: "Thông báo", en: "Message" }, width: 36, wrap: true },
      { key: "message.en", header: { vi: "Thông báo (tiếng Anh)", en: "Message (English)" }, width: 30, wrap: true },
    ],
  },
  {
    part: "sentences",
    name: "Câu văn",
    table: "PLM_CauVan",
    title: { vi: "CÂU VĂN VÀ TIÊU ĐỀ NHÓM", en: "SENTENCES AND GROUP HEADINGS" },
    help: {
      vi: "Dòng có Nhóm: tiêu đề nhóm in trong phụ lục ({mã} là số liệu của chỉ tiêu, {level} là tên cấp báo cáo; Áp dụng cho cấp: các mã cấp cách nhau dấu phẩy, trống là mọi cấp). Dòng có Mục: câu văn của báo cáo, dòng phụ lục, từ nhận diện trong dự thảo, tên bảng (Dạng: chữ, song ngữ, số, có/không, json).",
      en: "Rows with a Group: the group's heading in the appendix ({code} is a figure, {level} the level's name; Levels: level ids separated by commas, blank for every level). Rows with an Item: the report's sentences, appendix lines, draft phrases, table names (Form: chữ, song ngữ, số, có/không, json).",
    },
    columns: [
      { key: "group", header: { vi: "Nhóm", en: "Group" }, width: 7 },
      { key: "item", header: { vi: "Mục", en: "Item" }, width: 36 },
      { key: "form", header: { vi: "Dạng", en: "Form" }, width: 10, list: ["chữ", "song ngữ", "số", "có/không", "json"] },
      { key: "heading.vi", header: { vi: "Câu văn (tiếng Việt)", en: "Sentence (Vietnamese)" }, width: 80, wrap: true },
      { key: "heading.en", header: { vi: "Câu văn (tiếng Anh)", en: "Sentence (English)" }, width: 60, wrap: true },
      { key: "levels", header: { vi: "Áp dụng cho cấp", en: "Levels" }, width: 14 },
    ],
  },
];

/* ---------- the template's texts as rows (Câu văn) ---------- */

/** Parts of a template other than the tables, kept on "Câu văn" one leaf per row. */
export const TEXT_PARTS = ["subject", "sentences", "appendix", "lists", "draftPhrases", "workbook"];

type Form = "chữ" | "song ngữ" | "số" | "có/không" | "json";
interface Leaf {
  path: string;
  form: Form;
  value: unknown;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const seg = (k: string) => (IDENT.test(k) ? "." + k : "[" + JSON.stringify(k) + "]");

function isText(x: unknown): x is Text {
  if (!x || typeof x !== "object" || Array.isArray(x)) return false;
  const k = Object.keys(x);
  return k.length === 2 && typeof (x as Text).vi === "string" && typeof (x as Text).en === "string";
}

/** Every leaf of a JSON value with its path ("sentences.fragments.vb_cu[0].text"). */
export function flatten(x: unknown, path: string, out: Leaf[] = []): Leaf[] {
  if (typeof x === "string") out.push({ path, form: "chữ", value: x });
  else if (typeof x === "number") out.push({ path, form: "số", value: x });
  else if (typeof x === "boolean") out.push({ path, form: "có/không", value: x });
  else if (isText(x)) out.push({ path, form: "song ngữ", value: x });
  else if (Array.isArray(x) && x.length) x.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  else if (x && typeof x === "object" && Object.keys(x).length) for (const [k, v] of Object.entries(x)) flatten(v, path + seg(k), out);
  else out.push({ path, form: "json", value: x ?? null });
  return out;
}

/** Path segments: names and array indices; undefined when the path cannot be read. */
function parsePath(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const re = /^(?:\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  let rest = path;
  let first = true;
  while (rest) {
    const m = re.exec(rest);
    if (!m || (first && !m[1])) return undefined;
    if (m[0].startsWith(".") && first) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else {
      try {
        out.push(JSON.parse(m[3]) as string);
      } catch {
        return undefined;
      }
    }
    rest = rest.slice(m[0].length);
    first = false;
  }
  return out.length ? out : undefined;
}

/** Sets a leaf by its path, making objects and arrays on the way; false when the path cannot be read or clashes. */
function setPath(root: Record<string, unknown>, path: string, value: unknown): boolean {
  const segs = parsePath(path);
  if (!segs || typeof segs[0] !== "string" || !TEXT_PARTS.includes(segs[0])) return false;
  let cur: Record<string | number, unknown> = root;
  for (let i = 0; i < segs.length - 1; i++) {
    const k = segs[i];
    const nextIsIndex = typeof segs[i + 1] === "number";
    if (cur[k] === undefined) cur[k] = nextIsIndex ? [] : {};
    const nxt = cur[k];
    if (!nxt || typeof nxt !== "object" || Array.isArray(nxt) !== nextIsIndex) return false;
    cur = nxt as Record<string | number, unknown>;
  }
  cur[segs[segs.length - 1]] = value;
  return true;
}

/* ---------- writing ---------- */

const text = (v: unknown): CellPlan => ({ v: v === undefined || v === null || v === "" ? null : String(v) });
const num = (v: number | undefined): CellPlan => ({ v: typeof v === "number" ? v : null });
const yesNo = (v: boolean | undefined): CellPlan => ({ v: v === undefined ? null : v ? YES : NO });

function listValidation(c: Col): ValidationDef | undefined {
  if (!c.list) return undefined;
  return {
    rule: { type: "list", values: c.list },
    errorStyle: "warning",
    title: c.header,
    message: { vi: "Chọn trong danh sách: " + c.list.join(", ") + ".", en: "Pick from the list: " + c.list.join(", ") + "." },
  };
}

/** "a, b, c" */
const joinCodes = (l: string[] | undefined) => (l ?? []).join(", ");

function conditionText(c: Condition): string {
  return `${c.code} ${c.op} ${c.value}`;
}

function countsText(counts: RegisterCount[]): string {
  return counts
    .map((c) => {
      const parts: string[] = [];
      for (const [f, vals] of Object.entries(c.where ?? {})) parts.push(`${f} = ${vals.join("|")}`);
      if (c.distinct) parts.push(`khác nhau ${c.distinct}`);
      return parts.length ? `${c.indicator}: ${parts.join(", ")}` : c.indicator;
    })
    .join("; ");
}

function ruleRow(r: RuleDef): Record<Key, CellPlan> {
  const row: Record<Key, CellPlan> = { id: text(r.id), kind: text(r.kind), severity: text(r.severity) };
  const opts: string[] = [];
  switch (r.kind) {
    case "sum":
      row.main = text(r.total);
      row.list = text(joinCodes(r.parts));
      break;
    case "le":
      row.main = text(r.right);
      row.list = text(joinCodes(r.left));
      if (r.each) opts.push("each");
      break;
    case "ratio":
      row.main = text(r.ratio);
      row.list = text(joinCodes(r.numerator));
      row.denominator = text(r.denominator);
      if (r.impliedTotal) opts.push("impliedTotal");
      if (r.zeroDenominator) opts.push("zeroDenominator=" + r.zeroDenominator.severity);
      break;
    case "implies":
      row.condition = text(r.clauses.map((c) => conditionText(c.if) + " => " + conditionText(c.then)).join("; "));
      break;
    case "register-count":
      row.register = text(r.register);
      row.condition = text(countsText(r.counts));
      break;
    case "period":
      row.list = text(joinCodes(r.indicators));
      row.fromYear = num(r.fromYear);
      row.toYear = num(r.toYear);
      break;
    case "expression":
      row.condition = text(r.expression);
      if (r.message) {
        row["message.vi"] = text(r.message.vi);
        row["message.en"] = text(r.message.en);
      }
      break;
  }
  if (opts.length) row.options = text(opts.join(", "));
  if (r.perUnit !== undefined) row.perUnit = yesNo(r.perUnit);
  return row;
}

function optionsText(f: RegisterFieldDef): string {
  return (f.options ?? []).map((o) => `${o.value} = ${o.label.vi}${o.label.en ? " | " + o.label.en : ""}`).join("; ");
}

function sheetPlan(d: DSheet, rows: Record<Key, CellPlan>[]): SheetPlan {
  const cells = rows.map((r) => d.columns.map((c) => r[c.key] ?? { v: null }));
  if (!cells.length) cells.push(d.columns.map(() => ({ v: null })));
  return {
    role: "designer",
    name: d.name,
    preamble: [[{ v: d.title.vi, bold: true }], [{ v: d.help.vi }]],
    table: {
      name: d.table,
      headerRow: HEADER_ROW,
      header: d.columns.map((c) => c.header.vi),
      rows: cells,
      columns: d.columns.map((c) => {
        const out: SheetPlan["table"]["columns"][number] = { width: c.width, format: "@" };
        const v = listValidation(c);
        if (v) out.validation = v;
        if (c.wrap) out.wrap = true;
        return out;
      }),
      formatRows: Math.max(200, cells.length + 100),
    },
    freezeRows: HEADER_ROW,
  };
}

/** The designer workbook of a template: five sheets and the marker. */
export function planDesigner(t: TemplateDef): WorkbookPlan {
  const rowsOf: Record<DSheet["part"], Record<Key, CellPlan>[]> = { info: [], indicators: [], registers: [], rules: [], sentences: [] };
  rowsOf.info.push({ key: text("id"), value: text(t.id) });
  rowsOf.info.push({ key: text("version"), value: num(t.version ?? 1) });
  rowsOf.info.push({ key: text("title"), vi: text(t.title.vi), en: text(t.title.en) });
  for (const l of t.levels) rowsOf.info.push({ key: text("level"), value: text(l.id), vi: text(l.label.vi), en: text(l.label.en) });
  for (const l of t.levels)
    if (l.until) rowsOf.info.push({ key: text("level-until"), value: text(l.id + " " + l.until), vi: text(l.untilMessage ? l.untilMessage.vi : ""), en: text(l.untilMessage ? l.untilMessage.en : "") });
  for (const [rule, byKey] of Object.entries(t.messages ?? {}))
    for (const [k, m] of Object.entries(byKey)) rowsOf.info.push({ key: text("message"), value: text(rule + " " + k), vi: text(m.vi), en: text(m.en) });
  if (t.yoy) rowsOf.info.push({ key: text("yoy"), vi: num(t.yoy.relative), en: num(t.yoy.absolute) });
  for (const d of t.indicators) {
    rowsOf.indicators.push({
      group: num(d.group),
      code: text(d.code),
      "label.vi": text(d.label.vi),
      "label.en": text(d.label.en),
      "unit.vi": text(d.unit.vi),
      "unit.en": text(d.unit.en),
      kind: text(d.kind),
      partOf: text(d.partOf),
      printed: yesNo(d.printed),
      "short.vi": text(d.short?.vi),
      "short.en": text(d.short?.en),
      aggregation: text(d.aggregation),
      partsExhaustive: yesNo(d.partsExhaustive),
      "yoy.relative": num(d.yoy?.relative),
      "yoy.absolute": num(d.yoy?.absolute),
    });
  }
  for (const r of t.registers) {
    r.fields.forEach((f, j) => {
      const row: Record<Key, CellPlan> = {
        register: text(r.id),
        field: text(f.id),
        "field.label.vi": text(f.label.vi),
        "field.label.en": text(f.label.en),
        type: text(f.type),
        options: text(optionsText(f)),
        required: f.required === undefined ? { v: null } : yesNo(f.required),
        derivedFrom: text(f.derivedFrom),
      };
      if (j === 0) Object.assign(row, { "label.vi": text(r.label.vi), "label.en": text(r.label.en), "rowNoun.vi": text(r.rowNoun.vi), "rowNoun.en": text(r.rowNoun.en) });
      rowsOf.registers.push(row);
    });
  }
  for (const r of t.rules) rowsOf.rules.push(ruleRow(r));
  for (const g of t.groups) rowsOf.sentences.push({ group: num(g.id), "heading.vi": text(g.heading.vi), "heading.en": text(g.heading.en), levels: text(g.levels ? g.levels.join(", ") : "") });
  const rec = t as unknown as Record<string, unknown>;
  for (const part of TEXT_PARTS) {
    if (rec[part] === undefined) continue;
    for (const leaf of flatten(rec[part], part)) {
      const row: Record<Key, CellPlan> = { item: text(leaf.path), form: text(leaf.form) };
      if (leaf.form === "song ngữ") {
        const x = leaf.value as Text;
        row["heading.vi"] = { v: x.vi };
        row["heading.en"] = { v: x.en };
      } else if (leaf.form === "số") row["heading.vi"] = { v: leaf.value as number };
      else if (leaf.form === "có/không") row["heading.vi"] = { v: leaf.value ? YES : NO };
      else if (leaf.form === "json") row["heading.vi"] = { v: JSON.stringify(leaf.value) };
      else row["heading.vi"] = { v: leaf.value as string };
      rowsOf.sentences.push(row);
    }
  }
  const sheets = DESIGNER_SHEETS.map((d) => sheetPlan(d, rowsOf[d.part]));
  const rows: (string | number)[][] = [[DESIGNER_MAGIC, DESIGNER_VERSION], ["template", t.id], []];
  for (const s of sheets) rows.push([s.table.name, s.name]);
  return { layoutVersion: DESIGNER_VERSION, template: t.id, sheets, marker: { sheet: MARKER.sheet, rows, name: MARKER.name, ref: quoteSheet(MARKER.sheet) + "!$B$1" } };
}

/* ---------- reading ---------- */

function key(s: unknown): string {
  return s === null || s === undefined ? "" : nfc(String(s)).toLowerCase().replace(/\s+/g, " ").replace(/[:：]\s*$/, "").trim();
}

function cellText(c: CellSnapshot | undefined): string {
  if (!c || c.v === null || c.v === undefined) return "";
  return nfc(String(c.v)).trim();
}

/** Whether a snapshot is a designer workbook (its marker, or its sheets' tables). */
export function isDesignerWorkbook(snap: WorkbookSnapshot): boolean {
  const m = (snap.sheets || []).find((s) => s.name === MARKER.sheet);
  if (m && key(m.rows[0]?.[0]?.v) === DESIGNER_MAGIC) return true;
  return (snap.sheets || []).some((s) => (s.tables || []).some((t) => t.name === "PLM_ChiTieu"));
}

interface Found {
  sheet: SheetSnapshot;
  def: DSheet;
  /** column key → 0-based column */
  cols: Map<Key, number>;
  /** 0-based header row */
  header: number;
  /** 0-based last row (inclusive) */
  last: number;
}

function parseRange(range: string): { r0: number; r1: number } | undefined {
  const m = /([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(range.replace(/\$/g, ""));
  return m ? { r0: Number(m[2]) - 1, r1: Number(m[4]) - 1 } : undefined;
}

function locate(snap: WorkbookSnapshot, d: DSheet): Found | undefined {
  const sheets = snap.sheets || [];
  let sheet = sheets.find((s) => (s.tables || []).some((t) => t.name.toLowerCase() === d.table.toLowerCase()));
  let header = -1;
  let last = -1;
  if (sheet) {
    const r = parseRange(sheet.tables!.find((t) => t.name.toLowerCase() === d.table.toLowerCase())!.range);
    if (r) {
      header = r.r0;
      last = r.r1;
    }
  }
  if (!sheet) sheet = sheets.find((s) => key(s.name) === key(d.name));
  if (!sheet) return undefined;
  const want = new Map(d.columns.map((c) => [key(c.header.vi), c.key] as const));
  if (header < 0) {
    for (let r = 0; r < Math.min(sheet.rows.length, 20); r++) {
      if ((sheet.rows[r] || []).some((c) => want.has(key(c?.v)))) {
        header = r;
        break;
      }
    }
    if (header < 0) return undefined;
    last = sheet.rows.length - 1;
  }
  const cols = new Map<Key, number>();
  (sheet.rows[header] || []).forEach((c, i) => {
    const k = want.get(key(c?.v));
    if (k && !cols.has(k)) cols.set(k, i);
  });
  return { sheet, def: d, cols, header, last: Math.min(last, sheet.rows.length - 1) };
}

export interface DesignerRead {
  /** The template as written (may hold mistakes: see `checkDesigner`). */
  template: TemplateDef;
  /** JSON path of each datum → its cell ("'Chỉ tiêu'!B7"). */
  cells: CellMap;
  /** What could not be read at all (a missing sheet, an unreadable condition), with cells. */
  findings: Finding[];
}

type Msg = { vi: string; en: string };
const RM = {
  noSheet: { vi: 'Không thấy trang "{name}" (bảng {table}) của mẫu; hãy xuất lại mẫu bằng: phuluc template export.', en: 'The template\'s "{name}" sheet (table {table}) is missing; export the template again: phuluc template export.' },
  noColumn: { vi: 'Trang "{name}" thiếu cột "{column}".', en: 'Sheet "{name}" lacks the column "{column}".' },
  notNumber: { vi: '"{v}" không phải một số.', en: '"{v}" is not a number.' },
  yesNo: { vi: '"{v}" phải là Có hoặc Không.', en: '"{v}" must be Có (yes) or Không (no).' },
  clause: { vi: 'Điều kiện "{v}" không đọc được; viết dạng: mã > 0 => mã > 0 (các điều kiện cách nhau dấu ;).', en: 'Condition "{v}" cannot be read; write: code > 0 => code > 0 (separated by ;).' },
  count: { vi: 'Chỉ tiêu đếm "{v}" không đọc được; viết dạng: mã; mã: cột = giá trị|giá trị; mã: khác nhau cột.', en: 'Count "{v}" cannot be read; write: code; code: column = value|value; code: khác nhau column.' },
  option: { vi: 'Lựa chọn "{v}" không đọc được; viết dạng: mã = tên | tên tiếng Anh.', en: 'Choice "{v}" cannot be read; write: value = name | English name.' },
  ruleOption: { vi: 'Tùy chọn "{v}" không có; dùng: each, impliedTotal, zeroDenominator=warning.', en: 'Option "{v}" does not exist; use: each, impliedTotal, zeroDenominator=warning.' },
  json: { vi: 'Ô ghi dạng json nhưng "{v}" không phải JSON hợp lệ.', en: 'The cell is of form json but "{v}" is not valid JSON.' },
  item: { vi: 'Mục "{v}" không đọc được (vd. sentences.noData, appendix["1"][0].text).', en: 'Item "{v}" cannot be read (e.g. sentences.noData, appendix["1"][0].text).' },
  infoKey: { vi: 'Khóa "{v}" không có hoặc sai dạng; dùng: id, version, title, level, level-until ("mã-cấp yyyy-mm-dd"), message ("mã-quy-tắc khóa"), yoy.', en: 'Key "{v}" does not exist or is malformed; use: id, version, title, level, level-until ("level-id yyyy-mm-dd"), message ("rule-id key"), yoy.' },
} satisfies Record<string, Msg>;

const OPS = [">=", "<=", "!=", ">", "<", "="];

function parseCondition(s: string): Condition | undefined {
  for (const op of OPS) {
    const i = s.indexOf(op);
    if (i > 0) {
      const code = s.slice(0, i).trim();
      const rest = s.slice(i + op.length).trim();
      const value = Number(rest.replace(",", "."));
      if (!code || rest === "" || !isFinite(value)) return undefined;
      return { code, op: op as Condition["op"], value };
    }
  }
  return undefined;
}

const splitList = (s: string) =>
  s
    .split(/[;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const splitCodes = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Reads the designer sheets of a snapshot. Never throws. */
export function readDesigner(snap: WorkbookSnapshot, opts: { lang?: Lang } = {}): DesignerRead {
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  const cells: CellMap = {};
  const findings: Finding[] = [];
  const say = (m: Msg, p: Record<string, string>) => (lang === "en" ? m.en : m.vi).replace(/\{(\w+)\}/g, (a, k: string) => p[k] ?? a);
  const problem = (rule: string, m: Msg, p: Record<string, string>, cell: string | undefined, path?: string) => {
    const f: Finding = { rule: "template." + rule, severity: "error", message: say(m, p), indicators: [] };
    if (cell) f.cells = [cell];
    if (path) f.path = path;
    findings.push(f);
  };
  const t: TemplateDef = { format: TEMPLATE_FORMAT, id: "", title: { vi: "", en: "" }, levels: [], groups: [], indicators: [], registers: [], rules: [] };
  const snapSafe = snap && Array.isArray(snap.sheets) ? snap : { sheets: [] };

  const each = (part: DSheet["part"], fn: (get: (k: Key) => string, raw: (k: Key) => CellSnapshot | undefined, at: (k: Key) => string, rowRef: string) => void) => {
    const d = DESIGNER_SHEETS.find((x) => x.part === part)!;
    const f = locate(snapSafe, d);
    if (!f) {
      if (part === "info" || part === "indicators") problem("sheet", RM.noSheet, { name: d.name, table: d.table }, undefined);
      return;
    }
    for (const c of d.columns) {
      if (!f.cols.has(c.key) && (c.key === "code" || c.key === "id" || c.key === "key" || c.key === "register" || c.key === "group")) {
        problem("sheet", RM.noColumn, { name: f.sheet.name, column: c.header.vi }, quoteSheet(f.sheet.name) + "!A" + (f.header + 1));
      }
    }
    for (let r = f.header + 1; r <= f.last; r++) {
      const row = f.sheet.rows[r] || [];
      const raw = (k: Key) => (f.cols.has(k) ? row[f.cols.get(k)!] : undefined);
      const get = (k: Key) => cellText(raw(k));
      if (!d.columns.some((c) => get(c.key) !== "")) continue;
      const at = (k: Key) => quoteSheet(f.sheet.name) + "!" + colLetter((f.cols.get(k) ?? 0) + 1) + (r + 1);
      fn(get, raw, at, quoteSheet(f.sheet.name) + "!A" + (r + 1));
    }
  };
  const numberAt = (raw: CellSnapshot | undefined, cell: string, path: string): number | undefined => {
    if (!raw || raw.v === null || raw.v === "") return undefined;
    if (typeof raw.v === "number") return raw.v;
    const n = Number(String(raw.v).trim().replace(",", "."));
    if (String(raw.v).trim() !== "" && isFinite(n)) return n;
    problem("number", RM.notNumber, { v: String(raw.v) }, cell, path);
    return NaN;
  };
  const boolAt = (v: string, cell: string, path: string): boolean | undefined => {
    if (!v) return undefined;
    const k = key(v);
    if (k === "có" || k === "yes" || k === "true") return true;
    if (k === "không" || k === "no" || k === "false") return false;
    problem("yes-no", RM.yesNo, { v }, cell, path);
    return undefined;
  };
  const bi = (vi: string, en: string): Text => ({ vi, en });

  each("info", (get, raw, at) => {
    const k = key(get("key"));
    if (k === "id") {
      t.id = get("value");
      cells["id"] = at("value");
    } else if (k === "version") {
      const v = numberAt(raw("value"), at("value"), "version");
      if (v !== undefined) t.version = v;
      cells["version"] = at("value");
    } else if (k === "title") {
      t.title = bi(get("vi"), get("en"));
      cells["title"] = cells["title.vi"] = at("vi");
      cells["title.en"] = at("en");
    } else if (k === "level") {
      const i = t.levels.length;
      t.levels.push({ id: get("value"), label: bi(get("vi"), get("en")) });
      cells[`levels[${i}]`] = cells[`levels[${i}].id`] = at("value");
      cells[`levels[${i}].label.vi`] = at("vi");
      cells[`levels[${i}].label.en`] = at("en");
    } else if (k === "level-until") {
      // "huyen 2025-07-01": the level ended on that date; vi / en: the warning for a report dated after it.
      const [id, until] = get("value").split(/\s+/);
      const i = t.levels.findIndex((l) => l.id === id);
      if (i < 0 || !/^\d{4}-\d{2}-\d{2}$/.test(until ?? "")) problem("info-key", RM.infoKey, { v: get("key") + " " + get("value") }, at("value"));
      else {
        t.levels[i].until = until;
        if (get("vi") || get("en")) t.levels[i].untilMessage = bi(get("vi"), get("en"));
        cells[`levels[${i}].until`] = at("value");
      }
    } else if (k === "message") {
      // "dth.parts le.fail": the rule's own wording of one of its messages.
      const [rule, mk] = get("value").split(/\s+/);
      if (!rule || !mk) problem("info-key", RM.infoKey, { v: get("key") + " " + get("value") }, at("value"));
      else {
        t.messages = t.messages ?? {};
        (t.messages[rule] = t.messages[rule] ?? {})[mk] = bi(get("vi"), get("en"));
        cells[`messages.${rule}.${mk}`] = at("vi");
      }
    } else if (k === "yoy") {
      const rel = numberAt(raw("vi"), at("vi"), "yoy.relative");
      const abs = numberAt(raw("en"), at("en"), "yoy.absolute");
      t.yoy = {};
      if (rel !== undefined) t.yoy.relative = rel;
      if (abs !== undefined) t.yoy.absolute = abs;
      cells["yoy"] = cells["yoy.relative"] = at("vi");
      cells["yoy.absolute"] = at("en");
    } else {
      problem("info-key", RM.infoKey, { v: get("key") }, at("key"));
    }
  });
  if (!cells["levels"]) cells["levels"] = cells["id"] ?? "";

  each("indicators", (get, raw, at, rowRef) => {
    const i = t.indicators.length;
    const p = `indicators[${i}]`;
    const group = numberAt(raw("group"), at("group"), p + ".group");
    const d: TemplateDef["indicators"][number] = {
      code: get("code"),
      group: group as number,
      label: bi(get("label.vi"), get("label.en")),
      unit: bi(get("unit.vi"), get("unit.en")),
      kind: get("kind") as TemplateDef["indicators"][number]["kind"],
    };
    if (get("partOf")) d.partOf = get("partOf");
    const printed = boolAt(get("printed"), at("printed"), p + ".printed");
    if (printed === false) d.printed = false;
    if (get("short.vi") || get("short.en")) d.short = bi(get("short.vi"), get("short.en"));
    if (get("aggregation")) d.aggregation = get("aggregation") as TemplateDef["indicators"][number]["aggregation"];
    const ex = boolAt(get("partsExhaustive"), at("partsExhaustive"), p + ".partsExhaustive");
    if (ex !== undefined) d.partsExhaustive = ex;
    const rel = numberAt(raw("yoy.relative"), at("yoy.relative"), p + ".yoy.relative");
    const abs = numberAt(raw("yoy.absolute"), at("yoy.absolute"), p + ".yoy.absolute");
    if (rel !== undefined || abs !== undefined) {
      d.yoy = {};
      if (rel !== undefined) d.yoy.relative = rel;
      if (abs !== undefined) d.yoy.absolute = abs;
    }
    t.indicators.push(d);
    cells[p] = rowRef;
    for (const c of DESIGNER_SHEETS[1].columns) cells[`${p}.${c.key}`] = at(c.key);
    cells[`${p}.label`] = at("label.vi");
    cells[`${p}.unit`] = at("unit.vi");
    cells[`${p}.short`] = at("short.vi");
    cells[`${p}.yoy`] = at("yoy.relative");
  });
  if (!cells["indicators"]) cells["indicators"] = cells["id"] ?? "";

  each("registers", (get, _raw, at, rowRef) => {
    const rid = get("register");
    // A blank register id continues the register above.
    let i = rid ? t.registers.findIndex((r) => r.id === rid) : t.registers.length - 1;
    if (i < 0) {
      i = t.registers.length;
      t.registers.push({ id: rid, label: bi("", ""), rowNoun: bi("", ""), fields: [] });
      cells[`registers[${i}]`] = cells[`registers[${i}].id`] = at("register");
    }
    const r = t.registers[i];
    const p = `registers[${i}]`;
    if (!r.label.vi && get("label.vi")) {
      r.label = bi(get("label.vi"), get("label.en"));
      cells[`${p}.label`] = cells[`${p}.label.vi`] = at("label.vi");
    }
    if (!r.rowNoun.vi && get("rowNoun.vi")) {
      r.rowNoun = bi(get("rowNoun.vi"), get("rowNoun.en"));
      cells[`${p}.rowNoun`] = at("rowNoun.vi");
    }
    const j = r.fields.length;
    const fp = `${p}.fields[${j}]`;
    const f: RegisterFieldDef = { id: get("field"), label: bi(get("field.label.vi"), get("field.label.en")), type: get("type") as RegisterFieldDef["type"] };
    if (get("options")) {
      f.options = [];
      for (const o of splitList(get("options"))) {
        const m = /^([^=]+?)\s*=\s*(.+)$/.exec(o);
        if (!m) {
          problem("options", RM.option, { v: o }, at("options"), fp + ".options");
          continue;
        }
        const [vi, en] = m[2].split("|").map((x) => x.trim());
        f.options.push({ value: m[1].trim(), label: bi(vi, en ?? "") });
      }
    }
    const req = boolAt(get("required"), at("required"), fp + ".required");
    if (req !== undefined) f.required = req;
    if (get("derivedFrom")) f.derivedFrom = get("derivedFrom");
    r.fields.push(f);
    cells[fp] = rowRef;
    cells[`${fp}.id`] = at("field");
    cells[`${fp}.label`] = cells[`${fp}.label.vi`] = at("field.label.vi");
    cells[`${fp}.type`] = at("type");
    cells[`${fp}.options`] = at("options");
    cells[`${fp}.required`] = at("required");
    cells[`${fp}.derivedFrom`] = at("derivedFrom");
  });

  each("rules", (get, raw, at, rowRef) => {
    const i = t.rules.length;
    const p = `rules[${i}]`;
    const kind = get("kind");
    const base = { id: get("id"), kind, severity: get("severity") as Severity } as Record<string, unknown>;
    cells[p] = rowRef;
    cells[`${p}.id`] = at("id");
    cells[`${p}.kind`] = at("kind");
    cells[`${p}.severity`] = at("severity");
    const main = (name: string) => {
      base[name] = get("main");
      cells[`${p}.${name}`] = at("main");
    };
    const list = (name: string) => {
      base[name] = splitCodes(get("list"));
      cells[`${p}.${name}`] = at("list");
    };
    const optList = splitCodes(get("options"));
    const options = new Set(optList.map((o) => o.replace(/\s+/g, "")));
    switch (kind) {
      case "sum":
        main("total");
        list("parts");
        break;
      case "le":
        main("right");
        list("left");
        if (options.delete("each")) base.each = true;
        break;
      case "ratio":
        main("ratio");
        list("numerator");
        base.denominator = get("denominator");
        cells[`${p}.denominator`] = at("denominator");
        if (options.delete("impliedTotal")) base.impliedTotal = true;
        for (const o of Array.from(options)) {
          const m = /^zeroDenominator=(\w+)$/.exec(o);
          if (m) {
            base.zeroDenominator = { severity: m[1] };
            options.delete(o);
          }
        }
        break;
      case "implies": {
        const clauses: { if: Condition; then: Condition }[] = [];
        for (const s of splitList(get("condition"))) {
          const m = s.split("=>");
          const a = m.length === 2 ? parseCondition(m[0]) : undefined;
          const b = m.length === 2 ? parseCondition(m[1]) : undefined;
          if (!a || !b) problem("condition", RM.clause, { v: s }, at("condition"), `${p}.clauses`);
          else clauses.push({ if: a, then: b });
        }
        base.clauses = clauses;
        cells[`${p}.clauses`] = at("condition");
        break;
      }
      case "register-count": {
        base.register = get("register");
        cells[`${p}.register`] = at("register");
        const counts: RegisterCount[] = [];
        for (const s of splitList(get("condition"))) {
          const m = /^([^:]+?)\s*(?::\s*(.*))?$/.exec(s);
          const c: RegisterCount = { indicator: m ? m[1].trim() : "" };
          let ok = !!m && !/\s/.test(c.indicator);
          if (ok && m![2]) {
            for (const part of m![2].split(",").map((x) => x.trim()).filter(Boolean)) {
              const d = /^khác nhau\s+(\S+)$/i.exec(part) || /^distinct\s+(\S+)$/i.exec(part);
              const w = /^([^=\s]+)\s*=\s*(.+)$/.exec(part);
              if (d) c.distinct = d[1];
              else if (w) (c.where ??= {})[w[1]] = w[2].split("|").map((x) => x.trim()).filter(Boolean);
              else ok = false;
            }
          }
          if (!ok) problem("condition", RM.count, { v: s }, at("condition"), `${p}.counts`);
          else counts.push(c);
        }
        base.counts = counts;
        cells[`${p}.counts`] = at("condition");
        break;
      }
      case "period": {
        list("indicators");
        const from = numberAt(raw("fromYear"), at("fromYear"), `${p}.fromYear`);
        const to = numberAt(raw("toYear"), at("toYear"), `${p}.toYear`);
        base.fromYear = from;
        base.toYear = to;
        cells[`${p}.fromYear`] = at("fromYear");
        cells[`${p}.toYear`] = at("toYear");
        break;
      }
      case "expression":
        base.expression = get("condition");
        cells[`${p}.expression`] = at("condition");
        if (get("message.vi") || get("message.en")) base.message = bi(get("message.vi"), get("message.en"));
        break;
    }
    for (const o of options) problem("rule-option", RM.ruleOption, { v: o }, at("options"), `${p}.options`);
    const pu = boolAt(get("perUnit"), at("perUnit"), `${p}.perUnit`);
    if (pu !== undefined) base.perUnit = pu;
    t.rules.push(base as unknown as RuleDef);
  });

  const textParts: Record<string, unknown> = {};
  each("sentences", (get, raw, at, rowRef) => {
    const item = get("item");
    if (item) {
      const exact = (k: Key) => {
        const c = raw(k);
        return c && c.v !== null && c.v !== undefined ? String(c.v) : "";
      };
      const form = get("form");
      let value: unknown;
      if (form === "song ngữ") value = { vi: exact("heading.vi"), en: exact("heading.en") };
      else if (form === "số") value = numberAt(raw("heading.vi"), at("heading.vi"), item);
      else if (form === "có/không") value = boolAt(get("heading.vi"), at("heading.vi"), item);
      else if (form === "json") {
        try {
          value = JSON.parse(exact("heading.vi"));
        } catch {
          problem("json", RM.json, { v: exact("heading.vi") }, at("heading.vi"), item);
          return;
        }
      } else value = exact("heading.vi");
      if (!setPath(textParts, item, value)) {
        problem("item", RM.item, { v: item }, at("item"));
        return;
      }
      cells[item] = form === "song ngữ" ? at("heading.vi") : at("heading.vi");
      cells[item + ".vi"] = at("heading.vi");
      cells[item + ".en"] = at("heading.en");
      return;
    }
    const i = t.groups.length;
    const p = `groups[${i}]`;
    const g: TemplateDef["groups"][number] = { id: numberAt(raw("group"), at("group"), p + ".id") as number, heading: bi(get("heading.vi"), get("heading.en")) };
    if (get("levels")) {
      g.levels = splitCodes(get("levels"));
      g.levels.forEach((_l, j) => (cells[`${p}.levels[${j}]`] = at("levels")));
    }
    t.groups.push(g);
    cells[p] = rowRef;
    cells[`${p}.id`] = at("group");
    cells[`${p}.heading`] = cells[`${p}.heading.vi`] = at("heading.vi");
    cells[`${p}.heading.en`] = at("heading.en");
    cells[`${p}.levels`] = at("levels");
  });
  for (const part of TEXT_PARTS) if (textParts[part] !== undefined) (t as unknown as Record<string, unknown>)[part] = textParts[part];
  return { template: t, cells, findings };
}

/** The cell of a JSON path: the path itself, else its nearest parent that has one. */
export function cellOfPath(cells: CellMap, path: string | undefined): string | undefined {
  let p = path ?? "";
  while (p) {
    if (cells[p]) return cells[p];
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return undefined;
}

/**
 * A designer workbook's mistakes, each at its cell: what could not be read, then what the
 * template validator finds in what was read.
 */
export function checkDesigner(snap: WorkbookSnapshot, opts: { lang?: Lang } = {}): { template: TemplateDef; findings: Finding[]; cells: CellMap } {
  const r = readDesigner(snap, opts);
  const found = checkTemplate(r.template, { lang: opts.lang });
  for (const f of found) {
    const c = cellOfPath(r.cells, f.path);
    if (!c) continue;
    f.cells = [c];
    // A message that names the JSON path names the cell instead: the designer's user sees cells.
    if (f.path && f.message.includes(f.path)) f.message = f.message.split(f.path).join(c);
  }
  return { template: r.template, findings: [...r.findings, ...found], cells: r.cells };
}
