/**
 * "Đối chiếu bản dự thảo": the user pastes a draft written by hand (from Word), and the
 * draft checker (src/core/draft, `checkDraft`) compares its figures, negations ("không tổ
 * chức…"), the report's number and date with the workbook's figures, and lints symbols and
 * dates. The check runs in a Web Worker where the host has one (draft-runner.ts; the pane
 * stays responsive on a long draft), else on demand on the UI thread (its own chunk,
 * "draft-check"); the figures are read afresh from the workbook at each check.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckResult, Finding, ReportData, Severity } from "../../core/types";
import { DRAFT_STRINGS } from "./draft-check.strings";
import { checkDraftOffThread } from "../draft-runner";

export interface DraftCheckProps {
  /** The workbook's report data (read at each check). */
  getData: () => Promise<ReportData>;
  lang: "vi" | "en";
}

/** Longest quote shown whole; longer ones are cut around the offending words. */
const MAX_QUOTE = 240;
const CONTEXT = 90;

export interface Excerpt {
  before: string;
  mark: string;
  after: string;
}

const WORDISH = /[\p{L}\p{N}]/u;

/** Where `needle` stands in `hay` as a whole word (case-insensitive); the first occurrence otherwise. */
function locate(hay: string, needle: string): number {
  if (!needle) return -1;
  const h = hay.toLowerCase();
  const n = needle.toLowerCase();
  const sameLength = h.length === hay.length && n.length === needle.length;
  const H = sameLength ? h : hay;
  const N = sameLength ? n : needle;
  let first = -1;
  for (let i = H.indexOf(N); i >= 0; i = H.indexOf(N, i + 1)) {
    if (first < 0) first = i;
    const before = i > 0 ? H[i - 1] : " ";
    const after = i + N.length < H.length ? H[i + N.length] : " ";
    if (!WORDISH.test(before) && !WORDISH.test(after)) return i;
  }
  return first;
}

/**
 * The part of a finding's quoted sentence to show: the words the message quotes (the
 * figure, the phrase, the symbol, the date) marked, with some context either side when
 * the sentence is long.
 */
export function excerpt(f: Pick<Finding, "quote" | "message">, max = MAX_QUOTE, context = CONTEXT): Excerpt | undefined {
  const quote = (f.quote ?? "").trim();
  if (!quote) return undefined;
  let at = -1;
  let len = 0;
  for (const m of f.message.matchAll(/"([^"]+)"|“([^”]+)”/g)) {
    const needle = (m[1] ?? m[2] ?? "").trim();
    const i = locate(quote, needle);
    if (i >= 0) {
      at = i;
      len = needle.length;
      break;
    }
  }
  if (at < 0) return { before: quote.length > max ? cutEnd(quote, max) : quote, mark: "", after: "" };
  let start = 0;
  let end = quote.length;
  if (quote.length > max) {
    start = Math.max(0, at - context);
    end = Math.min(quote.length, at + len + context);
    if (start > 0) {
      const sp = quote.indexOf(" ", start);
      if (sp >= 0 && sp < at) start = sp + 1;
    }
    if (end < quote.length) {
      const sp = quote.lastIndexOf(" ", end);
      if (sp > at + len) end = sp;
    }
  }
  return {
    before: (start > 0 ? "…" : "") + quote.slice(start, at),
    mark: quote.slice(at, at + len),
    after: quote.slice(at + len, end) + (end < quote.length ? "…" : ""),
  };
}

function cutEnd(s: string, max: number): string {
  const sp = s.lastIndexOf(" ", max);
  return s.slice(0, sp > max / 2 ? sp : max) + "…";
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "8px", marginTop: "8px" },
  h: { margin: 0, fontSize: "15px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  summary: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  h4: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "6px 0 2px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: { padding: "6px 8px", backgroundColor: tokens.colorNeutralBackground2, overflowWrap: "anywhere" },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorBrandStroke1}` },
  message: { margin: 0 },
  quote: {
    margin: "4px 0",
    padding: "2px 8px",
    borderLeft: `2px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    fontStyle: "italic",
  },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1, fontStyle: "normal", fontWeight: tokens.fontWeightSemibold },
  suggestion: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];

function messageOf(e: unknown, lang: "vi" | "en"): string {
  const x = e as { vi?: string; en?: string; message?: string } | undefined;
  if (x && typeof x.vi === "string") return lang === "en" && x.en ? x.en : x.vi;
  return x && x.message ? String(x.message) : String(e);
}

export default function DraftCheck({ getData, lang }: DraftCheckProps): React.ReactElement {
  const t = DRAFT_STRINGS[lang] ?? DRAFT_STRINGS.vi;
  const s = useStyles();
  const [text, setText] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const [result, setResult] = React.useState<CheckResult>();
  const last = React.useRef<{ text: string; data: ReportData; lang: "vi" | "en" }>();

  const run = async () => {
    setError(undefined);
    if (!text.trim()) {
      setResult(undefined);
      last.current = undefined;
      setError(t.empty);
      return;
    }
    setBusy(true);
    try {
      const data = await getData();
      setResult(await checkDraftOffThread(text, data, lang));
      last.current = { text, data, lang };
    } catch (e) {
      setResult(undefined);
      last.current = undefined;
      setError(t.failed + " " + messageOf(e, lang));
    } finally {
      setBusy(false);
    }
  };

  // The findings follow the pane's language (same text and figures, no new workbook read).
  React.useEffect(() => {
    const l = last.current;
    if (!l || l.lang === lang) return;
    let live = true;
    void checkDraftOffThread(l.text, l.data, lang).then(
      (r) => {
        if (!live) return;
        setResult(r);
        last.current = { ...l, lang };
      },
      () => {
        /* the same text checked before: no new error to show */
      },
    );
    return () => {
      live = false;
    };
  }, [lang]);

  const stale = result !== undefined && last.current !== undefined && last.current.text !== text;
  const title = { error: t.errors, warning: t.warnings, info: t.infos };

  return (
    <section className={s.root} aria-labelledby="draft-check-title" data-testid="draft-check">
      <h3 id="draft-check-title" className={s.h}>
        {t.title}
      </h3>
      <p style={{ margin: 0 }}>{t.intro}</p>
      <Textarea
        aria-label={t.textLabel}
        placeholder={t.placeholder}
        value={text}
        onChange={(_, d) => setText(d.value)}
        resize="vertical"
        rows={6}
        data-testid="draft-text"
        spellCheck={false}
      />
      <div className={s.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void run()} data-testid="draft-run">
          {t.run}
        </Button>
        {text !== "" && (
          <Button
            appearance="subtle"
            disabled={busy}
            onClick={() => {
              setText("");
              setResult(undefined);
              setError(undefined);
              last.current = undefined;
            }}
          >
            {t.clear}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={t.running} />}
      </div>
      {error && (
        <MessageBar intent="error" data-testid="draft-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <div aria-live="polite" data-testid="draft-result">
          <p className={s.summary} data-testid="draft-summary">
            {t.summary(result.summary.errors, result.summary.warnings)}
          </p>
          {stale && <p style={{ margin: "4px 0" }}>{t.stale}</p>}
          {result.summary.shown !== undefined && (
            <p style={{ margin: "4px 0" }} data-testid="draft-capped">
              {t.capped(result.summary.shown, result.summary.errors + result.summary.warnings + result.summary.infos)}
            </p>
          )}
          {result.findings.length === 0 ? (
            <MessageBar intent="success" data-testid="draft-clean">
              <MessageBarBody>{t.allGood}</MessageBarBody>
            </MessageBar>
          ) : (
            result.summary.errors === 0 && <p style={{ margin: "4px 0" }}>{t.figuresOk(result.summary.warnings)}</p>
          )}
          {SEVERITIES.map((sev) => {
            const list = result.findings.filter((f) => f.severity === sev);
            if (!list.length) return null;
            return (
              <div key={sev} data-testid={"draft-" + sev + "s"}>
                <h4 className={s.h4}>
                  {title[sev]} ({list.length})
                </h4>
                <ul className={s.list}>
                  {list.map((f, i) => {
                    const ex = excerpt(f);
                    return (
                      <li key={i} className={`${s.item} ${s[sev]}`} data-testid="draft-finding" data-rule={f.rule}>
                        <p className={s.message}>{f.message}</p>
                        {ex && (
                          <blockquote className={s.quote} aria-label={t.quoteLabel} data-testid="draft-quote">
                            {ex.before}
                            {ex.mark && <mark className={s.mark}>{ex.mark}</mark>}
                            {ex.after}
                          </blockquote>
                        )}
                        {f.suggestion && (
                          <p className={s.suggestion}>
                            <strong>{t.suggestion}:</strong> {f.suggestion}
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
