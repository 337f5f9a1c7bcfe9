#!/usr/bin/env node
/**
 * `phuluc merge` at scale, on the built command (lib/, so that worker threads are used):
 * - 1,000 and 2,000 generated unit JSON reports (target: 1,000 in < 2 s);
 * - 500 and 1,000 unit workbooks as `phuluc init --data` writes them (target: 1,000 in < 60 s);
 * 2× the inputs must take at most 2.2× the time. Peak memory (max RSS of the merging
 * process, worker threads included) is reported. The inputs are generated into a
 * temporary folder, removed at the end. The merge's progress line shows on stderr.
 * Run: node bench/merge.js   (builds the CLI first: npm run build:cli)
 * Exits 1 when a target is missed.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const build = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) {
  console.error("bench/merge: the CLI does not build");
  process.exit(1);
}
const { normalizeReport } = require(path.join(root, "lib/core/normalize.js"));
const { planWorkbook } = require(path.join(root, "lib/core/sheet-plan.js"));
const { statusHook } = require(path.join(root, "lib/core/status-formulas.js"));
const { getTemplate } = require(path.join(root, "lib/core/templates/index.js"));
const { writePlan } = require(path.join(root, "lib/cli/xlsx.js"));

const example = JSON.parse(fs.readFileSync(path.join(root, "examples/son-la-skhcn-2021.json"), "utf8"));

/** A seeded generator (mulberry32): the same inputs every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unit i's report: consistent figures, some blanks (5 %), some arithmetic errors (2 %), its registers. */
function unitReport(i) {
  const r = rng(1000 + i);
  const n = (max) => Math.floor(r() * (max + 1));
  const d = JSON.parse(JSON.stringify(example));
  d.report = { ...d.report, agency: "UBND xã Số " + (i + 1), level: "xa", date: "2021-11-" + String(10 + (i % 18)).padStart(2, "0"), year: 2021 };
  const v = d.values;
  v.vb_cap_uy = n(6);
  v.vb_chinh_quyen = n(12);
  v.vb_tong = v.vb_cap_uy + v.vb_chinh_quyen + (r() < 0.02 ? 1 : 0);
  v.tt_rieng = n(5);
  v.tt_long_ghep = n(8);
  v.tt_hoi_nghi = v.tt_rieng + v.tt_long_ghep;
  v.cchc_dvc_tong = 20 + n(80);
  v.cchc_dvc_muc3 = n(Math.floor(v.cchc_dvc_tong / 2));
  v.cchc_dvc_muc4 = n(v.cchc_dvc_tong - v.cchc_dvc_muc3);
  v.cchc_dvc_ty_le = (Math.round(((v.cchc_dvc_muc3 + v.cchc_dvc_muc4) / v.cchc_dvc_tong) * 1000) / 10).toFixed(1).replace(".", ",") + "%";
  v.dt_tong = n(20);
  v.dt_da_giai_quyet = n(v.dt_tong);
  v.dt_ty_le = v.dt_tong ? (Math.round((v.dt_da_giai_quyet / v.dt_tong) * 1000) / 10).toFixed(1).replace(".", ",") + "%" : "Không có";
  v.cv_doanh_nghiep = n(50) * 100000;
  v.cv_nguoi_lao_dong = n(50) * 100000;
  v.cv_khac = n(10) * 100000;
  v.cv_tong = v.cv_doanh_nghiep + v.cv_nguoi_lao_dong + v.cv_khac;
  v.cbccvc_tong_don_vi = 1 + n(5);
  v.cbccvc_da_to_chuc = n(v.cbccvc_tong_don_vi);
  v.cbccvc_ty_le = (Math.round((v.cbccvc_da_to_chuc / v.cbccvc_tong_don_vi) * 1000) / 10).toFixed(1).replace(".", ",") + "%";
  for (const k of ["kt_so_doan", "kt_so_don_vi", "dth_tong", "dth_cap_uy", "dth_chinh_quyen"]) if (r() < 0.05) v[k] = null;
  d.registers = { van_ban: example.registers.van_ban.slice(0, 0), kiem_tra: [], hoi_nghi: [], doi_thoai: [] };
  return d;
}

function mkdir(name) {
  const d = path.join(base, name);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/** Runs `phuluc merge` in a child process; its wall-clock time and peak memory. */
function merge(dir, out, label) {
  const runner = `
    const { main } = require(${JSON.stringify(path.join(root, "lib/cli/main.js"))});
    const t0 = process.hrtime.bigint();
    main(process.argv.slice(1)).then((code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      require("fs").writeSync(3, JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    });`;
  process.stderr.write(`-- ${label}\n`);
  const w0 = Date.now();
  const r = spawnSync(process.execPath, ["-e", runner, "merge", dir, "-o", out, "--force", "--progress", "--json"], { stdio: ["ignore", "pipe", "inherit", "pipe"], maxBuffer: 1 << 28 });
  const stats = JSON.parse(r.output[3].toString());
  const res = JSON.parse(r.stdout.toString());
  // The time is the wall clock of the whole command, Node's start-up included.
  return { ...stats, inProcessMs: stats.ms, ms: Date.now() - w0, units: res.units.length, rejected: res.rejected.length };
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-merge-"));
let ok = true;
const rows = [];
try {
  // JSON: 1,000 and 2,000 units.
  const j1 = mkdir("json-1000");
  const j2 = mkdir("json-2000");
  for (let i = 0; i < 2000; i++) {
    const text = JSON.stringify(unitReport(i));
    if (i < 1000) fs.writeFileSync(path.join(j1, `xa-${i + 1}.json`), text);
    fs.writeFileSync(path.join(j2, `xa-${i + 1}.json`), text);
  }
  const rj1 = merge(j1, path.join(base, "th-1000.json"), "JSON 1,000");
  const rj2 = merge(j2, path.join(base, "th-2000.json"), "JSON 2,000");
  rows.push(["JSON", 1000, rj1], ["JSON", 2000, rj2]);
  if (rj1.ms > 2000) ok = false;
  if (rj2.ms > 2.2 * rj1.ms) ok = false;

  // Workbooks, as `phuluc init --data` writes them: 500 and 1,000 units.
  const x1 = mkdir("xlsx-500");
  const x2 = mkdir("xlsx-1000");
  const t = getTemplate("qcdc-2021");
  const g0 = Date.now();
  (async () => {
    for (let i = 0; i < 1000; i++) {
      const f = path.join(x2, `xa-${i + 1}.xlsx`);
      await writePlan(planWorkbook(t, normalizeReport(unitReport(i)), { statusFormulas: statusHook }), f);
      if (i < 500) fs.linkSync(f, path.join(x1, `xa-${i + 1}.xlsx`));
      if ((i + 1) % 250 === 0) process.stderr.write(`generated ${i + 1}/1000 workbooks (${((Date.now() - g0) / 1000).toFixed(1)} s)\n`);
    }
    const rx1 = merge(x1, path.join(base, "th-500.xlsx"), "xlsx 500");
    const rx2 = merge(x2, path.join(base, "th-1000.xlsx"), "xlsx 1,000");
    rows.push(["xlsx", 500, rx1], ["xlsx", 1000, rx2]);
    if (rx2.ms > 60000) ok = false;
    if (rx2.ms > 2.2 * rx1.ms) ok = false;
    report();
  })().catch((e) => {
    console.error(e);
    cleanup();
    process.exit(1);
  });
} catch (e) {
  console.error(e);
  cleanup();
  process.exit(1);
}

function cleanup() {
  fs.rmSync(base, { recursive: true, force: true });
}

function report() {
  cleanup();
  console.log(`\nphuluc merge on ${os.cpus().length} cores (${os.cpus()[0].model.trim()})`);
  console.log("inputs  units   time (s)   peak RSS (MB)   merged  refused  exit");
  for (const [kind, n, r] of rows) {
    console.log(`${kind.padEnd(6)} ${String(n).padStart(6)}   ${(r.ms / 1000).toFixed(2).padStart(8)}   ${r.maxRssMb.toFixed(0).padStart(13)}   ${String(r.units).padStart(6)}  ${String(r.rejected).padStart(7)}  ${r.code}`);
  }
  const ratio = (a, b) => (b.ms / a.ms).toFixed(2);
  console.log(`2× inputs: JSON ${ratio(rows[0][2], rows[1][2])}× the time, xlsx ${ratio(rows[2][2], rows[3][2])}× (limit 2.2×)`);
  console.log(`targets: JSON 1,000 < 2 s: ${rows[0][2].ms < 2000 ? "ok" : "MISSED"}; xlsx 1,000 < 60 s: ${rows[3][2].ms < 60000 ? "ok" : "MISSED"}`);
  if (!ok) {
    console.error("bench/merge: a target was missed");
    process.exit(1);
  }
}
