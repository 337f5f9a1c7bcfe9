/**
 * A small evaluator of the Excel functions the status formulas use (test-only code).
 *
 * Semantics follow Excel's, as documented: lazy IF/IFERROR, comparisons number < text <
 * logical with text compared case-insensitively, an empty cell equal to "" and to 0,
 * N() of a text reference is 0, ROUND half away from zero after Excel's 15-digit
 * precision, FIXED with the reader's separators — here a Vietnamese Windows ("." groups
 * thousands, "," is the decimal comma) — errors propagating through arithmetic.
 * An unknown function is an error thrown at parse time, so a formula cannot silently use
 * a function this evaluator (and Excel 2010) does not know.
 */

export type ExcelError = { error: string };
export type Value = number | string | boolean | null | ExcelError;

export interface Cell {
  v: string | number | boolean | null;
  formula?: string;
  format?: string;
  error?: string;
}

/** Functions of Excel 2010 (a subset large enough for what formulas here may use). */
export const EXCEL_2010_FUNCTIONS = new Set([
  "ABS", "AND", "AVERAGE", "CHAR", "CHOOSE", "CONCATENATE", "COUNT", "COUNTA", "COUNTBLANK", "COUNTIF", "COUNTIFS",
  "EXACT", "FALSE", "FIND", "FIXED", "IF", "IFERROR", "INDEX", "INT", "ISBLANK", "ISERROR", "ISNUMBER", "ISTEXT",
  "LEFT", "LEN", "LOWER", "MATCH", "MAX", "MID", "MIN", "MOD", "N", "NOT", "OR", "ROUND", "ROUNDDOWN", "ROUNDUP",
  "RIGHT", "SEARCH", "SUBSTITUTE", "SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "TEXT", "TRIM", "TRUE", "TRUNC", "UPPER", "VALUE",
]);

/** Functions this evaluator implements. */
const IMPLEMENTED = new Set([
  "ABS", "AND", "COUNT", "COUNTA", "COUNTIFS", "MATCH", "SUBSTITUTE", "SUMPRODUCT", "FIXED", "IF", "IFERROR", "INT", "ISBLANK", "ISERROR", "ISNUMBER", "LEN", "MID", "N", "NOT",
  "OR", "ROUND", "ROUNDDOWN", "SUM", "TRIM", "TRUNC",
]);

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; ref: string }
  | { t: "arr"; items: Value[] }
  | { t: "call"; name: string; args: Node[] }
  | { t: "un"; op: string; x: Node }
  | { t: "pct"; x: Node }
  | { t: "bin"; op: string; l: Node; r: Node };

type Tok = { k: "num" | "str" | "id" | "ref" | "op" | "(" | ")" | "," | "{" | "}"; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\n") {
      i++;
      continue;
    }
    if (c === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new Error("unterminated string");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ k: "str", v: s });
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i.exec(src.slice(i));
    if (num) {
      out.push({ k: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    const ref = /^(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![\w(])/.exec(src.slice(i));
    if (ref) {
      out.push({ k: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const id = /^[A-Za-z_][\w.]*/.exec(src.slice(i));
    if (id) {
      out.push({ k: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>%])/.exec(src.slice(i));
    if (op) {
      out.push({ k: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    if (c === "(" || c === ")" || c === "," || c === "{" || c === "}") {
      out.push({ k: c, v: c });
      i++;
      continue;
    }
    throw new Error("unexpected character " + JSON.stringify(c) + " at " + i);
  }
  return out;
}

export interface Parsed {
  node: Node;
  functions: Set<string>;
  maxNesting: number;
}

export function parseFormula(formula: string): Parsed {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  const toks = tokenize(src);
  let p = 0;
  const functions = new Set<string>();
  let depth = 0;
  let maxNesting = 0;
  const peek = () => toks[p];
  const eat = (k: Tok["k"], v?: string) => {
    const t = toks[p];
    if (!t || t.k !== k || (v !== undefined && t.v !== v)) throw new Error(`expected ${v ?? k} at token ${p}, got ${t ? t.v : "end"}`);
    p++;
    return t;
  };
  const isOp = (...ops: string[]) => peek()?.k === "op" && ops.includes(peek().v);

  function cmp(): Node {
    let l = concat();
    while (isOp("=", "<>", "<", ">", "<=", ">=")) {
      const op = toks[p++].v;
      l = { t: "bin", op, l, r: concat() };
    }
    return l;
  }
  function concat(): Node {
    let l = add();
    while (isOp("&")) {
      p++;
      l = { t: "bin", op: "&", l, r: add() };
    }
    return l;
  }
  function add(): Node {
    let l = mul();
    while (isOp("+", "-")) {
      const op = toks[p++].v;
      l = { t: "bin", op, l, r: mul() };
    }
    return l;
  }
  function mul(): Node {
    let l = pow();
    while (isOp("*", "/")) {
      const op = toks[p++].v;
      l = { t: "bin", op, l, r: pow() };
    }
    return l;
  }
  function pow(): Node {
    let l = percent();
    while (isOp("^")) {
      p++;
      l = { t: "bin", op: "^", l, r: percent() };
    }
    return l;
  }
  function percent(): Node {
    let x = unary();
    while (isOp("%")) {
      p++;
      x = { t: "pct", x };
    }
    return x;
  }
  function unary(): Node {
    if (isOp("-", "+")) {
      const op = toks[p++].v;
      return { t: "un", op, x: unary() };
    }
    return primary();
  }
  function primary(): Node {
    const t = peek();
    if (!t) throw new Error("unexpected end of formula");
    if (t.k === "num") {
      p++;
      return { t: "num", v: Number(t.v) };
    }
    if (t.k === "str") {
      p++;
      return { t: "str", v: t.v };
    }
    if (t.k === "ref") {
      p++;
      return { t: "ref", ref: t.v };
    }
    if (t.k === "{") {
      // An array constant of one row: {"a","b",1}.
      p++;
      const items: Value[] = [];
      for (;;) {
        const x = toks[p++];
        if (!x || (x.k !== "str" && x.k !== "num")) throw new Error("array constant: text or number expected");
        items.push(x.k === "num" ? Number(x.v) : x.v);
        if (peek()?.k === ",") {
          p++;
          continue;
        }
        eat("}");
        break;
      }
      return { t: "arr", items };
    }
    if (t.k === "(") {
      p++;
      const x = cmp();
      eat(")");
      return x;
    }
    if (t.k === "id") {
      p++;
      const name = t.v.toUpperCase();
      if (peek()?.k === "(") {
        p++;
        if (!EXCEL_2010_FUNCTIONS.has(name)) throw new Error(`function ${name} is not in Excel 2010`);
        if (!IMPLEMENTED.has(name)) throw new Error(`function ${name} is not implemented by the test evaluator`);
        functions.add(name);
        depth++;
        maxNesting = Math.max(maxNesting, depth);
        const args: Node[] = [];
        if (peek()?.k !== ")") {
          args.push(cmp());
          while (peek()?.k === ",") {
            p++;
            args.push(cmp());
          }
        }
        eat(")");
        depth--;
        return { t: "call", name, args };
      }
      if (name === "TRUE" || name === "FALSE") return { t: "bool", v: name === "TRUE" };
      throw new Error("unknown name " + t.v);
    }
    throw new Error("unexpected token " + t.v);
  }
  const node = cmp();
  if (p !== toks.length) throw new Error("trailing tokens after " + p + ": " + toks[p].v);
  return { node, functions, maxNesting };
}

const isErr = (v: unknown): v is ExcelError => typeof v === "object" && v !== null && "error" in v;
const err = (e: string): ExcelError => ({ error: e });

/** Excel's ROUND: half away from zero, after reducing to 15 significant digits. */
export function excelRound(x: number, d: number): number {
  const p = Math.pow(10, d);
  const y = Number((Math.abs(x) * p).toPrecision(15));
  const r = Math.floor(y + 0.5) / p;
  return x < 0 ? -r : r;
}

function excelTrunc(x: number, d: number): number {
  const p = Math.pow(10, d);
  const y = Number((Math.abs(x) * p).toPrecision(15));
  const r = Math.floor(y) / p;
  return x < 0 ? -r : r;
}

/** FIXED(x, d) as a Vietnamese Windows shows it: "10.424.000", "88,9". */
export function fixedVi(x: number, d: number, noCommas = false): string {
  const r = excelRound(x, d);
  const neg = r < 0;
  const [int, frac] = Math.abs(r).toFixed(Math.max(0, d)).split(".");
  const grouped = noCommas ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "-" : "") + grouped + (frac ? "," + frac : "");
}

function numberToText(n: number): string {
  const s = Number(n.toPrecision(15)).toString();
  return s.replace(".", ",");
}

export type CellGetter = (ref: string) => Cell | undefined;

/** Rows with content on the sheet a reference names (cells below are blank): lets a 5,000-row range be read quickly. */
export type ExtentGetter = (ref: string) => number;

function a1(addr: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: +m[2], c };
}

function letters(c: number): string {
  let s = "";
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

/**
 * Excel's COUNTIFS criterion test for what the formulas write: "" (an empty cell or empty
 * text), "=text" / "text" (equal without case; numbers compared as numbers; "*", "?"
 * wildcards, "~" escapes). Anything else (">3", "<>x") throws: not used, not implemented.
 */
export function criterionMatches(crit: Value, v: Value): boolean {
  if (isErr(v)) return false;
  if (typeof crit === "number") return typeof v === "number" ? v === crit : typeof v === "string" && v.trim() !== "" && Number(v) === crit;
  if (typeof crit === "boolean") return v === crit;
  if (isErr(crit)) return false;
  if (crit === null || crit === "") return v === null || v === "";
  let body: string = crit;
  if (/^(<>|<=|>=|<|>)/.test(body)) throw new Error("COUNTIFS criterion " + crit + " not implemented");
  if (body.startsWith("=")) {
    body = body.slice(1);
    if (body === "") return v === null;
  }
  if (v === null) return false;
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(body) && typeof v === "number") return v === Number(body);
  if (typeof v !== "string") return false;
  let re = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "~" && i + 1 < body.length && "*?~".includes(body[i + 1])) re += "\\" + body[++i];
    else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp("^" + re + "$", "iu").test(v);
}

/** A reference's address without sheet and "$": "'Phụ lục'!$E$14" → "E14". */
export function bareRef(ref: string): string {
  return ref.replace(/^.*!/, "").replace(/\$/g, "");
}

const parseCache = new Map<string, Parsed>();

export function evaluate(formula: string | Parsed, getCell: CellGetter, extent?: ExtentGetter): Value {
  let parsed: Parsed;
  if (typeof formula === "string") {
    parsed = parseCache.get(formula) ?? parseFormula(formula);
    if (parseCache.size < 5000) parseCache.set(formula, parsed);
  } else parsed = formula;

  /** A range's cells, column by column within each row: the sheet prefix kept on each address. */
  function rangeCells(ref: string): { refs: string[]; rows: number; cols: number; beyond: number } {
    const m = /^(.*!)?(.+)$/.exec(ref)!;
    const sheet = m[1] ?? "";
    const [x, y] = m[2].replace(/\$/g, "").split(":");
    const p = a1(x);
    const q2 = a1(y ?? x);
    const last = extent ? Math.min(q2.r, Math.max(p.r - 1, extent(ref))) : q2.r;
    const refs: string[] = [];
    for (let r = p.r; r <= last; r++) for (let c = p.c; c <= q2.c; c++) refs.push(sheet + letters(c) + r);
    return { refs, rows: q2.r - p.r + 1, cols: q2.c - p.c + 1, beyond: q2.r - last };
  }

  function cellValue(ref: string): Value {
    if (ref.includes(":")) return err("#VALUE!");
    const c = getCell(ref);
    if (!c) return null;
    if (c.error) return err(c.error);
    return c.v === undefined ? null : c.v;
  }

  function ev(n: Node): Value {
    switch (n.t) {
      case "num":
        return n.v;
      case "str":
        return n.v;
      case "bool":
        return n.v;
      case "ref":
        return cellValue(n.ref);
      case "arr":
        return n.items[0] ?? null;
      case "un": {
        const x = toNum(ev(n.x));
        if (isErr(x)) return x;
        return n.op === "-" ? -x : x;
      }
      case "pct": {
        const x = toNum(ev(n.x));
        return isErr(x) ? x : x / 100;
      }
      case "bin":
        return binary(n.op, ev(n.l), ev(n.r));
      case "call":
        return call(n.name, n.args);
    }
  }

  function toNum(v: Value): number | ExcelError {
    if (isErr(v)) return v;
    if (v === null) return 0;
    if (typeof v === "number") return v;
    if (typeof v === "boolean") return v ? 1 : 0;
    const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?)\s*(%?)\s*$/i.exec(v);
    if (!m) return err("#VALUE!");
    return Number(m[1]) / (m[2] ? 100 : 1);
  }

  function toText(v: Value): string | ExcelError {
    if (isErr(v)) return v;
    if (v === null) return "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "number") return numberToText(v);
    return v;
  }

  function toBool(v: Value): boolean | ExcelError {
    if (isErr(v)) return v;
    if (v === null) return false;
    if (typeof v === "boolean") return v;
    if (typeof v === "number") return v !== 0;
    const u = v.toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    return err("#VALUE!");
  }

  function compare(a: Value, b: Value): number {
    // Empty takes the other side's type.
    const norm = (x: Value, other: Value): Value => {
      if (x !== null) return x;
      if (typeof other === "string") return "";
      if (typeof other === "boolean") return false;
      return 0;
    };
    const x = norm(a, b);
    const y = norm(b, a);
    const rank = (v: Value) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
    if (typeof x === "number" && typeof y === "number") return x === y ? 0 : x < y ? -1 : 1;
    if (typeof x === "string" && typeof y === "string") {
      const xu = x.toLocaleUpperCase("vi");
      const yu = y.toLocaleUpperCase("vi");
      return xu === yu ? 0 : xu < yu ? -1 : 1;
    }
    return Number(x) - Number(y);
  }

  function binary(op: string, a: Value, b: Value): Value {
    if (op === "&") {
      const x = toText(a);
      if (isErr(x)) return x;
      const y = toText(b);
      if (isErr(y)) return y;
      return x + y;
    }
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      const c = compare(a, b);
      switch (op) {
        case "=":
          return c === 0;
        case "<>":
          return c !== 0;
        case "<":
          return c < 0;
        case ">":
          return c > 0;
        case "<=":
          return c <= 0;
        default:
          return c >= 0;
      }
    }
    const x = toNum(a);
    if (isErr(x)) return x;
    const y = toNum(b);
    if (isErr(y)) return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? err("#DIV/0!") : x / y;
      case "^":
        return Math.pow(x, y);
    }
    throw new Error("operator " + op);
  }

  /** Values of an argument for SUM/COUNT/AND/OR: a reference gives its value with `fromRef`. */
  function argValues(a: Node): { v: Value; fromRef: boolean } {
    return { v: ev(a), fromRef: a.t === "ref" };
  }

  /** An array in SUMPRODUCT: the values of a range's rows with content, and its blank rows below as one value × count. */
  type Arr = { v: Value[]; tail: Value; tailN: number };
  const isArr = (x: unknown): x is Arr => typeof x === "object" && x !== null && "tailN" in x;
  function mapA(x: Value | Arr, f: (v: Value) => Value): Value | Arr {
    return isArr(x) ? { v: x.v.map(f), tail: f(x.tail), tailN: x.tailN } : f(x);
  }
  function zipA(a: Value | Arr, b: Value | Arr, f: (x: Value, y: Value) => Value): Value | Arr {
    if (!isArr(a) && !isArr(b)) return f(a, b);
    const A = isArr(a) ? a : undefined;
    const B = isArr(b) ? b : undefined;
    const len = Math.max(A?.v.length ?? 0, B?.v.length ?? 0);
    const at = (x: Value | Arr, i: number): Value => (isArr(x) ? (i < x.v.length ? x.v[i] : x.tail) : x);
    const out: Value[] = [];
    for (let i = 0; i < len; i++) out.push(f(at(a, i), at(b, i)));
    const tailN = Math.min(A ? A.v.length + A.tailN : Infinity, B ? B.v.length + B.tailN : Infinity) - len;
    return { v: out, tail: f(A ? A.tail : (a as Value), B ? B.tail : (b as Value)), tailN };
  }
  function matchValue(look: Value, items: Value[]): Value {
    if (isErr(look)) return look;
    if (look === null) return err("#N/A");
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (typeof look === "number" ? it === look : typeof look === "string" && typeof it === "string" && criterionMatches("=" + it.replace(/[~*?]/g, "~$&"), look)) return i + 1;
    }
    return err("#N/A");
  }
  function evA(n: Node): Value | Arr {
    if (n.t === "ref" && n.ref.includes(":")) {
      const r = rangeCells(n.ref);
      if (r.cols !== 1) throw new Error("SUMPRODUCT over one column only");
      return { v: r.refs.map((x) => cellValue(x)), tail: null, tailN: r.beyond };
    }
    if (n.t === "bin") return zipA(evA(n.l), evA(n.r), (x, y) => binary(n.op, x, y));
    if (n.t === "call" && n.name === "ISNUMBER") return mapA(evA(n.args[0]), (v) => typeof v === "number");
    if (n.t === "call" && n.name === "MATCH") {
      const list = n.args[1];
      if (list.t !== "arr" || n.args.length !== 3) throw new Error("MATCH(x, {…}, 0) only");
      return mapA(evA(n.args[0]), (v) => matchValue(v, list.items));
    }
    return ev(n);
  }

  function call(name: string, args: Node[]): Value {
    const need = (min: number, max = min) => {
      if (args.length < min || args.length > max) throw new Error(`${name} takes ${min}–${max} arguments, got ${args.length}`);
    };
    switch (name) {
      case "IF": {
        need(2, 3);
        const c = toBool(ev(args[0]));
        if (isErr(c)) return c;
        if (c) return ev(args[1]);
        return args.length > 2 ? ev(args[2]) : false;
      }
      case "IFERROR": {
        need(2);
        const v = ev(args[0]);
        return isErr(v) ? ev(args[1]) : v;
      }
      case "ISERROR":
        need(1);
        return isErr(ev(args[0]));
      case "ISNUMBER": {
        need(1);
        const v = ev(args[0]);
        return typeof v === "number";
      }
      case "ISBLANK": {
        need(1);
        return args[0].t === "ref" && ev(args[0]) === null;
      }
      case "N": {
        need(1);
        const v = ev(args[0]);
        if (isErr(v)) return v;
        if (typeof v === "number") return v;
        if (typeof v === "boolean") return v ? 1 : 0;
        return 0;
      }
      case "AND":
      case "OR": {
        if (args.length === 0) throw new Error(name + " needs arguments");
        let seen = false;
        let acc = name === "AND";
        for (const a of args) {
          const { v, fromRef } = argValues(a);
          if (isErr(v)) return v;
          if (fromRef && (typeof v === "string" || v === null)) continue;
          const b = toBool(v);
          if (isErr(b)) return b;
          seen = true;
          acc = name === "AND" ? acc && b : acc || b;
        }
        return seen ? acc : err("#VALUE!");
      }
      case "NOT": {
        need(1);
        const b = toBool(ev(args[0]));
        return isErr(b) ? b : !b;
      }
      case "SUM":
      case "COUNT": {
        let s = 0;
        let n = 0;
        for (const a of args) {
          const { v, fromRef } = argValues(a);
          if (fromRef) {
            if (typeof v === "number") {
              s += v;
              n++;
            } else if (isErr(v) && name === "SUM") return v;
            continue;
          }
          const x = toNum(v);
          if (isErr(x)) {
            if (name === "SUM") return x;
            continue;
          }
          s += x;
          n++;
        }
        return name === "SUM" ? s : n;
      }
      case "COUNTIFS": {
        if (args.length < 2 || args.length % 2) throw new Error("COUNTIFS takes range/criterion pairs");
        const ranges: ReturnType<typeof rangeCells>[] = [];
        const crits: Value[] = [];
        for (let i = 0; i < args.length; i += 2) {
          const a = args[i];
          if (a.t !== "ref") throw new Error("COUNTIFS needs a range");
          ranges.push(rangeCells(a.ref));
          const c = ev(args[i + 1]);
          if (isErr(c)) return c;
          crits.push(c);
        }
        const { rows, cols } = ranges[0];
        if (cols !== 1 || ranges.some((r) => r.rows !== rows || r.cols !== 1)) return err("#VALUE!");
        const seen = Math.max(...ranges.map((r) => r.refs.length));
        let n = 0;
        for (let i = 0; i < seen; i++) {
          if (ranges.every((r, k) => criterionMatches(crits[k], i < r.refs.length ? cellValue(r.refs[i]) : null))) n++;
        }
        // Rows below every range's content are blank in all of them.
        if (crits.every((c) => criterionMatches(c, null))) n += rows - seen;
        return n;
      }
      case "SUMPRODUCT": {
        if (args.length !== 1) throw new Error("SUMPRODUCT of one array only");
        const a = evA(args[0]);
        if (!isArr(a)) return typeof a === "number" ? a : isErr(a) ? a : 0;
        let sum = 0;
        for (const v of [...a.v, ...(a.tailN > 0 ? [a.tail] : [])]) if (isErr(v)) return v;
        for (const v of a.v) if (typeof v === "number") sum += v;
        if (typeof a.tail === "number") sum += a.tail * a.tailN;
        return sum;
      }
      case "MATCH":
        throw new Error("MATCH only inside SUMPRODUCT here");
      case "SUBSTITUTE": {
        need(3);
        const x = toText(ev(args[0]));
        if (isErr(x)) return x;
        const from = toText(ev(args[1]));
        if (isErr(from)) return from;
        const to = toText(ev(args[2]));
        if (isErr(to)) return to;
        return from === "" ? x : x.split(from).join(to);
      }
      case "COUNTA": {
        // Non-empty cells: numbers, text (also "" from a formula), booleans and errors; literals count.
        let n = 0;
        for (const a of args) {
          const { v, fromRef } = argValues(a);
          if (!fromRef || (v !== null && v !== undefined)) n++;
        }
        return n;
      }
      case "ABS": {
        need(1);
        const x = toNum(ev(args[0]));
        return isErr(x) ? x : Math.abs(x);
      }
      case "INT": {
        need(1);
        const x = toNum(ev(args[0]));
        return isErr(x) ? x : Math.floor(x);
      }
      case "ROUND":
      case "ROUNDDOWN":
      case "TRUNC": {
        need(name === "TRUNC" ? 1 : 2, 2);
        const x = toNum(ev(args[0]));
        if (isErr(x)) return x;
        const d = args.length > 1 ? toNum(ev(args[1])) : 0;
        if (isErr(d)) return d;
        return name === "ROUND" ? excelRound(x, Math.trunc(d)) : excelTrunc(x, Math.trunc(d));
      }
      case "FIXED": {
        need(1, 3);
        const x = toNum(ev(args[0]));
        if (isErr(x)) return x;
        const d = args.length > 1 ? toNum(ev(args[1])) : 2;
        if (isErr(d)) return d;
        const nc = args.length > 2 ? toBool(ev(args[2])) : false;
        if (isErr(nc)) return nc;
        return fixedVi(x, Math.trunc(d), nc);
      }
      case "TRIM": {
        need(1);
        const s = toText(ev(args[0]));
        if (isErr(s)) return s;
        return s.replace(/ +/g, " ").replace(/^ | $/g, "");
      }
      case "LEN": {
        need(1);
        const s = toText(ev(args[0]));
        return isErr(s) ? s : s.length;
      }
      case "MID": {
        need(3);
        const s = toText(ev(args[0]));
        if (isErr(s)) return s;
        const st = toNum(ev(args[1]));
        if (isErr(st)) return st;
        const ln = toNum(ev(args[2]));
        if (isErr(ln)) return ln;
        if (st < 1 || ln < 0) return err("#VALUE!");
        return s.substr(Math.trunc(st) - 1, Math.trunc(ln));
      }
    }
    throw new Error("function " + name + " not implemented");
  }

  return ev(parsed.node);
}

/** A sheet of cells by bare A1 address, with formula cells computed in dependency order on demand. */
export class MiniSheet {
  cells = new Map<string, Cell>();
  private computing = new Set<string>();
  /** The sheet's name and its workbook, for references to other sheets ('Hội nghị'!$C$4:$C$5003). */
  name?: string;
  book?: Map<string, MiniSheet>;

  /** The sheet a reference names: this one when it names none. */
  sheetOf(ref: string): MiniSheet {
    const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(ref);
    if (!m) return this;
    const name = (m[1] ?? m[2]).replace(/''/g, "'");
    if (name === this.name) return this;
    const s = this.book?.get(name);
    if (!s) throw new Error("no sheet " + name);
    return s;
  }

  /** Last row holding a cell. */
  lastRow(): number {
    if (this.last === undefined) {
      let n = 0;
      for (const k of this.cells.keys()) n = Math.max(n, a1(k).r);
      this.last = n;
    }
    return this.last;
  }

  /** Evaluates a formula as if in this sheet. */
  evaluate(formula: string): Value {
    return evaluate(formula, (r) => this.get(r), (r) => this.sheetOf(r).lastRow());
  }

  private last?: number;

  set(ref: string, cell: Cell): void {
    this.cells.set(bareRef(ref), cell);
    this.last = undefined;
  }

  /** The cell's value, computing its formula (and those it reads) first. */
  get(ref: string): Cell | undefined {
    const other = this.sheetOf(ref);
    if (other !== this) return other.get(bareRef(ref));
    const a = bareRef(ref);
    const c = this.cells.get(a);
    if (!c || !c.formula) return c;
    if (this.computing.has(a)) throw new Error("circular reference at " + a);
    this.computing.add(a);
    try {
      const v = evaluate(c.formula, (r) => this.get(r), (r) => this.sheetOf(r).lastRow());
      if (isErr(v)) return { ...c, v: null, error: v.error };
      return { ...c, v, error: undefined };
    } finally {
      this.computing.delete(a);
    }
  }

  value(ref: string): Value {
    const c = this.get(ref);
    if (!c) return null;
    if (c.error) return { error: c.error };
    return c.v;
  }
}

export { isErr };
