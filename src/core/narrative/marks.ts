/**
 * Marks for the author: a sentence of the generated text whose figures break a rule (an
 * ERROR finding whose indicators meet the indicators the sentence states) is not stated as
 * fact. It carries "[cần kiểm tra: <short reason>]", highlighted, before its final full
 * stop, in every output (the .docx, the preview, the plain text); the report's warnings
 * name it, and the draft check reports each mark it finds as `narrative.marked`.
 *
 * Generic: the reason is told from the kind of the template's rule behind the finding, never
 * from an indicator's code.
 */
import type { Finding, ReportData, RuleDef, TemplateDef } from "../types";
import type { Run } from "../doc/model";
import { partsOf } from "../template-info";
import { readValue } from "../values";

/** The words that open a mark; the draft check looks for them. */
export const MARK_WORDS = "cần kiểm tra";

/** A mark as the text shows it. */
export function markText(reason: string): string {
  return "[" + MARK_WORDS + ": " + reason + "]";
}

/** Finds the marks of a text: "[cần kiểm tra: …]" (any case, any spacing). */
export const MARK_RE = /\[\s*cần\s+kiểm\s+tra\s*(?::\s*([^\]\n]*))?\]/giu;

const REASONS: Record<RuleDef["kind"] | "value" | "user" | "other", string> = {
  sum: "tổng không khớp các phần",
  le: "phần lớn hơn tổng",
  ratio: "tỷ lệ không khớp số liệu",
  "register-count": "khác sổ theo dõi",
  implies: "số liệu mâu thuẫn nhau",
  max: "vượt mức tối đa",
  "min-per": "số liệu không tương xứng",
  expression: "số liệu mâu thuẫn nhau",
  period: "số liệu không thuộc kỳ báo cáo",
  value: "giá trị không hợp lệ",
  user: "trái quy tắc của đơn vị",
  other: "số liệu có lỗi",
};

function reasonOf(f: Finding, template: TemplateDef): string {
  const rule = template.rules.find((r) => r.id === f.rule);
  if (rule) {
    if (rule.kind === "register-count") {
      const reg = template.registers.find((r) => r.id === rule.register);
      return reg ? "khác sổ " + reg.label.vi : REASONS["register-count"];
    }
    if (rule.kind === "le" && !rule.each && rule.left.length > 1) return "các phần cộng lại lớn hơn tổng";
    if (rule.kind === "le" && rule.left.length === 1) return "số liệu lớn hơn tổng số";
    return REASONS[rule.kind];
  }
  if (f.rule === PART_EXCEEDS) return REASONS.le;
  if (f.rule.startsWith("value.")) return REASONS.value;
  if (f.rule.startsWith("user.")) return REASONS.user;
  return REASONS.other;
}

/**
 * The indicators a finding is about: its `indicators`, except that for a rule "each part at
 * most its total" only the parts that exceed it (by the finding's values) and the total.
 */
function involved(f: Finding, template: TemplateDef): string[] {
  const rule = template.rules.find((r) => r.id === f.rule);
  if (rule && rule.kind === "le" && rule.each && f.values) {
    const right = Number(f.values[rule.right]);
    if (Number.isFinite(right)) {
      const over = rule.left.filter((c) => Number(f.values![c]) > right);
      if (over.length) return [...over, rule.right];
    }
  }
  return f.indicators;
}

/**
 * The reason to mark a sentence stating `codes`, or undefined when no error touches them.
 * Several errors give their reasons once each, joined with "; ".
 */
export function markReason(codes: Iterable<string>, errors: Finding[], template: TemplateDef): string | undefined {
  const set = new Set<string>();
  for (const c of codes) if (!c.startsWith("previous.")) set.add(c);
  if (!set.size) return undefined;
  const reasons: string[] = [];
  for (const f of errors) {
    if (f.severity !== "error") continue;
    if (!involved(f, template).some((c) => set.has(c))) continue;
    const r = reasonOf(f, template);
    if (!reasons.includes(r)) reasons.push(r);
  }
  return reasons.length ? reasons.join("; ") : undefined;
}

/**
 * A sentence with its mark: the mark goes before the sentence's final punctuation (so that
 * it belongs to the sentence), highlighted, in its own run.
 */
export function markedRuns(text: string, reason: string | undefined, style: Omit<Run, "text"> = {}): Run[] {
  if (!reason) return [{ ...style, text }];
  const m = /[.;:!?…]*$/.exec(text);
  const end = m ? text.length - m[0].length : text.length;
  const body = text.slice(0, end).replace(/\s+$/, "");
  const out: Run[] = [{ ...style, text: body + " " }, { ...style, text: markText(reason), highlight: true }];
  const tail = text.slice(end);
  if (tail) out.push({ ...style, text: tail });
  return out;
}

/** The same, as plain text. */
export function markedText(text: string, reason: string | undefined): string {
  return markedRuns(text, reason)
    .map((r) => r.text)
    .join("");
}

/** The error findings of a check, or [] when there are none. */
export function errorsOnly(findings: Finding[] | undefined): Finding[] {
  return (findings ?? []).filter((f) => f.severity === "error");
}

/** Rule id of the contradictions found here rather than by the check (a part above its total). */
export const PART_EXCEEDS = "narrative.part-exceeds";

/**
 * What marks the generated text: the check's errors, and every part whose figure exceeds its
 * total's (template `partOf`) even where the check cannot tell (another part blank, so the
 * sum rule only says what is missing): whatever the blank holds, the sentence "total 10, of
 * which 12" is not true.
 */
export function markFindings(findings: Finding[] | undefined, data: ReportData, template: TemplateDef): Finding[] {
  const out = errorsOnly(findings);
  const num = (code: string): number | undefined => {
    const ind = template.indicators.find((i) => i.code === code);
    if (!ind || ind.kind === "percent") return undefined;
    const r = readValue(data.values?.[code], ind.kind);
    return r.status === "number" ? r.value : undefined;
  };
  for (const ind of template.indicators) {
    const parts = partsOf(template, ind.code);
    if (!parts.length) continue;
    const total = num(ind.code);
    if (total === undefined) continue;
    for (const p of parts) {
      const v = num(p);
      if (v === undefined || v <= total) continue;
      if (out.some((f) => f.indicators.includes(p) && f.indicators.includes(ind.code))) continue;
      out.push({ rule: PART_EXCEEDS, severity: "error", message: "", indicators: [p, ind.code], values: { [p]: v, [ind.code]: total } });
    }
  }
  return out;
}
