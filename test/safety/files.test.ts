/**
 * src/cli/files.ts, the one way `phuluc` writes a file: through a temporary file in the same
 * folder renamed into place (an interrupted or failed write leaves the old file whole and no
 * temporary file), never onto an input, never over a file without --force, never onto a file
 * Excel holds open; and `updateInPlace` for the commands that update their input: the plan
 * first, then with --yes a ‹name›.bak.xlsx copy and the new file.
 */
import * as fs from "fs";
import * as path from "path";
import { spawn } from "child_process";
import { cleanupFolders, EXAMPLE, folder, ROOT } from "./helpers";
import { backupNameOf, lockFileOf, sameFile, updateInPlace, writeOutput } from "../../src/cli/files";
import { FileError } from "../../src/cli/errors";

afterAll(cleanupFolders);
afterEach(() => jest.restoreAllMocks());

function files(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

async function refused(p: Promise<unknown>): Promise<FileError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FileError);
    return e as FileError;
  }
  throw new Error("not refused");
}

describe("writeOutput", () => {
  test("a write that fails half-way leaves the old file whole and no temporary file", async () => {
    const dir = folder();
    const f = path.join(dir, "bao-cao.docx");
    fs.writeFileSync(f, "the old report");
    const e = await refused(
      writeOutput(
        f,
        (tmp) => {
          fs.writeFileSync(tmp, "half of the new");
          throw Object.assign(new Error("disk gone"), { code: "EIO" });
        },
        { force: true },
      ),
    );
    expect(e.vi).toContain("Không ghi được tệp");
    expect(fs.readFileSync(f, "utf8")).toBe("the old report");
    expect(files(dir)).toEqual(["bao-cao.docx"]);
  });

  test("the new content is written beside the target first, then renamed into place", async () => {
    const dir = folder();
    const f = path.join(dir, "r.txt");
    const seen: string[] = [];
    await writeOutput(f, (tmp) => {
      seen.push(path.dirname(tmp), path.basename(tmp));
      expect(fs.existsSync(f)).toBe(false);
      fs.writeFileSync(tmp, "new");
    });
    expect(seen[0]).toBe(dir);
    expect(seen[1]).toMatch(/^\.r\.txt\.\d+\.[a-z0-9]+\.tmp$/);
    expect(fs.readFileSync(f, "utf8")).toBe("new");
    expect(files(dir)).toEqual(["r.txt"]);
  });

  test("a file Excel or Word holds (EBUSY or EPERM on rename) is exit 2 with a message; the old file stays", async () => {
    for (const code of ["EBUSY", "EPERM"]) {
      const dir = folder();
      const f = path.join(dir, "so-lieu.xlsx");
      fs.writeFileSync(f, "old");
      // The module object itself (the namespace import's bindings are read-only getters onto it).
      jest.spyOn(require("fs") as typeof fs, "renameSync").mockImplementationOnce(() => {
        throw Object.assign(new Error(code), { code });
      });
      const e = await refused(writeOutput(f, "new", { force: true }));
      expect(e.vi).toContain("đang mở trong Excel hoặc Word");
      expect(e.en).toContain("open in Excel or Word");
      expect(fs.readFileSync(f, "utf8")).toBe("old");
      expect(files(dir)).toEqual(["so-lieu.xlsx"]);
    }
  });

  test("never over an existing file without --force, never onto an input even with it", async () => {
    const dir = folder();
    const input = path.join(dir, "a.json");
    fs.writeFileSync(input, "{}");
    fs.writeFileSync(path.join(dir, "b.txt"), "b");
    expect((await refused(writeOutput(path.join(dir, "b.txt"), "x"))).vi).toContain("đã có");
    for (const spelled of [input, path.join(dir, ".", "a.json"), path.join(dir, "sub", "..", "a.json")])
      expect((await refused(writeOutput(spelled, "x", { force: true, inputs: [input] }))).vi).toContain("chính là tệp đầu vào");
    expect(fs.readFileSync(input, "utf8")).toBe("{}");
  });

  test("a lock file beside the target: \"~$name\" (Excel, Word) and the short form of long names", () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, "~$so-lieu.xlsx"), "");
    expect(lockFileOf(path.join(dir, "so-lieu.xlsx"))).toBe("~$so-lieu.xlsx");
    fs.writeFileSync(path.join(dir, "~$o-cao-nam-2024.docx"), "");
    expect(lockFileOf(path.join(dir, "bao-cao-nam-2024.docx"))).toBe("~$o-cao-nam-2024.docx");
    expect(lockFileOf(path.join(dir, "khac.xlsx"))).toBeUndefined();
  });

  test("sameFile: symbolic links, hard links, ./x and x", () => {
    const dir = folder();
    const a = path.join(dir, "a.json");
    fs.writeFileSync(a, "1");
    fs.symlinkSync(a, path.join(dir, "s.json"));
    fs.linkSync(a, path.join(dir, "h.json"));
    expect(sameFile(path.join(dir, "s.json"), a)).toBe(true);
    expect(sameFile(path.join(dir, "h.json"), a)).toBe(true);
    expect(sameFile(path.join(dir, ".", "a.json"), a)).toBe(true);
    expect(sameFile(path.join(dir, "new.json"), a)).toBe(false);
  });
});

describe("updateInPlace (import-previous, template upgrade)", () => {
  function setup() {
    const dir = folder();
    const f = path.join(dir, "so-lieu.xlsx");
    fs.writeFileSync(f, "version 1");
    let out = "";
    return { dir, f, out: () => out, opts: (yes: boolean, lang: "vi" | "en" = "vi") => ({ yes, lang, plan: ["thêm số liệu năm trước vào cột F"], out: (s: string) => (out += s) }) };
  }

  test("without --yes: the plan is printed, nothing is written", async () => {
    const s = setup();
    const r = await updateInPlace(s.f, "version 2", s.opts(false));
    expect(r).toEqual({ written: false });
    expect(s.out()).toContain("Sẽ cập nhật");
    expect(s.out()).toContain("  - thêm số liệu năm trước vào cột F");
    expect(s.out()).toContain("chạy lại lệnh với --yes");
    expect(s.out()).toContain("so-lieu.bak.xlsx");
    expect(fs.readFileSync(s.f, "utf8")).toBe("version 1");
    expect(files(s.dir)).toEqual(["so-lieu.xlsx"]);
  });

  test("with --yes: the old file kept as ‹name›.bak.xlsx, then a second run keeps ‹name›.bak-2.xlsx", async () => {
    const s = setup();
    const r = await updateInPlace(s.f, "version 2", s.opts(true));
    expect(r.written).toBe(true);
    expect(r.backup).toBe(path.join(s.dir, "so-lieu.bak.xlsx"));
    expect(fs.readFileSync(s.f, "utf8")).toBe("version 2");
    expect(fs.readFileSync(r.backup!, "utf8")).toBe("version 1");
    const r2 = await updateInPlace(s.f, (tmp) => fs.writeFileSync(tmp, "version 3"), s.opts(true, "en"));
    expect(r2.backup).toBe(path.join(s.dir, "so-lieu.bak-2.xlsx"));
    expect(fs.readFileSync(r2.backup!, "utf8")).toBe("version 2");
    expect(fs.readFileSync(r.backup!, "utf8")).toBe("version 1");
    expect(s.out()).toContain("the old file is kept as");
    expect(files(s.dir)).toEqual(["so-lieu.bak-2.xlsx", "so-lieu.bak.xlsx", "so-lieu.xlsx"]);
    expect(backupNameOf(s.f)).toBe(path.join(s.dir, "so-lieu.bak-3.xlsx"));
  });

  test("a workbook open in Excel: exit 2, nothing written, no copy", async () => {
    const s = setup();
    fs.writeFileSync(path.join(s.dir, "~$so-lieu.xlsx"), "");
    const e = await refused(updateInPlace(s.f, "version 2", s.opts(true)));
    expect(e.vi).toContain("đang mở trong Excel");
    expect(fs.readFileSync(s.f, "utf8")).toBe("version 1");
    expect(files(s.dir)).toEqual(["so-lieu.xlsx", "~$so-lieu.xlsx"]);
  });

  test("a failed write after the copy leaves the file as it was", async () => {
    const s = setup();
    const e = await refused(
      updateInPlace(
        s.f,
        () => {
          throw Object.assign(new Error("no space"), { code: "ENOSPC" });
        },
        s.opts(true),
      ),
    );
    expect(e.vi).toContain("ổ đĩa đã đầy");
    expect(fs.readFileSync(s.f, "utf8")).toBe("version 1");
  });

  test("a missing file is refused", async () => {
    const s = setup();
    expect((await refused(updateInPlace(path.join(s.dir, "khong-co.xlsx"), "x", s.opts(true)))).vi).toContain("Không tìm thấy");
  });
});

describe("closing the output early (phuluc … | head -1)", () => {
  test("ends quietly with the command's exit code", async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, "d.txt"), Array.from({ length: 3000 }, () => "Đã ban hành 99 văn bản.").join("\n"));
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "phuluc.js"), "draft", EXAMPLE, "--text", path.join(dir, "d.txt"), "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    // Read the first chunk, then close the pipe, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(err).toBe("");
    expect(code).toBe(1);
  }, 60000);
});
