/**
 * The findings of a check: a summary (errors / warnings / notes), filters by group
 * (indicator groups 1–9, registers, workbook) and by severity, and the findings grouped
 * by severity. Each finding shows first what to do: the indicator's short label and its
 * cell, the suggestion, then the message; the figures with their codes and the rule id are
 * behind "Chi tiết". Each finding is a button: click, Enter or Space goes to its cell(s).
 * A warning an error on the same figures implies (`impliedBy`) is shown under that error.
 */
import * as React from "react";
import { Button, Select, makeStyles, mergeClasses, tokens, Label } from "@fluentui/react-components";
import type { Finding, Severity, TemplateDef } from "../../core/types";
import { formatValue } from "../../core/values";
import { impliedParent } from "../../core/implied";
import { formatNumber } from "../../core/vn";
import { ct, type CheckLang } from "../views/check.strings";

export type GroupKey = string; // "g1".."g9", "registers", "workbook", "other"

/** Which filter group a finding belongs to. */
export function findingGroup(f: Finding, t?: TemplateDef): GroupKey {
  if (f.rule.startsWith("workbook.")) return "workbook";
  if ((f.path && f.path.startsWith("registers.")) || /\.register$/.test(f.rule)) return "registers";
  const code = f.indicators && f.indicators[0];
  const d = code && t ? t.indicators.find((x) => x.code === code) : undefined;
  if (d) return "g" + d.group;
  return "other";
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const SEV_KEY = { error: "sevError", warning: "sevWarning", info: "sevInfo" } as const;
const SEV_MARK = { error: "✗", warning: "⚠", info: "ℹ" } as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  summary: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  filters: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  filter: { display: "flex", flexDirection: "column", gap: "2px", minWidth: "120px" },
  h3: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "8px 0 4px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    padding: "6px 8px",
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightRegular,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  card: { display: "flex", flexDirection: "column", gap: "2px" },
  head: { fontWeight: tokens.fontWeightSemibold },
  cell: { fontWeight: tokens.fontWeightRegular, color: tokens.colorBrandForeground1, textDecorationLine: "underline" },
  suggestion: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  message: { color: tokens.colorNeutralForeground2 },
  nested: { marginLeft: "16px" },
  detailsButton: { alignSelf: "flex-start", minWidth: 0, height: "auto", padding: "0 8px", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  details: { display: "flex", flexDirection: "column", gap: "2px", padding: "0 8px 4px 12px" },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  code: { textDecorationLine: "underline", textDecorationStyle: "dotted", cursor: "help" },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorBrandStroke1}` },
});

function shortCell(ref: string): string {
  return ref.replace(/^'((?:[^']|'')+)'!/, (_m, s: string) => s.replace(/''/g, "'") + "!");
}

/** The short label of a finding's first indicator ("Số hội nghị đối thoại"), when it names one. */
export function findingLabel(f: Finding, t: TemplateDef | undefined, lang: CheckLang): string | undefined {
  const code = f.indicators && f.indicators[0];
  const d = code && t ? t.indicators.find((x) => x.code === code) : undefined;
  if (!d) return undefined;
  return d.short ? d.short[lang] || d.short.vi : d.label[lang] || d.label.vi;
}

/** For each finding shown under an error (`impliedBy`), that error, when it is in `list`. */
export function nestedUnder(list: Finding[]): Map<Finding, Finding> {
  const out = new Map<Finding, Finding>();
  for (const f of list) {
    const p = impliedParent(f, list);
    if (p) out.set(f, p);
  }
  return out;
}

export interface Figure {
  /** The indicator's code, as in the workbook's "Mã" column. */
  code: string;
  /** The indicator's label in the pane's language (the code's tooltip), when the code is an indicator. */
  label?: string;
  /** The value as the appendix prints it: "04", "10.424.000", "100%", "Không có", "(trống)". */
  text: string;
}

/** A finding's figures, printed the Vietnamese way per indicator kind (src/core/values.ts). */
export function findingFigures(f: Finding, t: TemplateDef | undefined, lang: CheckLang): Figure[] {
  if (!f.values) return [];
  return Object.entries(f.values).map(([code, v]) => {
    const d = t?.indicators.find((x) => x.code === code);
    let text: string;
    if (d) text = formatValue(v, d.kind);
    else if (typeof v === "number") text = formatNumber(v, Number.isInteger(v) ? 0 : 2);
    else text = v === null || v === undefined ? "" : String(v);
    return { code, label: d ? (d.short ? d.short[lang] || d.short.vi : d.label[lang]) : undefined, text: text === "" ? ct(lang, "blank") : text };
  });
}

export interface FindingsPanelProps {
  findings: Finding[];
  lang: CheckLang;
  template?: TemplateDef;
  onSelect?: (f: Finding) => void;
}

type Styles = ReturnType<typeof useStyles>;

/** One finding as a button: label and cell, the suggestion, the message (`nested`: under its error, "↳"). */
function FindingButton({ f, s, lang, template, onSelect, nested }: { f: Finding; s: Styles; lang: CheckLang; template?: TemplateDef; onSelect?: (f: Finding) => void; nested?: boolean }) {
  const cell = f.cells && f.cells[0];
  const label = findingLabel(f, template, lang);
  const mark = (nested ? "↳ " : "") + SEV_MARK[f.severity];
  const where = cell ? shortCell(cell) : undefined;
  const aria = [mark + " " + (label ?? ct(lang, SEV_KEY[f.severity])), f.suggestion, f.message, where ? ct(lang, "goTo", { cell: where }) : undefined].filter(Boolean).join(" — ");
  return (
    <Button
      appearance="subtle"
      className={mergeClasses(s.item, s[f.severity], nested && s.nested)}
      onClick={() => onSelect?.(f)}
      disabled={!cell}
      data-testid="finding"
      data-rule={f.rule}
      data-severity={f.severity}
      data-implied-by={f.impliedBy}
      aria-label={aria}
    >
      <span className={s.body}>
        <span className={s.head} data-testid="finding-head">
          {mark} {label ?? ct(lang, SEV_KEY[f.severity])}
          {where ? (
            <>
              {" · "}
              <span className={s.cell} data-testid="finding-cell" title={ct(lang, "goTo", { cell: where })}>
                {where}
              </span>
            </>
          ) : null}
        </span>
        {f.suggestion && (
          <span className={s.suggestion} data-testid="finding-suggestion">
            → {f.suggestion}
          </span>
        )}
        <span className={f.suggestion ? s.message : undefined} data-testid="finding-message">
          {nested ? ct(lang, "implied") + ": " : ""}
          {f.message}
        </span>
      </span>
    </Button>
  );
}

/** The secondary part of a finding (and those under it): figures with their codes, rule ids, the cell. */
function Details({ list, s, lang, template }: { list: Finding[]; s: Styles; lang: CheckLang; template?: TemplateDef }) {
  const [open, setOpen] = React.useState(false);
  const id = React.useId();
  return (
    <>
      <Button
        appearance="transparent"
        size="small"
        className={s.detailsButton}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid="finding-details-toggle"
      >
        {open ? "▾ " + ct(lang, "hideDetails") : "▸ " + ct(lang, "details")}
      </Button>
      {open && (
        <div id={id} className={s.details} data-testid="finding-details">
          {list.map((f, k) => {
            const fig = findingFigures(f, template, lang);
            const cell = f.cells && f.cells[0];
            return (
              <React.Fragment key={k}>
                {fig.length > 0 && (
                  <span className={s.meta} data-testid="figures">
                    {list.length > 1 ? SEV_MARK[f.severity] + " " : ""}
                    {ct(lang, "values")}:{" "}
                    {fig.map((g, j) => (
                      <React.Fragment key={g.code}>
                        {j > 0 && "; "}
                        {g.label ? (
                          <abbr className={s.code} title={g.label}>
                            {g.code}
                          </abbr>
                        ) : (
                          g.code
                        )}{" "}
                        = {g.text}
                      </React.Fragment>
                    ))}
                  </span>
                )}
                <span className={s.meta} data-testid="finding-rule">
                  {ct(lang, "rule")}: {f.rule} · {cell ? f.cells!.map(shortCell).join(", ") : f.path ?? ct(lang, "noCell")}
                </span>
              </React.Fragment>
            );
          })}
        </div>
      )}
    </>
  );
}

export function FindingsPanel({ findings, lang, template, onSelect }: FindingsPanelProps): React.ReactElement {
  const s = useStyles();
  const [sev, setSev] = React.useState<"all" | Severity>("all");
  const [group, setGroup] = React.useState<"all" | GroupKey>("all");
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    else counts.infos++;
  }
  const groups = React.useMemo(() => {
    const seen = new Set(findings.map((f) => findingGroup(f, template)));
    const order = [...Array.from({ length: 9 }, (_x, i) => "g" + (i + 1)), "registers", "workbook", "other"];
    return order.filter((g) => seen.has(g));
  }, [findings, template]);
  const groupLabel = (g: GroupKey) =>
    g.startsWith("g") ? ct(lang, "groupN", { n: g.slice(1) }) : g === "registers" ? ct(lang, "groupRegisters") : g === "workbook" ? ct(lang, "groupWorkbook") : ct(lang, "groupOther");
  const shown = findings.filter((f) => (sev === "all" || f.severity === sev) && (group === "all" || findingGroup(f, template) === group));
  // A finding an error implies is shown under that error while the error is shown.
  const under = nestedUnder(shown);
  const sevId = React.useId();
  const groupId = React.useId();
  return (
    <section className={s.root} aria-label={ct(lang, "checkButton")} data-testid="findings-panel">
      <p className={s.summary} role="status" data-testid="summary">
        {ct(lang, "summary", counts)}
      </p>
      {counts.errors + counts.warnings === 0 && <p data-testid="all-good">{ct(lang, "allGood")}</p>}
      {findings.length > 0 && (
        <div className={s.filters}>
          <div className={s.filter}>
            <Label htmlFor={sevId}>{ct(lang, "filterSeverity")}</Label>
            <Select id={sevId} value={sev} onChange={(_e, d) => setSev(d.value as "all" | Severity)} data-testid="filter-severity">
              <option value="all">{ct(lang, "all")}</option>
              {SEVERITIES.map((x) => (
                <option key={x} value={x}>
                  {ct(lang, SEV_KEY[x])}
                </option>
              ))}
            </Select>
          </div>
          <div className={s.filter}>
            <Label htmlFor={groupId}>{ct(lang, "filterGroup")}</Label>
            <Select id={groupId} value={group} onChange={(_e, d) => setGroup(d.value)} data-testid="filter-group">
              <option value="all">{ct(lang, "all")}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {groupLabel(g)}
                </option>
              ))}
            </Select>
          </div>
        </div>
      )}
      {findings.length > 0 && shown.length === 0 && <p>{ct(lang, "noMatch")}</p>}
      {SEVERITIES.map((x) => {
        const list = shown.filter((f) => f.severity === x);
        if (!list.length) return null;
        const top = list.filter((f) => !under.has(f));
        const nested = list.length - top.length;
        return (
          <div key={x} data-testid={"sev-" + x}>
            <h3 className={s.h3}>
              {ct(lang, SEV_KEY[x])} ({list.length})
            </h3>
            {nested > 0 && (
              <p className={s.meta} data-testid="nested-note">
                {ct(lang, "nestedNote", { n: nested })}
              </p>
            )}
            <ul className={s.list}>
              {top.map((f, i) => {
                const kids = [...under].filter(([, p]) => p === f).map(([c]) => c);
                return (
                  <li key={x + i} className={s.card} data-testid="finding-card">
                    <FindingButton f={f} s={s} lang={lang} template={template} onSelect={onSelect} />
                    {kids.map((c, j) => (
                      <FindingButton key={j} f={c} s={s} lang={lang} template={template} onSelect={onSelect} nested />
                    ))}
                    <Details list={[f, ...kids]} s={s} lang={lang} template={template} />
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

export default FindingsPanel;
