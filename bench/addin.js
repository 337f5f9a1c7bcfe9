#!/usr/bin/env node
/**
 * The add-in's figures:
 *  1. bundle sizes (gzip -9): the initial task pane JS (everything taskpane.html loads before
 *     any user action: boot.js + the entry bundle), and each on-demand chunk group (the
 *     files it adds), including the .docx writer; target ≤ 150 KB initial, aim 120 KB;
 *  2. how many `context.sync()` calls each operation makes (set up, set up again, import,
 *     export, a 5,000-row register read), measured with the fake Excel host
 *     (test/browser/fake-office.js) in Node.
 * Builds dist/ first when it is missing.   node bench/addin.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { spawnSync } = require("child_process");

const repo = path.join(__dirname, "..");
const dist = path.join(repo, "dist");
const chunksFile = path.join(repo, "test-artifacts", "bundle-chunks.json");
const TARGET_KB = 150;
const AIM_KB = 120;

function build() {
  console.log("dist/ missing or stale: npm run build …");
  const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], { cwd: repo, stdio: "inherit" });
  if (r.status !== 0) process.exit(1);
}

const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
const raw = (f) => fs.statSync(path.join(dist, f)).size;
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";

function sizes() {
  if (!fs.existsSync(path.join(dist, "taskpane.html")) || !fs.existsSync(chunksFile)) build();
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const meta = /<meta name="?phuluc-scripts"? content="?([^">]*)"?>/.exec(html);
  const scripts = [...html.matchAll(/<script src="?([^" >]+)"?/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s) && !s.startsWith("office-js/"));
  const initial = [...scripts, ...(meta ? meta[1].split(" ").filter(Boolean) : [])];
  const missing = initial.filter((f) => !fs.existsSync(path.join(dist, f)));
  if (missing.length) build();
  let list = JSON.parse(fs.readFileSync(chunksFile, "utf8"));
  if (list.outputPath && path.resolve(list.outputPath) !== dist) {
    build();
    list = JSON.parse(fs.readFileSync(chunksFile, "utf8"));
  }
  const initialGz = initial.reduce((n, f) => n + gz(f), 0);
  const initialRaw = initial.reduce((n, f) => n + raw(f), 0);
  console.log("Bundle sizes (gzip -9; minified in brackets)");
  console.log(`  initial task pane JS  ${kb(initialGz)}  [${kb(initialRaw).trim()}]  ${initial.join(" + ")}`);
  const rows = [];
  for (const [name, files] of Object.entries(list.lazy)) {
    const extra = files.filter((f) => !initial.includes(f) && fs.existsSync(path.join(dist, f)));
    const g = extra.reduce((n, f) => n + gz(f), 0);
    rows.push([name, g, extra.reduce((n, f) => n + raw(f), 0), extra.length]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  for (const [name, g, r, n] of rows) console.log(`  lazy ${name.padEnd(16)} ${kb(g)}  [${kb(r).trim()}]  ${n} file(s)`);
  const verdict = initialGz <= AIM_KB * 1024 ? "within the aim" : initialGz <= TARGET_KB * 1024 ? "within the target, above the aim" : "OVER THE TARGET";
  console.log(`  target ≤ ${TARGET_KB} KB, aim ${AIM_KB} KB: ${verdict}`);
  return initialGz <= TARGET_KB * 1024;
}

async function syncs() {
  // TypeScript sources through tsx's CommonJS API (tsx is a dev dependency).
  const tsx = require(require.resolve("tsx/cjs/api", { paths: [repo] }));
  const { createFakeOffice } = require(path.join(repo, "test", "browser", "fake-office.js"));
  const load = (m) => tsx.require(path.join(repo, "src", "excel", m), __filename);
  const f = createFakeOffice({ sets: { ExcelApi: "1.8" }, sheets: [{ name: "Sheet1", cells: { A1: "dữ liệu riêng" } }] });
  globalThis.Office = f.Office;
  globalThis.Excel = f.Excel;
  const setup = load("setup.ts");
  const imp = load("import.ts");
  const exp = load("export.ts");
  const snap = load("read.ts");
  const count = async (fn) => {
    f.fake.resetSyncCount();
    const t0 = process.hrtime.bigint();
    const r = await fn();
    return { r, n: f.fake.syncCount, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
  };
  const out = [];
  const p1 = await count(() => setup.previewSetup());
  const a1 = await count(() => setup.applySetup(p1.r));
  out.push(["set up (preview)", p1], ["set up (apply: re-read + write)", a1]);
  const p2 = await count(() => setup.previewSetup());
  const a2 = await count(() => setup.applySetup(p2.r));
  out.push(["set up again (preview)", p2], ["set up again (apply: nothing to do)", a2]);
  const data = imp.parseImport(fs.readFileSync(path.join(repo, "examples", "son-la-skhcn-2021.json"), "utf8"));
  const p3 = await count(() => imp.previewImport(data));
  const a3 = await count(() => imp.applyImport(data, p3.r));
  out.push(["import example (preview)", p3], ["import example (apply)", a3]);
  out.push(["export", await count(() => exp.exportWorkbook("vi"))]);
  // A 5,000-row register: the snapshot still takes 2 syncs.
  const rows = {};
  for (let i = 0; i < 5000; i++) {
    rows["A" + (4 + i)] = `${i + 1}/KH-UBND`;
    rows["B" + (4 + i)] = 44300 + (i % 300);
    rows["C" + (4 + i)] = "Kế hoạch";
    rows["D" + (4 + i)] = "Văn bản số " + (i + 1);
  }
  f.fake.setCell("Văn bản", "A4:D5003", Array.from({ length: 5000 }, (_x, i) => ["A", "B", "C", "D"].map((c) => rows[c + (4 + i)])));
  out.push(["read 5,000-row register", await count(() => f.Excel.run((ctx) => snap.readSnapshot(ctx)))]);
  console.log("\ncontext.sync() calls per operation (fake Excel host in Node; time is the fake's, not Excel's)");
  for (const [name, { n, ms }] of out) console.log(`  ${name.padEnd(38)} ${String(n).padStart(2)} sync(s)  ${ms.toFixed(0).padStart(5)} ms`);
  const bad = out.filter(([name, { n }]) => n > (name.includes("apply") ? 3 : 2));
  if (bad.length) console.log("  MORE SYNCS THAN DESIGNED: " + bad.map((b) => b[0]).join(", "));
  return bad.length === 0;
}

(async () => {
  const okSize = sizes();
  const okSync = await syncs();
  process.exit(okSize && okSync ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
