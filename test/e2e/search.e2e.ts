import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFitsWidth, launchBrowser, newContext, signIn, waitForHydration } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const resultCount = async (page: Page) => Number(((await page.locator("#search-results-title").textContent()) ?? "").replace(/\D/g, ""));
const hitTitles = (page: Page) => page.locator(".search-hit__title a").allTextContents();

describe("supplier search in the browser", () => {
  it("finds, as a Portuguese buyer types, a product its firm wrote only in Chinese", async () => {
    const context = await newContext(browser, { acceptLanguage: "pt-BR,pt;q=0.9" });
    const page = await context.newPage();
    await page.goto("/pt-BR");
    await waitForHydration(page);
    await page.getByRole("search").getByRole("searchbox", { name: "Pesquisar" }).fill("luminaria de teto");
    await page.getByRole("search").getByRole("button", { name: "Pesquisar" }).click();
    await page.waitForURL(/\/pt-BR\/search\?q=luminaria/);
    // The address changes as the navigation ends; the results render right after it.
    await expect.poll(() => resultCount(page)).toBeGreaterThan(0);

    // Search as you type: the results follow the words without a page load.
    const box = page.getByRole("searchbox", { name: "Pesquisar" });
    const marker = await page.evaluate(() => ((window as unknown as { __sameDocument: number }).__sameDocument = Date.now()));
    await box.fill("");
    await box.pressSequentially("fechadura", { delay: 30 });
    await page.waitForURL(/q=fechadura/);
    await expect.poll(() => hitTitles(page).then((titles) => titles[0] ?? "")).toMatch(/Fechadura/);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: number }).__sameDocument)).toBe(marker);
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);

    await box.fill("luminária de teto");
    await expect.poll(() => hitTitles(page).then((titles) => titles[0] ?? "")).toMatch(/^Luminária de teto LED/);
    // The product page of a hit whose name was built from its Chinese-only data reads in Portuguese.
    const built = page.locator(".search-hit", { has: page.locator(".badge--origin") }).first();
    await built.locator(".search-hit__title a").click();
    await page.waitForURL(/\/pt-BR\/products\//);
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Luminária de teto LED/);
    await context.close();
  });

  it("narrows results with facets, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await newContext(browser, { acceptLanguage: "en", javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/en/search?q=lamp");
      if (javaScriptEnabled) await waitForHydration(page);
      await page.locator("#search-results-title").waitFor();
      const all = await resultCount(page);
      expect(all).toBeGreaterThan(1);
      await page.getByRole("group", { name: "Certification" }).getByLabel(/^CE/).check();
      if (!javaScriptEnabled) await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL(/cert=CE/);
      await expect.poll(() => resultCount(page)).toBeLessThan(all);
      const narrowed = await resultCount(page);
      expect(narrowed).toBeGreaterThan(0);
      const chip = page.getByRole("link", { name: /Remove filter: CE/ });
      await chip.waitFor();
      await chip.click();
      await page.waitForURL((url) => !url.search.includes("cert=CE"));
      await expect.poll(() => resultCount(page)).toBe(all);
      await context.close();
    }
  });

  it("is accessible and fits a phone, in every language", async () => {
    for (const [locale, q] of [
      ["pt-BR", "fechadura"],
      ["pt-PT", "fechadura"],
      ["en", "ceiling light"],
      ["zh-CN", "吸顶灯"],
      ["zh-Hant", "吸頂燈"],
    ] as const) {
      for (const phone of [false, true]) {
        const context = await newContext(browser, { phone });
        const page = await context.newPage();
        await page.goto(`/${locale}/search?q=${encodeURIComponent(q)}`);
        expect(await resultCount(page), `${locale} ${q}`).toBeGreaterThan(0);
        await expectAccessible(page, `${locale} search${phone ? " (phone)" : ""}`);
        if (phone) await expectFitsWidth(page, `${locale} search (phone)`);
        await page.goto(`/${locale}/search?in=firms&q=${encodeURIComponent(q)}`);
        await expectAccessible(page, `${locale} firm search${phone ? " (phone)" : ""}`);
        if (phone) await expectFitsWidth(page, `${locale} firm search (phone)`);
        await context.close();
      }
    }
  });

  it("shows bureau staff the search status and takes their synonyms", async () => {
    const context = await newContext(browser, { acceptLanguage: "en" });
    const page = await context.newPage();
    await signIn(page, "en", "bureau@ponte.demo", "Ponte-bureau-2026", "bureau");
    await page.getByRole("navigation", { name: "Bureau" }).getByRole("link", { name: "Search" }).click();
    await page.getByRole("heading", { name: "Indexes" }).waitFor();
    await expectAccessible(page);
    const word = `ponteword${Date.now().toString(36)}`;
    await page.getByLabel("Words that mean the same").fill(`${word}, 电饭煲`);
    await page.getByRole("button", { name: "Add synonyms" }).click();
    await page.getByText("The synonyms were added").waitFor();
    await expect
      .poll(async () => {
        const response = await page.request.get(`/api/v1/search/products?q=${word}`);
        return ((await response.json()) as { total: number }).total;
      })
      .toBeGreaterThan(0);
    await context.close();
  });
});
