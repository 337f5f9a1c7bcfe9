/**
 * Register lists of the narrative, written as the conventions say:
 *   "- Kế hoạch số 166-KH/ĐU ngày 30/3/2021 về triển khai …"
 *   "- Công văn số 320/SKHCN-VP ngày 15/3/2021 về việc điều chỉnh …"
 * Only what a row holds is printed: a missing or unreadable date or symbol is left out,
 * never guessed.
 */
import type { RawValue, RegisterDef, RegisterRow, ReportListDef } from "../types";
import { BOOLEAN_LABELS } from "../layout";
import { byTemplate } from "../templates/built-in";
import { formatDate, lowerFirst, nfc, parseDate, upperFirst } from "../vn";
import { cleanSymbol, issuerFromSymbol } from "../symbol";
import type { Block, Run } from "../doc/model";

function str(v: RawValue): string {
  if (v === null || v === undefined) return "";
  return nfc(String(v)).replace(/\s+/g, " ").trim();
}

function dateText(v: RawValue): string {
  const iso = parseDate(v);
  return iso ? formatDate(iso) : "";
}

function stripEnd(s: string): string {
  return s.replace(/[\s.;,:]+$/, "");
}

/** True, false or unknown, from what people type in a "held" column. */
export function readBool(v: RawValue): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  const s = str(v).toLowerCase();
  if (["true", "có", "co", "x", "đã tổ chức", "đã", "rồi", "yes", "1"].includes(s)) return true;
  if (["false", "không", "khong", "chưa", "chưa tổ chức", "không tổ chức", "no", "0"].includes(s)) return false;
  return undefined;
}

const CONG_VAN = "công văn";

/** The trích yếu after "về" / "về việc": the type word and "Về việc"/"V/v" a user typed are dropped, first letter lower-cased. */
function subject(title: string, type: string): string {
  let t = stripEnd(title);
  const low = t.toLowerCase();
  if (type && low.startsWith(type.toLowerCase() + " ")) t = t.slice(type.length + 1);
  t = t.replace(/^(về việc|v\/v|vv|về)\s*[:.]?\s+/i, "");
  return lowerFirst(t);
}

/** One document of the van_ban register as a list item (without the "- " marker). */
export function documentItem(row: RegisterRow): string {
  const type = upperFirst(str(row.type)) || "Văn bản";
  const symbol = str(row.symbol) ? cleanSymbol(str(row.symbol)) : "";
  const date = dateText(row.date);
  const title = subject(str(row.title), type);
  let s = type;
  if (symbol) s += " số " + symbol;
  if (date) s += " ngày " + date;
  if (title) s += (type.toLowerCase() === CONG_VAN ? " về việc " : " về ") + title;
  return s;
}

/** One inspection (or several units under one decision) as a list item. */
function inspectionItem(decision: string, date: string, units: string[]): string {
  let s = "Quyết định";
  if (decision) s += " số " + decision;
  if (date) s += " ngày " + date;
  s += " thành lập đoàn kiểm tra việc thực hiện quy chế dân chủ ở cơ sở";
  const us = units.filter((u) => u);
  if (us.length) {
    const joined = us.length === 1 ? us[0] : us.slice(0, -1).join(", ") + " và " + us[us.length - 1];
    s += " tại " + joined;
  }
  return s;
}

const FORMS: Record<string, string> = { rieng: "tổ chức riêng", long_ghep: "lồng ghép" };
const CHAIRS: Record<string, string> = {
  cap_uy: "người đứng đầu cấp ủy",
  chinh_quyen: "người đứng đầu chính quyền",
  ca_hai: "người đứng đầu cấp ủy và người đứng đầu chính quyền",
};

function conferenceItem(row: RegisterRow): string {
  let s = upperFirst(stripEnd(str(row.title))) || "Hội nghị";
  const date = dateText(row.date);
  if (date) s += " ngày " + date;
  const form = FORMS[str(row.form)];
  if (form) s += " (" + form + ")";
  return s;
}

function dialogueItem(row: RegisterRow): string {
  const plan = str(row.plan) ? cleanSymbol(str(row.plan)) : "";
  const date = dateText(row.date);
  const title = stripEnd(str(row.title));
  let s: string;
  if (plan || date) {
    s = "Kế hoạch";
    if (plan) s += " số " + plan;
    if (date) s += " ngày " + date;
    s += " về tổ chức " + (title ? lowerFirst(title) : "hội nghị đối thoại");
  } else {
    s = title ? upperFirst(title) : "Hội nghị đối thoại";
  }
  const chair = CHAIRS[str(row.chair)];
  if (chair) s += " (chủ trì: " + chair + ")";
  const held = readBool(row.held);
  if (held === true) s += ": đã tổ chức";
  else if (held === false) s += ": chưa tổ chức";
  return s;
}

function listBlock(items: string[]): Block {
  return {
    type: "list",
    marker: "- ",
    items: items.map((t, i): Run[] => [{ text: t + (i === items.length - 1 ? "." : ";") }]),
  };
}

export interface ListOptions {
  /** Documents under "a) Cấp ủy" / "b) Chính quyền" (default false). */
  groupDocuments?: boolean;
  /** How a row reads (the template's `lists`); "fields" when absent. */
  style?: ReportListDef["style"];
  /** The register, for the "fields" style: its columns in order. */
  register?: RegisterDef;
}

/**
 * A row of a register the template gives no style for: its text columns, then the others
 * in brackets ("Kế hoạch thực hiện … (số 12-KH/ĐU, ngày 02/3/2026, cấp ủy)").
 */
function fieldsItem(row: RegisterRow, reg: RegisterDef | undefined): string {
  const fields = reg ? reg.fields : Object.keys(row).map((id) => ({ id, type: "text" as const, options: undefined }));
  const main: string[] = [];
  const details: string[] = [];
  for (const f of fields) {
    const v = row[f.id];
    if (f.type === "date") {
      const d = dateText(v);
      if (d) details.push("ngày " + d);
    } else if (f.type === "boolean") {
      const b = readBool(v);
      if (b !== undefined) details.push(lowerFirst(reg?.fields.find((x) => x.id === f.id)?.label.vi ?? f.id) + ": " + (b ? BOOLEAN_LABELS.true.vi : BOOLEAN_LABELS.false.vi).toLowerCase());
    } else if (f.type === "enum") {
      const o = f.options?.find((x) => x.value === str(v));
      const s = o ? o.label.vi : str(v);
      if (s) details.push(lowerFirst(s));
    } else if (f.type === "symbol") {
      if (str(v)) details.push("số " + cleanSymbol(str(v)));
    } else if (stripEnd(str(v))) main.push(stripEnd(str(v)));
  }
  if (!main.length) return upperFirst(details.join(", "));
  return upperFirst(main.join(", ")) + (details.length ? " (" + details.join(", ") + ")" : "");
}

/** The list of a register as blocks; [] for an empty register. */
export function registerList(id: string, rows: RegisterRow[] | undefined, opts: ListOptions = {}): Block[] {
  const rs = (rows ?? []).filter((r) => r && Object.values(r).some((v) => str(v) !== ""));
  if (!rs.length) return [];
  const style = opts.style ?? "fields";
  if (style === "document") {
    if (!opts.groupDocuments) return [listBlock(rs.map(documentItem))];
    const issuer = (r: RegisterRow) => str(r.issuer) || issuerFromSymbol(str(r.symbol)) || "";
    const groups: [string, RegisterRow[]][] = [
      ["Cấp ủy:", rs.filter((r) => issuer(r) === "cap_uy")],
      ["Chính quyền:", rs.filter((r) => issuer(r) === "chinh_quyen")],
      ["Văn bản khác:", rs.filter((r) => issuer(r) !== "cap_uy" && issuer(r) !== "chinh_quyen")],
    ];
    const out: Block[] = [];
    let letter = 0;
    for (const [label, g] of groups) {
      if (!g.length) continue;
      out.push({ type: "paragraph", runs: [{ text: String.fromCharCode(97 + letter++) + ") " + label, italic: true }], keepNext: true });
      out.push(listBlock(g.map(documentItem)));
    }
    return out;
  }
  if (style === "inspection") {
    // One item per decision, its units together.
    const order: string[] = [];
    const byDecision = new Map<string, { date: string; units: string[] }>();
    rs.forEach((r, i) => {
      const d = str(r.decision) ? cleanSymbol(str(r.decision)) : "";
      const key = d || "#" + i;
      if (!byDecision.has(key)) {
        order.push(key);
        byDecision.set(key, { date: dateText(r.date), units: [] });
      }
      const u = stripEnd(str(r.unit));
      const e = byDecision.get(key)!;
      if (u && !e.units.includes(u)) e.units.push(u);
    });
    return [listBlock(order.map((k) => inspectionItem(k.startsWith("#") ? "" : k, byDecision.get(k)!.date, byDecision.get(k)!.units)))];
  }
  if (style === "conference") return [listBlock(rs.map(conferenceItem))];
  if (style === "dialogue") return [listBlock(rs.map(dialogueItem))];
  return [listBlock(rs.map((r) => fieldsItem(r, opts.register)).filter((x) => x))];
}

/** Placeholder names of the register lists of the built-in templates → register id. */
export const LIST_PLACEHOLDERS: Record<string, string> = Object.assign(
  {},
  ...Object.values(byTemplate("lists")).map((ls) => Object.fromEntries(ls.map((l) => [l.placeholder, l.register]))),
);
