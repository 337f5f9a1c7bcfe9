/**
 * The bounds of the draft check, in a module of their own so that the pane can refuse an
 * over-long draft without loading the checker.
 */
/**
 * The longest draft checked, in characters (about 10 MB of text; a real report is under
 * 100 000). The check is linear in the length: a 5 MB draft of any shape takes seconds (bench/safety.js times 17 hostile shapes against both built-in forms).
 */
export const MAX_DRAFT_CHARS = 10_000_000;

/** Findings listed at most; the summary still counts them all (`summary.shown` says how many are listed). */
export const MAX_DRAFT_FINDINGS = 1000;

/** A draft over MAX_DRAFT_CHARS: refused with this message (both languages). */
export class DraftTooLongError extends Error {
  vi: string;
  en: string;
  constructor(public length: number) {
    super("draft too long");
    this.name = "DraftTooLongError";
    const mb = (n: number) => (n / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 });
    this.vi = `Bản dự thảo quá dài (${mb(length).replace(".", ",")} triệu ký tự; tối đa ${mb(MAX_DRAFT_CHARS)} triệu). Một báo cáo thường dưới 100.000 ký tự: hãy kiểm tra từng phần của bản dự thảo.`;
    this.en = `The draft is too long (${mb(length)} million characters; at most ${mb(MAX_DRAFT_CHARS)} million). A report is usually under 100,000 characters: check the draft part by part.`;
    Object.setPrototypeOf(this, DraftTooLongError.prototype);
  }
}

