/**
 * The draft check on real reports: precise, and silent when unsure (a wrong error costs the
 * clerk more than a missed one). Realistic excerpts in test/fixtures: a district report with
 * numbers about other things (tiếp dân, hội nghị nhân dân, hòa giải) and the number and date
 * sharing a line; a commune's hand-written draft in capitals with contradictions inside it;
 * an appendix laid out as a Word table.
 */
import * as fs from "fs";
import * as path from "path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import type { Finding, ReportData } from "../../src/core/types";
import { checkDraft } from "../../src/core/draft/index";
import { normalizeText } from "../../src/core/draft/text";
import { documentXmlText, docxText } from "../../src/cli/draft";
import { MAI_SON, ROOT, example, narrative, seedText } from "./helpers";
import { normalizeReport } from "../../src/core/normalize";

const MAI_SON_TEXT = fs.readFileSync(path.join(ROOT, "test", "fixtures", "bao-cao-mai-son-2022-trich.txt"), "utf8");
const XA_TEXT = fs.readFileSync(path.join(ROOT, "test", "fixtures", "bao-cao-xa-trich-viet-tay.txt"), "utf8");

function maiSon(patch: (d: ReportData) => void = () => undefined): ReportData {
  const d = JSON.parse(fs.readFileSync(MAI_SON, "utf8")) as ReportData;
  patch(d);
  return normalizeReport(d);
}

function xa(patch: (d: ReportData) => void = () => undefined): ReportData {
  return maiSon((d) => {
    d.report.number = "21";
    d.report.date = "2022-11-28";
    d.report.agency = "Ủy ban nhân dân xã Chiềng Mung";
    d.report.place = "Chiềng Mung";
    d.values.tt_hoi_nghi = 5;
    d.values.tt_rieng = 2;
    d.values.tt_long_ghep = 3;
    d.values.dth_tong = 1;
    d.values.dth_chinh_quyen = 1;
    d.values.dth_cap_uy = 0;
    patch(d);
  });
}

const errors = (fs2: Finding[]) => fs2.filter((f) => f.severity === "error");

describe("a district report: numbers about other things are not appendix figures", () => {
  test("against its own figures: no narrative.* finding at all", () => {
    const res = checkDraft(MAI_SON_TEXT, maiSon());
    expect(narrative(res)).toEqual([]);
  });

  test("169 cuộc tiếp dân, 119 hội nghị nhân dân, 8.450 and 412 lượt, the mediation teams' 122 đơn and 104 vụ việc are never compared", () => {
    // Figures that would collide if read as the appendix's: as many conferences, dialogues and complaints as those numbers.
    for (const [code, v] of [
      ["tt_hoi_nghi", 119],
      ["dth_tong", 169],
      ["dt_tong", 122],
      ["dt_da_giai_quyet", 104],
    ] as const) {
      const res = checkDraft(MAI_SON_TEXT, maiSon((d) => (d.values[code] = v)));
      const quotes = narrative(res).map((f) => f.quote ?? "");
      // the real sentence about the indicator is found; the other-things numbers are not
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) expect(q).not.toMatch(/169 cuộc tiếp dân|119 hội nghị nhân dân|nhận 122 đơn|hòa giải thành 104/);
    }
  });

  test("the number and the date sharing one line are found and checked", () => {
    const num = narrative(checkDraft(MAI_SON_TEXT, maiSon((d) => (d.report.number = "46"))));
    expect(num.map((f) => f.rule)).toEqual(["narrative.report-number"]);
    expect(num[0].quote).toContain("Số: 45/BC-UBND");
    const date = narrative(checkDraft(MAI_SON_TEXT, maiSon((d) => (d.report.date = "2022-12-06"))));
    expect(date.map((f) => f.rule)).toEqual(["narrative.report-date"]);
    expect(date[0].message).toContain("06/12/2022");
  });
});

describe("a commune's hand-written draft in capitals, with contradictions inside it", () => {
  const res = checkDraft(XA_TEXT, xa());

  test("the header in capitals: 'SỐ: 21/BC-UBND' and the date line are found", () => {
    expect(narrative(res).filter((f) => f.rule.startsWith("narrative.report"))).toEqual([]);
    expect(narrative(checkDraft(XA_TEXT, xa((d) => (d.report.number = "22")))).map((f) => f.rule)).toContain("narrative.report-number");
    expect(narrative(checkDraft(XA_TEXT, xa((d) => (d.report.date = "2022-11-29")))).map((f) => f.rule)).toContain("narrative.report-date");
  });

  test("narrative.internal: a part above its total across two sentences of a paragraph is an error; exhaustive parts that do not add up, a warning", () => {
    const internal = res.findings.filter((f) => f.rule === "narrative.internal").sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
    expect(internal.map((f) => [f.severity, f.indicators[0]])).toEqual([
      ["warning", "tt_hoi_nghi"],
      ["error", "dth_chinh_quyen"],
    ]);
    expect(internal[0].message).toContain("05");
    expect(internal[0].expected).toBe(6);
    expect(internal[1].message).toMatch(/đoạn/);
    expect(internal[1].quote).toContain("người đứng đầu chính quyền chủ trì 03 cuộc");
    // "whatever the figures say": the same against figures that agree with the text
    const agreeing = checkDraft(XA_TEXT, xa((d) => ((d.values.dth_chinh_quyen = 3), (d.values.tt_long_ghep = 4))));
    expect(agreeing.findings.filter((f) => f.rule === "narrative.internal")).toHaveLength(2);
  });

  test("petitions to the people's inspectors and the mediation teams' cases are not the appendix's complaints", () => {
    const quotes = narrative(checkDraft(XA_TEXT, xa((d) => (d.values.dt_tong = 3)))).map((f) => f.quote ?? "");
    for (const q of quotes) expect(q).not.toMatch(/09 đơn|14 đơn/);
  });

  test("parts that may overlap (dialogues chaired by both heads) are no contradiction when each is at most the total", () => {
    const t = "Tổ chức 02 cuộc hội nghị đối thoại; trong đó người đứng đầu cấp ủy chủ trì 02 cuộc, người đứng đầu chính quyền chủ trì 02 cuộc.";
    expect(checkDraft(t, xa()).findings.filter((f) => f.rule === "narrative.internal")).toEqual([]);
  });

  test("a figure said twice with different values in a paragraph: unsure, nothing said", () => {
    const t = "Năm 2021 tổ chức 03 cuộc hội nghị, hội thảo, tập huấn; năm 2022 tổ chức 05 cuộc hội nghị, hội thảo, tập huấn; trong đó lồng ghép 04 cuộc.";
    expect(checkDraft(t, xa()).findings.filter((f) => f.rule === "narrative.internal")).toEqual([]);
  });
});

describe("excerpts point at what they are about", () => {
  const data = example();
  const text = seedText();
  const res = checkDraft(text, data);

  test("a long sentence is quoted around the match, at most 200 characters, and its offset is where the excerpt starts", () => {
    for (const f of res.findings) {
      expect(f.quote!.length).toBeLessThanOrEqual(200);
      expect(text.slice(f.offset!).replace(/\s+/g, " ").startsWith(f.quote!)).toBe(true);
    }
    const dots = res.findings.find((f) => f.rule === "lint.date" && f.message.includes("16.3.2021"))!;
    const at = dots.quote!.indexOf("16.3.2021");
    expect(at).toBeGreaterThan(40);
    expect(dots.quote!.length - at).toBeGreaterThan(40);
  });

  test("one document written two ways points at both forms", () => {
    const same = res.findings.filter((f) => f.rule === "lint.same-document");
    expect(same.length).toBe(3);
    for (const f of same) {
      const forms = [...f.message.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      expect(forms).toHaveLength(2);
      const places = [{ quote: f.quote!, offset: f.offset! }, ...(f.also ?? [])];
      expect(places).toHaveLength(2);
      for (const form of forms) expect(places.some((p) => p.quote.includes(form))).toBe(true);
      for (const p of places) expect(text.slice(p.offset).replace(/\s+/g, " ").startsWith(p.quote)).toBe(true);
    }
  });
});

describe("an appendix laid out as a Word table", () => {
  function cell(t: string): TableCell {
    return new TableCell({ children: [new Paragraph({ children: [new TextRun(t)] })] });
  }
  async function appendixDocx(rows: string[][]): Promise<Uint8Array> {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun("PHỤ LỤC SỐ LIỆU")] }),
            new Paragraph({ children: [new TextRun("(Kèm theo Báo cáo số 45/BC-UBND ngày 05/12/2022 của Ủy ban nhân dân huyện Mai Sơn)")] }),
            new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) }),
          ],
        },
      ],
    });
    return Packer.pack(doc, "uint8array");
  }
  const ROWS = [
    ["STT", "Nội dung", "Đơn vị tính", "Số liệu"],
    ["1", "Tổng số văn bản đã ban hành trong năm", "văn bản", "03"],
    ["", "- Cấp ủy", "văn bản", "01"],
    ["", "- Chính quyền", "văn bản", "02"],
    ["2", "Tổng số đoàn kiểm tra", "đoàn", "02"],
    ["3", "Số lượng các cuộc hội nghị, hội thảo, tập huấn", "cuộc", "03"],
    ["", "Tổ chức riêng", "cuộc", "01"],
    ["", "Lồng ghép", "cuộc", "02"],
    ["4", "Tổng số kinh phí hỗ trợ", "đồng", "1.250.000.000"],
  ];

  test("rows are read one a line, cells separated by tabs", async () => {
    const text = await docxText(await appendixDocx(ROWS));
    expect(text).toContain("1\tTổng số văn bản đã ban hành trong năm\tvăn bản\t03");
    expect(documentXmlText("<w:p><w:r><w:t>a</w:t></w:r></w:p>")).toBe("a");
  });

  test("agreeing figures: nothing; a wrong one: narrative.figure on its row", async () => {
    const text = await docxText(await appendixDocx(ROWS));
    expect(errors(narrative(checkDraft(text, maiSon())))).toEqual([]);
    const wrong = ROWS.map((r) => (r[1] === "Lồng ghép" ? [...r.slice(0, 3), "05"] : r));
    const f = narrative(checkDraft(await docxText(await appendixDocx(wrong)), maiSon()));
    expect(f.map((x) => [x.rule, x.indicators[0]])).toContainEqual(["narrative.figure", "tt_long_ghep"]);
    expect(f.find((x) => x.rule === "narrative.figure")!.quote).toContain("Lồng ghép");
    const money = ROWS.map((r) => (r[1] === "Tổng số kinh phí hỗ trợ" ? [...r.slice(0, 3), "1.200.000.000"] : r));
    expect(narrative(checkDraft(await docxText(await appendixDocx(money)), maiSon())).map((x) => x.indicators[0])).toContain("cv_tong");
  });

  test("a row with figures in several columns (2021 and 2022) is not read: unsure", () => {
    const text = ["STT\tNội dung\tNăm 2021\tNăm 2022", "1\tTổng số văn bản đã ban hành trong năm\t05\t07"].join("\n");
    expect(narrative(checkDraft(text, maiSon()))).toEqual([]);
  });

  test("tabs survive normalisation (they separate cells)", () => {
    expect(normalizeText("a\tb").text).toBe("a\tb");
  });
});
