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
