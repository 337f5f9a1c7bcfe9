/**
 * Entry of the task pane bundle. boot.js (ES5, loaded first) has already turned away the
 * old Internet Explorer / EdgeHTML hosts; here we wait for Office, pick the theme, and
 * render either the app or a clear message (office.js missing, not in Excel, no answer).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Button, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { initialLang, tr, type Lang } from "./i18n";
import { officeIsDark, waitForOffice, type OfficeState } from "./office-ready";

function Problem({ state, lang }: { state: OfficeState; lang: Lang }): React.ReactElement {
  const other: Lang = lang === "vi" ? "en" : "vi";
  const [title, body] =
    state.kind === "missing"
      ? (["officeMissingTitle", "officeMissingBody"] as const)
      : state.kind === "not-in-office"
        ? (["notInExcelTitle", "notInExcelBody"] as const)
        : (["readyTimeoutTitle", "readyTimeoutBody"] as const);
  return (
    <div role="alert" data-testid={"office-" + state.kind} style={{ padding: "12px" }}>
      <h1 style={{ fontSize: "18px", margin: "0 0 8px" }}>{tr(lang, title)}</h1>
      <p style={{ margin: "0 0 8px" }}>{tr(lang, body)}</p>
      <p style={{ margin: "0 0 12px", fontSize: "12px", opacity: 0.8 }} lang={other}>
        <strong>{tr(other, title)}.</strong> {tr(other, body)}
      </p>
      <Button appearance="primary" onClick={() => window.location.reload()}>
        {tr(lang, "reload")}
      </Button>
    </div>
  );
}

function Root({ state }: { state: OfficeState }): React.ReactElement {
  const [lang, setLang] = React.useState<Lang>(initialLang());
  const dark = state.kind === "ready" && officeIsDark();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      <ErrorBoundary lang={lang} where="root">
        {state.kind === "ready" ? <App lang={lang} setLang={setLang} /> : <Problem state={state} lang={lang} />}
      </ErrorBoundary>
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const el = document.getElementById("root");
  if (!el) return;
  const lang = initialLang();
  const boot = document.getElementById("boot-message");
  if (boot) boot.textContent = tr(lang, "connecting");
  const state = await waitForOffice();
  createRoot(el).render(<Root state={state} />);
}

void start();
