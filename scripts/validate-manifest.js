#!/usr/bin/env node
/**
 * Validates the add-in manifest(s) offline against Microsoft's OfficeApp XSD schemas with
 * xmllint (Debian package libxml2-utils). The schemas live outside the repo, in
 * ../shared/office-schemas (see its README.md); PHULUC_SCHEMAS overrides the folder.
 *
 *   node scripts/validate-manifest.js [manifest.xml dist/manifest.xml …]
 *
 * Exit 0: every file valid; 1: a file is invalid; 2: cannot validate (schemas or xmllint
 * missing). With CI=true a missing validator is a failure, never a skip; elsewhere it is a
 * warning and exit 0 so that a machine without the schemas can still build.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const repo = path.resolve(__dirname, "..");
const schemaDir = process.env.PHULUC_SCHEMAS ? path.resolve(process.env.PHULUC_SCHEMAS) : path.resolve(repo, "..", "shared", "office-schemas");
const schema = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");
const ci = process.env.CI === "true" || process.env.CI === "1";

/** { ok, output } for one file; throws { unavailable } when it cannot validate. */
function validate(file) {
  if (!fs.existsSync(schema)) {
    const e = new Error(`Không tìm thấy lược đồ XSD: ${schema} (cần thư mục ../shared/office-schemas). / Schema not found: ${schema}`);
    e.unavailable = true;
    throw e;
  }
  const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8" });
  if (r.error && r.error.code === "ENOENT") {
    const e = new Error("Không có xmllint (cài: apt-get install libxml2-utils). / xmllint not found (apt-get install libxml2-utils).");
    e.unavailable = true;
    throw e;
  }
  return { ok: r.status === 0, output: (r.stdout + r.stderr).trim() };
}

function main(argv) {
  const files = argv.length ? argv : [path.join(repo, "manifest.xml"), ...(fs.existsSync(path.join(repo, "dist", "manifest.xml")) ? [path.join(repo, "dist", "manifest.xml")] : [])];
  let bad = 0;
  for (const f of files) {
    if (!fs.existsSync(f)) {
      console.error(`✗ ${f}: không có tệp / no such file`);
      bad++;
      continue;
    }
    let r;
    try {
      r = validate(f);
    } catch (e) {
      if (!e.unavailable) throw e;
      if (ci) {
        console.error("✗ " + e.message + " CI=true: không được bỏ qua kiểm tra tệp kê khai. / CI=true: manifest validation cannot be skipped.");
        return 2;
      }
      console.warn("⚠ " + e.message + " Bỏ qua kiểm tra tệp kê khai. / Manifest validation skipped.");
      return 0;
    }
    if (r.ok) console.log(`✓ ${path.relative(process.cwd(), f) || f}: hợp lệ / valid`);
    else {
      bad++;
      console.error(`✗ ${path.relative(process.cwd(), f) || f}: không hợp lệ / invalid\n${r.output}`);
    }
  }
  return bad ? 1 : 0;
}

module.exports = { validate, schema, schemaDir };
if (require.main === module) process.exit(main(process.argv.slice(2)));
