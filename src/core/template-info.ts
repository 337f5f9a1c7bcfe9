/**
 * What a template says about one indicator, with the product's defaults where the template
 * is silent. Every part that needs an indicator's aggregation, its parts, or its
 * year-on-year threshold asks here, so the defaults live in one place.
 */
import type { Aggregation, IndicatorDef, ReportListDef, RuleDef, TemplateDef, YoyThreshold } from "./types";

/** The product's year-on-year default: ±50 % and a change of at least 3 (points for a percent). */
export const DEFAULT_YOY: Required<YoyThreshold> = { relative: 50, absolute: 3 };

export function indicatorDef(t: TemplateDef, code: string): IndicatorDef | undefined {
  return t.indicators.find((i) => i.code === code);
}

/** The ratio rule whose ratio is this indicator, if any. */
export function ratioRuleOf(t: TemplateDef, code: string): Extract<RuleDef, { kind: "ratio" }> | undefined {
  return t.rules.find((r): r is Extract<RuleDef, { kind: "ratio" }> => r.kind === "ratio" && r.ratio === code);
}

/**
 * How consolidation combines the units' values: the template's word, else a count or money
 * is summed, a percent that is the ratio of a rule is recomputed from the summed numerator
 * and denominator, a yes/no counts the "Có" answers, anything else is not combined.
 */
export function aggregationOf(t: TemplateDef, code: string): Aggregation {
  const d = indicatorDef(t, code);
  if (!d) return "none";
  if (d.aggregation) return d.aggregation;
  switch (d.kind as string) {
    case "count":
    case "money":
      return "sum";
    case "percent":
      return ratioRuleOf(t, code) ? "ratio" : "none";
    case "yesno":
      return "count-yes";
    default:
      return "none";
  }
}

/** The indicators declared part of this total, in template order. */
export function partsOf(t: TemplateDef, total: string): string[] {
  return t.indicators.filter((i) => i.partOf === total).map((i) => i.code);
}

/**
 * Whether a total's parts cover it exactly (they must add up to it) or may overlap (each is
 * at most the total). The template's word, else: exactly when a `sum` rule has this total.
 */
export function partsExhaustive(t: TemplateDef, total: string): boolean {
  const d = indicatorDef(t, total);
  if (d && typeof d.partsExhaustive === "boolean") return d.partsExhaustive;
  return t.rules.some((r) => r.kind === "sum" && r.total === total);
}

/** The year-on-year threshold of one indicator: its own, then the template's, then the product's. */
export function yoyThreshold(t: TemplateDef, code: string): Required<YoyThreshold> {
  const own = indicatorDef(t, code)?.yoy ?? {};
  const tpl = t.yoy ?? {};
  return {
    relative: own.relative ?? tpl.relative ?? DEFAULT_YOY.relative,
    absolute: own.absolute ?? tpl.absolute ?? DEFAULT_YOY.absolute,
  };
}

/** Whether a group applies at a level (every level when the template does not say). */
export function groupApplies(t: TemplateDef, group: number, level: string | undefined): boolean {
  const g = t.groups.find((x) => x.id === group);
  if (!g || !g.levels || g.levels.length === 0 || !level) return true;
  return g.levels.includes(level);
}

/**
 * How the report lists the registers: the template's `lists`, else every register by its
 * filled columns, placeholder "ds_<id>", intro "Danh sách <row noun>:".
 */
export function reportLists(t: TemplateDef): ReportListDef[] {
  return t.lists ?? t.registers.map((r) => ({ register: r.id, placeholder: "ds_" + r.id, intro: "Danh sách " + r.rowNoun.vi + ":", style: "fields" as const }));
}

/**
 * The groups that are not applicable to one report: with `blankGroupsNotApplicable`, the
 * groups whose indicators are all blank (`isBlank`). Empty when the template does not say so.
 */
export function notApplicableGroups(t: TemplateDef, isBlank: (code: string) => boolean): Set<number> {
  const out = new Set<number>();
  if (!t.blankGroupsNotApplicable) return out;
  for (const g of t.groups) {
    let any = false;
    let all = true;
    for (const i of t.indicators) {
      if (i.group !== g.id) continue;
      any = true;
      if (!isBlank(i.code)) {
        all = false;
        break;
      }
    }
    if (any && all) out.add(g.id);
  }
  return out;
}

/** The group of an indicator (undefined for a code the template lacks). */
export function groupOf(t: TemplateDef, code: string): number | undefined {
  return indicatorDef(t, code)?.group;
}
