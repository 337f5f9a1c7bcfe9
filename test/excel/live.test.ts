/** Live re-check: edits on our sheets, debounced, one run at a time, never moving the selection. */
import { LiveChecker, checkInContext, type CheckRun } from "../../src/excel/live";
import { resetReadHints } from "../../src/excel/read";
import { MARK_FILL } from "../../src/excel/mark";
import { bookOf } from "./book-from-plan";
import type { MockBook } from "./mock-excel";

function installExcel(b: MockBook): void {
  (globalThis as any).Excel = {
    run: (a: any, c?: any) => (typeof a === "function" ? a(b.context) : c(b.context)),
  };
}

afterEach(() => {
  delete (globalThis as any).Excel;
  jest.useRealTimers();
  resetReadHints();
});

describe("LiveChecker", () => {
  test("listens on our sheets only (not the marker, not the user's sheets) and stops cleanly", async () => {
    const b = bookOf();
    installExcel(b);
    const live = new LiveChecker({ onResult: () => undefined, onError: () => undefined, run: async () => ({}) as CheckRun });
    const n = await live.start(["Phụ lục", "Văn bản", "_phuluc"]);
    expect(n).toBe(2);
    expect(b.handlers.map((h) => h.sheet).sort()).toEqual(["Phụ lục", "Văn bản"]);
    await live.stop();
    expect(b.handlers).toEqual([]);
  });

  test("a burst of edits (typing, a paste of many cells) gives one re-check after 300 ms", async () => {
    jest.useFakeTimers();
    const b = bookOf();
    installExcel(b);
    const run = jest.fn(async () => ({}) as CheckRun);
    const results: unknown[] = [];
    const live = new LiveChecker({ onResult: (r) => results.push(r), onError: () => undefined, run });
    await live.start(["Phụ lục"]);
    const handler = b.handlers[0].handler;
    handler({ address: "E14", changeType: "RangeEdited" });
    await jest.advanceTimersByTimeAsync(100);
    handler({ address: "E15:E40", changeType: "RangeEdited" }); // a paste: no per-cell details needed
    await jest.advanceTimersByTimeAsync(100);
    handler({});
    await jest.advanceTimersByTimeAsync(299);
    expect(run).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(results).toHaveLength(1);
    await live.stop();
  });

  test("an edit during a re-check queues exactly one more; nothing after stop()", async () => {
    jest.useFakeTimers();
    const b = bookOf();
    installExcel(b);
    let release: () => void = () => undefined;
    const run = jest.fn(() => new Promise<CheckRun>((res) => (release = () => res({} as CheckRun))));
    const live = new LiveChecker({ onResult: () => undefined, onError: () => undefined, run, debounceMs: 50 });
    await live.start(["Phụ lục"]);
    void live.changed();
    await jest.advanceTimersByTimeAsync(50);
    expect(run).toHaveBeenCalledTimes(1);
    void live.changed();
    void live.changed();
    await jest.advanceTimersByTimeAsync(200);
    expect(run).toHaveBeenCalledTimes(1); // still running
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    release();
    await live.stop();
    void live.changed();
    await jest.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(2);
  });

  test("a real re-check after a correction: the finding and its mark are gone; selection and sheet untouched", async () => {
    const b = bookOf();
    installExcel(b);
    const first = await checkInContext(b.context, {});
    expect(first.result.findings.some((f) => f.rule === "tt.sum")).toBe(true);
    expect(b.cell("Phụ lục", "E14")!.fill).toBe(MARK_FILL.error);
    const results: CheckRun[] = [];
    const done = new Promise<void>((resolve) => {
      const live = new LiveChecker({
        debounceMs: 10,
        onResult: (r) => {
          results.push(r);
          void live.stop().then(resolve);
        },
        onError: (e) => {
          throw e;
        },
      });
      void live.start(first.ownSheets).then(() => {
        b.setCell("Phụ lục", "E14", 4); // the user corrects tt_hoi_nghi
        b.handlers.find((h) => h.sheet === "Phụ lục")!.handler({ address: "E14" });
      });
    });
    await done;
    expect(results[0].result.findings.some((f) => f.rule === "tt.sum")).toBe(false);
    expect(b.cell("Phụ lục", "E14")!.fill).toBeUndefined();
    expect(b.ui).toEqual([]); // no select(), no activate()
  });
});
