import { buildSummary, summaryBlocks, type Summary } from "../../src/core/narrative/summary";
import { QCDC_2021_PHRASES } from "../../src/core/narrative/phrases";
import { qcdc2021 } from "../../src/core/templates/qcdc-2021";
import { readValue } from "../../src/core/values";
import { formatCount, formatNumber, formatPercent } from "../../src/core/vn";
import type { ReportData, RawValue, IndicatorKind } from "../../src/core/types";
import { EXAMPLE, MAI_SON, raw, clone } from "./helpers";

const example = raw(EXAMPLE);
const maiSon = raw(MAI_SON);

/** The wording of each sentence; a mark for the author ("[cần kiểm tra: …]") left aside (its own tests below). */
function sentences(s: Summary): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of s.paragraphs) for (const x of p) m.set(x.id, x.text.replace(/ \[cần kiểm tra: [^\]]*\]/, ""));
  return m;
}

describe("summary of the worked example", () => {
  const s = buildSummary(example);

  it("has no phrase-book problems", () => {
    expect(s.warnings).toEqual([]);
  });

  it("covers every appendix group with its figures, padded, grouped and with dates as the conventions say", () => {
    const t = s.text;
    expect(t).toContain("đã ban hành 08 văn bản");
    expect(t).toContain("cấp ủy ban hành 03 văn bản và chính quyền ban hành 05 văn bản");
    expect(t).toContain("01 đoàn kiểm tra");
    expect(t).toContain("tại 01 đơn vị, cơ sở");
    expect(t).toContain("lồng ghép 04 cuộc");
    expect(t).toContain("26 dịch vụ công trực tuyến mức độ 3 và 19 dịch vụ công trực tuyến mức độ 4");
    expect(t).toContain("đạt 100%");
    expect(t).toContain("không nhận được đơn thư khiếu nại, tố cáo");
    expect(t).toContain("Không có vụ việc tồn đọng, kéo dài.");
    expect(t).toContain("Tổ chức 01 cuộc hội nghị đối thoại");
    expect(t).toContain("người đứng đầu chính quyền chủ trì 03 cuộc");
    expect(t).toContain("10.424.000 đồng");
    expect(t).toContain("Có 4/4 cơ quan, đơn vị"); // a fraction is never padded
    expect(s.paragraphs.length).toBeGreaterThanOrEqual(2);
  });

  it("never states contradicting figures as fact: the group 3 and dialogue sentences are marked for the author", () => {
    expect(s.text).not.toContain("không tổ chức hội nghị, hội thảo, tập huấn");
    expect(s.text).toContain(
      "Số lượng các cuộc hội nghị, hội thảo, tập huấn: 0; trong đó tổ chức riêng 0 cuộc và lồng ghép 04 cuộc [cần kiểm tra: tổng không khớp các phần].",
    );
    expect(s.text).toMatch(/người đứng đầu chính quyền chủ trì 03 cuộc \[cần kiểm tra: [^\]]*phần lớn hơn tổng[^\]]*\]\./);
    const marked = s.paragraphs.flat().filter((x) => x.mark);
    expect(marked.map((x) => x.id)).toEqual(["tt", "dth"]);
    // the other sentences, whose figures hold, are stated plainly
    expect(s.paragraphs.flat().filter((x) => !x.mark).every((x) => !x.text.includes("cần kiểm tra"))).toBe(true);
    // in the document model the mark is its own highlighted run
    const blocks = summaryBlocks(s);
    const runs = blocks.flatMap((b) => b.runs);
    expect(runs.filter((r) => r.highlight).map((r) => r.text)).toEqual(["[cần kiểm tra: tổng không khớp các phần]", expect.stringContaining("[cần kiểm tra: ")]);
    expect(blocks.map((b) => b.runs.map((r) => r.text).join("")).join("\n\n")).toBe(s.text);
  });

  it("data without errors: nothing is marked", () => {
    const d = clone(example);
    d.values.tt_hoi_nghi = "04";
    d.values.dth_tong = 0;
    d.values.dth_chinh_quyen = 0;
    const fixed = buildSummary(d);
    expect(fixed.text).not.toContain("cần kiểm tra");
    expect(fixed.text).toContain("Tổ chức 04 cuộc hội nghị, hội thảo, tập huấn");
  });

  it("a part above its total is marked even when another part is blank (the sum rule only says what is missing)", () => {
    const d = clone(example);
    d.values.cv_nguoi_lao_dong = null;
    d.values.cv_doanh_nghiep = 20000000;
    const t = buildSummary(d).text;
    expect(t).toMatch(/doanh nghiệp 20\.000\.000 đồng \[cần kiểm tra: phần lớn hơn tổng\]\./);
  });

  it("padding is a style option", () => {
    const u = buildSummary(example, { pad: false }).text;
    expect(u).toContain("đã ban hành 8 văn bản");
    expect(u).toContain("4/4 cơ quan");
    expect(u).not.toMatch(/\b0\d\b/);
  });
});

describe("zero and not applicable read naturally", () => {
  it("no dialogue conference, no document, no inspection, no support", () => {
    const d = clone(example);
    Object.assign(d.values, {
      dth_tong: 0, dth_cap_uy: 0, dth_chinh_quyen: 0,
      vb_tong: 0, vb_cap_uy: 0, vb_chinh_quyen: 0,
      kt_so_doan: 0, kt_so_don_vi: 0,
      tt_hoi_nghi: 0, tt_rieng: 0, tt_long_ghep: 0,
      cv_tong: 0, cv_doanh_nghiep: 0, cv_nguoi_lao_dong: 0, cv_khac: 0,
    });
    const t = buildSummary(d).text;
    expect(t).toContain("không tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp");
    expect(t).toContain("không ban hành văn bản mới");
    expect(t).toContain("không thành lập đoàn kiểm tra");
    expect(t).toContain("Trong năm không tổ chức hội nghị, hội thảo, tập huấn");
    expect(t).toContain("không phát sinh kinh phí hỗ trợ");
    expect(t).not.toMatch(/\b0 (văn bản|cuộc|đoàn|đồng)\b/);
  });

  it("complaints: 12 received, 11 resolved, 91,7%", () => {
    const t = buildSummary(maiSon).text;
    expect(t).toContain("Tiếp nhận 12 đơn thư khiếu nại, tố cáo thuộc thẩm quyền");
    expect(t).toContain("đã giải quyết 11 đơn, tỷ lệ giải quyết đạt 91,7%");
    expect(t).toContain("Số vụ việc tồn đọng, kéo dài: đã giải quyết 02; chưa giải quyết 01.");
  });
});

describe("blank and unreadable values are never invented", () => {
  it("all blank: says nothing of them (never 'chưa có số liệu'), prints no figure", () => {
    const d = clone(example);
    for (const k of Object.keys(d.values)) d.values[k] = null;
    const s = buildSummary(d);
    expect(s.text).not.toContain("chưa có số liệu");
    const digits = s.text.replace(/mức độ 3, 4|Covid-19|năm 2021/g, "").match(/\d/g);
    expect(digits).toBeNull();
  });

  it("an unreadable value is not printed, whatever was typed", () => {
    const d = clone(example);
    d.values.vb_tong = "khoảng 20";
    d.values.cv_tong = "hơn 500";
    const t = buildSummary(d).text;
    expect(t).not.toContain("20");
    expect(t).not.toContain("500");
    expect(t).not.toContain("chưa có số liệu");
    // the documents' sentence is left out rather than said without its total
    expect(t).not.toContain("Số văn bản đã ban hành");
  });
});

describe("previous-year comparisons", () => {
  const t = buildSummary(maiSon).text;
  it("tăng / bằng / giảm with the difference and the previous year", () => {
    expect(t).toContain("đã ban hành 03 văn bản lãnh đạo, chỉ đạo, triển khai thực hiện quy chế dân chủ ở cơ sở, tăng 02 văn bản so với năm 2021");
    expect(t).toContain("đã thành lập 02 đoàn kiểm tra (bằng năm 2021) việc thực hiện quy chế dân chủ ở cơ sở tại 03 đơn vị, cơ sở.");
    expect(t).toContain("Tổ chức 03 cuộc hội nghị, hội thảo, tập huấn, tuyên truyền về thực hiện quy chế dân chủ ở cơ sở, giảm 02 cuộc so với năm 2021");
    expect(t).toContain("đạt 85%, tăng 4,5 điểm phần trăm so với năm 2021");
    expect(t).toContain("tổng kinh phí hỗ trợ là 1.250.000.000 đồng, tăng 250.000.000 đồng so với năm 2021");
    expect(t).toContain("hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp, giảm 01 cuộc so với năm 2021");
  });
  it("no comparison without a previous value", () => {
    expect(buildSummary(example).text).not.toMatch(/so với năm|bằng năm/);
  });
});

/** Every figure in the text is a value, a previous value's difference, the year, or a constant of the phrase book. */
function allowedNumbers(d: ReportData, pad: boolean): Set<string> {
  const ok = new Set<string>();
  const fmt = (v: number, dec: number, kind: IndicatorKind) =>
    kind === "percent" ? [formatPercent(v, dec), formatNumber(v, dec)] : kind === "money" ? [formatNumber(v)] : [formatCount(v, { pad })];
  for (const i of qcdc2021.indicators) {
    const r = readValue(d.values[i.code], i.kind);
    if (r.status !== "number") continue;
    fmt(r.value, r.decimals, i.kind).forEach((x) => ok.add(x));
    const p = readValue(d.previous?.[i.code], i.kind);
    if (p.status === "number") {
      const dec = Math.max(r.decimals, p.decimals);
      const diff = Math.round(Math.abs(r.value - p.value) * 10 ** dec) / 10 ** dec;
      fmt(diff, dec, i.kind).forEach((x) => ok.add(x));
    }
  }
  const y = Number(d.report.year);
  ok.add(String(y));
  ok.add(String(y - 1));
  const phraseText = JSON.stringify(QCDC_2021_PHRASES).replace(/\{[^}]*\}/g, " ");
  for (const m of phraseText.match(/\d+/g) ?? []) ok.add(m);
  return ok;
}

describe("every number in the text comes from the data", () => {
  for (const [name, d] of [["example", example], ["Mai Sơn", maiSon]] as const) {
    it(name, () => {
      for (const pad of [true, false]) {
        const ok = allowedNumbers(d, pad);
        const t = buildSummary(d, { pad }).text;
        const found = t.match(/\d+(?:[.,]\d+)*%?/g) ?? [];
        expect(found.length).toBeGreaterThan(10);
        for (const n of found) expect({ n, ok: ok.has(n) || ok.has(n.replace(/%$/, "")) }).toEqual({ n, ok: true });
      }
    });
  }
});

/** A different value of the same kind: n+1 for counts and money, p-1 (or 50) for percents. */
function perturb(v: RawValue, kind: IndicatorKind): RawValue {
  const r = readValue(v, kind);
  if (kind === "percent") {
    if (r.status === "number") return formatPercent(r.value >= 1 ? r.value - 1 : r.value + 1, r.decimals);
    return "50%";
  }
  if (r.status === "number") return r.value + 1;
  return 1;
}

describe("changing one value changes exactly the sentences that use it", () => {
  const printed = qcdc2021.indicators.filter((i) => i.printed !== false);
  for (const [name, base] of [["example", example], ["Mai Sơn", maiSon]] as const) {
    describe(name, () => {
      const before = buildSummary(base);
      const beforeMap = sentences(before);
      const info = new Map(before.paragraphs.flat().map((s) => [s.id, s]));
      for (const ind of qcdc2021.indicators) {
        it(ind.code, () => {
          const d = clone(base);
          d.values[ind.code] = perturb(d.values[ind.code], ind.kind);
          const after = buildSummary(d);
          const afterMap = sentences(after);
          const afterInfo = new Map(after.paragraphs.flat().map((s) => [s.id, s]));
          const ids = new Set([...beforeMap.keys(), ...afterMap.keys()]);
          const changed = [...ids].filter((id) => beforeMap.get(id) !== afterMap.get(id)).sort();
          const uses = (id: string, k: "prints" | "depends") => !!(info.get(id)?.[k].includes(ind.code) || afterInfo.get(id)?.[k].includes(ind.code));
          // Every sentence printing the value changed; every changed sentence depends on it.
          for (const id of ids) if (uses(id, "prints")) expect({ id, changed: changed.includes(id) }).toEqual({ id, changed: true });
          for (const id of changed) expect({ id, depends: uses(id, "depends") }).toEqual({ id, depends: true });
          if (printed.includes(ind)) {
            // A printed indicator is said somewhere, and its new figure shows.
            expect(changed.length).toBeGreaterThan(0);
            const r = readValue(d.values[ind.code], ind.kind);
            const shown = r.status === "number" && ind.kind !== "percent" ? (ind.kind === "money" ? formatNumber(r.value) : formatCount(r.value)) : null;
            if (shown && [...afterInfo.values()].some((s) => s.prints.includes(ind.code))) {
              // Padded in running text ("08 văn bản"), plain in a fraction ("4/4").
              const forms = ind.kind === "count" && r.status === "number" ? [shown, formatCount(r.value, { pad: false })] : [shown];
              expect(changed.some((id) => forms.some((x) => (afterMap.get(id) ?? "").includes(x)))).toBe(true);
            }
          }
        });
      }
    });
  }

  it("a previous-year value changes only its comparison's sentence", () => {
    const before = sentences(buildSummary(maiSon));
    const d = clone(maiSon);
    d.previous!.vb_tong = 2;
    const after = sentences(buildSummary(d));
    const changed = [...before.keys()].filter((id) => before.get(id) !== after.get(id));
    expect(changed).toEqual(["vb"]);
    expect(after.get("vb")).toContain("tăng 01 văn bản so với năm 2021");
  });
});

describe("in the worked example, a value changes only its own group's sentence", () => {
  // Written by hand: each printed indicator belongs to exactly one sentence of the summary.
  const expected: Record<string, string[]> = {
    vb_tong: ["vb"], vb_cap_uy: ["vb"], vb_chinh_quyen: ["vb"],
    kt_so_doan: ["kt"], kt_so_don_vi: ["kt"],
    tt_hoi_nghi: ["tt"], tt_rieng: ["tt"], tt_long_ghep: ["tt"],
    cchc_dvc_tong: [], cchc_dvc_muc3: ["dvc"], cchc_dvc_muc4: ["dvc"], cchc_dvc_ty_le: ["dvc_tl"],
    dt_tong: ["dt"], dt_da_giai_quyet: [], dt_ty_le: ["dt"], dt_ton_dong_da_gq: ["dt_td"], dt_ton_dong_chua_gq: ["dt_td"],
    dth_tong: ["dth"], dth_cap_uy: ["dth"], dth_chinh_quyen: ["dth"],
    cv_tong: ["cv"], cv_doanh_nghiep: ["cv"], cv_nguoi_lao_dong: ["cv"], cv_khac: ["cv"],
    cbccvc_da_to_chuc: ["cbccvc"], cbccvc_tong_don_vi: ["cbccvc"], cbccvc_ty_le: ["cbccvc"],
  };
  const before = sentences(buildSummary(example));
  it.each(qcdc2021.indicators.map((i) => [i.code, i.kind] as const))("%s", (code, kind) => {
    const d = clone(example);
    d.values[code] = perturb(d.values[code], kind);
    const after = sentences(buildSummary(d));
    const ids = new Set([...before.keys(), ...after.keys()]);
    expect([...ids].filter((id) => before.get(id) !== after.get(id))).toEqual(expected[code]);
  });
});
