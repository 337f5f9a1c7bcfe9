/** A mock Excel workbook holding what `planWorkbook` writes (formulas computed by the test evaluator). */
import * as fs from "fs";
import * as path from "path";
import type { ReportData } from "../../src/core/types";
import { qcdc2021 } from "../../src/core/templates/qcdc-2021";
import { planWorkbook } from "../../src/core/sheet-plan";
import { statusHook } from "../../src/core/status-formulas";
import { layOut, snapshotOf } from "../status/plan-sheet";
import { mockBook, type CellValue, type MockBook } from "./mock-excel";

export function example(): ReportData {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/son-la-skhcn-2021.json"), "utf8"));
}

/** The worked example (or `data`) as a mock workbook, plus a user's own sheet. */
export function bookOf(data: ReportData | undefined = example(), opts: { userSheet?: boolean; registerRows?: number; payloadLimit?: number } = {}): MockBook {
  const d = data ? JSON.parse(JSON.stringify(data)) : undefined;
  if (d && opts.registerRows) {
    const rows = [];
    for (let i = 0; i < opts.registerRows; i++)
      rows.push({ symbol: `${100 + i}/KH-SKHCN`, date: "2021-03-15", type: "Kế hoạch", title: "Thực hiện dân chủ trong hoạt động của cơ quan năm 2021, văn bản số " + i });
    d.registers.van_ban = rows;
    d.values.vb_tong = rows.length;
    d.values.vb_cap_uy = 0;
    d.values.vb_chinh_quyen = rows.length;
  }
  const plan = planWorkbook(qcdc2021, d, { statusFormulas: statusHook });
  const snap = snapshotOf(layOut(plan));
  const init: { name: string; rows: CellValue[][] }[] = snap.sheets.map((s) => ({
    name: s.name,
    rows: s.rows.map((r) => r.map((c) => (c ? (c.v as CellValue) : null))),
  }));
  if (opts.userSheet !== false) init.unshift({ name: "Sheet của tôi", rows: [["Ghi chú riêng", 42], [null, "E14 của tôi"]] });
  const book = mockBook(init, { payloadLimit: opts.payloadLimit });
  // The percent formats matter to the reader: give the value cells their formats.
  for (const s of snap.sheets) {
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c && c.format) {
          const sheet = book.sheets.find((x) => x.name === s.name)!;
          const cell = sheet.cells.get(r + "," + col) ?? { v: null };
          cell.format = c.format;
          sheet.cells.set(r + "," + col, cell);
        }
      }),
    );
  }
  return book;
}
