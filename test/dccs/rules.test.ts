/**
 * The rules dccs-2025 adds (spec docs/spec/dccs-2025.md, "Rules"), each as a table: values
 * changed from the clean worked example, and the severities that rule gives (none: holds).
 */
import { check } from "../../src/core/engine";
import type { Finding, RawValue, RegisterRow, ReportData } from "../../src/core/types";
import { clean } from "./helpers";

type Case = [string, Record<string, RawValue>, string[], { registers?: Record<string, RegisterRow[]>; expected?: number | string }?];

function run(rule: string, values: Record<string, RawValue>, registers?: Record<string, RegisterRow[]>): Finding[] {
  const d: ReportData = clean();
  Object.assign(d.values, values);
  if (registers) Object.assign(d.registers, registers);
  return check(d).findings.filter((f) => f.rule === rule);
}

function table(rule: string, cases: Case[]): void {
  describe(rule, () => {
    for (const [name, values, severities, extra] of cases)
      test(name, () => {
      const got = run(rule, values, extra?.registers);
      expect(got.map((f) => f.severity)).toEqual(severities);
      if (extra?.expected !== undefined) expect(got[0].expected).toBe(extra.expected);
      for (const f of got) {
        expect(f.message).not.toMatch(/\{[a-zA-Z]+\}/);
        expect(f.path).toMatch(/^values\./);
      }
      });
  });
}

const kt = (decision: string, unit: string): RegisterRow => ({ decision, unit, date: "2026-05-01" });
const dth = (chair: string, form: string, held = true): RegisterRow => ({ plan: "48/KH-UBND", date: "2026-06-20", chair, held, form, title: "Đối thoại" });

table("kt.teams", [
  ["3 cuộc, 5 đơn vị", {}, []],
  ["0 cuộc, 0 đơn vị", { kt_so_cuoc: 0, kt_so_don_vi: 0 }, []],
  ["cuộc without units", { kt_so_cuoc: 2, kt_so_don_vi: 0 }, ["error"]],
  ["units without cuộc", { kt_so_cuoc: 0, kt_so_don_vi: 4 }, ["error"]],
  ["\"Không\" cuộc, 0 units", { kt_so_cuoc: "Không", kt_so_don_vi: 0 }, []],
  ["\"Không\" cuộc, 1 unit", { kt_so_cuoc: "Không", kt_so_don_vi: 1 }, ["error"]],
  ["1 cuộc, 1 unit", { kt_so_cuoc: 1, kt_so_don_vi: 1 }, []],
  ["units blank: info", { kt_so_don_vi: null }, ["info"]],
  ["cuộc blank, units 0: info", { kt_so_cuoc: null, kt_so_don_vi: 0 }, ["info"]],
  ["unreadable cuộc: info", { kt_so_cuoc: "khoảng 3" }, ["info"]],
  ["whole group blank: not applicable", { kt_so_cuoc: null, kt_so_don_vi: null }, []],
  ["more units than cuộc is fine", { kt_so_cuoc: 1, kt_so_don_vi: 12 }, []],
]);

table("kt.register", [
  ["no rows: does not apply", { kt_so_cuoc: 9, kt_so_don_vi: 1 }, []],
  ["3 decisions, 5 units: holds", {}, [], { registers: { kiem_tra: [kt("1/QĐ-UBND", "A"), kt("1/QĐ-UBND", "B"), kt("2/QĐ-UBND", "C"), kt("3/QĐ-UBND", "D"), kt("3/QĐ-UBND", "E")] } }],
  ["cuộc counts distinct decisions", { kt_so_cuoc: 5 }, ["error"], { registers: { kiem_tra: [kt("1/QĐ-UBND", "A"), kt("1/QĐ-UBND", "B"), kt("2/QĐ-UBND", "C"), kt("3/QĐ-UBND", "D"), kt("3/QĐ-UBND", "E")] }, expected: 3 }],
  ["units counts distinct units", { kt_so_cuoc: 1, kt_so_don_vi: 5 }, ["error"], { registers: { kiem_tra: [kt("1/QĐ-UBND", "A"), kt("1/QĐ-UBND", "A")] }, expected: 1 }],
  ["one row, one each", { kt_so_cuoc: 1, kt_so_don_vi: 1 }, [], { registers: { kiem_tra: [kt("7/QĐ-UBND", "Thôn 1")] } }],
  ["case and spaces do not make another unit", { kt_so_cuoc: 1, kt_so_don_vi: 1 }, [], { registers: { kiem_tra: [kt("7/QĐ-UBND", "Thôn 1"), kt("7/QĐ-UBND", "thôn  1")] } }],
  ["blank cuộc with rows: info", { kt_so_cuoc: null, kt_so_don_vi: 1 }, ["info"], { registers: { kiem_tra: [kt("7/QĐ-UBND", "Thôn 1")] } }],
  ["both wrong: one error", { kt_so_cuoc: 4, kt_so_don_vi: 4 }, ["error"], { registers: { kiem_tra: [kt("7/QĐ-UBND", "Thôn 1")] } }],
  ["two decisions, two units", { kt_so_cuoc: 2, kt_so_don_vi: 2 }, [], { registers: { kiem_tra: [kt("7/QĐ-UBND", "Thôn 1"), kt("8/QĐ-UBND", "Thôn 2")] } }],
  ["register shows more than typed", { kt_so_cuoc: 1, kt_so_don_vi: 1 }, ["error"], { registers: { kiem_tra: [kt("7/QĐ-UBND", "Thôn 1"), kt("8/QĐ-UBND", "Thôn 2")] } }],
]);

table("dth.forms", [
  ["1 + 1 = 2", {}, []],
  ["2 + 0 = 2", { dth_truc_tiep: 2, dth_truc_tuyen: 0 }, []],
  ["0 + 2 = 2", { dth_truc_tiep: 0, dth_truc_tuyen: 2 }, []],
  // Total 1 would break dth.part (the head of government chaired 02) and the register: no single figure (test/core/suggestions.test.ts).
  ["1 + 0 ≠ 2", { dth_truc_tiep: 1, dth_truc_tuyen: 0 }, ["error"]],
  ["2 + 2 ≠ 2", { dth_truc_tiep: 2, dth_truc_tuyen: 2 }, ["error"], { expected: 4 }],
  ["online blank: info", { dth_truc_tuyen: null }, ["info"]],
  ["total blank: info", { dth_tong: null }, ["info"]],
  ["\"Không\" + 2 = 2", { dth_truc_tiep: "Không", dth_truc_tuyen: 2 }, []],
  ["all zero", { dth_tong: 0, dth_cap_uy: 0, dth_chinh_quyen: 0, dth_truc_tiep: 0, dth_truc_tuyen: 0 }, [], { registers: { doi_thoai: [] } }],
  ["\"01 cuộc\" read as 1", { dth_truc_tiep: "01 cuộc" }, []],
  ["group 4 all blank: not applicable", { dth_tong: null, dth_cap_uy: null, dth_chinh_quyen: null, dth_truc_tiep: null, dth_truc_tuyen: null }, [], { registers: { doi_thoai: [] } }],
]);

table("dth.register", [
  ["the example's two dialogues", {}, []],
  ["form counted: two online rows", { dth_truc_tiep: 0, dth_truc_tuyen: 2 }, [], { registers: { doi_thoai: [dth("ca_hai", "truc_tuyen"), dth("chinh_quyen", "truc_tuyen")] } }],
  ["form mismatch: in person typed, online in register", { dth_truc_tiep: 1, dth_truc_tuyen: 1 }, ["error"], { registers: { doi_thoai: [dth("ca_hai", "truc_tuyen"), dth("chinh_quyen", "truc_tuyen")] } }],
  ["a row not held is not counted", { dth_tong: 2 }, ["error"], { registers: { doi_thoai: [dth("ca_hai", "truc_tiep"), dth("chinh_quyen", "truc_tuyen", false)] } }],
  ["held count wrong", { dth_tong: 3, dth_truc_tiep: 2 }, ["error"]],
  ["chair count wrong", { dth_cap_uy: 2 }, ["error"], { expected: 1 }],
  ["no rows: does not apply", { dth_tong: 9 }, [], { registers: { doi_thoai: [] } }],
  ["online typed blank with rows: info", { dth_truc_tuyen: null }, ["info"]],
  ["three rows, all in person", { dth_tong: 3, dth_cap_uy: 1, dth_chinh_quyen: 3, dth_truc_tiep: 3, dth_truc_tuyen: 0 }, [], { registers: { doi_thoai: [dth("ca_hai", "truc_tiep"), dth("chinh_quyen", "truc_tiep"), dth("chinh_quyen", "truc_tiep")] } }],
  ["form written as its label", { dth_truc_tiep: 1, dth_truc_tuyen: 1 }, [], { registers: { doi_thoai: [dth("Cả hai", "Trực tiếp"), dth("chinh_quyen", "Trực tuyến hoặc qua mạng xã hội")] } }],
]);

table("dvc.parts", [
  ["58 + 62 ≤ 120", {}, []],
  ["58 + 63 > 120", { dvc_mot_phan: 63 }, ["error"]],
  ["0 + 0 ≤ 0", { dvc_tthc_tong: 0, dvc_toan_trinh: 0, dvc_mot_phan: 0, dvc_ty_le_toan_trinh: "Không có" }, []],
  ["1 + 0 > 0", { dvc_tthc_tong: 0, dvc_toan_trinh: 1, dvc_mot_phan: 0, dvc_ty_le_toan_trinh: "Không có" }, ["error"]],
  ["parts may cover less than the total", { dvc_toan_trinh: 58, dvc_mot_phan: 2 }, []],
  ["total blank: info", { dvc_tthc_tong: null }, ["info"]],
  ["a part blank: info", { dvc_mot_phan: null }, ["info"]],
  ["\"1.000\" read as a thousand", { dvc_tthc_tong: "1.000", dvc_ty_le_toan_trinh: "5,8%" }, []],
  ["a part unreadable: info", { dvc_mot_phan: "hơn 60" }, ["info"]],
  ["exactly the total", { dvc_toan_trinh: 120, dvc_mot_phan: 0, dvc_ty_le_toan_trinh: "100%" }, []],
  ["one over the total", { dvc_toan_trinh: 121, dvc_mot_phan: 0, dvc_ty_le_toan_trinh: "100%" }, ["error"]],
]);

table("dvc.ratio", [
  ["48,3% holds", {}, []],
  ["48,4% is wrong", { dvc_ty_le_toan_trinh: "48,4%" }, ["error"]],
  ["48% with no decimals holds", { dvc_ty_le_toan_trinh: "48%" }, []],
  ["48,33% holds", { dvc_ty_le_toan_trinh: "48,33%" }, []],
  ["truncated 48,33 vs 48,34 … 58/120 = 48,333: 48,33 holds", { dvc_ty_le_toan_trinh: "48,333%" }, []],
  ["denominator 0 with a number: warning", { dvc_tthc_tong: 0, dvc_toan_trinh: 0, dvc_mot_phan: 0, dvc_ty_le_toan_trinh: "0%" }, ["warning"], { expected: "Không có" }],
  ["denominator 0 with \"Không có\"", { dvc_tthc_tong: 0, dvc_toan_trinh: 0, dvc_mot_phan: 0, dvc_ty_le_toan_trinh: "Không có" }, []],
  ["\"Không có\" with a denominator: error", { dvc_ty_le_toan_trinh: "Không có" }, ["error"]],
  ["ratio blank: info", { dvc_ty_le_toan_trinh: null }, ["info"]],
  ["numerator blank: info", { dvc_toan_trinh: null }, ["info"]],
  ["50% is wrong", { dvc_ty_le_toan_trinh: 50 }, ["error"]],
]);

table("ck.max", [
  ["14 of 14", {}, []],
  ["0", { ck_noi_dung: 0 }, []],
  ["13", { ck_noi_dung: 13 }, []],
  ["15 is over the Law's 14", { ck_noi_dung: 15 }, ["error"], { expected: 14 }],
  ["20", { ck_noi_dung: 20 }, ["error"]],
  ["\"15 nhóm\" read and over", { ck_noi_dung: "15 nhóm" }, ["error"]],
  ["blank with the group filled: info", { ck_noi_dung: null }, ["info"]],
  ["unreadable: info", { ck_noi_dung: "tất cả" }, ["info"]],
  ["\"Không\" is 0", { ck_noi_dung: "Không" }, []],
  ["1", { ck_noi_dung: 1 }, []],
  ["140", { ck_noi_dung: 140 }, ["error"]],
]);

table("bqd.le", [
  ["5 of 5", { bqd_thong_qua: 5 }, []],
  ["6 of 5", { bqd_thong_qua: 6 }, ["error"]],
  ["0 of 0", { bqd_noi_dung: 0, bqd_thong_qua: 0 }, []],
  ["1 of 0", { bqd_noi_dung: 0, bqd_thong_qua: 1 }, ["error"]],
  ["3 of 5", { bqd_thong_qua: 3 }, []],
  ["passed blank: info", { bqd_thong_qua: null }, ["info"]],
  ["put blank: info", { bqd_noi_dung: null }, ["info"]],
  ["\"Không\" passed", { bqd_thong_qua: "Không" }, []],
  ["\"06 nội dung\" read and over", { bqd_thong_qua: "06 nội dung" }, ["error"]],
  ["100 of 99", { bqd_noi_dung: 99, bqd_thong_qua: 100 }, ["error"]],
]);

table("yk.le", [
  ["7 of 7", {}, []],
  ["8 of 7", { yk_giai_trinh: 8 }, ["error"]],
  ["0 of 7", { yk_giai_trinh: 0 }, []],
  ["1 of 0", { yk_noi_dung: 0, yk_giai_trinh: 1 }, ["error"]],
  ["0 of 0", { yk_noi_dung: 0, yk_giai_trinh: 0 }, []],
  ["answered blank: info", { yk_giai_trinh: null }, ["info"]],
  ["put blank: info", { yk_noi_dung: null }, ["info"]],
  ["unreadable: info", { yk_noi_dung: "nhiều" }, ["info"]],
  ["6 of 7", { yk_giai_trinh: 6 }, []],
  ["\"1.000\" of 999", { yk_noi_dung: 999, yk_giai_trinh: "1.000" }, ["error"]],
]);

table("hncd.le", [
  ["11 of 12", {}, []],
  ["13 of 12", { hncd_da_to_chuc: 13, hncd_ty_le: "100%" }, ["error"]],
  ["12 of 12", { hncd_da_to_chuc: 12, hncd_ty_le: "100%" }, []],
  ["0 of 12", { hncd_da_to_chuc: 0, hncd_ty_le: "0%" }, []],
  ["1 of 0", { hncd_tong: 0, hncd_da_to_chuc: 1, hncd_ty_le: "Không có" }, ["error"]],
  ["0 of 0", { hncd_tong: 0, hncd_da_to_chuc: 0, hncd_ty_le: "Không có" }, []],
  ["held blank: info", { hncd_da_to_chuc: null }, ["info"]],
  ["total blank: info", { hncd_tong: null }, ["info"]],
  ["\"Không\" held", { hncd_da_to_chuc: "Không", hncd_ty_le: "0%" }, []],
  ["\"12 thôn\" of 11", { hncd_tong: 11, hncd_da_to_chuc: "12 thôn" }, ["error"]],
]);

table("hncd.ratio", [
  ["91,7% holds", {}, []],
  ["91,6% is truncated: warning", { hncd_ty_le: "91,6%" }, ["warning"]],
  ["92% holds", { hncd_ty_le: "92%" }, []],
  ["91,67% holds", { hncd_ty_le: "91,67%" }, []],
  ["90% is wrong", { hncd_ty_le: "90%" }, ["error"]],
  ["denominator 0, a number: warning", { hncd_tong: 0, hncd_da_to_chuc: 0, hncd_ty_le: "0%" }, ["warning"]],
  ["denominator 0, \"Không có\"", { hncd_tong: 0, hncd_da_to_chuc: 0, hncd_ty_le: "Không có" }, []],
  ["\"Không có\" with 12 villages: error", { hncd_ty_le: "Không có" }, ["error"]],
  ["ratio blank: info", { hncd_ty_le: null }, ["info"]],
  ["0,917 typed as a fraction of 1 is 0,917%: error", { hncd_ty_le: 0.917 }, ["error"]],
  ["12 of 12 at 100%", { hncd_da_to_chuc: 12, hncd_ty_le: "100%" }, []],
]);

table("ttnd.members", [
  ["5 members, 1 board", { ttnd_thanh_vien: 5 }, []],
  ["4 members, 1 board: warning", { ttnd_thanh_vien: 4 }, ["warning"], { expected: 5 }],
  ["9 members, 2 boards: warning", { ttnd_so_ban: 2, ttnd_thanh_vien: 9 }, ["warning"], { expected: 10 }],
  ["10 members, 2 boards", { ttnd_so_ban: 2, ttnd_thanh_vien: 10 }, []],
  ["11 members, 2 boards", { ttnd_so_ban: 2, ttnd_thanh_vien: 11 }, []],
  ["0 members, 0 boards", { ttnd_so_ban: 0, ttnd_thanh_vien: 0, ttnd_cuoc_giam_sat: 0 }, []],
  ["members without a board", { ttnd_so_ban: 0, ttnd_thanh_vien: 3, ttnd_cuoc_giam_sat: 0 }, []],
  ["members blank: info", { ttnd_thanh_vien: null }, ["info"]],
  ["boards blank: info", { ttnd_so_ban: null }, ["info"]],
  ["\"07 người\" read", { ttnd_thanh_vien: "07 người" }, []],
  ["0 members, 1 board: warning", { ttnd_thanh_vien: 0 }, ["warning"]],
]);

table("ttnd.implies", [
  ["3 supervisions, 1 board", {}, []],
  ["3 supervisions, 0 boards: error", { ttnd_so_ban: 0, ttnd_thanh_vien: 0 }, ["error"]],
  ["0 supervisions, 0 boards", { ttnd_so_ban: 0, ttnd_thanh_vien: 0, ttnd_cuoc_giam_sat: 0 }, []],
  ["0 supervisions, 1 board", { ttnd_cuoc_giam_sat: 0 }, []],
  ["\"Không\" supervisions, 0 boards", { ttnd_so_ban: 0, ttnd_thanh_vien: 0, ttnd_cuoc_giam_sat: "Không" }, []],
  ["supervisions blank: info", { ttnd_cuoc_giam_sat: null }, ["info"]],
  ["boards blank while supervisions: info", { ttnd_so_ban: null }, ["info"]],
  ["1 supervision, \"Không\" boards: error", { ttnd_so_ban: "Không", ttnd_thanh_vien: 0, ttnd_cuoc_giam_sat: 1 }, ["error"]],
  ["1 supervision, 2 boards", { ttnd_so_ban: 2, ttnd_thanh_vien: 10, ttnd_cuoc_giam_sat: 1 }, []],
  ["unreadable supervisions: info", { ttnd_cuoc_giam_sat: "vài cuộc" }, ["info"]],
]);

table("cq.le", [
  ["4, 3, 3 of 4", {}, []],
  ["rules 5 of 4", { cq_quy_che: 5 }, ["error"]],
  ["must-hold 5 of 4", { hncb_thuoc_dien: 5, hncb_da_to_chuc: 3, hncb_ty_le: "60%" }, ["error"]],
  ["boards 5 of 4", { ttnd_cq: 5 }, ["error"]],
  ["all three over: one finding", { cq_quy_che: 5, hncb_thuoc_dien: 5, ttnd_cq: 5, hncb_ty_le: "60%" }, ["error"]],
  ["each alone, not summed: 4 + 4 + 4 of 4", { hncb_thuoc_dien: 4, hncb_ty_le: "75%", ttnd_cq: 4 }, []],
  ["total blank: info", { cq_tong: null }, ["info"]],
  ["a part blank: info", { ttnd_cq: null }, ["info"]],
  ["0 of 0", { cq_tong: 0, cq_quy_che: 0, hncb_thuoc_dien: 0, hncb_da_to_chuc: 0, hncb_ty_le: "Không có", ttnd_cq: 0 }, []],
  ["one over with one blank: still the error", { cq_quy_che: 9, ttnd_cq: null }, ["error"]],
]);

table("hncb.le", [
  ["3 of 3", {}, []],
  ["4 of 3", { hncb_da_to_chuc: 4 }, ["error"]],
  ["2 of 3", { hncb_da_to_chuc: 2, hncb_ty_le: "66,7%" }, []],
  ["0 of 0", { hncb_thuoc_dien: 0, hncb_da_to_chuc: 0, hncb_ty_le: "Không có" }, []],
  ["1 of 0", { hncb_thuoc_dien: 0, hncb_da_to_chuc: 1, hncb_ty_le: "Không có" }, ["error"]],
  ["held blank: info", { hncb_da_to_chuc: null }, ["info"]],
  ["must-hold blank: info", { hncb_thuoc_dien: null }, ["info"]],
  ["\"Không\" held", { hncb_da_to_chuc: "Không", hncb_ty_le: "0%" }, []],
  ["\"03 đơn vị\" of 2", { hncb_thuoc_dien: 2, hncb_da_to_chuc: "03 đơn vị" }, ["error"]],
  ["unreadable: info", { hncb_da_to_chuc: "hầu hết" }, ["info"]],
]);

table("hncb.ratio", [
  ["100% holds", {}, []],
  ["2 of 3 at 66,7%", { hncb_da_to_chuc: 2, hncb_ty_le: "66,7%" }, []],
  ["2 of 3 at 66,6%: truncated, warning", { hncb_da_to_chuc: 2, hncb_ty_le: "66,6%" }, ["warning"]],
  ["2 of 3 at 67%", { hncb_da_to_chuc: 2, hncb_ty_le: "67%" }, []],
  ["2 of 3 at 70%: error", { hncb_da_to_chuc: 2, hncb_ty_le: "70%" }, ["error"]],
  ["0 must hold, a number: warning (units of 07 or fewer)", { hncb_thuoc_dien: 0, hncb_da_to_chuc: 0, hncb_ty_le: "100%" }, ["warning"]],
  ["0 must hold, \"Không có\"", { hncb_thuoc_dien: 0, hncb_da_to_chuc: 0, hncb_ty_le: "Không có" }, []],
  ["\"Không có\" with 3 must hold: error", { hncb_ty_le: "Không có" }, ["error"]],
  ["ratio blank: info", { hncb_ty_le: null }, ["info"]],
  ["its own denominator, not cq_tong: 3 of 3 of 4 is 100%", { cq_tong: 4, hncb_ty_le: "75%" }, ["error"]],
]);

table("dn.le", [
  ["group 9 blank: not applicable", {}, []],
  ["all within 10", { dn_tong: 10, dn_hoi_nghi_nld: 10, dn_doi_thoai: 8, dn_quy_che: 9 }, []],
  ["conferences 11 of 10", { dn_tong: 10, dn_hoi_nghi_nld: 11, dn_doi_thoai: 8, dn_quy_che: 9 }, ["error"]],
  ["dialogues 11 of 10", { dn_tong: 10, dn_hoi_nghi_nld: 1, dn_doi_thoai: 11, dn_quy_che: 9 }, ["error"]],
  ["rules 11 of 10", { dn_tong: 10, dn_hoi_nghi_nld: 1, dn_doi_thoai: 1, dn_quy_che: 11 }, ["error"]],
  ["each alone: 10 + 10 + 10 of 10", { dn_tong: 10, dn_hoi_nghi_nld: 10, dn_doi_thoai: 10, dn_quy_che: 10 }, []],
  ["only the total: info", { dn_tong: 10 }, ["info"]],
  ["total blank, a part given: info", { dn_hoi_nghi_nld: 3 }, ["info"]],
  ["0 of 0", { dn_tong: 0, dn_hoi_nghi_nld: 0, dn_doi_thoai: 0, dn_quy_che: 0 }, []],
  ["1 of 0", { dn_tong: 0, dn_hoi_nghi_nld: 1, dn_doi_thoai: 0, dn_quy_che: 0 }, ["error"]],
]);

describe("messages say why", () => {
  test("ck.max names Article 11's 14 groups", () => {
    const [f] = run("ck.max", { ck_noi_dung: 15 });
    expect(f.message).toBe("Số nhóm nội dung đã công khai (15) nhiều hơn 14: Điều 11 của Luật Thực hiện dân chủ ở cơ sở chỉ có 14 nhóm nội dung công khai.");
    expect(f.indicators).toEqual(["ck_noi_dung"]);
  });
  test("ttnd.members gives the minimum", () => {
    const [f] = run("ttnd.members", { ttnd_so_ban: 2, ttnd_thanh_vien: 9 });
    expect(f.message).toContain("(09) ít hơn 10");
    expect(f.message).toContain("ít nhất 05 thành viên");
    expect(f.indicators).toEqual(["ttnd_thanh_vien", "ttnd_so_ban"]);
  });
  test("in English", () => {
    const d = clean();
    d.values.ck_noi_dung = 15;
    const f = check(d, { lang: "en" }).findings.find((x) => x.rule === "ck.max")!;
    expect(f.message).toContain("Article 11 of the Law lists only 14");
  });
});

describe("per unit", () => {
  test("ck.max is not checked on a consolidated report; the other rules are", () => {
    const d = clean();
    d.values.ck_noi_dung = 140;
    d.values.bqd_thong_qua = 6;
    d.report.consolidated = true;
    const rules = check(d).findings.map((f) => f.rule);
    expect(rules).not.toContain("ck.max");
    expect(rules).toContain("bqd.le");
    d.report.consolidated = false;
    expect(check(d).findings.map((f) => f.rule)).toContain("ck.max");
  });
});
