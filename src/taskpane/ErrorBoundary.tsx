/**
 * Never a blank pane or a stack trace: a render error (or a lazy chunk that fails to
 * download) shows a Vietnamese message, what to do, and a "Tải lại" (reload) button.
 * Plain elements only, so that it works even when the UI library itself is what failed.
 */
import * as React from "react";
import { tr, type Lang } from "./i18n";

interface Props {
  lang: Lang;
  children?: React.ReactNode;
  /** Where it sits, for the technical detail line. */
  where?: string;
}

interface State {
  error?: Error;
}

export class ErrorBoundary extends React.Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    // Local console only; nothing is sent anywhere.
    console.error("phuluc pane error" + (this.props.where ? " (" + this.props.where + ")" : ""), error);
  }

  override render(): React.ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <CrashMessage lang={this.props.lang} error={error} />;
  }
}

function isChunkError(e: Error): boolean {
  return e.name === "ChunkLoadError" || /Loading (CSS )?chunk/i.test(e.message);
}

export function CrashMessage({ lang, error }: { lang: Lang; error?: Error }): React.ReactElement {
  const other: Lang = lang === "vi" ? "en" : "vi";
  return (
    <div role="alert" data-testid="crash" style={{ padding: "12px", border: "1px solid #c50f1f", borderRadius: 4, background: "#fdf3f4", color: "#242424", margin: "8px" }}>
      <h2 style={{ fontSize: "16px", margin: "0 0 8px" }}>{tr(lang, "crashTitle")}</h2>
      {error && isChunkError(error) && <p style={{ margin: "0 0 8px" }}>{tr(lang, "chunkFailed")}</p>}
      <p style={{ margin: "0 0 8px" }}>{tr(lang, "crashBody")}</p>
      <p style={{ margin: "0 0 8px", color: "#616161", fontSize: "12px" }} lang={other}>
        {tr(other, "crashTitle")}. {tr(other, "crashBody")}
      </p>
      <button type="button" onClick={() => window.location.reload()} style={{ padding: "6px 16px", fontSize: "14px", cursor: "pointer" }}>
        {tr(lang, "reload")}
      </button>
      {error && (
        <details style={{ marginTop: "8px", fontSize: "12px", color: "#616161" }}>
          <summary>{tr(lang, "errorDetail")}</summary>
          {error.name}: {error.message}
        </details>
      )}
    </div>
  );
}
