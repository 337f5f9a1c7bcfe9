/**
 * A template's mistakes, as findings with a JSON path ("indicators[3].code"): what the
 * designer (`phuluc template check`, the pane's "Mẫu" view) points at. Pure.
 *
 * This is the interim validator of the designer branch; the registry's validator (branch
 * `templates`) replaces it when it lands, keeping the Finding shape (rule, path, message).
 */
import type { Finding, Lang, TemplateDef } from "../types";
import { parseExpression } from "../expr";
import { tr } from "../i18n";

/** The indicator kinds the product knows. */
export const INDICATOR_KINDS = ["count", "money", "percent"];
export const FIELD_TYPES = ["text", "symbol", "date", "enum", "boolean"];
export const RULE_KINDS = ["sum", "le", "ratio", "implies", "register-count", "period", "expression"];
export const SEVERITIES = ["error", "warning", "info"];
export const AGGREGATIONS = ["sum", "ratio", "count-yes", "none"];
export const CONDITION_OPS = [">", ">=", "=", "<", "<=", "!="];

const CODE = /^[a-z][a-z0-9_]*$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.\-]*$/;

type Msg = { vi: string; en: string };

const M = {
  notObject: { vi: "Mẫu báo cáo phải là một đối tượng JSON { … }.", en: "A template must be a JSON object { … }." },
  badId: { vi: 'Mã mẫu "{v}" không hợp lệ: chỉ dùng chữ không dấu, số, dấu gạch ngang (vd. dccs-tinh-2026).', en: 'Template id "{v}" is invalid: use letters, digits and dashes (e.g. dccs-tinh-2026).' },
  noTitle: { vi: "Mẫu chưa có tên (tiêu đề tiếng Việt).", en: "The template has no title (Vietnamese)." },
  badVersion: { vi: 'Phiên bản mẫu "{v}" phải là một số nguyên dương (1, 2, …).', en: 'Template version "{v}" must be a whole number from 1.' },
  noLevels: { vi: "Mẫu chưa có cấp báo cáo nào (vd. tinh, xa).", en: "The template has no reporting level (e.g. tinh, xa)." },
  dupLevel: { vi: 'Cấp báo cáo "{v}" được khai hai lần.', en: 'Level "{v}" is given twice.' },
  noIndicators: { vi: "Mẫu chưa có chỉ tiêu nào.", en: "The template has no indicator." },
  emptyCode: { vi: "Chỉ tiêu ở dòng này chưa có mã.", en: "This indicator has no code." },
  badCode: { vi: 'Mã chỉ tiêu "{v}" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (vd. vb_tong).', en: 'Indicator code "{v}" is invalid: use lower-case letters without accents, digits and underscores, starting with a letter (e.g. vb_tong).' },
  dupCode: { vi: 'Mã chỉ tiêu "{v}" trùng với chỉ tiêu ở {first}.', en: 'Indicator code "{v}" repeats the one at {first}.' },
  noLabel: { vi: 'Chỉ tiêu "{v}" chưa có tên.', en: 'Indicator "{v}" has no label.' },
  badKind: { vi: 'Loại "{v}" của chỉ tiêu "{code}" không có; các loại có: {list}.', en: 'Kind "{v}" of indicator "{code}" does not exist; kinds: {list}.' },
  badGroup: { vi: 'Chỉ tiêu "{code}" thuộc nhóm {v}, nhóm này không có trong mẫu.', en: 'Indicator "{code}" is in group {v}, which the template does not have.' },
  unknownParent: { vi: 'Chỉ tiêu "{code}" là phần của "{v}", mã này không có trong mẫu.', en: 'Indicator "{code}" is a part of "{v}", which the template does not have.' },
  cycle: { vi: 'Vòng lặp "thuộc tổng": {v}.', en: 'Part-of cycle: {v}.' },
  badAggregation: { vi: 'Cách tổng hợp "{v}" của chỉ tiêu "{code}" không có; các cách: {list}.', en: 'Aggregation "{v}" of indicator "{code}" does not exist; choices: {list}.' },
  dupGroup: { vi: "Nhóm {v} được khai hai lần.", en: "Group {v} is given twice." },
  headingCode: { vi: 'Câu văn của nhóm {group} nhắc "{{v}}", mã này không có trong mẫu.', en: 'The sentence of group {group} names "{{v}}", which the template does not have.' },
  groupLevel: { vi: 'Nhóm {group} áp dụng cho cấp "{v}", cấp này không có trong mẫu.', en: 'Group {group} applies to level "{v}", which the template does not have.' },
  dupRegister: { vi: 'Sổ "{v}" được khai hai lần.', en: 'Register "{v}" is given twice.' },
  badRegisterId: { vi: 'Mã sổ "{v}" không hợp lệ (chữ thường không dấu, số, gạch dưới).', en: 'Register id "{v}" is invalid (lower-case letters, digits, underscores).' },
  noFields: { vi: 'Sổ "{v}" chưa có cột nào.', en: 'Register "{v}" has no column.' },
  dupField: { vi: 'Sổ "{register}" có hai cột mã "{v}".', en: 'Register "{register}" has two columns "{v}".' },
  badFieldId: { vi: 'Mã cột "{v}" của sổ "{register}" không hợp lệ (chữ thường không dấu, số, gạch dưới).', en: 'Column id "{v}" of register "{register}" is invalid.' },
  badFieldType: { vi: 'Kiểu "{v}" của cột "{field}" (sổ "{register}") không có; các kiểu: {list}.', en: 'Type "{v}" of column "{field}" (register "{register}") does not exist; types: {list}.' },
  noOptions: { vi: 'Cột "{field}" (sổ "{register}") kiểu danh sách nhưng chưa có lựa chọn nào.', en: 'Column "{field}" (register "{register}") is a list with no choices.' },
  derivedFrom: { vi: 'Cột "{field}" (sổ "{register}") lấy từ cột "{v}", sổ không có cột này.', en: 'Column "{field}" (register "{register}") derives from "{v}", which the register lacks.' },
  emptyRuleId: { vi: "Quy tắc ở dòng này chưa có mã.", en: "This rule has no id." },
  badRuleId: { vi: 'Mã quy tắc "{v}" không hợp lệ (chữ không dấu, số, dấu chấm, gạch).', en: 'Rule id "{v}" is invalid (letters, digits, dots, dashes).' },
  dupRule: { vi: 'Mã quy tắc "{v}" trùng với quy tắc ở {first}.', en: 'Rule id "{v}" repeats the one at {first}.' },
  badRuleKind: { vi: 'Loại quy tắc "{v}" không có; các loại: {list}.', en: 'Rule kind "{v}" does not exist; kinds: {list}.' },
  badSeverity: { vi: 'Mức độ "{v}" của quy tắc "{rule}" không có; dùng error, warning hoặc info.', en: 'Severity "{v}" of rule "{rule}" does not exist; use error, warning or info.' },
  unknownCode: { vi: 'Quy tắc "{rule}" nhắc chỉ tiêu "{v}", mã này không có trong mẫu.', en: 'Rule "{rule}" names indicator "{v}", which the template does not have.' },
  missingCode: { vi: 'Quy tắc "{rule}" ({kind}) thiếu {what}.', en: 'Rule "{rule}" ({kind}) lacks {what}.' },
  ratioNotPercent: { vi: 'Quy tắc tỷ lệ "{rule}": chỉ tiêu "{v}" phải có loại percent.', en: 'Ratio rule "{rule}": indicator "{v}" must be of kind percent.' },
  badOp: { vi: 'Quy tắc "{rule}": phép so sánh "{v}" không có; dùng >, >=, =, <, <= hoặc !=.', en: 'Rule "{rule}": comparison "{v}" does not exist; use >, >=, =, <, <= or !=.' },
  badNumber: { vi: 'Quy tắc "{rule}": "{v}" không phải một số.', en: 'Rule "{rule}": "{v}" is not a number.' },
  unknownRegister: { vi: 'Quy tắc "{rule}" đếm sổ "{v}", sổ này không có trong mẫu.', en: 'Rule "{rule}" counts register "{v}", which the template does not have.' },
  missingColumn: { vi: 'Quy tắc "{rule}" cần cột "{v}" của sổ "{register}", sổ không có cột này.', en: 'Rule "{rule}" needs column "{v}" of register "{register}", which the register lacks.' },
  badOption: { vi: 'Quy tắc "{rule}" lọc cột "{field}" theo "{v}", cột này không có lựa chọn đó (có: {list}).', en: 'Rule "{rule}" filters column "{field}" on "{v}", which is not one of its choices ({list}).' },
  badYears: { vi: 'Quy tắc "{rule}": từ năm {from} đến năm {to} không hợp lệ.', en: 'Rule "{rule}": from {from} to {to} is not a valid period.' },
  badExpression: { vi: 'Biểu thức của quy tắc "{rule}" không đọc được: {error}.', en: 'The expression of rule "{rule}" cannot be read: {error}.' },
} satisfies Record<string, Msg>;

function fillMsg(m: Msg, lang: Lang, p: Record<string, string | number>): string {
  const s = lang === "en" ? m.en : m.vi;
  return s.replace(/\{(\w+)\}/g, (all, k: string) => (k in p ? String(p[k]) : all));
}

const WHAT: Record<string, Msg> = {
  total: { vi: "chỉ tiêu tổng", en: "the total" },
  parts: { vi: "các chỉ tiêu thành phần", en: "the parts" },
  left: { vi: "các chỉ tiêu vế trái", en: "the left-hand indicators" },
  right: { vi: "chỉ tiêu vế phải", en: "the right-hand indicator" },
  ratio: { vi: "chỉ tiêu tỷ lệ", en: "the ratio indicator" },
  numerator: { vi: "tử số", en: "the numerator" },
  denominator: { vi: "mẫu số", en: "the denominator" },
  clauses: { vi: "điều kiện", en: "conditions" },
  counts: { vi: "các chỉ tiêu đếm", en: "the counted indicators" },
  register: { vi: "sổ cần đếm", en: "the register" },
  indicators: { vi: "các chỉ tiêu", en: "the indicators" },
  expression: { vi: "biểu thức", en: "the expression" },
};

function str(v: unknown): string {
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
}

/**
 * Every mistake of a template, in the order of its parts (info, indicators, groups,
 * registers, rules). `where(path)` names a place for messages that point back at another
 * datum ("dòng 5", "indicators[2]"); by default the JSON path.
 */
export function validateTemplate(t0: unknown, opts: { lang?: Lang; where?: (path: string) => string } = {}): Finding[] {
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  const where = opts.where ?? ((p: string) => p);
  const out: Finding[] = [];
  const add = (rule: string, m: Msg, path: string, p: Record<string, string | number> = {}, indicators: string[] = [], severity: Finding["severity"] = "error") => {
    out.push({ rule: "template." + rule, severity, message: fillMsg(m, lang, p), indicators, path });
  };
  if (!t0 || typeof t0 !== "object" || Array.isArray(t0)) {
    add("invalid", M.notObject, "");
    return out;
  }
  const t = t0 as Partial<TemplateDef> & { version?: unknown };
  const id = str(t.id).trim();
  if (!ID.test(id)) add("id", M.badId, "id", { v: id });
  if (!t.title || !str(t.title.vi).trim()) add("title", M.noTitle, "title.vi");
  if (t.version !== undefined && !(typeof t.version === "number" && Number.isInteger(t.version) && t.version >= 1)) {
    add("version", M.badVersion, "version", { v: str(t.version) });
  }

  const levels = Array.isArray(t.levels) ? t.levels : [];
  const levelIds = new Set<string>();
  if (!levels.length) add("levels", M.noLevels, "levels");
  levels.forEach((l, i) => {
    const lid = str(l && l.id).trim();
    if (levelIds.has(lid)) add("duplicate-level", M.dupLevel, `levels[${i}].id`, { v: lid });
    levelIds.add(lid);
  });

  const groups = Array.isArray(t.groups) ? t.groups : [];
  const groupIds = new Set<number>();
  groups.forEach((g, i) => {
    const gid = g ? Number(g.id) : NaN;
    if (groupIds.has(gid)) add("duplicate-group", M.dupGroup, `groups[${i}].id`, { v: str(g && g.id) });
    groupIds.add(gid);
  });

  const inds = Array.isArray(t.indicators) ? t.indicators : [];
  if (!inds.length) add("indicators", M.noIndicators, "indicators");
  const firstOf = new Map<string, number>();
  inds.forEach((d, i) => {
    const code = str(d && d.code).trim();
    const path = `indicators[${i}]`;
    if (!code) {
      add("code", M.emptyCode, path + ".code");
      return;
    }
    if (!CODE.test(code)) add("code", M.badCode, path + ".code", { v: code }, [code]);
    if (firstOf.has(code)) add("duplicate-code", M.dupCode, path + ".code", { v: code, first: where(`indicators[${firstOf.get(code)}].code`) }, [code]);
    else firstOf.set(code, i);
  });
  const known = (c: string) => firstOf.has(c);
  const kindOf = (c: string) => (firstOf.has(c) ? str(inds[firstOf.get(c)!].kind) : "");
  inds.forEach((d, i) => {
    if (!d) return;
    const code = str(d.code).trim();
    const path = `indicators[${i}]`;
    if (!d.label || !str(d.label.vi).trim()) add("label", M.noLabel, path + ".label.vi", { v: code }, [code]);
    if (!INDICATOR_KINDS.includes(str(d.kind))) add("kind", M.badKind, path + ".kind", { v: str(d.kind), code, list: INDICATOR_KINDS.join(", ") }, [code]);
    if (groups.length && !groupIds.has(Number(d.group))) add("group", M.badGroup, path + ".group", { v: str(d.group), code }, [code]);
    if (d.partOf !== undefined && d.partOf !== "" && !known(str(d.partOf))) add("unknown-parent", M.unknownParent, path + ".partOf", { v: str(d.partOf), code }, [code]);
    if (d.aggregation !== undefined && !AGGREGATIONS.includes(str(d.aggregation))) {
      add("aggregation", M.badAggregation, path + ".aggregation", { v: str(d.aggregation), code, list: AGGREGATIONS.join(", ") }, [code]);
    }
  });
  // Part-of cycles: each cycle once, at its first indicator.
  const inCycle = new Set<string>();
  inds.forEach((d, i) => {
    const start = str(d && d.code).trim();
    if (!start || inCycle.has(start) || firstOf.get(start) !== i) return;
    const chain = [start];
    let cur = str(d.partOf);
    while (cur && known(cur) && !chain.includes(cur)) {
      chain.push(cur);
      cur = str(inds[firstOf.get(cur)!].partOf);
    }
    if (cur === start) {
      chain.forEach((c) => inCycle.add(c));
      add("part-of-cycle", M.cycle, `indicators[${i}].partOf`, { v: [...chain, start].join(" → ") }, chain);
    }
  });

  groups.forEach((g, i) => {
    if (!g) return;
    for (const lang2 of ["vi", "en"] as const) {
      const h = str(g.heading && g.heading[lang2]);
      const seen = new Set<string>();
      for (const m of h.matchAll(/\{([A-Za-z0-9_]+)\}/g)) {
        const c = m[1];
        if (c === "level" || known(c) || seen.has(c)) continue;
        seen.add(c);
        add("unknown-code", M.headingCode, `groups[${i}].heading.${lang2}`, { v: c, group: str(g.id) }, [c]);
      }
    }
    (Array.isArray(g.levels) ? g.levels : []).forEach((l, j) => {
      if (!levelIds.has(str(l))) add("group-level", M.groupLevel, `groups[${i}].levels[${j}]`, { v: str(l), group: str(g.id) });
    });
  });

  const regs = Array.isArray(t.registers) ? t.registers : [];
  const regIds = new Map<string, number>();
  regs.forEach((r, i) => {
    const rid = str(r && r.id).trim();
    const path = `registers[${i}]`;
    if (!CODE.test(rid)) add("register-id", M.badRegisterId, path + ".id", { v: rid });
    if (regIds.has(rid)) add("duplicate-register", M.dupRegister, path + ".id", { v: rid });
    else regIds.set(rid, i);
    const fields = Array.isArray(r && r.fields) ? r.fields : [];
    if (!fields.length) add("register-fields", M.noFields, path + ".id", { v: rid });
    const fids = new Set<string>();
    fields.forEach((f) => fids.add(str(f && f.id).trim()));
    const seen = new Set<string>();
    fields.forEach((f, j) => {
      const fid = str(f && f.id).trim();
      const fp = `${path}.fields[${j}]`;
      if (!CODE.test(fid)) add("field-id", M.badFieldId, fp + ".id", { v: fid, register: rid });
      if (seen.has(fid)) add("duplicate-field", M.dupField, fp + ".id", { v: fid, register: rid });
      seen.add(fid);
      if (!FIELD_TYPES.includes(str(f && f.type))) add("field-type", M.badFieldType, fp + ".type", { v: str(f && f.type), field: fid, register: rid, list: FIELD_TYPES.join(", ") });
      if (f && f.type === "enum" && !(Array.isArray(f.options) && f.options.length)) add("field-options", M.noOptions, fp + ".options", { field: fid, register: rid });
      if (f && f.derivedFrom && !fids.has(str(f.derivedFrom))) add("field-derived", M.derivedFrom, fp + ".derivedFrom", { v: str(f.derivedFrom), field: fid, register: rid });
    });
  });

  const rules = Array.isArray(t.rules) ? t.rules : [];
  const ruleFirst = new Map<string, number>();
  rules.forEach((r0, i) => {
    const path = `rules[${i}]`;
    if (!r0 || typeof r0 !== "object") return;
    const r = r0 as unknown as Record<string, unknown>;
    const rid = str(r.id).trim();
    if (!rid) add("rule-id", M.emptyRuleId, path + ".id");
    else if (!ID.test(rid)) add("rule-id", M.badRuleId, path + ".id", { v: rid });
    else if (ruleFirst.has(rid)) add("duplicate-rule", M.dupRule, path + ".id", { v: rid, first: where(`rules[${ruleFirst.get(rid)}].id`) });
    else ruleFirst.set(rid, i);
    const kind = str(r.kind);
    if (!RULE_KINDS.includes(kind)) {
      add("rule-kind", M.badRuleKind, path + ".kind", { v: kind, list: RULE_KINDS.join(", ") });
      return;
    }
    if (!SEVERITIES.includes(str(r.severity))) add("severity", M.badSeverity, path + ".severity", { v: str(r.severity), rule: rid });
    const one = (key: string) => {
      const c = str(r[key]).trim();
      if (!c) add("missing-code", M.missingCode, `${path}.${key}`, { rule: rid, kind, what: WHAT[key][lang] });
      else if (!known(c)) add("unknown-code", M.unknownCode, `${path}.${key}`, { rule: rid, v: c }, [c]);
    };
    const many = (key: string) => {
      const list = Array.isArray(r[key]) ? (r[key] as unknown[]).map(str).filter((c) => c.trim()) : [];
      if (!list.length) add("missing-code", M.missingCode, `${path}.${key}`, { rule: rid, kind, what: WHAT[key][lang] });
      list.forEach((c, j) => {
        if (!known(c.trim())) add("unknown-code", M.unknownCode, `${path}.${key}[${j}]`, { rule: rid, v: c }, [c]);
      });
    };
    const cond = (c: unknown, p: string) => {
      const x = (c && typeof c === "object" ? c : {}) as Record<string, unknown>;
      const code = str(x.code).trim();
      if (!code) add("missing-code", M.missingCode, p + ".code", { rule: rid, kind, what: WHAT.clauses[lang] });
      else if (!known(code)) add("unknown-code", M.unknownCode, p + ".code", { rule: rid, v: code }, [code]);
      if (!CONDITION_OPS.includes(str(x.op))) add("condition", M.badOp, p + ".op", { rule: rid, v: str(x.op) });
      if (typeof x.value !== "number" || !isFinite(x.value)) add("condition", M.badNumber, p + ".value", { rule: rid, v: str(x.value) });
    };
    switch (kind) {
      case "sum":
        one("total");
        many("parts");
        break;
      case "le":
        many("left");
        one("right");
        break;
      case "ratio": {
        one("ratio");
        many("numerator");
        one("denominator");
        const rc = str(r.ratio).trim();
        if (rc && known(rc) && kindOf(rc) !== "percent" && INDICATOR_KINDS.includes(kindOf(rc))) add("ratio-kind", M.ratioNotPercent, `${path}.ratio`, { rule: rid, v: rc }, [rc]);
        break;
      }
      case "implies": {
        const clauses = Array.isArray(r.clauses) ? r.clauses : [];
        if (!clauses.length) add("missing-code", M.missingCode, `${path}.clauses`, { rule: rid, kind, what: WHAT.clauses[lang] });
        clauses.forEach((cl: unknown, j: number) => {
          const c = (cl && typeof cl === "object" ? cl : {}) as Record<string, unknown>;
          cond(c.if, `${path}.clauses[${j}].if`);
          cond(c.then, `${path}.clauses[${j}].then`);
        });
        break;
      }
      case "register-count": {
        const reg = str(r.register).trim();
        const ri = regIds.get(reg);
        if (!reg) add("missing-code", M.missingCode, `${path}.register`, { rule: rid, kind, what: WHAT.register[lang] });
        else if (ri === undefined) add("unknown-register", M.unknownRegister, `${path}.register`, { rule: rid, v: reg });
        const fields = ri !== undefined && Array.isArray(regs[ri].fields) ? regs[ri].fields : undefined;
        const counts = Array.isArray(r.counts) ? r.counts : [];
        if (!counts.length) add("missing-code", M.missingCode, `${path}.counts`, { rule: rid, kind, what: WHAT.counts[lang] });
        counts.forEach((c0: unknown, j: number) => {
          const c = (c0 && typeof c0 === "object" ? c0 : {}) as Record<string, unknown>;
          const cp = `${path}.counts[${j}]`;
          const code = str(c.indicator).trim();
          if (!known(code)) add("unknown-code", M.unknownCode, cp + ".indicator", { rule: rid, v: code }, code ? [code] : []);
          if (!fields) return;
          const field = (fid: string) => fields.find((f) => f && f.id === fid);
          if (c.distinct !== undefined && !field(str(c.distinct))) add("missing-column", M.missingColumn, cp + ".distinct", { rule: rid, v: str(c.distinct), register: reg });
          const w = c.where && typeof c.where === "object" ? (c.where as Record<string, unknown>) : {};
          for (const [fid, vals] of Object.entries(w)) {
            const f = field(fid);
            if (!f) {
              add("missing-column", M.missingColumn, `${cp}.where.${fid}`, { rule: rid, v: fid, register: reg });
              continue;
            }
            const allowed = f.type === "boolean" ? ["true", "false"] : f.type === "enum" ? (f.options ?? []).map((o) => o.value) : undefined;
            if (!allowed) continue;
            (Array.isArray(vals) ? vals : []).forEach((v) => {
              if (!allowed.includes(str(v))) add("filter-value", M.badOption, `${cp}.where.${fid}`, { rule: rid, field: fid, v: str(v), list: allowed.join(", ") });
            });
          }
        });
        break;
      }
      case "period": {
        many("indicators");
        const from = Number(r.fromYear);
        const to = Number(r.toYear);
        if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) add("period", M.badYears, `${path}.fromYear`, { rule: rid, from: str(r.fromYear), to: str(r.toYear) });
        break;
      }
      case "expression": {
        const src = str(r.expression).trim();
        if (!src) {
          add("missing-code", M.missingCode, `${path}.expression`, { rule: rid, kind, what: WHAT.expression[lang] });
          break;
        }
        const p = parseExpression(src, known, (c) => (kindOf(c) === "percent" ? "numberOrText" : "number"));
        if (!p.ok) add("expression", M.badExpression, `${path}.expression`, { rule: rid, error: tr(lang, p.error.key, p.error.params) });
        break;
      }
    }
  });
  return out;
}
