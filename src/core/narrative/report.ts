/**
 * The whole report in the state format (Nghị định 30/2020/NĐ-CP, Phụ lục I), built from
 * the same data as the appendix: header, title, basis, the sections (with placeholders),
 * "Nơi nhận", signature, then the appendix on a new page.
 */
import { plural } from "../i18n";
import type { Finding, ReportData, ReportListDef, TemplateDef } from "../types";
import { reportLists } from "../template-info";
import { formatDateLine } from "../vn";
import { isPartyReport } from "../symbol";
import { formatValue, readValue } from "../values";
import { getTemplate } from "../templates/index";
import { check } from "../engine";
import type { Block, DocModel, ParagraphBlock, Run } from "../doc/model";
import { A4_ND30, cleanText, textWidthCm } from "../doc/model";
import { buildSummary, summaryBlocks, type Summary } from "./summary";
import { registerList, LIST_PLACEHOLDERS } from "./lists";
import { appendixBlanks, appendixBlocks, fullSymbol, NO_DATA } from "./appendix";
import { errorsOnly, markFindings, markedRuns, markReason } from "./marks";
import { fitSize, textWidthCmOf } from "./metrics";

export interface ReportOptions {
  /** Pad counts below 10 ("08"); default true. */
  pad?: boolean;
  /** Documents grouped cấp ủy / chính quyền in {ds_van_ban}; default false. */
  groupDocuments?: boolean;
  /** Structural findings of the source (workbook.*), counted with the data's errors. */
  structural?: Finding[];
  /** A consolidated report's expected units that sent nothing (MergeResult.missingUnits): the appendix's coverage line names them. */
  missingUnits?: readonly string[];
}

export interface ReportWarning {
  code: "placeholder.unknown" | "placeholder.blank" | "placeholder.invalid" | "data.errors" | "template.unknown" | "narrative.marked" | "appendix.blank";
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
  /**
   * The sentences marked "[cần kiểm tra: …]" for the author (their figures break a rule), as
   * the text shows them, in document order.
   */
  marked: string[];
  warnings: ReportWarning[];
}

/** Block placeholders of the built-in templates (each template adds its lists' own). */
const BLOCK_PLACEHOLDERS = new Set(["tom_tat", "phu_luc", ...Object.keys(LIST_PLACEHOLDERS)]);

/** The report's subject: the template's, else the product's. */
function subjectOf(t: TemplateDef | undefined): string {
  return t?.subject?.vi ?? "thực hiện dân chủ ở cơ sở";
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
    subject: subjectOf(t),
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
    if (!isPartyReport(r)) left.push({ type: "rule", widthCm: Math.max(1.8, Math.min(lw, textWidthCmOf(agency, leftSize, true)) / 3) });
  }
  const sym = fullSymbol(data);
  const party = isPartyReport(r);
  if (party) {
    // Hướng dẫn 36-HD/VPTW: a star under the body's name, "Số 15-BC/ĐU" with no colon; on the right "ĐẢNG CỘNG SẢN VIỆT NAM", underlined.
    left.push(p([{ text: "*", size: 13 }], { align: "center" }));
    left.push(p([{ text: "Số " + (sym || "     -BC/"), size: 13 }], { align: "center", spaceBefore: 4 }));
    const partyName = "ĐẢNG CỘNG SẢN VIỆT NAM";
    const partySize = fitSize([{ text: partyName, bold: true }], [15, 14, 13], rw);
    right.push(p([{ text: partyName, size: partySize, bold: true }], { align: "center", keepOnOneLine: true }));
    right.push({ type: "rule", widthCm: Math.min(rw, textWidthCmOf(partyName, partySize, true)) });
  } else {
    left.push(p([{ text: "Số: " + (sym || "      /BC-"), size: 13 }], { align: "center", spaceBefore: 4 }));
    const nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const motto = "Độc lập - Tự do - Hạnh phúc";
    const nationSize = fitSize([{ text: nation, bold: true }], [13, 12], rw);
    const mottoSize = fitSize([{ text: motto, bold: true }], [14, 13], rw);
    right.push(p([{ text: nation, size: nationSize, bold: true }], { align: "center", keepOnOneLine: true }));
    right.push(p([{ text: motto, size: mottoSize, bold: true }], { align: "center", keepOnOneLine: true }));
    right.push({ type: "rule", widthCm: Math.min(rw, textWidthCmOf(motto, mottoSize, true)) });
  }
  const line = r.date ? formatDateLine(cleanText(r.place ?? ""), String(r.date)) : (r.place ? cleanText(r.place) + ", " : "") + "ngày … tháng … năm …";
  right.push(p([{ text: line, size: fitSize([{ text: line }], [14, 13], rw), italic: true }], { align: "center", spaceBefore: 4, keepOnOneLine: true }));
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
  const year = typeof r.year === "number" ? " năm " + r.year : "";
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
  /** Errors of the data: paragraphs stating figures they touch are marked. */
  errors: Finding[];
  /** Codes printed by the paragraph being filled. */
  codes: Set<string>;
}

function blockPlaceholder(name: string, ctx: Ctx): Block[] {
  if (name === "tom_tat") return summaryBlocks(ctx.summary);
  if (name === "phu_luc")
    return appendixBlocks(ctx.data, ctx.template, { pad: ctx.opts.pad, findings: ctx.errors, missingUnits: ctx.opts.missingUnits }).map((b, i) =>
      i === 0 && b.type === "paragraph" ? { ...b, pageBreakBefore: false, newPart: false } : b,
    );
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
          vi: `Phần "${sectionName(ctx)}": chỉ tiêu {${name}} chưa có số liệu; đã để trống "${NO_DATA}" để điền sau.`,
          en: `Section "${sectionName(ctx)}": {${name}} is blank; a space "${NO_DATA}" was left to fill in.`,
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
      ctx.codes.add(name);
      return formatValue(v, kind, { pad: ctx.opts.pad !== false });
    }
    if (name === "nam" || name === "year") return typeof ctx.data.report?.year === "number" ? String(ctx.data.report.year) : m;
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
      if (before) out.push(p(inlineRuns(before, ctx)));
      for (const x of blockPlaceholder(m[1], ctx)) out.push(x);
      last = m.index + m[0].length;
    }
    const rest = para.slice(last).trim();
    if (rest) out.push(p(inlineRuns(rest, ctx)));
  }
  return out;
}

/** A paragraph with its placeholders filled, marked when an error touches the figures it prints. */
function inlineRuns(text: string, ctx: Ctx): Run[] {
  ctx.codes = new Set();
  const filled = inline(text, ctx);
  return markedRuns(filled, markReason(ctx.codes, ctx.errors, ctx.template));
}

function defaultBody(ctx: Ctx): Block[] {
  const out: Block[] = [...summaryBlocks(ctx.summary)];
  for (const l of reportLists(ctx.template)) {
    const list = listBlocks(ctx.template, l.register, ctx);
    if (!list.length) continue;
    out.push(p([{ text: l.intro }], { keepNext: true }));
    for (const x of list) out.push(x);
  }
  const r = ctx.data.report ?? {};
  const agency = cleanText(r.agency ?? "").trim();
  out.push(
    p([
      {
        text:
          "Trên đây là báo cáo kết quả " + subjectOf(ctx.template) + (typeof r.year === "number" ? " năm " + r.year : "") + (agency ? " của " + agency : "") + "./.",
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
    en: `The data has ${plural(errors, "error")}. The report was produced, but fix them (run "Check") before sending it.`,
  };
}

function findingsOf(data: ReportData, structural: Finding[] | undefined): Finding[] {
  try {
    return check(data, { structural }).findings;
  } catch {
    return structural ?? [];
  }
}

/** Sentences of the blocks that carry a mark, as their text shows them. */
function markedTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === "paragraph" && b.runs.some((r) => r.highlight)) out.push(b.runs.map((r) => r.text).join(""));
    else if (b.type === "table") for (const row of b.rows) for (const c of row) out.push(...markedTexts(c.blocks));
  }
  return out;
}

/** The sentence of a paragraph that holds a mark (paragraphs of the summary hold several). */
function sentenceOfMark(paragraph: string): string[] {
  const out: string[] = [];
  const re = /\[cần kiểm tra:[^\]]*\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(paragraph))) {
    const before = paragraph.slice(0, m.index);
    const stop = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n"));
    const start = stop < 0 ? 0 : stop + 1;
    const after = paragraph.slice(m.index + m[0].length);
    const end = /^[^ ]*/.exec(after)![0].length;
    out.push(paragraph.slice(start, m.index + m[0].length + end).trim());
  }
  return out;
}

/** A marked sentence for a warning: without its list dash, its end kept (where the mark is). */
function short(s: string, max = 160): string {
  const t = s.replace(/^[-–•+]\s+/, "");
  if (t.length <= max) return t;
  const cut = t.slice(t.length - max);
  const sp = cut.indexOf(" ");
  return "…" + (sp >= 0 && sp < 30 ? cut.slice(sp + 1) : cut);
}

function markedWarning(marked: string[]): ReportWarning {
  const list = marked.map((s) => "\n  - " + short(s)).join("");
  return {
    code: "narrative.marked",
    vi: `${marked.length} câu có số liệu vi phạm quy tắc nên không được nêu như sự thật: đã đánh dấu "[cần kiểm tra: …]" (tô vàng) để người soạn sửa số liệu hoặc câu văn trước khi gửi:${list}`,
    en: `${marked.length} sentence${marked.length === 1 ? "" : "s"} state${marked.length === 1 ? "s" : ""} figures that break a rule, so ${marked.length === 1 ? "it is" : "they are"} not stated as fact: marked "[cần kiểm tra: …]" (highlighted) for the author to fix the figures or the text before sending:${list}`,
  };
}

function blankWarning(blank: string[], t: TemplateDef): ReportWarning {
  const labels = blank.map((c) => t.indicators.find((i) => i.code === c)?.label.vi ?? c);
  const en = blank.map((c) => t.indicators.find((i) => i.code === c)?.label.en ?? c);
  return {
    code: "appendix.blank",
    vi: `Phụ lục còn ${blank.length} chỉ tiêu chưa có số liệu, để trống "${NO_DATA}" để điền: ${labels.join("; ")}.`,
    en: `The appendix has ${blank.length} blank indicator${blank.length === 1 ? "" : "s"}, left as "${NO_DATA}" to fill in: ${en.join("; ")}.`,
  };
}

/** The whole report. */
export function buildReport(data: ReportData, opts: ReportOptions = {}): ReportResult {
  const page = { ...A4_ND30 };
  const width = textWidthCm(page);
  const warnings: ReportWarning[] = [];
  const template = getTemplate(data.template);
  const findings = template ? findingsOf(data, opts.structural) : [];
  const dataErrors = errorsOnly(findings).length;
  const errors = template ? markFindings(findings, data, template) : [];
  const summary = buildSummary(data, { pad: opts.pad, template, findings });
  const blocks: Block[] = [headerBlocks(data, width), ...titleBlocks(data), basisBlock(data, template)];
  if (!template) {
    warnings.push({
      code: "template.unknown",
      vi: `Không biết mẫu "${data.template}": báo cáo không có phụ lục.`,
      en: `Unknown template "${data.template}": the report has no appendix.`,
    });
  } else {
    const ctx: Ctx = { data, template, opts, summary, warnings, section: 0, errors, codes: new Set() };
    const sections = (data.sections ?? []).filter((s) => s && ((s.heading ?? "").trim() || (s.text ?? "").trim()));
    let hasAppendix = false;
    if (sections.length) {
      sections.forEach((s) => {
        ctx.section = (data.sections ?? []).indexOf(s);
        if (s.heading && s.heading.trim()) blocks.push(p([{ text: inline(cleanText(s.heading.trim()), ctx), bold: true }], { heading: 2, keepNext: true }));
        if (/\{\s*phu_luc\s*\}/.test(s.text ?? "")) hasAppendix = true;
        for (const x of sectionBlocks(s.text ?? "", ctx)) blocks.push(x);
      });
    } else {
      for (const x of defaultBody(ctx)) blocks.push(x);
    }
    blocks.push(p([{ text: "" }], { spaceAfter: 0 }));
    blocks.push(closingBlock(data));
    if (!hasAppendix) for (const x of appendixBlocks(data, template, { pad: opts.pad, findings: errors, missingUnits: opts.missingUnits })) blocks.push(x);
    const blank = appendixBlanks(data, template);
    if (blank.length) warnings.push(blankWarning(blank, template));
  }
  if (!template) blocks.push(closingBlock(data));
  const marked = markedTexts(blocks).flatMap(sentenceOfMark).map((x) => x.replace(/^[-–•+]\s+/, ""));
  if (marked.length) warnings.unshift(markedWarning(marked));
  if (dataErrors > 0) warnings.unshift(errorWarning(dataErrors));
  const title = "Báo cáo " + (fullSymbol(data) || "") + (data.report?.title ? " - " + cleanText(data.report.title) : "");
  return { doc: { page, blocks, title: title.trim() }, summary, errors: dataErrors, marked, warnings };
}

/** The summary alone, as a document (same page settings). */
export function buildSummaryReport(data: ReportData, opts: ReportOptions = {}): ReportResult {
  const template = getTemplate(data.template);
  const findings = template ? findingsOf(data, opts.structural) : [];
  const errors = errorsOnly(findings).length;
  const summary = buildSummary(data, { pad: opts.pad, template, findings });
  const blocks = summaryBlocks(summary);
  const marked = markedTexts(blocks).flatMap(sentenceOfMark).map((x) => x.replace(/^[-–•+]\s+/, ""));
  const warnings: ReportWarning[] = [];
  if (errors > 0) warnings.push(errorWarning(errors));
  if (marked.length) warnings.push(markedWarning(marked));
  return { doc: { page: { ...A4_ND30 }, blocks, title: "Tóm tắt số liệu" }, summary, errors, marked, warnings };
}

export { BLOCK_PLACEHOLDERS };
