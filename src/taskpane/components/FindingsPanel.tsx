/**
 * The findings of a check: a summary (errors / warnings / notes), filters by group
 * (indicator groups 1–9, registers, workbook) and by severity, and the findings grouped
 * by severity. Each finding is a button: click, Enter or Space goes to its cell(s).
 */
import * as React from "react";
import { Button, Select, makeStyles, mergeClasses, tokens, Label } from "@fluentui/react-components";
import type { Finding, Severity, TemplateDef } from "../../core/types";
import { formatValue } from "../../core/values";
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
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  code: { textDecorationLine: "underline", textDecorationStyle: "dotted", cursor: "help" },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorBrandStroke1}` },
});

function shortCell(ref: string): string {
  return ref.replace(/^'((?:[^']|'')+)'!/, (_m, s: string) => s.replace(/''/g, "'") + "!");
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
    return { code, label: d ? d.label[lang] : undefined, text: text === "" ? ct(lang, "blank") : text };
  });
}

export interface FindingsPanelProps {
  findings: Finding[];
  lang: CheckLang;
  template?: TemplateDef;
  onSelect?: (f: Finding) => void;
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
        return (
          <div key={x} data-testid={"sev-" + x}>
            <h3 className={s.h3}>
              {ct(lang, SEV_KEY[x])} ({list.length})
            </h3>
            <ul className={s.list}>
              {list.map((f, i) => {
                const cell = f.cells && f.cells[0];
                const fig = findingFigures(f, template, lang);
                return (
                  <li key={x + i}>
                    <Button
                      appearance="subtle"
                      className={mergeClasses(s.item, s[x])}
                      onClick={() => onSelect?.(f)}
                      disabled={!cell}
                      data-testid="finding"
                      data-rule={f.rule}
                      data-severity={f.severity}
                      aria-label={`${SEV_MARK[x]} ${f.message}${cell ? " — " + ct(lang, "goTo", { cell: shortCell(cell) }) : ""}`}
                    >
                      <span className={s.body}>
                        <span>
                          {SEV_MARK[x]} {f.message}
                        </span>
                        {fig.length > 0 && (
                          <span className={s.meta} data-testid="figures">
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
                        <span className={s.meta}>
                          {f.rule} · {cell ? ct(lang, "goTo", { cell: shortCell(cell) }) : ct(lang, "noCell")}
                        </span>
                      </span>
                    </Button>
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
