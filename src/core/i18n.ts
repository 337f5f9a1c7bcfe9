/**
 * Message templates of the checks, as data. `{name}` is replaced by a parameter.
 * A key "RULE:KEY" (e.g. "dth.parts:le.fail") overrides the generic "KEY" for one rule,
 * so that a template can word one rule's findings without touching code.
 * Figures are passed already formatted the Vietnamese way ("04", "10.424.000", "88,9%").
 */
import type { Lang, Text } from "./types";
import { upperFirst } from "./vn";

export const MESSAGES: Record<string, Text> = {
  // Missing inputs (info)
  "missing.blank": { vi: "còn trống {list}", en: "{list} blank" },
  "missing.invalid": { vi: "không đọc được {list}", en: "{list} unreadable" },
  "missing.fill": { vi: "điền {list}.", en: "fill in {list}." },
  "missing.rewrite": { vi: "ghi lại {list} bằng một số.", en: "write {list} as a figure." },

  // sum
  "sum.fail": {
    vi: "{total} ({totalValue}) khác tổng các phần: {partsExpr} = {sum}.",
    en: "{total} ({totalValue}) differs from the sum of its parts: {partsExpr} = {sum}.",
  },
  "sum.suggestion": {
    vi: "Sửa {totalLower} thành {sum}, hoặc sửa lại các phần.",
    en: "Change {totalLower} to {sum}, or correct the parts.",
  },
  "sum.missing": {
    vi: "Chưa đối chiếu được {totalLower} với tổng các phần vì {missing}.",
    en: "{total} cannot be checked against the sum of its parts: {missing}.",
  },

  // A fix no single figure makes (the figure the rule would name breaks another rule)
  "fix.together": {
    vi: "Nếu chỉ sửa {labelLower} thành {value} thì lại sai ở quy tắc khác; cần sửa cùng lúc: {figures}.",
    en: "Changing {labelLower} to {value} alone breaks another rule; correct these together: {figures}.",
  },

  // le
  "le.fail": {
    vi: "{leftExpr} = {sum}, nhiều hơn {rightLower} ({rightValue}).",
    en: "{leftExpr} = {sum}, more than {rightLower} ({rightValue}).",
  },
  "le.fail.one": {
    vi: "{left} ({leftValue}) nhiều hơn {rightLower} ({rightValue}).",
    en: "{left} ({leftValue}) is more than {rightLower} ({rightValue}).",
  },
  "le.each.fail": {
    vi: "{items} nhiều hơn {rightLower} ({rightValue}); mỗi phần không thể vượt tổng.",
    en: "{items}: more than {rightLower} ({rightValue}); no part can exceed the total.",
  },
  "le.suggestion": {
    vi: "Sửa {rightLower} ({rightValue}) thành ít nhất {sum}{also}, hoặc giảm {leftFigures} để tổng không quá {rightValue}.",
    en: "Raise {rightLower} ({rightValue}) to at least {sum}{also}, or lower {leftFigures} to add up to at most {rightValue}.",
  },
  "le.suggestion.one": {
    vi: "Sửa {leftLower} ({leftValue}) thành không quá {rightValue}, hoặc sửa {rightLower} ({rightValue}) thành ít nhất {leftValue}{also}.",
    en: "Lower {leftLower} ({leftValue}) to at most {rightValue}, or raise {rightLower} ({rightValue}) to at least {leftValue}{also}.",
  },
  "le.each.suggestion": {
    vi: "Sửa {overFigures} thành không quá {rightValue}, hoặc sửa {rightLower} ({rightValue}) thành ít nhất {most}{also}.",
    en: "Lower {overFigures} to at most {rightValue}, or raise {rightLower} ({rightValue}) to at least {most}{also}.",
  },
  "le.also": {
    vi: " và sửa cả {figures} cho khớp",
    en: " and correct {figures} to match",
  },
  "le.missing": {
    vi: "Chưa so sánh được {leftLower} với {rightLower} vì {missing}.",
    en: "{left} cannot be compared with {rightLower}: {missing}.",
  },

  // ratio
  "ratio.fail": {
    vi: "{ratio} ({ratioValue}) không khớp: {numParen}/{denValue} = {exact}; ghi đúng là {expected}.",
    en: "{ratio} ({ratioValue}) does not match: {numParen}/{denValue} = {exact}; it should read {expected}.",
  },
  "ratio.truncated": {
    vi: "{ratio} ({ratioValue}) bị cắt bớt chữ số thay vì làm tròn: {numParen}/{denValue} = {exact}, làm tròn là {expected}.",
    en: "{ratio} ({ratioValue}) is truncated rather than rounded: {numParen}/{denValue} = {exact}, which rounds to {expected}.",
  },
  "ratio.over": {
    vi: "{ratio} ({ratioValue}) không khớp: {numParen}/{denValue} = {exact}, hơn 100% vì {numLower} nhiều hơn {denLower}.",
    en: "{ratio} ({ratioValue}) does not match: {numParen}/{denValue} = {exact}, over 100% because {numLower} is more than {denLower}.",
  },
  "ratio.suggestion": { vi: "Ghi {expected}.", en: "Write {expected}." },
  "ratio.zeroDen": {
    vi: "{den} bằng 0 nên {ratioLower} phải ghi \"Không có\" (đang ghi {ratioValue}).",
    en: "{den} is 0, so {ratioLower} must read \"Không có\" (not applicable), not {ratioValue}.",
  },
  "ratio.zeroDen.suggestion": { vi: "Ghi \"Không có\".", en: "Write \"Không có\"." },
  "ratio.naButDen": {
    vi: "{ratio} ghi \"Không có\" nhưng {denLower} là {denValue}: tỷ lệ là {numParen}/{denValue} = {expected}.",
    en: "{ratio} reads \"Không có\" but {denLower} is {denValue}: the ratio is {numParen}/{denValue} = {expected}.",
  },
  "ratio.implied": {
    vi: "{den} còn trống; tỷ lệ {ratioValue} của {numValues} cho thấy tổng là {implied}.",
    en: "{den} is blank; {ratioValue} of {numValues} implies {implied}.",
  },
  "ratio.implied.suggestion": { vi: "Ghi {denLower}: {implied}.", en: "Fill in {denLower}: {implied}." },
  "ratio.impliedNone": {
    vi: "{den} còn trống, và không có tổng số nguyên nào cho tỷ lệ {ratioValue} của {numValues}.",
    en: "{den} is blank, and no whole total gives {ratioValue} of {numValues}.",
  },
  "ratio.missing": {
    vi: "Chưa kiểm tra được {ratioLower} vì {missing}.",
    en: "{ratio} cannot be checked: {missing}.",
  },

  // max (a constant maximum)
  "max.fail": {
    vi: "{label} ({value}) nhiều hơn mức tối đa {max}.",
    en: "{label} ({value}) is more than the maximum, {max}.",
  },
  "max.suggestion": { vi: "Kiểm tra lại {labelLower} (tối đa {max}).", en: "Check {labelLower} (at most {max})." },
  "max.missing": {
    vi: "Chưa kiểm tra được {labelsLower} (tối đa {max}) vì {missing}.",
    en: "{labelsLower} cannot be checked against the maximum {max}: {missing}.",
  },

  // min-per (a multiple: total ≥ min × per)
  "min-per.fail": {
    vi: "{total} ({totalValue}) ít hơn {min} × {perLower} ({perValue}) = {expected}.",
    en: "{total} ({totalValue}) is less than {min} × {perLower} ({perValue}) = {expected}.",
  },
  "min-per.suggestion": {
    vi: "Sửa {totalLower} ({totalValue}) thành ít nhất {expected}, hoặc sửa lại {perLower} ({perValue}).",
    en: "Raise {totalLower} ({totalValue}) to at least {expected}, or correct {perLower} ({perValue}).",
  },
  "min-per.missing": {
    vi: "Chưa đối chiếu được {totalLower} với {perLower} vì {missing}.",
    en: "{totalLower} cannot be checked against {perLower}: {missing}.",
  },

  // implies
  "implies.fail": {
    vi: "{ifLabel} là {ifValue} nhưng {thenLower} là {thenValue} (phải {thenOp} {thenBound}).",
    en: "{ifLabel} is {ifValue} but {thenLower} is {thenValue} (it must be {thenOp} {thenBound}).",
  },
  "implies.suggestion": {
    vi: "Sửa {thenLower} ({thenValue}) cho {thenOp} {thenBound}, hoặc sửa lại {ifLower} ({ifValue}).",
    en: "Make {thenLower} ({thenValue}) {thenOp} {thenBound}, or correct {ifLower} ({ifValue}).",
  },
  "implies.missing": {
    vi: "Chưa đối chiếu được {labelsLower} vì {missing}.",
    en: "{labels} cannot be checked together: {missing}.",
  },
  "op.>": { vi: "lớn hơn", en: "greater than" },
  "op.>=": { vi: "lớn hơn hoặc bằng", en: "at least" },
  "op.=": { vi: "bằng", en: "equal to" },
  "op.<": { vi: "nhỏ hơn", en: "less than" },
  "op.<=": { vi: "nhỏ hơn hoặc bằng", en: "at most" },
  "op.!=": { vi: "khác", en: "other than" },

  // register-count
  "register.fail": {
    vi: "Sổ {register} có {rowsText}, nhưng {items}.",
    en: "The {register} register has {rowsText}, but {items}.",
  },
  "register.item": {
    vi: "{labelLower} là {value} (theo sổ: {count})",
    en: "{labelLower} is {value} (register: {count})",
  },
  "register.suggestion": {
    vi: "Sửa {labelLower} thành {count}, hoặc bổ sung sổ {register}.",
    en: "Change {labelLower} to {count}, or complete the {register} register.",
  },
  "register.suggestion.many": {
    vi: "Sửa theo sổ {register}: {items}; hoặc bổ sung sổ.",
    en: "Correct from the {register} register: {items}; or complete the register.",
  },
  "register.missing": {
    vi: "Sổ {register} có {rowsText} nhưng {missing}; theo sổ: {counts}.",
    en: "The {register} register has {rowsText} but {missing}; from the register: {counts}.",
  },

  // period
  "period.info": {
    vi: "Năm báo cáo {year} nằm ngoài giai đoạn {from}–{to} nhưng có số liệu: {values}. Hãy kiểm tra lại.",
    en: "The year reported, {year}, is outside {from}–{to}, yet there are figures: {values}. Please check.",
  },

  // value.kind, value.read
  "value.negative": {
    vi: "{label}: \"{raw}\" là số âm; số liệu này không thể âm.",
    en: "{label}: \"{raw}\" is negative; this figure cannot be negative.",
  },
  "value.fractional": {
    vi: "{label}: \"{raw}\" không phải số nguyên (dấu phẩy là dấu thập phân, dấu chấm ngăn cách hàng nghìn, vd. 1.234).",
    en: "{label}: \"{raw}\" is not a whole number (\",\" is the decimal comma, \".\" groups thousands, e.g. 1.234).",
  },
  "value.over100": {
    vi: "{label}: \"{raw}\" lớn hơn 100%.",
    en: "{label}: \"{raw}\" is over 100%.",
  },
  "value.approximate": {
    vi: "{label}: \"{raw}\" là số ước lượng; hãy ghi số chính xác.",
    en: "{label}: \"{raw}\" is an approximate figure; write the exact figure.",
  },
  "value.text": {
    vi: "{label}: không đọc được \"{raw}\" thành một số; hãy ghi một số (vd. {example}).",
    en: "{label}: \"{raw}\" cannot be read as a figure; write one figure (e.g. {example}).",
  },
  "value.yesno": {
    vi: "{label}: \"{raw}\" không phải câu trả lời Có hoặc Không; hãy chọn Có hoặc Không.",
    en: "{label}: \"{raw}\" is not an answer; choose Có (yes) or Không (no).",
  },
  "value.example.yesno": { vi: "Có hoặc Không", en: "Có or Không" },
  "value.example.count": { vi: "8 hoặc 08", en: "8 or 08" },
  "value.example.money": { vi: "10.424.000", en: "10.424.000" },
  "value.example.percent": { vi: "88,9% hoặc \"Không có\"", en: "88,9% or \"Không có\"" },
  "value.read": {
    vi: "{label}: đã đọc \"{raw}\" là {clean}; nên ghi {clean}.",
    en: "{label}: read \"{raw}\" as {clean}; better write {clean}.",
  },
  "input.xml": {
    vi: "mục {path}: đã bỏ các ký tự điều khiển hoặc ký tự lạ mà tệp Excel không chứa được.",
    en: "at {path}: control or invalid characters an Excel file cannot hold were removed.",
  },
  "input.key": {
    vi: "mục {path}: bỏ qua mục \"{key}\" (tên này không dùng được trong số liệu).",
    en: "at {path}: the key \"{key}\" was ignored (it cannot be used in the data).",
  },
  "input.deep": {
    vi: "mục {path}: dữ liệu lồng nhau quá sâu, phần bên trong bị bỏ qua.",
    en: "at {path}: the data is nested too deeply; what is inside was ignored.",
  },
  "input.long": {
    vi: "mục {path}: đoạn chữ dài {length} ký tự, quá {max} ký tự một ô Excel chứa được; Excel sẽ cắt mất phần sau. Hãy rút gọn hoặc chia thành nhiều đoạn (nhiều mục).",
    en: "at {path}: the text is {length} characters long, over the {max} an Excel cell holds; Excel would cut the rest. Shorten it or split it into several parts.",
  },
  "value.previous": { vi: "{label} (năm trước)", en: "{label} (previous year)" },
  "value.unknownCode": {
    vi: "Mã chỉ tiêu \"{code}\" không có trong mẫu {template}; giá trị \"{raw}\" không được dùng. Kiểm tra lại chính tả của mã.",
    en: "Indicator code \"{code}\" is not in template {template}; its value \"{raw}\" is not used. Check the code's spelling.",
  },

  // register rows
  "row.required": {
    vi: "Sổ {register}, dòng {row}: thiếu {field}.",
    en: "{register} register, row {row}: {field} is missing.",
  },
  "row.date": {
    vi: "Sổ {register}, dòng {row}: không đọc được ngày \"{raw}\" ({field}); ghi ngày dạng 30/3/2021.",
    en: "{register} register, row {row}: \"{raw}\" is not a date ({field}); write it as 30/3/2021.",
  },
  "row.enum": {
    vi: "Sổ {register}, dòng {row}: \"{raw}\" không phải một lựa chọn của {field} ({options}).",
    en: "{register} register, row {row}: \"{raw}\" is not a choice for {field} ({options}).",
  },
  "row.boolean": {
    vi: "Sổ {register}, dòng {row}: {field} phải là Có hoặc Không (đang ghi \"{raw}\").",
    en: "{register} register, row {row}: {field} must be Có (yes) or Không (no), not \"{raw}\".",
  },
  "row.issuer": {
    vi: "Sổ {register}, dòng {row}: không xác định được cấp ban hành từ số, ký hiệu \"{symbol}\"; hãy chọn Cấp ủy hoặc Chính quyền.",
    en: "{register} register, row {row}: the issuer cannot be told from the symbol \"{symbol}\"; choose Cấp ủy (Party) or Chính quyền (government).",
  },

  // report details (the "Thông tin" sheet, or `report` in JSON): printed in the report's header
  "report.year": {
    vi: "Năm báo cáo: không đọc được năm \"{raw}\"; ghi năm đủ 4 chữ số, vd. 2021.",
    en: "Year reported: \"{raw}\" is not a year; write all four digits, e.g. 2021.",
  },
  "report.year.suggestion": { vi: "Ghi năm báo cáo bằng 4 chữ số, vd. 2021.", en: "Write the year with four digits, e.g. 2021." },
  "report.date": {
    vi: "Ngày báo cáo: không đọc được ngày \"{raw}\"; ghi ngày dạng 14/11/2021 (ngày này in ở đầu báo cáo).",
    en: "Report date: \"{raw}\" is not a date; write it as 14/11/2021 (it is printed in the report's header).",
  },
  "report.levelEnded": {
    vi: "Cấp báo cáo: {message}",
    en: "Level: {message}",
  },
  "report.level": {
    vi: "Cấp báo cáo: \"{raw}\" không phải một lựa chọn ({options}).",
    en: "Level: \"{raw}\" is not a choice ({options}).",
  },

  // overrides
  "override.noReason": {
    vi: "Điều chỉnh quy tắc {rule} không được áp dụng: thiếu lý do.",
    en: "The override of rule {rule} is not applied: the reason is missing.",
  },
  "override.badSeverity": {
    vi: "Điều chỉnh quy tắc {rule} không được áp dụng: mức độ \"{severity}\" không hợp lệ (Tắt, Lỗi, Cảnh báo hoặc Thông tin; trong tệp JSON: off, error, warning, info).",
    en: "The override of rule {rule} is not applied: \"{severity}\" is not a severity (Tắt, Lỗi, Cảnh báo or Thông tin; in a JSON file: off, error, warning, info).",
  },
  "override.protected": {
    vi: "Không thể điều chỉnh quy tắc {rule}.",
    en: "Rule {rule} cannot be overridden.",
  },

  // user rules
  "user.parse": {
    vi: "Quy tắc riêng \"{id}\" không đọc được: {error}.",
    en: "Own rule \"{id}\" cannot be read: {error}.",
  },
  "user.noId": {
    vi: "Một quy tắc riêng ({expression}) thiếu mã quy tắc.",
    en: "An own rule ({expression}) has no id.",
  },
  "user.badId": {
    vi: "Mã quy tắc riêng \"{id}\" chỉ được gồm chữ không dấu, số, \"-\", \"_\" và \".\".",
    en: "Own rule id \"{id}\" may only hold ASCII letters, digits, \"-\", \"_\" and \".\".",
  },
  "user.duplicate": {
    vi: "Mã quy tắc riêng \"{id}\" bị trùng; quy tắc thứ hai bị bỏ qua.",
    en: "Own rule id \"{id}\" is used twice; the second rule is ignored.",
  },
  "user.badSeverity": {
    vi: "Quy tắc riêng \"{id}\": mức độ \"{severity}\" không hợp lệ (Lỗi, Cảnh báo hoặc Thông tin; trong tệp JSON: error, warning, info).",
    en: "Own rule \"{id}\": \"{severity}\" is not a severity (Lỗi, Cảnh báo or Thông tin; in a JSON file: error, warning, info).",
  },
  "user.fail": {
    vi: "Quy tắc riêng {id} không thỏa: {expression} ({values}).",
    en: "Own rule {id} does not hold: {expression} ({values}).",
  },
  "user.failMessage": { vi: "{message} ({values})", en: "{message} ({values})" },
  "user.missing": {
    vi: "Chưa kiểm tra được quy tắc riêng {id} vì {missing}.",
    en: "Own rule {id} cannot be checked: {missing}.",
  },
  "user.na": {
    vi: "Quy tắc riêng {id} không áp dụng được: {reason} ({values}).",
    en: "Own rule {id} does not apply: {reason} ({values}).",
  },
  "expr.divZero": { vi: "chia cho 0", en: "division by 0" },
  "expr.notNumber": { vi: "\"Không có\" không phải một số", en: "\"Không có\" is not a number" },
  "expr.empty": { vi: "biểu thức trống", en: "the expression is empty" },
  "expr.unexpected": { vi: "không hiểu \"{token}\" ở vị trí {pos}", en: "unexpected \"{token}\" at position {pos}" },
  "expr.end": { vi: "biểu thức kết thúc khi còn thiếu một phần", en: "the expression ends too early" },
  "expr.paren": { vi: "thiếu dấu \")\"", en: "a \")\" is missing" },
  "expr.unknownCode": { vi: "không có chỉ tiêu \"{token}\" trong mẫu", en: "there is no indicator \"{token}\" in the template" },
  "expr.notCondition": {
    vi: "biểu thức phải là một điều kiện đúng/sai (vd. a <= b)",
    en: "the expression must be a true/false condition (e.g. a <= b)",
  },
  "expr.needCondition": {
    vi: "\"{token}\" cần hai vế là điều kiện đúng/sai",
    en: "\"{token}\" needs true/false conditions on both sides",
  },
  "expr.needNumber": { vi: "\"{token}\" cần hai vế là số", en: "\"{token}\" needs numbers on both sides" },
  "expr.string": { vi: "chuỗi chữ chưa đóng dấu nháy", en: "a quoted text is not closed" },
  "expr.tooLong": { vi: "biểu thức quá dài", en: "the expression is too long" },
  "expr.tooDeep": { vi: "biểu thức lồng nhau quá sâu (quá {max} lớp ngoặc)", en: "the expression is nested too deeply (over {max} levels of brackets)" },
};

type Part = string | { k: string };
const compiled = new Map<string, Part[]>();

function compile(tpl: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  for (;;) {
    const a = tpl.indexOf("{", i);
    const b = a < 0 ? -1 : tpl.indexOf("}", a + 1);
    if (a < 0 || b < 0 || !/^\w+$/.test(tpl.slice(a + 1, b))) {
      if (a >= 0 && b >= 0) {
        parts.push(tpl.slice(i, a + 1));
        i = a + 1;
        continue;
      }
      parts.push(tpl.slice(i));
      return parts;
    }
    if (a > i) parts.push(tpl.slice(i, a));
    parts.push({ k: tpl.slice(a + 1, b) });
    i = b + 1;
  }
}

/**
 * A count with its noun in English: "1 error", "2 errors", "0 warnings". Vietnamese nouns
 * do not change ("1 lỗi", "2 lỗi"): pass the same word twice.
 */
export function plural(n: number, one: string, many: string = one + "s"): string {
  return n + " " + (n === 1 ? one : many);
}

/**
 * Fill a message template. Unknown placeholders are left as they are. With `upper`, the
 * first letter is in upper case (as upperFirst of the result, without copying the result).
 */
export function fill(tpl: string, params: Record<string, string | number>, upper = false): string {
  let parts = compiled.get(tpl);
  if (!parts) {
    parts = compile(tpl);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(tpl, parts);
  }
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    let s: string;
    if (typeof p === "string") s = p;
    else if (Object.prototype.hasOwnProperty.call(params, p.k)) s = String(params[p.k]);
    else s = "{" + p.k + "}";
    if (upper && out === "" && s !== "") s = upperFirst(s);
    out += s;
  }
  return out;
}

/** key → rule ("" for none) → the message that applies (null: none). MESSAGES is fixed data. */
const lookups = new Map<string, Map<string, Text | null>>();

function lookup(key: string, rule: string | undefined): Text | null {
  let byRule = lookups.get(key);
  if (!byRule) {
    byRule = new Map();
    lookups.set(key, byRule);
  }
  const r = rule ?? "";
  let t = byRule.get(r);
  if (t === undefined) {
    const own = Object.prototype.hasOwnProperty.call(MESSAGES, key) ? MESSAGES[key] : undefined;
    const ruled = r !== "" && Object.prototype.hasOwnProperty.call(MESSAGES, r + ":" + key) ? MESSAGES[r + ":" + key] : undefined;
    t = ruled ?? own ?? null;
    if (byRule.size > 1000) byRule.clear();
    byRule.set(r, t);
  }
  return t;
}

/** The message `key` (or `rule:key` when the rule words it itself) in a language. */
export function tr(lang: Lang, key: string, params: Record<string, string | number> = {}, rule?: string): string {
  const t = lookup(key, rule);
  if (!t) return key;
  return fill(t[lang] ?? t.vi, params);
}

/** `upperFirst(tr(…))`, without copying the message. */
export function trUpper(lang: Lang, key: string, params: Record<string, string | number> = {}, rule?: string): string {
  const t = lookup(key, rule);
  if (!t) return upperFirst(key);
  return fill(t[lang] ?? t.vi, params, true);
}
