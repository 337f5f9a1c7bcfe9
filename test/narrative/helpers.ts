import * as fs from "fs";
import * as path from "path";
import type { ReportData } from "../../src/core/types";
import { normalizeReport } from "../../src/core/normalize";

export const ROOT = path.join(__dirname, "..", "..");
export const EXAMPLE = path.join(ROOT, "examples", "son-la-skhcn-2021.json");
export const MAI_SON = path.join(ROOT, "test", "fixtures", "mai-son-2022.json");
export const SEED = path.join(ROOT, "test", "fixtures", "bao-cao-538-BC-SKHCN-2021.txt");

export function load(file: string): ReportData {
  return normalizeReport(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** The raw JSON (not normalised), for tests that perturb values as typed. */
export function raw(file: string): ReportData {
  return JSON.parse(fs.readFileSync(file, "utf8")) as ReportData;
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
