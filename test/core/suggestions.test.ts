/**
 * Suggestions that work (issue 10 §3): on generated reports of both built-in templates, for
 * every finding with an `expected` value and a first indicator, setting that indicator to
 * `expected` removes the finding and brings no new error into its group. Where no single
 * figure fixes a finding, it carries no `expected` and its suggestion names every figure
 * to correct (the unit tests below).
 *
 * Seeded like every property of the run (test/setup/fc-seed.ts); the seed is printed.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { check, impliedParent } from "../../src/core/engine";
import { getTemplate } from "../../src/core/templates/index";
import type { Finding, RawValue, ReportData, TemplateDef } from "../../src/core/types";
import { formatPercent } from "../../src/core/vn";

const ROOT = path.join(__dirname, "..", "..");
const read = (p: string): ReportData => JSON.parse(fs.readFileSync(path.join(ROOT, p), "utf8"));
const EXAMPLES: Record<string, ReportData> = {
  "qcdc-2021": read("examples/son-la-skhcn-2021.json"),
  "dccs-2025": read("examples/xa-tan-lap-2026.json"),
};

const RUNS = Number(process.env.SUGGEST_RUNS) || 400;
const SEED = fc.readConfigureGlobal().seed;
console.log(`suggestions property: seed ${SEED ?? "(fast-check's own)"}, ${RUNS} runs per template`);

/** A figure as people type it, for an indicator's kind. */
function figure(kind: string): fc.Arbitrary<RawValue> {
  switch (kind) {
    case "percent":
      return fc.oneof(
        { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 2 })).map(([n, d]) => formatPercent(Math.round((n / 100) * 10 ** d) / 10 ** d, d) as RawValue) },
        { weight: 1, arbitrary: fc.constantFrom<RawValue>("Không có", null, "100%", "0%") },
      );
    case "money":
      return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }).map((n) => n * 500000) }, { weight: 1, arbitrary: fc.constant<RawValue>(null) });
    case "yesno":
      return fc.constantFrom<RawValue>("Có", "Không", null);
    default:
      return fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 12 }) as fc.Arbitrary<RawValue> },
        { weight: 1, arbitrary: fc.constantFrom<RawValue>(null, "Không có", 0) },
      );
  }
}

/**
 * A report: the template's worked example with some figures changed (so that most rules hold
 * and a few fail, as in real reports), its registers kept, emptied or cut short; now and then
 * a ratio written as the exact value truncated, and a total set to the sum of its parts.
 */
function reports(t: TemplateDef): fc.Arbitrary<ReportData> {
  const base = EXAMPLES[t.id];
  const changes = fc.dictionary(fc.constantFrom(...t.indicators.map((d) => d.code)), fc.constant(0), { maxKeys: 8 }).chain((keys) => {
    const codes = Object.keys(keys);
    return fc.tuple(...codes.map((c) => figure(t.indicators.find((d) => d.code === c)!.kind))).map((vals) => Object.fromEntries(codes.map((c, i) => [c, vals[i]])));
  });
  const regs = fc.constantFrom<"keep" | "none" | "cut">("keep", "keep", "none", "cut");
  return fc.record({ changes, regs, truncate: fc.boolean() }).map(({ changes, regs, truncate }) => {
    const d: ReportData = JSON.parse(JSON.stringify(base));
    Object.assign(d.values, changes);
    if (regs === "none") d.registers = {};
    if (regs === "cut") for (const k of Object.keys(d.registers ?? {})) (d.registers as Record<string, unknown[]>)[k] = ((d.registers as Record<string, unknown[]>)[k] ?? []).slice(1);
    if (truncate) {
      for (const r of t.rules) {
        if (r.kind !== "ratio") continue;
        const nums = r.numerator.map((c) => d.values[c]);
        const den = d.values[r.denominator];
        if (typeof den !== "number" || den <= 0 || !nums.every((x) => typeof x === "number")) continue;
        const exact = ((nums as number[]).reduce((a, b) => a + b, 0) * 100) / den;
        d.values[r.ratio] = formatPercent(Math.floor(exact * 10) / 10, 1);
      }
    }
    return d;
  });
}

const keyOf = (f: Finding) => f.rule + "|" + f.severity + "|" + f.indicators.slice().sort().join(",");

/** The template group of each finding's figures (a finding with none: no group). */
function groupsOf(t: TemplateDef, f: Finding): Set<number> {
  const out = new Set<number>();
  for (const c of f.indicators) {
    const d = t.indicators.find((x) => x.code === c);
    if (d) out.add(d.group);
  }
  return out;
}

describe.each(["qcdc-2021", "dccs-2025"])("suggestions that work: %s", (id) => {
  const t = getTemplate(id)!;
  test("setting the first indicator to `expected` removes the finding and brings no new error into its group", () => {
    let tried = 0;
    const byRule = new Map<string, number>();
    fc.assert(
      fc.property(reports(t), (data) => {
        const before = check(data).findings;
        for (const f of before) {
          const code = f.indicators[0];
          if (f.expected === undefined || !code || f.path !== "values." + code) continue;
          tried++;
          byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
          const fixed: ReportData = JSON.parse(JSON.stringify(data));
          fixed.values[code] = f.expected;
          const after = check(fixed).findings;
          const again = after.filter((g) => g.rule === f.rule && g.severity === f.severity && g.indicators[0] === code);
          expect([f.rule, f.message, again.map((g) => g.message)]).toEqual([f.rule, f.message, []]);
          const groups = groupsOf(t, f);
          const had = new Set(before.filter((g) => g.severity === "error").map(keyOf));
          const added = after.filter((g) => g.severity === "error" && !had.has(keyOf(g)) && [...groupsOf(t, g)].some((x) => groups.has(x)));
          expect([f.rule, f.message, `${code} = ${JSON.stringify(f.expected)}`, added.map((g) => g.rule + ": " + g.message)]).toEqual([
            f.rule,
            f.message,
            `${code} = ${JSON.stringify(f.expected)}`,
            [],
          ]);
        }
      }),
      { numRuns: RUNS },
    );
    // The generated reports reach the suggestions of sums and ratios, not only the odd one.
    expect(tried).toBeGreaterThan(RUNS / 4);
    expect([...byRule.keys()].some((r) => t.rules.find((x) => x.id === r)?.kind === "sum")).toBe(true);
    expect([...byRule.keys()].some((r) => t.rules.find((x) => x.id === r)?.kind === "ratio")).toBe(true);
  });
});

describe("a finding no single figure fixes names every figure and offers no `expected`", () => {
  const ex = (id: string): ReportData => JSON.parse(JSON.stringify(EXAMPLES[id]));
  const only = (data: ReportData, rule: string, lang: "vi" | "en" = "vi") => check(data, { lang }).findings.filter((f) => f.rule === rule);

  test("tt.sum in the worked example: one figure fixes it, and it is offered", () => {
    const [f] = only(ex("qcdc-2021"), "tt.sum");
    expect(f.expected).toBe(4);
    expect(f.suggestion).toBe("Sửa số hội nghị, tập huấn thành 04, hoặc sửa lại các phần.");
  });

  test("a ratio over 100% (numerator above denominator): no 125% offered; the ratio and both figures named", () => {
    const d = ex("qcdc-2021");
    Object.assign(d.values, { cbccvc_da_to_chuc: 5, cbccvc_tong_don_vi: 4 });
    const [f] = only(d, "cbccvc.ratio");
    expect(f.expected).toBeUndefined();
    expect(f.message).toBe("Tỷ lệ đơn vị đã tổ chức hội nghị (100%) không khớp: 05/04 = 125%, hơn 100% vì số đơn vị đã tổ chức hội nghị nhiều hơn tổng số cơ quan, đơn vị.");
    expect(f.suggestion).toContain("tổng số cơ quan, đơn vị (04)");
    expect(f.suggestion).toContain("số đơn vị đã tổ chức hội nghị (05)");
    expect(only(d, "cbccvc.ratio", "en")[0].message).toContain("over 100% because units that held the conference is more than agencies and units");
  });

  test("dth.forms where the total set to the forms' sum would fall below a part by chair: the chairs named too", () => {
    const d = ex("dccs-2025");
    Object.assign(d.values, { dth_truc_tiep: 1, dth_truc_tuyen: 0 });
    const [f] = only(d, "dth.forms");
    expect(f.expected).toBeUndefined();
    expect(f.suggestion).toBe(
      "Nếu chỉ sửa số hội nghị đối thoại thành 01 thì lại sai ở quy tắc khác; cần sửa cùng lúc: số hội nghị đối thoại (02), số cuộc trực tiếp (01), số cuộc trực tuyến (0), số cuộc người đứng đầu chính quyền chủ trì (02) và số cuộc người đứng đầu cấp ủy chủ trì (01).",
    );
  });

  test("dth.part (a part over its total): no `expected`; the part, the total and the total's other parts named", () => {
    const d = ex("dccs-2025");
    Object.assign(d.values, { dth_chinh_quyen: 3 });
    d.registers = {};
    const [f] = only(d, "dth.part");
    expect(f.expected).toBeUndefined();
    expect(f.suggestion).toBe(
      "Sửa số cuộc người đứng đầu chính quyền chủ trì (03) thành không quá 02, hoặc sửa số hội nghị đối thoại (02) thành ít nhất 03 và sửa cả số cuộc trực tiếp (01) và số cuộc trực tuyến (01) cho khớp.",
    );
    expect(only(d, "dth.part", "en")[0].suggestion).toBe(
      "Lower sessions chaired by the head of government (03) to at most 02, or raise dialogue conferences (02) to at least 03 and correct sessions in person (01) and sessions online (01) to match.",
    );
    // qcdc-2021 has no forms: the part and the total only.
    const [g] = only(ex("qcdc-2021"), "dth.part");
    expect(g.expected).toBeUndefined();
    expect(g.suggestion).toBe("Sửa số cuộc người đứng đầu chính quyền chủ trì (03) thành không quá 01, hoặc sửa số hội nghị đối thoại (01) thành ít nhất 03.");
  });

  test("a register count off by one figure whose fix would break the sum (a row with no form): no `expected`", () => {
    const d = ex("qcdc-2021");
    d.registers!.hoi_nghi = [
      { title: "A", date: "2021-03-01", form: "rieng" },
      { title: "B", date: "2021-04-01", form: "long_ghep" },
      { title: "C", date: "2021-05-01" },
    ];
    Object.assign(d.values, { tt_hoi_nghi: 3, tt_rieng: 2, tt_long_ghep: 1 });
    const [f] = only(d, "tt.register");
    expect(f.expected).toBeUndefined();
    expect(f.suggestion).toBe(
      "Nếu chỉ sửa số cuộc tổ chức riêng thành 01 thì lại sai ở quy tắc khác; cần sửa cùng lúc: số cuộc tổ chức riêng (02), số hội nghị, tập huấn (03) và số cuộc lồng ghép (01).",
    );
    // Every row with its form, one figure off: the count alone fixes it, and it is offered.
    d.registers!.hoi_nghi[2].form = "rieng";
    d.values.tt_rieng = 1;
    expect(only(d, "tt.register")[0].expected).toBe(2);
  });

  test("le with one figure each side names both ways; the register names each figure it disagrees with", () => {
    const [f] = only(JSON.parse(JSON.stringify(EXAMPLES["dccs-2025"])), "bqd.le");
    expect(f.expected).toBeUndefined();
    expect(f.suggestion).toBe("Sửa số nội dung được thông qua (06) thành không quá 05, hoặc sửa số nội dung Nhân dân bàn và quyết định (05) thành ít nhất 06.");
    const [r] = only(ex("qcdc-2021"), "dth.register");
    expect(r.expected).toBeUndefined();
    expect(r.suggestion).toBe("Sửa theo sổ Đối thoại: số hội nghị đối thoại 0 và số cuộc người đứng đầu chính quyền chủ trì 0; hoặc bổ sung sổ.");
  });
});

describe("a warning an error on the same figures implies is marked `impliedBy` (shown under it)", () => {
  const ex = (id: string): ReportData => JSON.parse(JSON.stringify(EXAMPLES[id]));
  test.each(["qcdc-2021", "dccs-2025"])("%s: dth.parts beside dth.part", (id) => {
    const d = ex(id);
    Object.assign(d.values, { dth_tong: 1, dth_cap_uy: 0, dth_chinh_quyen: 3 });
    const res = check(d);
    const parts = res.findings.find((f) => f.rule === "dth.parts")!;
    expect(parts.severity).toBe("warning");
    expect(parts.impliedBy).toBe("dth.part");
    // Still a finding, still counted.
    expect(res.summary.warnings).toBe(res.findings.filter((f) => f.severity === "warning").length);
    expect(res.findings.find((f) => f.rule === "dth.part")!.impliedBy).toBeUndefined();
  });
  test("the sum over the total with every part within it (both heads chaired): a warning of its own", () => {
    const d = ex("dccs-2025"); // 01 + 02 > 02, each part ≤ 02
    const parts = check(d).findings.find((f) => f.rule === "dth.parts")!;
    expect(parts.impliedBy).toBeUndefined();
  });
  test("dth.part switched to a warning by an override: nothing to nest under", () => {
    const d = ex("qcdc-2021");
    d.overrides = { "dth.part": { severity: "warning", reason: "Đã giải trình" } };
    const parts = check(d).findings.find((f) => f.rule === "dth.parts")!;
    expect(parts.impliedBy).toBeUndefined();
  });
});

describe("a rule's note that a figure is unreadable is marked as implied by that figure's value.kind error", () => {
  const ex = (id: string): ReportData => JSON.parse(JSON.stringify(EXAMPLES[id]));
  test("cv.sum cannot be checked because of \"hơn 500\": under the value.kind error of cv_khac", () => {
    const d = ex("qcdc-2021");
    d.values.cv_khac = "hơn 500";
    d.values.vb_cap_uy = "khoảng 3";
    const res = check(d);
    const note = res.findings.find((f) => f.rule === "cv.sum")!;
    expect(note).toMatchObject({ severity: "info", impliedBy: "value.kind", indicators: expect.arrayContaining(["cv_khac"]) });
    // Under the error of its own figure, not the first value.kind error in the list.
    const errs = res.findings.filter((f) => f.rule === "value.kind");
    expect(errs.map((f) => f.path)).toEqual(["values.vb_cap_uy", "values.cv_khac"]);
    expect(impliedParent(note, res.findings)).toBe(errs[1]);
    expect(impliedParent(res.findings.find((f) => f.rule === "vb.sum")!, res.findings)).toBe(errs[0]);
  });
  test("a note naming a blank figure first is its own (nothing to fix in the unreadable one alone)", () => {
    const d = ex("qcdc-2021");
    Object.assign(d.values, { cv_khac: "hơn 500", cv_doanh_nghiep: null });
    const note = check(d).findings.find((f) => f.rule === "cv.sum")!;
    expect(note.indicators[0]).toBe("cv_doanh_nghiep");
    expect(note.impliedBy).toBeUndefined();
  });
  test("the period note (Covid-19 support outside 2020–2022) is not about reading a figure: its own", () => {
    const d = ex("qcdc-2021");
    d.report!.year = 2024;
    d.values.cv_khac = "hơn 500";
    const period = check(d).findings.find((f) => f.rule === "cv.period");
    expect(period?.impliedBy).toBeUndefined();
  });
});

describe("implies: either figure may be wrong", () => {
  test("kt.teams: teams without units names both figures, no `expected`", () => {
    const d: ReportData = JSON.parse(JSON.stringify(EXAMPLES["qcdc-2021"]));
    Object.assign(d.values, { kt_so_doan: 2, kt_so_don_vi: 0 });
    d.registers!.kiem_tra = [];
    const f = check(d).findings.find((x) => x.rule === "kt.teams")!;
    expect(f.expected).toBeUndefined();
    expect(f.suggestion).toBe("Sửa số đơn vị được kiểm tra (0) cho lớn hơn 0, hoặc sửa lại số đoàn kiểm tra (02).");
  });
});

describe("`expected` reads back as itself", () => {
  test("a ratio left \"Không có\" over a total of 01: no 5.800% offered (it would read as 5,8%), the figures named", () => {
    const d: ReportData = JSON.parse(JSON.stringify(EXAMPLES["dccs-2025"]));
    Object.assign(d.values, { dvc_tthc_tong: 1, dvc_ty_le_toan_trinh: "Không có" });
    const [f] = check(d).findings.filter((x) => x.rule === "dvc.ratio");
    expect(f.expected).toBeUndefined();
    expect(f.suggestion).toContain("tổng số thủ tục hành chính (01)");
  });
  test("a ratio left \"Không có\" over a total: the right percent as a number in percent units", () => {
    const d: ReportData = JSON.parse(JSON.stringify(EXAMPLES["dccs-2025"]));
    d.values.dvc_ty_le_toan_trinh = "Không có";
    const [f] = check(d).findings.filter((x) => x.rule === "dvc.ratio");
    expect(f.expected).toBe(48.3);
    expect(f.suggestion).toBe("Ghi 48,3%.");
  });
  test("ttnd.members: the minimum offered, and the other figure named", () => {
    const [f] = check(JSON.parse(JSON.stringify(EXAMPLES["dccs-2025"]))).findings.filter((x) => x.rule === "ttnd.members");
    expect(f.expected).toBe(5);
    expect(f.suggestion).toBe("Sửa số thành viên Ban Thanh tra nhân dân (04) thành ít nhất 05, hoặc sửa lại số Ban Thanh tra nhân dân (01).");
  });
  test("ck.max over 14 on one figure: 14 offered", () => {
    const d: ReportData = JSON.parse(JSON.stringify(EXAMPLES["dccs-2025"]));
    d.values.ck_noi_dung = 15;
    expect(check(d).findings.find((x) => x.rule === "ck.max")!.expected).toBe(14);
  });
});

describe("figures padded one way, English plurals", () => {
  test("a register's rows: \"01 row\", \"02 rows\" in English, \"02 dòng\" in Vietnamese; the template's own wording too", () => {
    const d: ReportData = JSON.parse(JSON.stringify(EXAMPLES["qcdc-2021"]));
    d.registers!.hoi_nghi = [{ title: "A", date: "2021-03-01", form: "rieng" }];
    d.values.tt_hoi_nghi = 4; // and the register says 01
    const en = check(d, { lang: "en" }).findings.find((f) => f.rule === "tt.register")!;
    expect(en.message).toMatch(/^The Conferences register has 01 row, but /);
    d.registers!.hoi_nghi.push({ title: "B", date: "2021-04-01", form: "long_ghep" });
    expect(check(d, { lang: "en" }).findings.find((f) => f.rule === "tt.register")!.message).toMatch(/^The Conferences register has 02 rows, but /);
    expect(check(d).findings.find((f) => f.rule === "tt.register")!.message).toMatch(/^Sổ Hội nghị có 02 dòng, nhưng /);
    const one: ReportData = JSON.parse(JSON.stringify(EXAMPLES["qcdc-2021"]));
    one.registers!.doi_thoai = one.registers!.doi_thoai!.slice(0, 1);
    expect(check(one, { lang: "en" }).findings.find((f) => f.rule === "dth.register")!.message).toMatch(/has 01 planned dialogue conference, 0 held, but/);
  });
  test("a count in the message and in its figures reads the same (\"03\" both)", () => {
    const f = check(JSON.parse(JSON.stringify(EXAMPLES["qcdc-2021"]))).findings.find((x) => x.rule === "dth.part")!;
    expect(f.message).toContain("(03)");
    expect(f.values).toMatchObject({ dth_chinh_quyen: 3 }); // the JSON keeps numbers; the CLI and the pane print them "03"
  });
});

describe("a rule that cannot be checked says what to fill in", () => {
  test("blank and unreadable inputs: fill in the blank ones, write the others as figures (vi and en)", () => {
    const d: ReportData = JSON.parse(JSON.stringify(EXAMPLES["qcdc-2021"]));
    Object.assign(d.values, { cv_doanh_nghiep: null, cv_khac: "hơn 500" });
    const f = check(d).findings.find((x) => x.rule === "cv.sum")!;
    expect(f.severity).toBe("info");
    expect(f.suggestion).toBe("Điền hỗ trợ doanh nghiệp. Ghi lại hỗ trợ đối tượng khác bằng một số.");
    expect(check(d, { lang: "en" }).findings.find((x) => x.rule === "cv.sum")!.suggestion).toBe("Fill in support to businesses. Write support to others as a figure.");
    // The worked example: the blank total of the online services.
    expect(check(JSON.parse(JSON.stringify(EXAMPLES["qcdc-2021"]))).findings.find((x) => x.rule === "dvc.parts")!.suggestion).toBe("Điền tổng số dịch vụ công.");
  });
});
