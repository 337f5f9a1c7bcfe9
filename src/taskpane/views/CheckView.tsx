/**
 * "Kiểm tra": checks the open workbook (read in ≤ 2 syncs, the core's check with the
 * cells and the structural findings, marks on our sheets), shows the findings, goes to a
 * finding's cells on click, and re-checks live as the user edits (where Excel reports
 * edits). The Excel code (src/excel/live.ts) is loaded on first use, as its own chunk.
 */
import * as React from "react";
import { Button, Spinner, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Lang } from "../../core/types";
import { FindingsPanel } from "../components/FindingsPanel";
import { ct } from "./check.strings";

type LiveModule = typeof import("../../excel/live");
type CheckRun = import("../../excel/live").CheckRun;
type LiveChecker = import("../../excel/live").LiveChecker;

/** What the view needs from Excel; tests pass their own. */
export interface CheckApi {
  runCheck(opts: { lang: Lang }): Promise<CheckRun>;
  goToCells(refs: string[]): Promise<unknown>;
  liveSupported(): boolean;
  createLive(opts: { lang: Lang; onResult(r: CheckRun): void; onError(e: Error): void }): Pick<LiveChecker, "start" | "stop">;
}

let livePromise: Promise<LiveModule> | undefined;
function loadLive(): Promise<LiveModule> {
  livePromise = livePromise ?? import(/* webpackChunkName: "check-excel" */ "../../excel/live");
  livePromise.catch(() => (livePromise = undefined));
  return livePromise;
}

/** The real API: Office.js through src/excel/live.ts. */
export const excelCheckApi: CheckApi = {
  runCheck: async (opts) => (await loadLive()).runCheck(opts),
  goToCells: async (refs) => (await loadLive()).goToCells(refs),
  liveSupported: () => {
    try {
      return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", "1.7");
    } catch {
      return false;
    }
  },
  createLive: (opts) => {
    let inner: LiveChecker | undefined;
    return {
      start: async (sheets: string[]) => {
        const m = await loadLive();
        inner = inner ?? new m.LiveChecker(opts);
        return inner.start(sheets);
      },
      stop: async () => {
        if (inner) await inner.stop();
      },
    };
  },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "8px 4px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  p: { margin: 0, fontSize: tokens.fontSizeBase300 },
  meta: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  alert: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

function errorText(lang: Lang, e: unknown): string {
  const x = e as { vi?: string; en?: string; message?: string } | undefined;
  if (x && typeof x.vi === "string") return lang === "en" && x.en ? x.en : x.vi;
  return (x && x.message) || String(e);
}

export default function CheckView({ lang, api = excelCheckApi, runAtOnce }: { lang: Lang; api?: CheckApi; runAtOnce?: boolean }): React.ReactElement {
  const s = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [run, setRun] = React.useState<CheckRun | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const [live, setLive] = React.useState(false);
  const liveRef = React.useRef<ReturnType<CheckApi["createLive"]> | undefined>(undefined);
  const langRef = React.useRef(lang);
  langRef.current = lang;
  const supported = React.useMemo(() => api.liveSupported(), [api]);

  const check = React.useCallback(async (): Promise<CheckRun | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.runCheck({ lang: langRef.current });
      setRun(r);
      return r;
    } catch (e) {
      setError(errorText(langRef.current, e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [api]);

  React.useEffect(
    () => () => {
      void liveRef.current?.stop();
    },
    [],
  );

  // Opened from "Xem lỗi và cảnh báo" (after an import): check at once.
  const ranAtOnce = React.useRef(false);
  React.useEffect(() => {
    if (runAtOnce && !ranAtOnce.current) {
      ranAtOnce.current = true;
      void check();
    }
  }, [runAtOnce, check]);

  async function toggleLive(on: boolean): Promise<void> {
    setLive(on);
    if (!on) {
      await liveRef.current?.stop();
      return;
    }
    const first = run ?? (await check());
    if (!first) {
      setLive(false);
      return;
    }
    liveRef.current =
      liveRef.current ??
      api.createLive({
        lang: langRef.current,
        onResult: (r) => {
          setRun(r);
          setError(undefined);
        },
        onError: (e) => setError(errorText(langRef.current, e)),
      });
    try {
      await liveRef.current.start(first.ownSheets);
    } catch (e) {
      setLive(false);
      setError(errorText(langRef.current, e));
    }
  }

  function select(f: Finding): void {
    if (!f.cells || !f.cells.length) return;
    api.goToCells(f.cells).catch((e) => setError(errorText(langRef.current, e)));
  }

  const findings = run?.result.findings ?? [];
  const notOurs = run && !run.read.template;
  return (
    <div className={s.root} data-testid="check-view">
      <p className={s.p}>{ct(lang, "intro")}</p>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void check()} disabled={busy} data-testid="check-run">
          {ct(lang, "checkButton")}
        </Button>
        {busy && <Spinner size="tiny" label={ct(lang, "checking")} />}
      </div>
      <div className={s.row}>
        <Switch
          checked={live}
          disabled={!supported}
          onChange={(_e, d) => void toggleLive(d.checked)}
          label={ct(lang, "live")}
          data-testid="live-toggle"
        />
      </div>
      {!supported && <p className={s.meta}>{ct(lang, "liveUnsupported")}</p>}
      {error && (
        <p role="alert" className={s.alert} data-testid="check-error">
          {error}
        </p>
      )}
      {notOurs && <p data-testid="not-ours">{ct(lang, "notOurs")}</p>}
      {run && (
        <>
          <p className={s.meta} data-testid="last-run">
            {ct(lang, "lastRun", { time: new Date().toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-GB"), ms: run.ms })}
          </p>
          <FindingsPanel findings={findings} lang={lang} template={run.read.template} onSelect={select} />
        </>
      )}
    </div>
  );
}
