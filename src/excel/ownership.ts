/**
 * Is a sheet still ours? The marker records our sheets by name, but a user may delete our
 * "Phụ lục" sheet and make their own with that name: the marker then no longer vouches for
 * it. Before set-up restores cells or a check marks cells, a sheet counts as ours only when
 * the core's predicate (src/core/ownership.ts, the one the reader applies too) says so.
 * Otherwise it is the user's: set-up leaves it alone (our sheet is made again under another
 * name) and no mark is put on it.
 */
import type { SheetPlan, SheetSnapshot, WorkbookPlan, WorkbookSnapshot } from "../core/workbook-model";
import type { TemplateDef } from "../core/types";
import { MARKER, infoFieldOf } from "../core/layout";
import { ownsSheet, type OwnedShape } from "../core/ownership";
import { addinPlan } from "./plan";
import { planKeyColumn } from "../core/user-columns";

/** The plan's key column: one definition, in the core (src/core/user-columns.ts). */
export { planKeyColumn };


/** What ownership compares, from a plan sheet (the one definition is in src/core/ownership.ts). */
export function shapeOfPlan(p: SheetPlan): OwnedShape {
  const kc = planKeyColumn(p);
  const keys = kc >= 0 && (p.role === "indicators" || p.role === "info") ? p.table.rows.map((r) => (r[kc]?.v === null || r[kc]?.v === undefined ? "" : String(r[kc]!.v))) : [];
  const shape: OwnedShape = { table: p.table.name, headerRow: p.table.headerRow, header: p.table.header, keys };
  // An info row's name ("Cơ quan báo cáo") and the spec's key an older workbook holds ("agency") are one key.
  if (p.role === "info") shape.canon = (text) => infoFieldOf(text)?.key ?? text;
  return shape;
}

/** True when `s` is the plan sheet `p` as phuluc made it (any layout version; see src/core/ownership.ts). */
export function sheetIsOurs(s: SheetSnapshot, p: SheetPlan): boolean {
  return ownsSheet(s, shapeOfPlan(p));
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
