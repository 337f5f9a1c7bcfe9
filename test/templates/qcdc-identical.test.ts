/**
 * qcdc-2021 behaves as before the template became a file: the same findings (full check
 * JSON, both languages), summary, report text, draft check and workbook plan on the
 * fixtures and on ~150 variants of the example. The "before" was written from the code of
 * main before the refactor (test/templates/qcdc-broad.ts).
 *
 * Rule families other work added to main since then (register lint, year-on-year swings)
 * only ADD findings: those are set aside before comparing, and the test checks they did not
 * exist before.
 */
import * as fs from "fs";
import type { CheckResult } from "../../src/core/types";
import { broadPicture, BEFORE_FILE } from "./qcdc-broad";

const LATER = ["lint.", "yoy."];
const later = (rule: string) => LATER.some((p) => rule.startsWith(p));

type Entry = { check: CheckResult; checkEn: string[]; [k: string]: unknown };

/** The entry without the findings of later rule families (and the summary counted again). */
function withoutLater(e: Entry): Entry {
  const keep = e.check.findings.map((f) => !later(f.rule));
  const findings = e.check.findings.filter((_f, i) => keep[i]);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    ...e,
    check: { ...e.check, findings, summary: { ...e.check.summary, errors: count("error"), warnings: count("warning"), infos: count("info") } },
    checkEn: e.checkEn.filter((_m, i) => keep[i]),
  };
}

const before = JSON.parse(fs.readFileSync(BEFORE_FILE, "utf8")) as Record<string, Entry>;
const now = broadPicture() as Record<string, Entry>;
const names = Object.keys(before).filter((k) => k !== "emptyPlan");

test("the same reports are compared; none of the later rule families existed before", () => {
  expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
  expect(names.length).toBeGreaterThan(150);
  for (const k of names) expect(before[k].check.findings.filter((f) => later(f.rule))).toEqual([]);
});

test("the empty workbook's plan is the same", () => {
  expect(now.emptyPlan).toEqual(before.emptyPlan);
});

test.each(names)("%s: the same as before", (name) => {
  expect(withoutLater(now[name])).toEqual(before[name]);
});
