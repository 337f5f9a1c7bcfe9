#!/usr/bin/env node
/**
 * `npm start`: run the add-in from this checkout.
 *  - Windows / macOS: starts the development server (https://localhost:3000, certificate from
 *    office-addin-dev-certs) and sideloads manifest.xml into Excel with office-addin-debugging.
 *    office-addin-debugging is fetched by npx on first use, not installed by `npm ci`: it pulls in
 *    Microsoft 365 sign-in packages (keytar, a native module) that fail to build on Linux and CI.
 *    `npm start -- --stop` stops that session.
 *  - Linux (no desktop Excel): explains how to sideload into Excel on the web, then runs the
 *    development server. `npm start -- --help-only` prints the steps without starting it.
 */
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const repo = path.join(__dirname, "..");
const args = process.argv.slice(2);
const bin = (name) => path.join(repo, "node_modules", ".bin", process.platform === "win32" ? name + ".cmd" : name);

const DEBUGGING = "office-addin-debugging@7.0.0";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { cwd: repo, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code === null ? 1 : code));
}

const linuxSteps = `
Phụ lục số liệu — chạy thử add-in trên Linux (không có Excel cài trên máy)
===========================================================================
Máy chủ phát triển chạy ở https://localhost:3000 (webpack-dev-server; chứng chỉ của
office-addin-dev-certs nếu có, nếu không thì chứng chỉ tự ký: mở https://localhost:3000/taskpane.html
một lần trong trình duyệt và chấp nhận chứng chỉ).

Nạp add-in vào Excel trên web (cùng trình duyệt, cùng máy):
  1. Mở https://www.office.com → Excel → một sổ làm việc (mới hoặc có sẵn).
  2. Trang đầu (Home) → Bổ trợ (Add-ins) → Thêm bổ trợ / Quản lý (More add-ins)
     → Tải lên bổ trợ của tôi (Upload My Add-in).
  3. Chọn tệp ${path.join(repo, "manifest.xml")} → Tải lên (Upload).
  4. Trên thẻ Trang đầu xuất hiện nhóm "Phụ lục QCDC" với nút "Phụ lục số liệu" và "Kiểm tra".

Sideload into Excel on the web: Home → Add-ins → More add-ins / Manage → Upload My Add-in
→ manifest.xml (this folder). The dev server must be running on https://localhost:3000.
Production deployment for a whole office: docs/DEPLOY.md. Manual checks: docs/TESTING.md.
`;

if (args.includes("--stop")) {
  run(npx, ["--yes", DEBUGGING, "stop", "manifest.xml"]);
} else if (process.platform === "win32" || process.platform === "darwin") {
  console.log("Khởi động máy chủ phát triển và nạp add-in vào Excel… / Starting the dev server and sideloading into Excel…");
  run(npx, [
    "--yes",
    DEBUGGING,
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    "3000",
  ]);
} else {
  console.log(linuxSteps);
  if (!args.includes("--help-only")) run(bin("webpack"), ["serve", "--mode", "development"]);
}
