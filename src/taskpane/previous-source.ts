/**
 * Last year's report, as the user picks it in the pane ("Nhập số liệu năm trước"): a
 * phuluc workbook (.xlsx, read from its XML parts: exceljs is not loaded in the pane), a
 * report JSON, or a .docx report (its text). jszip is loaded on first use (its own chunk).
 */
import type { PreviousSource } from "../excel/import-previous";
import { parseReportJson } from "../core/normalize";
import { readDocumentXml } from "../core/previous";
import { snapshotFromXlsx } from "../core/xlsx-xml";
import { readWorkbook } from "../core/sheet-read";

/** A problem with the file picked, in both languages. */
export class SourceError extends Error {
  constructor(
    public vi: string,
    public en: string,
  ) {
    super(vi);
    this.name = "SourceError";
  }
}

async function unzip(bytes: ArrayBuffer, name: string): Promise<Map<string, string>> {
  const JSZip = (await import(/* webpackChunkName: "jszip" */ "jszip")).default;
  const parts = new Map<string, string>();
  try {
    const zip = await JSZip.loadAsync(bytes);
    for (const p of Object.keys(zip.files)) if (/\.(xml|rels)$/i.test(p)) parts.set(p, await zip.file(p)!.async("string"));
  } catch {
    throw new SourceError(`Tệp "${name}" bị hỏng hoặc không phải tệp Office (.xlsx, .docx).`, `"${name}" is damaged or not an Office file (.xlsx, .docx).`);
  }
  return parts;
}

/** Reads the file the user picked. Throws SourceError (or the core's InputError) with a clear message. */
export async function readPreviousSource(file: { name: string; text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> }): Promise<PreviousSource> {
  const name = file.name;
  const ext = (/\.[^.]+$/.exec(name.toLowerCase()) ?? [""])[0];
  if (ext === ".json") return { kind: "data", data: parseReportJson((await file.text()).replace(/^\uFEFF/, "")) };
  if (ext === ".docx" || ext === ".docm") {
    const parts = await unzip(await file.arrayBuffer(), name);
    const xml = parts.get("word/document.xml");
    if (xml === undefined) throw new SourceError(`Tệp "${name}" không phải tệp Word .docx hợp lệ.`, `"${name}" is not a valid Word .docx file.`);
    return { kind: "docx", content: readDocumentXml(xml) };
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
    const parts = await unzip(await file.arrayBuffer(), name);
    let r;
    try {
      r = readWorkbook(snapshotFromXlsx((p) => parts.get(p)));
    } catch {
      throw new SourceError(`Tệp "${name}" không phải sổ tính Excel hợp lệ.`, `"${name}" is not a valid Excel workbook.`);
    }
    if (!r.template) {
      const f = r.findings[0];
      throw new SourceError(f ? f.message : `Sổ "${name}" không do phuluc tạo.`, f ? f.message : `"${name}" was not made by phuluc.`);
    }
    return { kind: "data", data: r.data };
  }
  throw new SourceError(
    `"${name}": hãy chọn báo cáo năm trước dạng .docx, sổ tính .xlsx do phuluc tạo, hoặc tệp .json.`,
    `"${name}": pick last year's report as .docx, a phuluc .xlsx workbook, or a .json file.`,
  );
}
