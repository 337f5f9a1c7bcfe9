/**
 * Fuzz (fast-check) over JSON reports and workbook cells, through `main(argv, io)` in this
 * process: whatever the input, no internal error, exit code 0, 1 or 2 only, the input file
 * unchanged; and a report the checker accepts makes a workbook (`init --data`) that reads
 * back. Seeded: the seed is printed; PHULUC_FUZZ_SEED=… replays a run. A seed that fails
 * is a bug to fix, not a seed to change.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { cleanupFolders, example, expectNoInternalError, folder, hashes, run } from "./helpers";

afterAll(cleanupFolders);

const SEED = Number(process.env.PHULUC_FUZZ_SEED ?? 20261129);
// eslint-disable-next-line no-console
console.log(`fuzz seed: ${SEED} (replay: PHULUC_FUZZ_SEED=${SEED})`);

const base = example();
const CODES = Object.keys(base.values);

/** Text a careless or hostile user may type or paste. */
const nasty = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000b",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udfff",
  "\ufdd0",
  "\u001b[31m",
  "\u001b]0;x\u0007",
  "\u009b2J",
  "\u202e",
  "\r",
  "__proto__",
  "constructor",
  "2021-02-30",
  "2021-13-45",
  "30/02/2021",
  "1e309",
  "-0",
  "Không có",
  "88,9%",
  "1.234.567",
  "=1+1",
  "{tom_tat}",
  "{",
  "%",
  "Ð",
  "ủy",
  "  ",
  "\n\n\n",
);
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.array(fc.oneof(nasty, fc.string({ maxLength: 5 })), { maxLength: 6 }).map((a) => a.join("")),
);
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
const key = fc.oneof(fc.constantFrom(...CODES), text, fc.constantFrom("__proto__", "constructor", "Values", "vb_tong ", "VB_TONG"));

/** The worked example with random parts replaced. */
const report = fc
  .record(
    {
      values: fc.dictionary(key, value, { maxKeys: 8 }),
      report: fc.dictionary(fc.constantFrom("date", "year", "level", "title", "agency", "number", "symbol", "recipients", "place", "x"), value, { maxKeys: 4 }),
      row: fc.dictionary(fc.constantFrom("symbol", "date", "type", "title", "issuer", "held", "chair", "form"), value, { maxKeys: 4 }),
      register: fc.constantFrom("van_ban", "kiem_tra", "hoi_nghi", "doi_thoai", "khac"),
      sections: fc.option(fc.array(fc.record({ heading: text, text }), { maxLength: 2 }), { nil: undefined }),
      rules: fc.option(fc.array(fc.record({ id: text, expression: text, severity: text }), { maxLength: 2 }), { nil: undefined }),
      top: fc.dictionary(fc.constantFrom("previous", "overrides", "rules", "sections", "registers", "x"), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 1 }),
    },
    { requiredKeys: ["values", "report", "row", "register"] },
  )
  .map((r) => {
    const d = JSON.parse(JSON.stringify(base));
    for (const [k, v] of Object.entries(r.values)) Object.defineProperty(d.values, k, { value: v, enumerable: true, writable: true, configurable: true });
    for (const [k, v] of Object.entries(r.report)) d.report[k] = v;
    (d.registers[r.register] ??= []).push(r.row);
    if (r.sections) d.sections = r.sections;
    if (r.rules) d.rules = r.rules;
    for (const [k, v] of Object.entries(r.top ?? {})) d[k] = v;
    return JSON.stringify(d);
  });

let counter = 0;

describe("fuzz: JSON reports", () => {
  test("check, export, report: exit 0/1/2, no internal error, the input unchanged; accepted data makes a workbook that reads back", async () => {
    const dir = folder();
    await fc.assert(
      fc.asyncProperty(report, fc.boolean(), async (jsonText, deeper) => {
        const n = ++counter;
        const f = `r${n}.json`;
        fs.writeFileSync(path.join(dir, f), jsonText);
        const before = hashes(dir)[f];
        const c = await run(dir, ["check", f, "--json"]);
        expectNoInternalError(c);
        if (c.code === 2) expect(c.err).toMatch(/^phuluc: /);
        else expect(() => JSON.parse(c.out)).not.toThrow();
        const e = await run(dir, ["export", f]);
        expectNoInternalError(e);
        if (deeper && c.code !== 2) {
          const r = await run(dir, ["report", f, "-o", `r${n}.txt`]);
          expectNoInternalError(r);
          expect(r.code).toBe(0);
          const i = await run(dir, ["init", `w${n}.xlsx`, "--data", f]);
          expectNoInternalError(i);
          // Refused only for text longer than a cell holds; otherwise the workbook reads back.
          if (i.code === 2) expect(i.err).toContain("32767");
          else {
            const back = await run(dir, ["check", `w${n}.xlsx`]);
            expectNoInternalError(back);
            expect([0, 1]).toContain(back.code);
          }
        }
        expect(hashes(dir)[f]).toBe(before);
      }),
      { numRuns: 60, seed: SEED },
    );
  }, 300000);
});

/** A cell value exceljs can write. */
const cell = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date(Date.UTC(1900, 0, 2)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc.constantFrom({ formula: "1/0" }, { formula: "SUM(E10:E11)", result: 7 }, { richText: [{ text: "Không " }, { text: "có" }] }, { error: "#N/A" }),
);

describe("fuzz: workbook cells", () => {
  let book: Buffer;
  beforeAll(async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, "a.json"), JSON.stringify(base));
    expect((await run(dir, ["init", "w.xlsx", "--data", "a.json"])).code).toBe(0);
    book = fs.readFileSync(path.join(dir, "w.xlsx"));
  });

  test("check and export of a phuluc workbook with random cells: exit 0/1/2, no internal error, the file unchanged", async () => {
    const dir = folder();
    const sheetsOf = ["Phụ lục", "Thông tin", "Văn bản", "Hội nghị", "Quy tắc riêng", "Ngoại lệ", "Nội dung"];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ sheet: fc.constantFrom(...sheetsOf), row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 9 }), v: cell }), { minLength: 1, maxLength: 12 }),
        async (edits) => {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(book as unknown as ExcelJS.Buffer);
          for (const e of edits) {
            const ws = wb.getWorksheet(e.sheet);
            if (!ws) continue;
            ws.getCell(e.row, e.col).value = e.v as ExcelJS.CellValue;
          }
          const f = `c${++counter}.xlsx`;
          await wb.xlsx.writeFile(path.join(dir, f));
          const before = hashes(dir)[f];
          for (const args of [["check", f, "--json"], ["export", f]]) {
            const r = await run(dir, args);
            expectNoInternalError(r);
          }
          expect(hashes(dir)[f]).toBe(before);
        },
      ),
      { numRuns: 40, seed: SEED },
    );
  }, 300000);
});
