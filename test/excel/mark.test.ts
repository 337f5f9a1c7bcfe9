import type { Finding } from "../../src/core/types";
import { applyMarks, markTargets, splitRef, parseMarks, MARK_FILL, MAX_MARKS } from "../../src/excel/mark";
import { checkInContext } from "../../src/excel/live";
import { bookOf } from "./book-from-plan";
import { mockBook } from "./mock-excel";

const OWN = ["Phụ lục", "Văn bản", "_phuluc"];

function f(rule: string, severity: Finding["severity"], cells: string[], indicators: string[] = ["x"]): Finding {
  return { rule, severity, message: rule + " sai", indicators, cells };
}

function book() {
  return mockBook([
    { name: "Sheet của tôi", rows: [["riêng", 1]] },
    { name: "Phụ lục", rows: Array.from({ length: 30 }, () => [null, "code", null, null, 1, null, null]) },
    { name: "Văn bản", rows: [["Số, ký hiệu"], ["1/KH"]] },
    { name: "_phuluc", rows: [["phuluc-layout", 1], ["template", "qcdc-2021"]] },
  ]);
}

describe("markTargets (pure)", () => {
  test("own sheets only, first cell of an indicator finding, the most severe mark wins", () => {
    const { targets, skipped } = markTargets(
      [
        f("tt.sum", "error", ["'Phụ lục'!E14", "'Phụ lục'!E15"]),
        f("dth.parts", "warning", ["'Phụ lục'!E14"]),
        f("x.other", "warning", ["'Sheet của tôi'!A1"]),
        f("workbook.merged-cells", "error", ["'Văn bản'!A2", "'Văn bản'!B2"], []),
        f("dvc.parts", "info", ["'Phụ lục'!E18"]),
      ],
      { ownSheets: OWN },
    );
    expect(targets.map((t) => `${t.sheet}!${t.address}:${t.severity}`)).toEqual(["Phụ lục!E14:error", "Văn bản!A2:error", "Văn bản!B2:error"]);
    expect(skipped).toBe(1);
  });

  test("at most MAX_MARKS ranges", () => {
    const many = Array.from({ length: MAX_MARKS + 50 }, (_x, i) => f("r" + i, "error", [`'Phụ lục'!E${i + 1}`]));
    expect(markTargets(many, { ownSheets: OWN }).targets).toHaveLength(MAX_MARKS);
  });

  test("references with quotes, absolute parts and ranges", () => {
    expect(splitRef("'Phụ lục'!$E$14")).toEqual({ sheet: "Phụ lục", address: "E14" });
    expect(splitRef("'It''s'!A5:E5")).toEqual({ sheet: "It's", address: "A5:E5" });
    expect(splitRef("Sheet1!B2")).toEqual({ sheet: "Sheet1", address: "B2" });
    expect(splitRef("E14")).toBeUndefined();
  });

  test("reads the list of old marks from the marker sheet's cells", () => {
    const values = [
      ["phuluc-layout", 1, null, "phuluc-marks", 2],
      ["template", "qcdc-2021", null, "Phụ lục", "E14", "#CCFFCC", 0],
      [null, null, null, "Phụ lục", "E27", "", "1"],
    ];
    expect(parseMarks(values)).toEqual([
      { sheet: "Phụ lục", address: "E14", fill: "#CCFFCC", note: false },
      { sheet: "Phụ lục", address: "E27", fill: "", note: true },
    ]);
  });
});

describe("applyMarks on an office-addin-mock workbook", () => {
  test("two syncs; only the offending cells of our sheets and the marker's list are written", async () => {
    const b = book();
    b.setCell("Phụ lục", "C5", "nhãn", "#00FF00"); // the user's own fill elsewhere
    b.setCell("Phụ lục", "E14", 0, "#CCFFCC"); // the user's own fill on a cell we will mark
    const before = b.dump();
    const sync = jest.spyOn(b.context, "sync");
    const { targets } = markTargets([f("tt.sum", "error", ["'Phụ lục'!E14"]), f("dth.parts", "warning", ["'Phụ lục'!E27"]), f("x", "error", ["'Sheet của tôi'!A1"])], {
      ownSheets: OWN,
    });
    const res = await applyMarks(b.context, targets, { ownSheets: OWN });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(res).toMatchObject({ marked: 2, removed: 0, syncs: 2 });
    expect(b.cell("Phụ lục", "E14")!.fill).toBe(MARK_FILL.error);
    expect(b.cell("Phụ lục", "E27")!.fill).toBe(MARK_FILL.warning);
    expect(b.cell("Phụ lục", "C5")!.fill).toBe("#00FF00");
    const touched = new Set(b.writes.map((w) => w.sheet + "!" + w.address));
    expect([...touched].sort()).toEqual(["Phụ lục!E14", "Phụ lục!E27", "_phuluc!D1:G3"]);
    expect(before).not.toEqual(b.dump());
    // The user's sheet is as it was.
    expect(JSON.stringify(b.sheets[0])).toEqual(JSON.stringify(mockBook([{ name: "Sheet của tôi", rows: [["riêng", 1]] }]).sheets[0]));
  });

  test("the next check takes the old marks off, giving back each cell's own fill, in two syncs", async () => {
    const b = book();
    b.setCell("Phụ lục", "E14", 0, "#CCFFCC");
    const first = markTargets([f("tt.sum", "error", ["'Phụ lục'!E14"]), f("dth.part", "error", ["'Phụ lục'!E28"])], { ownSheets: OWN }).targets;
    await applyMarks(b.context, first, { ownSheets: OWN });
    b.writes.length = 0;
    const sync = jest.spyOn(b.context, "sync");
    const second = markTargets([f("dth.part", "error", ["'Phụ lục'!E28"])], { ownSheets: OWN }).targets;
    const res = await applyMarks(b.context, second, { ownSheets: OWN });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(res).toMatchObject({ marked: 1, removed: 2 });
    expect(b.cell("Phụ lục", "E14")!.fill).toBe("#CCFFCC");
    expect(b.cell("Phụ lục", "E28")!.fill).toBe(MARK_FILL.error);
    // Marked twice: the fill recorded is still the cell's own (none), not our red.
    const list = parseMarks(b.sheets[3] && [[...Array(8)].map((_x, c) => b.cell("_phuluc", "ABCDEFGH"[c] + "1")?.v ?? null), [...Array(8)].map((_x, c) => b.cell("_phuluc", "ABCDEFGH"[c] + "2")?.v ?? null)]);
    expect(list).toEqual([{ sheet: "Phụ lục", address: "E28", fill: "", note: false }]);
    // Nothing fixed any more: everything off.
    await applyMarks(b.context, [], { ownSheets: OWN });
    expect(b.cell("Phụ lục", "E28")!.fill).toBeUndefined();
    expect(b.cell("Phụ lục", "E14")!.fill).toBe("#CCFFCC");
  });

  test("a workbook without our marker sheet gets no marks (we could not take them off)", async () => {
    const b = mockBook([{ name: "Phụ lục", rows: [[1]] }]);
    const sync = jest.spyOn(b.context, "sync");
    const res = await applyMarks(b.context, markTargets([f("tt.sum", "error", ["'Phụ lục'!A1"])], { ownSheets: ["Phụ lục"] }).targets, { ownSheets: ["Phụ lục"] });
    expect(res.marked).toBe(0);
    expect(b.writes).toEqual([]);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe("a whole check on the worked example (office-addin-mock)", () => {
  test("read in 2 syncs, marks in 2 syncs, the three errors marked, the user's sheet untouched", async () => {
    const b = bookOf();
    const userBefore = JSON.stringify(b.sheets.find((s) => s.name === "Sheet của tôi"));
    const sync = jest.spyOn(b.context, "sync");
    const run = await checkInContext(b.context, {});
    expect(run.readStats.syncs).toBe(2);
    expect(run.mark!.syncs).toBe(2);
    expect(sync).toHaveBeenCalledTimes(4);
    expect(run.result.findings.filter((x) => x.severity === "error").map((x) => x.rule).sort()).toEqual(["dth.part", "dth.register", "tt.sum"]);
    expect(b.cell("Phụ lục", "E14")!.fill).toBe(MARK_FILL.error);
    expect(b.cell("Phụ lục", "E28")!.fill).toBe(MARK_FILL.error);
    expect(b.cell("Phụ lục", "E26")!.fill).toBe(MARK_FILL.error); // dth.register points at dth_tong first
    expect(JSON.stringify(b.sheets.find((s) => s.name === "Sheet của tôi"))).toBe(userBefore);
    const writtenSheets = new Set(b.writes.map((w) => w.sheet));
    // The registers' lint warnings (the agency written KHCN and SKH-CN) are marked on their rows' cells.
    expect([...writtenSheets].sort()).toEqual(["Phụ lục", "Văn bản", "_phuluc", "Đối thoại"]);
    // Only fills on our cells, and the list in the marker: no value, formula or status cell written.
    for (const w of b.writes) if (w.sheet !== "_phuluc") expect(w.what).toMatch(/^fill/);
    expect(b.ui).toEqual([]);
  });
});
