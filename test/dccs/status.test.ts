/** dccs-2025's ✓/✗ column (evaluated by the test evaluator): the worked example's marks, a yes/no, ck.max and ttnd.members. */
import { getTemplate } from "../../src/core/templates/index";
import { normalizeReport } from "../../src/core/normalize";
import { makeBook, statuses } from "../status/helpers";
import { example } from "./helpers";

const t = getTemplate("dccs-2025")!;

test("the worked example: ✗ on the two errors, ⚠ on the two warnings, ✓ on the yes/no", () => {
  const s = statuses(makeBook(t, normalizeReport(example())));
  expect(s.dvc_ty_le_toan_trinh).toMatch(/^✗/);
  expect(s.bqd_thong_qua).toMatch(/^✗/);
  expect(s.dth_cap_uy).toMatch(/⚠/);
  expect(s.ttnd_thanh_vien).toBe("⚠ 4 < 5 × 1");
  expect(s.xa_quy_che).toBe("✓");
  expect(s.ck_noi_dung).toBe("✓");
  expect(s.dn_tong).toBe("");
});

test.each([
  ["Có", "✓"],
  ["khong", "✓"],
  ["Chưa", "✓"],
  [1, "✗ ghi Có hoặc Không"],
  ["có lẽ", "✗ ghi Có hoặc Không"],
])("a yes/no cell holding %p shows %p", (v, mark) => {
  const b = makeBook(t, normalizeReport(example()), (sheet, addr) => sheet.set(addr("xa_quy_che"), { v }));
  expect(statuses(b).xa_quy_che).toBe(mark);
});

test.each([
  [14, "✓"],
  [15, "✗ 15 > 14"],
  [0, "✓"],
])("ck_noi_dung %p shows %p", (v, mark) => {
  const b = makeBook(t, normalizeReport(example()), (sheet, addr) => sheet.set(addr("ck_noi_dung"), { v }));
  expect(statuses(b).ck_noi_dung).toBe(mark);
});
