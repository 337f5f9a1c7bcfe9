#!/usr/bin/env node
/**
 * `npm run test:browser` (after the build): the Playwright browser tests, with Playwright's
 * normal summary. Extra arguments go to `playwright test` (e.g. a file or -g "pattern").
 */
const { spawnSync } = require("child_process");
const path = require("path");
const fs = require("fs");

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
const cli = require.resolve("@playwright/test/cli");
const r = spawnSync(process.execPath, [cli, "test", "-c", path.join(__dirname, "playwright.config.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
});
process.exit(r.status === null ? 1 : r.status);
