/**
 * The workbook operations of the "Sổ nhập liệu" view, as one module the pane loads on
 * first use (its own chunk: the core's plan and reader are not needed to show the pane).
 */
export { previewSetup, applySetup, templateChoices, workbookInfo, type Analysis, type ApplyResult, type WorkbookInfo } from "./setup";
export { parseImport, previewImport, applyImport, type ImportResult } from "./import";
export { exportWorkbook, readReportData, type ExportResult } from "./export";
export { previewPrevious, applyPrevious, type PreviousPreview, type PreviousSource, type PreviousResult } from "./import-previous";
export { describePlan } from "../core/previous";
export { parseTemplateText } from "../core/designer/json";
