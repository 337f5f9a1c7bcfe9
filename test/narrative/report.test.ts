import * as fs from "fs";
import { buildReport, buildSummaryReport } from "../../src/core/narrative/report";
import { blockTexts, textWidthCm, type Block, type ParagraphBlock, type TableBlock } from "../../src/core/doc/model";
import { renderText } from "../../src/core/render/text";
import { textWidthCmOf } from "../../src/core/narrative/metrics";
import { EXAMPLE, MAI_SON, SEED, load, clone } from "./helpers";

const example = load(EXAMPLE);
const maiSon = load(MAI_SON);

function paragraphs(blocks: Block[]): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  for (const b of blocks) {
    if (b.type === "paragraph") out.push(b);
    else if (b.type === "table") for (const r of b.rows) for (const c of r) out.push(...paragraphs(c.blocks));
    else if (b.type === "list") for (const it of b.items) out.push({ type: "paragraph", runs: [{ text: b.marker }, ...it], size: b.size });
  }
  return out;
}
function find(blocks: Block[], text: string): ParagraphBlock {
  const p = paragraphs(blocks).find((x) => x.runs.map((r) => r.text).join("") === text);
  if (!p) throw new Error("no paragraph " + JSON.stringify(text) + " in\n" + blockTexts(blocks).join("\n"));
  return p;
}

describe("the report of the worked example", () => {
  const res = buildReport(example);
  const blocks = res.doc.blocks;
  const texts = blockTexts(blocks);

  it("is still produced with the data's 3 errors, and says so", () => {
    expect(res.errors).toBe(3);
    expect(res.warnings[0].code).toBe("data.errors");
    expect(res.warnings[0].vi).toContain("3 lỗi");
  });

  it("has the two-column header of Nghị định 30/2020", () => {
    const header = blocks[0] as TableBlock;
    expect(header.type).toBe("table");
    expect(header.borders).toBe(false);
    const [left, right] = header.rows[0];
    expect(blockTexts(left.blocks)).toEqual(["UBND TỈNH SƠN LA", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 538/BC-SKHCN"]);
    expect(blockTexts(right.blocks)).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sơn La, ngày 14 tháng 11 năm 2021"]);
    expect(left.blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph", "rule", "paragraph"]);
    expect(right.blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph", "rule", "paragraph"]);
    // 12 pt so that "SỞ KHOA HỌC VÀ CÔNG NGHỆ" stays on one line (12–13 pt allowed); parent and agency alike.
    expect(find(blocks, "UBND TỈNH SƠN LA").runs[0]).toMatchObject({ size: 12 });
    expect(find(blocks, "UBND TỈNH SƠN LA").runs[0].bold).toBeFalsy();
    expect(find(blocks, "SỞ KHOA HỌC VÀ CÔNG NGHỆ").runs[0]).toMatchObject({ bold: true, size: 12 });
    expect(find(blocks, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").runs[0]).toMatchObject({ bold: true, size: 12 });
    expect(find(blocks, "Số: 538/BC-SKHCN").runs[0]).toMatchObject({ size: 13 });
    expect(find(blocks, "Độc lập - Tự do - Hạnh phúc").runs[0]).toMatchObject({ bold: true });
    expect(find(blocks, "Sơn La, ngày 14 tháng 11 năm 2021").runs[0]).toMatchObject({ italic: true });
  });

  it("sizes the header so that the agency and the national title each fit on one line", () => {
    const header = blocks[0] as TableBlock;
    const [lw, rw] = header.widths.map((w) => w * textWidthCm(res.doc.page) - 0.4);
    expect(header.widths[0]).toBeGreaterThanOrEqual(0.4);
    expect(header.widths[0] + header.widths[1]).toBeCloseTo(1, 6);
    const agency = find(blocks, "SỞ KHOA HỌC VÀ CÔNG NGHỆ").runs[0];
    expect(textWidthCmOf(agency.text, agency.size!, true)).toBeLessThan(lw);
    const nation = find(blocks, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").runs[0];
    expect(textWidthCmOf(nation.text, nation.size!, true)).toBeLessThan(rw);
    // A short name keeps 13 pt; a very long one goes down to 12 pt (and wraps).
    const short = clone(example);
    short.report.agency = "Sở Tư pháp";
    expect(find(buildReport(short).doc.blocks, "SỞ TƯ PHÁP").runs[0].size).toBe(13);
    const long = clone(example);
    long.report.agency = "Sở Nông nghiệp và Phát triển nông thôn";
    expect(find(buildReport(long).doc.blocks, "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN").runs[0].size).toBe(12);
  });

  it("has the title, centred and bold, with a short line under it, and the basis paragraph", () => {
    const t = find(blocks, "BÁO CÁO");
    expect(t).toMatchObject({ align: "center" });
    expect(t.runs[0].bold).toBe(true);
    const i = blocks.indexOf(find(blocks, "Kết quả thực hiện quy chế dân chủ ở cơ sở năm 2021, nhiệm vụ, giải pháp năm 2022"));
    expect(blocks[i + 1].type).toBe("rule");
    expect(texts).toContain(
      "Thực hiện Công văn số 54-CV/BCĐ ngày 26/10/2021 của Ban Chỉ đạo tỉnh về thực hiện Quy chế dân chủ ở cơ sở về việc báo cáo kết quả xây dựng và thực hiện quy chế dân chủ (QCDC) ở cơ sở năm 2021. Sở Khoa học và Công nghệ báo cáo kết quả thực hiện như sau:",
    );
  });

  it("without sections: the summary, then the register lists in the conventions' form", () => {
    expect(texts.some((t) => t.startsWith("Trong năm 2021, Sở Khoa học và Công nghệ đã ban hành 08 văn bản"))).toBe(true);
    expect(texts).toContain("- Kế hoạch số 166-KH/ĐU ngày 30/3/2021 về triển khai thực hiện Đề án “Nâng cao hiệu quả công tác dân vận trong cơ quan hành chính Nhà nước gắn với thực hiện quy chế dân chủ cơ sở”;");
    expect(texts).toContain("- Công văn số 320/SKHCN-VP ngày 15/3/2021 về việc điều chỉnh chế độ báo cáo kết quả thực hiện công tác dân vận chính quyền và thực hiện dân chủ năm 2021;");
    expect(texts).toContain("- Công văn số 535/SKHCN-VP ngày 04/5/2021 về việc thực hiện nhiệm vụ trọng tâm quy chế dân chủ ở cơ sở năm 2021;");
    expect(texts).toContain("- Kế hoạch số 48/KH-KHCN ngày 11/01/2021 về thực hiện công tác dân vận chính quyền năm 2021.");
    expect(texts).toContain("- Quyết định số 247/QĐ-SKHCN ngày 26/10/2021 thành lập đoàn kiểm tra việc thực hiện quy chế dân chủ ở cơ sở tại Trung tâm Thông tin và Ứng dụng KHCN.");
    expect(texts.filter((t) => /: chưa tổ chức[;.]$/.test(t))).toHaveLength(2);
    expect(texts.some((t) => t.includes("51/KH-SKH-CN ngày 11/01/2021 về tổ chức hội nghị đối thoại trực tiếp"))).toBe(true);
    // The empty register of conferences gives no list.
    expect(texts.join("\n")).not.toContain("Các hội nghị, hội thảo, tập huấn đã tổ chức:");
  });

  it("closes with Nơi nhận (12 pt bold italic, recipients 11 pt) and the signature", () => {
    const closing = blocks.find((b) => b.type === "table" && b.role === "closing") as TableBlock;
    const [left, right] = closing.rows[0];
    expect(blockTexts(left.blocks)).toEqual(["Nơi nhận:", "- Sở Nội vụ;", "- Tập thể lãnh đạo Sở;", "- Các phòng chuyên môn/đơn vị thuộc Sở;", "- Lưu: VT, VP, Ha (01b)."]);
    expect(find(left.blocks, "Nơi nhận:").runs[0]).toMatchObject({ bold: true, italic: true, size: 12 });
    expect(find(left.blocks, "- Sở Nội vụ;").size).toBe(11);
    expect(blockTexts(right.blocks)).toEqual(["GIÁM ĐỐC", "Lưu Bình Khiêm"]);
    expect(find(right.blocks, "GIÁM ĐỐC").runs[0].bold).toBe(true);
    expect(find(right.blocks, "Lưu Bình Khiêm").runs[0].bold).toBe(true);
  });

  it("prints the appendix as its own part (Nghị định 30): new page and numbering, 'Phụ lục', its title, 'Kèm theo', then the seed's lines", () => {
    const heading = find(blocks, "Phụ lục");
    expect(heading.pageBreakBefore).toBe(true);
    expect(heading.newPart).toBe(true);
    expect(heading.runs[0].bold).toBe(true);
    expect(heading.align).toBe("center");
    const at = texts.indexOf("Phụ lục");
    expect(texts[at + 1]).toBe("SỐ LIỆU KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ NĂM 2021");
    expect(find(blocks, texts[at + 1]).runs[0].bold).toBe(true);
    expect(texts[at + 2]).toBe("(Kèm theo Báo cáo số 538/BC-SKHCN ngày 14/11/2021 của Sở Khoa học và Công nghệ)");
    expect(find(blocks, texts[at + 2]).runs[0].italic).toBe(true);
    // The lines after the heading are the seed's; the marks for the author aside.
    const ours = ["PHỤ LỤC SỐ LIỆU", ...texts.slice(at + 2)].map((l) => l.replace(/ \[cần kiểm tra: [^\]]*\]/, ""));
    const seedText = fs.readFileSync(SEED, "utf8");
    const seedLines = seedText
      .slice(seedText.indexOf("PHỤ LỤC SỐ LIỆU"))
      .replace("ngày 14/11/2021\ncủa", "ngày 14/11/2021 của")
      .split(/\n+/)
      .map((l) => l.trim())
      .filter((l) => l);
    // The seed's own slips, corrected on purpose: the symbol, "Covid -19", a missing colon.
    const expected = seedLines.map((l) =>
      l.replace("538/BC-SKHCM", "538/BC-SKHCN").replace("Covid -19", "Covid-19").replace("Đã giải quyết 0;", "Đã giải quyết: 0;"),
    );
    // Padding is a style (the seed pads as typed): compare without leading zeros.
    const unpad = (s: string) => s.replace(/\b0(\d)\b/g, "$1");
    expect(ours.map(unpad)).toEqual(expected.map(unpad));
    // …and not-printed indicators stay out.
    expect(ours.join("\n")).not.toMatch(/Tổng số dịch vụ công cung cấp:|Số đơn thư đã giải quyết|thuộc thẩm quyền/);
  });

  it("with pad off, the appendix prints 4/4 and 8 as the seed's own unpadded figures", () => {
    const t = blockTexts(buildReport(example, { pad: false }).doc.blocks);
    expect(t).toContain("9. Số cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức: 4/4 đơn vị đạt tỷ lệ: 100%.");
    expect(t).toContain("1. Tổng số văn bản đã ban hành trong năm: 8, trong đó: cấp ủy: 3; chính quyền: 5.");
  });
});

describe("a report with sections and placeholders (Mai Sơn 2022)", () => {
  const res = buildReport(maiSon);
  const texts = blockTexts(res.doc.blocks);

  it("has no data error", () => {
    expect(res.errors).toBe(0);
    expect(res.warnings.find((w) => w.code === "data.errors")).toBeUndefined();
  });

  it("header: capitals, authority line, group 7 heading from the level", () => {
    expect(texts).toContain("TỈNH SƠN LA");
    expect(texts).toContain("ỦY BAN NHÂN DÂN HUYỆN MAI SƠN");
    expect(texts).toContain("Số: 45/BC-UBND");
    expect(texts).toContain("Mai Sơn, ngày 05 tháng 12 năm 2022");
    expect(texts).toContain("KT. CHỦ TỊCH");
    expect(texts).toContain("PHÓ CHỦ TỊCH");
    expect(texts).toContain("7. Cấp huyện:");
    expect(texts).toContain("(Kèm theo Báo cáo số 45/BC-UBND ngày 05/12/2022 của Ủy ban nhân dân huyện Mai Sơn)");
    // The basis ends with one full stop, however it was typed.
    expect(texts).toContain("Thực hiện Kế hoạch số 12-KH/BCĐ ngày 15/02/2022 của Ban Chỉ đạo huyện về thực hiện quy chế dân chủ ở cơ sở. Ủy ban nhân dân huyện Mai Sơn báo cáo kết quả thực hiện như sau:");
  });

  it("fills the placeholders", () => {
    expect(texts).toContain("I. KẾT QUẢ THỰC HIỆN");
    expect(texts).toContain("Trong năm, Ủy ban nhân dân huyện đã ban hành 03 văn bản, cụ thể:");
    expect(texts.some((t) => t.startsWith("Trong năm 2022, Ủy ban nhân dân huyện Mai Sơn đã ban hành 03 văn bản"))).toBe(true);
    expect(texts).toContain("- Kế hoạch số 30-KH/HU ngày 20/02/2022 về thực hiện quy chế dân chủ ở cơ sở năm 2022;");
    // The type word and "V/v" typed in the trích yếu are not repeated.
    expect(texts).toContain("- Kế hoạch số 15/KH-UBND ngày 10/01/2022 về thực hiện dân chủ trong hoạt động của cơ quan năm 2022;");
    expect(texts).toContain("- Công văn số 210/UBND-NV ngày 04/3/2022 về việc báo cáo kết quả thực hiện quy chế dân chủ.");
    expect(texts).toContain("Các đoàn kiểm tra:");
    expect(texts).toContain("- Quyết định số 101/QĐ-UBND ngày 01/6/2022 thành lập đoàn kiểm tra việc thực hiện quy chế dân chủ ở cơ sở tại UBND xã Chiềng Mung và UBND xã Hát Lót;");
    expect(texts).toContain("- Hội nghị quán triệt Luật Thực hiện dân chủ ở cơ sở ngày 20/11/2022 (tổ chức riêng);");
    expect(texts).toContain(
      "- Kế hoạch số 44/KH-UBND ngày 15/3/2022 về tổ chức hội nghị đối thoại giữa Bí thư Huyện ủy với Nhân dân (chủ trì: người đứng đầu cấp ủy): đã tổ chức;",
    );
    // The default lists are not added when the sections place them.
    expect(texts.join("\n")).not.toContain("Các văn bản lãnh đạo, chỉ đạo, triển khai thực hiện quy chế dân chủ ở cơ sở đã ban hành:");
  });

  it("leaves an unknown placeholder visible and reports it", () => {
    expect(texts).toContain("Ghi chú nội bộ: {khong_biet}");
    const w = res.warnings.find((x) => x.code === "placeholder.unknown");
    expect(w?.vi).toContain("{khong_biet}");
    expect(w?.section).toBe(1);
  });

  it("a blank indicator leaves a space to fill ('…'), never 'chưa có số liệu', and warns", () => {
    const d = clone(maiSon);
    d.values.vb_tong = null;
    d.values.kt_so_doan = null;
    const r = buildReport(d);
    const t = blockTexts(r.doc.blocks);
    expect(t).toContain("Trong năm, Ủy ban nhân dân huyện đã ban hành … văn bản, cụ thể:");
    expect(t).toContain("- Tổng số đoàn kiểm tra: …");
    expect(t.join("\n")).not.toContain("chưa có số liệu");
    expect(renderText(r.doc)).not.toContain("chưa có số liệu");
    expect(r.warnings.some((w) => w.code === "placeholder.blank")).toBe(true);
    const blank = r.warnings.find((w) => w.code === "appendix.blank");
    expect(blank?.vi).toContain("Tổng số đoàn kiểm tra");
  });

  it("a report number below 10 is padded as the conventions say: 'Số: 05/BC-UBND', in the header, the appendix and the file title", () => {
    const d = clone(maiSon);
    d.report.number = "5";
    const r = buildReport(d);
    const t = blockTexts(r.doc.blocks);
    expect(t).toContain("Số: 05/BC-UBND");
    expect(t.some((x) => x.startsWith("(Kèm theo Báo cáo số 05/BC-UBND ngày 05/12/2022"))).toBe(true);
    expect(r.doc.title).toMatch(/^Báo cáo 05\/BC-UBND/);
    d.report.number = "45";
    expect(blockTexts(buildReport(d).doc.blocks)).toContain("Số: 45/BC-UBND");
  });

  it("documents grouped cấp ủy / chính quyền as an option", () => {
    const t = blockTexts(buildReport(maiSon, { groupDocuments: true }).doc.blocks);
    const a = t.indexOf("a) Cấp ủy:");
    const b = t.indexOf("b) Chính quyền:");
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(t[a + 1]).toBe("- Kế hoạch số 30-KH/HU ngày 20/02/2022 về thực hiện quy chế dân chủ ở cơ sở năm 2022.");
  });

  it("the plain text keeps one paragraph per line", () => {
    const txt = renderText(res.doc);
    expect(txt).toContain("\n\nNơi nhận:\n\n- Ban Chỉ đạo QCDC tỉnh;\n\n- Thường trực Huyện ủy;\n\n- Lưu: VT.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n\n");
    expect(txt).not.toMatch(/\n\n\n/);
  });
});

describe("the summary alone", () => {
  it("is only the summary's paragraphs", () => {
    const r = buildSummaryReport(example);
    const t = blockTexts(r.doc.blocks);
    expect(t.length).toBe(r.summary.paragraphs.length);
    expect(t.join("\n")).toContain("10.424.000 đồng");
    expect(t.join("\n")).not.toContain("Nơi nhận");
    expect(r.errors).toBe(3);
  });
});

describe("placement of the generated blocks", () => {
  it("{phu_luc} in a section places the appendix there, once", () => {
    const d = clone(maiSon);
    d.sections = [{ heading: "PHỤ LỤC", text: "{phu_luc}" }];
    const t = blockTexts(buildReport(d).doc.blocks);
    expect(t.filter((x) => x === "Phụ lục")).toHaveLength(1);
    expect(t.indexOf("Phụ lục")).toBeLessThan(t.indexOf("Nơi nhận:"));
  });

  it("empty registers give no list and no introduction", () => {
    const d = clone(example);
    d.registers = { van_ban: [], kiem_tra: [], hoi_nghi: [], doi_thoai: [] };
    const t = blockTexts(buildReport(d).doc.blocks);
    expect(t.some((x) => x.startsWith("Các "))).toBe(false);
    expect(t.some((x) => x.startsWith("- Kế hoạch"))).toBe(false);
  });

  it("a register row with a missing or unreadable date prints without it, never a guessed one", () => {
    const d = clone(example);
    d.registers.van_ban = [{ symbol: "12/KH-UBND", date: "ngày mai", type: "Kế hoạch", title: "Việc A" }, { type: "Công văn", title: "Về việc B" }];
    const t = blockTexts(buildReport(d).doc.blocks);
    expect(t).toContain("- Kế hoạch số 12/KH-UBND về việc A;");
    expect(t).toContain("- Công văn về việc b.");
  });
});
