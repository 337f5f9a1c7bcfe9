/** After an import the pane says what the data holds, in the pane's language, plurals right. */
import { foundText } from "../../src/taskpane/views/WorkbookView";
import { importSummary } from "../../src/excel/import";
import { normalizeReport } from "../../src/core/normalize";
import * as fs from "fs";
import * as path from "path";

test("Vietnamese and English, with English plurals", () => {
  expect(foundText("vi", { errors: 3, warnings: 1 })).toBe("Số liệu vừa nhập có 3 lỗi và 1 cảnh báo.");
  expect(foundText("en", { errors: 1, warnings: 1 })).toBe("The imported data has 1 error and 1 warning.");
  expect(foundText("en", { errors: 0, warnings: 2 })).toBe("The imported data has 0 errors and 2 warnings.");
  expect(foundText("vi", { errors: 0, warnings: 0 })).toBe("Số liệu vừa nhập không có lỗi hay cảnh báo nào.");
});

test("the counts are those the check gives the imported data", () => {
  const data = normalizeReport(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "son-la-skhcn-2021.json"), "utf8")));
  expect(importSummary(data)).toEqual({ errors: 3, warnings: 3 });
  data.values.tt_hoi_nghi = 4;
  expect(importSummary(data).errors).toBe(2);
});
