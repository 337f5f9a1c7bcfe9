import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CheckResult, Finding, ReportData } from "../../src/core/types";
import { normalizeReport } from "../../src/core/normalize";

export const ROOT = path.join(__dirname, "..", "..");
export const EXAMPLE = path.join(ROOT, "examples", "son-la-skhcn-2021.json");
export const MAI_SON = path.join(ROOT, "test", "fixtures", "mai-son-2022.json");
export const SEED = path.join(ROOT, "test", "fixtures", "bao-cao-538-BC-SKHCN-2021.txt");

export function rawExample(): ReportData {
  return JSON.parse(fs.readFileSync(EXAMPLE, "utf8")) as ReportData;
}

export function example(): ReportData {
  return normalizeReport(rawExample());
}

export function seedText(): string {
  return fs.readFileSync(SEED, "utf8");
}

export function rules(r: CheckResult | Finding[]): string[] {
  const fs2 = Array.isArray(r) ? r : r.findings;
  return fs2.map((f) => f.rule);
}

export function narrative(r: CheckResult): Finding[] {
  return r.findings.filter((f) => f.rule.startsWith("narrative."));
}

/** Replaces one exact piece of the seed, failing loudly if it is not there (so a test cannot pass vacuously). */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error("not in the text: " + from);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The seed with every error the spec and conventions point out corrected. */
export function correctedSeed(): string {
  let t = seedText();
  t = edit(t, "538/BC-SKHCM", "538/BC-SKHCN");
  t = edit(t, "do đó, đơn vị không tổ chức Hội nghị đối thoại.", "đơn vị đã tổ chức 01 Hội nghị đối thoại.");
  return t;
}

/** The corrected seed with the conventions' lint points fixed too. */
export function cleanSeed(): string {
  let t = correctedSeed();
  for (const [a, b] of [
    ["17.11.2015", "17/11/2015"],
    ["14.7.2015", "14/7/2015"],
    ["07.01.2016", "07/01/2016"],
    ["16.3.2021", "16/3/2021"],
    ["04/2015/NĐCP", "04/2015/NĐ-CP"],
    ["01/HD/BDVTW", "01-HD/BDVTW"],
    ["05/CT-TW", "05-CT/TW"],
  ])
    t = edit(t, a, b);
  t = t.split("/KH-KHCN").join("/KH-SKHCN").split("/KH-SKH-CN").join("/KH-SKHCN");
  return t;
}

const dirs: string[] = [];
export function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-draft-"));
  dirs.push(d);
  return d;
}
export function cleanup(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export interface Captured {
  out: string;
  err: string;
  io: { out(s: string): void; err(s: string): void };
}
export function capture(): Captured {
  const c: Captured = {
    out: "",
    err: "",
    io: {
      out: (s: string) => {
        c.out += s;
      },
      err: (s: string) => {
        c.err += s;
      },
    },
  };
  return c;
}
