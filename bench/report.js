#!/usr/bin/env node
/**
 * The .docx of the worked example in Node: median time of several runs (build the model
 * from the data, then write the .docx). Target: < 300 ms.
 * Run: node bench/report.js  (TypeScript sources through tsx; no build needed)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { register } = require("tsx/cjs/api");
const unregister = register();

const root = path.join(__dirname, "..");
const { normalizeReport } = require(path.join(root, "src/core/normalize.ts"));
const { buildReport } = require(path.join(root, "src/core/narrative/report.ts"));
const { renderDocx } = require(path.join(root, "src/docx/render-docx.ts"));

const TARGET_MS = 300;
const RUNS = 15;

async function main() {
  const input = JSON.parse(fs.readFileSync(path.join(root, "examples/son-la-skhcn-2021.json"), "utf8"));
  // Warm-up (module loading and JIT are not what a user waits for twice).
  await renderDocx(buildReport(normalizeReport(input)).doc);
  const times = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const bytes = await renderDocx(buildReport(normalizeReport(input)).doc);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    size = bytes.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const result = {
    bench: "report",
    what: "worked example → .docx (normalise + report model + docx), Node",
    runs: RUNS,
    median_ms: Math.round(median * 10) / 10,
    min_ms: Math.round(times[0] * 10) / 10,
    max_ms: Math.round(times[times.length - 1] * 10) / 10,
    docx_bytes: size,
    target_ms: TARGET_MS,
    ok: median < TARGET_MS,
  };
  console.log(JSON.stringify(result));
  unregister();
  if (!result.ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error("bench/report: " + (e && e.message ? e.message : e));
  process.exitCode = 2;
});
