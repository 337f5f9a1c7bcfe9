/**
 * Opening the zip inside an .xlsx or .docx with bounded work, before exceljs or the draft
 * reader inflate anything:
 * - the file itself, and the sum of its parts once uncompressed, may not pass
 *   MAX_UNZIPPED_BYTES (200 MB; a real appendix is under 1 MB): a "zip bomb" is refused in
 *   about the time it takes to inflate the limit, with a message;
 * - the sizes the zip's central directory declares are checked first (no inflating), then
 *   each part is inflated with an output cap of its declared size, so a part that lies
 *   about its size is caught as soon as it passes it;
 * - at most MAX_ZIP_ENTRIES parts (a workbook has a few dozen).
 * And relationship paths written absolute ("/xl/worksheets/sheet1.xml", as openpyxl
 * writes them), which exceljs 4.4.0 cannot follow, are rewritten relative to their part.
 */
import * as path from "path";
import * as zlib from "zlib";
import type JSZipType from "jszip";
import { FileError } from "./errors";


/** Largest uncompressed content of a workbook or .docx we read (bytes). */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** Most parts in one zip. */
export const MAX_ZIP_ENTRIES = 10000;

interface CompressedData {
  compressedSize: number;
  uncompressedSize: number;
  compression: { magic: string } | null;
  compressedContent: Uint8Array;
}

type Entry = { name: string; dir: boolean; _data?: CompressedData | unknown };

function mb(n: number): string {
  return String(Math.round(n / (1024 * 1024)));
}

export function tooBig(file: string, kind: "xlsx" | "docx"): FileError {
  const what = kind === "xlsx" ? { vi: "sổ tính", en: "workbook" } : { vi: "tệp Word", en: "Word file" };
  return new FileError(
    `Tệp "${file}" quá lớn khi giải nén (trên ${mb(MAX_UNZIPPED_BYTES)} MB; một ${what.vi} phụ lục thường dưới 1 MB), nên phuluc không đọc. Tệp có thể bị hỏng hoặc được tạo cố ý để làm treo máy. Hãy mở bằng ${kind === "xlsx" ? "Excel" : "Word"} và lưu lại, hoặc dùng tệp khác.`,
    `"${file}" is too large once uncompressed (over ${mb(MAX_UNZIPPED_BYTES)} MB; an appendix ${what.en} is usually under 1 MB), so phuluc does not read it. It may be damaged, or made to hang the computer. Open it in ${kind === "xlsx" ? "Excel" : "Word"} and save it again, or use another file.`,
  );
}

function damaged(file: string, kind: "xlsx" | "docx", detail: string): FileError {
  return kind === "xlsx"
    ? new FileError(
        `Tệp "${file}" bị hỏng hoặc không phải sổ tính Excel hợp lệ, không đọc được (${detail}). Hãy mở bằng Excel để sửa, hoặc tạo sổ mới bằng phuluc init.`,
        `"${file}" is damaged or not a valid Excel workbook and cannot be read (${detail}). Open it in Excel to repair it, or make a new one with phuluc init.`,
      )
    : new FileError(
        `Tệp "${file}" không phải tệp Word .docx hợp lệ (có thể bị hỏng). Hãy mở bằng Word và lưu lại dạng "Word Document (*.docx)", hoặc chép nội dung ra tệp .txt.`,
        `"${file}" is not a valid Word .docx file (it may be damaged). Open it in Word and save it as "Word Document (*.docx)", or copy the text into a .txt file.`,
      );
}

function loadJSZip(): typeof JSZipType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("jszip") as typeof JSZipType;
}

/**
 * Opens a zip with its sizes checked (see the module comment). Throws FileError (exit 2)
 * for a zip too large once uncompressed, with too many parts, or damaged.
 */
export async function openZip(bytes: Uint8Array, file: string, kind: "xlsx" | "docx"): Promise<JSZipType> {
  if (bytes.length > MAX_UNZIPPED_BYTES) throw tooBig(file, kind);
  let zip: JSZipType;
  try {
    zip = await loadJSZip().loadAsync(bytes);
  } catch (e) {
    throw damaged(file, kind, (e as Error).message || String(e));
  }
  const entries = Object.values(zip.files) as unknown as Entry[];
  if (entries.length > MAX_ZIP_ENTRIES) throw tooBig(file, kind);
  // 1. What the central directory declares.
  let declared = 0;
  for (const e of entries) {
    const d = e._data as CompressedData | undefined;
    if (e.dir || !d || typeof d.uncompressedSize !== "number") continue;
    declared += Math.max(0, d.uncompressedSize);
    if (declared > MAX_UNZIPPED_BYTES) throw tooBig(file, kind);
  }
  // 2. What the parts really hold: each inflated with its declared size as the cap.
  let total = 0;
  for (const e of entries) {
    const d = e._data as CompressedData | undefined;
    if (e.dir || !d || !d.compressedContent) continue;
    const magic = d.compression ? d.compression.magic : "";
    let size: number;
    if (magic === "\x00\x00") size = d.compressedContent.length;
    else if (magic === "\x08\x00") {
      const cap = Math.min(Math.max(0, d.uncompressedSize), MAX_UNZIPPED_BYTES - total);
      try {
        size = zlib.inflateRawSync(d.compressedContent, { maxOutputLength: Math.max(1, cap + 1) }).length;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) throw tooBig(file, kind);
        throw damaged(file, kind, (err as Error).message || String(err));
      }
      if (size > cap) throw tooBig(file, kind);
    } else continue; // an unknown method: jszip refuses it when the part is read
    total += size;
    if (total > MAX_UNZIPPED_BYTES) throw tooBig(file, kind);
  }
  return zip;
}

/** The folder of a part, for its .rels file: "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets". */
function sourceDir(relsName: string): string {
  const dir = path.posix.dirname(relsName); // ".../_rels"
  const parent = path.posix.dirname(dir);
  return parent === "." ? "" : parent;
}

/**
 * Rewrites absolute relationship targets ("/xl/tables/table1.xml") relative to the part
 * they belong to ("../tables/table1.xml"), as exceljs expects. External targets are left.
 * Returns true when any .rels part changed.
 */
export async function fixAbsoluteRels(zip: JSZipType): Promise<boolean> {
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!/(^|\/)_rels\/[^/]*\.rels$/.test(name)) continue;
    const f = zip.file(name);
    if (!f) continue;
    const xml = await f.async("string");
    if (!/Target\s*=\s*["']\s*\//.test(xml)) continue;
    const base = sourceDir(name);
    const fixed = xml.replace(/<Relationship\b[^<>]*>/g, (tag) => {
      if (/TargetMode\s*=\s*["']External["']/i.test(tag)) return tag;
      return tag.replace(/(Target\s*=\s*)(["'])\s*(\/[^"']*)\2/, (_m, pre: string, q: string, target: string) => {
        const abs = target.replace(/^\/+/, "");
        let rel = path.posix.relative(base || ".", abs);
        if (!base) rel = abs;
        return pre + q + rel + q;
      });
    });
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed;
}
