/**
 * The whole report in the state format (Nghị định 30/2020/NĐ-CP, Phụ lục I), built from
 * the same data as the appendix: header, title, basis, the sections (with placeholders),
 * "Nơi nhận", signature, then the appendix on a new page.
 */
import type { Finding, ReportData, ReportListDef, TemplateDef } from "../types";
import { formatDateLine } from "../vn";
import { formatValue, readValue } from "../values";
import { getTemplate } from "../templates/index";
import { check } from "../engine";
import type { Block, DocModel, ParagraphBlock, Run } from "../doc/model";
import { A4_ND30, cleanText, textWidthCm } from "../doc/model";
import { buildSummary, summaryBlocks, type Summary } from "./summary";
import { registerList, LIST_PLACEHOLDERS } from "./lists";
import { appendixBlocks, fullSymbol, NO_DATA } from "./appendix";
import { fitSize, textWidthCmOf } from "./metrics";

export interface ReportOptions {
  /** Pad counts below 10 ("08"); default true. */
  pad?: boolean;
  /** Documents grouped cấp ủy / chính quyền in {ds_van_ban}; default false. */
  groupDocuments?: boolean;
  /** Structural findings of the source (workbook.*), counted with the data's errors. */
  structural?: Finding[];
}

export interface ReportWarning {
  code: "placeholder.unknown" | "placeholder.blank" | "placeholder.invalid" | "data.errors" | "template.unknown";
  vi: string;
  en: string;
  /** 0-based index of the section concerned. */
  section?: number;
}

export interface ReportResult {
  doc: DocModel;
  summary: Summary;
  /** Errors `check` finds in the data (the report is produced all the same). */
  errors: number;
  warnings: ReportWarning[];
}

/** Block placeholders of the built-in templates (each template adds its lists' own). */
const BLOCK_PLACEHOLDERS = new Set(["tom_tat", "phu_luc", ...Object.keys(LIST_PLACEHOLDERS)]);

/** The report's subject: the template's, else the product's. */
function subjectOf(t: TemplateDef | undefined): string {
  return t?.subject?.vi ?? "thực hiện dân chủ ở cơ sở";
}

/** The template's register lists; without any, each register listed by its filled columns ("ds_<id>"). */
export function reportLists(t: TemplateDef): ReportListDef[] {
  return t.lists ?? t.registers.map((r) => ({ register: r.id, placeholder: "ds_" + r.id, intro: "Danh sách " + r.rowNoun.vi + ":", style: "fields" as const }));
}

function listOf(t: TemplateDef, placeholder: string) {
  return reportLists(t).find((l) => l.placeholder === placeholder);
}

function listBlocks(t: TemplateDef, register: string, ctx: Ctx): Block[] {
  const def = reportLists(t).find((l) => l.register === register);
  return registerList(register, ctx.data.registers?.[register], {
    groupDocuments: ctx.opts.groupDocuments,
    style: def?.style,
    register: t.registers.find((r) => r.id === register),
  });
}

function up(s: string): string {
  return s.toLocaleUpperCase("vi");
}

function p(runs: Run[], opts: Omit<ParagraphBlock, "type" | "runs"> = {}): ParagraphBlock {
  return { type: "paragraph", runs, ...opts };
}

/**
 * Column widths of the two-column header, as fractions of the text width (16,5 cm on A4):
 * 7,1 cm on the left holds a Sở's name ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 6,5 cm in bold 12 pt)
 * on one line; 9,4 cm on the right holds "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (8,8 cm in
 * bold 12 pt). Both renderers (docx, HTML) take the widths from the model.
 */
export const HEADER_WIDTHS: [number, number] = [0.43, 0.57];
/** What a cell's left + right padding takes from its width in the .docx (2 × 108 twips). */
const CELL_PADDING_CM = 0.4;

function headerBlocks(data: ReportData, width: number): Block {
  const r = data.report ?? {};
  const left: Block[] = [];
  const right: Block[] = [];
  const lw = width * HEADER_WIDTHS[0] - CELL_PADDING_CM;
  const rw = width * HEADER_WIDTHS[1] - CELL_PADDING_CM;
  const parent = r.parentAgency ? up(cleanText(r.parentAgency)) : "";
  const agency = r.agency ? up(cleanText(r.agency)) : "";
  // Parent and issuing agency in one size, 13 pt when both fit on a line, else 12 pt (12–13 pt allowed).
  const leftSize = fitSize(
    [...(parent ? [{ text: parent }] : []), ...(agency ? [{ text: agency, bold: true }] : [])],
    [13, 12],
    lw,
  );
  if (parent) left.push(p([{ text: parent, size: leftSize }], { align: "center" }));
  if (agency) {
    left.push(p([{ text: agency, size: leftSize, bold: true }], { align: "center" }));
    left.push({ type: "rule", widthCm: Math.max(1.8, Math.min(lw, textWidthCmOf(agency, leftSize, true)) / 3) });
  }
  const sym = fullSymbol(data);
  left.push(p([{ text: "Số: " + (sym || "      /BC-"), size: 13 }], { align: "center", spaceBefore: 4 }));
  const nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  const motto = "Độc lập - Tự do - Hạnh phúc";
  const nationSize = fitSize([{ text: nation, bold: true }], [13, 12], rw);
  const mottoSize = fitSize([{ text: motto, bold: true }], [14, 13], rw);
  right.push(p([{ text: nation, size: nationSize, bold: true }], { align: "center" }));
  right.push(p([{ text: motto, size: mottoSize, bold: true }], { align: "center" }));
  right.push({ type: "rule", widthCm: Math.min(rw, textWidthCmOf(motto, mottoSize, true)) });
  const line = r.date ? formatDateLine(cleanText(r.place ?? ""), String(r.date)) : (r.place ? cleanText(r.place) + ", " : "") + "ngày … tháng … năm …";
  right.push(p([{ text: line, size: fitSize([{ text: line }], [14, 13], rw), italic: true }], { align: "center", spaceBefore: 4 }));
  return { type: "table", borders: false, widths: [...HEADER_WIDTHS], rows: [[{ blocks: left }, { blocks: right }]], role: "header" };
}

function titleBlocks(data: ReportData): Block[] {
  const title = cleanText(data.report?.title ?? "");
  const out: Block[] = [
    p([{ text: "BÁO CÁO", bold: true }], { align: "center", indent: false, spaceBefore: 18, spaceAfter: 0, heading: 1, keepNext: true }),
  ];
  if (title) out.push(p([{ text: title, bold: true }], { align: "center", indent: false, spaceAfter: 0, keepNext: true }));
  out.push({ type: "rule", widthCm: 3.5 });
  out.push(p([{ text: "" }], { spaceAfter: 0, indent: false, size: 6 }));
  return out;
}

function basisBlock(data: ReportData, t: TemplateDef | undefined): Block {
  const r = data.report ?? {};
  const agency = cleanText(r.agency ?? "").trim() || "Đơn vị";
  const basis = cleanText(r.basis ?? "").trim().replace(/[\s.;,:]+$/, "");
  const year = r.year ? " năm " + r.year : "";
  const text = basis
    ? "Thực hiện " + basis.replace(/^thực hiện\s+/i, "") + ". " + agency + " báo cáo kết quả thực hiện như sau:"
    : agency + " báo cáo kết quả " + subjectOf(t) + year + " như sau:";
  return p([{ text }]);
}

interface Ctx {
  data: ReportData;
  template: TemplateDef;
  opts: ReportOptions;
  summary: Summary;
  warnings: ReportWarning[];
  section: number;
}

function blockPlaceholder(name: string, ctx: Ctx): Block[] {
  if (name === "tom_tat") return summaryBlocks(ctx.summary);
  if (name === "phu_luc") return appendixBlocks(ctx.data, ctx.template, { pad: ctx.opts.pad }).map((b, i) => (i === 0 && b.type === "paragraph" ? { ...b, pageBreakBefore: false } : b));
  const l = listOf(ctx.template, name);
  return l ? listBlocks(ctx.template, l.register, ctx) : [];
}

/**
 * Fills inline placeholders: {code} (an indicator, as the appendix prints it), {nam} or
 * {year} (the report's year). Unknown ones are left visible and reported.
 */
function inline(text: string, ctx: Ctx): string {
  const kinds = new Map(ctx.template.indicators.map((i) => [i.code, i.kind] as const));
  return text.replace(/\{([^{}\n]{1,60})\}/g, (m, raw: string) => {
    const name = raw.trim();
    const kind = kinds.get(name);
    if (kind) {
      const v = ctx.data.values?.[name];
      const r = readValue(v, kind);
      if (r.status === "blank") {
        ctx.warnings.push({
          code: "placeholder.blank",
          vi: `Phần "${sectionName(ctx)}": chỉ tiêu {${name}} chưa có số liệu; đã ghi "${NO_DATA}".`,
          en: `Section "${sectionName(ctx)}": {${name}} is blank; "${NO_DATA}" was written.`,
          section: ctx.section,
        });
        return NO_DATA;
      }
      if (r.status === "invalid") {
        ctx.warnings.push({
          code: "placeholder.invalid",
          vi: `Phần "${sectionName(ctx)}": giá trị của {${name}} không đọc được; đã ghi nguyên văn.`,
          en: `Section "${sectionName(ctx)}": the value of {${name}} cannot be read; it was written as typed.`,
          section: ctx.section,
        });
      }
      return formatValue(v, kind, { pad: ctx.opts.pad !== false });
    }
    if (name === "nam" || name === "year") return ctx.data.report?.year ? String(ctx.data.report.year) : m;
    ctx.warnings.push({
      code: "placeholder.unknown",
      vi: `Phần "${sectionName(ctx)}": không hiểu chỗ giữ chỗ ${m}; đã để nguyên trong báo cáo.`,
      en: `Section "${sectionName(ctx)}": unknown placeholder ${m}; it was left as is in the report.`,
      section: ctx.section,
    });
    return m;
  });
}

function sectionName(ctx: Ctx): string {
  const s = ctx.data.sections?.[ctx.section];
  return s ? (s.heading || "").slice(0, 60) || String(ctx.section + 1) : "";
}

/** One section's text: each line a paragraph; a block placeholder becomes its blocks. */
function sectionBlocks(text: string, ctx: Ctx): Block[] {
  const out: Block[] = [];
  // Blank lines separate paragraphs; a single line break, typed on purpose (Alt+Enter in a
  // cell), starts a new paragraph too (a break inside a justified paragraph stretches the line).
  const paras = cleanText(text)
    .split(/\n/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  for (const para of paras) {
    // Split around block placeholders.
    const re = new RegExp("\\{\\s*(" + ["tom_tat", "phu_luc", ...reportLists(ctx.template).map((l) => l.placeholder)].join("|") + ")\\s*\\}", "g");
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(para))) {
      const before = para.slice(last, m.index).trim();
      if (before) out.push(p([{ text: inline(before, ctx) }]));
      out.push(...blockPlaceholder(m[1], ctx));
      last = m.index + m[0].length;
    }
    const rest = para.slice(last).trim();
    if (rest) out.push(p([{ text: inline(rest, ctx) }]));
  }
  return out;
}

function defaultBody(ctx: Ctx): Block[] {
  const out: Block[] = [...summaryBlocks(ctx.summary)];
  for (const l of reportLists(ctx.template)) {
    const list = listBlocks(ctx.template, l.register, ctx);
    if (!list.length) continue;
    out.push(p([{ text: l.intro }], { keepNext: true }));
    out.push(...list);
  }
  const r = ctx.data.report ?? {};
  const agency = cleanText(r.agency ?? "").trim();
  out.push(
    p([
      {
        text:
          "Trên đây là báo cáo kết quả " + subjectOf(ctx.template) + (r.year ? " năm " + r.year : "") + (agency ? " của " + agency : "") + "./.",
      },
    ]),
  );
  return out;
}

function closingBlock(data: ReportData): Block {
  const r = data.report ?? {};
  const left: Block[] = [];
  const recips = (r.recipients ?? []).map((x) => cleanText(String(x)).replace(/^[-–•+]\s*/, "").replace(/[\s.;,]+$/, "")).filter((x) => x);
  left.push(p([{ text: "Nơi nhận:", bold: true, italic: true, size: 12 }], { align: "left", spaceAfter: 0 }));
  if (recips.length)
    left.push({
      type: "list",
      marker: "- ",
      items: recips.map((t, i) => [{ text: t + (i === recips.length - 1 ? "." : ";"), size: 11 }]),
      size: 11,
      indent: false,
      align: "left",
      spaceAfter: 0,
    });
  const right: Block[] = [];
  if (r.signerAuthority) right.push(p([{ text: up(cleanText(r.signerAuthority)), bold: true }], { align: "center" }));
  right.push(p([{ text: up(cleanText(r.signerTitle ?? "")), bold: true }], { align: "center", spaceAfter: 72 }));
  right.push(p([{ text: cleanText(r.signerName ?? ""), bold: true }], { align: "center" }));
  return { type: "table", borders: false, widths: [0.45, 0.55], rows: [[{ blocks: left }, { blocks: right }]], role: "closing" };
}

function errorWarning(errors: number): ReportWarning {
  return {
    code: "data.errors",
    vi: `Số liệu còn ${errors} lỗi. Báo cáo vẫn được lập, nhưng hãy sửa lỗi (chạy "Kiểm tra") trước khi gửi.`,
    en: `The data has ${errors} error(s). The report was produced, but fix them (run "Check") before sending it.`,
  };
}

function errorsOf(data: ReportData, structural: Finding[] | undefined): number {
  try {
    return check(data, { structural }).summary.errors;
  } catch {
    return (structural ?? []).filter((f) => f.severity === "error").length;
  }
}

/** The whole report. */
export function buildReport(data: ReportData, opts: ReportOptions = {}): ReportResult {
  const page = { ...A4_ND30 };
  const width = textWidthCm(page);
  const warnings: ReportWarning[] = [];
  const template = getTemplate(data.template);
  const summary = buildSummary(data, { pad: opts.pad, template });
  const blocks: Block[] = [headerBlocks(data, width), ...titleBlocks(data), basisBlock(data, template)];
  if (!template) {
    warnings.push({
      code: "template.unknown",
      vi: `Không biết mẫu "${data.template}": báo cáo không có phụ lục.`,
      en: `Unknown template "${data.template}": the report has no appendix.`,
    });
  } else {
    const ctx: Ctx = { data, template, opts, summary, warnings, section: 0 };
    const sections = (data.sections ?? []).filter((s) => s && ((s.heading ?? "").trim() || (s.text ?? "").trim()));
    let hasAppendix = false;
    if (sections.length) {
      sections.forEach((s) => {
        ctx.section = (data.sections ?? []).indexOf(s);
        if (s.heading && s.heading.trim()) blocks.push(p([{ text: inline(cleanText(s.heading.trim()), ctx), bold: true }], { heading: 2, keepNext: true }));
        if (/\{\s*phu_luc\s*\}/.test(s.text ?? "")) hasAppendix = true;
        blocks.push(...sectionBlocks(s.text ?? "", ctx));
      });
    } else {
      blocks.push(...defaultBody(ctx));
    }
    blocks.push(p([{ text: "" }], { spaceAfter: 0 }));
    blocks.push(closingBlock(data));
    if (!hasAppendix) blocks.push(...appendixBlocks(data, template, { pad: opts.pad }));
  }
  if (!template) blocks.push(closingBlock(data));
  const errors = template ? errorsOf(data, opts.structural) : 0;
  if (errors > 0) warnings.unshift(errorWarning(errors));
  const title = "Báo cáo " + (fullSymbol(data) || "") + (data.report?.title ? " - " + cleanText(data.report.title) : "");
  return { doc: { page, blocks, title: title.trim() }, summary, errors, warnings };
}

/** The summary alone, as a document (same page settings). */
export function buildSummaryReport(data: ReportData, opts: ReportOptions = {}): ReportResult {
  const template = getTemplate(data.template);
  const summary = buildSummary(data, { pad: opts.pad, template });
  const errors = template ? errorsOf(data, opts.structural) : 0;
  const warnings: ReportWarning[] = errors > 0 ? [errorWarning(errors)] : [];
  return { doc: { page: { ...A4_ND30 }, blocks: summaryBlocks(summary), title: "Tóm tắt số liệu" }, summary, errors, warnings };
}

export { BLOCK_PLACEHOLDERS };
