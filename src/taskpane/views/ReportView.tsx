/**
 * The report view of the task pane: a preview of the report (React elements built from
 * the document model: no HTML string is ever injected), "Tải .docx" (the docx writer is
 * loaded on demand as its own chunk), "Sao chép" (rich HTML + plain text, with fallbacks)
 * and "Chèn vào trang tính"; under the preview, "Đối chiếu bản dự thảo" (components/DraftCheck:
 * a draft pasted from Word checked against the figures, the checker loaded on demand).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Switch, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { ReportData } from "../../core/types";
import type { Block, DocModel, Run } from "../../core/doc/model";
import { cleanText } from "../../core/doc/model";
import { buildReport, buildSummaryReport, type ReportResult } from "../../core/narrative/report";
import { fullSymbol } from "../../core/narrative/appendix";
import { renderHtml } from "../../core/render/html";
import { renderText } from "../../core/render/text";
import { renderRows, type SheetRows } from "../../core/render/rows";
import { REPORT_STRINGS } from "./report.strings";
import DraftCheck from "../components/DraftCheck";

export interface ReportViewProps {
  getData: () => Promise<ReportData>;
  lang: "vi" | "en";
  insertSheet?: (rows: SheetRows) => Promise<string>;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "8px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "6px" },
  page: {
    backgroundColor: "#fff",
    color: "#000",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    padding: "16px 10px 16px 18px",
    maxHeight: "60vh",
    overflowY: "auto",
    overflowWrap: "anywhere",
  },
  hidden: { position: "fixed", left: "-10000px", top: "0" },
});

/** Preview scale: points of the document → CSS points in the narrow pane. */
const SCALE = 0.72;

/** Words with a hyphen inside ("Covid-19", "538/BC-SKHCN"): never broken across lines. */
const HYPHEN_WORD = /([^\s]*[\p{L}\p{N}/)]-[\p{L}\p{N}(][^\s]*)/u;

function HyphenSafe({ text }: { text: string }): React.ReactElement {
  const parts = text.split(HYPHEN_WORD);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i} style={{ whiteSpace: "nowrap" }}>
            {p}
          </span>
        ) : (
          <React.Fragment key={i}>{p}</React.Fragment>
        ),
      )}
    </>
  );
}

function RunEl({ run, size }: { run: Run; size?: number }): React.ReactElement {
  const s = run.size ?? size;
  const style: React.CSSProperties = {};
  if (run.bold) style.fontWeight = "bold";
  if (run.italic) style.fontStyle = "italic";
  if (run.underline) style.textDecoration = "underline";
  if (s) style.fontSize = `${s * SCALE}pt`;
  const parts = cleanText(run.text).split("\n");
  const inner = parts.map((p, i) => (
    <React.Fragment key={i}>
      {i > 0 && <br />}
      <HyphenSafe text={p} />
    </React.Fragment>
  ));
  if (run.highlight)
    return (
      <mark style={{ ...style, backgroundColor: "#ffff00", color: "#000" }} data-testid="report-mark">
        {inner}
      </mark>
    );
  return <span style={style}>{inner}</span>;
}

/**
 * Lines kept on one line (the national heading, the motto, the date line): never wrapped;
 * where the pane is too narrow, their font is scaled down until they fit.
 */
function fitOneLine(root: HTMLElement | null): void {
  if (!root) return;
  root.querySelectorAll<HTMLElement>("[data-one-line]").forEach((p) => {
    const spans = Array.from(p.querySelectorAll<HTMLElement>("span, mark")).filter((x) => x.style.fontSize);
    for (const sp of spans) {
      sp.dataset.size ??= sp.style.fontSize;
      sp.style.fontSize = sp.dataset.size;
    }
    const avail = p.clientWidth;
    const need = p.scrollWidth;
    if (!avail || need <= avail) return;
    const k = (avail / need) * 0.97;
    for (const sp of spans) sp.style.fontSize = `${parseFloat(sp.dataset.size ?? "10") * k}pt`;
  });
}

function BlocksEl({ blocks, doc, inCell }: { blocks: Block[]; doc: DocModel; inCell: boolean }): React.ReactElement {
  const page = doc.page;
  return (
    <>
      {blocks.map((b, i) => {
        if (b.type === "paragraph" || b.type === "list") {
          const items: Run[][] = b.type === "paragraph" ? [b.runs] : b.items.map((it) => [{ text: b.marker }, ...it]);
          const indent = b.indent ?? !inCell;
          const style: React.CSSProperties = {
            margin: `${(b.type === "paragraph" ? b.spaceBefore ?? 0 : 0) * SCALE}pt 0 ${(b.spaceAfter ?? (inCell ? 0 : page.paragraphAfter)) * SCALE}pt 0`,
            textAlign: b.align ?? "justify",
            textIndent: indent ? `${page.firstLineIndentCm * SCALE}cm` : 0,
          };
          return (
            <React.Fragment key={i}>
              {b.type === "paragraph" && b.pageBreakBefore && <hr style={{ border: "none", borderTop: "1px dashed #999", margin: "12px 0" }} />}
              {items.map((runs, k) => (
                <p key={k} style={b.type === "paragraph" && b.keepOnOneLine ? { ...style, whiteSpace: "nowrap", overflow: "hidden" } : style} data-one-line={b.type === "paragraph" && b.keepOnOneLine ? "" : undefined}>
                  {runs.length ? runs.map((r, j) => <RunEl key={j} run={r} size={b.size} />) : "\u00a0"}
                </p>
              ))}
            </React.Fragment>
          );
        }
        if (b.type === "rule")
          return <div key={i} style={{ width: `${b.widthCm * SCALE}cm`, borderTop: "1px solid #000", margin: b.align === "left" ? "2pt auto 3pt 0" : "2pt auto 3pt auto" }} />;
        return (
          <table key={i} style={{ width: "100%", borderCollapse: "collapse", tableLayout: "fixed" }}>
            <tbody>
              {b.rows.map((row, r) => {
                let col = 0;
                return (
                  <tr key={r}>
                    {row.map((cell, c) => {
                      const span = cell.colSpan ?? 1;
                      const w = b.widths.slice(col, col + span).reduce((a, x) => a + x, 0);
                      col += span;
                      return (
                        <td key={c} colSpan={span > 1 ? span : undefined} style={{ width: `${w * 100}%`, verticalAlign: "top", padding: "0 3px", border: b.borders ? "1px solid #000" : "none" }}>
                          <BlocksEl blocks={cell.blocks} doc={doc} inCell />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </>
  );
}

/** The document as React elements. */
export function DocPreview({ doc }: { doc: DocModel }): React.ReactElement {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useLayoutEffect(() => {
    fitOneLine(ref.current);
    const onResize = () => fitOneLine(ref.current);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, [doc]);
  return (
    <div ref={ref} style={{ fontFamily: `'${doc.page.font}', 'Times New Roman', serif`, fontSize: `${doc.page.fontSize * SCALE}pt`, lineHeight: 1.2 }}>
      <BlocksEl blocks={doc.blocks} doc={doc} inCell={false} />
    </div>
  );
}

function messageOf(e: unknown, lang: "vi" | "en"): string {
  const x = e as { vi?: string; en?: string; message?: string } | undefined;
  if (x && typeof x.vi === "string") return lang === "en" && x.en ? x.en : x.vi;
  return x && x.message ? String(x.message) : String(e);
}

type Status = { kind: "success" | "error" | "info" | "warning"; text: string } | undefined;

function fileName(data: ReportData | undefined, summary: boolean): string {
  const sym = data ? fullSymbol(data).replace(/[\\/:*?"<>|]+/g, "-") : "";
  return (summary ? "Tom-tat" : "Bao-cao") + (sym ? "-" + sym : "") + ".docx";
}

export default function ReportView({ getData, lang, insertSheet }: ReportViewProps): React.ReactElement {
  const t = REPORT_STRINGS[lang] ?? REPORT_STRINGS.vi;
  const styles = useStyles();
  const [data, setData] = React.useState<ReportData>();
  const [loadError, setLoadError] = React.useState<string>();
  const [summaryOnly, setSummaryOnly] = React.useState(false);
  const [group, setGroup] = React.useState(false);
  const [busy, setBusy] = React.useState<"load" | "docx" | "insert" | undefined>("load");
  const [status, setStatus] = React.useState<Status>();
  const [manualText, setManualText] = React.useState<string>();
  const previewRef = React.useRef<HTMLDivElement>(null);
  const manualRef = React.useRef<HTMLTextAreaElement>(null);

  const load = React.useCallback(async () => {
    setBusy("load");
    setLoadError(undefined);
    setStatus(undefined);
    try {
      setData(await getData());
    } catch (e) {
      setLoadError(t.loadFailed + " " + messageOf(e, lang));
    } finally {
      setBusy(undefined);
    }
  }, [getData, lang, t]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const result: ReportResult | undefined = React.useMemo(() => {
    if (!data) return undefined;
    const opts = { groupDocuments: group };
    return summaryOnly ? buildSummaryReport(data, opts) : buildReport(data, opts);
  }, [data, summaryOnly, group]);

  React.useEffect(() => {
    if (manualText !== undefined && manualRef.current) manualRef.current.select();
  }, [manualText]);

  const download = async () => {
    if (!result) return;
    setBusy("docx");
    setStatus({ kind: "info", text: t.downloading });
    try {
      const mod = await import(/* webpackChunkName: "docx" */ "../../docx/render-docx");
      const bytes = await mod.renderDocx(result.doc);
      const name = fileName(data, summaryOnly);
      const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.rel = "noopener";
      a.style.display = "none";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      setStatus({ kind: "success", text: t.downloaded(name) });
    } catch (e) {
      setStatus({ kind: "error", text: t.downloadFailed + " (" + messageOf(e, lang) + ")" });
    } finally {
      setBusy(undefined);
    }
  };

  const copy = async () => {
    if (!result) return;
    const html = renderHtml(result.doc, { fullDocument: true });
    const text = renderText(result.doc);
    setManualText(undefined);
    // 1. The asynchronous clipboard with both formats.
    try {
      const CI = (window as unknown as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
      if (CI && navigator.clipboard && typeof navigator.clipboard.write === "function") {
        await navigator.clipboard.write([
          new CI({ "text/html": new Blob([html], { type: "text/html" }), "text/plain": new Blob([text], { type: "text/plain" }) }),
        ]);
        setStatus({ kind: "success", text: t.copied });
        return;
      }
    } catch {
      /* next way */
    }
    // 2. Select the preview (React-rendered, so already safe) and copy it as rich text.
    try {
      const node = previewRef.current;
      const sel = window.getSelection();
      if (node && sel && typeof document.execCommand === "function") {
        const range = document.createRange();
        range.selectNodeContents(node);
        sel.removeAllRanges();
        sel.addRange(range);
        const ok = document.execCommand("copy");
        sel.removeAllRanges();
        if (ok) {
          setStatus({ kind: "success", text: t.copied });
          return;
        }
      }
    } catch {
      /* next way */
    }
    // 3. A text box to copy by hand.
    setManualText(text);
    setStatus({ kind: "warning", text: t.copyManual });
  };

  const insert = async () => {
    if (!result || !insertSheet) return;
    setBusy("insert");
    setStatus({ kind: "info", text: t.inserting });
    try {
      const name = await insertSheet(renderRows(result.doc));
      setStatus({ kind: "success", text: t.inserted(name) });
    } catch (e) {
      setStatus({ kind: "error", text: t.insertFailed + " " + messageOf(e, lang) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className={styles.root} aria-busy={busy !== undefined}>
      <h2 style={{ margin: 0, fontSize: "16px" }}>{t.title}</h2>
      <p style={{ margin: 0 }}>{t.intro}</p>
      {busy === "load" && <Spinner size="tiny" label={t.loading} />}
      {loadError && (
        <MessageBar intent="error">
          <MessageBarBody>{loadError}</MessageBarBody>
        </MessageBar>
      )}
      {result && result.errors > 0 && (
        <MessageBar intent="warning" data-testid="report-errors">
          <MessageBarBody>{t.errors(result.errors)}</MessageBarBody>
        </MessageBar>
      )}
      {result &&
        result.warnings
          .filter((w) => w.code !== "data.errors")
          .map((w, i) => (
            <MessageBar key={i} intent="warning" data-testid={w.code === "narrative.marked" ? "report-marked" : undefined}>
              <MessageBarBody style={{ whiteSpace: "pre-line", maxHeight: "9.5em", overflowY: "auto" }} tabIndex={w.code === "narrative.marked" ? 0 : undefined}>
                {lang === "en" ? w.en : w.vi}
              </MessageBarBody>
            </MessageBar>
          ))}
      <Switch checked={summaryOnly} onChange={(_, d) => setSummaryOnly(!!d.checked)} label={t.summaryOnly} />
      <Switch checked={group} onChange={(_, d) => setGroup(!!d.checked)} label={t.groupDocuments} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!result || busy !== undefined} onClick={() => void download()} title={t.downloadHint}>
          {t.download}
        </Button>
        <Button disabled={!result} onClick={() => void copy()}>
          {t.copy}
        </Button>
        {insertSheet && (
          <Button disabled={!result || busy !== undefined} onClick={() => void insert()}>
            {t.insert}
          </Button>
        )}
        <Button appearance="subtle" disabled={busy !== undefined} onClick={() => void load()}>
          {t.refresh}
        </Button>
      </div>
      {status && (
        <MessageBar intent={status.kind} role="status">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {manualText !== undefined && (
        <Textarea aria-label={t.manualLabel} ref={manualRef} value={manualText} readOnly resize="vertical" rows={8} />
      )}
      {result && (
        <section aria-label={t.preview}>
          <div className={styles.page} ref={previewRef} data-testid="report-preview">
            <DocPreview doc={result.doc} />
          </div>
        </section>
      )}
      <DraftCheck getData={getData} lang={lang} />
    </div>
  );
}
