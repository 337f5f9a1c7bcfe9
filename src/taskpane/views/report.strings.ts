/** Strings of the report view (Vietnamese first). */
import { plural } from "../../core/i18n";
export interface ReportStrings {
  title: string;
  intro: string;
  loading: string;
  refresh: string;
  summaryOnly: string;
  groupDocuments: string;
  download: string;
  downloading: string;
  downloaded: (file: string) => string;
  downloadHint: string;
  downloadFailed: string;
  copy: string;
  copied: string;
  copyManual: string;
  insert: string;
  inserting: string;
  inserted: (sheet: string) => string;
  insertFailed: string;
  preview: string;
  errors: (n: number) => string;
  loadFailed: string;
  manualLabel: string;
  close: string;
}

export const REPORT_STRINGS: Record<"vi" | "en", ReportStrings> = {
  vi: {
    title: "Lập báo cáo",
    intro: "Báo cáo và phần tóm tắt được lập từ chính số liệu của phụ lục: con số trong lời văn được lấy đúng từ phụ lục. Câu nào có số liệu đang có lỗi thì không được nêu như sự thật mà được đánh dấu \"[cần kiểm tra: …]\" (tô vàng) để bạn sửa trước khi gửi.",
    loading: "Đang đọc số liệu…",
    refresh: "Đọc lại số liệu",
    summaryOnly: "Chỉ phần tóm tắt",
    groupDocuments: "Liệt kê văn bản theo cấp ủy / chính quyền",
    download: "Tải .docx",
    downloading: "Đang tạo tệp .docx…",
    downloaded: (f) => `Đã tạo tệp ${f}. Nếu trình duyệt không tải tệp về, hãy dùng "Sao chép" rồi dán vào Word, hoặc "Chèn vào trang tính".`,
    downloadHint: "Excel trên máy tính có thể chặn việc tải tệp; khi đó hãy dùng \"Sao chép\" hoặc \"Chèn vào trang tính\".",
    downloadFailed: "Không tạo được tệp .docx. Hãy dùng \"Sao chép\" rồi dán vào Word.",
    copy: "Sao chép",
    copied: "Đã sao chép. Mở Word và nhấn Ctrl+V để dán (giữ nguyên định dạng).",
    copyManual: "Không sao chép tự động được. Văn bản đã được chọn trong ô dưới đây: nhấn Ctrl+C để sao chép.",
    insert: "Chèn vào trang tính",
    inserting: "Đang chèn…",
    inserted: (s) => `Đã chèn báo cáo vào trang tính "${s}".`,
    insertFailed: "Không chèn được vào trang tính.",
    preview: "Xem trước",
    errors: (n) => `Số liệu còn ${n} lỗi. Báo cáo vẫn được lập, nhưng hãy sửa lỗi (thẻ "Kiểm tra") trước khi gửi.`,
    loadFailed: "Không đọc được số liệu.",
    manualLabel: "Văn bản báo cáo (để sao chép)",
    close: "Đóng",
  },
  en: {
    title: "Draft the report",
    intro: "The report and its summary are built from the appendix's own figures: each figure in the text is copied from it. A sentence whose figures have an error is not stated as fact but marked \"[cần kiểm tra: …]\" (highlighted) for you to fix before sending.",
    loading: "Reading the data…",
    refresh: "Read the data again",
    summaryOnly: "Summary only",
    groupDocuments: "List documents by Party committee / government",
    download: "Download .docx",
    downloading: "Making the .docx file…",
    downloaded: (f) => `${f} was made. If the browser did not save it, use "Copy" and paste into Word, or "Insert into a sheet".`,
    downloadHint: "Desktop Excel may block downloads; then use \"Copy\" or \"Insert into a sheet\".",
    downloadFailed: "The .docx file could not be made. Use \"Copy\" and paste into Word.",
    copy: "Copy",
    copied: "Copied. Open Word and press Ctrl+V to paste (formatting kept).",
    copyManual: "Automatic copy is not available. The text is selected in the box below: press Ctrl+C.",
    insert: "Insert into a sheet",
    inserting: "Inserting…",
    inserted: (s) => `The report was inserted into the sheet "${s}".`,
    insertFailed: "The report could not be inserted into a sheet.",
    preview: "Preview",
    errors: (n) => `The data has ${plural(n, "error")}. The report was produced, but fix them (the "Check" tab) before sending it.`,
    loadFailed: "The data could not be read.",
    manualLabel: "Report text (to copy)",
    close: "Close",
  },
};
