/**
 * "Tổng hợp": the units' files (several at once) consolidated into the open workbook.
 * Each file is read in turn (a progress bar names it), each unit checked on its own; the
 * table lists the units (✓, or their errors; click to see a unit's findings) and the files
 * refused, with why. "Ghi vào sổ tính" writes two NEW sheets: the units' rows, and the
 * consolidated figures as formulas over them (never over a sheet of the user's).
 * The .xlsx reader (jszip) is loaded on demand, the first time a workbook is read.
 */
import * as React from "react";
import { Button, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, ReportInfo, Text } from "../../core/types";
import { parseReportJson } from "../../core/normalize";
import { readWorkbook } from "../../core/sheet-read";
import { getTemplate } from "../../core/templates/index";
import { mergeReports, type MergeResult, type UnitInput, type UnitResult } from "../../core/merge/merge";
import { paneSheets } from "../../core/merge/workbook";

const S = {
  intro: {
    vi: "Chọn các tệp báo cáo của đơn vị (sổ tính .xlsx do phuluc tạo, hoặc tệp .json), có thể chọn nhiều tệp một lúc. Số lượng được cộng, tỷ lệ tính lại từ tổng tử số và mẫu số, ô trống không tính là 0.",
    en: "Pick the units' report files (.xlsx workbooks made by phuluc, or .json files), several at once. Counts are summed, rates recomputed from the summed numerators and denominators, blanks never count as 0.",
  },
  pick: { vi: "Chọn tệp của các đơn vị…", en: "Pick the units' files…" },
  reading: { vi: "Đang đọc {done}/{total}: {file}", en: "Reading {done}/{total}: {file}" },
  summary: { vi: "Tổng hợp từ {units} đơn vị; {refused} tệp bị từ chối; {bad} đơn vị có lỗi.", en: "Consolidated from {units} units; {refused} files refused; {bad} units with errors." },
  ok: { vi: "✓", en: "✓" },
  errors: { vi: "✗ {n} lỗi", en: "✗ {n} errors" },
  warnings: { vi: "{n} cảnh báo", en: "{n} warnings" },
  refused: { vi: "Bị từ chối: {reason}", en: "Refused: {reason}" },
  unit: { vi: "Đơn vị", en: "Unit" },
  file: { vi: "Tệp", en: "File" },
  state: { vi: "Kết quả kiểm tra", en: "Check" },
  findingsOf: { vi: "Phát hiện của {unit}", en: "Findings of {unit}" },
  noFindings: { vi: "Không có phát hiện nào.", en: "No findings." },
  write: { vi: "Ghi vào sổ tính", en: "Write into the workbook" },
  written: { vi: "Đã ghi trang \"{total}\" (số tổng hợp) và \"{units}\" (số của từng đơn vị).", en: "Wrote sheet \"{total}\" (consolidated figures) and \"{units}\" (each unit's figures)." },
  noneRead: { vi: "Không có báo cáo nào tổng hợp được.", en: "No report could be consolidated." },
  notWorkbook: {
    vi: "Không đọc được sổ tính (tệp hỏng, hoặc không phải .xlsx). Hãy mở bằng Excel và lưu lại dạng .xlsx.",
    en: "The workbook cannot be read (damaged, or not .xlsx). Open it in Excel and save it as .xlsx.",
  },
  notPhuluc: { vi: "Sổ tính này không do phuluc tạo ra: không biết số liệu nằm ở đâu.", en: "This workbook was not made by phuluc: where the figures are is unknown." },
  badType: { vi: "Chỉ nhận tệp .xlsx hoặc .json.", en: "Only .xlsx or .json files are taken." },
} satisfies Record<string, Text>;

function say(lang: Lang, key: keyof typeof S, params: Record<string, string | number> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

type SnapshotModule = typeof import("../merge/xlsx-snapshot");
let snapshotModule: Promise<SnapshotModule> | undefined;
function loadReader(): Promise<SnapshotModule> {
  snapshotModule = snapshotModule ?? import(/* webpackChunkName: "xlsx-reader" */ "../merge/xlsx-snapshot");
  snapshotModule.catch(() => (snapshotModule = undefined));
  return snapshotModule;
}

/** One picked file into a unit input; a file that cannot be read says why. */
export async function readPickedFile(file: File, lang: Lang): Promise<UnitInput> {
  const name = file.name;
  const lower = name.toLowerCase();
  const fail = (t: Text): UnitInput => ({ file: name, unreadable: t });
  try {
    if (lower.endsWith(".json")) {
      const text = new TextDecoder("utf-8").decode(await file.arrayBuffer());
      return { file: name, data: parseReportJson(text) };
    }
    if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
      const m = await loadReader();
      let snap;
      try {
        snap = await m.readXlsxSnapshot(await file.arrayBuffer());
      } catch {
        return fail(S.notWorkbook);
      }
      const r = readWorkbook(snap, { lang });
      if (!r.template || r.findings.some((f) => f.rule === "workbook.unknown-template" || f.rule === "workbook.not-phuluc" || f.rule === "workbook.unreadable")) {
        const f = r.findings.find((x) => x.severity === "error");
        return fail(f ? { vi: f.message, en: f.message } : S.notPhuluc);
      }
      return { file: name, data: r.data, cells: r.cells, structural: r.findings };
    }
    return fail(S.badType);
  } catch (e) {
    const x = e as { vi?: string; en?: string; message?: string };
    if (x && typeof x.vi === "string") return fail({ vi: x.vi, en: x.en ?? x.vi });
    return fail({ vi: String(x && x.message ? x.message : e), en: String(x && x.message ? x.message : e) });
  }
}

/** What the view needs from Excel; tests pass their own. */
export interface MergeApi {
  /** The open workbook's report details (the receiving body), if it is a phuluc workbook. */
  receiving(): Promise<ReportInfo | undefined>;
  write(result: MergeResult): Promise<{ units: string; total: string }>;
}

export const excelMergeApi: MergeApi = {
  receiving: async () => {
    try {
      const ops = await import(/* webpackChunkName: "workbook-ops" */ "../../excel/ops");
      const r = await ops.readReportData();
      const info = r.data.report;
      return info && (info.agency || info.level) ? info : undefined;
    } catch {
      return undefined;
    }
  },
  write: async (result) => {
    const m = await import(/* webpackChunkName: "merge-excel" */ "../../excel/merge-sheets");
    const t = getTemplate(result.template)!;
    return m.writeMergeSheets((names) => paneSheets(t, result, names));
  },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "8px 4px" },
  p: { margin: 0, fontSize: tokens.fontSizeBase300 },
  meta: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hidden: { display: "none" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: "4px" },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "4px", verticalAlign: "top" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  rowButton: { background: "none", border: "none", padding: 0, font: "inherit", color: tokens.colorBrandForeground1, cursor: "pointer", textDecoration: "underline", textAlign: "left" },
  list: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
});

export default function MergeView({ lang, api = excelMergeApi }: { lang: Lang; api?: MergeApi }): React.ReactElement {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [progress, setProgress] = React.useState<{ done: number; total: number; file: string } | undefined>();
  const [result, setResult] = React.useState<MergeResult | undefined>();
  const [selected, setSelected] = React.useState<UnitResult | undefined>();
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<string | undefined>();
  const [error, setError] = React.useState<string | undefined>();

  async function onFiles(e: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const files = Array.from(e.target.files ?? []).filter((f) => !f.name.startsWith("~$"));
    e.target.value = "";
    if (!files.length) return;
    setBusy(true);
    setResult(undefined);
    setSelected(undefined);
    setOutcome(undefined);
    setError(undefined);
    try {
      const inputs: UnitInput[] = [];
      for (let i = 0; i < files.length; i++) {
        setProgress({ done: i, total: files.length, file: files[i].name });
        // Let the bar paint before the next file is parsed.
        await new Promise((r) => setTimeout(r, 0));
        inputs.push(await readPickedFile(files[i], lang));
      }
      setProgress({ done: files.length, total: files.length, file: "" });
      if (!inputs.some((u) => u.data && getTemplate(u.data.template))) {
        setError(say(lang, "noneRead") + " " + inputs.map((u) => `${u.file}: ${u.unreadable ? u.unreadable[lang] : ""}`).join("; "));
        return;
      }
      const receiving = await api.receiving();
      const r = mergeReports(inputs, { receiving, lang });
      setResult(r);
      if (!r.units.length) setError(say(lang, "noneRead"));
    } finally {
      setBusy(false);
    }
  }

  async function write(): Promise<void> {
    if (!result) return;
    setBusy(true);
    setOutcome(undefined);
    setError(undefined);
    try {
      const names = await api.write(result);
      setOutcome(say(lang, "written", names));
    } catch (e) {
      const x = e as { vi?: string; en?: string; message?: string };
      setError(x && typeof x.vi === "string" ? (lang === "en" && x.en ? x.en : x.vi) : String(x && x.message ? x.message : e));
    } finally {
      setBusy(false);
    }
  }

  const bad = result ? result.units.filter((u) => u.errors > 0).length : 0;
  return (
    <div className={s.root}>
      <p className={s.p}>{say(lang, "intro")}</p>
      <input ref={input} className={s.hidden} type="file" multiple accept=".xlsx,.xlsm,.json,application/json" onChange={(e) => void onFiles(e)} data-testid="merge-files" />
      <Button disabled={busy} onClick={() => input.current && input.current.click()} data-testid="merge-pick">
        {say(lang, "pick")}
      </Button>
      {progress && progress.done < progress.total && (
        <div data-testid="merge-progress">
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
          <p className={s.meta}>{say(lang, "reading", { done: progress.done + 1, total: progress.total, file: progress.file })}</p>
        </div>
      )}
      {error && (
        <p className={`${s.p} ${s.bad}`} role="alert" data-testid="merge-error">
          {error}
        </p>
      )}
      {result && result.units.length > 0 && (
        <>
          <p className={s.p} data-testid="merge-summary">
            {say(lang, "summary", { units: result.units.length, refused: result.rejected.length, bad })}
          </p>
          <table className={s.table} data-testid="merge-units">
            <thead>
              <tr>
                <th className={s.th}>{say(lang, "unit")}</th>
                <th className={s.th}>{say(lang, "file")}</th>
                <th className={s.th}>{say(lang, "state")}</th>
              </tr>
            </thead>
            <tbody>
              {result.units.map((u) => (
                <tr key={"u" + u.file} data-testid="merge-unit" data-errors={u.errors}>
                  <td className={s.td}>
                    <button type="button" className={s.rowButton} onClick={() => setSelected(u)} data-testid="merge-unit-open">
                      {u.agency || u.file}
                    </button>
                  </td>
                  <td className={s.td}>{u.file}</td>
                  <td className={`${s.td} ${u.errors ? s.bad : ""}`}>
                    {u.errors ? say(lang, "errors", { n: u.errors }) : say(lang, "ok")}
                    {u.warnings ? " · " + say(lang, "warnings", { n: u.warnings }) : ""}
                  </td>
                </tr>
              ))}
              {result.rejected.map((x) => (
                <tr key={"r" + x.file + x.code} data-testid="merge-rejected" data-code={x.code}>
                  <td className={s.td}>{x.agency ?? ""}</td>
                  <td className={s.td}>{x.file}</td>
                  <td className={`${s.td} ${s.bad}`}>{say(lang, "refused", { reason: x.reason })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {selected && (
            <section data-testid="merge-findings">
              <p className={s.p}>{say(lang, "findingsOf", { unit: selected.agency || selected.file })}</p>
              {selected.findings.length ? (
                <ul className={s.list}>
                  {selected.findings.map((f, i) => (
                    <li key={i} data-rule={f.rule} data-severity={f.severity}>
                      {f.message}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className={s.meta}>{say(lang, "noFindings")}</p>
              )}
            </section>
          )}
          <Button appearance="primary" disabled={busy} onClick={() => void write()} data-testid="merge-write">
            {say(lang, "write")}
          </Button>
          {outcome && (
            <p className={s.p} data-testid="merge-outcome">
              {outcome}
            </p>
          )}
        </>
      )}
    </div>
  );
}
