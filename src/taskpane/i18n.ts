/**
 * The pane's own strings, Vietnamese first, English available (toggle in the header).
 * Views owned by other helpers keep their own strings next to them.
 */
import type { Lang, Text } from "../core/types";

export type { Lang };

export const STRINGS = {
  appTitle: { vi: "Phụ lục số liệu QCDC", en: "QCDC numeric appendix" },
  langToggle: { vi: "English", en: "Tiếng Việt" },
  langToggleTitle: { vi: "Chuyển sang tiếng Anh", en: "Switch to Vietnamese" },
  tabWorkbook: { vi: "Sổ nhập liệu", en: "Workbook" },
  tabCheck: { vi: "Kiểm tra", en: "Check" },
  tabReport: { vi: "Báo cáo", en: "Report" },
  tabMerge: { vi: "Tổng hợp", en: "Consolidate" },
  tabTemplate: { vi: "Mẫu", en: "Template" },
  customTitle: { vi: "Mẫu báo cáo của cơ quan yêu cầu", en: "The requesting body's template" },
  customIntro: {
    vi: "Nếu cấp trên gửi một tệp mẫu (.json), chọn tệp đó trước khi tạo sổ: sổ sẽ theo mẫu đó và lưu mẫu bên trong, nên gửi sổ cho đơn vị khác thì không cần gửi kèm gì.",
    en: "If the requesting body sent a template file (.json), choose it before setting up: the workbook follows it and carries it inside, so nothing else needs to be sent with it.",
  },
  customButton: { vi: "Chọn tệp mẫu…", en: "Choose a template file…" },
  customChosen: { vi: "Mẫu đã chọn: {title} ({id}, phiên bản {version}).", en: "Template chosen: {title} ({id}, version {version})." },
  customBad: { vi: "Tệp mẫu \"{file}\" chưa dùng được", en: "Template file \"{file}\" cannot be used" },
  loadingView: { vi: "Đang tải…", en: "Loading…" },
  connecting: { vi: "Đang kết nối với Excel…", en: "Connecting to Excel…" },

  officeMissingTitle: { vi: "Không tải được Office.js", en: "Office.js could not be loaded" },
  officeMissingBody: {
    vi: "Ngăn này cần thư viện Office.js của Microsoft nhưng không tải được (mất mạng, tường lửa chặn appsforoffice.microsoft.com, hoặc trang được mở ngoài Excel). Hãy kiểm tra kết nối mạng rồi mở lại ngăn từ nút \"Phụ lục số liệu\" trên thẻ Trang đầu (Home) của Excel. Nếu cơ quan chặn Internet, nhờ quản trị mạng cài bản add-in có Office.js cục bộ (xem docs/DEPLOY.md).",
    en: "This pane needs Microsoft's Office.js library, which did not load (no network, a firewall blocking appsforoffice.microsoft.com, or the page was opened outside Excel). Check the connection and reopen the pane from the \"Phụ lục số liệu\" button on Excel's Home tab. Where the Internet is blocked, ask IT to deploy the build with a local Office.js (docs/DEPLOY.md).",
  },
  notInExcelTitle: { vi: "Trang này phải mở trong Excel", en: "Open this page inside Excel" },
  notInExcelBody: {
    vi: "Đây là ngăn tác vụ của add-in Excel \"Phụ lục số liệu\"; mở trực tiếp trong trình duyệt thì không có sổ tính nào để làm việc. Hãy mở Excel, chọn thẻ Trang đầu (Home) → \"Phụ lục số liệu\". Chưa cài add-in: xem hướng dẫn trong docs/DEPLOY.md.",
    en: "This is the task pane of the \"Phụ lục số liệu\" Excel add-in; opened in a plain browser there is no workbook to work on. Open Excel and choose Home → \"Phụ lục số liệu\". To install the add-in, see docs/DEPLOY.md.",
  },
  readyTimeoutTitle: { vi: "Excel chưa sẵn sàng", en: "Excel is not ready" },
  readyTimeoutBody: {
    vi: "Đã chờ Excel quá lâu mà chưa kết nối được (Office.onReady không trả lời). Hãy đóng ngăn này rồi mở lại; với Excel trên web, tải lại trang. Nếu vẫn vậy, lưu sổ, đóng và mở lại Excel.",
    en: "Excel did not connect in time (Office.onReady did not answer). Close and reopen the pane; in Excel on the web, reload the page. If it persists, save, close and reopen Excel.",
  },
  reload: { vi: "Tải lại", en: "Reload" },

  crashTitle: { vi: "Ngăn phụ lục gặp lỗi", en: "The pane ran into an error" },
  crashBody: {
    vi: "Số liệu trong sổ tính không bị ảnh hưởng. Hãy bấm \"Tải lại\". Nếu lỗi lặp lại, lưu sổ, đóng và mở lại Excel; sổ vẫn dùng được vì các ô ✓/✗ là công thức của chính Excel.",
    en: "The workbook's data is not affected. Press \"Reload\". If it happens again, save, close and reopen Excel; the workbook still works, as its ✓/✗ cells are Excel formulas.",
  },
  chunkFailed: {
    vi: "Không tải được một phần của ngăn (mạng chậm hoặc bị ngắt).",
    en: "Part of the pane could not be downloaded (slow or broken connection).",
  },
  errorDetail: { vi: "Chi tiết kỹ thuật", en: "Technical detail" },

  setupTitle: { vi: "Tạo sổ nhập liệu", en: "Set up the workbook" },
  setupIntro: {
    vi: "Tạo trong sổ này các trang có cấu trúc: Phụ lục (các chỉ tiêu), Thông tin báo cáo, các sổ theo dõi (Văn bản, Kiểm tra, Hội nghị, Đối thoại), Nội dung, Quy tắc riêng, Ngoại lệ. Chạy lại lúc nào cũng được: chỉ bổ sung phần còn thiếu, không xóa, không ghi đè số liệu.",
    en: "Creates the structured sheets in this workbook: the appendix (indicators), report details, the registers (documents, inspections, conferences, dialogues), text, own rules, overrides. Safe to run again: it only adds what is missing and never overwrites data.",
  },
  setupTemplate: { vi: "Mẫu báo cáo (dùng khi sổ chưa được tạo)", en: "Report template (for a workbook not set up yet)" },
  templateDraftTitle: { vi: "Mẫu {id} là bản nháp", en: "Template {id} is a draft" },
  setupButton: { vi: "Tạo sổ nhập liệu…", en: "Set up the workbook…" },
  setupReading: { vi: "Đang đọc sổ tính…", en: "Reading the workbook…" },
  setupDialogTitle: { vi: "Sẽ thực hiện các việc sau", en: "This will be done" },
  setupDialogNoUndo: {
    vi: "Excel không hoàn tác (Undo) được thay đổi do add-in thực hiện. Nên lưu sổ trước khi tiếp tục.",
    en: "Excel cannot undo changes made by an add-in. Save the workbook before you go on.",
  },
  setupConfirm: { vi: "Đồng ý, thực hiện", en: "Go ahead" },
  cancel: { vi: "Hủy", en: "Cancel" },
  close: { vi: "Đóng", en: "Close" },
  working: { vi: "Đang ghi vào sổ tính…", en: "Writing to the workbook…" },
  setupDone: { vi: "Đã xong. Các việc đã làm:", en: "Done. What was done:" },
  nothingToDo: { vi: "Sổ nhập liệu đã đầy đủ: không cần thay đổi gì.", en: "The workbook is already set up: nothing to change." },
  changedMeanwhile: {
    vi: "Sổ tính vừa thay đổi kể từ lúc xem trước nên chưa ghi gì. Hãy xem lại danh sách mới rồi xác nhận.",
    en: "The workbook changed since the preview, so nothing was written. Review the new list and confirm.",
  },
  notesTitle: { vi: "Lưu ý về phiên bản Excel này", en: "About this version of Excel" },

  importTitle: { vi: "Nhập số liệu từ tệp JSON", en: "Import data from a JSON file" },
  importIntro: {
    vi: "Điền vào sổ số liệu của một báo cáo đã lưu dạng JSON (vd. tệp do lệnh phuluc export tạo ra). Trước khi ghi, add-in cho biết sẽ thay bao nhiêu ô đang có giá trị.",
    en: "Fills the workbook with a report saved as JSON (e.g. by phuluc export). Before writing, the add-in says how many cells holding values would be replaced.",
  },
  importButton: { vi: "Chọn tệp JSON…", en: "Choose a JSON file…" },
  importDialogTitle: { vi: "Nhập số liệu từ tệp", en: "Import the file" },
  importReplaceWarning: {
    vi: "{n} ô đang có giá trị sẽ bị thay bằng số liệu trong tệp. Excel không hoàn tác được thao tác này.",
    en: "{n} cells that hold values will be replaced by the file's data. Excel cannot undo this.",
  },
  importNoReplace: { vi: "Không ô nào đang có giá trị bị thay.", en: "No cell holding a value will be replaced." },
  importConfirm: { vi: "Nhập và thay {n} ô", en: "Import and replace {n} cells" },
  importConfirmPlain: { vi: "Nhập số liệu", en: "Import" },
  importSame: { vi: "Số liệu trong tệp đã có đủ trong sổ: không cần ghi gì.", en: "The workbook already holds the file's data: nothing to write." },
  importDone: { vi: "Đã nhập số liệu từ \"{file}\".", en: "Imported \"{file}\"." },
  importFound: { vi: "Số liệu vừa nhập có {errors} lỗi và {warnings} cảnh báo.", en: "The imported data has {errors} and {warnings}." },
  importClean: { vi: "Số liệu vừa nhập không có lỗi hay cảnh báo nào.", en: "The imported data has no errors or warnings." },
  importShow: { vi: "Xem lỗi và cảnh báo", en: "Show them" },
  importBadFile: { vi: "Không đọc được tệp \"{file}\":", en: "Could not read \"{file}\":" },

  exportTitle: { vi: "Xuất số liệu ra tệp JSON", en: "Export data as JSON" },
  exportIntro: {
    vi: "Lưu số liệu trong sổ ra tệp JSON (giống lệnh phuluc export) để gửi cấp trên, lưu trữ hoặc dùng với dòng lệnh.",
    en: "Saves the workbook's data as JSON (as phuluc export does), to send on, archive or use with the command line.",
  },
  exportButton: { vi: "Xuất JSON", en: "Export JSON" },
  exportDone: { vi: "Đã tạo tệp {file}. Nếu trình duyệt không tự tải xuống, sao chép nội dung dưới đây.", en: "Created {file}. If it did not download, copy the text below." },
  exportProblems: { vi: "Sổ có vấn đề về cấu trúc:", en: "Structural problems in the workbook:" },
  exportNotOurs: {
    vi: "Sổ này chưa có trang nhập liệu của phuluc. Hãy bấm \"Tạo sổ nhập liệu\" trước.",
    en: "This workbook has no phuluc sheets yet. Use \"Set up the workbook\" first.",
  },
  download: { vi: "Tải tệp xuống", en: "Download" },
  jsonLabel: { vi: "Nội dung JSON", en: "JSON text" },
} satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;

/** A string in the pane's language, with {name} placeholders filled. */
export function tr(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  let s = STRINGS[key][lang] ?? STRINGS[key].vi;
  if (vars) for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
  return s;
}

/** A `Text` from elsewhere (core, src/excel) in the pane's language. */
export function pick(lang: Lang, t: Text): string {
  return t[lang] ?? t.vi;
}

const LANG_KEY = "phuluc.lang";

export function initialLang(): Lang {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    if (v === "en" || v === "vi") return v;
  } catch {
    /* storage may be blocked */
  }
  return "vi";
}

export function saveLang(l: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, l);
  } catch {
    /* ignore */
  }
}
