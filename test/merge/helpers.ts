import type { RawValue, ReportData } from "../../src/core/types";
import { normalizeReport } from "../../src/core/normalize";
import { clean } from "../core/helpers";
import type { UnitInput } from "../../src/core/merge/merge";

/**
 * A commune's report of qcdc-2021: the example made consistent, with its registers emptied
 * (a unit need not keep them), named `agency`, with these values over the example's.
 */
export function unit(agency: string, values: Record<string, RawValue> = {}, report: Record<string, unknown> = {}): ReportData {
  const d = clean();
  d.report = { ...d.report, agency, level: "xa", date: "2021-11-20", ...report };
  d.registers = {};
  Object.assign(d.values, values);
  return normalizeReport(d);
}

export function input(file: string, data: ReportData): UnitInput {
  return { file, data };
}
