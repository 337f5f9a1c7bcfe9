/**
 * The draft check off the UI thread (a Web Worker): the pane stays responsive while a long
 * draft is checked. Messages: { id, text, data, lang } in; { id, result } or { id, error:
 * { vi, en } } out. Started by draft-worker-start.ts.
 */
import { checkDraft } from "../core/draft/index";
import type { ReportData } from "../core/types";

interface Request {
  id: number;
  text: string;
  data: ReportData;
  lang: "vi" | "en";
}

const scope = self as unknown as {
  onmessage: ((e: { data: Request }) => void) | null;
  postMessage(m: unknown): void;
};

scope.onmessage = (e) => {
  const { id, text, data, lang } = e.data;
  try {
    scope.postMessage({ id, result: checkDraft(text, data, { lang }) });
  } catch (err) {
    const x = err as { vi?: string; en?: string; message?: string };
    const message = x && x.message ? String(x.message) : String(err);
    scope.postMessage({ id, error: { vi: x && x.vi ? x.vi : message, en: x && x.en ? x.en : message } });
  }
};
