/** How many units a consolidated report was made from. Pure. */
import type { Lang, ReportData } from "../types";

/**
 * The line a consolidated report prints: "Tổng hợp từ 212/244 đơn vị" (units that sent a
 * report out of those expected); undefined for a unit's own report.
 */
export function coverageLine(data: ReportData, lang: Lang = "vi"): string | undefined {
  if (!data.report || !data.report.consolidated) return undefined;
  let units = 0;
  let expected = 0;
  for (const e of Object.values(data.consolidation ?? {})) {
    units = Math.max(units, e.reported, e.answered ?? 0);
    expected = Math.max(expected, e.expected);
  }
  if (!expected) return undefined;
  return lang === "en" ? `Consolidated from ${units}/${expected} units` : `Tổng hợp từ ${units}/${expected} đơn vị`;
}
