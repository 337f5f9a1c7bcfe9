/**
 * Which Excel API sets this Office offers. The manifest asks for ExcelApi 1.4 (see the
 * comment in manifest.xml); everything above that is used only when present.
 */
import type { Text } from "../core/types";

export interface ExcelCaps {
  /** ExcelApi 1.8: data validation (whole ≥ 0, lists, dates). */
  validation: boolean;
  /** ExcelApi 1.7: frozen header rows, change events. */
  freeze: boolean;
  events: boolean;
  /** ExcelApi 1.6: conditional formats (✗ red, ⚠ amber in the ✓/✗ column). Absent: not offered. */
  conditionalFormats?: boolean;
  /** ExcelApi 1.9: page layout (A4, fitted to the page width, header row repeated). Absent: not offered. */
  pageLayout?: boolean;
}

export function isSetSupported(name: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(name, version);
  } catch {
    return false;
  }
}

export function detectCaps(): ExcelCaps {
  return {
    validation: isSetSupported("ExcelApi", "1.8"),
    freeze: isSetSupported("ExcelApi", "1.7"),
    events: isSetSupported("ExcelApi", "1.7"),
    conditionalFormats: isSetSupported("ExcelApi", "1.6"),
    pageLayout: isSetSupported("ExcelApi", "1.9"),
  };
}

/** Short notes for the pane about what this Excel cannot do. */
export function capsNotes(c: ExcelCaps): Text[] {
  const out: Text[] = [];
  if (!c.validation)
    out.push({
      vi: "Excel này chưa hỗ trợ kiểm tra dữ liệu nhập (ExcelApi 1.8): các ô không có danh sách chọn hay cảnh báo khi gõ sai; các quy tắc kiểm tra vẫn chạy bình thường.",
      en: "This Excel lacks data validation (ExcelApi 1.8): cells get no drop-down lists or input warnings; the checks still work.",
    });
  if (!c.freeze)
    out.push({
      vi: "Excel này chưa hỗ trợ cố định dòng tiêu đề (ExcelApi 1.7): bỏ qua bước cố định tiêu đề; kiểm tra tự động khi gõ cũng không có.",
      en: "This Excel cannot freeze header rows or report edits (ExcelApi 1.7): headers are not frozen and there is no live check.",
    });
  return out;
}
