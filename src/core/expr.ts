/**
 * A small, safe expression language for a user's own rules (no eval, no Function):
 *   numbers (8, 88,9 or 88.9, 90% = 90 in percent units), indicator codes, "Không có",
 *   + - * / (also × ÷), comparisons < <= > >= = != <> (also == ≤ ≥ ≠),
 *   and / or / not (also && || ! và hoặc), parentheses.
 * A rule is a condition: it holds when the expression is TRUE.
 */
import { nfc } from "./vn";

export type CmpOp = "<" | "<=" | ">" | ">=" | "=" | "!=";
export type Expr =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "code"; code: string }
  | { t: "neg"; e: Expr }
  | { t: "not"; e: Expr }
  | { t: "arith"; op: "+" | "-" | "*" | "/"; l: Expr; r: Expr }
  | { t: "cmp"; op: CmpOp; l: Expr; r: Expr }
  | { t: "logic"; op: "and" | "or"; l: Expr; r: Expr };

/** A message key of i18n.ts with its parameters. */
export interface ExprError {
  key: string;
  params: Record<string, string | number>;
}

export type ParseResult = { ok: true; expr: Expr; codes: string[] } | { ok: false; error: ExprError };

type Tok =
  | { k: "num"; v: number; pos: number; text: string }
  | { k: "str"; v: string; pos: number; text: string }
  | { k: "id"; v: string; pos: number; text: string }
  | { k: "op"; v: string; pos: number; text: string }
  | { k: "end"; pos: number; text: string };

class Fail {
  constructor(public error: ExprError) {}
}

function fail(key: string, params: Record<string, string | number> = {}): never {
  throw new Fail({ key, params });
}

const OPS: [string, string][] = [
  ["<=", "<="],
  [">=", ">="],
  ["<>", "!="],
  ["!=", "!="],
  ["==", "="],
  ["&&", "and"],
  ["||", "or"],
  ["≤", "<="],
  ["≥", ">="],
  ["≠", "!="],
  ["<", "<"],
  [">", ">"],
  ["=", "="],
  ["+", "+"],
  ["-", "-"],
  ["−", "-"],
  ["*", "*"],
  ["×", "*"],
  ["/", "/"],
  ["÷", "/"],
  ["(", "("],
  [")", ")"],
  ["!", "not"],
];

const MAX_LENGTH = 2000;
/** Deepest nesting of parentheses, "not" and signs: deeper is refused (no user rule needs 50 levels; the stack stays small). */
export const MAX_DEPTH = 50;

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m = /^\d+(?:[.,]\d+)?%?/.exec(rest);
    if (m) {
      const text = m[0];
      toks.push({ k: "num", v: parseFloat(text.replace(",", ".").replace("%", "")), pos: i + 1, text });
      i += text.length;
      continue;
    }
    if (c === '"' || c === "'" || c === "“" || c === "”") {
      const close = c === "“" ? "”" : c;
      const j = src.indexOf(close, i + 1);
      if (j < 0) fail("expr.string");
      const text = src.slice(i, j + 1);
      toks.push({ k: "str", v: src.slice(i + 1, j).trim(), pos: i + 1, text });
      i = j + 1;
      continue;
    }
    m = /^không có(?![\p{L}\d_])/iu.exec(rest);
    if (m) {
      toks.push({ k: "str", v: "Không có", pos: i + 1, text: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^(và|hoặc)(?![\p{L}\d_])/iu.exec(rest);
    if (m) {
      toks.push({ k: "op", v: m[1].toLowerCase() === "và" ? "and" : "or", pos: i + 1, text: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (m) {
      const w = m[0];
      const low = w.toLowerCase();
      if (low === "and" || low === "or" || low === "not") toks.push({ k: "op", v: low, pos: i + 1, text: w });
      else toks.push({ k: "id", v: w, pos: i + 1, text: w });
      i += w.length;
      continue;
    }
    const op = OPS.find(([s]) => rest.startsWith(s));
    if (op) {
      toks.push({ k: "op", v: op[1], pos: i + 1, text: op[0] });
      i += op[0].length;
      continue;
    }
    fail("expr.unexpected", { token: String.fromCodePoint(src.codePointAt(i)!), pos: i + 1 });
  }
  toks.push({ k: "end", pos: n + 1, text: "" });
  return toks;
}

type Ty = "num" | "bool" | "str" | "numOrStr";

class Parser {
  private i = 0;
  private depth = 0;
  codes = new Set<string>();
  constructor(
    private toks: Tok[],
    private known: ((code: string) => boolean) | undefined,
    private kindOf: ((code: string) => "number" | "numberOrText") | undefined,
  ) {}
  private peek(): Tok {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === "op" && t.v === v;
  }
  private next(): Tok {
    return this.toks[this.i++];
  }
  private unexpected(t: Tok): never {
    if (t.k === "end") fail("expr.end");
    fail("expr.unexpected", { token: t.text, pos: t.pos });
  }
  parse(): { e: Expr; ty: Ty } {
    if (this.peek().k === "end") fail("expr.empty");
    const r = this.or();
    const t = this.peek();
    if (t.k !== "end") {
      if (t.k === "op" && t.v === ")") fail("expr.unexpected", { token: ")", pos: t.pos });
      this.unexpected(t);
    }
    return r;
  }
  private needBool(x: { ty: Ty }, token: string) {
    if (x.ty !== "bool") fail("expr.needCondition", { token });
  }
  private needNum(x: { ty: Ty }, token: string) {
    if (x.ty === "bool" || x.ty === "str") fail("expr.needNumber", { token });
  }
  private or(): { e: Expr; ty: Ty } {
    let l = this.and();
    while (this.isOp("or")) {
      const t = this.next();
      const r = this.and();
      this.needBool(l, t.text);
      this.needBool(r, t.text);
      l = { e: { t: "logic", op: "or", l: l.e, r: r.e }, ty: "bool" };
    }
    return l;
  }
  private and(): { e: Expr; ty: Ty } {
    let l = this.not();
    while (this.isOp("and")) {
      const t = this.next();
      const r = this.not();
      this.needBool(l, t.text);
      this.needBool(r, t.text);
      l = { e: { t: "logic", op: "and", l: l.e, r: r.e }, ty: "bool" };
    }
    return l;
  }
  private deeper(): void {
    if (++this.depth > MAX_DEPTH) fail("expr.tooDeep", { max: MAX_DEPTH });
  }
  private not(): { e: Expr; ty: Ty } {
    if (this.isOp("not")) {
      const t = this.next();
      this.deeper();
      const x = this.not();
      this.depth--;
      this.needBool(x, t.text);
      return { e: { t: "not", e: x.e }, ty: "bool" };
    }
    return this.cmp();
  }
  private cmp(): { e: Expr; ty: Ty } {
    const l = this.add();
    const t = this.peek();
    if (t.k === "op" && ["<", "<=", ">", ">=", "=", "!="].includes(t.v)) {
      this.next();
      const r = this.add();
      const op = t.v as CmpOp;
      if (l.ty === "bool" || r.ty === "bool") fail("expr.needNumber", { token: t.text });
      if (op !== "=" && op !== "!=") {
        this.needNum(l, t.text);
        this.needNum(r, t.text);
      }
      const t2 = this.peek();
      if (t2.k === "op" && ["<", "<=", ">", ">=", "=", "!="].includes(t2.v)) this.unexpected(t2);
      return { e: { t: "cmp", op, l: l.e, r: r.e }, ty: "bool" };
    }
    return l;
  }
  private add(): { e: Expr; ty: Ty } {
    let l = this.mul();
    while (this.isOp("+") || this.isOp("-")) {
      const t = this.next();
      const r = this.mul();
      this.needNum(l, t.text);
      this.needNum(r, t.text);
      l = { e: { t: "arith", op: (t as { v: string }).v as "+" | "-", l: l.e, r: r.e }, ty: "num" };
    }
    return l;
  }
  private mul(): { e: Expr; ty: Ty } {
    let l = this.unary();
    while (this.isOp("*") || this.isOp("/")) {
      const t = this.next();
      const r = this.unary();
      this.needNum(l, t.text);
      this.needNum(r, t.text);
      l = { e: { t: "arith", op: (t as { v: string }).v as "*" | "/", l: l.e, r: r.e }, ty: "num" };
    }
    return l;
  }
  private unary(): { e: Expr; ty: Ty } {
    if (this.isOp("-")) {
      const t = this.next();
      this.deeper();
      const x = this.unary();
      this.depth--;
      this.needNum(x, t.text);
      return { e: { t: "neg", e: x.e }, ty: "num" };
    }
    if (this.isOp("+")) {
      this.next();
      this.deeper();
      const x = this.unary();
      this.depth--;
      return x;
    }
    return this.primary();
  }
  private primary(): { e: Expr; ty: Ty } {
    const t = this.next();
    if (t.k === "num") return { e: { t: "num", v: t.v }, ty: "num" };
    if (t.k === "str") return { e: { t: "str", v: nfc(t.v) }, ty: "str" };
    if (t.k === "id") {
      if (this.known && !this.known(t.v)) fail("expr.unknownCode", { token: t.v });
      this.codes.add(t.v);
      const ty: Ty = this.kindOf && this.kindOf(t.v) === "numberOrText" ? "numOrStr" : "num";
      return { e: { t: "code", code: t.v }, ty };
    }
    if (t.k === "op" && t.v === "(") {
      this.deeper();
      const x = this.or();
      this.depth--;
      const c = this.peek();
      if (!(c.k === "op" && c.v === ")")) {
        if (c.k === "end") fail("expr.paren");
        this.unexpected(c);
      }
      this.next();
      return x;
    }
    this.unexpected(t);
  }
}

/**
 * Parse a rule's expression. `known` says which codes exist; `kindOf` which codes may hold
 * text ("Không có" in a percent). The result must be a condition.
 */
export function parseExpression(
  src: string,
  known?: (code: string) => boolean,
  kindOf?: (code: string) => "number" | "numberOrText",
): ParseResult {
  try {
    if (typeof src !== "string") fail("expr.empty");
    if (src.length > MAX_LENGTH) fail("expr.tooLong");
    const p = new Parser(tokenize(nfc(src)), known, kindOf);
    const r = p.parse();
    if (r.ty !== "bool") fail("expr.notCondition");
    return { ok: true, expr: r.e, codes: Array.from(p.codes) };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}

/** Value of a code for evaluation: a number (percents in percent units), "Không có", or null when blank/unreadable. */
export type Lookup = (code: string) => number | string | null;

export type EvalResult =
  | { status: "ok"; value: boolean }
  | { status: "blank"; codes: string[] }
  | { status: "na"; reason: ExprError };

class NA {
  constructor(public reason: ExprError) {}
}

const EPS = 1e-9;

function ev(e: Expr, look: Lookup): number | string | boolean {
  switch (e.t) {
    case "num":
      return e.v;
    case "str":
      return e.v;
    case "code": {
      const v = look(e.code);
      return v === null ? NaN : v;
    }
    case "neg": {
      const x = ev(e.e, look);
      if (typeof x !== "number") throw new NA({ key: "expr.notNumber", params: {} });
      return -x;
    }
    case "not":
      return !ev(e.e, look);
    case "logic": {
      const l = ev(e.l, look);
      if (e.op === "and") return !!l && !!ev(e.r, look);
      return !!l || !!ev(e.r, look);
    }
    case "arith": {
      const l = ev(e.l, look);
      const r = ev(e.r, look);
      if (typeof l !== "number" || typeof r !== "number") throw new NA({ key: "expr.notNumber", params: {} });
      switch (e.op) {
        case "+":
          return l + r;
        case "-":
          return l - r;
        case "*":
          return l * r;
        case "/":
          if (r === 0) throw new NA({ key: "expr.divZero", params: {} });
          return l / r;
      }
      return NaN;
    }
    case "cmp": {
      const l = ev(e.l, look);
      const r = ev(e.r, look);
      if (typeof l === "string" || typeof r === "string") {
        const eq = typeof l === "string" && typeof r === "string" && nfc(l).toLowerCase() === nfc(r).toLowerCase();
        if (e.op === "=") return eq;
        if (e.op === "!=") return !eq;
        throw new NA({ key: "expr.notNumber", params: {} });
      }
      const a = l as number;
      const b = r as number;
      const tol = EPS * Math.max(1, Math.abs(a), Math.abs(b));
      switch (e.op) {
        case "<":
          return a < b - tol;
        case "<=":
          return a <= b + tol;
        case ">":
          return a > b + tol;
        case ">=":
          return a >= b - tol;
        case "=":
          return Math.abs(a - b) <= tol;
        case "!=":
          return Math.abs(a - b) > tol;
      }
    }
  }
  return false;
}

/** Evaluate a parsed condition. Any blank code → "blank" (the rule is not checked); "Không có" in arithmetic or 0 as divisor → "na". */
export function evaluate(e: Expr, codes: string[], look: Lookup): EvalResult {
  const blank = codes.filter((c) => look(c) === null);
  if (blank.length) return { status: "blank", codes: blank };
  try {
    return { status: "ok", value: !!ev(e, look) };
  } catch (x) {
    if (x instanceof NA) return { status: "na", reason: x.reason };
    throw x;
  }
}
