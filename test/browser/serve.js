#!/usr/bin/env node
/**
 * A small static server for the built add-in (dist/), for the browser tests:
 *   node test/browser/serve.js [port]      (default 3100, http://localhost only)
 */
const http = require("http");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..", "dist");
const port = Number(process.argv[2] || process.env.PORT || 3100);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

if (!fs.existsSync(path.join(root, "taskpane.html"))) {
  console.error("dist/taskpane.html is missing: run `npm run build` first.");
  process.exit(1);
}

http
  .createServer((req, res) => {
    let p;
    try {
      p = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (p === "/") p = "/taskpane.html";
    const file = path.resolve(root, "." + p);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    });
  })
  .listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://localhost:${port}/`));
