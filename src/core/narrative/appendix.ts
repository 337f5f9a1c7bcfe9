/**
 * The appendix "PHỤ LỤC SỐ LIỆU" as the seed prints it: each group's heading (the
 * template's, placeholders filled), then its lines. How a group's lines read is DATA
 * (APPENDIX_LAYOUTS, per template); a template without a layout prints "- label: value".
 */
import type { ReportData, TemplateDef, IndicatorDef } from "../types";
import { formatValue, readValue } from "../values";
import { formatDate } from "../vn";
import type { Block } from "../doc/model";
import { coverageLine } from "../merge/coverage";

/** Printed where a value is blank. */
export const NO_DATA = "chưa có số liệu";

/**
 * Lines after each group's heading. Placeholders: {code} (value as printed),
 * {label:code}, {unit:code}. A line with no placeholder is printed as is.
 * `dash: false` prints the line without the "- " marker.
 */
export interface AppendixLine {
  text: string;
  dash?: boolean;
}

export const APPENDIX_LAYOUTS: Record<string, Record<number, AppendixLine[]>> = {
  "qcdc-2021": {
    1: [],
    2: [
      { text: "Tổng số đoàn kiểm tra: {kt_so_doan}" },
      { text: "Tổng số đơn vị, cơ sở được kiểm tra: {kt_so_don_vi}" },
    ],
    3: [
      { text: "Số lượng các cuộc hội nghị, hội thảo, tập huấn: {tt_hoi_nghi}" },
      { text: "Trong đó: Tổ chức riêng {tt_rieng} cuộc; lồng ghép {tt_long_ghep} cuộc." },
    ],
    4: [
      { text: "Số lượng dịch vụ công trực tuyến mức độ 3: {cchc_dvc_muc3}" },
      { text: "Số lượng dịch vụ công trực tuyến mức độ 4: {cchc_dvc_muc4}" },
      { text: "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4/tổng số dịch vụ công cung cấp: {cchc_dvc_ty_le}" },
    ],
    5: [
      { text: "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: {dt_ty_le}" },
      { text: "Số vụ việc tồn đọng, kéo dài: Đã giải quyết: {dt_ton_dong_da_gq}; Chưa giải quyết: {dt_ton_dong_chua_gq}" },
    ],
    6: [],
    7: [
      { text: "Người đứng đầu cấp ủy: {dth_cap_uy} cuộc." },
      { text: "Người đứng đầu chính quyền: {dth_chinh_quyen} cuộc." },
    ],
    8: [
      { text: "Tổng số kinh phí hỗ trợ: {cv_tong} đồng; trong đó:", dash: false },
      { text: "Doanh nghiệp: {cv_doanh_nghiep} đồng" },
      { text: "Người lao động: {cv_nguoi_lao_dong} đồng" },
      { text: "Đối tượng khác: {cv_khac} đồng." },
    ],
    9: [],
  },
};

export interface AppendixOptions {
  pad?: boolean;
}

/** Report symbol in full: "538/BC-SKHCN". */
export function fullSymbol(data: ReportData): string {
  const n = String(data.report?.number ?? "").trim();
  const s = String(data.report?.symbol ?? "").trim();
  if (n && s) return n + "/" + s;
  return n || s;
}

function levelLabel(data: ReportData, t: TemplateDef): string {
  const lv = String(data.report?.level ?? "").trim();
  const found = t.levels.find((l) => l.id === lv || l.label.vi.toLowerCase() === lv.toLowerCase());
  return found ? found.label.vi : lv || t.levels[0]?.label.vi || "";
}

/** Fills {code}, {label:code}, {unit:code}, {level}. A blank value prints NO_DATA (never a number). */
export function fillAppendixText(text: string, data: ReportData, t: TemplateDef, opts: AppendixOptions = {}): string {
  const byCode = new Map<string, IndicatorDef>(t.indicators.map((i) => [i.code, i]));
  return text.replace(/\{([a-zA-Z0-9_:]+)\}/g, (m, name: string, at: number) => {
    if (name === "level") return levelLabel(data, t);
    const [a, b] = name.split(":");
    if (b !== undefined) {
      const ind = byCode.get(b);
      if (!ind) return m;
      return a === "label" ? ind.label.vi : a === "unit" ? ind.unit.vi : m;
    }
    const ind = byCode.get(a);
    if (!ind) return m;
    const raw = data.values?.[a];
    const r = readValue(raw, ind.kind);
    if (r.status === "blank") return NO_DATA;
    // The two sides of a fraction ("4/4 đơn vị") are printed as figures, never padded.
    const fraction = text[at - 1] === "/" || text[at + m.length] === "/";
    return formatValue(raw, ind.kind, { pad: opts.pad !== false && !fraction });
  });
}

/** The appendix: title, "(Kèm theo …)", the groups. Starts on a new page. */
export function appendixBlocks(data: ReportData, t: TemplateDef, opts: AppendixOptions = {}): Block[] {
  const out: Block[] = [];
  const sym = fullSymbol(data);
  const date = data.report?.date ? formatDate(String(data.report.date)) : "";
  const agency = String(data.report?.agency ?? "").trim();
  let attach = "(Kèm theo Báo cáo";
  if (sym) attach += " số " + sym;
  if (date) attach += " ngày " + date;
  if (agency) attach += " của " + agency;
  attach += ")";
  out.push({
    type: "paragraph",
    runs: [{ text: "PHỤ LỤC SỐ LIỆU", bold: true }],
    align: "center",
    indent: false,
    pageBreakBefore: true,
    spaceAfter: 0,
  });
  const cover = coverageLine(data);
  out.push({ type: "paragraph", runs: [{ text: attach, italic: true }], align: "center", indent: false, spaceAfter: cover ? 0 : 12 });
  // A consolidated report says how many units it was consolidated from (phuluc merge).
  if (cover) out.push({ type: "paragraph", runs: [{ text: "(" + cover + ")", italic: true }], align: "center", indent: false, spaceAfter: 12 });
  const layout = APPENDIX_LAYOUTS[t.id];
  const inHeading = new Set<string>();
  for (const g of t.groups) for (const m of g.heading.vi.matchAll(/\{([a-z0-9_]+)\}/g)) inHeading.add(m[1]);
  for (const g of t.groups) {
    out.push({
      type: "paragraph",
      runs: [{ text: g.id + ". " + fillAppendixText(g.heading.vi, data, t, opts), bold: true }],
      keepNext: true,
    });
    let lines: AppendixLine[];
    if (layout && layout[g.id]) lines = layout[g.id];
    else
      lines = t.indicators
        .filter((i) => i.group === g.id && i.printed !== false && !inHeading.has(i.code))
        .map((i) => ({ text: "{label:" + i.code + "}: {" + i.code + "}" + (i.kind === "money" ? " đồng" : "") }));
    for (const l of lines) {
      const text = fillAppendixText(l.text, data, t, opts);
      out.push({ type: "paragraph", runs: [{ text: (l.dash === false ? "" : "- ") + text }] });
    }
  }
  return out;
}
