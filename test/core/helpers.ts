import * as fs from "fs";
import * as path from "path";
import type { ReportData } from "../../src/core/types";
import { normalizeReport } from "../../src/core/normalize";

export const exampleRaw = JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/son-la-skhcn-2021.json"), "utf8"));

/** A copy of the example. */
export function example(): ReportData {
  return JSON.parse(JSON.stringify(exampleRaw));
}

/** The example with every figure consistent: no finding at all. */
export function clean(): ReportData {
  const d = example();
  Object.assign(d.values, {
    tt_hoi_nghi: "04",
    cchc_dvc_tong: 45,
    dth_tong: "01",
    dth_chinh_quyen: "01",
  });
  d.registers.doi_thoai = [{ plan: "50/KH-SKHCN", date: "2021-06-11", chair: "chinh_quyen", held: true, title: "Đối thoại" }];
  // The agency written one way, as the report's own symbol writes it (no lint.agency-abbr).
  for (const r of d.registers.van_ban as { symbol: string }[]) r.symbol = r.symbol.replace("/KH-KHCN", "/KH-SKHCN");
  return d;
}

export function normalized(d: ReportData): ReportData {
  return normalizeReport(d);
}
