// Checks of how a page lays out on a narrow screen, shared by the phone and French specs.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The page fits its viewport: nothing makes it scroll sideways (WCAG 2.2 SC 1.4.10). */
export async function expectNoSidewaysScroll(page: Page, where: string) {
  await page.waitForLoadState("load");
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: scrollWidth ${scrollWidth} > viewport ${viewport}`).toBeLessThanOrEqual(viewport);
}

/** The controls the touch-target check measures by default: the page's main area. */
export const MAIN_CONTROLS = "main button, main input:not([type=hidden]), main select";

/**
 * Every visible control matching `selector` is at least 24 × 24 px (WCAG 2.2 SC 2.5.8). `soft`
 * records a failure and lets the test go on to the next page.
 */
export async function expectTouchTargets(page: Page, where: string, opts: { selector?: string; soft?: boolean } = {}) {
  const small = await page.evaluate((selector) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      if (r.width < 24 || r.height < 24)
        out.push(
          `${el.tagName} "${el.textContent?.trim() || el.getAttribute("aria-label") || el.getAttribute("name") || ""}" ${r.width}×${r.height}`,
        );
    }
    return out;
  }, opts.selector ?? MAIN_CONTROLS);
  (opts.soft ? expect.soft : expect)(small, where).toEqual([]);
}
