/**
 * Checking inside Excel: one check (read → core check → marks), going to a finding's
 * cells, and the live re-check after edits.
 *
 * Live: `onChanged` of each of our sheets (ExcelApi 1.7) — a typed cell, a paste of many
 * cells (Excel gives no per-cell details then; we need none: any change on our sheets
 * schedules a re-check), a cleared range. Changes are debounced (300 ms); a change
 * arriving during a check queues exactly one more. A live re-check never calls
 * `select()` or `activate()`: the user's selection and focus stay where they are.
 */
import type { CheckResult, Finding, Lang } from "../core/types";
import type { ReadResult } from "../core/sheet-read";
import { readWorkbook } from "../core/sheet-read";
import { check } from "../core/engine";
import { MARKER } from "../core/layout";
import { readBook, type ReadStats, type ReadOptions } from "./read";
import { applyMarks, markTargets, splitRef, type MarkResult } from "./mark";
import { runExcel, syncWithTimeout, ExcelTaskError } from "./sync";
import { stillOurs } from "./ownership";

export interface CheckRun {
  result: CheckResult;
  read: ReadResult;
  /** Names of our sheets found in the workbook (the only ones marked). */
  ownSheets: string[];
  readStats: ReadStats;
  mark?: MarkResult;
  ms: number;
}

export interface RunCheckOptions {
  lang?: Lang;
  /** Put fills on the offending cells (default true). */
  mark?: boolean;
  notes?: boolean;
  timeoutMs?: number;
  read?: ReadOptions;
}

/** Our sheets: those the reader took data from (every cell of the cell map), and the marker. */
export function ownSheetsOf(read: ReadResult): string[] {
  const out = new Set<string>();
  for (const ref of Object.values(read.cells)) {
    const p = splitRef(ref);
    if (p) out.add(p.sheet);
  }
  if (read.template) out.add(MARKER.sheet);
  return [...out];
}

/** The check inside an existing batch: read (≤ 2 syncs up to 5 MB), core check, marks (≤ 2 syncs). */
export async function checkInContext(context: Excel.RequestContext, opts: RunCheckOptions = {}): Promise<CheckRun> {
  const t0 = Date.now();
  const lang = opts.lang ?? "vi";
  const { snapshot, stats } = await readBook(context, { timeoutMs: opts.timeoutMs, detail: "check", ...(opts.read ?? {}) });
  const read = readWorkbook(snapshot, { lang });
  const result = check(read.data, { lang, cells: read.cells, structural: read.findings });
  // Only sheets still ours are marked: a user's sheet under one of our old names is not (ownership.ts).
  const ownSheets = read.template ? stillOurs(ownSheetsOf(read), snapshot, read.template) : ownSheetsOf(read);
  let mark: MarkResult | undefined;
  if (opts.mark !== false && read.template) {
    // Notes are workbook cells: Vietnamese whatever the pane's language.
    const forCells = opts.notes && lang !== "vi" ? check(read.data, { lang: "vi", cells: read.cells, structural: readWorkbook(snapshot, { lang: "vi" }).findings }).findings : result.findings;
    const { targets } = markTargets(forCells, { ownSheets });
    mark = await applyMarks(context, targets, { ownSheets, notes: opts.notes, timeoutMs: opts.timeoutMs });
  }
  return { result, read, ownSheets, readStats: stats, mark, ms: Date.now() - t0 };
}

export function runCheck(opts: RunCheckOptions = {}): Promise<CheckRun> {
  return runExcel((ctx) => checkInContext(ctx, opts));
}

/**
 * Select a finding's cells (user action: clicking a finding). Activates the sheet of its
 * first cell and selects the cells of that sheet (several areas where ExcelApi 1.9
 * offers `getRanges`, else the first one). One sync.
 */
export async function goToCells(refs: string[], timeoutMs = 15000): Promise<{ sheet: string; address: string } | undefined> {
  const parts = refs.map(splitRef).filter((p): p is { sheet: string; address: string } => !!p);
  if (!parts.length) return undefined;
  const sheet = parts[0].sheet;
  const same = parts.filter((p) => p.sheet === sheet).map((p) => p.address);
  return runExcel(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    const multi = same.length > 1 && typeof (ws as unknown as { getRanges?: unknown }).getRanges === "function" && isSet("1.9");
    if (multi) (ws as unknown as { getRanges(a: string): { select(): void } }).getRanges(same.join(",")).select();
    else ws.getRange(same[0]).select();
    await syncWithTimeout(ctx, timeoutMs);
    return { sheet, address: multi ? same.join(",") : same[0] };
  });
}

function isSet(v: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", v);
  } catch {
    return false;
  }
}

/** Whether this Excel reports edits (worksheet onChanged, ExcelApi 1.7). */
export function liveSupported(): boolean {
  return isSet("1.7");
}

export interface LiveOptions extends RunCheckOptions {
  debounceMs?: number;
  onResult(run: CheckRun): void;
  onError(e: ExcelTaskError | Error): void;
  /** The check to run (default `runCheck`); tests and benches pass their own. */
  run?: (opts: RunCheckOptions) => Promise<CheckRun>;
}

type Registration = { remove(): void; context: Excel.RequestContext };

/**
 * Live re-check: `start(sheets)` listens to edits on those sheets (our sheets, from the
 * last check); `stop()` removes the handlers. One listener set at a time.
 */
export class LiveChecker {
  private regs: Registration[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;
  private stopped = true;
  /** Number of re-checks run (for tests and benches). */
  runs = 0;
  lastChangeAt = 0;

  constructor(private opts: LiveOptions) {}

  get active(): boolean {
    return !this.stopped;
  }

  async start(sheets: string[]): Promise<number> {
    await this.stop();
    this.stopped = false;
    const names = sheets.filter((s) => s !== MARKER.sheet);
    const regs = await runExcel(async (ctx) => {
      ctx.workbook.worksheets.load("items/name");
      await syncWithTimeout(ctx, this.opts.timeoutMs);
      const out: Registration[] = [];
      for (const ws of ctx.workbook.worksheets.items) {
        if (!names.includes(ws.name)) continue;
        out.push(ws.onChanged.add((args) => this.changed(args)) as unknown as Registration);
      }
      await syncWithTimeout(ctx, this.opts.timeoutMs);
      return out;
    });
    this.regs = regs;
    return regs.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const regs = this.regs;
    this.regs = [];
    if (!regs.length) return;
    try {
      await Excel.run(regs[0].context, async (ctx) => {
        for (const r of regs) r.remove();
        await syncWithTimeout(ctx, this.opts.timeoutMs);
      });
    } catch {
      // The workbook may have closed; nothing to remove then.
    }
  }

  /** An edit happened (from Excel's event, or called directly). */
  changed(_args?: unknown): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.lastChangeAt = Date.now();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fire();
    }, this.opts.debounceMs ?? 300);
    return Promise.resolve();
  }

  private async fire(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      const run = this.opts.run ?? runCheck;
      const res = await run({ lang: this.opts.lang, mark: this.opts.mark, notes: this.opts.notes, timeoutMs: this.opts.timeoutMs, read: this.opts.read });
      this.runs++;
      if (!this.stopped) this.opts.onResult(res);
    } catch (e) {
      if (!this.stopped) this.opts.onError(e as Error);
    } finally {
      this.running = false;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.fire();
      }
    }
  }
}

/** Findings a check gives, for callers that only want them. */
export function findingsOf(run: CheckRun): Finding[] {
  return run.result.findings;
}
