/**
 * The pane: a header (title, language toggle), four tabs — "Sổ nhập liệu" (this module's),
 * "Kiểm tra", "Báo cáo" and "Tổng hợp" (loaded on demand as their own chunks) — each behind an error
 * boundary so that one failing view never blanks the pane.
 */
import * as React from "react";
import { Button, Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { tr, saveLang, type Lang } from "./i18n";
import { ErrorBoundary } from "./ErrorBoundary";
import WorkbookView from "./views/WorkbookView";
import { requestedView } from "./office-ready";
import type { ReportData } from "../core/types";
import type { SheetRows } from "../core/render/rows";

const CheckView = React.lazy(() => import(/* webpackChunkName: "check-view" */ "./views/CheckView"));
const ReportView = React.lazy(() => import(/* webpackChunkName: "report-view" */ "./views/ReportView"));
const MergeView = React.lazy(() => import(/* webpackChunkName: "merge-view" */ "./views/MergeView"));
const TemplateView = React.lazy(() => import(/* webpackChunkName: "template-view" */ "./views/TemplateView"));

export type ViewId = "workbook" | "check" | "report" | "merge" | "template";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px", padding: "8px 8px 0" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  body: { padding: "0 8px 16px", flexGrow: 1 },
  // Five tabs do not fit a 320–400 px pane: they wrap to a second row rather than run off its edge.
  tabs: { flexWrap: "wrap" },
});

/** Report data of the open workbook, read on demand (the Excel code is its own chunk). */
async function getData(): Promise<ReportData> {
  const ops = await import(/* webpackChunkName: "workbook-ops" */ "../excel/ops");
  return (await ops.readReportData()).data;
}

async function insertSheet(rows: SheetRows): Promise<string> {
  const m = await import(/* webpackChunkName: "report-sheet" */ "../excel/report-sheet");
  return m.insertReportSheet(rows);
}

export function App({ lang, setLang, initialView }: { lang: Lang; setLang: (l: Lang) => void; initialView?: ViewId }): React.ReactElement {
  const s = useStyles();
  const [view, setView] = React.useState<ViewId>(initialView ?? requestedView());
  // "Xem lỗi và cảnh báo" after an import: the check view opens and checks at once.
  const [checkNow, setCheckNow] = React.useState(false);
  const showCheck = () => {
    setCheckNow(true);
    setView("check");
  };
  const toggle = () => {
    const next: Lang = lang === "vi" ? "en" : "vi";
    saveLang(next);
    setLang(next);
  };
  const loading = <Spinner size="small" label={tr(lang, "loadingView")} />;
  return (
    <div className={s.root} lang={lang}>
      <header className={s.header}>
        <h1 className={s.title}>{tr(lang, "appTitle")}</h1>
        <Button size="small" appearance="subtle" onClick={toggle} title={tr(lang, "langToggleTitle")} data-testid="lang">
          {tr(lang, "langToggle")}
        </Button>
      </header>
      <TabList
        selectedValue={view}
        onTabSelect={(_e, d) => {
          setCheckNow(false);
          setView(d.value as ViewId);
        }}
        size="medium"
        className={s.tabs}
      >
        <Tab value="workbook" data-testid="tab-workbook">
          {tr(lang, "tabWorkbook")}
        </Tab>
        <Tab value="check" data-testid="tab-check">
          {tr(lang, "tabCheck")}
        </Tab>
        <Tab value="report" data-testid="tab-report">
          {tr(lang, "tabReport")}
        </Tab>
        <Tab value="merge" data-testid="tab-merge">
          {tr(lang, "tabMerge")}
        </Tab>
        <Tab value="template" data-testid="tab-template">
          {tr(lang, "tabTemplate")}
        </Tab>
      </TabList>
      <main className={s.body}>
        <ErrorBoundary lang={lang} where={view} key={view}>
          <React.Suspense fallback={loading}>
            {view === "workbook" && <WorkbookView lang={lang} onShowCheck={showCheck} />}
            {view === "check" && <CheckView lang={lang} runAtOnce={checkNow} />}
            {view === "report" && <ReportView lang={lang} getData={getData} insertSheet={insertSheet} />}
            {view === "merge" && <MergeView lang={lang} />}
            {view === "template" && <TemplateView lang={lang} />}
          </React.Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
