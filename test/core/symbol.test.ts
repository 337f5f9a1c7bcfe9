import { issuerFromSymbol, typeFromSymbol } from "../../src/core/symbol";

describe("issuerFromSymbol", () => {
  test.each([
    // Party: NUMBER-TYPE/BODY
    ["166-KH/ĐU", "cap_uy"],
    ["170-KH/ĐB", "cap_uy"],
    ["221-KH/ĐU", "cap_uy"],
    ["54-CV/BCĐ", "cap_uy"],
    ["05-CT/TW", "cap_uy"],
    ["01-HD/BDVTW", "cap_uy"],
    ["166-KH/\u00D0U", "cap_uy"], // Icelandic eth
    ["166-KH/\u0110U", "cap_uy"],
    ["166 - KH / ĐU", "cap_uy"], // spaces
    ["Số 166-KH/ĐU", "cap_uy"],
    // State: NUMBER/TYPE-AGENCY, NUMBER/AGENCY-UNIT, NUMBER/YEAR/TYPE-AGENCY
    ["49/KH-KHCN", "chinh_quyen"],
    ["105/KH-SKHCN", "chinh_quyen"],
    ["320/SKHCN-VP", "chinh_quyen"],
    ["51/KH-SKH-CN", "chinh_quyen"],
    ["538/BC-SKHCN", "chinh_quyen"],
    ["247/QĐ-SKHCN", "chinh_quyen"],
    ["04/2015/NĐ-CP", "chinh_quyen"],
    ["28/2021/QĐ-UBND", "chinh_quyen"],
    ["Số: 49/KH-KHCN", "chinh_quyen"],
    ["49 / KH – KHCN", "chinh_quyen"], // en dash
  ])("%s → %s", (s, who) => expect(issuerFromSymbol(s)).toBe(who));
  test.each([["01/HD/BDVTW"], [""], ["Kế hoạch"], ["KH-KHCN"], ["/KH-KHCN"]])("%s → undefined", (s) => expect(issuerFromSymbol(s)).toBeUndefined());
  test("NFD input gives the same answer as NFC", () => {
    expect(issuerFromSymbol("166-KH/ĐU".normalize("NFD"))).toBe("cap_uy");
    expect(issuerFromSymbol("28/2021/QĐ-UBND".normalize("NFD"))).toBe("chinh_quyen");
  });
  test("type codes", () => {
    expect(typeFromSymbol("166-KH/ĐU")).toBe("KH");
    expect(typeFromSymbol("49/KH-KHCN")).toBe("KH");
    expect(typeFromSymbol("320/SKHCN-VP")).toBeUndefined();
  });
});
