/**
 * An in-memory workbook behind office-addin-mock's OfficeMockObject, with the parts of the
 * Excel API that src/excel/{read,apply,setup,import,export}.ts use: worksheets, tables,
 * names, ranges (values, formulas, numberFormat, valueTypes, format, dataValidation),
 * freeze panes. Loaded properties follow office-addin-mock's rules (readable only after
 * load + sync); every write is applied to the model at once and logged (sheet, address,
 * what), so a test can compare the workbook before and after and list what was written.
 * `context.sync` is a plain function: spy on it (`jest.spyOn(context, "sync")`) to count syncs.
 */
import { OfficeMockObject } from "office-addin-mock";
import { colLetter, parseA1, rectA1 as a1, type Rect } from "./mock-a1";

export type Value = string | number | boolean | null;
export interface Cell {
  v: Value;
  f?: string;
  fmt?: string;
  validation?: Record<string, unknown>;
  style?: Record<string, unknown>;
}
export interface Sheet {
  name: string;
  visibility: string;
  cells: Map<string, Cell>;
  freezeRows: number;
  widths: Record<number, number>;
}
export interface Table {
  name: string;
  sheet: Sheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
}
export interface Write {
  sheet: string;
  address: string;
  what: string;
}

const quote = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : "'" + n.replace(/'/g, "''") + "'");

export interface MockWorkbook {
  context: any;
  /** For `global.Excel`: `run` hands the batch this workbook's context. */
  Excel: { run: (batch: (ctx: any) => Promise<unknown>) => Promise<unknown> };
  sheets: Sheet[];
  tables: Table[];
  names: { name: string; ref: string }[];
  writes: Write[];
  /** Every cell of every sheet, plus tables and names, as plain data (for before/after comparisons). */
  dump(): unknown;
  dumpSheet(name: string): unknown;
  cell(sheet: string, address: string): Cell | undefined;
  setCell(sheet: string, address: string, v: Value | { v?: Value; f?: string; fmt?: string }): void;
}

export function mockWorkbook(init: { name: string; cells?: Record<string, Value | { v?: Value; f?: string; fmt?: string }> }[] = []): MockWorkbook {
  const sheets: Sheet[] = [];
  const tables: Table[] = [];
  const names: { name: string; ref: string }[] = [];
  const writes: Write[] = [];
  const created: OfficeMockObject[] = [];
  const track = <T extends OfficeMockObject>(m: T): T => {
    created.push(m);
    return m;
  };
  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
  const key = (r: number, c: number) => r + "," + c;
  const put = (s: Sheet, r: number, c: number): Cell => {
    let x = s.cells.get(key(r, c));
    if (!x) s.cells.set(key(r, c), (x = { v: null }));
    return x;
  };
  const newSheet = (name: string): Sheet => {
    const s: Sheet = { name, visibility: "Visible", cells: new Map(), freezeRows: 0, widths: {} };
    sheets.push(s);
    return s;
  };
  const blank = (c?: Cell) => !c || ((c.v === null || c.v === "") && !c.f);
  const styled = (c?: Cell) => !!c && ((c.fmt && c.fmt !== "General") || !!c.validation || (c.style && Object.keys(c.style).length > 0));
  const used = (s: Sheet, valuesOnly: boolean): Rect | undefined => {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [k, c] of s.cells) {
      if (blank(c) && (valuesOnly || !styled(c))) continue;
      const [r, cc] = k.split(",").map(Number);
      r0 = Math.min(r0, r); c0 = Math.min(c0, cc); r1 = Math.max(r1, r); c1 = Math.max(c1, cc);
    }
    return r1 < 0 ? undefined : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  };
  const grid = <T>(s: Sheet, r: Rect, f: (c: Cell | undefined) => T): T[][] =>
    Array.from({ length: r.rows }, (_x, i) => Array.from({ length: r.cols }, (_y, j) => f(s.cells.get(key(r.row + i, r.col + j)))));
  const each = (r: Rect, f: (row: number, col: number, i: number, j: number) => void) => {
    if (r.rows > 100000) throw new Error("mock: range too large to write cell by cell: " + a1(r));
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) f(r.row + i, r.col + j, i, j);
  };
  const store = (c: Cell, v: unknown) => {
    if (v === null || v === undefined || v === "") {
      c.v = null;
      delete c.f;
    } else if (typeof v === "string" && v.startsWith("=")) {
      c.f = v;
      c.v = null;
    } else if (typeof v === "string" && v.startsWith("'")) {
      c.v = v.slice(1);
      delete c.f;
    } else if (typeof v === "string" && c.fmt !== "@" && /^-?\d+(\.\d+)?$/.test(v)) {
      c.v = Number(v);
      delete c.f;
    } else {
      c.v = v as Value;
      delete c.f;
    }
  };
  /** Where each range proxy points (its `address` is only readable after load + sync). */
  const where = new WeakMap<object, { s: Sheet; r: Rect }>();
  /** OfficeMockObject's own methods run on the target, so their internal writes do not look like the caller's. */
  const own = (target: any, p: string | symbol, recv: unknown) => {
    const v = Reflect.get(target, p, recv);
    return typeof v === "function" ? v.bind(target) : v;
  };
  const shape = (r: Rect, v: unknown[][]) => {
    if (!Array.isArray(v) || v.length !== r.rows || v.some((x) => !Array.isArray(x) || x.length !== r.cols)) throw new Error("mock: array does not match the range " + a1(r));
  };

  /** A range: an OfficeMockObject with its current contents, wrapped so that writes reach the model. */
  function range(s: Sheet, r: Rect): any {
    const big = r.rows > 100000;
    const data: Record<string, unknown> = {
      address: quote(s.name) + "!" + (big ? colLetter(r.col) + ":" + colLetter(r.col + r.cols - 1) : a1(r)),
      rowIndex: r.row,
      columnIndex: r.col,
      rowCount: r.rows,
      columnCount: r.cols,
    };
    if (!big) {
      data.values = grid(s, r, (c) => (c ? (c.v ?? "") : ""));
      data.formulas = grid(s, r, (c) => (c ? (c.f ?? c.v ?? "") : ""));
      data.numberFormat = grid(s, r, (c) => c?.fmt ?? "General");
      data.valueTypes = grid(s, r, (c) => (blank(c) || c!.v === null ? "Empty" : typeof c!.v === "number" ? "Double" : typeof c!.v === "boolean" ? "Boolean" : "String"));
    }
    const m = track(new OfficeMockObject(data));
    const log = (what: string) => writes.push({ sheet: s.name, address: data.address as string, what });
    const style = (k: string, v: unknown) => {
      log(k + "=" + JSON.stringify(v));
      if (k === "columnWidth") {
        for (let j = 0; j < r.cols; j++) s.widths[r.col + j] = v as number;
        return;
      }
      each(r, (row, col) => {
        const c = put(s, row, col);
        c.style = { ...(c.style ?? {}), [k]: v };
      });
    };
    const fmtObj = (prefix: string, keys: string[]) => {
      const o: any = {};
      for (const k of keys) Object.defineProperty(o, k, { set: (v) => style(prefix + k, v), get: () => undefined, enumerable: true });
      return o;
    };
    const format = fmtObj("", ["columnWidth", "wrapText", "rowHeight", "horizontalAlignment", "verticalAlignment"]);
    format.font = fmtObj("font.", ["bold", "italic", "color", "size"]);
    format.fill = fmtObj("fill.", ["color"]);
    format.fill.clear = () => style("fill.color", null);
    const dv: any = {
      clear: () => {
        log("validation-clear");
        each(r, (row, col) => {
          const c = s.cells.get(key(row, col));
          if (c) delete c.validation;
        });
      },
    };
    for (const k of ["rule", "errorAlert", "prompt", "ignoreBlanks"])
      Object.defineProperty(dv, k, {
        set: (v) => {
          log("validation." + k);
          each(r, (row, col) => {
            const c = put(s, row, col);
            c.validation = { ...(c.validation ?? {}), [k]: v };
          });
        },
      });
    const methods: Record<string, unknown> = {
      format,
      dataValidation: dv,
      getEntireColumn: () => range(s, { row: 0, col: r.col, rows: 1048576, cols: r.cols }),
      getCell: (i: number, j: number) => range(s, { row: r.row + i, col: r.col + j, rows: 1, cols: 1 }),
      select: () => writes.push({ sheet: s.name, address: a1(r), what: "select" }),
      merge: () => writes.push({ sheet: s.name, address: a1(r), what: "merge" }),
    };
    const proxy = new Proxy(m, {
      get(target, p, recv) {
        if (typeof p === "string" && p in methods) return methods[p];
        return own(target, p, recv);
      },
      set(target, p, v) {
        if (p === "values" || p === "formulas" || p === "numberFormat") {
          shape(r, v);
          log(String(p));
          each(r, (row, col, i, j) => {
            const c = put(s, row, col);
            if (p === "numberFormat") c.fmt = String(v[i][j]);
            else store(c, v[i][j]);
          });
          return true;
        }
        return Reflect.set(target, p, v);
      },
    });
    where.set(proxy, { s, r });
    return proxy;
  }

  function worksheet(s: Sheet): any {
    const m = track(new OfficeMockObject({ name: s.name, visibility: s.visibility, position: sheets.indexOf(s) }));
    const methods: Record<string, unknown> = {
      getRange: (address: string) => range(s, parseA1(address)),
      getUsedRange: (valuesOnly?: boolean) => range(s, used(s, !!valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 }),
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        const r = used(s, !!valuesOnly);
        return r ? range(s, r) : track(new OfficeMockObject({ isNullObject: true }));
      },
      activate: () => writes.push({ sheet: s.name, address: "", what: "activate" }),
      freezePanes: {
        freezeRows: (n: number) => {
          writes.push({ sheet: s.name, address: "", what: "freezeRows=" + n });
          s.freezeRows = n;
        },
      },
      tables: {
        add: (rg: any, hasHeaders: boolean) => {
          const r = typeof rg === "string" ? parseA1(rg) : where.get(rg)!.r;
          if (!hasHeaders) throw new Error("mock: tables without headers are not modelled");
          for (const t of tables) if (t.sheet === s && t.row < r.row + r.rows && r.row < t.row + t.rows && t.col < r.col + r.cols && r.col < t.col + t.cols) throw new Error("A table can't overlap another table.");
          const t: Table = { name: "Table" + (tables.length + 1), sheet: s, ...r };
          tables.push(t);
          writes.push({ sheet: s.name, address: a1(r), what: "table" });
          return table(t);
        },
      },
    };
    return new Proxy(m, {
      get(target, p, recv) {
        if (typeof p === "string" && p in methods) return methods[p];
        return own(target, p, recv);
      },
      set(target, p, v) {
        if (p === "visibility") {
          writes.push({ sheet: s.name, address: "", what: "visibility=" + v });
          s.visibility = v;
          return true;
        }
        return Reflect.set(target, p, v);
      },
    });
  }

  function table(t: Table): any {
    const m = track(new OfficeMockObject({ name: t.name, worksheet: { name: t.sheet.name } }));
    const methods: Record<string, unknown> = {
      getRange: () => range(t.sheet, t),
      rows: {
        add: (_i: unknown, values: unknown[][]) => {
          writes.push({ sheet: t.sheet.name, address: t.name, what: "rows.add " + values.length });
          for (const row of values) if (row.length !== t.cols) throw new Error("mock: row width ≠ table width");
          // Cells below the table (in its columns) move down; the new rows are blank.
          const at = t.row + t.rows;
          const moved = [...t.sheet.cells.entries()].filter(([k]) => {
            const [r, c] = k.split(",").map(Number);
            return r >= at && c >= t.col && c < t.col + t.cols;
          });
          for (const [k] of moved) t.sheet.cells.delete(k);
          for (const [k, c] of moved) {
            const [r, cc] = k.split(",").map(Number);
            t.sheet.cells.set(key(r + values.length, cc), c);
          }
          values.forEach((row, i) => row.forEach((v, j) => store(put(t.sheet, at + i, t.col + j), v)));
          t.rows += values.length;
        },
      },
      columns: {
        add: (_i: unknown, _v: unknown, header: string) => {
          writes.push({ sheet: t.sheet.name, address: t.name, what: "columns.add " + header });
          store(put(t.sheet, t.row, t.col + t.cols), header);
          t.cols += 1;
        },
      },
    };
    return new Proxy(m, {
      get(target, p, recv) {
        if (typeof p === "string" && p in methods) return methods[p];
        return own(target, p, recv);
      },
      set(target, p, v) {
        if (p === "name") {
          writes.push({ sheet: t.sheet.name, address: t.name, what: "table.name=" + v });
          t.name = v;
          return true;
        }
        if (p === "style") return true;
        return Reflect.set(target, p, v);
      },
    });
  }

  /** A collection whose `items` (OfficeMockObjects) are made when `load` is called. */
  function collection(make: () => any[], extra: Record<string, unknown>): any {
    let items: any[] | undefined;
    return {
      load(what: string) {
        const paths = String(what)
          .split(",")
          .map((x) => x.trim().replace(/^items\//, ""));
        items = make();
        for (const it of items) it.load(paths.join(","));
      },
      get items() {
        if (!items) throw new Error("mock: items read before load");
        return items;
      },
      ...extra,
    };
  }

  const root = new OfficeMockObject({ context: { workbook: { application: { probe: 1 } } } }) as any;
  const ctx = root.context;
  const wb = ctx.workbook;
  wb.worksheets = collection(() => sheets.map(worksheet), {
    getItem: (name: string) => {
      const s = find(name);
      if (!s) throw Object.assign(new Error("ItemNotFound " + name), { code: "ItemNotFound" });
      return worksheet(s);
    },
    add: (name: string) => {
      if (find(name)) throw Object.assign(new Error("ItemAlreadyExists " + name), { code: "ItemAlreadyExists" });
      writes.push({ sheet: name, address: "", what: "addSheet" });
      return worksheet(newSheet(name));
    },
  });
  wb.tables = collection(() => tables.map(table), {
    getItem: (name: string) => {
      const t = tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw Object.assign(new Error("ItemNotFound " + name), { code: "ItemNotFound" });
      return table(t);
    },
  });
  wb.names = collection(() => names.map((n) => track(new OfficeMockObject({ name: n.name, type: "Range", value: "=" + n.ref }))), {
    add: (name: string, rg: any) => {
      if (names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error("ItemAlreadyExists " + name);
      const { s, r } = where.get(rg)!;
      names.push({ name, ref: quote(s.name) + "!$" + colLetter(r.col) + "$" + (r.row + 1) });
      writes.push({ sheet: s.name, address: a1(r), what: "name " + name });
    },
  });
  ctx.sync = async function sync() {
    const batch = created.splice(0, created.length);
    for (const m of batch) await m.sync();
    await Promise.resolve();
  };

  for (const s of init) {
    const sh = newSheet(s.name);
    for (const [addr, v] of Object.entries(s.cells ?? {})) {
      const p = parseA1(addr);
      const c = put(sh, p.row, p.col);
      if (v && typeof v === "object") {
        if (v.fmt) c.fmt = v.fmt;
        if (v.f) c.f = v.f;
        c.v = v.v ?? null;
      } else store(c, v);
    }
  }

  const sheetDump = (s: Sheet) => ({
    name: s.name,
    visibility: s.visibility,
    freezeRows: s.freezeRows,
    widths: { ...s.widths },
    cells: Object.fromEntries([...s.cells.entries()].sort().map(([k, c]) => [k, JSON.parse(JSON.stringify(c))])),
  });
  return {
    context: ctx,
    Excel: { run: async (batch) => batch(ctx) },
    sheets,
    tables,
    names,
    writes,
    dump: () => ({ sheets: sheets.map(sheetDump), tables: tables.map((t) => ({ ...t, sheet: t.sheet.name })), names: names.map((n) => ({ ...n })) }),
    dumpSheet: (name) => sheetDump(find(name)!),
    cell: (sheet, address) => {
      const p = parseA1(address);
      return find(sheet)?.cells.get(key(p.row, p.col));
    },
    setCell: (sheet, address, v) => {
      const p = parseA1(address);
      const c = put(find(sheet)!, p.row, p.col);
      if (v && typeof v === "object") Object.assign(c, v);
      else store(c, v);
    },
  };
}
