/**
 * Report input made safe before it is normalised (normalize.ts calls `cleanInput`):
 * - text: characters an .xlsx (XML 1.0) cannot carry — C0 controls other than tab, newline
 *   and carriage return, unpaired surrogates, U+FFFE, U+FFFF and the other non-characters —
 *   are removed, so that a workbook written from the data always reads back; each place is
 *   noted (a `value.read` info at its path);
 * - keys "__proto__", "constructor" and "prototype" are dropped, noted;
 * - nesting deeper than MAX_NESTING (no report needs more than 4 levels) is cut there, noted,
 *   so that nothing later recurses without bound;
 * - text longer than an Excel cell holds (CELL_MAX_CHARS, 32 767) is KEPT whole and noted:
 *   `check` reports it as an error at its path, and `init` refuses to write such a workbook
 *   (Excel would cut it); it is never cut silently.
 * The walk is iterative (an explicit stack), so deep input costs no call stack.
 */
import type { Finding, Lang } from "./types";
import { tr } from "./i18n";

/** Most characters in one Excel cell. */
export const CELL_MAX_CHARS = 32767;
/** Deepest nesting of objects and arrays kept (the report format needs 4). */
export const MAX_NESTING = 16;

export type NoteKind = "xml" | "key" | "deep" | "long";

export interface InputNote {
  kind: NoteKind;
  /** JSON path of the place ("values.<code>", "registers.van_ban[2].title", "report"). */
  path: string;
  /** The key dropped (kind "key"), or the length (kind "long"). */
  detail?: string;
}

// C0 but \t \n \r; lone surrogates are found separately; U+FDD0–U+FDEF; U+FFFE, U+FFFF.
const BAD_BMP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]/;
const BAD_BMP_G = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]/g;
const SURROGATE = /[\ud800-\udfff]/;

/** True when the text holds a character XML cannot carry. */
export function hasXmlUnsafe(s: string): boolean {
  if (BAD_BMP.test(s)) return true;
  if (!SURROGATE.test(s)) return false;
  return xmlSafe(s) !== s;
}

/** The text without the characters XML 1.0 cannot carry (see the module comment). */
export function xmlSafe(s: string): string {
  let out = BAD_BMP.test(s) ? s.replace(BAD_BMP_G, "") : s;
  if (!SURROGATE.test(out)) return out;
  let r = "";
  for (let i = 0; i < out.length; i++) {
    const c = out.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < out.length ? out.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        // Non-characters U+1FFFE, U+1FFFF, … U+10FFFF.
        if ((cp & 0xfffe) !== 0xfffe) r += out[i] + out[i + 1];
        i++;
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    r += out[i];
  }
  out = r;
  return out;
}

function isPlain(v: object): boolean {
  if (Array.isArray(v)) return true;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

const DROPPED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return parent + "[" + key + "]";
  return parent ? parent + "." + key : key;
}

/**
 * A clean copy of parsed report input (plain objects, arrays, scalars), with the notes of
 * what was cleaned. Objects are rebuilt without a prototype chain surprise: keys are
 * copied with defineProperty-like assignment on fresh objects, "__proto__" never set.
 */
export function cleanInput(input: unknown): { value: unknown; notes: InputNote[] } {
  const notes: InputNote[] = [];
  const cleanStr = (s: string, path: string): string => {
    let out = s;
    if (hasXmlUnsafe(s)) {
      out = xmlSafe(s);
      notes.push({ kind: "xml", path });
    }
    if (out.length > CELL_MAX_CHARS) notes.push({ kind: "long", path, detail: String(out.length) });
    return out;
  };
  if (input === null || typeof input !== "object" || !isPlain(input)) {
    return { value: typeof input === "string" ? cleanStr(input, "") : input, notes };
  }
  const root: unknown = Array.isArray(input) ? [] : {};
  // Stack of [source, target, path, depth].
  const stack: [unknown, Record<string, unknown> | unknown[], string, number][] = [[input, root as Record<string, unknown>, "", 1]];
  while (stack.length) {
    const [src, dst, path, depth] = stack.pop()!;
    const put = (key: string | number, v: unknown) => {
      const p = childPath(path, key);
      let out: unknown = v;
      if (typeof v === "string") out = cleanStr(v, p);
      else if (v !== null && typeof v === "object" && !isPlain(v)) out = v; // a Date from a workbook reader: kept
      else if (v !== null && typeof v === "object") {
        if (depth >= MAX_NESTING) {
          notes.push({ kind: "deep", path: p });
          out = null;
        } else {
          out = Array.isArray(v) ? [] : {};
          stack.push([v, out as Record<string, unknown>, p, depth + 1]);
        }
      } else if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") out = null;
      if (Array.isArray(dst)) dst.push(out);
      else Object.defineProperty(dst, key as string, { value: out, enumerable: true, writable: true, configurable: true });
    };
    if (Array.isArray(src)) {
      for (let i = 0; i < src.length; i++) put(i, src[i]);
    } else {
      for (const k of Object.keys(src as object)) {
        if (DROPPED_KEYS.has(k)) {
          notes.push({ kind: "key", path: path || "(gốc)", detail: k });
          continue;
        }
        let key = k;
        if (hasXmlUnsafe(k)) {
          key = xmlSafe(k);
          notes.push({ kind: "xml", path: childPath(path, key) });
        }
        put(key, (src as Record<string, unknown>)[k]);
      }
    }
  }
  return { value: root, notes };
}

/** The findings of the notes: value.read (info) for cleaned text, dropped keys and cut nesting; value.kind (error) for text too long for a cell. */
export function noteFindings(notes: InputNote[], lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const n of notes) {
    if (n.kind === "long") {
      out.push({
        rule: "value.kind",
        severity: "error",
        message: upperFirst(tr(lang, "input.long", { path: n.path, length: n.detail ?? "", max: CELL_MAX_CHARS })),
        indicators: [],
        path: n.path,
      });
    } else {
      const key = n.kind === "xml" ? "input.xml" : n.kind === "key" ? "input.key" : "input.deep";
      out.push({ rule: "value.read", severity: "info", message: upperFirst(tr(lang, key, { path: n.path, key: n.detail ?? "" })), indicators: [], path: n.path });
    }
  }
  return out;
}

function upperFirst(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Notes of the report data normalizeReport returned (kept beside the data, not in it). */
const notesOf = new WeakMap<object, InputNote[]>();

export function setInputNotes(data: object, notes: InputNote[]): void {
  if (notes.length) notesOf.set(data, notes);
}

export function inputNotes(data: unknown): InputNote[] {
  return data && typeof data === "object" ? (notesOf.get(data) ?? []) : [];
}
