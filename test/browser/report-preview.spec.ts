/**
 * The report preview at task-pane width (360 px): the national heading, the motto and the
 * date line each stay on ONE line (no wrap; the font is scaled down where the pane is too
 * narrow), hyphenated words never break, and the sentences whose figures break a rule are
 * highlighted "[cần kiểm tra: …]" with the pane saying so. Screenshot in test-artifacts/.
 */
import { test, expect } from "@playwright/test";
import * as path from "path";
import { openWithExample } from "./fixtures";

const OUT = path.join(__dirname, "..", "..", "test-artifacts");

test("at 360 px the header lines stay on one line each, and the marks show", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 900 });
  await openWithExample(page);
  await page.getByTestId("tab-report").click();
  const preview = page.getByTestId("report-preview");
  await expect(preview).toContainText("SỐ LIỆU KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ", { timeout: 15000 });

  const lines = await preview.evaluate((root) => {
    const out: { text: string; lines: number; overflow: boolean }[] = [];
    root.querySelectorAll("p").forEach((p) => {
      const text = (p.textContent ?? "").trim();
      if (!/^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc|Sơn La, ngày 14 tháng 11 năm 2021)$/.test(text)) return;
      // The lines the text takes: the distinct tops of its glyph boxes.
      const range = document.createRange();
      range.selectNodeContents(p);
      const tops: number[] = [];
      for (const r of Array.from(range.getClientRects())) if (r.width > 0 && !tops.some((t) => Math.abs(t - r.top) < 3)) tops.push(r.top);
      out.push({ text, lines: tops.length, overflow: p.scrollWidth > p.clientWidth + 1 });
    });
    return out;
  });
  expect(lines.map((l) => l.text)).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sơn La, ngày 14 tháng 11 năm 2021"]);
  for (const l of lines) {
    expect({ text: l.text, lines: l.lines }).toEqual({ text: l.text, lines: 1 });
    // …and nothing cut off: the text fits its column
    expect({ text: l.text, overflow: l.overflow }).toEqual({ text: l.text, overflow: false });
  }

  // A symbol with a hyphen is never broken across lines.
  const symbolLines = await preview.evaluate((root) => {
    const out: number[] = [];
    root.querySelectorAll("span").forEach((s) => {
      if (s.style.whiteSpace === "nowrap" && /^538\/BC-SKHCN/.test(s.textContent ?? "")) out.push(s.getClientRects().length);
    });
    return out;
  });
  expect(symbolLines.length).toBeGreaterThan(0);
  expect(symbolLines.every((n) => n === 1)).toBe(true);

  // The marked sentences: highlighted in the preview, named above it.
  await expect(preview.getByTestId("report-mark").first()).toHaveText("[cần kiểm tra: tổng không khớp các phần]");
  await expect(page.getByTestId("report-marked")).toContainText("không được nêu như sự thật");
  await preview.evaluate((el) => (el.scrollTop = 0));
  await page.screenshot({ path: path.join(OUT, "pane-report-360px.png"), fullPage: false });
  await preview.screenshot({ path: path.join(OUT, "pane-report-preview-header-360px.png") });
});
