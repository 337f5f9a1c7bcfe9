#!/usr/bin/env node
/**
 * Bounded work (issue 11), measured:
 * - the draft check of 5 MB drafts of several shapes (one line, many short lines, all
 *   digits, all contradictions, negations, document symbols, "A. A. A.", "1 1 1 …", a
 *   total and a part that disagree on every line, dates, NFD text, mis-decoded text, table
 *   rows, a line of thousands of cells): linear in the length, so each finishes in
 *   seconds; also the time of 1 MB, to show the ratio;
 * - the refusal of a "zip bomb" workbook and .docx (parts inflating past 200 MB; one part
 *   lying about its size): refused within seconds, with a message;
 * - a user rule nested 2,000 deep and a JSON report nested 100,000 deep: findings, no crash.
 * Run: node bench/safety.js (TypeScript sources through tsx; no build needed).
 * Fails (exit 1) if a 5 MB draft takes more than 10 s or a bomb more than 5 s to refuse.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { register } = require("tsx/cjs/api");
register();

const root = path.join(__dirname, "..");
const { checkDraft } = require(path.join(root, "src/core/draft/index.ts"));
const { normalizeReport } = require(path.join(root, "src/core/normalize.ts"));
const { main } = require(path.join(root, "src/cli/main.ts"));
const { makeZip } = require(path.join(root, "test/safety/helpers.ts"));

const data = normalizeReport(JSON.parse(fs.readFileSync(path.join(root, "examples/son-la-skhcn-2021.json"), "utf8")));
let failed = false;

function gen(size, f) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const s = f(i);
    parts.push(s);
    n += s.length;
  }
  return parts.join("").slice(0, size);
}

const SHAPES = {
  "one line": (i) => `đã ban hành ${i % 97} văn bản, tổ chức ${i % 13} cuộc hội nghị, `,
  "short lines": (i) => `${i % 10} a.\n`,
  "all digits": () => "0123456789",
  "all contradictions": () => "Đã ban hành 10 văn bản. ",
  negations: () => "Không tổ chức hội nghị đối thoại. ",
  "document symbols": (i) => `Kế hoạch ${i}/KH-KHCN và ${i}/KH-SKHCN ngày 17.11.2015. `,
  "A. A. A.": () => "A. ",
  "1 1 1 …": () => "1 ",
  "0 cuộc; trong đó 04": () => "Tổ chức 0 cuộc hội nghị; trong đó lồng ghép 04 cuộc.\n",
  "line, no punctuation": (i) => `đã ban hành ${i % 97} văn bản tổ chức ${i % 13} cuộc hội nghị `,
  "01/2016/TT-BNV": (i) => `01/2016/TT-BNV ${i}/KH-UBND `,
  "many dates": (i) => `ngày ${1 + (i % 28)}/${1 + (i % 12)}/2021, `,
  "paragraph of digits": (i) => (i % 50 === 49 ? "\n" : "") + "1234567890 9876543210 ",
  "NFD text": () => "Đã ban hành 10 văn bản, tổ chức 3 cuộc hội nghị. ".normalize("NFD"),
  "Windows-1258 garbage": () => "ÃƒÂ¡Ã‚Â» Ä‘Æ°á»£c 1 Ã¡Â»â€ž 12 â€œ ",
  "table rows": (i) => `Tổng số văn bản đã ban hành\t${i % 50}\tvăn bản\n`,
  "one row of tabs": (i) => `Văn bản\t${i}\tvăn bản\t`,
};

console.log(`Draft check (chars → ms, findings counted / listed); load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}:`);
for (const [name, f] of Object.entries(SHAPES)) {
  const row = [];
  for (const size of [1_000_000, 5_000_000]) {
    const text = gen(size, f);
    const t0 = Date.now();
    const r = checkDraft(text, data, { lang: "vi" });
    const ms = Date.now() - t0;
    row.push(`${size / 1e6} MB ${String(ms).padStart(5)} ms`);
    if (size === 5_000_000) {
      row.push(`${r.summary.errors + r.summary.warnings} / ${r.findings.length}`);
      if (ms > 10000) failed = true;
    }
  }
  console.log(`  ${name.padEnd(20)} ${row.join("   ")}`);
}

// The same shapes against the 2025 form (more phrases, its own numbers about other things).
const data2025 = normalizeReport(JSON.parse(fs.readFileSync(path.join(root, "examples/xa-tan-lap-2026.json"), "utf8")));
console.log("\nDraft check, form dccs-2025 (5 MB: ms, findings counted / listed):");
for (const [name, f] of Object.entries(SHAPES)) {
  const text = gen(5_000_000, f);
  const t0 = Date.now();
  const r = checkDraft(text, data2025, { lang: "vi" });
  const ms = Date.now() - t0;
  if (ms > 10000) failed = true;
  console.log(`  ${name.padEnd(20)} 5 MB ${String(ms).padStart(5)} ms   ${r.summary.errors + r.summary.warnings} / ${r.findings.length}`);
}

async function timed(label, args, cwd) {
  let err = "";
  const before = process.cwd();
  process.chdir(cwd);
  const t0 = Date.now();
  const code = await main(args, { out: () => undefined, err: (s) => (err += s) });
  const ms = Date.now() - t0;
  process.chdir(before);
  console.log(`  ${label.padEnd(44)} exit ${code} in ${String(ms).padStart(5)} ms: ${err.trim().slice(0, 70)}…`);
  return ms;
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-"));
  try {
    const zeros = (mb) => zlib.deflateRawSync(Buffer.alloc(mb * 1024 * 1024), { level: 9 });
    fs.writeFileSync(path.join(dir, "a.json"), JSON.stringify(data));
    const z1 = zeros(1024);
    fs.writeFileSync(path.join(dir, "bomb.xlsx"), makeZip([{ name: "xl/worksheets/sheet1.xml", data: z1, method: 8, size: 1024 * 1024 * 1024, crc: 0 }]));
    fs.writeFileSync(path.join(dir, "liar.xlsx"), makeZip([{ name: "xl/worksheets/sheet1.xml", data: z1, method: 8, size: 1000, crc: 0 }]));
    const z2 = zeros(199);
    fs.writeFileSync(path.join(dir, "many.xlsx"), makeZip([0, 1, 2].map((i) => ({ name: `xl/media/p${i}.bin`, data: z2, method: 8, size: 1000, crc: 0 }))));
    fs.writeFileSync(path.join(dir, "bomb.docx"), makeZip([{ name: "word/document.xml", data: z1, method: 8, size: 1000, crc: 0 }]));
    console.log("\nZip bombs (files of " + Math.round(fs.statSync(path.join(dir, "bomb.xlsx")).size / 1024) + " KB inflating to 1 GB; three 199 MB parts):");
    for (const [label, args] of [
      ["1 GB part, size declared", ["check", "bomb.xlsx"]],
      ["1 GB part, declared 1 000 bytes", ["check", "liar.xlsx"]],
      ["3 × 199 MB parts, each declared 1 000 bytes", ["export", "many.xlsx"]],
      [".docx draft, 1 GB document.xml", ["draft", "a.json", "--text", "bomb.docx"]],
    ]) {
      if ((await timed(label, args, dir)) > 5000) failed = true;
    }
    console.log("\nDeep input:");
    const deepRule = JSON.parse(JSON.stringify(data));
    deepRule.rules = [{ id: "sau", expression: "(".repeat(2000) + "vb_tong > 0" + ")".repeat(2000) }];
    fs.writeFileSync(path.join(dir, "rule.json"), JSON.stringify(deepRule));
    await timed("user rule nested 2 000 deep", ["check", "rule.json"], dir);
    fs.writeFileSync(path.join(dir, "deep.json"), JSON.stringify(data).replace('"report":{', '"report":{"x":' + "[".repeat(100000) + "1" + "]".repeat(100000) + ","));
    await timed("arrays nested 100 000 deep", ["check", "deep.json"], dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (failed) {
    console.error("bench/safety: a limit was passed");
    process.exit(1);
  }
})();
