/**
 * qcdc-2021 behaves as before the template became a file: the same findings (full check
 * JSON, both languages), summary, report text, draft check and workbook plan on the
 * fixtures and on ~170 variants of the example. The "before" was written from the code of
 * main before the refactor (test/templates/qcdc-broad.ts).
 */
import * as fs from "fs";
import { broadPicture, BEFORE_FILE } from "./qcdc-broad";

const before = JSON.parse(fs.readFileSync(BEFORE_FILE, "utf8")) as Record<string, unknown>;
const now = broadPicture();

test("the same reports are compared", () => {
  expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
  expect(Object.keys(now).length).toBeGreaterThan(150);
});

test.each(Object.keys(before))("%s: the same as before", (name) => {
  expect(now[name]).toEqual(before[name]);
});
