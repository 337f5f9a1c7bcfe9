/** The check of a draft narrative against the figures (src/core/draft): the seed and hand-written variants. */
import { checkDraft, DRAFT_PATTERNS, figuresIn, normalizeText, parseSymbol, splitSentences } from "../../src/core/draft/index";
import { compilePatterns } from "../../src/core/draft/figures";
import { getTemplate } from "../../src/core/templates/index";
import { nfc } from "../../src/core/vn";
import { cleanSeed, correctedSeed, edit, example, narrative, rawExample, rules, seedText } from "./helpers";
import { normalizeReport } from "../../src/core/normalize";

const data = example();

function sentenceOf(text: string, needle: string): { quote: string; offset: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error("missing " + needle);
  return { quote: needle, offset: i };
}

describe("the seed report against the example's figures", () => {
  const text = seedText();
  const res = checkDraft(text, data);

  test("finds the dialogue conference the text says was not held (narrative.negation)", () => {
    const neg = res.findings.filter((f) => f.rule === "narrative.negation");
    expect(neg).toHaveLength(1);
    const f = neg[0];
    expect(f.severity).toBe("error");
    expect(f.indicators[0]).toBe("dth_tong");
    expect(f.values).toEqual({ dth_tong: 1 });
    expect(f.message).toContain("không tổ chức Hội nghị đối thoại");
    expect(f.message).toContain("01");
    // the sentence is long: the excerpt is centred on the negation, cut at a word
    expect(f.quote).toMatch(/^đến hết thời điểm tiếp nhận.*đơn vị không tổ chức Hội nghị đối thoại\.$/);
    expect(f.quote!.length).toBeLessThanOrEqual(200);
    // offset is where the quoted excerpt starts in the text as given
    expect(text.slice(f.offset!, f.offset! + f.quote!.length)).toBe(f.quote);
    expect(f.suggestion).toContain("đã tổ chức 01 cuộc hội nghị đối thoại");
  });

  test("finds the appendix heading's wrong report number (narrative.report-number)", () => {
    const num = res.findings.filter((f) => f.rule === "narrative.report-number");
    expect(num).toHaveLength(1);
    expect(num[0].severity).toBe("error");
    expect(num[0].message).toContain("538/BC-SKHCM");
    expect(num[0].message).toContain("538/BC-SKHCN");
    expect(num[0].expected).toBe("538/BC-SKHCN");
    expect(num[0].quote).toContain("Kèm theo Báo cáo số 538/BC-SKHCM ngày 14/11/2021");
    expect(text.slice(num[0].offset!).startsWith(num[0].quote!)).toBe(true);
    expect(num[0].suggestion).toContain("538/BC-SKHCN");
  });

  test("no false narrative.figure: the seed's figures all agree with the appendix (08 văn bản = vb_tong 08)", () => {
    expect(res.findings.filter((f) => f.rule === "narrative.figure")).toEqual([]);
    expect(narrative(res).map((f) => f.rule).sort()).toEqual(["narrative.negation", "narrative.report-number"]);
    // the header's own number and date line are right: no report-date finding
    expect(rules(res)).not.toContain("narrative.report-date");
  });

  test("exactly two errors; everything else is a warning", () => {
    expect(res.summary.errors).toBe(2);
    expect(res.summary.warnings).toBe(res.findings.length - 2);
    expect(res.findings.slice(0, 2).every((f) => f.severity === "error")).toBe(true);
    for (const f of res.findings.filter((x) => x.rule.startsWith("lint."))) {
      expect(f.severity).toBe("warning");
      expect(f.suggestion).toBeTruthy();
      expect(f.quote).toBeTruthy();
      expect(text.slice(f.offset!).startsWith(f.quote!)).toBe(true);
    }
  });

  test("the lint warnings the conventions list for the seed", () => {
    const lint = res.findings.filter((f) => f.rule.startsWith("lint."));
    const by = (rule: string) => lint.filter((f) => f.rule === rule);
    // dates with dots
    const dates = by("lint.date").map((f) => f.message);
    for (const d of ["17.11.2015", "14.7.2015", "07.01.2016", "16.3.2021"]) expect(dates.some((m) => m.includes(`"${d}"`))).toBe(true);
    expect(by("lint.date").find((f) => f.message.includes("17.11.2015"))!.suggestion).toContain("17/11/2015");
    expect(by("lint.date")).toHaveLength(4);
    // symbols not in their form
    const sym = by("lint.symbol");
    const nd = sym.find((f) => f.message.includes("04/2015/NĐCP"))!;
    expect(nd.suggestion).toContain("04/2015/NĐ-CP");
    const hd = sym.find((f) => f.message.includes("01/HD/BDVTW"))!;
    expect(hd.suggestion).toContain("01-HD/BDVTW");
    // one agency, three abbreviations
    const abbr = by("lint.agency-abbr");
    expect(abbr.map((f) => f.message).join(" ")).toContain("49/KH-KHCN");
    expect(abbr.map((f) => f.message).join(" ")).toContain("51/KH-SKH-CN");
    expect(abbr.every((f) => f.message.includes("SKHCN"))).toBe(true);
    expect(abbr).toHaveLength(2);
    // one document, two spellings
    const same = by("lint.same-document");
    const ct = same.find((f) => f.message.includes("05/CT-TW"))!;
    expect(ct.message).toContain("05-CT/TW");
    expect(ct.suggestion).toContain("05-CT/TW");
    const hd2 = same.find((f) => f.message.includes("01-HD/BDVTW"))!;
    expect(hd2.message).toContain("01/HD/BDVTW");
    expect(hd2.suggestion).toContain("01-HD/BDVTW");
  });

  test("the seed's other numbers raise nothing: dates, decree numbers, terms, ranges, units", () => {
    const tricky = [
      "Nghị định 04/2015/NĐ-CP về thực hiện dân chủ trong hoạt động cơ quan hành chính nhà nước.",
      "Nghị quyết số 25-NQ/TW ngày 30/6/2013 của Ban chấp hành TW Đảng khóa XI về công tác dân vận.",
      "Tuyên truyền về công tác bầu cử đại biểu Quốc hội khóa XV nhiệm kỳ 2021-2026 theo Chỉ thị số 45-CT/TW ngày 20/6/2020.",
      "Kiện toàn lại tổ chức bộ máy của Sở (từ 04 phòng chuyên môn thành 03 phòng chuyên môn; 01 Chi cục; 02 đơn vị sự nghiệp công lập trực thuộc Sở).",
      "Đánh giá kết quả 5 năm thực hiện Kết luận số 120-KL/TW, ngày 07/01/2016 của Bộ Chính trị.",
      "Năm 2021, Sở Khoa học và Công nghệ đã ban hành 02 kế hoạch đối thoại gồm: Kế hoạch số 51/KH-SKHCN ngày 11/01/2021.",
      "Triển khai thực hiện Nghị quyết Trung ương 4 (khóa XII) về tăng cường xây dựng, chỉnh đốn Đảng.",
      "Phong trào thi đua “Dân vận khéo” giai đoạn 2021-2025.",
      "- Lưu: VT, VP, Ha (01b).",
      "Số lượng dịch vụ công trực tuyến mức độ 3, 4 được nâng cấp trong quý 3.",
      "Kết quả tổ chức thực hiện các chính sách hỗ trợ người dân gặp khó khăn do đại dịch Covid -19.",
    ];
    for (const s of tricky) expect(narrative(checkDraft(s, data))).toEqual([]);
    // and the seed's own sentences with such numbers are in the text checked above
    for (const s of ["04/2015/NĐ-CP", "khóa XI", "2021-2026", "03 phòng chuyên môn"]) expect(seedText()).toContain(s);
  });
});

describe("corrected drafts", () => {
  test("the seed with its two contradictions fixed gives no narrative.* finding", () => {
    const res = checkDraft(correctedSeed(), data);
    expect(narrative(res)).toEqual([]);
    expect(res.summary.errors).toBe(0);
    expect(res.summary.warnings).toBeGreaterThan(0); // the lint points are still there
  });

  test("with the lint points fixed as well, nothing at all", () => {
    const res = checkDraft(cleanSeed(), data);
    expect(res.findings).toEqual([]);
  });
});

describe("narrative.figure on hand-written sentences", () => {
  const base = correctedSeed();

  test("a document count that disagrees with vb_tong", () => {
    const text = edit(base, "đã ban hành 08 văn bản", "đã ban hành 10 văn bản");
    const res = checkDraft(text, data);
    const f = res.findings.filter((x) => x.rule === "narrative.figure");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", indicators: ["vb_tong"], expected: 8, values: { vb_tong: 8 } });
    expect(f[0].message).toContain('"10"');
    expect(f[0].message).toContain("08 văn bản");
    expect(f[0].suggestion).toContain('"08 văn bản"');
    expect(f[0].quote).toMatch(/^Trong năm Đảng ủy, chính quyền Sở KH&CN đã ban hành 10 văn bản/);
    expect(text.slice(f[0].offset!).startsWith(f[0].quote!)).toBe(true);
  });

  test("padding never counts: 8 văn bản agrees with 08", () => {
    expect(narrative(checkDraft(edit(base, "đã ban hành 08 văn bản", "đã ban hành 8 văn bản"), data))).toEqual([]);
  });

  test.each([
    ["Trong năm đã thành lập 02 đoàn kiểm tra việc thực hiện quy chế dân chủ.", "kt_so_doan", 1],
    ["Sở đã tổ chức 02 hội nghị đối thoại với người dân và doanh nghiệp.", "dth_tong", 1],
    ["Tổng kinh phí hỗ trợ người dân gặp khó khăn do Covid-19 là 10.524.000 đồng.", "cv_tong", 10424000],
    ["Có 3/4 cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức.", "cbccvc_da_to_chuc", 4],
    ["Có 04 cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức, đạt tỷ lệ 75%.", "cbccvc_ty_le", 100],
    ["Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 trên tổng số dịch vụ công đạt 90%.", "cchc_dvc_ty_le", 100],
    ["Sở cung cấp 30 dịch vụ công trực tuyến mức độ 3 và 19 dịch vụ công trực tuyến mức độ 4.", "cchc_dvc_muc3", 26],
    ["Trong đó người đứng đầu chính quyền chủ trì 02 cuộc.", "dth_chinh_quyen", 3],
    ["Tổ chức 04 cuộc hội nghị, hội thảo, tập huấn; trong đó lồng ghép 04 cuộc.", "tt_hoi_nghi", 0],
  ])("%s → %s", (sentence, code, expected) => {
    const res = checkDraft(sentence, data);
    const f = narrative(res);
    expect(f).toHaveLength(1);
    expect(f[0].rule).toBe("narrative.figure");
    expect(f[0].indicators).toEqual([code]);
    expect(f[0].expected).toBe(expected);
    expect(f[0].offset).toBe(0);
  });

  test.each([
    "Trong năm đã thành lập 01 đoàn kiểm tra tại 01 đơn vị, cơ sở.",
    "Tổng kinh phí hỗ trợ người dân gặp khó khăn do Covid-19 là 10.424.000 đồng.",
    "Tổng kinh phí hỗ trợ người dân gặp khó khăn do Covid-19 là 10,4 triệu đồng.",
    "Có 4/4 cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức, đạt tỷ lệ 100%.",
    "Tổ chức 01 cuộc hội nghị đối thoại với người dân và doanh nghiệp.",
    "Sở cung cấp 26 dịch vụ công trực tuyến mức độ 3 và 19 dịch vụ công trực tuyến mức độ 4.",
    // approximate figures and differences are never compared
    "Đã ban hành khoảng 10 văn bản, tăng 03 văn bản so với năm 2020.",
    // a figure for something else in the same words
    "Sở đã tham gia 03 đoàn kiểm tra của tỉnh.",
    "Tham mưu UBND tỉnh ban hành 05 văn bản quy phạm pháp luật.",
  ])("agrees or is not a figure of an indicator: %s", (sentence) => {
    expect(narrative(checkDraft(sentence, data))).toEqual([]);
  });

  test("a blank or 'Không có' indicator is never compared", () => {
    const d = normalizeReport({ ...rawExample(), values: { ...rawExample().values, vb_tong: null } });
    expect(narrative(checkDraft("Trong năm đã ban hành 10 văn bản.", d))).toEqual([]);
    expect(narrative(checkDraft("Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo đạt 100%.", data))).toEqual([]);
  });
});

describe("what is not compared: plans, other years", () => {
  test("figures and negations in the plans for next year, or about another year, raise nothing", () => {
    let t = edit(correctedSeed(), "3. Phát huy vai trò của người đứng đầu", "3. Tổ chức 02 hội nghị đối thoại; không tổ chức hội nghị, hội thảo. Phát huy vai trò của người đứng đầu");
    t = edit(t, "2. Tồn tại, hạn chế", "Năm 2020, Sở đã ban hành 06 văn bản. 2. Tồn tại, hạn chế");
    expect(narrative(checkDraft(t, data))).toEqual([]);
    for (const s of ["Năm 2022, phấn đấu tổ chức 02 hội nghị đối thoại.", "Dự kiến tổ chức 03 hội nghị đối thoại.", "Sở sẽ không tổ chức hội nghị đối thoại."])
      expect(narrative(checkDraft(s, data))).toEqual([]);
    // a comparison with another year still leaves the sentence in scope
    expect(narrative(checkDraft("Trong năm đã ban hành 09 văn bản, tăng 02 văn bản so với năm 2020.", data)).map((f) => f.rule)).toEqual(["narrative.figure"]);
  });

  test("the appendix after the plans and the closing is compared again", () => {
    const t = edit(correctedSeed(), "1. Tổng số văn bản đã ban hành trong năm: 08,", "1. Tổng số văn bản đã ban hành trong năm: 09,");
    const f = narrative(checkDraft(t, data));
    // the figure against the appendix, and the line against itself (09 ≠ 03 + 05)
    expect(f.map((x) => [x.rule, x.severity, x.indicators[0]])).toEqual([
      ["narrative.figure", "error", "vb_tong"],
      ["narrative.internal", "warning", "vb_tong"],
    ]);
    expect(f[0].quote).toMatch(/^1\. Tổng số văn bản đã ban hành trong năm: 09/);
  });

  test("conferences integrated into others are read as such", () => {
    expect(narrative(checkDraft("Trong năm đã tổ chức 04 cuộc hội nghị lồng ghép.", data))).toEqual([]);
    expect(narrative(checkDraft("Trong năm đã tổ chức 05 cuộc hội nghị lồng ghép.", data)).map((f) => f.indicators[0])).toEqual(["tt_long_ghep"]);
  });
});

describe("narrative.negation", () => {
  test.each([
    ["Trong năm, Sở không ban hành văn bản nào về quy chế dân chủ.", "vb_tong"],
    ["Trong năm không thành lập đoàn kiểm tra việc thực hiện quy chế dân chủ ở cơ sở.", "kt_so_doan"],
    ["Người đứng đầu chính quyền không chủ trì cuộc đối thoại nào.", "dth_chinh_quyen"],
    ["Trong năm không phát sinh kinh phí hỗ trợ người dân gặp khó khăn do đại dịch Covid-19.", "cv_tong"],
    ["Sở chưa cung cấp dịch vụ công trực tuyến mức độ 3, 4.", "cchc_dvc_muc3"],
    ["Trong năm chưa có cơ quan, đơn vị nào tổ chức hội nghị cán bộ, công chức, viên chức.", "cbccvc_da_to_chuc"],
    ["Đơn vị chưa tổ chức các hội nghị, hội thảo, tập huấn.", "tt_long_ghep"],
  ])("%s → %s", (sentence, code) => {
    const f = narrative(checkDraft(sentence, data));
    expect(f).toHaveLength(1);
    expect(f[0].rule).toBe("narrative.negation");
    expect(f[0].indicators[0]).toBe(code);
  });

  test("a negation that agrees with a zero figure, or says something else, is fine", () => {
    for (const s of [
      "Trong năm không nhận được đơn thư, khiếu nại, tố cáo.", // dt_tong = 0
      "Người đứng đầu cấp ủy không chủ trì cuộc đối thoại nào.", // dth_cap_uy = 0
      "Không nhận được phản ánh kiến nghị của các tổ chức, cá nhân.",
      "Kế hoạch số 50/KH-SKHCN ngày 11/01/2021 về tổ chức hội nghị đối thoại: chưa tổ chức.",
      "Việc kiểm tra, giám sát chưa được tiến hành thường xuyên.",
      "Không gây phiền hà, sách nhiễu cho tổ chức, cá nhân.",
    ])
      expect(narrative(checkDraft(s, data))).toEqual([]);
    // the head of the Party committee's own phrase is not read as the whole count
    const f = narrative(checkDraft("Người đứng đầu cấp ủy không tổ chức hội nghị đối thoại.", data));
    expect(f).toEqual([]);
  });
});

describe("narrative.report-number and narrative.report-date", () => {
  test("the header's number and date line", () => {
    let t = edit(correctedSeed(), "Số: 538/BC-SKHCN", "Số: 583/BC-SKHCN");
    t = edit(t, "Sơn La, ngày 14 tháng 11 năm 2021", "Sơn La, ngày 15 tháng 11 năm 2021");
    const res = checkDraft(t, data);
    expect(narrative(res).map((f) => f.rule).sort()).toEqual(["narrative.report-date", "narrative.report-number"]);
    const d = res.findings.find((f) => f.rule === "narrative.report-date")!;
    expect(d.expected).toBe("2021-11-14");
    expect(d.suggestion).toContain("ngày 14 tháng 11 năm 2021");
    expect(d.quote).toBe("Sơn La, ngày 15 tháng 11 năm 2021");
  });

  test("a number left blank for the clerk ('Số:    /BC-SKHCN') is not an error; a wrong symbol is", () => {
    const blank = edit(correctedSeed(), "Số: 538/BC-SKHCN", "Số:      /BC-SKHCN");
    expect(narrative(checkDraft(blank, data))).toEqual([]);
    const wrong = edit(correctedSeed(), "Số: 538/BC-SKHCN", "Số:      /BC-UBND");
    expect(narrative(checkDraft(wrong, data)).map((f) => f.rule)).toEqual(["narrative.report-number"]);
  });

  test("'Kèm theo Báo cáo số … ngày …' with another date", () => {
    const t = edit(correctedSeed(), "538/BC-SKHCN ngày 14/11/2021", "538/BC-SKHCN ngày 15/11/2021");
    const f = narrative(checkDraft(t, data));
    expect(f.map((x) => x.rule)).toEqual(["narrative.report-date"]);
    expect(f[0].message).toContain("15/11/2021");
    expect(f[0].message).toContain("14/11/2021");
  });

  test("the date line's padding is a lint warning, not an error", () => {
    const d = normalizeReport({ ...rawExample(), report: { ...rawExample().report, date: "2026-09-05" } });
    const res = checkDraft("Số: 538/BC-SKHCN\n\nSơn La, ngày 5 tháng 09 năm 2026\n\nBÁO CÁO\n", d);
    expect(res.summary.errors).toBe(0);
    const w = res.findings.filter((f) => f.rule === "lint.date");
    expect(w).toHaveLength(1);
    expect(w[0].suggestion).toContain("ngày 05 tháng 9 năm 2026");
    expect(checkDraft("Sơn La, ngày 05 tháng 9 năm 2026\n\nBÁO CÁO\n", d).findings).toEqual([]);
  });
});

describe("Unicode: NFD text and the look-alike Ð", () => {
  const text = seedText();
  const ref = checkDraft(text, data);

  test("NFD text gives the same findings, with offsets into the NFD text", () => {
    const nfd = text.normalize("NFD");
    expect(nfd.length).toBeGreaterThan(text.length);
    const res = checkDraft(nfd, data);
    expect(rules(res)).toEqual(rules(ref));
    expect(res.findings.map((f) => f.quote)).toEqual(ref.findings.map((f) => f.quote));
    for (const f of res.findings) expect(nfc(nfd.slice(f.offset!)).startsWith(f.quote!)).toBe(true);
  });

  test('"Ð" (U+00D0) for "Đ" gives the same findings', () => {
    const eth = text.replace(/Đ/g, "\u00D0");
    expect(eth).not.toBe(text);
    const res = checkDraft(eth, data);
    expect(rules(res)).toEqual(rules(ref));
    expect(res.findings.map((f) => f.message)).toEqual(ref.findings.map((f) => f.message));
  });

  test("NFD and Ð in the report's data as well", () => {
    const raw = rawExample();
    const d = normalizeReport({ ...raw, report: { ...raw.report, symbol: "BC-SKHCN".normalize("NFD") } });
    expect(rules(checkDraft(correctedSeed().replace(/Đ/g, "\u00D0").normalize("NFD"), d)).filter((r) => r.startsWith("narrative."))).toEqual([]);
  });
});

describe("English", () => {
  test("messages and suggestions in English with lang en, same findings", () => {
    const vi = checkDraft(seedText(), data);
    const en = checkDraft(seedText(), data, { lang: "en" });
    expect(rules(en)).toEqual(rules(vi));
    const neg = en.findings.find((f) => f.rule === "narrative.negation")!;
    expect(neg.message).toMatch(/^The text says "không tổ chức Hội nghị đối thoại", but the appendix has Dialogue conferences/);
    expect(neg.suggestion).toMatch(/^Change the text/);
    for (const f of en.findings) {
      expect(f.message).not.toMatch(/Câu văn|phụ lục|Ký hiệu|Ngày "/);
      expect(f.suggestion).toMatch(/^(Change|Write|Check)/);
    }
    const fig = checkDraft("Trong năm đã ban hành 10 văn bản.", data, { lang: "en" }).findings[0];
    expect(fig.message).toBe('The text gives "10" for "Documents issued in the year", but the appendix has 08 documents.');
  });
});

describe("building blocks", () => {
  test("every pattern of the table compiles, and each names a known indicator", () => {
    const t = getTemplate("qcdc-2021")!;
    const codes = new Set(t.indicators.map((i) => i.code));
    const c = compilePatterns(DRAFT_PATTERNS["qcdc-2021"]);
    expect(c.figures.length).toBeGreaterThan(20);
    for (const f of DRAFT_PATTERNS["qcdc-2021"].figures) {
      expect(codes.has(f.code)).toBe(true);
      for (const x of f.fraction ?? []) expect(codes.has(x)).toBe(true);
      expect(f.lead !== undefined || f.after !== undefined || f.percent).toBe(true);
    }
    for (const n of DRAFT_PATTERNS["qcdc-2021"].negations) for (const x of n.codes) expect(codes.has(x)).toBe(true);
  });

  test("figures are read the Vietnamese way and dates, symbols, list numbers are not figures", () => {
    const text = "1. Tổng: 08 văn bản, 10.424.000 đồng, 88,9%, 4/4 đơn vị, ngày 14/11/2021, số 04/2015/NĐ-CP, 17.11.2015, nhiệm kỳ 2021-2026.";
    const t = normalizeText(text);
    const [s] = splitSentences(t.text);
    const figs = figuresIn(t.text, s).filter((f) => !f.excluded);
    expect(figs.map((f) => [f.raw, f.value, f.percent])).toEqual([
      ["08", 8, false],
      ["10.424.000", 10424000, false],
      ["88,9", 88.9, true],
      ["4/4", 4, false],
    ]);
  });

  test("sentences: list numbers and abbreviations do not end one; offsets map back through NFD", () => {
    const t = normalizeText("1. Tổng số văn bản: 08. Tiếp theo là câu hai.\n- Câu ba");
    expect(splitSentences(t.text).map((s) => t.text.slice(s.start, s.end))).toEqual(["1. Tổng số văn bản: 08.", "Tiếp theo là câu hai.", "Câu ba"]);
    const nfd = "Việt Nam. Đồng".normalize("NFD");
    const n = normalizeText(nfd);
    expect(n.text).toBe("Việt Nam. Đồng");
    expect(nfd.slice(n.map[10]).normalize("NFC")).toBe("Đồng");
  });

  test("symbol forms", () => {
    expect(parseSymbol("166-KH/ĐU").form).toBe("party");
    expect(parseSymbol("49/KH-KHCN").form).toBe("state");
    expect(parseSymbol("320/SKHCN-VP").form).toBe("cv");
    expect(parseSymbol("18/2000/CT-TTg")).toMatchObject({ form: "state", year: "2000", type: "CT", body: "TTg" });
    expect(parseSymbol("04/2015/NĐCP")).toMatchObject({ form: "fused", fixed: "04/2015/NĐ-CP" });
    expect(parseSymbol("01/HD/BDVTW")).toMatchObject({ form: "mixed", fixed: "01-HD/BDVTW" });
    expect(parseSymbol("05/CT-TW")).toMatchObject({ form: "state", fixed: "05-CT/TW" });
    expect(parseSymbol("04/2015/N\u00D0-CP")).toMatchObject({ form: "state", type: "NĐ" });
  });

  test("agency abbreviations without the report's own symbol: the spelling most used wins", () => {
    const d = normalizeReport({ ...rawExample(), report: { ...rawExample().report, number: undefined, symbol: undefined } });
    const res = checkDraft("Kế hoạch số 49/KH-SKHCN, Kế hoạch số 50/KH-SKHCN và Kế hoạch số 51/KH-SKH-CN.", d);
    const a = res.findings.filter((f) => f.rule === "lint.agency-abbr");
    expect(a).toHaveLength(1);
    expect(a[0].message).toContain('"SKH-CN" (51/KH-SKH-CN)');
    expect(a[0].suggestion).toContain("51/KH-SKHCN");
    expect(res.summary.errors).toBe(0);
  });

  test("odd input never throws", () => {
    for (const s of ["", "\u0000\uFFFF", "Số:", "Kèm theo Báo cáo số", "%%%", "1/".repeat(500), "ngày 99 tháng 99 năm 9999", "\uD800abc"]) {
      expect(() => checkDraft(s, data)).not.toThrow();
    }
    expect(() => checkDraft(seedText(), { template: "khong-co", report: {}, values: {}, registers: {} })).not.toThrow();
  });
});
