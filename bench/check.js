#!/usr/bin/env node
/**
 * Checking inside Excel, against the fake Excel host (test/browser/fake-office.js) in Node:
 * - syncs per read and per mark with 10, 1,000 and 5,000 rows in the documents register,
 *   and the bytes of cell data a read carries (hence the row count where one read would
 *   pass Excel on the web's 5 MB limit and chunking starts);
 * - time from a change event to refreshed findings (live re-check: 300 ms debounce + read +
 *   check + marks), median of several edits.
 * Run: node bench/check.js  (TypeScript sources through tsx; no build needed)
 * Fails (exit 1) if a read takes more than 2 syncs or a mark more than 2 under the limit.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { register } = require("tsx/cjs/api");
register();

const root = path.join(__dirname, "..");
const { createFakeOffice } = require(path.join(root, "test/browser/fake-office.js"));
const fake = createFakeOffice({ sets: { ExcelApi: "1.8" } });
Object.assign(globalThis, { Office: fake.Office, Excel: fake.Excel, OfficeExtension: fake.OfficeExtension });
const f = fake.fake;

const { parseImport, previewImport, applyImport } = require(path.join(root, "src/excel/import.ts"));
const { runCheck, LiveChecker } = require(path.join(root, "src/excel/live.ts"));
const { resetReadHints, PAYLOAD_LIMIT, DEFAULT_BUDGET } = require(path.join(root, "src/excel/read.ts"));

const CAPS = { validation: true, freeze: true, events: true };
const SIZES = [10, 1000, 5000];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function book() {
  // A fresh workbook holding the worked example.
  for (const s of f.sheets()) void s;
  f.addSheet("Sheet" + Math.random().toString(36).slice(2, 6), {});
  const data = parseImport(fs.readFileSync(path.join(root, "examples/son-la-skhcn-2021.json"), "utf8"));
  const p = await previewImport(data, CAPS);
  await applyImport(data, p, CAPS);
}

function fillRegister(n) {
  const rows = [];
  for (let i = 0; i < n; i++) rows.push([`${100 + i}/KH-SKHCN`, 44270 + (i % 300), "Kế hoạch", "Thực hiện dân chủ trong hoạt động của cơ quan năm 2021 theo kế hoạch số " + i, "Chính quyền"]);
  f.setCell("Văn bản", `A4:E${3 + n}`, rows);
  // Clear what a bigger run left below.
  f.setCell("Văn bản", `A${4 + n}:E${4 + n + 5000}`, Array.from({ length: 5001 }, () => [null, null, null, null, null]));
  f.setCell("Phụ lục", "E9:E11", [[n], [0], [n]]);
}

async function main() {
  await book();
  const results = [];
  let ok = true;
  for (const n of SIZES) {
    fillRegister(n);
    resetReadHints();
    await runCheck({}); // warm-up (module loading, JIT); also sets the size hints
    f.resetSyncCount();
    const t0 = process.hrtime.bigint();
    const run = await runCheck({});
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const total = f.syncCount;
    results.push({ n, readSyncs: run.readStats.syncs, chunks: run.readStats.chunks, markSyncs: run.mark ? run.mark.syncs : 0, total, bytes: run.readStats.bytes, cells: run.readStats.cells, ms });
    if (run.readStats.syncs > 2 || (run.mark && run.mark.syncs > 2)) ok = false;
  }
  console.log("rows in register | syncs read | chunks | syncs mark | syncs total | cell data read | check time (fake host)");
  for (const r of results) {
    console.log(
      `${String(r.n).padStart(16)} | ${String(r.readSyncs).padStart(10)} | ${String(r.chunks).padStart(6)} | ${String(r.markSyncs).padStart(10)} | ${String(r.total).padStart(11)} | ${(r.bytes / 1024).toFixed(0).padStart(10)} KiB | ${r.ms.toFixed(0)} ms`,
    );
  }
  const a = results[results.length - 2];
  const b = results[results.length - 1];
  const perRow = (b.bytes - a.bytes) / (b.n - a.n);
  const fixed = b.bytes - perRow * b.n;
  const limitRows = Math.floor((PAYLOAD_LIMIT - fixed) / perRow);
  const budgetRows = Math.floor((DEFAULT_BUDGET - fixed) / perRow);
  console.log(
    `\nbytes per register row (values + value types, UTF-8 JSON): ${perRow.toFixed(0)}; rest of the workbook: ${(fixed / 1024).toFixed(0)} KiB` +
      `\n5 MB point: one read would exceed Excel on the web's 5 MB at about ${limitRows.toLocaleString("en")} register rows;` +
      ` the reader splits from ${budgetRows.toLocaleString("en")} rows (its budget is 80% of 5 MB), adding one sync per ${(DEFAULT_BUDGET / perRow / 1000).toFixed(0)}k rows.`,
  );

  // Live: change event → refreshed findings.
  for (const n of [10, 5000]) {
    fillRegister(n);
    resetReadHints();
    await runCheck({});
    const times = [];
    await new Promise((resolve, reject) => {
      let t0 = 0;
      let count = 0;
      const live = new LiveChecker({
        onResult: () => {
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (++count >= 5) return void live.stop().then(resolve);
          setTimeout(edit, 20);
        },
        onError: reject,
      });
      const edit = () => {
        t0 = process.hrtime.bigint();
        void f.setCell("Phụ lục", "E14", count % 2 ? 0 : 4, { fire: true });
      };
      live.start(["Phụ lục", "Văn bản"]).then(edit, reject);
    });
    console.log(`live re-check with ${n} register rows: change event → findings in ${median(times).toFixed(0)} ms (median of ${times.length}; 300 ms of it is the debounce)`);
  }
  if (!ok) {
    console.error("check bench: a read or a mark took more than 2 syncs");
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
