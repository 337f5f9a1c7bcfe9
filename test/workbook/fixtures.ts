/**
 * A richer report than the worked example: previous-year values, sections, own rules,
 * overrides, NFD text, "Ð" (U+00D0) in symbols, percents with decimals, money, a value
 * with its unit typed in. Its figures agree with its registers (no error expected).
 */
const NFD = (s: string) => s.normalize("NFD");
const ETH = "\u00D0"; // looks like Đ, is not

export function richReport(): Record<string, unknown> {
  return {
    template: "qcdc-2021",
    report: {
      parentAgency: NFD("UBND TỈNH ĐIỆN BIÊN"),
      agency: NFD("Ủy ban nhân dân huyện Mường Ảng"),
      level: "huyen",
      number: "12",
      symbol: "BC-UBND",
      place: NFD("Mường Ảng"),
      date: "2022-01-05",
      year: 2021,
      title: NFD("Kết quả thực hiện quy chế dân chủ ở cơ sở năm 2021"),
      basis: "Công văn số 54-CV/BCĐ ngày 26/10/2021",
      signerAuthority: "KT. CHỦ TỊCH",
      signerTitle: "PHÓ CHỦ TỊCH",
      signerName: NFD("Lò Văn Đức"),
      recipients: ["Ban Chỉ đạo tỉnh", NFD("Thường trực Huyện ủy"), "Lưu: VT"],
    },
    values: {
      vb_tong: "05",
      vb_cap_uy: "02",
      vb_chinh_quyen: 3,
      kt_so_doan: 2,
      kt_so_don_vi: "03",
      tt_hoi_nghi: 3,
      tt_rieng: 2,
      tt_long_ghep: "01",
      cchc_dvc_tong: 90,
      cchc_dvc_muc3: 50,
      cchc_dvc_muc4: 30,
      cchc_dvc_ty_le: "88,9%",
      dt_tong: 3,
      dt_da_giai_quyet: 2,
      dt_ty_le: "66,67%",
      dt_ton_dong_da_gq: 0,
      dt_ton_dong_chua_gq: "01 vụ việc",
      dth_tong: 2,
      dth_cap_uy: 1,
      dth_chinh_quyen: 2,
      cv_tong: "25.000.000",
      cv_doanh_nghiep: "10.000.000",
      cv_nguoi_lao_dong: 15000000,
      cv_khac: "Không",
      cbccvc_da_to_chuc: 7,
      cbccvc_tong_don_vi: 8,
      cbccvc_ty_le: 87.5,
    },
    previous: {
      vb_tong: 4,
      vb_cap_uy: 1,
      vb_chinh_quyen: 3,
      cchc_dvc_ty_le: "75%",
      dt_ty_le: "Không có",
      cv_tong: "1.500.000",
      cbccvc_ty_le: "100%",
    },
    registers: {
      van_ban: [
        { symbol: `12-KH/${ETH}U`, date: "2021-02-03", type: NFD("Kế hoạch"), title: NFD("Thực hiện quy chế dân chủ ở cơ sở năm 2021") },
        { symbol: `15-CV/${ETH}U`, date: "2021-06-30", type: NFD("Công văn"), title: "Tăng cường dân vận khéo" },
        { symbol: "30/KH-UBND", date: "2021-01-15", type: NFD("Kế hoạch"), title: NFD("Triển khai công tác dân vận chính quyền") },
        { symbol: "45/QĐ-UBND", date: "2021-03-01", type: NFD("Quyết định"), title: "Kiện toàn Ban Chỉ đạo", issuer: "chinh_quyen" },
        { symbol: "210/UBND-VP", date: "2021-12-31", type: NFD("Công văn"), title: NFD("Báo cáo kết quả năm") },
      ],
      kiem_tra: [
        { decision: "101/QĐ-UBND", date: "2021-09-01", unit: NFD("UBND xã Ẳng Nưa") },
        { decision: "101/QĐ-UBND", date: "2021-09-02", unit: NFD("UBND xã Ẳng Cang") },
        { decision: "150/QĐ-UBND", date: "2021-11-20", unit: NFD("UBND thị trấn Mường Ảng") },
      ],
      hoi_nghi: [
        { title: NFD("Hội nghị quán triệt Nghị quyết"), date: "2021-04-10", form: "rieng" },
        { title: NFD("Tập huấn QCDC cho cán bộ xã"), date: "2021-05-20", form: "rieng" },
        { title: NFD("Lồng ghép trong hội nghị giao ban"), form: "long_ghep" },
      ],
      doi_thoai: [
        { plan: "20/KH-UBND", date: "2021-06-15", chair: "ca_hai", held: true, title: NFD("Đối thoại với nhân dân") },
        { plan: "21/KH-UBND", date: "2021-08-15", chair: "chinh_quyen", held: true, title: "Đối thoại với doanh nghiệp" },
        { plan: "22/KH-UBND", date: "2021-10-15", chair: "cap_uy", held: false },
      ],
    },
    sections: [
      { heading: NFD("I. KHÁI QUÁT TÌNH HÌNH"), text: NFD("Năm 2021, huyện ban hành {vb_tong} văn bản.\n\nCông tác dân vận được chú trọng.") },
      { heading: NFD("II. KẾT QUẢ"), text: "{tom_tat}\n\n{ds_van_ban}" },
    ],
    rules: [{ id: "don-vi-kiem-tra", expression: "kt_so_don_vi <= cbccvc_tong_don_vi", severity: "warning", message: NFD("Số đơn vị được kiểm tra vượt tổng số đơn vị") }],
    overrides: { "cv.period": { severity: "off", reason: NFD("Năm 2021 vẫn trong giai đoạn hỗ trợ") } },
  };
}
