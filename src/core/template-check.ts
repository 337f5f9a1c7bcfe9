/**
 * The check of a template (docs/spec/template.md): every mistake a template author can make
 * that would otherwise surface later as a wrong check, a blank sentence or a crash, as
 * findings with a JSON path into the template ("indicators[3].code"). The registry refuses
 * a template with errors; `phuluc template check` shows these findings at the designer's cells.
 * Accepts any JSON value (a file as read): never throws.
 */
import type { Finding, Lang, Severity, Text } from "./types";
import { TEMPLATE_FORMAT } from "./types";
import { parseExpression } from "./expr";
import { tr } from "./i18n";
import { ruleKinds } from "./rules/registry";

/** Kinds of indicator the product reads. */
export const INDICATOR_KINDS = ["count", "money", "percent", "yesno"];
export const FIELD_TYPES = ["text", "symbol", "date", "enum", "boolean"];
export const AGGREGATIONS = ["sum", "ratio", "count-yes", "none"];
const SEVERITIES = ["error", "warning", "info"];
const OPS = [">", ">=", "=", "<", "<=", "!="];
/** An indicator code, register id or field id: an ASCII identifier. */
export const CODE_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Placeholders of a text that are not indicator codes. */
const SPECIAL = new Set(["level", "agency", "year", "prevYear", "nam"]);

const M: Record<string, Text> = {
  "template.not-object": { vi: "Mẫu phải là một đối tượng JSON ({...}).", en: "A template must be a JSON object ({...})." },
  "template.format": {
    vi: "Thiếu hoặc sai \"format\": cần \"{expected}\" (đang là \"{value}\").",
    en: "\"format\" is missing or wrong: \"{expected}\" expected (it is \"{value}\").",
  },
  "template.version": {
    vi: "Thiếu \"version\" của mẫu (số nguyên từ 1, tăng mỗi lần sửa mẫu).",
    en: "The template's \"version\" is missing (a whole number from 1, raised at each change).",
  },
  "template.missing": { vi: "Thiếu \"{field}\".", en: "\"{field}\" is missing." },
  "template.not-list": { vi: "\"{field}\" phải là một danh sách.", en: "\"{field}\" must be a list." },
  "template.id": { vi: "Mã mẫu \"{value}\" không hợp lệ (chữ thường, số, dấu - hoặc _).", en: "Template id \"{value}\" is not valid (lower-case letters, digits, - or _)." },
  "template.text": { vi: "\"{field}\" cần chữ tiếng Việt (vi).", en: "\"{field}\" needs its Vietnamese text (vi)." },
  "template.duplicate-level": { vi: "Cấp \"{value}\" khai báo hai lần.", en: "Level \"{value}\" is declared twice." },
  "template.duplicate-group": { vi: "Nhóm {value} khai báo hai lần.", en: "Group {value} is declared twice." },
  "template.group-id": { vi: "Số nhóm \"{value}\" không hợp lệ (số nguyên từ 1).", en: "Group number \"{value}\" is not valid (a whole number from 1)." },
  "template.unknown-level": { vi: "Nhóm {group} áp dụng cho cấp \"{value}\" nhưng mẫu không có cấp này (có: {known}).", en: "Group {group} applies at level \"{value}\", which the template does not have (it has: {known})." },
  "template.invalid-code": {
    vi: "Mã chỉ tiêu \"{value}\" không hợp lệ: chỉ dùng chữ không dấu, số và dấu _, bắt đầu bằng chữ (vd. so_van_ban).",
    en: "Indicator code \"{value}\" is not valid: ASCII letters, digits and _ only, starting with a letter (e.g. so_van_ban).",
  },
  "template.duplicate-code": { vi: "Mã chỉ tiêu \"{value}\" trùng (đã có ở dòng chỉ tiêu thứ {first}).", en: "Indicator code \"{value}\" is a duplicate (first at indicator {first})." },
  "template.unknown-group": { vi: "Chỉ tiêu \"{code}\" thuộc nhóm {value} nhưng mẫu không có nhóm này.", en: "Indicator \"{code}\" is in group {value}, which the template does not have." },
  "template.unknown-kind": {
    vi: "Chỉ tiêu \"{code}\": loại \"{value}\" không có (dùng: {known}).",
    en: "Indicator \"{code}\": kind \"{value}\" does not exist (use: {known}).",
  },
  "template.unknown-parent": { vi: "Chỉ tiêu \"{code}\" là phần của \"{value}\" nhưng mẫu không có chỉ tiêu này.", en: "Indicator \"{code}\" is part of \"{value}\", which the template does not have." },
  "template.cycle": { vi: "Chỉ tiêu \"{code}\" là phần của chính nó qua vòng: {cycle}.", en: "Indicator \"{code}\" is part of itself through: {cycle}." },
  "template.decimals": { vi: "Chỉ tiêu \"{code}\": số chữ số thập phân \"{value}\" phải là số nguyên từ 0 đến 4.", en: "Indicator \"{code}\": decimals \"{value}\" must be a whole number from 0 to 4." },
  "template.aggregation": { vi: "Chỉ tiêu \"{code}\": cách tổng hợp \"{value}\" không có (dùng: {known}).", en: "Indicator \"{code}\": aggregation \"{value}\" does not exist (use: {known})." },
  "template.yoy": { vi: "Ngưỡng so với năm trước \"{field}\" phải là số không âm.", en: "Year-on-year threshold \"{field}\" must be a number ≥ 0." },
  "template.invalid-register": { vi: "Mã sổ \"{value}\" không hợp lệ (chữ không dấu, số, dấu _).", en: "Register id \"{value}\" is not valid (ASCII letters, digits, _)." },
  "template.duplicate-register": { vi: "Sổ \"{value}\" khai báo hai lần.", en: "Register \"{value}\" is declared twice." },
  "template.invalid-field": { vi: "Sổ \"{register}\": mã cột \"{value}\" không hợp lệ.", en: "Register \"{register}\": column id \"{value}\" is not valid." },
  "template.duplicate-field": { vi: "Sổ \"{register}\": cột \"{value}\" khai báo hai lần.", en: "Register \"{register}\": column \"{value}\" is declared twice." },
  "template.field-type": { vi: "Sổ \"{register}\", cột \"{field}\": kiểu \"{value}\" không có (dùng: {known}).", en: "Register \"{register}\", column \"{field}\": type \"{value}\" does not exist (use: {known})." },
  "template.options": { vi: "Sổ \"{register}\", cột \"{field}\": cột chọn trong danh sách cần các lựa chọn (options).", en: "Register \"{register}\", column \"{field}\": a list column needs its options." },
  "template.rule-id": { vi: "Quy tắc thiếu mã hoặc mã \"{value}\" không hợp lệ.", en: "A rule has no id, or its id \"{value}\" is not valid." },
  "template.duplicate-rule": { vi: "Mã quy tắc \"{value}\" trùng.", en: "Rule id \"{value}\" is a duplicate." },
  "template.unknown-rule-kind": { vi: "Quy tắc \"{rule}\": loại \"{value}\" không có (dùng: {known}).", en: "Rule \"{rule}\": kind \"{value}\" does not exist (use: {known})." },
  "template.severity": { vi: "Quy tắc \"{rule}\": mức độ \"{value}\" không có (error, warning hoặc info).", en: "Rule \"{rule}\": severity \"{value}\" does not exist (error, warning or info)." },
  "template.unknown-code": { vi: "Quy tắc \"{rule}\" nhắc chỉ tiêu \"{value}\" nhưng mẫu không có chỉ tiêu này.", en: "Rule \"{rule}\" names indicator \"{value}\", which the template does not have." },
  "template.rule-field": { vi: "Quy tắc \"{rule}\" thiếu \"{field}\".", en: "Rule \"{rule}\" lacks \"{field}\"." },
  "template.ratio-numerator": { vi: "Quy tắc tỷ lệ \"{rule}\" thiếu tử số (numerator).", en: "Ratio rule \"{rule}\" has no numerator." },
  "template.ratio-denominator": { vi: "Quy tắc tỷ lệ \"{rule}\" thiếu mẫu số (denominator).", en: "Ratio rule \"{rule}\" has no denominator." },
  "template.ratio-kind": { vi: "Quy tắc tỷ lệ \"{rule}\": chỉ tiêu tỷ lệ \"{value}\" phải có loại percent.", en: "Ratio rule \"{rule}\": the ratio \"{value}\" must be of kind percent." },
  "template.unknown-register": { vi: "Quy tắc \"{rule}\" đếm sổ \"{value}\" nhưng mẫu không có sổ này.", en: "Rule \"{rule}\" counts register \"{value}\", which the template does not have." },
  "template.unknown-column": { vi: "Quy tắc \"{rule}\" dùng cột \"{value}\" mà sổ \"{register}\" không có.", en: "Rule \"{rule}\" uses column \"{value}\", which register \"{register}\" does not have." },
  "template.unknown-option": { vi: "Quy tắc \"{rule}\": cột \"{field}\" của sổ \"{register}\" không có lựa chọn \"{value}\".", en: "Rule \"{rule}\": column \"{field}\" of register \"{register}\" has no option \"{value}\"." },
  "template.expression": { vi: "Quy tắc \"{rule}\": biểu thức không đọc được: {error}.", en: "Rule \"{rule}\": the expression cannot be read: {error}." },
  "template.period": { vi: "Quy tắc \"{rule}\": khoảng năm {from}–{to} không hợp lệ.", en: "Rule \"{rule}\": the years {from}–{to} are not valid." },
  "template.placeholder": { vi: "\"{field}\" nhắc chỉ tiêu {{value}} nhưng mẫu không có chỉ tiêu này.", en: "\"{field}\" names indicator {{value}}, which the template does not have." },
  "template.fragment": { vi: "\"{field}\" dùng đoạn @{value} nhưng không có đoạn này trong fragments.", en: "\"{field}\" uses fragment @{value}, which fragments does not have." },
  "template.appendix-group": { vi: "Phụ lục: nhóm \"{value}\" không có trong mẫu.", en: "Appendix: group \"{value}\" is not in the template." },
  "template.pattern": { vi: "Câu nhận diện trong dự thảo \"{field}\" không đọc được: {error}.", en: "Draft phrase \"{field}\" cannot be read: {error}." },
  "template.table-name": { vi: "Tên bảng Excel \"{value}\" không hợp lệ (chữ không dấu, số, dấu _; bắt đầu bằng chữ).", en: "Excel table name \"{value}\" is not valid (ASCII letters, digits, _; starting with a letter)." },
  "template.message-rule": { vi: "Lời nhắn riêng cho quy tắc \"{value}\" nhưng mẫu không có quy tắc này.", en: "Own messages for rule \"{value}\", which the template does not have." },
  "template.list-placeholder": { vi: "Chỗ giữ chỗ của danh sách \"{value}\" không hợp lệ (chữ không dấu, số, dấu _).", en: "List placeholder \"{value}\" is not valid (ASCII letters, digits, _)." },
  "template.list": { vi: "Danh sách trong báo cáo nhắc sổ \"{value}\" nhưng mẫu không có sổ này.", en: "A report list names register \"{value}\", which the template does not have." },
};

function msg(lang: Lang, key: string, params: Record<string, string | number>): string {
  const m = M[key];
  let s = m ? m[lang] : key;
  // "{{value}}" prints the value in braces.
  s = s.replace(/\{\{(\w+)\}\}/g, (_x, k: string) => "{" + String(params[k] ?? "") + "}");
  return s.replace(/\{(\w+)\}/g, (x, k: string) => (k in params ? String(params[k]) : x));
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === "object" && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === "string" ? x : x === undefined || x === null ? "" : JSON.stringify(x));

export interface TemplateCheckOptions {
  lang?: Lang;
}

/** Every mistake of a template, errors first; [] for a sound template. */
export function checkTemplate(def: unknown, opts: TemplateCheckOptions = {}): Finding[] {
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  const out: Finding[] = [];
  const add = (key: string, path: string, params: Record<string, string | number> = {}, indicators: string[] = [], severity: Severity = "error") =>
    out.push({ rule: key, severity, message: msg(lang, key, params), indicators, path });

  if (!isObj(def)) {
    add("template.not-object", "");
    return out;
  }
  const t = def;
  if (t.format !== TEMPLATE_FORMAT) add("template.format", "format", { expected: TEMPLATE_FORMAT, value: str(t.format) });
  if (!(typeof t.version === "number" && Number.isInteger(t.version) && t.version >= 1)) add("template.version", "version");
  if (typeof t.id !== "string" || !t.id) add("template.missing", "id", { field: "id" });
  else if (!/^[a-z0-9][a-z0-9_-]*$/.test(t.id)) add("template.id", "id", { value: t.id });
  const text = (x: unknown, path: string) => {
    if (!isObj(x) || typeof x.vi !== "string" || !x.vi.trim()) add("template.text", path, { field: path });
  };
  text(t.title, "title");
  const list = (field: string, required = true): unknown[] => {
    const v = t[field];
    if (v === undefined && !required) return [];
    if (v === undefined) {
      add("template.missing", field, { field });
      return [];
    }
    if (!Array.isArray(v)) {
      add("template.not-list", field, { field });
      return [];
    }
    return v;
  };

  // Levels.
  const levels = new Set<string>();
  list("levels").forEach((l, i) => {
    const p = `levels[${i}]`;
    if (!isObj(l) || typeof l.id !== "string" || !l.id) return add("template.missing", p + ".id", { field: p + ".id" });
    if (levels.has(l.id)) add("template.duplicate-level", p + ".id", { value: l.id });
    levels.add(l.id);
    text(l.label, p + ".label");
  });

  // Groups.
  const groups = new Set<number>();
  const groupList = list("groups");
  groupList.forEach((g, i) => {
    const p = `groups[${i}]`;
    if (!isObj(g)) return add("template.missing", p, { field: p });
    if (!(typeof g.id === "number" && Number.isInteger(g.id) && g.id >= 1)) return add("template.group-id", p + ".id", { value: str(g.id) });
    if (groups.has(g.id)) add("template.duplicate-group", p + ".id", { value: g.id });
    groups.add(g.id);
    text(g.heading, p + ".heading");
    if (g.levels !== undefined) {
      if (!Array.isArray(g.levels)) add("template.not-list", p + ".levels", { field: p + ".levels" });
      else
        g.levels.forEach((lv, j) => {
          if (!levels.has(str(lv))) add("template.unknown-level", `${p}.levels[${j}]`, { group: g.id as number, value: str(lv), known: Array.from(levels).join(", ") });
        });
    }
  });

  // Indicators.
  const codes = new Map<string, number>();
  const kinds = new Map<string, string>();
  const indicators = list("indicators");
  indicators.forEach((d, i) => {
    const p = `indicators[${i}]`;
    if (!isObj(d)) return add("template.missing", p, { field: p });
    const code = typeof d.code === "string" ? d.code : "";
    if (!CODE_RE.test(code)) add("template.invalid-code", p + ".code", { value: str(d.code) });
    else if (codes.has(code)) add("template.duplicate-code", p + ".code", { value: code, first: (codes.get(code) as number) + 1 }, [code]);
    else codes.set(code, i);
    kinds.set(code, str(d.kind));
  });
  indicators.forEach((d, i) => {
    if (!isObj(d)) return;
    const p = `indicators[${i}]`;
    const code = str(d.code);
    if (!groups.has(d.group as number)) add("template.unknown-group", p + ".group", { code, value: str(d.group) }, [code]);
    text(d.label, p + ".label");
    if (!isObj(d.unit) || typeof d.unit.vi !== "string") add("template.text", p + ".unit", { field: p + ".unit" });
    if (!INDICATOR_KINDS.includes(str(d.kind))) add("template.unknown-kind", p + ".kind", { code, value: str(d.kind), known: INDICATOR_KINDS.join(", ") }, [code]);
    if (d.partOf !== undefined && !codes.has(str(d.partOf))) add("template.unknown-parent", p + ".partOf", { code, value: str(d.partOf) }, [code]);
    if (d.short !== undefined) text(d.short, p + ".short");
    if (d.decimals !== undefined && !(Number.isInteger(d.decimals) && (d.decimals as number) >= 0 && (d.decimals as number) <= 4))
      add("template.decimals", p + ".decimals", { code, value: str(d.decimals) }, [code]);
    if (d.aggregation !== undefined && !AGGREGATIONS.includes(str(d.aggregation)))
      add("template.aggregation", p + ".aggregation", { code, value: str(d.aggregation), known: AGGREGATIONS.join(", ") }, [code]);
    if (d.yoy !== undefined) yoy(d.yoy, p + ".yoy");
  });
  // Part-of cycles: reported once, at the first indicator of the cycle in template order.
  const parent = new Map<string, string>();
  indicators.forEach((d) => {
    if (isObj(d) && typeof d.code === "string" && typeof d.partOf === "string") parent.set(d.code, d.partOf);
  });
  const inCycle = new Set<string>();
  indicators.forEach((d, i) => {
    if (!isObj(d) || typeof d.code !== "string" || inCycle.has(d.code)) return;
    const seen: string[] = [d.code];
    let c = parent.get(d.code);
    while (c !== undefined && !seen.includes(c)) {
      seen.push(c);
      c = parent.get(c);
    }
    if (c === d.code) {
      seen.forEach((x) => inCycle.add(x));
      add("template.cycle", `indicators[${i}].partOf`, { code: d.code, cycle: [...seen, d.code].join(" → ") }, seen);
    }
  });
  function yoy(y: unknown, p: string) {
    if (!isObj(y)) return add("template.yoy", p, { field: p });
    for (const k of ["relative", "absolute"])
      if (y[k] !== undefined && !(typeof y[k] === "number" && (y[k] as number) >= 0)) add("template.yoy", p + "." + k, { field: p + "." + k });
  }
  if (t.yoy !== undefined) yoy(t.yoy, "yoy");

  // Registers.
  const registers = new Map<string, Map<string, Obj>>();
  list("registers").forEach((r, i) => {
    const p = `registers[${i}]`;
    if (!isObj(r)) return add("template.missing", p, { field: p });
    const id = str(r.id);
    if (!CODE_RE.test(id)) add("template.invalid-register", p + ".id", { value: id });
    else if (registers.has(id)) add("template.duplicate-register", p + ".id", { value: id });
    const fields = new Map<string, Obj>();
    if (!registers.has(id)) registers.set(id, fields);
    text(r.label, p + ".label");
    text(r.rowNoun, p + ".rowNoun");
    const rfields = r.fields;
    if (!Array.isArray(rfields)) return add("template.not-list", p + ".fields", { field: p + ".fields" });
    rfields.forEach((f, j) => {
      const fp = `${p}.fields[${j}]`;
      if (!isObj(f)) return add("template.missing", fp, { field: fp });
      const fid = str(f.id);
      if (!CODE_RE.test(fid)) add("template.invalid-field", fp + ".id", { register: id, value: fid });
      else if (fields.has(fid)) add("template.duplicate-field", fp + ".id", { register: id, value: fid });
      else fields.set(fid, f);
      text(f.label, fp + ".label");
      if (!FIELD_TYPES.includes(str(f.type))) add("template.field-type", fp + ".type", { register: id, field: fid, value: str(f.type), known: FIELD_TYPES.join(", ") });
      if (f.type === "enum" && !(Array.isArray(f.options) && f.options.length > 0)) add("template.options", fp + ".options", { register: id, field: fid });
      if (f.derivedFrom !== undefined && !rfields.some((x: unknown) => isObj(x) && x.id === f.derivedFrom))
        add("template.unknown-column", fp + ".derivedFrom", { rule: id, value: str(f.derivedFrom), register: id });
    });
  });

  // Rules.
  const known = [...new Set([...ruleKinds(), "expression"])];
  const ruleIds = new Set<string>();
  list("rules").forEach((r, i) => {
    const p = `rules[${i}]`;
    if (!isObj(r)) return add("template.missing", p, { field: p });
    const id = str(r.id);
    if (!/^[A-Za-z0-9_.\-]+$/.test(id)) add("template.rule-id", p + ".id", { value: id });
    else if (ruleIds.has(id)) add("template.duplicate-rule", p + ".id", { value: id });
    ruleIds.add(id);
    if (!SEVERITIES.includes(str(r.severity))) add("template.severity", p + ".severity", { rule: id, value: str(r.severity) });
    const code = (v: unknown, path: string) => {
      if (typeof v !== "string" || !v) return add("template.rule-field", path, { rule: id, field: path.slice(p.length + 1) });
      if (!codes.has(v)) add("template.unknown-code", path, { rule: id, value: v }, [v]);
    };
    const codeList = (v: unknown, path: string, missingKey = "template.rule-field") => {
      if (!Array.isArray(v) || v.length === 0) return add(missingKey, path, { rule: id, field: path.slice(p.length + 1) });
      v.forEach((c, j) => code(c, `${path}[${j}]`));
    };
    switch (r.kind) {
      case "sum":
        code(r.total, p + ".total");
        codeList(r.parts, p + ".parts");
        break;
      case "le":
        codeList(r.left, p + ".left");
        code(r.right, p + ".right");
        break;
      case "ratio":
        code(r.ratio, p + ".ratio");
        if (typeof r.ratio === "string" && codes.has(r.ratio) && kinds.get(r.ratio) !== "percent")
          add("template.ratio-kind", p + ".ratio", { rule: id, value: r.ratio }, [r.ratio]);
        codeList(r.numerator, p + ".numerator", "template.ratio-numerator");
        if (r.denominator === undefined || r.denominator === "") add("template.ratio-denominator", p + ".denominator", { rule: id });
        else code(r.denominator, p + ".denominator");
        break;
      case "implies":
        if (!Array.isArray(r.clauses) || !r.clauses.length) add("template.rule-field", p + ".clauses", { rule: id, field: "clauses" });
        else
          r.clauses.forEach((c, j) => {
            for (const side of ["if", "then"]) {
              const cp = `${p}.clauses[${j}].${side}`;
              const cond = isObj(c) ? c[side] : undefined;
              if (!isObj(cond)) {
                add("template.rule-field", cp, { rule: id, field: `clauses[${j}].${side}` });
                continue;
              }
              code(cond.code, cp + ".code");
              if (!OPS.includes(str(cond.op)) || typeof cond.value !== "number") add("template.rule-field", cp, { rule: id, field: `clauses[${j}].${side}` });
            }
          });
        break;
      case "register-count": {
        const reg = str(r.register);
        const fields = registers.get(reg);
        if (!fields) add("template.unknown-register", p + ".register", { rule: id, value: reg });
        if (!Array.isArray(r.counts) || !r.counts.length) {
          add("template.rule-field", p + ".counts", { rule: id, field: "counts" });
          break;
        }
        r.counts.forEach((c, j) => {
          const cp = `${p}.counts[${j}]`;
          if (!isObj(c)) return add("template.rule-field", cp, { rule: id, field: `counts[${j}]` });
          code(c.indicator, cp + ".indicator");
          if (!fields) return;
          if (c.distinct !== undefined && !fields.has(str(c.distinct)))
            add("template.unknown-column", cp + ".distinct", { rule: id, value: str(c.distinct), register: reg });
          if (c.where !== undefined) {
            if (!isObj(c.where)) return add("template.rule-field", cp + ".where", { rule: id, field: `counts[${j}].where` });
            for (const [fid, values] of Object.entries(c.where)) {
              const f = fields.get(fid);
              if (!f) {
                add("template.unknown-column", `${cp}.where.${fid}`, { rule: id, value: fid, register: reg });
                continue;
              }
              const allowed =
                f.type === "boolean" ? ["true", "false"] : f.type === "enum" && Array.isArray(f.options) ? f.options.map((o) => str(isObj(o) ? o.value : o)) : undefined;
              if (!Array.isArray(values)) add("template.rule-field", `${cp}.where.${fid}`, { rule: id, field: `counts[${j}].where.${fid}` });
              else if (allowed)
                values.forEach((v, k) => {
                  if (!allowed.includes(str(v))) add("template.unknown-option", `${cp}.where.${fid}[${k}]`, { rule: id, field: fid, register: reg, value: str(v) });
                });
            }
          }
        });
        break;
      }
      case "period":
        codeList(r.indicators, p + ".indicators");
        if (!(Number.isInteger(r.fromYear) && Number.isInteger(r.toYear) && (r.fromYear as number) <= (r.toYear as number)))
          add("template.period", p, { rule: id, from: str(r.fromYear), to: str(r.toYear) });
        break;
      case "max":
        codeList(r.codes, p + ".codes");
        if (typeof r.max !== "number" || !isFinite(r.max)) add("template.rule-field", p + ".max", { rule: id, field: "max" });
        break;
      case "min-per":
        code(r.total, p + ".total");
        code(r.per, p + ".per");
        if (typeof r.min !== "number" || !isFinite(r.min)) add("template.rule-field", p + ".min", { rule: id, field: "min" });
        break;
      case "expression": {
        if (typeof r.expression !== "string" || !r.expression.trim()) {
          add("template.rule-field", p + ".expression", { rule: id, field: "expression" });
          break;
        }
        const parsed = parseExpression(
          r.expression,
          (c) => codes.has(c),
          (c) => (kinds.get(c) === "percent" ? "numberOrText" : "number"),
        );
        if (!parsed.ok) add("template.expression", p + ".expression", { rule: id, error: tr(lang, parsed.error.key, parsed.error.params) });
        if (r.message !== undefined) text(r.message, p + ".message");
        break;
      }
      default:
        add("template.unknown-rule-kind", p + ".kind", { rule: id, value: str(r.kind), known: known.join(", ") });
    }
  });

  // Texts that name indicators: group headings, sentences, appendix lines.
  const placeholders = (s: unknown, path: string) => {
    if (typeof s !== "string") return;
    for (const m of s.matchAll(/\{([^{}]+)\}/g)) {
      let name = m[1].trim();
      if (name.startsWith("@") || /^(join|list|comma):/.test(name)) {
        for (const part of name.replace(/^(join|list|comma):/, "").split(",")) {
          const x = part.trim();
          if (x.startsWith("@")) fragmentRef(x.slice(1), path);
          else placeholders("{" + x + "}", path);
        }
        continue;
      }
      name = name.replace(/^(cmp|plain|label|unit):/, "");
      if (SPECIAL.has(name)) continue;
      if (!codes.has(name)) add("template.placeholder", path, { field: path, value: name }, [name]);
    }
  };
  groupList.forEach((g, i) => {
    if (isObj(g) && isObj(g.heading)) {
      placeholders(g.heading.vi, `groups[${i}].heading.vi`);
      placeholders(g.heading.en, `groups[${i}].heading.en`);
    }
  });
  let fragmentNames = new Set<string>();
  const fragmentRef = (name: string, path: string) => {
    if (!fragmentNames.has(name)) add("template.fragment", path, { field: path, value: name });
  };
  const cases = (cs: unknown, path: string) => {
    if (!Array.isArray(cs)) return add("template.not-list", path, { field: path });
    cs.forEach((c, k) => {
      const cp = `${path}[${k}]`;
      if (!isObj(c)) return add("template.missing", cp, { field: cp });
      if (typeof c.text !== "string") add("template.missing", cp + ".text", { field: cp + ".text" });
      placeholders(c.text, cp + ".text");
      if (isObj(c.when)) for (const code of Object.keys(c.when)) if (!codes.has(code)) add("template.placeholder", `${cp}.when.${code}`, { field: cp + ".when", value: code }, [code]);
    });
  };
  if (isObj(t.sentences)) {
    const s = t.sentences;
    const frags = isObj(s.fragments) ? s.fragments : {};
    fragmentNames = new Set(Object.keys(frags));
    for (const [name, cs] of Object.entries(frags)) cases(cs, `sentences.fragments.${name}`);
    if (Array.isArray(s.paragraphs))
      s.paragraphs.forEach((para, i) => {
        const pp = `sentences.paragraphs[${i}]`;
        if (!isObj(para) || !Array.isArray(para.sentences)) return add("template.not-list", pp + ".sentences", { field: pp + ".sentences" });
        para.sentences.forEach((se, j) => {
          if (isObj(se)) cases(se.cases, `${pp}.sentences[${j}].cases`);
        });
      });
    else add("template.not-list", "sentences.paragraphs", { field: "sentences.paragraphs" });
  } else if (t.sentences !== undefined) add("template.missing", "sentences", { field: "sentences" });

  if (isObj(t.appendix)) {
    for (const [gid, lines] of Object.entries(t.appendix)) {
      const ap = `appendix.${gid}`;
      if (!groups.has(Number(gid))) add("template.appendix-group", ap, { value: gid });
      if (!Array.isArray(lines)) {
        add("template.not-list", ap, { field: ap });
        continue;
      }
      lines.forEach((l, i) => placeholders(isObj(l) ? l.text : undefined, `${ap}[${i}].text`));
    }
  }

  if (isObj(t.draftPhrases)) {
    const dp = t.draftPhrases;
    const re = (v: unknown, path: string) => {
      if (v === undefined) return;
      try {
        new RegExp(str(v), "iu");
      } catch (e) {
        add("template.pattern", path, { field: path, error: e instanceof Error ? e.message : String(e) });
      }
    };
    if (Array.isArray(dp.figures))
      dp.figures.forEach((f, i) => {
        const fp = `draftPhrases.figures[${i}]`;
        if (!isObj(f)) return;
        const named = [f.code, ...(Array.isArray(f.fraction) ? f.fraction : [])];
        named.forEach((c) => {
          if (!codes.has(str(c))) add("template.placeholder", fp + ".code", { field: fp, value: str(c) }, [str(c)]);
        });
        for (const k of ["lead", "after", "clause", "sentence", "notLead", "notAfter", "notClause", "notSentence"]) re(f[k], `${fp}.${k}`);
      });
    if (Array.isArray(dp.negations))
      dp.negations.forEach((n, i) => {
        const np = `draftPhrases.negations[${i}]`;
        if (!isObj(n)) return;
        (Array.isArray(n.codes) ? n.codes : []).forEach((c) => {
          if (!codes.has(str(c))) add("template.placeholder", np + ".codes", { field: np, value: str(c) }, [str(c)]);
        });
        re(n.pattern, np + ".pattern");
        if (isObj(n.positive)) placeholders(n.positive.vi, np + ".positive.vi");
      });
    if (isObj(dp.otherThings))
      for (const k of ["after", "before", "clause"]) {
        const list = dp.otherThings[k];
        if (list === undefined) continue;
        if (!Array.isArray(list)) add("template.not-list", `draftPhrases.otherThings.${k}`, { field: `draftPhrases.otherThings.${k}` });
        else list.forEach((src, i) => re(src, `draftPhrases.otherThings.${k}[${i}]`));
      }
  }

  if (isObj(t.workbook) && isObj(t.workbook.tables)) {
    for (const [reg, name] of Object.entries(t.workbook.tables)) {
      if (!registers.has(reg)) add("template.list", `workbook.tables.${reg}`, { value: reg });
      if (!/^[A-Za-z_][A-Za-z0-9_]{0,250}$/.test(str(name))) add("template.table-name", `workbook.tables.${reg}`, { value: str(name) });
    }
  }
  if (isObj(t.messages)) {
    for (const [rule, byKey] of Object.entries(t.messages)) {
      const mp = `messages.${rule}`;
      if (!ruleIds.has(rule)) add("template.message-rule", mp, { value: rule });
      if (!isObj(byKey)) continue;
      for (const [key, m] of Object.entries(byKey)) text(m, `${mp}.${key}`);
    }
  }
  if (Array.isArray(t.lists))
    t.lists.forEach((l, i) => {
      if (!isObj(l)) return;
      if (!registers.has(str(l.register))) add("template.list", `lists[${i}].register`, { value: str(l.register) });
      if (!CODE_RE.test(str(l.placeholder))) add("template.list-placeholder", `lists[${i}].placeholder`, { value: str(l.placeholder) });
    });

  const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
