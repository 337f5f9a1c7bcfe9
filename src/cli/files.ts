/**
 * Every file a `phuluc` command writes goes through here, so that no command loses a file:
 *
 * - `writeOutput(file, content, { force, inputs })`: refuses (exit 2) to write over an
 *   existing file without --force, and to write onto one of the command's own inputs even
 *   with --force (compared by real path, after symbolic links and "./x" against "x", and by
 *   file identity for hard links); refuses a file Excel or Word holds open (a "~$name" lock
 *   file beside it, or EBUSY/EPERM/EACCES when replacing it). The content goes to a
 *   temporary file in the same folder, flushed to disk, then renamed into place: an
 *   interrupted run leaves the old file whole (and at worst a ".name.….tmp" beside it).
 * - `updateInPlace(file, write, { yes, plan })`: for the commands that update their input
 *   (import-previous, a template upgrade): prints the plan; with `yes` keeps a copy
 *   "‹name›.bak.xlsx" (never over an older copy: "‹name›.bak-2.xlsx", …), then writes as above.
 */
import * as fs from "fs";
import * as path from "path";
import { FileError } from "./errors";

export { FileError };

/** What writes the new content to a path (the temporary file). */
export type Producer = (tmpPath: string) => Promise<void> | void;

export interface WriteOptions {
  /** --force: an existing file (not an input) may be replaced. */
  force?: boolean;
  /** The command's input files: never written, --force or not. */
  inputs?: (string | undefined)[];
}

/** The real path of a file, or of its folder joined with its name when it does not exist yet. */
export function realPathOf(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

function identity(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return st.dev + ":" + st.ino;
  } catch {
    return undefined;
  }
}

function caseless(): boolean {
  return process.platform === "win32" || process.platform === "darwin";
}

/** True when `a` and `b` name the same file (real paths, or the same file on disk). */
export function sameFile(a: string, b: string): boolean {
  let ra = realPathOf(a);
  let rb = realPathOf(b);
  if (caseless()) {
    ra = ra.toLowerCase();
    rb = rb.toLowerCase();
  }
  if (ra === rb) return true;
  const ia = identity(a);
  return ia !== undefined && ia !== "0:0" && ia === identity(b);
}

/** The lock file Excel or Word keeps beside a file it has open ("~$name.xlsx"; for long names the first characters go). */
export function lockFileOf(file: string): string | undefined {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  for (const cand of ["~$" + base, "~$" + base.slice(1), "~$" + base.slice(2)]) {
    if (cand.length <= 2) continue;
    try {
      if (fs.statSync(path.join(dir, cand)).isFile()) return cand;
    } catch {
      /* none */
    }
  }
  return undefined;
}

function lockedError(file: string): FileError {
  return new FileError(
    `Tệp "${file}" đang mở trong Excel hoặc Word, nên phuluc không ghi vào. Hãy đóng tệp rồi chạy lại.`,
    `"${file}" is open in Excel or Word, so phuluc does not write to it. Close it and run again.`,
  );
}

/** Refuses (FileError, exit 2) a target that is an input, exists without --force, is a folder, or is open in Excel/Word. */
export function checkOutput(file: string, opts: WriteOptions): void {
  for (const input of opts.inputs ?? []) {
    if (input !== undefined && sameFile(file, input))
      throw new FileError(
        `Tệp kết quả "${file}" chính là tệp đầu vào "${input}": phuluc không bao giờ ghi đè lên tệp đầu vào (kể cả khi có --force). Hãy chọn tên khác cho tệp kết quả.`,
        `The output "${file}" is the input "${input}": phuluc never writes over its own input (not even with --force). Choose another name for the output.`,
      );
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file);
  } catch {
    st = undefined;
  }
  if (st && st.isDirectory()) throw new FileError(`"${file}" là một thư mục, không ghi được tệp vào đó.`, `"${file}" is a folder; no file can be written there.`);
  if (st && !opts.force)
    throw new FileError(
      `Tệp "${file}" đã có; phuluc không ghi đè. Chọn tên khác, hoặc thêm --force để ghi đè.`,
      `"${file}" already exists; phuluc does not overwrite it. Pick another name, or add --force to overwrite.`,
    );
  if (lockFileOf(file)) throw lockedError(file);
}

function tmpNameFor(file: string): string {
  const dir = path.dirname(path.resolve(file));
  const rnd = Math.random().toString(36).slice(2, 8);
  return path.join(dir, "." + path.basename(file) + "." + process.pid + "." + rnd + ".tmp");
}

function removeQuietly(p: string): void {
  try {
    fs.unlinkSync(p);
  } catch {
    /* nothing to clean */
  }
}

function flush(p: string): void {
  try {
    const fd = fs.openSync(p, "r+");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort: some file systems refuse fsync */
  }
}

function writeError(file: string, e: unknown): FileError {
  const code = (e as { code?: string }).code;
  if (code === "EBUSY" || code === "EPERM" || code === "EACCES" || code === "ETXTBSY")
    return new FileError(
      `Không ghi được tệp "${file}": tệp đang mở trong Excel hoặc Word, hoặc thư mục không cho ghi. Hãy đóng tệp (hoặc chọn thư mục khác) rồi chạy lại.`,
      `Cannot write "${file}": it is open in Excel or Word, or the folder is not writable. Close it (or pick another folder) and run again.`,
    );
  if (code === "ENOENT")
    return new FileError(`Không ghi được tệp "${file}": thư mục không tồn tại.`, `Cannot write "${file}": the folder does not exist.`);
  if (code === "ENOSPC") return new FileError(`Không ghi được tệp "${file}": ổ đĩa đã đầy.`, `Cannot write "${file}": the disk is full.`);
  const msg = e instanceof Error ? e.message : String(e);
  return new FileError(`Không ghi được tệp "${file}" (${msg}).`, `Cannot write "${file}" (${msg}).`);
}

/** Writes the content to a temporary file beside `file`, then puts it in place (replace allowed or not). */
async function writeVia(file: string, content: Uint8Array | string | Producer, replace: boolean): Promise<void> {
  const tmp = tmpNameFor(file);
  try {
    if (typeof content === "function") await content(tmp);
    else fs.writeFileSync(tmp, content, { flag: "wx" });
    if (!fs.existsSync(tmp)) throw Object.assign(new Error("no output"), { code: "ENOENT" });
    flush(tmp);
  } catch (e) {
    removeQuietly(tmp);
    if (e instanceof FileError) throw e;
    throw writeError(file, e);
  }
  try {
    if (replace) fs.renameSync(tmp, file);
    else {
      // No replacing: a hard link fails if a file appeared meanwhile (atomic); where links are not
      // supported (FAT, some shares), check and rename.
      try {
        fs.linkSync(tmp, file);
        removeQuietly(tmp);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "EEXIST") throw e;
        if (fs.existsSync(file)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
        fs.renameSync(tmp, file);
      }
    }
  } catch (e) {
    removeQuietly(tmp);
    const code = (e as { code?: string }).code;
    if (code === "EEXIST")
      throw new FileError(
        `Tệp "${file}" vừa được tạo bởi chương trình khác; phuluc không ghi đè. Hãy chạy lại.`,
        `"${file}" was just made by another program; phuluc does not overwrite it. Run again.`,
      );
    throw writeError(file, e);
  }
}

/**
 * Writes a command's output file (see the module comment). `content` is the bytes or text,
 * or a function that writes the file at the path it is given. Throws FileError (exit 2).
 */
export async function writeOutput(file: string, content: Uint8Array | string | Producer, opts: WriteOptions = {}): Promise<void> {
  checkOutput(file, opts);
  await writeVia(file, content, !!opts.force);
}

/** "so-lieu.xlsx" → "so-lieu.bak.xlsx" (then "so-lieu.bak-2.xlsx", … when taken). */
export function backupNameOf(file: string): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  let cand = stem + ".bak" + ext;
  for (let n = 2; fs.existsSync(cand); n++) cand = stem + ".bak-" + n + ext;
  return cand;
}

export interface UpdateOptions {
  /** --yes: do it; otherwise only the plan is printed. */
  yes: boolean;
  /** What will change, one line each (in the user's language). */
  plan: string[];
  lang: "vi" | "en";
  out(s: string): void;
}

export interface UpdateResult {
  /** False when only the plan was printed (no --yes). */
  written: boolean;
  /** The copy of the file as it was. */
  backup?: string;
}

/**
 * Updates a file in place, for a command whose input is also its output: prints the plan;
 * with `yes`, copies the file to ‹name›.bak.xlsx, then writes the new content through a
 * temporary file. Without `yes` nothing is written. Throws FileError (exit 2) for a locked
 * or missing file.
 */
export async function updateInPlace(file: string, content: Uint8Array | string | Producer, opts: UpdateOptions): Promise<UpdateResult> {
  const L = (vi: string, en: string) => (opts.lang === "en" ? en : vi);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new FileError(`Không tìm thấy tệp "${file}".`, `File "${file}" not found.`);
  }
  if (!st.isFile()) throw new FileError(`"${file}" không phải một tệp.`, `"${file}" is not a file.`);
  opts.out(L(`Sẽ cập nhật ${file}:\n`, `${file} will be updated:\n`));
  for (const line of opts.plan) opts.out("  - " + line + "\n");
  if (!opts.yes) {
    opts.out(L(`Chưa ghi gì. Để thực hiện, chạy lại lệnh với --yes (phuluc giữ bản cũ là ${path.basename(backupNameOf(file))}).\n`, `Nothing written. To do it, run the command again with --yes (phuluc keeps the old file as ${path.basename(backupNameOf(file))}).\n`));
    return { written: false };
  }
  if (lockFileOf(file)) throw lockedError(file);
  const backup = backupNameOf(file);
  try {
    fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL);
  } catch (e) {
    throw writeError(backup, e);
  }
  await writeVia(file, content, true);
  opts.out(L(`Đã cập nhật ${file}; bản cũ giữ ở ${backup}.\n`, `Updated ${file}; the old file is kept as ${backup}.\n`));
  return { written: true, backup };
}
