/**
 * yoy.*: this year's figures against last year's (spec qcdc-2021, "Other families").
 *
 * - `yoy.swing` (warning): a figure changed by at least the indicator's relative threshold
 *   (per cent of last year's figure) AND at least its absolute threshold (in the
 *   indicator's own unit; percentage points for a percent). Thresholds come from
 *   `yoyThreshold` (template-info.ts): the indicator's, the template's, the product's
 *   (±50 % and 3). A blank or unreadable figure on either side is no swing; 0 → N is a
 *   swing when N reaches the absolute threshold.
 * - `yoy.unchanged` (info): every figure filled this year equals last year's (a sheet copied
 *   from last year), with at least `MIN_UNCHANGED` figures filled and one of them not zero,
 *   so that an almost empty sheet is not flagged.
 *
 * `compareYears` is pure and works on any pair of value maps: the engine calls it for one
 * report; consolidation (`phuluc merge`) may call it per unit (with `unit` naming the unit
 * in the messages and `pathPrefix` pointing at the unit's data) and on the totals.
 */
import type { Finding, Lang, RawValue, TemplateDef, Text } from "../types";
import { readValue, type Reading } from "../values";
import { yoyThreshold } from "../template-info";
import { fill } from "../i18n";
import { formatCount, formatNumber, formatPercent, roundTo, upperFirst, lowerFirst, decimalsOf } from "../vn";
import { cellOf } from "../cells";
import type { Ctx } from "./context";

/** Fewest figures filled this year for a copied sheet to be told (`yoy.unchanged`). */
export const MIN_UNCHANGED = 5;

export const YOY_MESSAGES: Record<string, Text> = {
  up: {
    vi: "{label} tăng từ {prev} ({prevYearLabel}) lên {cur} {unit} ({year}), {change}.",
    en: "{label} rose from {prev} ({prevYearLabel}) to {cur} {unit} ({year}), {change}.",
  },
  down: {
    vi: "{label} giảm từ {prev} ({prevYearLabel}) xuống {cur} {unit} ({year}), {change}.",
    en: "{label} fell from {prev} ({prevYearLabel}) to {cur} {unit} ({year}), {change}.",
  },
  times: { vi: "gấp {n} lần", en: "{n} times as many" },
  upPct: { vi: "tăng {n}", en: "up {n}" },
  downPct: { vi: "giảm {n}", en: "down {n}" },
  fromZero: { vi: "năm trước không có", en: "none the year before" },
  points: { vi: "{dir} {n} điểm phần trăm", en: "{dir} {n} percentage points" },
  dirUp: { vi: "tăng", en: "up" },
  dirDown: { vi: "giảm", en: "down" },
  suggestion: {
    vi: "Kiểm tra lại số liệu năm nay và cột \"Năm trước\"; nếu đúng, nêu lý do thay đổi trong báo cáo (ngưỡng cảnh báo: thay đổi từ {relative}% và từ {absolute}{absUnit}).",
    en: "Check this year's figure and the \"Năm trước\" (previous year) column; if both are right, explain the change in the report (threshold: a change of {relative}% and at least {absolute}{absUnit}).",
  },
  unchanged: {
    vi: "{unitPrefix}Tất cả {n} số liệu đã nhập {year} đều trùng với {prevYearLabel}: có thể trang số liệu được sao chép từ năm trước.",
    en: "{unitPrefix}All {n} figures entered {year} equal {prevYearLabel}: the sheet may have been copied from last year.",
  },
  unchangedSuggestion: {
    vi: "Nhập số liệu của năm báo cáo; giữ số liệu năm trước ở cột \"Năm trước\".",
    en: "Enter the figures of the year reported; keep last year's in the \"Năm trước\" (previous year) column.",
  },
  thisYear: { vi: "năm {year}", en: "in {year}" },
  thisYearNone: { vi: "năm nay", en: "this year" },
  prevYear: { vi: "năm {year}", en: "{year}" },
  prevYearNone: { vi: "năm trước", en: "the year before" },
};

function m(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const t = YOY_MESSAGES[key];
  return fill(t[lang] ?? t.vi, params);
}

export interface CompareYearsOptions {
  lang?: Lang;
  /** The year reported (messages name it and the year before). */
  year?: number;
  /** A unit's name: messages start with it ("Xã Tân Lập: …") when comparing one unit of a consolidation. */
  unit?: string;
  /**
   * Prefix of the findings' paths: "" gives "values.CODE" (one report); a merge may
   * pass "units[3]." for "units[3].values.CODE".
   */
  pathPrefix?: string;
  /** Leave out `yoy.unchanged` (e.g. on totals, where units' copies are told per unit). */
  noUnchanged?: boolean;
}

function isFilled(r: Reading): boolean {
  return r.status === "number" || r.status === "na";
}

function shown(r: Reading & { status: "number" }, kind: string): string {
  if (kind === "percent") return formatPercent(r.value, r.decimals);
  if (kind === "money") return formatNumber(r.value, 0);
  return formatCount(r.value);
}

function trimmed(n: number, max: number): string {
  const r = roundTo(n, max);
  return formatNumber(r, Math.min(max, decimalsOf(r)));
}

/** Is a change a swing under a threshold? (Relative to |prev|; from 0 every change is relative enough.) */
export function isSwing(prev: number, cur: number, th: { relative: number; absolute: number }): boolean {
  const d = Math.abs(cur - prev);
  if (d === 0) return false;
  if (d < th.absolute - 1e-9) return false;
  return d >= (th.relative / 100) * Math.abs(prev) - 1e-9;
}

/**
 * Compares this year's values with last year's under a template's thresholds: `yoy.swing`
 * warnings and, when the sheet looks copied, one `yoy.unchanged` info.
 */
export function compareYears(t: TemplateDef, current: Record<string, RawValue> | undefined, previous: Record<string, RawValue> | undefined, opts: CompareYearsOptions = {}): Finding[] {
  const out: Finding[] = [];
  if (!current || !previous || typeof current !== "object" || typeof previous !== "object") return out;
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  const prefix = opts.pathPrefix ?? "";
  const year = typeof opts.year === "number" && isFinite(opts.year) ? opts.year : undefined;
  const yearLabel = year !== undefined ? m(lang, "thisYear", { year }) : m(lang, "thisYearNone");
  const prevYearLabel = year !== undefined ? m(lang, "prevYear", { year: year - 1 }) : m(lang, "prevYearNone");
  const unitPrefix = opts.unit ? opts.unit + ": " : "";
  let filled = 0;
  let nonZero = 0;
  let allSame = true;
  const compared: string[] = [];
  for (const d of t.indicators) {
    const kind = d.kind as string;
    if (kind !== "count" && kind !== "money" && kind !== "percent") continue;
    const cr = readValue(current[d.code], d.kind);
    const pr = readValue(previous[d.code], d.kind);
    if (isFilled(cr)) {
      filled++;
      compared.push(d.code);
      if (cr.status === "number" && cr.value !== 0) nonZero++;
      const same = (cr.status === "na" && pr.status === "na") || (cr.status === "number" && pr.status === "number" && cr.value === pr.value);
      if (!same) allSame = false;
    } else if (cr.status === "invalid") {
      allSame = false;
    }
    if (cr.status !== "number" || pr.status !== "number") continue;
    const th = yoyThreshold(t, d.code);
    if (!isSwing(pr.value, cr.value, th)) continue;
    const up = cr.value > pr.value;
    const percent = kind === "percent";
    let change: string;
    const diff = Math.abs(cr.value - pr.value);
    if (percent) change = m(lang, "points", { dir: m(lang, up ? "dirUp" : "dirDown"), n: trimmed(diff, 2) });
    else if (up && pr.value === 0) change = m(lang, "fromZero");
    else if (up && cr.value >= 2 * pr.value) change = m(lang, "times", { n: trimmed(cr.value / pr.value, 1) });
    else change = m(lang, up ? "upPct" : "downPct", { n: formatPercent(roundTo((diff / pr.value) * 100, 0), 0) });
    const unit = percent ? "" : d.unit[lang];
    const name = d.short ? d.short[lang] || d.short.vi : d.label[lang];
    const label = unitPrefix ? unitPrefix + lowerFirst(name) : name;
    const msg = m(lang, up ? "up" : "down", {
      label,
      year: yearLabel,
      prev: shown(pr, kind),
      prevYearLabel,
      cur: shown(cr, kind),
      unit,
      change,
    }).replace(/\s+\(/g, " (");
    out.push({
      rule: "yoy.swing",
      severity: "warning",
      message: upperFirst(msg),
      indicators: [d.code],
      values: { [d.code]: cr.value, ["previous." + d.code]: pr.value },
      path: prefix + "values." + d.code,
      suggestion: m(lang, "suggestion", { relative: th.relative, absolute: formatNumber(th.absolute, decimalsOf(th.absolute)), absUnit: percent ? (lang === "vi" ? " điểm phần trăm" : " percentage points") : " " + d.unit[lang] }),
    });
  }
  if (!opts.noUnchanged && allSame && filled >= MIN_UNCHANGED && nonZero > 0) {
    const values: Record<string, number | string | null> = {};
    for (const c of compared) {
      const d = t.indicators.find((x) => x.code === c)!;
      const r = readValue(current[c], d.kind);
      values[c] = r.status === "number" ? r.value : "Không có";
    }
    out.push({
      rule: "yoy.unchanged",
      severity: "info",
      message: upperFirst(m(lang, "unchanged", { unitPrefix, n: filled, year: yearLabel, prevYearLabel })),
      indicators: compared,
      values,
      path: prefix + "previous",
      suggestion: m(lang, "unchangedSuggestion"),
    });
  }
  return out;
}

/** Whether a report carries any previous-year value. */
export function hasPrevious(previous: Record<string, RawValue> | undefined): boolean {
  if (!previous || typeof previous !== "object") return false;
  for (const k in previous) {
    const v = previous[k];
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return true;
  }
  return false;
}

/** The engine's run of yoy.* on one report (its cells: this year's value, then last year's). */
export function runYoy(ctx: Ctx): Finding[] {
  const data = ctx.data;
  if (!hasPrevious(data.previous)) return [];
  const year = typeof data.report?.year === "number" ? data.report.year : undefined;
  // A consolidated report's copied-sheet check is each unit's own (phuluc merge runs it per unit).
  const found = compareYears(ctx.t, data.values, data.previous, { lang: ctx.lang, year, noUnchanged: !!data.report?.consolidated });
  if (ctx.cells) {
    const cells = ctx.cells;
    for (const f of found) {
      const out: string[] = [];
      for (const c of f.indicators) {
        const a = cellOf(cells, "values." + c);
        if (a) out.push(a);
        if (f.rule === "yoy.swing") {
          const b = cellOf(cells, "previous." + c);
          if (b) out.push(b);
        }
      }
      if (out.length) f.cells = out;
    }
  }
  return found;
}
