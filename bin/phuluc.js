#!/usr/bin/env node
"use strict";
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (e) {
  process.stderr.write("phuluc: chưa biên dịch (hãy chạy: npm ci hoặc npm run build:cli)\nphuluc: not built (run: npm ci or npm run build:cli)\n");
  process.exit(2);
}
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write("phuluc: lỗi không mong đợi: " + (err && err.message ? err.message : String(err)) + "\n"); process.exitCode = 2; },
);
