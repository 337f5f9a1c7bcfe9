/**
 * Every tab of the pane is reachable at the narrowest task-pane widths: the tab row wraps
 * instead of running off the pane's edge (the last tab, "Mẫu", was cut off at 400 px).
 */
import { test, expect } from "@playwright/test";
import { openPane } from "./fixtures";

for (const width of [320, 360, 400]) {
  test(`at ${width} px every tab lies inside the pane, in Vietnamese and in English`, async ({ page }) => {
    await page.setViewportSize({ width, height: 700 });
    await openPane(page);
    for (const lang of ["vi", "en"]) {
      if (lang === "en") await page.getByTestId("lang").click();
      for (const id of ["workbook", "check", "report", "merge", "template"]) {
        const box = await page.getByTestId(`tab-${id}`).boundingBox();
        expect(box, `${lang} tab-${id}`).not.toBeNull();
        expect(box!.x, `${lang} tab-${id} left`).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${lang} tab-${id} right`).toBeLessThanOrEqual(width);
      }
    }
    await page.getByTestId("tab-template").click();
    await expect(page.getByTestId("tab-template")).toHaveAttribute("aria-selected", "true");
  });
}
