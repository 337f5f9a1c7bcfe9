/** A real check of the worked example, as the view gets it from src/excel/live.ts. */
import type { CheckRun } from "../../src/excel/live";
import type { Finding } from "../../src/core/types";
import { readWorkbook } from "../../src/core/sheet-read";
import { check } from "../../src/core/engine";
import { makeBook } from "../status/helpers";
import { snapshotOf } from "../status/plan-sheet";
import { qcdc2021 } from "../../src/core/templates/qcdc-2021";
import * as fs from "fs";
import * as path from "path";
import type { ReportData } from "../../src/core/types";

function example(): ReportData {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/son-la-skhcn-2021.json"), "utf8"));
}

export function exampleRun(edit?: (values: Record<string, unknown>) => void, extra: Finding[] = [], lang: "vi" | "en" = "vi"): CheckRun {
  const data = example();
  edit?.(data.values as Record<string, unknown>);
  const b = makeBook(qcdc2021, data);
  const read = readWorkbook(snapshotOf(b));
  const result = check(read.data, { lang, cells: read.cells, structural: [...read.findings, ...extra] });
  return { result, read, ownSheets: ["Phụ lục", "Văn bản", "_phuluc"], readStats: { syncs: 2, chunks: 0, cells: 100, bytes: 1000 }, ms: 12 };
}
