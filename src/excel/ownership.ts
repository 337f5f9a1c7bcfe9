/**
 * Is a sheet still ours? The marker records our sheets by name, but a user may delete our
 * "Phụ lục" sheet and make their own with that name: the marker then no longer vouches for
 * it. Before set-up restores cells or a check marks cells, a sheet counts as ours only when
 * it holds our table, or — its table lost — its header row and code column are still as the
 * layout wrote them. Otherwise it is the user's: set-up leaves it alone (our sheet is made
 * again under another name) and no mark is put on it.
 */
import type { CellSnapshot, SheetPlan, SheetSnapshot, WorkbookPlan, WorkbookSnapshot } from "../core/workbook-model";
import type { TemplateDef } from "../core/types";
import { MARKER, infoFieldOf } from "../core/layout";
import { addinPlan } from "./plan";

function text(c: CellSnapshot | undefined): string {
  const v = c?.v;
  return v === null || v === undefined ? "" : String(v).normalize("NFC").trim().toLowerCase();
}

function planText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).normalize("NFC").trim().toLowerCase();
}

/** Columns of a plan sheet that hold codes the layout wrote ("Mã"), if any. */
function codeColumn(p: SheetPlan): number {
  return p.table.header.findIndex((h) => planText(h) === "mã");
}

/** True when `s` is the plan sheet `p` as phuluc made it (see the module comment). */
export function sheetIsOurs(s: SheetSnapshot, p: SheetPlan): boolean {
  const hasTable = (s.tables ?? []).some((t) => t.name.toLowerCase() === p.table.name.toLowerCase());
  const hr = p.table.headerRow - 1;
  if (!hasTable) {
    // No table: every header cell the layout wrote.
    const header = s.rows[hr] ?? [];
    for (let i = 0; i < p.table.header.length; i++) if (text(header[i]) !== planText(p.table.header[i])) return false;
  }
  const cc = codeColumn(p);
  if (cc >= 0 && (p.role === "indicators" || p.role === "info")) {
    // The code column, row by row, as the layout wrote it (a few rows may have been edited).
    let same = 0;
    let total = 0;
    // An info row's name ("Cơ quan báo cáo") matches the spec's key an older workbook holds ("agency").
    const key = (v: string) => (p.role === "info" ? infoFieldOf(v)?.key ?? v : v);
    p.table.rows.forEach((row, i) => {
      const want = planText(row[cc]?.v);
      if (!want) return;
      total++;
      if (key(text(s.rows[hr + 1 + i]?.[cc])) === key(want)) same++;
    });
    if (total > 0 && same < Math.ceil(total * 0.8)) return false;
  }
  return true;
}

const planCache = new WeakMap<TemplateDef, WorkbookPlan>();

function planOf(t: TemplateDef): WorkbookPlan {
  let p = planCache.get(t);
  if (!p) {
    p = addinPlan(t);
    planCache.set(t, p);
  }
  return p;
}

/**
 * Of the sheet names given (the sheets a check read), those that are still ours in the
 * snapshot: the marker sheet, and each sheet matching one of the template's plan sheets.
 */
export function stillOurs(names: string[], snap: WorkbookSnapshot, t: TemplateDef): string[] {
  const plan = planOf(t);
  return names.filter((n) => {
    if (n === MARKER.sheet) return true;
    const s = snap.sheets.find((x) => x.name === n);
    if (!s) return false;
    return plan.sheets.some((p) => sheetIsOurs(s, p));
  });
}
