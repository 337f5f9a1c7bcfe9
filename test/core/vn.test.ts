import {
  nfc,
  formatNumber,
  formatCount,
  formatPercent,
  formatDate,
  formatDateLine,
  joinVi,
  lowerFirst,
  parseDate,
  serialToIso,
  isoToSerial,
} from "../../src/core/vn";
import fc from "fast-check";

describe("nfc", () => {
  test("composes NFD text", () => {
    expect(nfc("Kho\u0302ng co\u0301")).toBe("Không có");
    expect(nfc("Kho\u0302ng co\u0301")).not.toBe("Kho\u0302ng co\u0301");
  });
  test("reads the look-alike Ð (U+00D0) and ð (U+00F0) as Đ and đ", () => {
    expect(nfc("166-KH/\u00D0U")).toBe("166-KH/\u0110U");
    expect(nfc("\u00F0ồng")).toBe("\u0111ồng");
  });
});

describe("numbers", () => {
  test.each([
    [10424000, 0, "10.424.000"],
    [88.9, 1, "88,9"],
    [0, 0, "0"],
    [999, 0, "999"],
    [1000, 0, "1.000"],
    [1234567.5, 1, "1.234.567,5"],
    [66.66666, 2, "66,67"],
    [1.005, 2, "1,01"],
    [-5, 0, "-5"],
  ])("formatNumber(%p, %p) = %s", (n, d, s) => expect(formatNumber(n, d)).toBe(s));
  test("counts are padded below 10", () => {
    expect(formatCount(8)).toBe("08");
    expect(formatCount(1)).toBe("01");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(12)).toBe("12");
    expect(formatCount(1234)).toBe("1.234");
    expect(formatCount(8, { pad: false })).toBe("8");
  });
  test("percents", () => {
    expect(formatPercent(88.9, 1)).toBe("88,9%");
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(66.666, 0)).toBe("67%");
  });
});

describe("dates", () => {
  test.each([
    ["2021-03-30", "30/3/2021"],
    ["2021-01-11", "11/01/2021"],
    ["2021-05-04", "04/5/2021"],
    ["2026-02-15", "15/02/2026"],
    ["2021-10-26", "26/10/2021"],
  ])("formatDate(%s) = %s", (iso, s) => expect(formatDate(iso)).toBe(s));
  test("date line: day below 10 and months 1, 2 padded", () => {
    expect(formatDateLine("Sơn La", "2021-11-14")).toBe("Sơn La, ngày 14 tháng 11 năm 2021");
    expect(formatDateLine("Sơn La", "2026-09-05")).toBe("Sơn La, ngày 05 tháng 9 năm 2026");
    expect(formatDateLine("Sơn La", "2026-02-15")).toBe("Sơn La, ngày 15 tháng 02 năm 2026");
  });
  test.each([
    ["2021-03-30", "2021-03-30"],
    ["30/3/2021", "2021-03-30"],
    ["30.3.2021", "2021-03-30"],
    ["30-03-2021", "2021-03-30"],
    ["ngày 30/3/2021", "2021-03-30"],
    ["ngày 30 tháng 3 năm 2021", "2021-03-30"],
    ["2021-03-30T00:00:00.000Z", "2021-03-30"],
    [" 04/5/2021 ", "2021-05-04"],
    [44285, "2021-03-30"],
    ["44285", "2021-03-30"],
    ["29/02/2020", "2020-02-29"],
  ] as [unknown, string][])("parseDate(%p) = %s", (raw, iso) => expect(parseDate(raw)).toBe(iso));
  test.each([["31/2/2021"], ["29/02/2021"], ["hôm qua"], [""], [null], [-1], ["2021-13-01"], [true]])("parseDate(%p) is undefined", (raw) =>
    expect(parseDate(raw)).toBeUndefined(),
  );
  test("a Date at UTC midnight keeps its calendar day (no time-zone shift)", () => {
    expect(parseDate(new Date(Date.UTC(2021, 2, 30)))).toBe("2021-03-30");
  });
  test("Excel serials in the 1900 system", () => {
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(44285)).toBe("2021-03-30");
    expect(serialToIso(44285.75)).toBe("2021-03-30");
    expect(isoToSerial("2021-03-30")).toBe(44285);
    expect(isoToSerial("1900-01-01")).toBe(1);
  });
  test("serial ↔ ISO round trip", () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => isoToSerial(serialToIso(s)) === s));
  });
});

describe("text", () => {
  test("joinVi", () => {
    expect(joinVi([])).toBe("");
    expect(joinVi(["A"])).toBe("A");
    expect(joinVi(["A", "B"])).toBe("A và B");
    expect(joinVi(["A", "B", "C"])).toBe("A, B và C");
  });
  test("lowerFirst keeps abbreviations", () => {
    expect(lowerFirst("Triển khai thực hiện")).toBe("triển khai thực hiện");
    expect(lowerFirst("Điều chỉnh chế độ")).toBe("điều chỉnh chế độ");
    expect(lowerFirst("UBND tỉnh")).toBe("UBND tỉnh");
    expect(lowerFirst("QCDC ở cơ sở")).toBe("QCDC ở cơ sở");
    expect(lowerFirst("")).toBe("");
  });
});
