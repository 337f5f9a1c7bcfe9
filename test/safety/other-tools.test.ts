/**
 * A phuluc workbook saved again by another program reads as before: by Excel (a fixture
 * built here with the parts Excel adds: markup-compatibility namespaces, revision ids,
 * x14ac row attributes, extLst, calcChain, phonetic runs in shared strings, an app.xml of
 * Excel's), by openpyxl (absolute relationship paths "/xl/worksheets/sheet1.xml", which
 * exceljs 4.4.0 cannot follow: the .xlsx adapter rewrites them) and by LibreOffice
 * (`soffice --headless --convert-to xlsx`, where installed; CI installs it).
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import JSZip from "jszip";
import { cleanupFolders, EXAMPLE, expectNoInternalError, folder, hashes, run } from "./helpers";
import { fixAbsoluteRels } from "../../src/cli/zip";

afterAll(cleanupFolders);

let baseDir: string;
let exported: unknown;
let checked: { code: number; summary: unknown };

beforeAll(async () => {
  baseDir = folder();
  fs.copyFileSync(EXAMPLE, path.join(baseDir, "a.json"));
  expect((await run(baseDir, ["init", "book.xlsx", "--data", "a.json"])).code).toBe(0);
  const e = await run(baseDir, ["export", "book.xlsx"]);
  expect(e.code).toBe(0);
  exported = JSON.parse(e.out);
  const c = await run(baseDir, ["check", "book.xlsx", "--json"]);
  checked = { code: c.code, summary: JSON.parse(c.out).summary };
});

/** Adds `attrs` to the root element's start tag, each only if the tag lacks it. */
function addRootAttrs(xml: string, root: string, attrs: Record<string, string>): string {
  return xml.replace(new RegExp(`<${root}\\b([^>]*)>`), (_m, a: string) => {
    let out = a;
    for (const [k, v] of Object.entries(attrs)) if (!new RegExp(`\\s${k}=`).test(out)) out += ` ${k}="${v}"`;
    return `<${root}${out}>`;
  });
}

async function rezip(file: string, out: string, edit: (zip: JSZip) => Promise<void>): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  await edit(zip);
  fs.writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** What Excel adds when it saves a workbook. */
async function asExcelSavesIt(zip: JSZip): Promise<void> {
  const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
  let wb = await zip.file("xl/workbook.xml")!.async("string");
  wb = addRootAttrs(wb, "workbook", {
    "xmlns:mc": MC,
    "mc:Ignorable": "x15 xr xr6 xr10",
    "xmlns:x15": "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main",
    "xmlns:xr": "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
    "xmlns:xr6": "http://schemas.microsoft.com/office/spreadsheetml/2016/revision6",
    "xmlns:xr10": "http://schemas.microsoft.com/office/spreadsheetml/2016/revision10",
  });
  wb = wb.replace(
    /(<workbook\b[^>]*>)/,
    `$1<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\Văn phòng\\Desktop\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="8_{1A2B3C}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>`,
  );
  zip.file("xl/workbook.xml", wb);
  let i = 0;
  for (const n of Object.keys(zip.files).filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x))) {
    let x = await zip.file(n)!.async("string");
    x = addRootAttrs(x, "worksheet", {
      "xmlns:mc": MC,
      "mc:Ignorable": "x14ac xr",
      "xmlns:x14ac": "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
      "xmlns:xr": "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
      "xr:uid": `{5E1C9A3B-0000-4000-8000-00000000000${i++ % 10}}`,
    });
    x = x.replace(/<row ((?:(?!dyDescent)[^>])*?)(\/?)>/g, (_m, a: string, slash: string) => `<row ${a} x14ac:dyDescent="0.25"${slash}>`);
    x = x.replace(
      "</worksheet>",
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst></worksheet>`,
    );
    zip.file(n, x);
  }
  const ss = zip.file("xl/sharedStrings.xml");
  if (ss) {
    let s = await ss.async("string");
    s = s.replace(/<\/sst>/, '<si><t>Ghi chú</t><rPh sb="0" eb="2"><t>ガチュ</t></rPh><phoneticPr fontId="1"/></si></sst>');
    zip.file("xl/sharedStrings.xml", s);
  }
  zip.file("xl/calcChain.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="E9" i="1" l="1"/></calcChain>');
  let ct = await zip.file("[Content_Types].xml")!.async("string");
  ct = ct.replace("</Types>", '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>');
  zip.file("[Content_Types].xml", ct);
  let rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  rels = rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>');
  zip.file("xl/_rels/workbook.xml.rels", rels);
  zip.file(
    "docProps/app.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>9</vt:i4></vt:variant></vt:vector></HeadingPairs><Company></Company><AppVersion>16.0300</AppVersion></Properties>',
  );
}

/** What openpyxl writes: every relationship target absolute ("/xl/worksheets/sheet1.xml"). */
async function asOpenpyxlSavesIt(zip: JSZip): Promise<void> {
  for (const n of Object.keys(zip.files).filter((x) => x.endsWith(".rels"))) {
    const dir = n.replace(/_rels\/[^/]*$/, "");
    const x = (await zip.file(n)!.async("string")).replace(/Target="([^"]+)"/g, (m, t: string) =>
      /^(?:[a-z]+:|\/)/i.test(t) ? m : `Target="/${path.posix.normalize(dir + t)}"`,
    );
    zip.file(n, x);
  }
}

async function readsAsBefore(file: string): Promise<void> {
  const dir = path.dirname(file);
  const before = hashes(dir);
  const e = await run(dir, ["export", path.basename(file)]);
  expectNoInternalError(e);
  expect(e.err).toBe("");
  expect(e.code).toBe(0);
  expect(JSON.parse(e.out)).toEqual(exported);
  const c = await run(dir, ["check", path.basename(file), "--json"]);
  expect({ code: c.code, summary: JSON.parse(c.out).summary }).toEqual(checked);
  expect(hashes(dir)).toEqual(before);
}

test("saved by Excel (its own parts added): reads as before", async () => {
  const out = path.join(folder(), "excel.xlsx");
  await rezip(path.join(baseDir, "book.xlsx"), out, asExcelSavesIt);
  await readsAsBefore(out);
});

test("saved by openpyxl (absolute relationship paths): reads as before", async () => {
  const out = path.join(folder(), "openpyxl.xlsx");
  await rezip(path.join(baseDir, "book.xlsx"), out, asOpenpyxlSavesIt);
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="/xl/worksheets/sheet1.xml"');
  await readsAsBefore(out);
});

test("fixAbsoluteRels: targets relative to their part, external links left", async () => {
  const zip = new JSZip();
  zip.file("_rels/.rels", '<Relationships><Relationship Id="r1" Target="/xl/workbook.xml"/></Relationships>');
  zip.file("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="r1" Target="/xl/worksheets/sheet1.xml"/></Relationships>');
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    '<Relationships><Relationship Id="r1" Target="/xl/tables/table1.xml"/><Relationship Id="r2" Target="https://example.org/x" TargetMode="External"/><Relationship Id="r3" Target="/x.xml" TargetMode="External"/></Relationships>',
  );
  expect(await fixAbsoluteRels(zip)).toBe(true);
  expect(await zip.file("_rels/.rels")!.async("string")).toContain('Target="xl/workbook.xml"');
  expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="worksheets/sheet1.xml"');
  const s = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
  expect(s).toContain('Target="../tables/table1.xml"');
  expect(s).toContain('Target="https://example.org/x"');
  expect(s).toContain('Target="/x.xml" TargetMode="External"');
  expect(await fixAbsoluteRels(zip)).toBe(false);
});

// LibreOffice is installed where the tests run (.ci/run installs it).
test("saved by LibreOffice (soffice --convert-to xlsx): reads as before", async () => {
  const dir = folder();
  const src = path.join(dir, "src");
  fs.mkdirSync(src);
  fs.copyFileSync(path.join(baseDir, "book.xlsx"), path.join(src, "book.xlsx"));
  const out = path.join(dir, "out");
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "xlsx", "--outdir", out, path.join(src, "book.xlsx")], { stdio: "ignore", timeout: 120000 });
  const file = path.join(out, "book.xlsx");
  expect(fs.existsSync(file)).toBe(true);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  expect(await zip.file("docProps/app.xml")!.async("string")).toMatch(/LibreOffice/);
  await readsAsBefore(file);
}, 180000);
