/**
 * The development URL in manifest.xml and how a production build replaces it
 * (used by webpack.config.js and test/manifest.test.ts).
 */
const DEV_URL = "https://localhost:3000/";

/** Checks and normalises a production URL (https, ends with "/"). */
function productionUrl(u) {
  if (!u) return DEV_URL;
  if (!/^https:\/\/[^\s"'<>&]+$/.test(u)) throw new Error("PHULUC_URL phải là địa chỉ https:// / PHULUC_URL must be an https:// URL, got: " + u);
  return u.endsWith("/") ? u : u + "/";
}

/** The manifest text with every development URL replaced (AppDomain keeps no trailing slash). */
function withUrl(manifest, url) {
  const base = productionUrl(url);
  if (base === DEV_URL) return manifest;
  const origin = base.replace(/^(https:\/\/[^/]+).*$/, "$1");
  return manifest
    .split("<AppDomain>" + DEV_URL.slice(0, -1) + "</AppDomain>")
    .join("<AppDomain>" + origin + "</AppDomain>")
    .split(DEV_URL)
    .join(base);
}

module.exports = { DEV_URL, productionUrl, withUrl };
