/**
 * "Tạo sổ nhập liệu": set up the structured sheets in the open workbook.
 *
 * Two steps, because Office cannot undo an add-in's changes:
 *  1. `previewSetup()` reads the workbook (2 syncs) and says what it will do;
 *  2. `applySetup(preview)` reads again (2 syncs: the user may have typed meanwhile),
 *     checks that the work is still the one shown, and writes it in one batch (1 sync).
 * Running it again adds only what is missing; it never writes a non-blank cell, never
 * writes outside its own sheets, and leaves a user's sheet that has one of our names alone.
 */
import type { TemplateDef, Text } from "../core/types";
import type { CellSnapshot, WorkbookSnapshot } from "../core/workbook-model";
import { buildLayout, LAYOUT_VERSION, MARKER } from "../core/layout";
import { planUpgrade, type UpgradePlan } from "../core/upgrade";
import { DEFAULT_TEMPLATE_ID, getTemplate, listTemplates, registerTemplate } from "../core/templates/index";
import { carriedTemplate } from "../core/designer/json";
import { analyse, markerTemplate, readMarker, type Analysis } from "./setup-plan";
import { addinPlan } from "./plan";
import { readSnapshot } from "./read";
import { applyOps } from "./apply";
import { detectCaps, type ExcelCaps } from "./caps";
import { runExcel, syncWithTimeout, ExcelTaskError } from "./sync";

export type { Analysis } from "./setup-plan";

/** The layout's sheet names of every known template: the snapshot reads these sheets. */
export function layoutNames(): string[] {
  const out = new Set<string>();
  for (const t of listTemplates()) for (const s of buildLayout(t).sheets) out.add(s.name);
  return [...out];
}

/** The template a workbook carries (its marker's JSON), registered so that every view finds it. */
export function carriedFor(snap: WorkbookSnapshot): TemplateDef | undefined {
  const t = carriedTemplate(snap, markerTemplate(snap));
  if (t) registerTemplate(t);
  return t;
}

/** The template of a workbook: the one it carries, else the one its marker names, else the default. */
export function templateFor(snap: WorkbookSnapshot, wanted?: string): TemplateDef {
  const carried = carriedFor(snap);
  const id = wanted ?? markerTemplate(snap) ?? DEFAULT_TEMPLATE_ID;
  if (carried && carried.id === id) return carried;
  const t = getTemplate(id);
  if (!t)
    throw new ExcelTaskError("unknown-template", {
      vi: `Sổ này dùng mẫu "${id}" mà phiên bản add-in này không biết. Hãy cập nhật add-in.`,
      en: `This workbook uses template "${id}", unknown to this version of the add-in. Update the add-in.`,
    });
  return t;
}

/**
 * What set-up does. With `custom` (a province's own template, chosen in the pane), the
 * workbook is set up with it and carries it in its marker sheet; a workbook that already
 * carries its template keeps carrying it.
 */
export function analyseSetup(snap: WorkbookSnapshot, caps: ExcelCaps, templateId?: string, custom?: TemplateDef): Analysis {
  const up = upgradeOf(snap, custom);
  if (up) {
    registerTemplate(up.next);
    return analyse(up.next, addinPlan(up.next, up.data, up.options), snap, { caps, upgrade: up });
  }
  if (custom) registerTemplate(custom);
  const t = custom ?? templateFor(snap, templateId);
  const embed = !!custom || !!carriedFor(snap);
  return analyse(t, addinPlan(t, undefined, { embedTemplate: embed }), snap, { caps });
}

/**
 * The upgrade set-up does on a workbook set up already (src/core/upgrade.ts): to the current
 * layout when its layout is older, and to `custom` when that is a newer version of the
 * template it follows. Undefined when there is nothing to upgrade (or it cannot be: another
 * template, an unreadable workbook — set-up then does what it always did).
 */
export function upgradeOf(snap: WorkbookSnapshot, custom?: TemplateDef): UpgradePlan | undefined {
  const marker = readMarker(snap);
  if (!marker.found) return undefined;
  const carried = carriedFor(snap);
  const current = carried ?? (marker.template ? getTemplate(marker.template) : undefined);
  if (!current) return undefined;
  const next = custom && custom.id === current.id && (custom.version ?? 1) > (current.version ?? 1) ? custom : undefined;
  if ((marker.version ?? 0) >= LAYOUT_VERSION && !next) return undefined;
  const up = planUpgrade(snap, next, { where: "pane", embed: !!custom || !!carried });
  // The reader registered the workbook's own version of the template: the new one is registered by the caller.
  return "refused" in up ? undefined : up;
}

/** Step 1: what set-up will do (2 syncs, no writes). */
/**
 * `templateId`: the template the user chose for a workbook not set up yet; a workbook set up
 * already keeps the template its marker names. `custom`: a province's own template file.
 */
export function previewSetup(caps: ExcelCaps = detectCaps(), templateId?: string, custom?: TemplateDef): Promise<Analysis> {
  return runExcel(async (ctx) => {
    const snap = await readSnapshot(ctx, { names: layoutNames() });
    return analyseSetup(snap, caps, markerTemplate(snap) ?? templateId, custom);
  });
}

/** The templates the set-up offers, default first, with their draft notice. */
export function templateChoices(): { id: string; title: Text; draft?: Text }[] {
  return listTemplates().map((t) => ({ id: t.id, title: t.title, draft: t.draft }));
}

export interface ApplyResult {
  /** What was done (or, when `changed`, what would now be done). */
  analysis: Analysis;
  /** The workbook changed since the preview: nothing was written; show the new preview. */
  changed: boolean;
}

/** Same work? (The preview the user accepted vs. the one computed just before writing.) */
export function sameWork(a: Analysis, b: Analysis): boolean {
  return JSON.stringify(a.ops) === JSON.stringify(b.ops);
}

/** Step 2: do it (2 syncs to re-read, 1 to write). */
export function applySetup(preview: Analysis, caps: ExcelCaps = detectCaps(), custom?: TemplateDef): Promise<ApplyResult> {
  if (preview.ops.length === 0) return Promise.resolve({ analysis: preview, changed: false });
  return runExcel(async (ctx) => {
    const now = analyseSetup(await readSnapshot(ctx, { names: layoutNames() }), caps, preview.template, custom);
    if (!sameWork(now, preview)) return { analysis: now, changed: true };
    await applyOps(ctx, now.ops);
    return { analysis: now, changed: false };
  });
}

/** What the pane says of the open workbook: its template (carried or built in) and whether its layout is older. */
export interface WorkbookInfo {
  found: boolean;
  template?: { id: string; title: Text; version: number; carried: boolean };
  /** The marker names a template this add-in does not know. */
  unknownTemplate?: string;
  layoutVersion?: number;
  /** The layout version this add-in writes. */
  currentLayout: number;
  layoutOlder: boolean;
}

export function infoOf(snap: WorkbookSnapshot): WorkbookInfo {
  const m = readMarker(snap);
  if (!m.found) return { found: false, layoutOlder: false, currentLayout: LAYOUT_VERSION };
  const carried = carriedFor(snap);
  const t = carried ?? (m.template ? getTemplate(m.template) : undefined);
  return {
    found: true,
    template: t ? { id: t.id, title: t.title, version: t.version ?? 1, carried: !!carried } : undefined,
    unknownTemplate: t ? undefined : m.template,
    layoutVersion: m.version,
    currentLayout: LAYOUT_VERSION,
    layoutOlder: (m.version ?? 0) < LAYOUT_VERSION,
  };
}

/** The open workbook's template and layout: only the marker sheet is read (2 small syncs, no writes). */
export function workbookInfo(timeoutMs = 15000): Promise<WorkbookInfo> {
  return runExcel(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await syncWithTimeout(ctx, timeoutMs);
    const ws = sheets.items.find((x) => x.name === MARKER.sheet);
    if (!ws) return infoOf({ sheets: [] });
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    await syncWithTimeout(ctx, timeoutMs);
    const rows: CellSnapshot[][] = [];
    if (!used.isNullObject)
      (used.values as unknown[][]).forEach((r, i) => {
        rows[used.rowIndex + i] = [...Array.from({ length: used.columnIndex }, () => ({ v: null })), ...r.map((v) => ({ v: v === "" ? null : (v as CellSnapshot["v"]) }))];
      });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    return infoOf({ sheets: [{ name: MARKER.sheet, rows }] });
  });
}
