/**
 * "Mẫu": on a template designer workbook open in Excel (the sheets "Chỉ tiêu", "Sổ theo
 * dõi", "Quy tắc", "Câu văn", "Thông tin mẫu"), lists the template's mistakes at their cells
 * with the findings panel of "Kiểm tra"; a click goes to the cell. The Excel code is its own chunk.
 */
import * as React from "react";
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Lang } from "../../core/types";
import { FindingsPanel } from "../components/FindingsPanel";

type Mod = typeof import("../../excel/designer");
type Run = import("../../excel/designer").TemplateCheckRun;

export interface TemplateApi {
  runTemplateCheck(opts: { lang: Lang }): Promise<Run>;
  goToCells(refs: string[]): Promise<unknown>;
}

let modPromise: Promise<Mod> | undefined;
function load(): Promise<Mod> {
  modPromise = modPromise ?? import(/* webpackChunkName: "template-excel" */ "../../excel/designer");
  modPromise.catch(() => (modPromise = undefined));
  return modPromise;
}

export const excelTemplateApi: TemplateApi = {
  runTemplateCheck: async (o) => (await load()).runTemplateCheck(o),
  goToCells: async (refs) => (await load()).goToCells(refs),
};

const S = {
  intro: {
    vi: "Thiết kế mẫu báo cáo trong Excel: mở sổ thiết kế (tạo bằng lệnh phuluc template export dccs-2025 -o mau.xlsx), sửa các trang Chỉ tiêu, Sổ theo dõi, Quy tắc, Câu văn, Thông tin mẫu, rồi bấm \"Kiểm tra mẫu\". Bấm vào một lỗi để đến ô cần sửa.",
    en: "Design a report template in Excel: open a designer workbook (made with phuluc template export dccs-2025 -o template.xlsx), edit its sheets, then press \"Check the template\". Click a mistake to go to its cell.",
  },
  button: { vi: "Kiểm tra mẫu", en: "Check the template" },
  checking: { vi: "Đang đọc mẫu…", en: "Reading the template…" },
  notDesigner: {
    vi: "Sổ đang mở không phải sổ thiết kế mẫu (không có trang \"Chỉ tiêu\" của mẫu).",
    en: "The open workbook is not a template designer workbook (no template \"Chỉ tiêu\" sheet).",
  },
  ok: { vi: "Mẫu {id} (phiên bản {version}, {n} chỉ tiêu) không có lỗi: có thể gửi cho các đơn vị.", en: "Template {id} (version {version}, {n} indicators) has no mistakes: ready to send." },
  mistakes: { vi: "Mẫu {id} có {n} lỗi cần sửa.", en: "Template {id} has {n} mistake(s) to fix." },
};

function say(lang: Lang, k: keyof typeof S, vars: Record<string, string | number> = {}): string {
  let s = S[k][lang] ?? S[k].vi;
  for (const [a, b] of Object.entries(vars)) s = s.split("{" + a + "}").join(String(b));
  return s;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "8px 4px" },
  row: { display: "flex", gap: "8px", alignItems: "center" },
  p: { margin: 0, fontSize: tokens.fontSizeBase300 },
  alert: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

function errorText(lang: Lang, e: unknown): string {
  const x = e as { vi?: string; en?: string; message?: string } | undefined;
  if (x && typeof x.vi === "string") return lang === "en" && x.en ? x.en : x.vi;
  return (x && x.message) || String(e);
}

export default function TemplateView({ lang, api = excelTemplateApi }: { lang: Lang; api?: TemplateApi }): React.ReactElement {
  const s = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [run, setRun] = React.useState<Run | undefined>();
  const [error, setError] = React.useState<string | undefined>();

  async function check(): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      setRun(await api.runTemplateCheck({ lang }));
    } catch (e) {
      setError(errorText(lang, e));
    } finally {
      setBusy(false);
    }
  }

  function select(f: Finding): void {
    if (f.cells && f.cells.length) api.goToCells(f.cells).catch((e) => setError(errorText(lang, e)));
  }

  const errors = run ? run.findings.filter((f) => f.severity === "error").length : 0;
  const id = run?.template?.id || "?";
  return (
    <div className={s.root} data-testid="template-view">
      <p className={s.p}>{say(lang, "intro")}</p>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void check()} disabled={busy} data-testid="template-check">
          {say(lang, "button")}
        </Button>
        {busy && <Spinner size="tiny" label={say(lang, "checking")} />}
      </div>
      {error && (
        <p role="alert" className={s.alert} data-testid="template-error">
          {error}
        </p>
      )}
      {run && !run.designer && <p data-testid="not-designer">{say(lang, "notDesigner")}</p>}
      {run && run.designer && (
        <>
          <p className={s.p} data-testid="template-summary">
            {errors ? say(lang, "mistakes", { id, n: errors }) : say(lang, "ok", { id, version: run.template?.version ?? 1, n: run.template?.indicators.length ?? 0 })}
          </p>
          <FindingsPanel findings={run.findings} lang={lang} onSelect={select} />
        </>
      )}
    </div>
  );
}
