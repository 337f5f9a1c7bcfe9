/** How many units a consolidated report was made from. Pure. */
import type { Lang, ReportData } from "../types";

/** How many of the missing units' names the line prints before "và N đơn vị khác". */
export const MISSING_NAMES_SHOWN = 3;

/**
 * The line a consolidated report prints: "Tổng hợp từ 212/244 đơn vị" (units that sent a
 * report out of those expected); undefined for a unit's own report. With the expected units
 * that sent nothing (`missing`, known only where a list of units was given): "…; chưa báo
 * cáo: UBND xã C, UBND xã D, UBND xã E và 29 đơn vị khác" (at most three names).
 */
export function coverageLine(data: ReportData, lang: Lang = "vi", missing: readonly string[] = []): string | undefined {
  if (!data.report || !data.report.consolidated) return undefined;
  let units = 0;
  let expected = 0;
  for (const e of Object.values(data.consolidation ?? {})) {
    units = Math.max(units, e.reported, e.answered ?? 0);
    expected = Math.max(expected, e.expected);
  }
  if (!expected) return undefined;
  const line = lang === "en" ? `Consolidated from ${units}/${expected} units` : `Tổng hợp từ ${units}/${expected} đơn vị`;
  return line + missingPart(missing, lang);
}

/** "; chưa báo cáo: A, B, C và N đơn vị khác" ("" when none is missing). */
export function missingPart(missing: readonly string[], lang: Lang = "vi"): string {
  const names = missing.map((n) => n.trim()).filter(Boolean);
  if (!names.length) return "";
  // "và 1 đơn vị khác" would take as much room as the name: four names are printed whole.
  const shown = names.length <= MISSING_NAMES_SHOWN + 1 ? names : names.slice(0, MISSING_NAMES_SHOWN);
  const rest = names.length - shown.length;
  if (lang === "en") return `; not reported: ${shown.join(", ")}${rest ? ` and ${rest} other unit${rest > 1 ? "s" : ""}` : ""}`;
  return `; chưa báo cáo: ${shown.join(", ")}${rest ? ` và ${rest} đơn vị khác` : ""}`;
}
