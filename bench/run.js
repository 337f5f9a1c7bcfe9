#!/usr/bin/env node
/**
 * `npm run bench`: runs bench/core.js, bench/addin.js, bench/check.js, bench/report.js, bench/merge.js
 * (those present) in that order, each as a child process; fails if one fails.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const names = ["core.js", "addin.js", "check.js", "report.js", "merge.js"];
let failed = [];
let ran = 0;
for (const name of names) {
  const file = path.join(__dirname, name);
  if (!fs.existsSync(file)) continue;
  ran++;
  process.stdout.write(`\n== bench/${name}\n`);
  const r = spawnSync(process.execPath, [file], { stdio: "inherit", cwd: path.join(__dirname, "..") });
  if (r.status !== 0) failed.push(name + " (exit " + (r.status === null ? r.signal : r.status) + ")");
}
if (!ran) {
  console.error("bench: no bench script found");
  process.exit(1);
}
if (failed.length) {
  console.error("\nbench: FAILED: " + failed.join(", "));
  process.exit(1);
}
console.log("\nbench: all passed");
