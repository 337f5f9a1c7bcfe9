#!/usr/bin/env node
/**
 * Draws the add-in's ribbon icons into assets/ (PNG, no dependency: zlib + a tiny
 * supersampled rasteriser). The PNGs are committed; run again only to change them:
 *   node scripts/make-icons.js
 * icon-N.png: a green sheet with a table grid (the "Phụ lục số liệu" button, the add-in icon);
 * check-N.png: a green disc with a white tick (the "Kiểm tra" button).
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** RGBA pixels (Uint8Array, w*h*4) → PNG bytes. */
function png(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * w * 4, w * 4).copy(raw, y * (w * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Renders `paint(x, y)` → [r,g,b,a] in unit coordinates (0..1), 4×4 supersampled. */
function render(size, paint) {
  const out = new Uint8Array(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = paint((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      const i = (py * size + px) * 4;
      out[i + 3] = Math.round((a / (S * S)) * 255);
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
    }
  return out;
}

const GREEN = [33, 115, 70];
const WHITE = [255, 255, 255];
const LIGHT = [200, 230, 212];
const CLEAR = [0, 0, 0, 0];

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function sheetIcon(x, y) {
  if (!inRoundRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.14)) return CLEAR;
  // white sheet with a 3×4 grid
  if (x > 0.2 && x < 0.8 && y > 0.18 && y < 0.82) {
    const gx = (x - 0.2) / 0.6, gy = (y - 0.18) / 0.64;
    const line = 0.05;
    const onV = [1 / 3, 2 / 3].some((v) => Math.abs(gx - v) < line / 2);
    const onH = [0.25, 0.5, 0.75].some((v) => Math.abs(gy - v) < line / 2);
    if (gy < 0.25) return onV ? [...GREEN, 1] : [...LIGHT, 1];
    return onV || onH ? [...GREEN, 1] : [...WHITE, 1];
  }
  return [...GREEN, 1];
}

function checkIcon(x, y) {
  const d = Math.hypot(x - 0.5, y - 0.5);
  if (d > 0.46) return CLEAR;
  const w = 0.07;
  if (distToSegment(x, y, 0.28, 0.52, 0.44, 0.68) < w || distToSegment(x, y, 0.44, 0.68, 0.74, 0.34) < w) return [...WHITE, 1];
  return [...GREEN, 1];
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), png(size, size, render(size, sheetIcon)));
for (const size of [16, 32, 80]) fs.writeFileSync(path.join(dir, `check-${size}.png`), png(size, size, render(size, checkIcon)));
console.log("icons written to " + dir);
