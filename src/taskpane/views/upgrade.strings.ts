/** Strings of the open workbook's template and of an upgrade in place (the "Sổ nhập liệu" view). */
export const UPGRADE_STRINGS = {
  workbookTemplate: { vi: "Sổ đang mở theo mẫu: {title} ({id}, phiên bản {version}).", en: "The open workbook follows: {title} ({id}, version {version})." },
  carried: { vi: "Mẫu được lưu trong sổ: không cần tệp mẫu nào khác.", en: "The template is stored in the workbook: no other file is needed." },
  unknownTemplate: { vi: "Sổ đang mở ghi mẫu \"{id}\" mà add-in này không biết.", en: "The open workbook names template \"{id}\", unknown to this add-in." },
  olderLayout: {
    vi: "Sổ theo bố cục cũ (phiên bản {from}; hiện nay là {to}). Bấm \"Tạo sổ nhập liệu…\" để xem kế hoạch nâng cấp: mọi số liệu được giữ nguyên.",
    en: "The workbook has an older layout (version {from}; now {to}). Click \"Set up the workbook…\" to see the upgrade plan: every value is kept.",
  },
  newerTemplate: {
    vi: "Tệp mẫu đã chọn là phiên bản mới hơn của mẫu trong sổ ({from} → {to}). Bấm \"Tạo sổ nhập liệu…\" để xem kế hoạch nâng cấp.",
    en: "The template file chosen is a newer version of the workbook's template ({from} → {to}). Click \"Set up the workbook…\" to see the upgrade plan.",
  },
  dialogTitle: { vi: "Nâng cấp sổ nhập liệu: sẽ thực hiện các việc sau", en: "Upgrade the workbook: this will be done" },
  confirm: { vi: "Đồng ý, nâng cấp", en: "Upgrade" },
  done: { vi: "Đã nâng cấp sổ nhập liệu", en: "The workbook was upgraded" },
} as const;

export type UpgradeKey = keyof typeof UPGRADE_STRINGS;

export function ut(lang: "vi" | "en", key: UpgradeKey, vars?: Record<string, string | number>): string {
  let s: string = UPGRADE_STRINGS[key][lang] ?? UPGRADE_STRINGS[key].vi;
  if (vars) for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
  return s;
}
