/**
 * Waiting for Office: office.js may not have loaded (no network, blocked CDN), the page may
 * be open in a plain browser (Office.onReady then says host null), or Office may never
 * answer. Each case gets its own message instead of a blank pane.
 */
export type OfficeState = { kind: "ready"; host: string } | { kind: "missing" } | { kind: "not-in-office" } | { kind: "timeout" };

export const READY_TIMEOUT_MS = 10000;

export function waitForOffice(timeoutMs = READY_TIMEOUT_MS): Promise<OfficeState> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve({ kind: "missing" });
  return new Promise<OfficeState>((resolve) => {
    const timer = setTimeout(() => resolve({ kind: "timeout" }), timeoutMs);
    Promise.resolve(Office.onReady()).then(
      (info) => {
        clearTimeout(timer);
        const host = info && info.host ? String(info.host) : "";
        resolve(host ? { kind: "ready", host } : { kind: "not-in-office" });
      },
      () => {
        clearTimeout(timer);
        resolve({ kind: "missing" });
      },
    );
  });
}

/** Dark or light, from Office's theme colours when Office gives them. */
export function officeIsDark(): boolean {
  try {
    const bg = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
    if (!bg) return false;
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(bg);
    if (!m) return false;
    const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
  } catch {
    return false;
  }
}

/** The view asked for in the URL (the ribbon's "Kiểm tra" opens taskpane.html?view=check). */
export function requestedView(): "workbook" | "check" | "report" {
  try {
    const v = new URLSearchParams(window.location.search).get("view");
    if (v === "check" || v === "report") return v;
  } catch {
    /* ignore */
  }
  return "workbook";
}
