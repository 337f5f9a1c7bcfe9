/** Consolidation on the second built-in template, dccs-2025 (two tiers, yes/no indicators, the Law's period). */
import * as fs from "fs";
import * as path from "path";
import { mergeReports } from "../../src/core/merge/merge";
import { check } from "../../src/core/engine";
import { normalizeReport } from "../../src/core/normalize";
import type { ReportData } from "../../src/core/types";

const raw = JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/xa-tan-lap-2026.json"), "utf8"));

function commune(agency: string, values: Record<string, unknown> = {}): ReportData {
  const d = JSON.parse(JSON.stringify(raw));
  d.report.agency = agency;
  Object.assign(d.values, values);
  return normalizeReport(d);
}

test("dccs-2025: communes consolidated for the province, yes/no counted, the period kept, the result checks clean of per-unit rules", () => {
  const r = mergeReports(
    [
      { file: "a.json", data: commune("UBND xã Tân Lập") },
      { file: "b.json", data: commune("UBND xã Chiềng Mai", { xa_quy_che: "Không" }) },
      { file: "c.json", data: commune("UBND phường Tô Hiệu", { xa_quy_che: null }) },
    ],
    { receiving: { agency: "UBND tỉnh Sơn La", level: "tinh" } },
  );
  expect(r.template).toBe("dccs-2025");
  expect(r.rejected).toEqual([]);
  expect(r.data.report.period).toEqual({ from: "2025-12-15", to: "2026-12-14" });
  expect(r.data.values.xa_quy_che).toBe(1);
  expect(r.data.consolidation!.xa_quy_che).toEqual({ reported: 2, expected: 3, yes: 1, answered: 2 });
  expect(r.units.find((u) => u.file === "c.json")!.missing).toContain("xa_quy_che");
  const vb = r.units.reduce((s, u) => s + (typeof u.data.values.vb_tong === "number" ? u.data.values.vb_tong : 0), 0);
  expect(r.data.values.vb_tong).toBe(vb);
  const res = check(r.data);
  expect(res.findings.filter((f) => f.rule.endsWith(".register"))).toEqual([]);
});
