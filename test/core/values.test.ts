import fc from "fast-check";
import { readValue, normalizeValue, formatValue, type Reading } from "../../src/core/values";
import { formatCount, formatNumber, formatPercent } from "../../src/core/vn";
import type { IndicatorKind, RawValue } from "../../src/core/types";

type Case = [RawValue, IndicatorKind, Partial<Reading> & { status: Reading["status"] }];

const n = (value: number, decimals = 0): Case[2] => ({ status: "number", value, decimals });
const noted = (value: number, clean: string, decimals = 0): Case[2] => ({ status: "number", value, decimals, note: { clean } } as Case[2]);
const bad = (reason: string): Case[2] => ({ status: "invalid", reason } as Case[2]);

// Plain figures in the Vietnamese way raise nothing; units are read with a note; approximate figures are invalid.
const table: Case[] = [
  [8, "count", n(8)],
  ["8", "count", n(8)],
  ["08", "count", n(8)],
  [" 06 ", "count", n(6)],
  ["\u00A008\u00A0", "count", n(8)],
  ["0", "count", n(0)],
  [0, "money", n(0)],
  ["10.424.000", "money", n(10424000)],
  [10424000, "money", n(10424000)],
  ["1.234", "count", n(1234)],
  ["100%", "percent", n(100)],
  ["88,9%", "percent", n(88.9, 1)],
  ["88,9", "percent", n(88.9, 1)],
  ["88.9", "percent", n(88.9, 1)],
  [88.9, "percent", n(88.9, 1)],
  ["88,9 %", "percent", n(88.9, 1)],
  ["88,90%", "percent", n(88.9, 2)],
  ["100,0%", "percent", n(100, 1)],
  ["0%", "percent", n(0)],
  [100, "percent", n(100)],
  ["Không", "count", n(0)],
  ["Không có", "count", n(0)],
  ["không có", "money", n(0)],
  ["KHÔNG", "money", n(0)],
  ["Không có", "percent", { status: "na" }],
  ["Kho\u0302ng co\u0301", "percent", { status: "na" }], // NFD
  ["Kho\u0302ng", "count", n(0)], // NFD
  ["", "count", { status: "blank" }],
  ["   ", "money", { status: "blank" }],
  ["-", "count", { status: "blank" }],
  ["x", "count", { status: "blank" }],
  ["X", "percent", { status: "blank" }],
  [null, "count", { status: "blank" }],
  [undefined, "money", { status: "blank" }],
  ["04 cuộc", "count", noted(4, "04")],
  ["10.424.000 đồng", "money", noted(10424000, "10.424.000")],
  ["10.424.000đ", "money", noted(10424000, "10.424.000")],
  ["Tổng: 8", "count", noted(8, "8")],
  ["10 triệu đồng", "money", noted(10000000, "10.000.000")],
  ["1,5 tỷ", "money", noted(1500000000, "1.500.000.000")],
  ["45 dịch vụ", "count", noted(45, "45")],
  ["hơn 500", "count", bad("approximate")],
  ["Hơn 500", "count", bad("approximate")],
  ["khoảng 20", "count", bad("approximate")],
  ["gần 30", "count", bad("approximate")],
  ["hầu hết", "percent", bad("approximate")],
  ["trên 10", "count", bad("approximate")],
  ["dưới 5", "count", bad("approximate")],
  ["xấp xỉ 90%", "percent", bad("approximate")],
  ["ước 100", "money", bad("approximate")],
  ["ước tính 3.000.000 đồng", "money", bad("approximate")],
  ["~50", "count", bad("approximate")],
  ["500+", "count", bad("approximate")],
  ["20 cuộc trở lên", "count", bad("approximate")],
  [-5, "count", bad("negative")],
  ["-5", "count", bad("negative")],
  ["−3", "money", bad("negative")],
  ["1,5", "count", bad("fractional")],
  ["1.5", "count", bad("fractional")],
  [1.5, "money", bad("fractional")],
  ["1.234,5", "money", bad("fractional")],
  ["101%", "percent", bad("over100")],
  [100.5, "percent", bad("over100")],
  ["abc", "count", bad("text")],
  ["Đã tổ chức", "count", bad("text")],
  ["3 + 5", "count", bad("text")],
  ["30/3/2021", "count", bad("text")],
  ["50%", "count", bad("text")],
  ["1,000", "count", bad("text")], // English thousands or decimal comma: not guessed
  ["1,234.5", "money", bad("text")],
  [true, "count", bad("text")],
  [NaN, "count", bad("text")],
];

describe("readValue: values as people type them", () => {
  test("the table has at least 40 cases", () => expect(table.length).toBeGreaterThanOrEqual(40));
  test.each(table.map((c, i) => [String(typeof c[0] === "string" ? JSON.stringify(c[0]) : c[0]), c[1], i] as const))("%s as %s", (_label, kind, i) => {
    expect(readValue(table[i][0], kind)).toEqual(table[i][2]);
  });
});

describe("normalizeValue: the normal form", () => {
  test.each([
    ["08", "count", 8],
    ["10.424.000", "money", 10424000],
    ["88,9", "percent", "88,9%"],
    [88.9, "percent", "88,9%"],
    ["88.9%", "percent", "88,9%"],
    [100, "percent", "100%"],
    ["Không có", "percent", "Không có"],
    ["Không", "percent", "Không có"],
    ["Không", "count", 0],
    ["", "count", null],
    ["x", "money", null],
    [undefined, "count", null],
    ["04 cuộc", "count", "04 cuộc"], // needed interpretation: kept as typed
    ["  hơn   500 ", "count", "hơn 500"], // unreadable: kept, trimmed
    ["Kho\u0302ng co\u0301", "percent", "Không có"],
    [-5, "count", -5],
  ] as [RawValue, IndicatorKind, unknown][])("%j as %s → %j", (raw, kind, expected) => {
    expect(normalizeValue(raw, kind)).toEqual(expected);
  });
});

describe("formatValue: as the appendix prints", () => {
  test.each([
    [8, "count", "08"],
    ["0", "count", "0"],
    [12, "count", "12"],
    ["10424000", "money", "10.424.000"],
    [0, "money", "0"],
    ["100%", "percent", "100%"],
    [88.9, "percent", "88,9%"],
    ["Không có", "percent", "Không có"],
    [null, "count", ""],
    ["04 cuộc", "count", "04"],
  ] as [RawValue, IndicatorKind, string][])("%j as %s → %s", (raw, kind, expected) => {
    expect(formatValue(raw, kind)).toBe(expected);
  });
  test("pad: false prints counts without the leading zero", () => {
    expect(formatValue("08", "count", { pad: false })).toBe("8");
  });
});

const kinds: IndicatorKind[] = ["count", "money", "percent"];

describe("properties", () => {
  test("a count formatted the Vietnamese way reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.boolean(), (v, pad) => {
        const r = readValue(formatCount(v, { pad }), "count");
        return r.status === "number" && r.value === v && !("note" in r);
      }),
    );
  });
  test("money formatted the Vietnamese way reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (v) => {
        const r = readValue(formatNumber(v), "money");
        return r.status === "number" && r.value === v;
      }),
    );
  });
  test("a percent formatted the Vietnamese way reads back with its value and decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 100 * 10 ** 4 }), (d, k) => {
        const p = Math.min(100, k / 10 ** d);
        const text = formatPercent(p, d);
        const r = readValue(text, "percent");
        return r.status === "number" && Math.abs(r.value - p) < 1e-9 && r.decimals === d;
      }),
    );
  });
  const raw = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.double({ min: -1e6, max: 1e9, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -100, max: 1e9 }),
    fc.string(),
    fc.constantFrom("08", " 06 ", "Không có", "Không", "88,9%", "88.9", "hơn 500", "04 cuộc", "1,5", "-", "x", "10.424.000 đồng", "Kho\u0302ng co\u0301", "1,5 tỷ"),
    fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom(" cuộc", "%", " đồng", ",5", ".000", " triệu")).map(([a, b]) => a + b),
  );
  test("normalizeValue is idempotent and keeps what the value reads as", () => {
    fc.assert(
      fc.property(raw, fc.constantFrom(...kinds), (v, kind) => {
        const once = normalizeValue(v, kind);
        const twice = normalizeValue(once, kind);
        expect(twice).toEqual(once);
        const a = readValue(v, kind);
        const b = readValue(once, kind);
        expect(b.status).toBe(a.status);
        if (a.status === "number" && b.status === "number") {
          expect(b.value).toBe(a.value);
          expect(b.decimals).toBe(a.decimals);
        }
        if (a.status === "invalid" && b.status === "invalid") expect(b.reason).toBe(a.reason);
      }),
      { numRuns: 2000 },
    );
  });
  test("reading never throws, whatever is typed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.double()), fc.constantFrom(...kinds), (v, kind) => {
        const r = readValue(v, kind);
        return ["blank", "number", "na", "invalid"].includes(r.status);
      }),
    );
  });
});
