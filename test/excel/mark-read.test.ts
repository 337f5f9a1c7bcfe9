/** Reading for a check: 2 syncs up to the payload limit, then the fewest chunks under it. */
import { readBook, planChunks, resetReadHints, DEFAULT_BUDGET, PAYLOAD_LIMIT } from "../../src/excel/read";
import { readWorkbook } from "../../src/core/sheet-read";
import { bookOf } from "./book-from-plan";

beforeEach(() => resetReadHints());

describe("planChunks (pure)", () => {
  test("the fewest syncs, each under the budget; small sheets share a sync", () => {
    const plan = planChunks(
      [
        { name: "Phụ lục", rows: 40, cols: 7, bytesPerCell: 100 },
        { name: "Văn bản", rows: 5000, cols: 5, bytesPerCell: 60 },
      ],
      500_000,
    );
    const total = 40 * 7 * 100 + 5000 * 5 * 60;
    expect(plan.length).toBe(Math.ceil(total / 500_000));
    for (const s of plan) expect(s.reduce((n, c) => n + c.rows * (c.sheet === "Phụ lục" ? 700 : 300), 0)).toBeLessThanOrEqual(500_000);
    expect(plan[0][0]).toEqual({ sheet: "Phụ lục", row: 0, rows: 40 });
    const covered = plan.flat().filter((c) => c.sheet === "Văn bản").reduce((n, c) => n + c.rows, 0);
    expect(covered).toBe(5000);
  });
});

describe("readBook on an office-addin-mock workbook", () => {
  test("a 5,000-row register is read in exactly 2 syncs, under the 5 MB limit", async () => {
    const b = bookOf(undefined, { registerRows: 5000 });
    const sync = jest.spyOn(b.context, "sync");
    const { snapshot, stats } = await readBook(b.context, { detail: "check" });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(stats).toMatchObject({ syncs: 2, chunks: 0 });
    expect(Math.max(...b.answered)).toBeLessThan(PAYLOAD_LIMIT);
    const read = readWorkbook(snapshot);
    expect(read.data.registers.van_ban).toHaveLength(5000);
    expect(read.findings).toEqual([]);
  });

  test("over the budget: sizes first, then the fewest chunks, each under it; the same data", async () => {
    const b = bookOf(undefined, { registerRows: 3000 });
    const whole = await readBook(b.context, { detail: "check" });
    const budget = 150_000; // pretend the limit is small, to see the chunking
    const sync = jest.spyOn(b.context, "sync");
    b.answered.length = 0;
    const { snapshot, stats } = await readBook(b.context, { detail: "check", budgetBytes: budget });
    expect(stats.chunks).toBe(Math.ceil(whole.stats.bytes / budget));
    expect(sync).toHaveBeenCalledTimes(2 + stats.chunks);
    for (const bytes of b.answered) expect(bytes).toBeLessThanOrEqual(budget * 1.05);
    expect(readWorkbook(snapshot).data).toEqual(readWorkbook(whole.snapshot).data);
  });

  test("Excel refusing a too large answer falls back to chunks (first read, no size known)", async () => {
    const b = bookOf(undefined, { registerRows: 3000, payloadLimit: 200_000 });
    const { snapshot, stats } = await readBook(b.context, { detail: "check", budgetBytes: 150_000 });
    expect(stats.chunks).toBeGreaterThan(1);
    expect(readWorkbook(snapshot).data.registers.van_ban).toHaveLength(3000);
  });

  test("one reader for every caller: 'full' (set-up, export) keeps the registers' number formats, 'check' skips them; both 2 syncs", async () => {
    const b = bookOf(undefined, { registerRows: 50 });
    const sync = jest.spyOn(b.context, "sync");
    const full = await readBook(b.context);
    const quick = await readBook(b.context, { detail: "check" });
    expect(sync).toHaveBeenCalledTimes(4);
    const formats = (snap: typeof full.snapshot, sheet: string) =>
      snap.sheets.find((s) => s.name === sheet)!.rows.flat().filter((c) => c && c.format).length;
    expect(formats(full.snapshot, "Văn bản")).toBeGreaterThan(0);
    expect(formats(quick.snapshot, "Văn bản")).toBe(0);
    expect(formats(quick.snapshot, "Phụ lục")).toBe(formats(full.snapshot, "Phụ lục"));
    expect(readWorkbook(quick.snapshot).data).toEqual(readWorkbook(full.snapshot).data);
  });

  test("the default budget leaves room under Excel on the web's 5 MB", () => {
    expect(DEFAULT_BUDGET).toBeLessThan(PAYLOAD_LIMIT);
  });
});
