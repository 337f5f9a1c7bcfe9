/** Reports of Party bodies take the Party header (Hướng dẫn 36-HD/VPTW), not the state one. */
import { buildReport } from "../../src/core/narrative/report";
import { renderText } from "../../src/core/render/text";
import { isPartyBody, isPartyReport } from "../../src/core/symbol";
import { example } from "./helpers";

function header(agency: string, parentAgency = "", symbol = "BC/ĐU"): string {
  const d = example();
  Object.assign(d.report, { agency, parentAgency, symbol, number: "15" });
  const text = renderText(buildReport(d).doc);
  return text.slice(0, text.indexOf("BÁO CÁO"));
}

describe("Party bodies", () => {
  test.each([
    "Đảng ủy xã Tân Lập",
    "Đảng uỷ xã Tân Lập",
    "ĐẢNG ỦY XÃ TÂN LẬP",
    "Huyện ủy Mai Sơn",
    "Tỉnh ủy Sơn La",
    "Thành ủy Hà Nội",
    "Ban Thường vụ Đảng ủy xã Tân Lập",
    "Chi bộ thôn Bản Mòng",
    "Đảng bộ phường Chiềng Lề",
    "Ban Dân vận Tỉnh ủy",
  ])("%s is a Party body", (name) => expect(isPartyBody(name)).toBe(true));
  test.each(["Ủy ban nhân dân xã Tân Lập", "Sở Khoa học và Công nghệ", "Hội đồng nhân dân xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "", "Ban Chỉ đạo"])(
    "%p is not",
    (name) => expect(isPartyBody(name)).toBe(false),
  );
  test("a parent agency that is a Party body makes the report a Party body's", () => {
    expect(isPartyReport({ agency: "Văn phòng", parentAgency: "Huyện ủy Mai Sơn" })).toBe(true);
    expect(isPartyReport({ agency: "Văn phòng", parentAgency: "UBND huyện" })).toBe(false);
  });
});

describe("the header", () => {
  test("a Party body's report: ĐẢNG CỘNG SẢN VIỆT NAM, Số 15-BC/ĐU, no state motto", () => {
    const h = header("Đảng ủy xã Tân Lập", "Đảng bộ tỉnh Sơn La");
    expect(h).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(h).toContain("Số 15-BC/ĐU");
    expect(h).not.toContain("Số:");
    expect(h).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(h).not.toContain("Độc lập - Tự do - Hạnh phúc");
    expect(h).toContain("ĐẢNG ỦY XÃ TÂN LẬP");
    expect(h).toContain("*");
    expect(h).toContain("Tân Lập, ngày 18 tháng 12 năm 2026");
  });
  test("the appendix is attached to the Party symbol", () => {
    const d = example();
    Object.assign(d.report, { agency: "Huyện ủy Mai Sơn", symbol: "BC/HU", number: "40" });
    expect(renderText(buildReport(d).doc)).toContain("(Kèm theo Báo cáo số 40-BC/HU ngày 18/12/2026 của Huyện ủy Mai Sơn)");
  });
  test("a state body's report keeps the state header", () => {
    const h = header("Ủy ban nhân dân xã Tân Lập", "", "BC-UBND");
    expect(h).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(h).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(h).toContain("Số: 15/BC-UBND");
    expect(h).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  });
});
