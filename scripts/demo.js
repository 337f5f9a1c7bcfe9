#!/usr/bin/env node
/**
 * `npm run demo`: the main job on the bundled example, end to end with the command line.
 *   1. phuluc init   → demo-output/so-lieu.xlsx (the structured workbook, filled from the example)
 *   2. phuluc check  → the findings of that workbook, with cell addresses
 *   3. phuluc report → demo-output/bao-cao.docx and bao-cao.txt (the whole report)
 *   4. phuluc draft  → the hand-written seed report checked against the figures
 * The example has three known errors; the demo shows them and exits 0.
 */
"use strict";
const path = require("path");
const fs = require("fs");

let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch {
  console.error("phuluc chưa được biên dịch: hãy chạy `npm ci` (hoặc `npm run build:cli`).");
  process.exit(2);
}

const root = path.resolve(__dirname, "..");
const example = path.join(root, "examples", "son-la-skhcn-2021.json");
const out = path.join(root, "demo-output");
fs.mkdirSync(out, { recursive: true });
const xlsx = path.join(out, "so-lieu.xlsx");
const rel = (p) => path.relative(process.cwd(), p) || p;

async function step(title, argv, okCodes) {
  console.log("\n=== " + title + "\n$ phuluc " + argv.map((a) => (a.includes(" ") ? JSON.stringify(a) : a)).join(" "));
  const code = await main(argv);
  if (!okCodes.includes(code)) {
    console.error("Bước này thất bại (mã thoát " + code + ").");
    process.exit(code || 1);
  }
  return code;
}

(async () => {
  await step("1. Tạo sổ nhập liệu từ báo cáo mẫu", ["init", rel(xlsx), "--data", rel(example), "--force"], [0]);
  const code = await step("2. Kiểm tra số liệu trong sổ", ["check", rel(xlsx)], [0, 1]);
  await step("3. Lập báo cáo (.docx)", ["report", rel(xlsx), "-o", rel(path.join(out, "bao-cao.docx"))], [0]);
  await step("4. Lập báo cáo (văn bản để dán)", ["report", rel(xlsx), "-o", rel(path.join(out, "bao-cao.txt"))], [0]);
  const seed = path.join(root, "examples", "bao-cao-538-BC-SKHCN-2021.txt");
  await step("5. Đối chiếu bản báo cáo viết tay (dự thảo) với số liệu", ["draft", rel(xlsx), "--text", rel(seed)], [0, 1]);
  console.log(
    "\nXong. Kết quả ở " + rel(out) + "/ (so-lieu.xlsx, bao-cao.docx, bao-cao.txt)." +
      (code === 1 ? " Báo cáo mẫu có lỗi số liệu như liệt kê ở bước 2 — đó là điều phuluc giúp phát hiện." : ""),
  );
})().catch((e) => {
  console.error("Lỗi: " + (e && e.message ? e.message : e));
  process.exit(2);
});
