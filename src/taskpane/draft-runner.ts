/**
 * Runs the draft check for the pane: in a Web Worker where the host has one (the pane stays
 * responsive), else on the UI thread as before (old webviews, jsdom). A draft over
 * MAX_DRAFT_CHARS is refused at once, in both cases, with DraftTooLongError's message.
 */
import type { CheckResult, ReportData } from "../core/types";
import { DraftTooLongError, MAX_DRAFT_CHARS } from "../core/draft/limits";

type DraftModule = typeof import("../core/draft/index");
let checker: Promise<DraftModule> | undefined;
function loadChecker(): Promise<DraftModule> {
  checker ??= import(/* webpackChunkName: "draft-check" */ "../core/draft/index").catch((e) => {
    checker = undefined; // a failed chunk load (slow network) can be retried
    throw e;
  });
  return checker;
}

/** An error the check itself gave (a message for the user), as opposed to a worker that could not run. */
class CheckError extends Error {
  constructor(
    public vi: string,
    public en: string,
  ) {
    super(vi);
  }
}

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, { resolve: (r: CheckResult) => void; reject: (e: unknown) => void }>();

function failAll(e: unknown): void {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
}

async function getWorker(): Promise<Worker | undefined> {
  if (workerBroken || typeof Worker === "undefined") return undefined;
  if (worker) return worker;
  try {
    const { startDraftWorker } = await import(/* webpackChunkName: "draft-worker-start" */ "./draft-worker-start");
    const w = startDraftWorker();
    w.onmessage = (e: MessageEvent) => {
      const m = e.data as { id: number; result?: CheckResult; error?: { vi: string; en: string } };
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error) p.reject(new CheckError(m.error.vi, m.error.en));
      else p.resolve(m.result as CheckResult);
    };
    w.onerror = (e) => {
      // The worker could not load or crashed: use the UI thread from now on.
      e.preventDefault?.();
      workerBroken = true;
      worker = undefined;
      try {
        w.terminate();
      } catch {
        /* gone */
      }
      failAll(new Error("worker failed"));
    };
    worker = w;
    return w;
  } catch {
    workerBroken = true;
    return undefined;
  }
}

/** True when the last checks ran in a worker (for tests and diagnostics). */
export function draftWorkerActive(): boolean {
  return !!worker && !workerBroken;
}

/** The draft check of `text` against `data`, off the UI thread when possible. */
export async function checkDraftOffThread(text: string, data: ReportData, lang: "vi" | "en"): Promise<CheckResult> {
  if (text.length > MAX_DRAFT_CHARS) throw new DraftTooLongError(text.length);
  const w = await getWorker();
  if (w) {
    try {
      return await new Promise<CheckResult>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        w.postMessage({ id, text, data, lang });
      });
    } catch (e) {
      if (e instanceof CheckError) throw e;
      // The worker failed: fall back below.
    }
  }
  const mod = await loadChecker();
  return mod.checkDraft(text, data, { lang });
}

/** Loads the checker ahead of use (the UI-thread fallback). */
export function preloadDraftChecker(): Promise<unknown> {
  return loadChecker();
}
