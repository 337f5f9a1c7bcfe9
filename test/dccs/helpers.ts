import * as fs from "fs";
import * as path from "path";
import type { ReportData } from "../../src/core/types";

export const EXAMPLE_PATH = path.join(__dirname, "../../examples/xa-tan-lap-2026.json");
export const exampleRaw = JSON.parse(fs.readFileSync(EXAMPLE_PATH, "utf8"));

/** A copy of the dccs-2025 worked example (xã Tân Lập, 2026). */
export function example(): ReportData {
  return JSON.parse(JSON.stringify(exampleRaw));
}

/** The example with its four findings corrected: no finding at all. */
export function clean(): ReportData {
  const d = example();
  Object.assign(d.values, { dvc_ty_le_toan_trinh: "48,3%", bqd_thong_qua: 5, ttnd_thanh_vien: 5 });
  return d;
}
