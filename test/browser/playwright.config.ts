/**
 * Browser tests of the built task pane (dist/) with a fake Excel host (fake-office.js),
 * in Debian's Chromium (never a downloaded browser). Run: npm run test:browser
 */
import { defineConfig } from "@playwright/test";

// PHULUC_TEST_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.PHULUC_TEST_PORT || 3100);

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [["list"]],
  outputDir: "../../test-artifacts/playwright",
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: "chromium",
    locale: "vi-VN",
    viewport: { width: 360, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "off",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `node serve.js ${PORT}`,
    url: `http://localhost:${PORT}/taskpane.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
