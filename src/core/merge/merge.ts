/**
 * Consolidation: many units' reports of one template into the receiving body's report.
 *
 * Each unit is checked on its own first (its findings are listed, consolidation goes on).
 * Then, per indicator, by its aggregation (template-info.ts): counts and money are summed,
 * a percent is recomputed from the summed numerator and denominator of its ratio rule
 * (never averaged), a yes/no becomes the count of units that answered "Có" out of those
 * that answered. A blank is never a 0: each figure says how many units gave it, and each
 * unit lists the codes it left blank. Registers are concatenated, each row naming its unit.
 * Refused, with a code and a reason: an unreadable input, another template, another period,
 * the same unit twice (the latest report kept), a level that cannot send to this body.
 * Pure: no Node, no DOM.
 */
import type { CellMap, ConsolidationEntry, Finding, Lang, RawValue, RegisterRow, ReportData, ReportInfo, TemplateDef, Text } from "../types";
import { check } from "../engine";
import { getTemplate } from "../templates/index";
import { aggregationOf, groupApplies, ratioRuleOf } from "../template-info";
import { readValue } from "../values";
import { formatPercent, roundTo } from "../vn";
import { compareYears } from "../rules/yoy";
import { agencyKey, foldVi } from "./agency";

/** One input as read: its data, or why it could not be read. */
export interface UnitInput {
  /** The file's name as the user gave it (messages name it). */
  file: string;
  data?: ReportData;
  /** Why the file could not be read (absent when `data` is there). */
  unreadable?: Text;
  /** For a workbook: where each datum is, and the workbook.* findings of its structure. */
  cells?: CellMap;
  structural?: Finding[];
}

export interface MergeOptions {
  /** Template id; by default the one most inputs use. */
  template?: string;
  /** The receiving body's report details (agency, level, signer, year, period …). */
  receiving?: ReportInfo;
  /** The agency names of the units expected to report (`--units`). */
  expected?: string[];
  lang?: Lang;
}

export type RejectCode = "unreadable" | "template" | "period" | "duplicate" | "level";

export interface Rejection {
  file: string;
  code: RejectCode;
  reason: string;
  agency?: string;
}

export interface UnitResult {
  file: string;
  agency: string;
  level?: string;
  errors: number;
  warnings: number;
  /** Codes of the indicators this unit left blank. */
  missing: string[];
  /** The unit's own findings (its check). */
  findings: Finding[];
  /** The unit's data (its values feed the "Đơn vị" sheet). */
  data: ReportData;
}

export interface MergeResult {
  template: string;
  /** The consolidated report, in the data format (`report.consolidated: true`, `consolidation`). */
  data: ReportData;
  units: UnitResult[];
  rejected: Rejection[];
  /** Other things the user should know (a duplicate kept, a unit not on the expected list …). */
  warnings: string[];
  coverage: Record<string, { reported: number; expected: number }>;
  /** Expected units that sent no report (with `expected`). */
  missingUnits: string[];
  /** Merged units that are not on the expected list (with `expected`). */
  unlisted: string[];
  /** Decimals each recomputed percent is rounded to. */
  percentDecimals: Record<string, number>;
  /**
   * Year on year on the totals (`yoy.swing`), like for like: each indicator's sums over the
   * units that gave it both years. Each unit's own comparison is among its findings.
   */
  yoy: Finding[];
}

const YES = new Set(["co", "yes", "true", "x", "da co", "1"]);
const NO = new Set(["khong", "no", "false", "chua", "chua co", "0", "khong co"]);

/** A yes/no as typed: true ("Có"), false ("Không", "Chưa"), null (blank), undefined (unreadable). */
export function readYesNo(raw: RawValue): boolean | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "boolean") return raw;
  // A normaliser that does not know the kind yet reads "Không" as the count 0.
  if (raw === 0) return false;
  if (typeof raw !== "string") return undefined;
  const s = foldVi(raw).replace(/[.\s]+/g, " ").trim();
  if (s === "" || s === "-") return null;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return undefined;
}

/** The report's data cut-off window: its `period`, else its year; undefined when it says neither. */
export function periodOf(info: ReportInfo | undefined): { from: string; to: string } | undefined {
  if (!info) return undefined;
  const p = info.period as unknown;
  if (p && typeof p === "object") {
    const o = p as { from?: unknown; to?: unknown };
    if (typeof o.from === "string" && typeof o.to === "string") return { from: o.from.trim(), to: o.to.trim() };
  }
  if (typeof info.year === "number") return { from: info.year + "-01-01", to: info.year + "-12-31" };
  return undefined;
}

function periodText(p: { from: string; to: string }): string {
  const y = /^(\d{4})-01-01$/.exec(p.from);
  if (y && p.to === y[1] + "-12-31") return "năm " + y[1];
  return p.from + " – " + p.to;
}

function periodTextEn(p: { from: string; to: string }): string {
  const y = /^(\d{4})-01-01$/.exec(p.from);
  if (y && p.to === y[1] + "-12-31") return "the year " + y[1];
  return p.from + " – " + p.to;
}

function mostCommon(items: string[]): string | undefined {
  const n = new Map<string, number>();
  let best: string | undefined;
  let bestN = 0;
  for (const x of items) {
    const c = (n.get(x) ?? 0) + 1;
    n.set(x, c);
    if (c > bestN) {
      best = x;
      bestN = c;
    }
  }
  return best;
}

type Kind = string;

/** Whether a unit gave a figure for this indicator (a blank or an unreadable value is not one). */
function gave(raw: RawValue, kind: Kind): boolean {
  if (kind === "yesno") {
    const y = readYesNo(raw);
    return y === true || y === false;
  }
  const r = readValue(raw, kind as "count");
  return r.status === "number" || r.status === "na";
}

function isBlank(raw: RawValue, kind: Kind): boolean {
  if (kind === "yesno") return readYesNo(raw) === null;
  return readValue(raw, kind as "count").status === "blank";
}

/** The number a unit gave for a summed indicator, if it gave one. */
function numberGiven(raw: RawValue, kind: Kind): number | undefined {
  const r = readValue(raw, kind as "count");
  return r.status === "number" ? r.value : undefined;
}

/** Merge the units' reports. Pure; the caller reads the files. */
export function mergeReports(inputs: UnitInput[], opts: MergeOptions = {}): MergeResult {
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  const rejected: Rejection[] = [];
  const warnings: string[] = [];

  const readable = inputs.filter((u) => u.data);
  for (const u of inputs) {
    if (!u.data) rejected.push({ file: u.file, code: "unreadable", reason: u.unreadable ? u.unreadable[lang] : L("Không đọc được tệp.", "The file cannot be read.") });
  }

  const templateId = opts.template ?? mostCommon(readable.map((u) => u.data!.template)) ?? "";
  const t: TemplateDef | undefined = getTemplate(templateId);
  if (!t) throw new Error("unknown template " + templateId);

  const receiving: ReportInfo = { ...(opts.receiving ?? {}) };
  const levelIds = t.levels.map((l) => l.id);
  const levelLabel = (id: string) => t.levels.find((l) => l.id === id)?.label[lang] ?? id;
  const recvLevel = receiving.level && levelIds.includes(receiving.level) ? receiving.level : levelIds[0];

  // Template, period, level.
  const sameTemplate = readable.filter((u) => {
    if (u.data!.template === t.id) return true;
    rejected.push({
      file: u.file,
      code: "template",
      agency: u.data!.report.agency,
      reason: L(`Báo cáo theo mẫu "${u.data!.template}", không phải mẫu "${t.id}" đang tổng hợp.`, `The report uses template "${u.data!.template}", not "${t.id}" being consolidated.`),
    });
    return false;
  });
  const period =
    periodOf(receiving) ??
    (() => {
      const key = mostCommon(sameTemplate.map((u) => periodOf(u.data!.report)).filter((p): p is { from: string; to: string } => !!p).map((p) => p.from + "/" + p.to));
      if (!key) return undefined;
      const [from, to] = key.split("/");
      return { from, to };
    })();
  const candidates = sameTemplate.filter((u) => {
    const info = u.data!.report;
    const p = periodOf(info);
    if (period && p && (p.from !== period.from || p.to !== period.to)) {
      rejected.push({
        file: u.file,
        code: "period",
        agency: info.agency,
        reason: L(`Kỳ báo cáo ${periodText(p)}, khác kỳ tổng hợp ${periodText(period)}.`, `Reporting period ${periodTextEn(p)}, not the period consolidated, ${periodTextEn(period)}.`),
      });
      return false;
    }
    const lv = info.level;
    if (lv !== undefined && lv !== "") {
      const i = levelIds.indexOf(lv);
      if (i < 0 || i < levelIds.indexOf(recvLevel)) {
        rejected.push({
          file: u.file,
          code: "level",
          agency: info.agency,
          reason:
            i < 0
              ? L(`Cấp "${lv}" không phải một cấp của mẫu ${t.id}; báo cáo không gửi lên ${levelLabel(recvLevel).toLowerCase()} được.`, `Level "${lv}" is not a level of template ${t.id}; it cannot report to the ${levelLabel(recvLevel).toLowerCase()}.`)
              : L(`${levelLabel(lv)} không gửi báo cáo lên ${levelLabel(recvLevel).toLowerCase()}.`, `The ${levelLabel(lv).toLowerCase()} does not report to the ${levelLabel(recvLevel).toLowerCase()}.`),
        });
        return false;
      }
    }
    return true;
  });

  // The same unit twice: the latest report date is kept.
  const byKey = new Map<string, UnitInput>();
  const order: string[] = [];
  for (const u of candidates) {
    const agency = (u.data!.report.agency ?? "").trim();
    const key = agency ? agencyKey(agency) : "\u0000" + u.file;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, u);
      order.push(key);
      continue;
    }
    const dPrev = prev.data!.report.date ?? "";
    const dNew = u.data!.report.date ?? "";
    const keepNew = dNew > dPrev;
    const kept = keepNew ? u : prev;
    const dropped = keepNew ? prev : u;
    if (keepNew) byKey.set(key, u);
    rejected.push({
      file: dropped.file,
      code: "duplicate",
      agency,
      reason: L(
        `Trùng đơn vị "${agency}" với tệp "${kept.file}"; giữ báo cáo ngày mới hơn (${kept.data!.report.date ?? "không ghi ngày"}).`,
        `Same unit "${agency}" as "${kept.file}"; the later report (${kept.data!.report.date ?? "undated"}) is kept.`,
      ),
    });
    warnings.push(
      L(
        `Đơn vị "${agency}" có hai báo cáo: "${prev.file}" và "${u.file}"; dùng "${kept.file}" (ngày báo cáo mới hơn).`,
        `Unit "${agency}" sent two reports: "${prev.file}" and "${u.file}"; "${kept.file}" (the later) is used.`,
      ),
    );
  }
  const merged = order.map((k) => byKey.get(k)!);

  // Each unit checked on its own.
  const units: UnitResult[] = merged.map((u) => {
    const data = u.data!;
    const res = check(data, { lang, cells: u.cells, structural: u.structural });
    const missing: string[] = [];
    for (const d of t.indicators) {
      if (aggregationOf(t, d.code) === "none") continue;
      if (!groupApplies(t, d.group, data.report.level)) continue;
      if (isBlank(data.values[d.code], d.kind)) missing.push(d.code);
    }
    const r: UnitResult = {
      file: u.file,
      agency: data.report.agency ?? "",
      errors: res.summary.errors,
      warnings: res.summary.warnings,
      missing,
      findings: res.findings,
      data,
    };
    if (data.report.level) r.level = data.report.level;
    return r;
  });

  // Expected units.
  let missingUnits: string[] = [];
  let unlisted: string[] = [];
  if (opts.expected) {
    const have = new Set(units.map((u) => agencyKey(u.agency)));
    const want = new Map<string, string>();
    for (const n of opts.expected) if (n.trim() && !want.has(agencyKey(n))) want.set(agencyKey(n), n.trim());
    missingUnits = [...want.entries()].filter(([k]) => !have.has(k)).map(([, n]) => n);
    unlisted = units.filter((u) => !want.has(agencyKey(u.agency))).map((u) => u.agency || u.file);
    for (const n of unlisted) warnings.push(L(`Đơn vị "${n}" không có trong danh sách đơn vị phải báo cáo; vẫn tổng hợp.`, `Unit "${n}" is not on the list of expected units; consolidated all the same.`));
  }
  const expected = opts.expected ? Math.max(new Set(opts.expected.filter((n) => n.trim()).map(agencyKey)).size, 0) : units.length;

  // Values.
  const values: Record<string, RawValue> = {};
  const consolidation: Record<string, ConsolidationEntry> = {};
  const coverage: Record<string, { reported: number; expected: number }> = {};
  const percentDecimals: Record<string, number> = {};
  const sums = new Map<string, number | null>();
  for (const d of t.indicators) {
    const agg = aggregationOf(t, d.code);
    let reported = 0;
    for (const u of units) if (gave(u.data.values[d.code], d.kind)) reported++;
    const entry: ConsolidationEntry = { reported, expected };
    if (agg === "sum") {
      let s = 0;
      let n = 0;
      for (const u of units) {
        const x = numberGiven(u.data.values[d.code], d.kind);
        if (x !== undefined) {
          s += x;
          n++;
        }
      }
      const v = n ? (Number.isInteger(s) ? s : roundTo(s, 6)) : null;
      values[d.code] = v;
      sums.set(d.code, v);
    } else if (agg === "count-yes") {
      let yes = 0;
      let answered = 0;
      for (const u of units) {
        const y = readYesNo(u.data.values[d.code]);
        if (y === true || y === false) answered++;
        if (y === true) yes++;
      }
      entry.yes = yes;
      entry.answered = answered;
      values[d.code] = answered ? yes : null;
    } else {
      values[d.code] = null;
    }
    consolidation[d.code] = entry;
    coverage[d.code] = { reported, expected };
  }
  // Ratios, from the summed numerator and denominator.
  for (const d of t.indicators) {
    if (aggregationOf(t, d.code) !== "ratio") continue;
    const rule = ratioRuleOf(t, d.code);
    if (!rule) continue;
    let dec = -1;
    for (const u of units) {
      const r = readValue(u.data.values[d.code], "percent");
      if (r.status === "number") dec = Math.max(dec, r.decimals);
    }
    dec = dec < 0 ? 1 : Math.min(dec, 2);
    percentDecimals[d.code] = dec;
    const num = rule.numerator.map((c) => sums.get(c) ?? values[c]);
    const den = sums.get(rule.denominator) ?? values[rule.denominator];
    if (num.some((x) => typeof x !== "number") || typeof den !== "number") values[d.code] = null;
    else if (den === 0) values[d.code] = "Không có";
    else values[d.code] = formatPercent(roundTo(((num as number[]).reduce((a, b) => a + b, 0) / den) * 100, dec), dec);
    // A ratio counts the units that gave both its numerator and its denominator.
    let both = 0;
    for (const u of units) {
      const v = u.data.values;
      if (typeof numberGiven(v[rule.denominator], "count") === "number" && rule.numerator.every((c) => numberGiven(v[c], "count") !== undefined)) both++;
    }
    consolidation[d.code] = { reported: both, expected };
    coverage[d.code] = { reported: both, expected };
  }

  // Registers, concatenated, each row naming its unit.
  const registers: Record<string, RegisterRow[]> = {};
  for (const reg of t.registers) {
    const rows: RegisterRow[] = [];
    for (const u of units) for (const row of u.data.registers[reg.id] ?? []) rows.push({ ...row, don_vi: u.agency || u.file });
    registers[reg.id] = rows;
  }

  const report: ReportInfo = { ...receiving, level: recvLevel, consolidated: true };
  if (period) {
    report.period = period;
    if (report.year === undefined) {
      const y = /^(\d{4})/.exec(period.to);
      if (y) report.year = +y[1];
    }
  }
  const data: ReportData = { template: t.id, report, values, registers, consolidation };

  // Last year's figures: summed (ratios recomputed) where units gave them; totals compared like for like.
  const previous: Record<string, RawValue> = {};
  const likeCur: Record<string, RawValue> = {};
  const likePrev: Record<string, RawValue> = {};
  let anyPrevious = false;
  for (const d of t.indicators) {
    if (aggregationOf(t, d.code) !== "sum") continue;
    let p = 0;
    let np = 0;
    let c2 = 0;
    let p2 = 0;
    let n2 = 0;
    for (const u of units) {
      const pv = numberGiven(u.data.previous?.[d.code], d.kind);
      const cv = numberGiven(u.data.values[d.code], d.kind);
      if (pv !== undefined) {
        p += pv;
        np++;
      }
      if (pv !== undefined && cv !== undefined) {
        c2 += cv;
        p2 += pv;
        n2++;
      }
    }
    if (np) {
      previous[d.code] = p;
      anyPrevious = true;
    }
    if (n2) {
      likeCur[d.code] = c2;
      likePrev[d.code] = p2;
    }
  }
  for (const d of t.indicators) {
    if (aggregationOf(t, d.code) !== "ratio") continue;
    const rule = ratioRuleOf(t, d.code);
    const dec = percentDecimals[d.code] ?? 1;
    if (!rule) continue;
    for (const cur of [previous, likeCur, likePrev]) {
      const num = rule.numerator.map((c) => cur[c]);
      const den = cur[rule.denominator];
      if (num.every((x) => typeof x === "number") && typeof den === "number" && den > 0) {
        cur[d.code] = formatPercent(roundTo(((num as number[]).reduce((a, b) => a + b, 0) / den) * 100, dec), dec);
      }
    }
  }
  if (anyPrevious) data.previous = previous;
  const yoy = compareYears(t, likeCur, likePrev, { lang, year: report.year, noUnchanged: true, unit: lang === "en" ? "Total" : "Tổng hợp" });
  return { template: t.id, data, units, rejected, warnings, coverage, missingUnits, unlisted, percentDecimals, yoy };
}

export { coverageLine } from "./coverage";
