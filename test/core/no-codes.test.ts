/**
 * The template is the one source: no file of src/ outside src/core/templates/ names an
 * indicator code of a built-in template (the layout, the reader, the ✓/✗ formulas, the
 * rules engine, the narrative, the draft check, the pane and the CLI all read the template).
 */
import * as fs from "fs";
import * as path from "path";
import { listTemplates } from "../../src/core/templates/index";

const SRC = path.join(__dirname, "..", "..", "src");
const TEMPLATES = path.join(SRC, "core", "templates");

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== TEMPLATES) out.push(...files(p));
    } else out.push(p);
  }
  return out;
}

const codes = Array.from(new Set(listTemplates().flatMap((t) => t.indicators.map((i) => i.code))));
const sources = files(SRC);

test("there are built-in codes and source files to scan", () => {
  expect(codes.length).toBeGreaterThanOrEqual(27);
  expect(sources.length).toBeGreaterThan(50);
  expect(sources.some((f) => f.startsWith(TEMPLATES))).toBe(false);
});

test("no source file outside src/core/templates/ names an indicator code", () => {
  const found: string[] = [];
  // Word boundaries: an identifier character on neither side (vb_tong, not vb_tong_x).
  const re = new RegExp("(?<![A-Za-z0-9_])(" + codes.join("|") + ")(?![A-Za-z0-9_])", "g");
  for (const f of sources) {
    const text = fs.readFileSync(f, "utf8");
    const hits = new Set<string>();
    for (const m of text.matchAll(re)) hits.add(m[1]);
    for (const c of hits) found.push(path.relative(SRC, f) + ": " + c);
  }
  expect(found).toEqual([]);
});
