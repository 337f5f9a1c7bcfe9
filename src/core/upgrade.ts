/**
 * Upgrading a workbook in place: an older layout version (src/core/layout.ts LAYOUT_CHANGES),
 * or an older version of the template it follows (a province's template file). The command
 * line (`phuluc init old.xlsx [--template newer.json] --yes`) and the pane's set-up both plan
 * the new workbook from what the old one holds, read by the one reader, so every value is
 * kept by its code:
 *
 * - figures, last year's figures, details, registers, text, own rules and overrides;
 * - a figure whose code the new version dropped: below the template's rows of "Phụ lục",
 *   marked "(mã không có trong mẫu …)";
 * - a register column the new version dropped: to the right of its table, under a header
 *   saying it is no longer in the form;
 * - our derived formulas (totals, ratios) stay formulas, at their new cells; a formula the
 *   user typed in a value cell stays as typed when its row did not move.
 *
 * `lines` is the plan shown before anything is written (what moves, what is kept, what is
 * dropped). Pure: no Office, no DOM, no Node.
 */
import type { ReportData, TemplateDef, Text } from "./types";
import type { CellPlan, CellSnapshot, WorkbookSnapshot } from "./workbook-model";
import type { PlanOptions } from "./sheet-plan";
import { fieldCell, indicatorCell } from "./sheet-plan";
import { buildLayout, derivedFormulas, indicatorFormat, LAYOUT_CHANGES, LAYOUT_VERSION, MARKER } from "./layout";
import { ownedShape, readMarker, readWorkbook, type ReadResult } from "./sheet-read";
import { ownsSheet } from "./ownership";
import { percentDecimals } from "./number-format";
import { embeddedTemplateText } from "./designer/json";

/** Header of a register column the new template version dropped, kept to the right of its table. */
export function keptHeader(label: string): string {
  return label + " (không còn trong mẫu, giữ số liệu cũ)";
}

export interface UpgradePlan {
  /** The layout is older, or the template's version is. */
  needed: boolean;
  layoutOlder: boolean;
  templateNewer: boolean;
  fromLayout: number;
  toLayout: number;
  prev: TemplateDef;
  next: TemplateDef;
  read: ReadResult;
  /** The data to plan the new workbook with (`planWorkbook(next, data, options)`). */
  data: ReportData;
  options: PlanOptions;
  added: string[];
  /** Codes the new version dropped whose values are kept at the end of "Phụ lục". */
  dropped: string[];
  /** Register columns the new version dropped, with values: kept to the right of the table. */
  droppedColumns: { register: string; field: string; header: string; rows: number }[];
  /** Registers the new version dropped, with rows. */
  droppedRegisters: string[];
  /**
   * Their rows as a plain sheet (title, header, rows), for a writer that rewrites the whole
   * file (the command line): kept in the workbook as the user's own sheet, no longer read.
   */
  keptSheets: { name: string; rows: CellPlan[][] }[];
  /** Codes whose value cell held a formula of the user's that becomes its value (its row moved). */
  formulasAsValues: string[];
  /** The sheets that are ours (the marker names them and, for "Phụ lục", they are still ours), with the marker. */
  ourSheets: string[];
  /** The plan in words, one line each. */
  lines: Text[];
}

export type UpgradeRefusal = { refused: "not-ours"; findings: ReadResult["findings"] } | { refused: "other-template"; prev: string; next: string };

const squash = (x: string) => x.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function cellOfRef(snap: WorkbookSnapshot, ref: string | undefined): CellSnapshot | undefined {
  if (!ref) return undefined;
  const m = /^'?((?:[^']|'')+?)'?!\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  const sheet = snap.sheets.find((s) => s.name === m[1].replace(/''/g, "'"));
  let c = 0;
  for (const ch of m[2]) c = c * 26 + ch.charCodeAt(0) - 64;
  return sheet?.rows[parseInt(m[3], 10) - 1]?.[c - 1];
}

/** Whether the workbook carries its template in its marker sheet (a province's own template). */
export function carriesTemplate(snap: WorkbookSnapshot): boolean {
  const m = snap.sheets.find((s) => s.name === MARKER.sheet);
  return !!m && !!embeddedTemplateText(m.rows);
}

/**
 * The upgrade of a workbook to the current layout and to `next` (default: the template it
 * follows). `where` words the line about a whole dropped register: the command line rewrites
 * the file (the register stays in the .bak.xlsx copy), the pane leaves its sheet alone.
 */
export function planUpgrade(snap: WorkbookSnapshot, next?: TemplateDef, opts: { where?: "cli" | "pane"; backup?: string; embed?: boolean } = {}): UpgradePlan | UpgradeRefusal {
  const marker = readMarker(snap);
  const read = readWorkbook(snap);
  const prev = read.template;
  if (!marker.found || !prev) return { refused: "not-ours", findings: read.findings };
  const to = next ?? prev;
  if (to.id !== prev.id) return { refused: "other-template", prev: prev.id, next: to.id };
  const fromLayout = marker.version ?? 0;
  const layoutOlder = fromLayout < LAYOUT_VERSION;
  const pv = prev.version ?? 1;
  const nv = to.version ?? 1;
  const templateNewer = nv > pv;
  const r = read.data;

  const nextCodes = new Set(to.indicators.map((d) => d.code));
  const prevCodes = new Set(prev.indicators.map((d) => d.code));
  const dropped = Object.keys(r.values).filter((c) => !nextCodes.has(c) && (!blank(r.values[c]) || !blank(r.previous?.[c])));
  const added = to.indicators.filter((d) => !prevCodes.has(d.code)).map((d) => d.code);

  // Formulas in value cells: ours move with their cells; the user's stay where the row did not move.
  const prevDerived = derivedFormulas(prev, buildLayout(prev));
  const nextDerived = derivedFormulas(to, buildLayout(to));
  const prevRow = new Map(prev.indicators.map((d, i) => [d.code, i]));
  const valueCells: Record<string, CellPlan> = {};
  const formulasAsValues: string[] = [];
  to.indicators.forEach((d, i) => {
    const cell = cellOfRef(snap, read.cells["values." + d.code]);
    if (!cell || !cell.formula) return;
    const decimals = percentDecimals(cell.format) ?? d.decimals ?? 1;
    const shown = indicatorCell(r.values[d.code] ?? null, d.kind, decimals);
    const format = d.kind === "percent" ? indicatorFormat("percent", decimals) : shown.format;
    const result = shown.v === undefined ? null : shown.v;
    if (prevDerived[d.code] && squash(cell.formula) === squash(prevDerived[d.code]) && nextDerived[d.code]) {
      valueCells[d.code] = { formula: nextDerived[d.code], result, format };
    } else if (prevRow.get(d.code) === i) {
      valueCells[d.code] = { formula: cell.formula.startsWith("=") ? cell.formula : "=" + cell.formula, result, format };
    } else formulasAsValues.push(d.code);
  });

  // Register columns (and registers) the new version dropped.
  const keptColumns: Record<string, { header: string; cells: CellPlan[] }[]> = {};
  const droppedColumns: UpgradePlan["droppedColumns"] = [];
  const droppedRegisters: string[] = [];
  const keptSheets: UpgradePlan["keptSheets"] = [];
  for (const reg of prev.registers) {
    const rows = r.registers[reg.id] ?? [];
    const nreg = to.registers.find((x) => x.id === reg.id);
    if (!nreg) {
      if (rows.length) {
        droppedRegisters.push(reg.id);
        const suffix = " (mẫu cũ)";
        keptSheets.push({
          name: reg.label.vi.slice(0, 31 - suffix.length) + suffix,
          rows: [
            [{ v: "SỔ " + reg.label.vi.toUpperCase() + " — không còn trong mẫu " + to.id + " phiên bản " + nv + ", giữ số liệu cũ; phuluc không đọc trang này", bold: true }],
            [],
            reg.fields.map((f) => ({ v: f.label.vi, bold: true })),
            ...rows.map((row) => reg.fields.map((f) => fieldCell(f, row ? row[f.id] : null))),
          ],
        });
      }
      continue;
    }
    const keep = new Set(nreg.fields.map((f) => f.id));
    for (const f of reg.fields) {
      if (keep.has(f.id)) continue;
      const n = rows.filter((row) => row && !blank(row[f.id])).length;
      if (!n) continue;
      const header = keptHeader(f.label.vi);
      (keptColumns[reg.id] ??= []).push({ header, cells: rows.map((row) => fieldCell(f, row ? row[f.id] : null)) });
      droppedColumns.push({ register: reg.id, field: f.id, header, rows: n });
    }
  }

  // Our sheets: those the marker names, unless the user replaced one (the reader's ownership test).
  const layout = buildLayout(prev);
  const ourSheets: string[] = [MARKER.sheet];
  for (const [table, name] of marker.roles) {
    const sheet = snap.sheets.find((x) => x.name === name);
    if (!sheet) continue;
    const def = layout.sheets.find((d) => d.table.toLowerCase() === table);
    const shape = def ? ownedShape(def, prev) : undefined;
    if (!shape || ownsSheet(sheet, shape)) ourSheets.push(name);
  }

  const data: ReportData = { ...r, template: to.id };
  const options: PlanOptions = { valueCells, keptColumns, embedTemplate: opts.embed ?? carriesTemplate(snap) };

  const lines: Text[] = [];
  if (layoutOlder) {
    lines.push({ vi: `Bố cục sổ: phiên bản ${fromLayout} → phiên bản ${LAYOUT_VERSION}.`, en: `Workbook layout: version ${fromLayout} → version ${LAYOUT_VERSION}.` });
    for (const c of LAYOUT_CHANGES) if (c.version > fromLayout) lines.push(c.text);
  }
  if (templateNewer || next)
    lines.push({ vi: `Mẫu ${to.id} phiên bản ${pv} → phiên bản ${nv}.`, en: `Template ${to.id} version ${pv} → version ${nv}.` });
  const filled = Object.values(r.values).filter((v) => !blank(v)).length + Object.values(r.previous ?? {}).filter((v) => !blank(v)).length;
  const regRows = Object.values(r.registers).reduce((n, rows) => n + rows.length, 0);
  lines.push({
    vi: `Giữ nguyên mọi số liệu theo mã chỉ tiêu (${filled} ô có số liệu), ${regRows} dòng sổ theo dõi, thông tin báo cáo, nội dung, quy tắc riêng và ngoại lệ${opts.backup ? `; bản sao cũ: ${opts.backup}` : ""}.`,
    en: `Every value is kept by its code (${filled} cells with figures), ${regRows} register rows, the report details, text, own rules and overrides${opts.backup ? `; old copy: ${opts.backup}` : ""}.`,
  });
  if (added.length) lines.push({ vi: `Chỉ tiêu mới (để trống): ${added.join(", ")}.`, en: `New indicators (blank): ${added.join(", ")}.` });
  if (dropped.length)
    lines.push({
      vi: `Chỉ tiêu mẫu mới không còn, số liệu vẫn giữ ở cuối trang "Phụ lục" (ghi "mã không có trong mẫu"): ${dropped.join(", ")}.`,
      en: `Indicators the new version dropped, values kept at the end of the "Phụ lục" sheet (marked "mã không có trong mẫu"): ${dropped.join(", ")}.`,
    });
  if (droppedColumns.length) {
    const list = droppedColumns.map((c) => `${c.register}.${c.field} (${c.rows} dòng)`).join(", ");
    lines.push({
      vi: `Cột sổ mẫu mới không còn, số liệu vẫn giữ trong sổ, ở bên phải bảng, dưới tiêu đề "… (không còn trong mẫu, giữ số liệu cũ)"; phuluc không đọc các cột này nữa: ${list}.`,
      en: `Register columns the new version dropped, values kept in the workbook to the right of the table under "… (không còn trong mẫu, giữ số liệu cũ)" (no longer in the form); phuluc no longer reads them: ${list}.`,
    });
  }
  if (droppedRegisters.length)
    lines.push(
      opts.where === "pane"
        ? { vi: `Sổ mẫu mới không còn: ${droppedRegisters.join(", ")}; trang của sổ được giữ nguyên nhưng phuluc không đọc nữa.`, en: `Registers the new version dropped: ${droppedRegisters.join(", ")}; their sheets are left as they are, no longer read.` }
        : {
            vi: `Sổ mẫu mới không còn, số liệu vẫn giữ trong sổ ở trang riêng (${keptSheets.map((k) => `"${k.name}"`).join(", ")}), phuluc không đọc nữa: ${droppedRegisters.join(", ")}.`,
            en: `Registers the new version dropped, rows kept in the workbook on a sheet of their own (${keptSheets.map((k) => `"${k.name}"`).join(", ")}), no longer read: ${droppedRegisters.join(", ")}.`,
          },
    );
  if (formulasAsValues.length)
    lines.push({
      vi: `Công thức bạn nhập ở ô giá trị của các chỉ tiêu sau được thay bằng giá trị đang hiển thị (dòng của chỉ tiêu đã dời chỗ): ${formulasAsValues.join(", ")}.`,
      en: `Formulas you typed in the value cells of these indicators become the values they show (their rows moved): ${formulasAsValues.join(", ")}.`,
    });
  return {
    needed: layoutOlder || templateNewer,
    layoutOlder,
    templateNewer,
    fromLayout,
    toLayout: LAYOUT_VERSION,
    prev,
    next: to,
    read,
    data,
    options,
    added,
    dropped,
    droppedColumns,
    droppedRegisters,
    keptSheets,
    formulasAsValues,
    ourSheets,
    lines,
  };
}
