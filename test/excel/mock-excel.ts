/**
 * A small in-memory workbook behind office-addin-mock's OfficeMockObject, with the parts of
 * the Excel API that src/excel/{read,mark,live}.ts use. Every write is logged (sheet,
 * address, what) so a test can say exactly which cells a function wrote; `context.sync`
 * is the mock's own (spy on it to count syncs).
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseA1, rectA1 } from "./mock-a1";

export type CellValue = string | number | boolean | null;
export interface MockCell {
  v: CellValue;
  fill?: string;
  format?: string;
}
export interface MockSheet {
  name: string;
  cells: Map<string, MockCell>; // "r,c" 0-based
}
export interface Write {
  sheet: string;
  address: string;
  what: string;
}

export interface MockBook {
  context: any;
  sheets: MockSheet[];
  writes: Write[];
  /** Calls of select()/activate(). */
  ui: string[];
  /** Registered onChanged handlers by sheet. */
  handlers: { sheet: string; handler: (args: unknown) => unknown }[];
  /** Bytes of cell data answered per sync (JSON of loaded values). */
  answered: number[];
  setCell(sheet: string, address: string, v: CellValue, fill?: string): void;
  cell(sheet: string, address: string): MockCell | undefined;
  dump(): string;
}

export function mockBook(init: { name: string; rows?: CellValue[][] }[], opts: { payloadLimit?: number } = {}): MockBook {
  const sheets: MockSheet[] = init.map((s) => {
    const cells = new Map<string, MockCell>();
    (s.rows ?? []).forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && cells.set(r + "," + c, { v })));
    return { name: s.name, cells };
  });
  const writes: Write[] = [];
  const ui: string[] = [];
  const handlers: MockBook["handlers"] = [];
  const answered: number[] = [];
  let pending = 0;
  const find = (name: string) => sheets.find((s) => s.name === name);
  const get = (s: MockSheet, r: number, c: number) => s.cells.get(r + "," + c);
  const put = (s: MockSheet, r: number, c: number) => {
    let x = s.cells.get(r + "," + c);
    if (!x) s.cells.set(r + "," + c, (x = { v: null }));
    return x;
  };
  const usedRect = (s: MockSheet) => {
    let r1 = -1, c1 = -1, r0 = Infinity, c0 = Infinity;
    for (const [k, cell] of s.cells) {
      if (cell.v === null && !cell.fill && !cell.format) continue;
      const [r, c] = k.split(",").map(Number);
      r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }
    return r1 < 0 ? undefined : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  };

  function range(s: MockSheet, rc: { row: number; col: number; rows: number; cols: number } | undefined): any {
    const address = rc ? rectA1(rc) : "";
    const grid = <T>(f: (cell: MockCell | undefined) => T): T[][] =>
      rc ? Array.from({ length: rc.rows }, (_x, i) => Array.from({ length: rc.cols }, (_y, j) => f(get(s, rc.row + i, rc.col + j)))) : [];
    const fill: any = {
      load: () => fill,
      get color(): string | null {
        return rc ? get(s, rc.row, rc.col)?.fill ?? "#FFFFFF" : null;
      },
      set color(v: string | null) {
        writes.push({ sheet: s.name, address, what: "fill=" + v });
        for (let i = 0; i < rc!.rows; i++) for (let j = 0; j < rc!.cols; j++) put(s, rc!.row + i, rc!.col + j).fill = v ?? undefined;
      },
      clear: () => {
        writes.push({ sheet: s.name, address, what: "fill-clear" });
        for (let i = 0; i < rc!.rows; i++) for (let j = 0; j < rc!.cols; j++) delete put(s, rc!.row + i, rc!.col + j).fill;
      },
    };
    const r: any = {
      isNullObject: !rc,
      address: s.name + "!" + address,
      rowIndex: rc?.row ?? 0,
      columnIndex: rc?.col ?? 0,
      rowCount: rc?.rows ?? 0,
      columnCount: rc?.cols ?? 0,
      format: { fill },
      load: (props: string) => {
        if (/values/.test(props)) {
          const vals = grid((c) => c?.v ?? "");
          const types = grid((c) => (c?.v === null || c?.v === undefined ? "Empty" : typeof c.v === "number" ? "Double" : "String"));
          const def = (k: string, v: unknown) => Object.defineProperty(r, k, { value: v, writable: true, configurable: true });
          def("values", vals);
          def("valueTypes", types);
          let bytes = JSON.stringify(vals).length + JSON.stringify(types).length;
          if (/formulas/.test(props)) {
            def("formulas", vals);
            def("numberFormat", grid((c) => c?.format ?? "General"));
            bytes += JSON.stringify(r.formulas).length + JSON.stringify(r.numberFormat).length;
          }
          pending += bytes;
        }
        return r;
      },
      select: () => ui.push("select " + s.name + "!" + address),
      clear: () => {
        writes.push({ sheet: s.name, address, what: "clear" });
        for (let i = 0; i < rc!.rows; i++) for (let j = 0; j < rc!.cols; j++) s.cells.delete(rc!.row + i + "," + (rc!.col + j));
      },
      set values(v: CellValue[][]) {
        writes.push({ sheet: s.name, address, what: "values" });
        v.forEach((row, i) => row.forEach((x, j) => (put(s, rc!.row + i, rc!.col + j).v = x === "" ? null : x)));
        Object.defineProperty(r, "values", { value: v, writable: true, configurable: true });
      },
      set numberFormat(v: string[][]) {
        writes.push({ sheet: s.name, address, what: "numberFormat" });
        v.forEach((row, i) => row.forEach((x, j) => (put(s, rc!.row + i, rc!.col + j).format = x)));
        Object.defineProperty(r, "numberFormat", { value: v, writable: true, configurable: true });
      },
    };
    return r;
  }

  function worksheet(s: MockSheet): any {
    return {
      get name() {
        return s.name;
      },
      visibility: "Visible",
      get position() {
        return sheets.indexOf(s);
      },
      isNullObject: false,
      load: () => undefined,
      getRange: (address: string) => range(s, parseA1(address)),
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => range(s, { row, col, rows, cols }),
      getUsedRangeOrNullObject: () => range(s, usedRect(s)),
      activate: () => ui.push("activate " + s.name),
      onChanged: {
        add: (handler: (args: unknown) => unknown) => {
          const entry = { sheet: s.name, handler };
          handlers.push(entry);
          return { context: book.context, remove: () => handlers.splice(handlers.indexOf(entry), 1) };
        },
      },
    };
  }

  const mock = new OfficeMockObject({ context: { workbook: { worksheets: { probe: 1 }, tables: { probe: 1 }, names: { probe: 1 } } } }) as any;
  const ctx = mock.context;
  const ws = ctx.workbook.worksheets;
  ws.load = () => undefined;
  Object.defineProperty(ws, "items", { get: () => sheets.map(worksheet), configurable: true });
  ws.getItem = (name: string) => {
    const s = find(name);
    if (!s) throw new Error("ItemNotFound " + name);
    return worksheet(s);
  };
  ws.getItemOrNullObject = (name: string) => {
    const s = find(name);
    return s ? worksheet(s) : { isNullObject: true, getUsedRangeOrNullObject: () => range({ name, cells: new Map() }, undefined) };
  };
  ctx.workbook.tables.load = () => undefined;
  ctx.workbook.tables.items = [];
  ctx.workbook.names.load = () => undefined;
  ctx.workbook.names.items = [];
  const mockSync = ctx.sync.bind(ctx);
  ctx.sync = async () => {
    const bytes = pending;
    pending = 0;
    if (opts.payloadLimit !== undefined && bytes > opts.payloadLimit) {
      const e = new Error("The response payload size has exceeded the limit.") as Error & { code: string };
      e.code = "ResponsePayloadSizeLimitExceeded";
      throw e;
    }
    answered.push(bytes);
    await mockSync();
  };

  const book: MockBook = {
    context: ctx,
    sheets,
    writes,
    ui,
    handlers,
    answered,
    setCell(sheet, address, v, fill) {
      const s = find(sheet)!;
      const p = parseA1(address);
      const c = put(s, p.row, p.col);
      c.v = v;
      if (fill) c.fill = fill;
    },
    cell(sheet, address) {
      const s = find(sheet)!;
      const p = parseA1(address);
      return get(s, p.row, p.col);
    },
    dump() {
      return JSON.stringify(sheets.map((s) => [s.name, [...s.cells.entries()].sort()]));
    },
  };
  return book;
}
