/* eslint-disable */
/**
 * Builds the Excel add-in into dist/:
 *   taskpane.html (+ boot.js, the ES5 loader) and commands.html, the JS bundles (the
 *   views "Kiểm tra" and "Báo cáo", the workbook operations and the .docx writer are
 *   separate chunks loaded on demand), manifest.xml and the icons.
 *
 * Environment:
 *   PHULUC_URL=https://host/path/   production URL written into dist/manifest.xml in place of
 *                                   https://localhost:3000/ (as Microsoft's template does)
 *   OFFICE_JS_LOCAL=1               serve office.js from dist/office-js/ (copied from
 *                                   @microsoft/office-js) instead of Microsoft's CDN
 */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { DEV_URL, productionUrl, withUrl } = require("./scripts/manifest-url");
const CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const CDN_OFFICE_JS = CDN_ORIGIN + "/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.join(__dirname, "node_modules/@microsoft/office-js/dist");

/**
 * The office.js files for a local copy: office.js, the app-to-file mapping table it reads
 * first (without it Office.onReady never resolves), the Excel host files it maps to, the
 * per-language string files and the telemetry shim office.js always asks for.
 */
function officeJsPatterns() {
  const files = fs.readdirSync(OFFICE_JS_DIR);
  const patterns = [];
  const root = files.filter(
    (f) => /^(office|o15apptofilemappingtable|es6-promise)\.js$/.test(f) || (/^excel.*\.js$/.test(f) && !f.endsWith(".debug.js")),
  );
  const info = { minimized: true }; // Microsoft's files are already minified: copy them as they are
  for (const f of root) patterns.push({ from: path.join(OFFICE_JS_DIR, f), to: "office-js/" + f, info });
  for (const d of files) {
    const full = path.join(OFFICE_JS_DIR, d);
    if (!fs.statSync(full).isDirectory()) continue;
    if (/^[a-z]{2,3}(-[a-z0-9]{2,4}){1,2}$/.test(d) && fs.existsSync(path.join(full, "office_strings.js")))
      patterns.push({ from: path.join(full, "office_strings.js"), to: "office-js/" + d + "/office_strings.js", info });
  }
  for (const f of ["oteljs.js", "oteljs_agave.js"]) {
    const p = path.join(OFFICE_JS_DIR, "telemetry", f);
    if (fs.existsSync(p)) patterns.push({ from: p, to: "office-js/telemetry/" + f, info });
  }
  return patterns;
}

/**
 * Writes which files each entry and each on-demand chunk group loads
 * (test-artifacts/bundle-chunks.json), for bench/addin.js. Not part of dist/.
 */
class ChunkListPlugin {
  apply(compiler) {
    compiler.hooks.done.tap("phuluc-chunk-list", (stats) => {
      const j = stats.toJson({ all: false, entrypoints: true, chunkGroups: true, outputPath: true });
      const files = (g) => (g.assets || []).map((a) => (typeof a === "string" ? a : a.name)).filter((f) => f.endsWith(".js"));
      const out = { built: new Date().toISOString(), outputPath: j.outputPath, entrypoints: {}, lazy: {} };
      for (const [name, g] of Object.entries(j.entrypoints || {})) out.entrypoints[name] = files(g);
      for (const [name, g] of Object.entries(j.namedChunkGroups || {})) if (!out.entrypoints[name]) out.lazy[name] = files(g);
      const dir = path.join(__dirname, "test-artifacts");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "bundle-chunks.json"), JSON.stringify(out, null, 2));
    });
  }
}

module.exports = async (env, argv) => {
  const mode = (argv && argv.mode) || "production";
  const dev = mode === "development";
  const local = process.env.OFFICE_JS_LOCAL === "1";
  const officeJs = local ? "office-js/office.js" : CDN_OFFICE_JS;
  const url = dev ? DEV_URL : productionUrl(process.env.PHULUC_URL);
  const scriptSrc = local ? "'self'" : "'self' " + CDN_ORIGIN;
  const csp = [
    "default-src 'self'",
    "script-src " + scriptSrc,
    // Fluent UI (Griffel) inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The draft check runs in a Web Worker loaded from the add-in's own origin.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");

  const serve = !!(env && env.WEBPACK_SERVE);
  let https;
  if (serve) {
    try {
      const devCerts = require("office-addin-dev-certs");
      const o = await devCerts.getHttpsServerOptions();
      https = { ca: o.ca, key: o.key, cert: o.cert };
    } catch (e) {
      console.warn("office-addin-dev-certs: no development certificate (" + e.message + "); webpack-dev-server makes a self-signed one.");
    }
  }

  return {
    mode,
    devtool: dev ? "source-map" : false,
    target: ["web", "es2019"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "chunks/[name].js" : "chunks/[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { sourceMap: dev } } },
        },
      ],
    },
    optimization: {
      // One initial file per page; everything import()ed becomes its own chunk.
      splitChunks: { chunks: "async" },
      runtimeChunk: false,
    },
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 512000,
      maxAssetSize: 1024000,
      assetFilter: (f) => f.endsWith(".js") && !f.startsWith("office-js/"),
    },
    plugins: [
      ...(dev ? [] : [new ChunkListPlugin()]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/index.html",
        chunks: ["taskpane"],
        inject: false,
        csp,
        officeJs,
        minify: false,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        inject: false,
        csp,
        officeJs,
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // ES5 as written: not run through the minifier.
          { from: "src/taskpane/boot.js", to: "boot.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => withUrl(content.toString(), url),
          },
          ...(local ? officeJsPatterns() : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: https ? { type: "https", options: https } : { type: "https" },
      client: { overlay: false },
    },
  };
};
