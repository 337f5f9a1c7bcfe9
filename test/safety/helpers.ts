/** Shared helpers of the hostile-input tests: a folder per case, file hashes, in-process CLI runs, hand-made zips. */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { main } from "../../src/cli/main";

export const ROOT = path.resolve(__dirname, "..", "..");
export const EXAMPLE = path.join(ROOT, "examples", "son-la-skhcn-2021.json");

export function example(): Record<string, any> {
  return JSON.parse(fs.readFileSync(EXAMPLE, "utf8"));
}

const made: string[] = [];

/** A fresh folder for one case. */
export function folder(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-hostile-"));
  made.push(d);
  return d;
}

export function cleanupFolders(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** name → sha256 of every file (and symlink target) in a folder, recursively. */
export function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const r = rel ? rel + "/" + e.name : e.name;
      if (e.isSymbolicLink()) out[r] = "link:" + fs.readlinkSync(p);
      else if (e.isDirectory()) walk(p, r);
      else out[r] = crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");
    }
  };
  walk(dir, "");
  return out;
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process (no new Node start), in `cwd`. */
export async function run(cwd: string, args: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

/** No internal error: no stack trace, no "unexpected error", no JS engine message. */
export function expectNoInternalError(r: Run): void {
  const all = r.out + r.err;
  expect(all).not.toMatch(/Maximum call stack|lỗi không mong đợi|unexpected error|\n\s+at .+:\d+:\d+|TypeError|RangeError|ReferenceError|Cannot read properties/);
  expect([0, 1, 2]).toContain(r.code);
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(b: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export interface ZipPart {
  name: string;
  /** Deflated bytes (method 8) or stored bytes (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  /** Size and CRC written in the headers (a liar may give false ones). */
  size: number;
  crc: number;
}

/** A part deflated from its content, with honest size and CRC. */
export function part(name: string, content: string | Uint8Array): ZipPart {
  const raw = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
  return { name, data: zlib.deflateRawSync(raw), method: 8, size: raw.length, crc: crc32(raw) };
}

/** A zip file made by hand, so that its headers can say what a test needs. */
export function makeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(p.method, 8);
    lh.writeUInt32LE(p.crc >>> 0, 14);
    lh.writeUInt32LE(p.data.length, 18);
    lh.writeUInt32LE(p.size >>> 0, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, Buffer.from(p.data));
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(p.method, 10);
    ch.writeUInt32LE(p.crc >>> 0, 16);
    ch.writeUInt32LE(p.data.length, 20);
    ch.writeUInt32LE(p.size >>> 0, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Deflated zeros: `mb` megabytes once inflated, a few hundred kilobytes in the file. */
export function zeros(mb: number): Uint8Array {
  return zlib.deflateRawSync(Buffer.alloc(mb * 1024 * 1024), { level: 9 });
}
