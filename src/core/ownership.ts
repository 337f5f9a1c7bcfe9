/**
 * Is a sheet still ours? The one definition, used by the reader (src/core/sheet-read.ts:
 * a sheet that is no longer ours is not read as the appendix) and by the add-in before it
 * writes (src/excel/ownership.ts: set-up, marks).
 *
 * The marker records our sheets by name, but a user may delete our "Phụ lục" sheet and make
 * their own with that name: the marker then no longer vouches for it. A sheet counts as ours
 * when it holds our table, or — its table lost — its header row holds the layout's headers
 * (in any order: an older layout version had them in another order; one may be missing); and, where the layout
 * writes keys (indicator codes, one per row), one of its columns still holds most of them.
 * No header or key text is looked up by position, so a sheet of any layout version passes.
 * Pure: no Office, no DOM, no Node.
 */
import type { CellSnapshot, SheetSnapshot } from "./workbook-model";

/** What the layout wrote on a sheet, as far as ownership goes. */
export interface OwnedShape {
  /** Excel table name. */
  table: string;
  /** 1-based header row the layout writes. */
  headerRow: number;
  /** Header texts (any of a layout version's; compared as a set). */
  header: string[];
  /** Keys the layout writes one per data row (indicator codes); empty: no key check. */
  keys: string[];
  /**
   * The key a cell's text stands for, where a key has several spellings (the "Thông tin" sheet:
   * "Cơ quan báo cáo", or "agency" in a workbook written before the Vietnamese names). Without it,
   * keys are compared as texts without spaces.
   */
  canon?: (text: string) => string;
}

/** Share of the keys that must still be there (a few rows may have been edited or deleted). */
export const KEYS_KEPT = 0.8;

function norm(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

function rowTexts(row: CellSnapshot[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const c of row ?? []) {
    const t = norm(c?.v);
    if (t) out.add(t);
  }
  return out;
}

function tableTop(s: SheetSnapshot, table: string): number | undefined {
  const t = (s.tables ?? []).find((x) => x.name.toLowerCase() === table.toLowerCase());
  if (!t) return undefined;
  const m = /^(?:.*!)?\$?[A-Za-z]{1,3}\$?(\d+)/.exec(t.range.trim());
  return m ? parseInt(m[1], 10) - 1 : undefined;
}

/** Header texts that may be missing from a sheet that lost its table (one column deleted or retitled). */
export const HEADERS_LOST = 1;

/** 0-based row holding the header texts of the shape (all but HEADERS_LOST; the layout's row first), if any. */
function headerRowOf(s: SheetSnapshot, shape: OwnedShape): number | undefined {
  const want = shape.header.map(norm).filter((x) => x);
  const holds = (r: number) => {
    const have = rowTexts(s.rows[r]);
    return want.filter((w) => !have.has(w)).length <= Math.min(HEADERS_LOST, want.length - 1);
  };
  const first = shape.headerRow - 1;
  if (holds(first)) return first;
  for (let r = 0; r < Math.min(s.rows.length, 60); r++) if (r !== first && holds(r)) return r;
  return undefined;
}

/** How many of `keys` one column below row `hr` holds, at best (any column, any row order). */
function keyOf(shape: OwnedShape): (v: unknown) => string {
  const canon = shape.canon;
  return canon ? (v) => norm(canon(norm(v))) : (v) => norm(v).replace(/\s+/g, "");
}

function keysKept(s: SheetSnapshot, hr: number, shape: OwnedShape): number {
  const key = keyOf(shape);
  const keys = shape.keys;
  const want = new Set(keys.map(key).filter((x) => x));
  const last = Math.min(s.rows.length, hr + 1 + keys.length * 2 + 50);
  const width = Math.min(30, Math.max(0, ...s.rows.slice(hr + 1, last).map((r) => (r ? r.length : 0))));
  let best = 0;
  for (let c = 0; c < width; c++) {
    const seen = new Set<string>();
    for (let r = hr + 1; r < last; r++) {
      const t = key(s.rows[r]?.[c]?.v);
      if (want.has(t)) seen.add(t);
    }
    if (seen.size > best) best = seen.size;
  }
  return best;
}

/** True when `s` is the sheet the layout wrote (see the module comment). */
export function ownsSheet(s: SheetSnapshot, shape: OwnedShape): boolean {
  const top = tableTop(s, shape.table);
  const hr = top ?? headerRowOf(s, shape);
  if (hr === undefined) return false;
  const total = new Set(shape.keys.map(keyOf(shape)).filter((x) => x)).size;
  if (total > 0 && keysKept(s, hr, shape) < Math.ceil(total * KEYS_KEPT)) return false;
  return true;
}

/** The name our sheet takes when a user's sheet holds the layout's name: "Phụ lục (phuluc)", then "(phuluc 2)", … */
export function freeSheetName(base: string, taken: (n: string) => boolean): string {
  for (let i = 1; i < 100; i++) {
    const suffix = i === 1 ? " (phuluc)" : " (phuluc " + i + ")";
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken(name)) return name;
  }
  throw new Error("no free sheet name for " + base);
}
