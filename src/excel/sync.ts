/**
 * Every `context.sync()` of the add-in goes through here: Excel on the web can hang on a
 * sync (lost connection, a busy workbook), and a pane that waits for ever looks broken.
 */
import type { Text } from "../core/types";

/** An error the pane can show as it is: Vietnamese first, English available. */
export class ExcelTaskError extends Error {
  readonly vi: string;
  readonly en: string;
  readonly code: string;
  constructor(code: string, text: Text, cause?: unknown) {
    super(text.vi);
    this.name = "ExcelTaskError";
    this.code = code;
    this.vi = text.vi;
    this.en = text.en;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

export const SYNC_TIMEOUT_TEXT: Text = {
  vi:
    "Excel không phản hồi (quá thời gian chờ). Dữ liệu có thể chưa được ghi đủ. " +
    "Hãy kiểm tra kết nối mạng (Excel trên web), đóng các hộp thoại đang mở trong Excel rồi thử lại.",
  en:
    "Excel did not respond in time. The changes may be incomplete. Check the network connection " +
    "(Excel on the web), close any open Excel dialog and try again.",
};

/** `context.sync()` that rejects with a clear Vietnamese error after `ms` milliseconds. */
export function syncWithTimeout(context: { sync(): Promise<unknown> }, ms = 15000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      reject(new ExcelTaskError("sync-timeout", SYNC_TIMEOUT_TEXT));
    }, ms);
    Promise.resolve()
      .then(() => context.sync())
      .then(
        () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve();
        },
        (err: unknown) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          reject(toTaskError(err));
        },
      );
  });
}

/** Office errors (OfficeExtension.Error) carry a code; give the user a sentence instead. */
export function toTaskError(err: unknown): ExcelTaskError {
  if (err instanceof ExcelTaskError) return err;
  const e = err as { code?: string; message?: string } | undefined;
  const code = (e && typeof e.code === "string" && e.code) || "unknown";
  const detail = (e && typeof e.message === "string" && e.message) || String(err);
  const known: Record<string, Text> = {
    InvalidOperationInCellEditMode: {
      vi: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc trong ô đang sửa rồi thử lại.",
      en: "Excel is editing a cell. Press Enter or Esc in that cell and try again.",
    },
    ItemNotFound: {
      vi: "Không tìm thấy một trang tính hoặc bảng cần dùng (có thể vừa bị xóa hoặc đổi tên). Hãy chạy lại \"Tạo sổ nhập liệu\".",
      en: "A sheet or table was not found (deleted or renamed?). Run \"Set up the workbook\" again.",
    },
    AccessDenied: {
      vi: "Excel không cho phép ghi: sổ đang được bảo vệ hoặc chỉ đọc. Hãy bỏ bảo vệ trang tính/sổ làm việc rồi thử lại.",
      en: "Excel refused the change: the workbook or sheet is protected or read-only.",
    },
    InvalidArgument: {
      vi: "Excel từ chối thao tác (tham số không hợp lệ): " + detail,
      en: "Excel refused the operation (invalid argument): " + detail,
    },
  };
  const text = known[code] ?? {
    vi: "Excel báo lỗi: " + detail + " (mã " + code + "). Hãy thử lại; nếu vẫn lỗi, lưu sổ, đóng và mở lại Excel.",
    en: "Excel reported an error: " + detail + " (code " + code + "). Try again; if it persists, save, close and reopen Excel.",
  };
  return new ExcelTaskError(code, text, err);
}

/** Runs an Excel batch with errors turned into `ExcelTaskError`s. */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    throw new ExcelTaskError("no-excel", {
      vi: "Không kết nối được với Excel. Hãy mở ngăn này từ nút trên thẻ Trang đầu (Home) của Excel.",
      en: "Not connected to Excel. Open this pane from the button on Excel's Home tab.",
    });
  }
  try {
    return await Excel.run(batch);
  } catch (err) {
    throw toTaskError(err);
  }
}
