/** Reading Excel number formats: the one place that says how many decimals a percent format shows. */

/**
 * Number of decimals a percent number format shows ("0.0%" → 1, "0%" → 0, "#,##0.00%" → 2);
 * undefined when it is not a percent format. Only the format of positive numbers counts;
 * quoted text, [colour]/[condition] sections and escaped characters are ignored; a "," is
 * Excel's thousands separator, never a decimal point.
 */
export function percentDecimals(format: string | undefined | null): number | undefined {
  if (!format) return undefined;
  const first = format.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  if (first.indexOf("%") < 0) return undefined;
  const m = /\.([0#?]+)/.exec(first);
  return m ? m[1].length : 0;
}
