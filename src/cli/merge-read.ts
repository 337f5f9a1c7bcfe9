/**
 * Reading the units' files for `phuluc merge`: one at a time, or, for many workbooks, in
 * worker threads (reading one .xlsx with exceljs takes ~40 ms of CPU; JSON is faster read
 * in the main thread than sent to a worker). Results come back in input order.
 */
import * as os from "os";
import * as path from "path";
import * as fs from "fs";
import type { Lang } from "../core/types";
import type { UnitInput } from "../core/merge/merge";
import { loadReportInput } from "./input";

/** One file read into a unit input; a file that cannot be read says why (never throws). */
export async function readUnit(file: string, lang: Lang): Promise<UnitInput> {
  try {
    const x = await loadReportInput(file, lang);
    return { file, data: x.data, cells: x.cells, structural: x.structural };
  } catch (e) {
    if (e && typeof e === "object" && "vi" in e && "en" in e) {
      const m = e as { vi: string; en: string };
      return { file, unreadable: { vi: m.vi, en: m.en } };
    }
    const msg = e instanceof Error ? e.message : String(e);
    return { file, unreadable: { vi: `Không đọc được tệp "${file}" (${msg}).`, en: `Cannot read "${file}" (${msg}).` } };
  }
}

export type Progress = (done: number, total: number, file: string) => void;

/** How many worker threads to use for this many workbooks (0: read in this thread). */
export function workerCount(xlsxFiles: number, requested?: number): number {
  const workerFile = path.join(__dirname, "merge-worker.js");
  if (!fs.existsSync(workerFile)) return 0; // running from TypeScript sources (tests): no compiled worker
  if (requested !== undefined) return Math.max(0, Math.min(requested, xlsxFiles));
  if (xlsxFiles < 16) return 0;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 8, Math.ceil(xlsxFiles / 8)));
}

/** Reads every file; workbooks in `workers` threads when asked. Results in input order. */
export async function readUnits(files: string[], lang: Lang, opts: { workers?: number; progress?: Progress } = {}): Promise<UnitInput[]> {
  const out: UnitInput[] = new Array(files.length);
  let done = 0;
  const tick = (i: number) => {
    done++;
    if (opts.progress) opts.progress(done, files.length, files[i]);
  };
  const xlsx: number[] = [];
  files.forEach((f, i) => {
    if (/\.xls[xm]$/i.test(f)) xlsx.push(i);
  });
  const n = workerCount(xlsx.length, opts.workers);
  const inThread = n ? files.map((_f, i) => i).filter((i) => !xlsx.includes(i)) : files.map((_f, i) => i);
  const pool = n ? readInWorkers(files, xlsx, n, lang, out, tick) : Promise.resolve();
  for (const i of inThread) {
    out[i] = await readUnit(files[i], lang);
    tick(i);
  }
  await pool;
  return out;
}

function readInWorkers(files: string[], queue: number[], n: number, lang: Lang, out: UnitInput[], tick: (i: number) => void): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require("worker_threads") as typeof import("worker_threads");
  const pending = queue.slice();
  return new Promise((resolve, reject) => {
    let alive = n;
    for (let w = 0; w < n; w++) {
      const worker = new Worker(path.join(__dirname, "merge-worker.js"), { workerData: { lang } });
      let current = -1;
      const next = () => {
        const i = pending.shift();
        if (i === undefined) {
          void worker.terminate();
          return;
        }
        current = i;
        worker.postMessage({ file: files[i] });
      };
      worker.on("message", (u: UnitInput) => {
        out[current] = u;
        tick(current);
        next();
      });
      worker.on("error", (e) => {
        if (current >= 0 && !out[current]) {
          out[current] = { file: files[current], unreadable: { vi: `Không đọc được tệp "${files[current]}" (${e.message}).`, en: `Cannot read "${files[current]}" (${e.message}).` } };
          tick(current);
        }
        reject(e);
      });
      worker.on("exit", () => {
        alive--;
        if (alive === 0) resolve();
      });
      next();
    }
  });
}
