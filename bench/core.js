#!/usr/bin/env node
/**
 * Core figures (run after `npm run build:cli`; uses lib/). Median of several runs each:
 * - checking the worked example in process (parse + normalise + check)      target < 5 ms
 * - checking 1,000 reports' values                                            target < 200 ms
 * - a 50,000-row register: normalise + check, and workbook snapshot → data + check
 * - the same at 2× size, and the ratio                                        target ≤ 2.2
 * - `phuluc check FILE.xlsx` as a child process, wall time with Node start    target < 1.5 s
 * Prints each figure with its target and PASS/FAIL; exits 1 if one fails.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const LIB = path.join(ROOT, "lib");
if (!fs.existsSync(path.join(LIB, "cli", "main.js"))) {
  console.error("bench/core.js: lib/ is missing; run npm run build:cli first");
  process.exit(2);
}
const { parseReportJson, normalizeReport } = require(path.join(LIB, "core", "normalize.js"));
const { check } = require(path.join(LIB, "core", "engine.js"));
const { planWorkbook } = require(path.join(LIB, "core", "sheet-plan.js"));
const { readWorkbook } = require(path.join(LIB, "core", "sheet-read.js"));
const { getTemplate } = require(path.join(LIB, "core", "templates", "index.js"));
const { writePlan } = require(path.join(LIB, "cli", "xlsx.js"));

const EXAMPLE = path.join(ROOT, "examples", "son-la-skhcn-2021.json");
const exampleText = fs.readFileSync(EXAMPLE, "utf8");
const t = getTemplate("qcdc-2021");

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
// A full collection before each timed run, so that one run does not pay for another's garbage.
let gc = () => {};
try {
  require("v8").setFlagsFromString("--expose-gc");
  gc = require("vm").runInNewContext("gc");
} catch {
  /* timings are then a little noisier */
}
function time(fn) {
  gc();
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
/** Medians of two workloads timed alternately (a, b, a, b, …), so that a change in machine load hits both. */
function measurePair(fa, fb, runs) {
  fa();
  fb();
  const xa = [];
  const xb = [];
  for (let i = 0; i < runs; i++) {
    xa.push(time(fa));
    xb.push(time(fb));
  }
  return [median(xa), median(xb)];
}
function measure(fn, runs, warmup = 1) {
  for (let i = 0; i < warmup; i++) fn();
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(time(fn));
  return median(xs);
}

const results = [];
function report(name, value, unit, target, ok) {
  results.push(ok);
  const v = unit === "ms" ? value.toFixed(value < 10 ? 2 : 0) + " ms" : unit === "s" ? (value / 1000).toFixed(2) + " s" : value.toFixed(2);
  console.log(`${ok ? "PASS" : "FAIL"}  ${name.padEnd(58)} ${v.padStart(10)}   (target ${target})`);
}

// A seeded pseudo-random generator, so that every run checks the same reports.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

// 1. The worked example in process.
{
  const ms = measure(() => check(parseReportJson(exampleText)), 51, 20);
  report("check of the worked example (in process)", ms, "ms", "< 5 ms", ms < 5);
}

// 2. 1,000 reports' values.
{
  const base = normalizeReport(JSON.parse(exampleText));
  const r = rng(42);
  const reports = [];
  for (let i = 0; i < 1000; i++) {
    const values = {};
    for (const d of t.indicators) {
      const x = r();
      if (d.kind === "percent") values[d.code] = x < 0.1 ? "Không có" : (Math.round(x * 1000) / 10).toString().replace(".", ",") + "%";
      else if (d.kind === "money") values[d.code] = x < 0.1 ? "10.424.000" : Math.round(x * 1e8);
      else values[d.code] = x < 0.05 ? "04 cuộc" : x < 0.08 ? "hơn 5" : x < 0.15 ? null : Math.round(x * 20);
    }
    reports.push(normalizeReport({ ...base, values }));
  }
  const ms = measure(() => {
    for (const rep of reports) check(rep);
  }, 7);
  report("checking 1,000 reports' values", ms, "ms", "< 200 ms", ms < 200);
}

// 3. Large registers: normalise + check, and snapshot → data → check, at n and 2n rows.
function bigReport(n) {
  const x = JSON.parse(exampleText);
  x.registers.van_ban = Array.from({ length: n }, (_v, i) => ({
    symbol: i % 2 ? `${i}/KH-UBND` : `${i}-KH/ĐU`,
    date: "2021-05-04",
    type: "Kế hoạch",
    title: "Văn bản số " + i + " về thực hiện quy chế dân chủ ở cơ sở",
  }));
  x.values.vb_tong = n;
  x.values.vb_cap_uy = n / 2;
  x.values.vb_chinh_quyen = n / 2;
  return x;
}
/** What an adapter would read from the workbook init writes (no exceljs: the plan's cells). */
function snapshotOf(plan) {
  const sheets = plan.sheets.map((s) => {
    const rows = s.preamble.map((r) => r.map((c) => ({ v: c.v ?? null, format: c.format })));
    rows[s.table.headerRow - 1] = s.table.header.map((h) => ({ v: h }));
    s.table.rows.forEach((r, i) => {
      rows[s.table.headerRow + i] = r.map((c, j) => ({ v: c.v ?? null, format: c.format ?? s.table.columns[j].format }));
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    return { name: s.name, rows, tables: [{ name: s.table.name, range: "A" + s.table.headerRow }] };
  });
  sheets.push({ name: plan.marker.sheet, visibility: "veryHidden", rows: plan.marker.rows.map((r) => r.map((v) => ({ v }))) });
  return { sheets, names: { [plan.marker.name]: plan.marker.ref } };
}
{
  const n = 50000;
  const small = bigReport(n);
  const large = bigReport(2 * n);
  const [a, b] = measurePair(() => check(normalizeReport(small)), () => check(normalizeReport(large)), 5);
  report(`normalise + check, ${n.toLocaleString("en")}-row register`, a, "ms", "reported", true);
  report(`normalise + check, ${(2 * n).toLocaleString("en")}-row register`, b, "ms", "reported", true);
  report("ratio 2× / 1× (normalise + check)", b / a, "", "≤ 2.2", b / a <= 2.2);
  const sa = snapshotOf(planWorkbook(t, normalizeReport(small)));
  const sb = snapshotOf(planWorkbook(t, normalizeReport(large)));
  const ra = readWorkbook(sa);
  if (ra.data.registers.van_ban.length !== n || ra.findings.length) throw new Error("bench: snapshot read wrong: " + ra.data.registers.van_ban.length);
  const [c, d] = measurePair(
    () => {
      const r = readWorkbook(sa);
      check(r.data, { cells: r.cells, structural: r.findings });
    },
    () => {
      const r = readWorkbook(sb);
      check(r.data, { cells: r.cells, structural: r.findings });
    },
    5,
  );
  report(`workbook read + check, ${n.toLocaleString("en")}-row register`, c, "ms", "reported", true);
  report(`workbook read + check, ${(2 * n).toLocaleString("en")}-row register`, d, "ms", "reported", true);
  report("ratio 2× / 1× (workbook read + check)", d / c, "", "≤ 2.2", d / c <= 2.2);
}

// 4. `phuluc check FILE.xlsx` as a child process.
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-"));
  try {
    const file = path.join(dir, "son-la.xlsx");
    await writePlan(planWorkbook(t, normalizeReport(JSON.parse(exampleText))), file);
    const bin = path.join(ROOT, "bin", "phuluc.js");
    const xs = [];
    for (let i = 0; i < 6; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, "check", file], { encoding: "utf8" });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 1 || !r.stdout.includes("'Phụ lục'!E14")) throw new Error("bench: phuluc check gave exit " + r.status + "\n" + r.stdout + r.stderr);
      if (i > 0) xs.push(ms);
    }
    const ms = median(xs);
    report("phuluc check FILE.xlsx (child process, with Node start)", ms, "s", "< 1.5 s", ms < 1500);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`(machine: ${os.cpus().length} CPU, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})`);
  const failed = results.filter((x) => !x).length;
  console.log(failed ? `bench/core.js: ${failed} FAIL` : "bench/core.js: all PASS");
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error("bench/core.js: " + (e && e.message ? e.message : e));
  process.exit(1);
});
