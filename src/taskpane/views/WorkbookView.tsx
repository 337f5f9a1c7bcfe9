/**
 * "Sổ nhập liệu": set up the structured sheets, import a report JSON, export the sheets as
 * JSON. Every change is shown first and confirmed (Office cannot undo an add-in's changes).
 */
import * as React from "react";
import { Button, Label, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { Text } from "../../core/types";
import { tr, pick, type Lang } from "../i18n";
import { capsNotes, detectCaps } from "../../excel/caps";
import { Notice } from "../components/Notice";
import { pt } from "./previous.strings";
import { ut } from "./upgrade.strings";

type Ops = typeof import("../../excel/ops");
type Analysis = import("../../excel/ops").Analysis;
type ReportData = import("../../core/types").ReportData;
type WorkbookInfo = import("../../excel/ops").WorkbookInfo;
type PreviousPreview = import("../../excel/ops").PreviousPreview;
type PreviousSource = import("../../excel/ops").PreviousSource;

/** Reads last year's file (jszip and the readers, loaded on first use). */
const loadPreviousSource = () => import(/* webpackChunkName: "previous-source" */ "../previous-source");

let opsPromise: Promise<Ops> | undefined;
const loadDialog = () => import(/* webpackChunkName: "confirm-dialog" */ "../components/ConfirmDialog");
const ConfirmDialog = React.lazy(loadDialog);
/** The workbook operations (and the confirmation dialog), loaded on first use. */
export function loadOps(): Promise<Ops> {
  opsPromise = opsPromise ?? import(/* webpackChunkName: "workbook-ops" */ "../../excel/ops");
  opsPromise.catch(() => (opsPromise = undefined));
  void loadDialog().catch(() => undefined);
  return opsPromise;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "16px", padding: "8px 4px" },
  section: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  p: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  list: { margin: "4px 0", paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "4px" },
  wide: { width: "100%" },
  json: { width: "100%", fontFamily: tokens.fontFamilyMonospace },
  hidden: { display: "none" },
});

/** A message from any error the operations throw (ExcelTaskError, InputError: vi/en). */
export function errorText(lang: Lang, e: unknown): string {
  const x = e as { vi?: string; en?: string; message?: string } | undefined;
  if (x && typeof x.vi === "string") return lang === "en" && x.en ? x.en : x.vi;
  return (x && x.message) || String(e);
}

type Phase =
  | { kind: "idle" }
  | { kind: "busy"; label: string }
  | { kind: "confirm-setup"; preview: Analysis; changed?: boolean }
  | { kind: "confirm-import"; preview: Analysis; data: ReportData; file: string; changed?: boolean }
  | { kind: "confirm-previous"; preview: PreviousPreview; source: PreviousSource; file: string; lines: { title: string; lines: string[] }[]; changed?: boolean };

type Outcome =
  | { kind: "done"; title: string; items: Text[]; notes?: Text[]; found?: { errors: number; warnings: number } }
  | { kind: "info"; text: string }
  | { kind: "error"; title?: string; text: string };

function Bullets({ items, lang, testId }: { items: Text[]; lang: Lang; testId?: string }): React.ReactElement {
  const s = useStyles();
  return (
    <ul className={s.list} data-testid={testId}>
      {items.map((t, i) => (
        <li key={i}>{pick(lang, t)}</li>
      ))}
    </ul>
  );
}

/** "3 lỗi và 1 cảnh báo" / "3 errors and 1 warning". */
export function foundText(lang: Lang, f: { errors: number; warnings: number }): string {
  if (f.errors + f.warnings === 0) return tr(lang, "importClean");
  const en = (n: number, w: string) => n + " " + w + (n === 1 ? "" : "s");
  return lang === "en"
    ? tr(lang, "importFound", { errors: en(f.errors, "error"), warnings: en(f.warnings, "warning") })
    : tr(lang, "importFound", { errors: f.errors, warnings: f.warnings });
}

export default function WorkbookView({ lang, onShowCheck }: { lang: Lang; onShowCheck?: () => void }): React.ReactElement {
  const s = useStyles();
  const [phase, setPhase] = React.useState<Phase>({ kind: "idle" });
  const [outcome, setOutcome] = React.useState<Outcome | undefined>();
  const [exported, setExported] = React.useState<{ json: string; url: string; file: string; problems: Text[] } | undefined>();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const previousInput = React.useRef<HTMLInputElement>(null);
  const templateInput = React.useRef<HTMLInputElement>(null);
  const [custom, setCustom] = React.useState<import("../../core/types").TemplateDef | undefined>();
  const notes = React.useMemo(() => capsNotes(detectCaps()), []);
  const busy = phase.kind === "busy";
  // The templates a new workbook may use (default first); loaded with the workbook operations.
  const [choices, setChoices] = React.useState<{ id: string; title: Text; draft?: Text }[]>([]);
  const [templateId, setTemplateId] = React.useState<string | undefined>();
  React.useEffect(() => {
    let live = true;
    loadOps()
      .then((o) => {
        if (!live) return;
        const c = o.templateChoices();
        setChoices(c);
        setTemplateId((x) => x ?? (c[0] && c[0].id));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const chosen = choices.find((c) => c.id === templateId);
  // The open workbook's template (carried in it or built in) and layout: shown, and an upgrade offered.
  const [info, setInfo] = React.useState<WorkbookInfo | undefined>();
  const refreshInfo = React.useCallback(() => {
    loadOps()
      .then((o) => o.workbookInfo())
      .then(setInfo)
      .catch(() => setInfo(undefined));
  }, []);
  React.useEffect(() => refreshInfo(), [refreshInfo]);
  const newerCustom = custom && info?.template && custom.id === info.template.id && (custom.version ?? 1) > info.template.version ? custom : undefined;

  React.useEffect(() => () => exported && URL.revokeObjectURL(exported.url), [exported]);

  const fail = (e: unknown) => {
    setPhase({ kind: "idle" });
    setOutcome({ kind: "error", text: errorText(lang, e) });
  };

  async function startSetup(): Promise<void> {
    setOutcome(undefined);
    setPhase({ kind: "busy", label: tr(lang, "setupReading") });
    try {
      const ops = await loadOps();
      const preview = await ops.previewSetup(detectCaps(), templateId, custom);
      if (preview.nothingToDo) {
        setPhase({ kind: "idle" });
        setOutcome({ kind: "info", text: tr(lang, "nothingToDo") });
      } else setPhase({ kind: "confirm-setup", preview });
    } catch (e) {
      fail(e);
    }
  }

  async function confirmSetup(preview: Analysis): Promise<void> {
    setPhase({ kind: "busy", label: tr(lang, "working") });
    try {
      const ops = await loadOps();
      const r = await ops.applySetup(preview, detectCaps(), custom);
      if (r.changed) {
        if (r.analysis.nothingToDo) {
          setPhase({ kind: "idle" });
          setOutcome({ kind: "info", text: tr(lang, "nothingToDo") });
        } else setPhase({ kind: "confirm-setup", preview: r.analysis, changed: true });
        return;
      }
      setPhase({ kind: "idle" });
      setOutcome({ kind: "done", title: r.analysis.upgrade ? ut(lang, "done") : tr(lang, "setupDone"), items: r.analysis.actions, notes: r.analysis.notes });
      refreshInfo();
    } catch (e) {
      fail(e);
    }
  }

  /** A province's own template file (.json): checked, then used by the next set-up. */
  async function onTemplateFile(ev: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const f = ev.target.files && ev.target.files[0];
    ev.target.value = "";
    if (!f) return;
    setOutcome(undefined);
    try {
      const ops = await loadOps();
      const p = ops.parseTemplateText(await f.text(), lang);
      if (!p.template) {
        const errs = p.findings.filter((x) => x.severity === "error");
        setCustom(undefined);
        setOutcome({ kind: "error", title: tr(lang, "customBad", { file: f.name }), text: errs.slice(0, 5).map((x) => (x.path ? x.path + ": " : "") + x.message).join(" · ") });
        return;
      }
      setCustom(p.template);
    } catch (e) {
      fail(e);
    }
  }

  async function onFile(ev: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const f = ev.target.files && ev.target.files[0];
    ev.target.value = "";
    if (!f) return;
    setOutcome(undefined);
    setPhase({ kind: "busy", label: tr(lang, "setupReading") });
    let data: ReportData;
    try {
      const ops = await loadOps();
      data = ops.parseImport(await f.text());
    } catch (e) {
      setPhase({ kind: "idle" });
      setOutcome({ kind: "error", title: tr(lang, "importBadFile", { file: f.name }), text: errorText(lang, e) });
      return;
    }
    try {
      const ops = await loadOps();
      const preview = await ops.previewImport(data);
      if (preview.nothingToDo) {
        setPhase({ kind: "idle" });
        setOutcome({ kind: "info", text: tr(lang, "importSame") });
      } else setPhase({ kind: "confirm-import", preview, data, file: f.name });
    } catch (e) {
      fail(e);
    }
  }

  async function confirmImport(p: Extract<Phase, { kind: "confirm-import" }>): Promise<void> {
    setPhase({ kind: "busy", label: tr(lang, "working") });
    try {
      const ops = await loadOps();
      const r = await ops.applyImport(p.data, p.preview);
      if (r.changed) {
        setPhase({ ...p, preview: r.analysis, changed: true });
        return;
      }
      setPhase({ kind: "idle" });
      setOutcome({ kind: "done", title: tr(lang, "importDone", { file: p.file }), items: r.analysis.actions, notes: r.analysis.notes, found: r.summary });
      refreshInfo();
    } catch (e) {
      fail(e);
    }
  }

  async function onPreviousFile(ev: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const f = ev.target.files && ev.target.files[0];
    ev.target.value = "";
    if (!f) return;
    setOutcome(undefined);
    setPhase({ kind: "busy", label: pt(lang, "reading") });
    let source: PreviousSource;
    try {
      source = await (await loadPreviousSource()).readPreviousSource(f);
    } catch (e) {
      setPhase({ kind: "idle" });
      setOutcome({ kind: "error", title: pt(lang, "badFile", { file: f.name }), text: errorText(lang, e) });
      return;
    }
    try {
      const ops = await loadOps();
      const preview = await ops.previewPrevious(source, lang);
      const lines = ops.describePlan(preview.template, preview.plan, lang);
      if (!preview.plan.writes.length) {
        setPhase({ kind: "idle" });
        setOutcome({ kind: "info", text: pt(lang, "nothing") });
      } else setPhase({ kind: "confirm-previous", preview, source, file: f.name, lines });
    } catch (e) {
      fail(e);
    }
  }

  async function confirmPrevious(p: Extract<Phase, { kind: "confirm-previous" }>): Promise<void> {
    setPhase({ kind: "busy", label: tr(lang, "working") });
    try {
      const ops = await loadOps();
      const r = await ops.applyPrevious(p.source, p.preview, lang);
      if (r.changed) {
        setPhase({ ...p, preview: r.preview, lines: ops.describePlan(r.preview.template, r.preview.plan, lang), changed: true });
        return;
      }
      setPhase({ kind: "idle" });
      const text = pt(lang, "done", { n: r.written });
      setOutcome({ kind: "done", title: text, items: p.lines[0].lines.map((l) => ({ vi: l, en: l })) });
    } catch (e) {
      fail(e);
    }
  }

  async function doExport(): Promise<void> {
    setOutcome(undefined);
    setPhase({ kind: "busy", label: tr(lang, "setupReading") });
    try {
      const ops = await loadOps();
      const r = await ops.exportWorkbook(lang);
      setPhase({ kind: "idle" });
      if (!r.template) {
        setOutcome({ kind: "error", text: tr(lang, "exportNotOurs") });
        return;
      }
      const blob = new Blob([r.json], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const year = r.data.report && r.data.report.year ? "-" + r.data.report.year : "";
      const file = "phu-luc" + year + ".json";
      setExported({ json: r.json, url, file, problems: r.findings.filter((f) => f.rule.startsWith("workbook.")).map((f) => ({ vi: f.message, en: f.message })) });
      try {
        const a = document.createElement("a");
        a.href = url;
        a.download = file;
        a.rel = "noopener";
        document.body.appendChild(a);
        a.click();
        a.remove();
      } catch {
        /* the text box below is the fallback */
      }
    } catch (e) {
      fail(e);
    }
  }

  const dialog = phase.kind === "confirm-setup" || phase.kind === "confirm-import" ? phase : undefined;
  const previousDialog = phase.kind === "confirm-previous" ? phase : undefined;
  const replaced = dialog && dialog.kind === "confirm-import" ? dialog.preview.replaced : 0;

  return (
    <div className={s.root} data-testid="workbook-view">
      {notes.length > 0 && (
        <Notice intent="warning" testId="caps-notes" title={tr(lang, "notesTitle")}>
          <Bullets items={notes} lang={lang} />
        </Notice>
      )}

      {busy && <Spinner size="small" label={phase.label} data-testid="busy" />}

      {outcome && outcome.kind === "done" && (
        <Notice intent="success" testId="outcome" title={outcome.title}>
          <Bullets items={outcome.items} lang={lang} />
          {outcome.notes && outcome.notes.length > 0 && <Bullets items={outcome.notes} lang={lang} />}
        </Notice>
      )}
      {outcome && outcome.kind === "done" && outcome.found && (
        <Notice
          intent={outcome.found.errors > 0 ? "error" : outcome.found.warnings > 0 ? "warning" : "success"}
          testId="import-found"
          title={<span data-errors={outcome.found.errors} data-warnings={outcome.found.warnings}>{foundText(lang, outcome.found)}</span>}
        >
          {outcome.found.errors + outcome.found.warnings > 0 && onShowCheck && (
            <Button appearance="primary" onClick={onShowCheck} data-testid="import-show-findings">
              {tr(lang, "importShow")}
            </Button>
          )}
        </Notice>
      )}
      {outcome && outcome.kind === "info" && (
        <Notice intent="info" testId="outcome">
          {outcome.text}
        </Notice>
      )}
      {outcome && outcome.kind === "error" && (
        <Notice intent="error" testId="outcome" title={outcome.title}>
          {outcome.text}
        </Notice>
      )}

      <section className={s.section}>
        <h2 className={s.h2}>{tr(lang, "setupTitle")}</h2>
        {info && info.template && (
          <p className={s.p} data-testid="workbook-template">
            {ut(lang, "workbookTemplate", { title: pick(lang, info.template.title), id: info.template.id, version: info.template.version })}
            {info.template.carried && " " + ut(lang, "carried")}
          </p>
        )}
        {info && info.unknownTemplate && (
          <Notice intent="warning" testId="workbook-template">
            {ut(lang, "unknownTemplate", { id: info.unknownTemplate })}
          </Notice>
        )}
        {info && info.found && info.layoutOlder && (
          <Notice intent="warning" testId="upgrade-hint">
            {ut(lang, "olderLayout", { from: info.layoutVersion ?? 0, to: info.currentLayout })}
          </Notice>
        )}
        {newerCustom && info && info.template && (
          <Notice intent="info" testId="upgrade-template-hint">
            {ut(lang, "newerTemplate", { from: info.template.version, to: newerCustom.version ?? 1 })}
          </Notice>
        )}
        <p className={s.p}>{tr(lang, "setupIntro")}</p>
        {choices.length > 1 && (
          <div className={s.wide}>
            <Label htmlFor="setup-template">{tr(lang, "setupTemplate")}</Label>
            <Select id="setup-template" value={templateId} onChange={(_, d) => setTemplateId(d.value)} disabled={busy} data-testid="setup-template">
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id + " — " + pick(lang, c.title)}
                </option>
              ))}
            </Select>
          </div>
        )}
        {chosen && chosen.draft && (
          <Notice intent="warning" testId="template-draft" title={tr(lang, "templateDraftTitle", { id: chosen.id })}>
            {pick(lang, chosen.draft)}
          </Notice>
        )}
        <p className={s.p}>{tr(lang, "customIntro")}</p>
        <input ref={templateInput} className={s.hidden} type="file" accept=".json,application/json" onChange={(e) => void onTemplateFile(e)} data-testid="template-file" />
        <Button disabled={busy} onClick={() => templateInput.current && templateInput.current.click()} data-testid="choose-template">
          {tr(lang, "customButton")}
        </Button>
        {custom && (
          <p className={s.p} data-testid="custom-template">
            {tr(lang, "customChosen", { title: pick(lang, custom.title), id: custom.id, version: custom.version ?? 1 })}
          </p>
        )}
        <Button appearance="primary" disabled={busy} onClick={() => void startSetup()} data-testid="setup">
          {tr(lang, "setupButton")}
        </Button>
      </section>

      <section className={s.section}>
        <h2 className={s.h2}>{tr(lang, "importTitle")}</h2>
        <p className={s.p}>{tr(lang, "importIntro")}</p>
        <input ref={fileInput} className={s.hidden} type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} data-testid="import-file" />
        <Button disabled={busy} onClick={() => fileInput.current && fileInput.current.click()} data-testid="import">
          {tr(lang, "importButton")}
        </Button>
      </section>

      <section className={s.section}>
        <h2 className={s.h2}>{pt(lang, "title")}</h2>
        <p className={s.p}>{pt(lang, "intro")}</p>
        <input
          ref={previousInput}
          className={s.hidden}
          type="file"
          accept=".docx,.xlsx,.json,application/json"
          onChange={(e) => void onPreviousFile(e)}
          data-testid="previous-file"
        />
        <Button disabled={busy} onClick={() => previousInput.current && previousInput.current.click()} data-testid="import-previous">
          {pt(lang, "button")}
        </Button>
      </section>

      <section className={s.section}>
        <h2 className={s.h2}>{tr(lang, "exportTitle")}</h2>
        <p className={s.p}>{tr(lang, "exportIntro")}</p>
        <Button disabled={busy} onClick={() => void doExport()} data-testid="export">
          {tr(lang, "exportButton")}
        </Button>
        {exported && (
          <div className={s.wide} data-testid="export-result">
            <p className={s.p}>{tr(lang, "exportDone", { file: exported.file })}</p>
            {exported.problems.length > 0 && (
              <Notice intent="warning" title={tr(lang, "exportProblems")}>
                <Bullets items={exported.problems} lang={lang} />
              </Notice>
            )}
            <a href={exported.url} download={exported.file}>
              {tr(lang, "download")}
            </a>
            <textarea className={s.json} readOnly rows={8} value={exported.json} aria-label={tr(lang, "jsonLabel")} data-testid="export-json" />
          </div>
        )}
      </section>

      {previousDialog && (
        <React.Suspense fallback={<Spinner size="small" />}>
          <ConfirmDialog
            title={pt(lang, "dialogTitle", { file: previousDialog.file })}
            cancelLabel={tr(lang, "cancel")}
            okLabel={pt(lang, "confirm", { n: previousDialog.preview.plan.writes.length })}
            onCancel={() => setPhase({ kind: "idle" })}
            onOk={() => void confirmPrevious(previousDialog)}
          >
            {previousDialog.changed && <p className={s.p}>{tr(lang, "changedMeanwhile")}</p>}
            <div data-testid="previous-plan">
              {previousDialog.lines.map((part, i) => (
                <div key={i}>
                  <p className={s.p}>
                    <strong>{part.title}</strong>
                  </p>
                  <ul className={s.list}>
                    {part.lines.map((l, j) => (
                      <li key={j}>{l}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
            <p className={s.p}>{tr(lang, "setupDialogNoUndo")}</p>
          </ConfirmDialog>
        </React.Suspense>
      )}

      {dialog && (
        <React.Suspense fallback={<Spinner size="small" />}>
          <ConfirmDialog
            title={dialog.kind === "confirm-setup" ? (dialog.preview.upgrade ? ut(lang, "dialogTitle") : tr(lang, "setupDialogTitle")) : tr(lang, "importDialogTitle")}
            cancelLabel={tr(lang, "cancel")}
            okLabel={
              dialog.kind === "confirm-setup"
                ? dialog.preview.upgrade
                  ? ut(lang, "confirm")
                  : tr(lang, "setupConfirm")
                : replaced > 0
                  ? tr(lang, "importConfirm", { n: replaced })
                  : tr(lang, "importConfirmPlain")
            }
            onCancel={() => setPhase({ kind: "idle" })}
            onOk={() => void (dialog.kind === "confirm-setup" ? confirmSetup(dialog.preview) : confirmImport(dialog))}
          >
            {dialog.changed && <p className={s.p}>{tr(lang, "changedMeanwhile")}</p>}
            <Bullets items={dialog.preview.actions} lang={lang} testId="confirm-actions" />
            {dialog.preview.notes.length > 0 && <Bullets items={dialog.preview.notes} lang={lang} />}
            {dialog.kind === "confirm-import" && (
              <p className={s.p} data-testid="replace-count">
                <strong>{replaced > 0 ? tr(lang, "importReplaceWarning", { n: replaced }) : tr(lang, "importNoReplace")}</strong>
              </p>
            )}
            <p className={s.p}>{tr(lang, "setupDialogNoUndo")}</p>
          </ConfirmDialog>
        </React.Suspense>
      )}
    </div>
  );
}
