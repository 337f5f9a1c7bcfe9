/**
 * `phuluc import-previous`: last year's figures into the "Năm trước" column from last
 * year's JSON, workbook, a .docx report phuluc made, and a .docx written by hand; the plan
 * first, written only with --yes (keeping ‹name›.bak.xlsx), a typed value never overwritten;
 * then `check` compares the years.
 */
import * as fs from "fs";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { EXAMPLE, exampleInput, run, checkJson, tmp, cleanup } from "../workbook/helpers";

afterAll(cleanup);

/** This year's workbook (2022): the example's figures, a tenfold jump in trainings, no previous year yet. */
async function thisYear(edit?: (d: Record<string, any>) => void): Promise<string> {
  const d = exampleInput() as Record<string, any>;
  d.report.year = 2022;
  d.report.date = "2022-11-10";
  d.values.tt_long_ghep = 40;
  d.values.tt_hoi_nghi = 40;
  if (edit) edit(d);
  const json = tmp("nam-nay.json");
  fs.writeFileSync(json, JSON.stringify(d));
  const file = tmp("so-lieu-2022.xlsx");
  expect((await run("init", file, "--data", json)).code).toBe(0);
  return file;
}

/** The "Năm trước" column as `export` gives it, blanks left out. */
async function previousOf(file: string): Promise<Record<string, unknown>> {
  const r = await run("export", file);
  return Object.fromEntries(Object.entries(JSON.parse(r.out).previous ?? {}).filter(([, v]) => v !== null));
}

test("from last year's JSON: the plan first, nothing written without --yes", async () => {
  const file = await thisYear();
  const before = fs.readFileSync(file);
  const r = await run("import-previous", file, "--from", EXAMPLE);
  expect(r.code).toBe(0);
  expect(r.out).toContain('Sẽ ghi vào cột "Năm trước" (26 ô)');
  expect(r.out).toContain("tt_long_ghep = 04");
  expect(r.out).toContain("--yes");
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.existsSync(file.replace(/\.xlsx$/, ".bak.xlsx"))).toBe(false);
});

test("with --yes: written, the old workbook kept as .bak.xlsx, and check warns of the tenfold jump", async () => {
  const file = await thisYear();
  const before = fs.readFileSync(file);
  const r = await run("import-previous", file, "--from", EXAMPLE, "--yes");
  expect(r.code).toBe(0);
  expect(r.out).toContain("Đã ghi 26 ô");
  const bak = file.replace(/\.xlsx$/, ".bak.xlsx");
  expect(fs.readFileSync(bak).equals(before)).toBe(true);
  const prev = await previousOf(file);
  expect(prev).toMatchObject({ vb_tong: 8, tt_long_ghep: 4, cv_tong: 10424000, cchc_dvc_ty_le: "100%", dt_ty_le: "Không có" });
  const { result } = await checkJson(file);
  const swing = result.findings.filter((f: { rule: string }) => f.rule === "yoy.swing");
  expect(swing.map((f: { indicators: string[] }) => f.indicators[0])).toEqual(["tt_hoi_nghi", "tt_long_ghep"]);
  expect(swing[1].message).toBe("Số cuộc lồng ghép tăng từ 04 (năm 2021) lên 40 cuộc (năm 2022), gấp 10 lần.");
  // The warning points at this year's cell and last year's.
  expect(swing[1].cells).toEqual(["'Phụ lục'!E16", "'Phụ lục'!F16"]);
});

test("a copied sheet: every figure equal to last year's is told", async () => {
  const file = await thisYear((d) => {
    d.values.tt_long_ghep = "04";
    d.values.tt_hoi_nghi = "0";
  });
  await run("import-previous", file, "--from", EXAMPLE, "--yes");
  const { result } = await checkJson(file);
  expect(result.findings.filter((f: { rule: string }) => f.rule.startsWith("yoy.")).map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([["yoy.unchanged", "info"]]);
});

test("a value typed in the column is never overwritten", async () => {
  const file = await thisYear((d) => {
    d.previous = { vb_tong: 9 };
  });
  const r = await run("import-previous", file, "--from", EXAMPLE, "--yes");
  expect(r.out).toContain("vb_tong: giữ 09 (tệp năm trước ghi 08)");
  expect(r.out).toContain("Đã ghi 25 ô");
  expect((await previousOf(file)).vb_tong).toBe(9);
});

test("from last year's workbook", async () => {
  const last = tmp("so-lieu-2021.xlsx");
  await run("init", last, "--data", EXAMPLE);
  const file = await thisYear();
  const r = await run("import-previous", file, "--from", last, "--yes");
  expect(r.code).toBe(0);
  expect(await previousOf(file)).toMatchObject({ vb_tong: 8, cbccvc_ty_le: "100%", cv_nguoi_lao_dong: 10424000 });
});

test("from the .docx report phuluc made last year", async () => {
  const docx = tmp("bao-cao-2021.docx");
  const made = await run("report", EXAMPLE, "--format", "docx", "-o", docx);
  expect(fs.existsSync(docx)).toBe(true);
  expect(made.code).toBe(0);
  const file = await thisYear();
  const r = await run("import-previous", file, "--from", docx, "--yes");
  expect(r.code).toBe(0);
  expect(r.out).toContain("phụ lục: “Trong đó: Tổ chức riêng 0 cuộc; lồng ghép 04 cuộc.”");
  const prev = await previousOf(file);
  expect(prev).toMatchObject({ vb_tong: 8, vb_cap_uy: 3, tt_long_ghep: 4, cchc_dvc_ty_le: "100%", dth_chinh_quyen: 3, cv_tong: 10424000, cbccvc_da_to_chuc: 4, cbccvc_tong_don_vi: 4 });
  // The same figures as from last year's JSON, for everything the report prints.
  const fromJson = await thisYear();
  await run("import-previous", fromJson, "--from", EXAMPLE, "--yes");
  const expected = await previousOf(fromJson);
  for (const [k, v] of Object.entries(prev)) expect([k, v]).toEqual([k, expected[k]]);
  expect(Object.keys(prev).length).toBe(24);
});

test("from a .docx written by hand: sentences and a table; what is unsure is left blank and listed", async () => {
  const cell = (s: string) => new TableCell({ children: [new Paragraph(s)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: "BÁO CÁO", bold: true })] }),
          new Paragraph("Kết quả thực hiện quy chế dân chủ ở cơ sở năm 2021"),
          new Paragraph("I. KẾT QUẢ THỰC HIỆN"),
          new Paragraph("Trong năm 2021, cấp ủy ban hành 03 văn bản, chính quyền ban hành 05 văn bản. Tổ chức 06 cuộc hội nghị, hội thảo, tập huấn."),
          new Paragraph("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022"),
          new Paragraph("Phấn đấu tổ chức 10 cuộc hội nghị, hội thảo, tập huấn."),
          new Table({
            rows: [
              new TableRow({ children: [cell("STT"), cell("Chỉ tiêu"), cell("Đơn vị tính"), cell("Số liệu")] }),
              new TableRow({ children: [cell("1"), cell("Số lượng các cuộc hội nghị, hội thảo, tập huấn"), cell("cuộc"), cell("05")] }),
              new TableRow({ children: [cell("2"), cell("Tổng số đoàn kiểm tra"), cell("đoàn"), cell("02")] }),
              new TableRow({ children: [cell("3"), cell("Tổng số kinh phí hỗ trợ"), cell("đồng"), cell("12.500.000")] }),
            ],
          }),
        ],
      },
    ],
  });
  const docx = tmp("viet-tay-2021.docx");
  fs.writeFileSync(docx, await Packer.toBuffer(doc));
  const file = await thisYear();
  const r = await run("import-previous", file, "--from", docx, "--yes");
  expect(r.code).toBe(0);
  expect(r.out).toContain("Chưa chắc chắn, để trống (1)");
  expect(r.out).toMatch(/tt_hoi_nghi: đọc được nhiều số khác nhau: 05 \(bảng: .*\); 06 \(câu: “Tổ chức 06 cuộc/);
  const prev = await previousOf(file);
  expect(prev).toEqual({ vb_cap_uy: 3, vb_chinh_quyen: 5, kt_so_doan: 2, cv_tong: 12500000 });
});

test("bad input: a clear message and exit code 2", async () => {
  const file = await thisYear();
  const r = await run("import-previous", file, "--from", tmp("khong-co.docx"));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^phuluc: /);
  const u = await run("import-previous", file);
  expect(u.code).toBe(2);
  expect(u.err).toContain("--from");
  const en = await run("import-previous", EXAMPLE, "--from", EXAMPLE, "--lang", "en");
  expect(en.code).toBe(2);
  expect(en.err).toContain("must differ");
});
