/**
 * Agency names as people type them: "UBND xã Tân Lập", "Ủy ban nhân dân xã Tân Lập",
 * "UỶ BAN NHÂN DÂN XÃ TÂN LẬP" are one unit. Pure.
 */
import { nfc } from "../vn";

/** Letters without their Vietnamese diacritics, lower case ("Đ" → "d"). */
export function foldVi(s: string): string {
  return nfc(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/**
 * The key two agency names are compared by: "Ủy ban nhân dân" (any spelling, "Uỷ"/"Ủy")
 * read as "ubnd", diacritics, case, punctuation and spaces ignored.
 */
export function agencyKey(name: string): string {
  let s = foldVi(name);
  s = s.replace(/uy\s*ban\s*nhan\s*dan/g, "ubnd");
  s = s.replace(/[^a-z0-9]+/g, " ").trim();
  return s.replace(/ /g, "");
}
