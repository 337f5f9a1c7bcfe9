/**
 * Sentences for the groups a template gives none for, made from its indicators' labels,
 * units and parts, so that a province's own form gets a usable summary on day one:
 *
 *   "Tổng số văn bản đã ban hành là 06 văn bản, tăng 02 văn bản so với năm 2025; trong
 *    đó cấp ủy 02 văn bản, chính quyền 04 văn bản."
 *
 * They are written as a phrase book (phrases.ts) and read by the same interpreter as a
 * template's own sentences: figures padded the same way, a blank or unreadable figure never
 * printed (its clause is left out), a group wholly blank says nothing.
 */
import type { IndicatorDef, TemplateDef } from "../types";
import { lowerFirst } from "../vn";
import type { PhraseBook, PhraseCase } from "./phrases";

/** The words a template without sentences uses around the generated ones. */
export const DEFAULT_BOOK: Omit<PhraseBook, "fragments" | "paragraphs"> = {
  noData: "chưa có số liệu",
  defaultAgency: "đơn vị",
  comparison: {
    up: "tăng {diff} {unit} so với năm {prevYear}",
    down: "giảm {diff} {unit} so với năm {prevYear}",
    same: "bằng năm {prevYear}",
    percentUnit: "điểm phần trăm",
    previousYear: "trước",
  },
};

/** Kinds whose figures a generated sentence can print. */
const PRINTABLE = new Set(["count", "money", "percent"]);

/** A label as literal text of a phrase: no placeholder or optional-part brackets, no end punctuation. */
function literal(s: string): string {
  return s
    .replace(/[[{]/g, "(")
    .replace(/[\]}]/g, ")")
    .replace(/[\s.;,:]+$/, "")
    .trim();
}

/** "{code} văn bản", "{code}" for a percent (the figure carries its "%"). */
function figure(d: IndicatorDef): string {
  const unit = literal(d.unit.vi);
  return d.kind === "percent" || !unit || unit === "%" ? `{${d.code}}` : `{${d.code}} ${unit}`;
}

/** Every indicator code a phrase book names (conditions, placeholders, fragments). */
export function codesNamed(book: PhraseBook | undefined): Set<string> {
  const out = new Set<string>();
  if (!book) return out;
  const scan = (cs: PhraseCase[]) => {
    for (const c of cs) {
      if (c.when) for (const k of Object.keys(c.when)) out.add(k);
      for (const m of c.text.matchAll(/\{([^{}]+)\}/g))
        for (const part of m[1].replace(/^(join|list|comma):/, "").split(",")) out.add(part.trim().replace(/^(cmp|plain):/, ""));
    }
  };
  for (const cs of Object.values(book.fragments ?? {})) scan(cs);
  for (const p of book.paragraphs ?? []) for (const s of p.sentences) scan(s.cases);
  return out;
}

/**
 * The template's sentences with a paragraph added for each group they do not name at all
 * (one sentence per total or standalone indicator, its parts after "trong đó").
 * Undefined when there is nothing to say with (no sentence and no printable indicator).
 */
export function sentencesFor(t: TemplateDef): PhraseBook | undefined {
  const own = t.sentences;
  const named = codesNamed(own);
  const book: PhraseBook = {
    ...DEFAULT_BOOK,
    ...(own ?? {}),
    fragments: { ...(own?.fragments ?? {}) },
    paragraphs: [...(own?.paragraphs ?? [])],
  };
  let added = false;
  for (const g of t.groups) {
    const inGroup = t.indicators.filter((i) => i.group === g.id);
    if (!inGroup.length || inGroup.some((i) => named.has(i.code))) continue;
    const shown = inGroup.filter((i) => i.printed !== false && PRINTABLE.has(i.kind));
    const codes = new Set(shown.map((i) => i.code));
    const sentences: PhraseBook["paragraphs"][number]["sentences"] = [];
    for (const top of shown.filter((i) => !i.partOf || !codes.has(i.partOf))) {
      const parts = shown.filter((i) => i.partOf === top.code);
      const label = literal(top.label.vi);
      const cases: PhraseCase[] = [];
      let partList = "";
      if (parts.length) {
        const names = parts.map((p) => {
          const name = `auto_${g.id}_${p.code}`;
          book.fragments[name] = [{ text: `${lowerFirst(literal(p.label.vi))} ${figure(p)}` }, { text: "" }];
          return "@" + name;
        });
        partList = `{comma:${names.join(",")}}`;
      }
      cases.push({
        when: { [top.code]: "number" },
        text: `${label} là ${figure(top)}[, {cmp:${top.code}}]` + (partList ? `[; trong đó ${partList}]` : "") + ".",
      });
      // The total blank, its parts given: the parts alone, under the total's label.
      if (partList) cases.push({ text: `[${label}: ${partList}.]` });
      cases.push({ text: "" });
      sentences.push({ id: `auto.${g.id}.${top.code}`, cases });
    }
    if (sentences.length) {
      book.paragraphs.push({ id: `auto.${g.id}`, sentences });
      added = true;
    }
  }
  if (!own && !added) return undefined;
  return book;
}
