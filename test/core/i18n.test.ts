import { MESSAGES, fill, tr } from "../../src/core/i18n";
import { check } from "../../src/core/engine";
import { example } from "./helpers";

describe("message templates", () => {
  test("every message has Vietnamese and English text with the same placeholders", () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).map((p) => p.replace("Lower}", "}")).sort(); // a label may start a sentence in one language only
    for (const [key, t] of Object.entries(MESSAGES)) {
      expect([key, t.vi.length > 0, t.en.length > 0]).toEqual([key, true, true]);
      expect([key, new Set(ph(t.en))]).toEqual([key, new Set(ph(t.vi))]);
    }
  });
  test("fill replaces known placeholders and leaves the rest", () => {
    expect(fill("x {a} {b} {c d} {", { a: 1 })).toBe("x 1 {b} {c d} {");
    expect(fill("{a}{a}", { a: "04" })).toBe("0404");
  });
  test("a template can word a rule's message itself (its `messages`); other rules keep the product's", () => {
    const found = check(example()).findings;
    expect(found.find((f) => f.rule === "dth.parts")!.message).toContain("cả hai người đứng đầu");
    expect(check(example(), { lang: "en" }).findings.find((f) => f.rule === "dth.parts")!.message).toContain("chaired by both heads");
    expect(tr("vi", "le.fail", { leftExpr: "a", sum: 1, rightLower: "b", rightValue: 0 }, "dvc.parts")).not.toContain("cả hai");
  });
});

import { plural } from "../../src/core/i18n";
import { ct } from "../../src/taskpane/views/check.strings";
import { buildReport } from "../../src/core/narrative/report";

describe("English counts take the plural they need", () => {
  test("1 error, 2 errors, 0 warnings: in the pane's summary and the report's warning", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(2, "error")).toBe("2 errors");
    expect(ct("en", "summary", { errors: 1, warnings: 2, infos: 0 })).toBe("1 error · 2 warnings · 0 notes");
    expect(ct("vi", "summary", { errors: 1, warnings: 2, infos: 0 })).toBe("1 lỗi · 2 cảnh báo · 0 ghi chú");
    const data = JSON.parse(require("fs").readFileSync(require("path").join(__dirname, "../../examples/son-la-skhcn-2021.json"), "utf8"));
    const w = buildReport(data).warnings.find((x: { code: string }) => x.code === "data.errors")!;
    expect(w.en).toContain("The data has 3 errors.");
    expect(w.en).not.toContain("error(s)");
  });
});
