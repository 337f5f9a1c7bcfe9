/**
 * The template check: each mistake a form's author can make is one finding, at the JSON
 * path of the mistake, with a Vietnamese message naming what is wrong (English on request).
 */
import * as fs from "fs";
import * as path from "path";
import { checkTemplate } from "../../src/core/template-check";
import type { Finding } from "../../src/core/types";

const base = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/tinh-mau-2026.json"), "utf8"));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type T = any;
const copy = (): T => JSON.parse(JSON.stringify(base));

function only(t: T): Finding {
  const f = checkTemplate(t);
  expect(f.map((x) => x.rule + " @ " + x.path)).toHaveLength(1);
  expect(f[0].severity).toBe("error");
  return f[0];
}

test("the province's own form is sound", () => {
  expect(checkTemplate(base)).toEqual([]);
});

test("not an object: one finding, no crash", () => {
  for (const x of [null, 3, "qcdc", [], undefined]) expect(checkTemplate(x).map((f) => f.rule)).toEqual(["template.not-object"]);
});

const cases: [string, (t: T) => void, string, string, RegExp][] = [
  ["format missing", (t) => delete t.format, "template.format", "format", /phuluc-template\/1/],
  ["format of another kind", (t) => (t.format = "phuluc-template/9"), "template.format", "format", /phuluc-template\/9/],
  ["version missing", (t) => delete t.version, "template.version", "version", /version/],
  ["duplicate code", (t) => (t.indicators[4].code = "tiep_cong_dan"), "template.duplicate-code", "indicators[4].code", /"tiep_cong_dan" trùng.*thứ 4/],
  ["code with Vietnamese letters", (t) => (t.indicators[3].code = "tiếp_dân"), "template.invalid-code", "indicators[3].code", /"tiếp_dân" không hợp lệ/],
  ["code with a space", (t) => (t.indicators[3].code = "tiep dan"), "template.invalid-code", "indicators[3].code", /không hợp lệ/],
  ["unknown parent", (t) => (t.indicators[6].partOf = "huong_uoc"), "template.unknown-parent", "indicators[6].partOf", /"huong_uoc_cong_nhan".*"huong_uoc"/],
  ["unknown kind", (t) => (t.indicators[4].kind = "number"), "template.unknown-kind", "indicators[4].kind", /loại "number" không có/],
  ["unknown group", (t) => (t.indicators[4].group = 9), "template.unknown-group", "indicators[4].group", /nhóm 9/],
  ["decimals not whole", (t) => (t.indicators[9].decimals = 1.5), "template.decimals", "indicators[9].decimals", /1.5/],
  ["unknown aggregation", (t) => (t.indicators[0].aggregation = "avg"), "template.aggregation", "indicators[0].aggregation", /"avg"/],
  ["rule naming an unknown code", (t) => (t.rules[0].parts[1] = "van_ban_khac"), "template.unknown-code", "rules[0].parts[1]", /"vb.tong".*"van_ban_khac"/],
  ["unknown rule kind", (t) => (t.rules[0].kind = "total"), "template.unknown-rule-kind", "rules[0].kind", /loại "total" không có/],
  ["duplicate rule id", (t) => (t.rules[1].id = "vb.tong"), "template.duplicate-rule", "rules[1].id", /"vb.tong" trùng/],
  ["unknown severity", (t) => (t.rules[0].severity = "fatal"), "template.severity", "rules[0].severity", /"fatal"/],
  ["register-count of a missing register", (t) => (t.rules[1].register = "so_van_ban"), "template.unknown-register", "rules[1].register", /"so_van_ban"/],
  ["register-count on a missing column", (t) => (t.rules[1].counts[1].where = { cap: ["cap_uy"] }), "template.unknown-column", "rules[1].counts[1].where.cap", /cột "cap".*sổ "van_ban"/],
  ["register-count on a missing option", (t) => (t.rules[1].counts[1].where.issuer = ["dang_uy"]), "template.unknown-option", "rules[1].counts[1].where.issuer[0]", /"dang_uy"/],
  ["distinct on a missing column", (t) => (t.rules[1].counts[0].distinct = "so"), "template.unknown-column", "rules[1].counts[0].distinct", /cột "so"/],
  ["heading naming an unknown code", (t) => (t.groups[1].heading.vi = "Tiếp công dân: {tiep_dan} lượt"), "template.placeholder", "groups[1].heading.vi", /\{tiep_dan\}/],
  ["group at an unknown level", (t) => (t.groups[2].levels = ["thon"]), "template.unknown-level", "groups[2].levels[0]", /cấp "thon".*tinh, xa/],
  ["duplicate group", (t) => ((t.groups[4].id = 4), (t.indicators[10].group = 4)), "template.duplicate-group", "groups[4].id", /Nhóm 4/],
  ["duplicate register column", (t) => (t.registers[0].fields[1].id = "symbol"), "template.duplicate-field", "registers[0].fields[1].id", /"symbol"/],
  ["register column of unknown type", (t) => (t.registers[0].fields[1].type = "number"), "template.field-type", "registers[0].fields[1].type", /"number"/],
  ["list column without options", (t) => delete t.registers[0].fields[3].options, "template.options", "registers[0].fields[3].options", /lựa chọn/],
  ["indicator without label", (t) => delete t.indicators[2].label, "template.text", "indicators[2].label", /indicators\[2\]\.label/],
];

test.each(cases)("%s", (_name, edit, rule, path, message) => {
  const t = copy();
  edit(t);
  const f = only(t);
  expect(f.rule).toBe(rule);
  expect(f.path).toBe(path);
  expect(f.message).toMatch(message);
});

test("a part-of cycle: one finding naming the loop", () => {
  const t = copy();
  t.indicators[0].partOf = "van_ban_cap_uy"; // van_ban_cap_uy is part of van_ban_tong
  const f = only(t);
  expect(f.rule).toBe("template.cycle");
  expect(f.path).toBe("indicators[0].partOf");
  expect(f.message).toContain("van_ban_tong → van_ban_cap_uy → van_ban_tong");
  const self = copy();
  self.indicators[3].partOf = "tiep_cong_dan";
  expect(only(self).rule).toBe("template.cycle");
});

test("a ratio without numerator or denominator, or whose ratio is not a percent", () => {
  const t = copy();
  t.rules.push({ id: "dvc.tl", kind: "ratio", severity: "error", ratio: "dvc_ty_le_ho_so", numerator: [], denominator: "dvc_tong" });
  expect(only(t)).toMatchObject({ rule: "template.ratio-numerator", path: "rules[2].numerator" });
  t.rules[2].numerator = ["dvc_toan_trinh"];
  delete t.rules[2].denominator;
  expect(only(t)).toMatchObject({ rule: "template.ratio-denominator", path: "rules[2].denominator" });
  t.rules[2].denominator = "dvc_tong";
  expect(checkTemplate(t)).toEqual([]);
  t.rules[2].ratio = "dvc_tong";
  expect(only(t)).toMatchObject({ rule: "template.ratio-kind", path: "rules[2].ratio" });
});

test("an expression rule: sound, then one that does not parse, with its position", () => {
  const t = copy();
  t.rules.push({ id: "dt.tcd", kind: "expression", severity: "warning", expression: "doi_thoai <= tiep_cong_dan" });
  expect(checkTemplate(t)).toEqual([]);
  t.rules[2].expression = "doi_thoai <= * tiep_cong_dan";
  const f = only(t);
  expect(f).toMatchObject({ rule: "template.expression", path: "rules[2].expression" });
  expect(f.message).toMatch(/"\*" ở vị trí 14/);
  t.rules[2].expression = "doi_thoai <= tiep_dan";
  expect(only(t).message).toMatch(/không có chỉ tiêu "tiep_dan"/);
});

test("sentences, appendix lines and draft phrases naming unknown codes or fragments", () => {
  const t = copy();
  t.sentences = {
    noData: "chưa có số liệu",
    defaultAgency: "đơn vị",
    comparison: { up: "tăng", down: "giảm", same: "bằng", percentUnit: "điểm phần trăm", previousYear: "trước" },
    fragments: { cu: [{ text: "cấp ủy {van_ban_cap_uy} văn bản" }] },
    paragraphs: [{ id: "a", sentences: [{ id: "vb", cases: [{ when: { vb_tong: "positive" }, text: "Ban hành {van_ban_tong} văn bản[; trong đó {join:@cu,@cq}]." }] }] }],
  };
  t.appendix = { "1": [{ text: "Cấp ủy: {van_ban_cu}" }], "8": [] };
  t.draftPhrases = { figures: [{ code: "vb_tong", lead: "ban hành\\s*$" }, { code: "doi_thoai", lead: "(" }], negations: [] };
  const got = checkTemplate(t).map((f) => [f.rule, f.path]);
  expect(got).toEqual([
    ["template.fragment", "sentences.paragraphs[0].sentences[0].cases[0].text"],
    ["template.placeholder", "sentences.paragraphs[0].sentences[0].cases[0].when.vb_tong"],
    ["template.placeholder", "appendix.1[0].text"],
    ["template.appendix-group", "appendix.8"],
    ["template.placeholder", "draftPhrases.figures[0].code"],
    ["template.pattern", "draftPhrases.figures[1].lead"],
  ]);
});

test("several mistakes at once are all listed; in English on request", () => {
  const t = copy();
  t.indicators[4].code = "tiep_cong_dan";
  t.rules[0].kind = "tong";
  delete t.version;
  const vi = checkTemplate(t);
  expect(vi.map((f) => f.rule).sort()).toEqual(["template.duplicate-code", "template.unknown-rule-kind", "template.version"].sort());
  const en = checkTemplate(t, { lang: "en" });
  expect(en.find((f) => f.rule === "template.duplicate-code")!.message).toBe('Indicator code "tiep_cong_dan" is a duplicate (first at indicator 4).');
});
