import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFitsWidth, launchBrowser, newContext, signIn } from "./support/browser";

/**
 * Personal-data rights and the accessibility fixes of issue 14, in Chromium
 * with axe: the notice and the statement in every locale, error lists that
 * are lists inside an alert, error pages with a title and a language, the
 * bureau's verification list at 375 px, and a buyer who deletes their account.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("privacy and accessibility", () => {
  it("shows the privacy notice and the accessibility statement in every locale, linked from the footer, at a phone's width", async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    for (const [locale, notice, statementLink, statement] of [
      ["en", "Privacy notice", "Accessibility", "Accessibility statement"],
      ["pt-BR", "Aviso de privacidade", "Acessibilidade", "Declaração de acessibilidade"],
      ["pt-PT", "Aviso de privacidade", "Acessibilidade", "Declaração de acessibilidade"],
      ["zh-CN", "隐私声明", "无障碍", "无障碍声明"],
      ["zh-Hant", "隱私聲明", "無障礙", "無障礙聲明"],
    ] as const) {
      await page.goto(`/${locale}`);
      await page.getByRole("contentinfo").getByRole("link", { name: notice }).click();
      await page.waitForURL(`**/${locale}/privacy`);
      expect(await page.textContent("h1")).toBe(notice);
      expect(await page.title()).toContain(notice);
      await expectFitsWidth(page);
      await expectAccessible(page);
      await page.getByRole("contentinfo").getByRole("link", { name: statementLink, exact: true }).click();
      await page.waitForURL(`**/${locale}/accessibility`);
      expect(await page.textContent("h1")).toBe(statement);
      expect(await page.textContent("main")).toContain("WCAG 2.1");
      await expectAccessible(page);
    }
    await context.close();
  });

  it("marks up a form's errors as a list inside an alert, and axe accepts it", async () => {
    const context = await newContext(browser, { acceptLanguage: "pt-BR,pt;q=0.9" });
    const page = await context.newPage();
    await page.goto("/pt-PT/register");
    await page.getByRole("button", { name: "Criar conta" }).click();
    const alert = page.locator('[role="alert"]').filter({ hasText: "Aceite o aviso de privacidade" });
    await alert.waitFor();
    expect(await alert.evaluate((node) => node.firstElementChild?.tagName)).toBe("UL");
    expect(await alert.locator("li").count()).toBeGreaterThan(0);
    await expectAccessible(page, "/pt-PT/register with errors");
    await context.close();
  });

  it("gives error pages a title and the page's language", async () => {
    const context = await newContext(browser, {});
    const page = await context.newPage();
    for (const [path, lang, title] of [
      ["/pt-PT/nao-existe", "pt-PT", "Página não encontrada"],
      ["/zh-CN/firms/no-such-firm", "zh-CN", "页面不存在"],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await page.title()).toContain(title);
      await expectAccessible(page, path);
    }
    await context.close();
  });

  it("makes the bureau's verification list usable at 375 px", async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signIn(page, "en", "bureau@ponte.demo", "Ponte-bureau-2026", "bureau");
    for (const status of ["PENDING", "VERIFIED"]) {
      await page.goto(`/en/bureau/verification?status=${status}`);
      await expectFitsWidth(page, `verification ${status}`);
      await expectAccessible(page, `verification ${status}`);
    }
    // Each cell says which column it is.
    const label = await page.locator("table.stacking-table td").first().evaluate((cell) => getComputedStyle(cell, "::before").content);
    expect(label).toContain("Firm");
    await context.close();
  });

  it("lets a buyer download their data and delete their account; the old password then fails", async () => {
    const context = await newContext(browser, { acceptLanguage: "en" });
    const page = await context.newPage();
    const email = `leaving-${Date.now()}@example.test`;
    const password = "a long enough password";
    await page.goto("/en/register");
    await page.getByLabel("A buyer", { exact: false }).check();
    await page.getByLabel("Company name").fill("Leaving Imports Ltd.");
    await page.getByLabel("Country").selectOption("PT");
    await page.getByLabel("Your name").fill("Leaving Buyer");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Repeat the password").fill(password);
    await page.getByLabel("I have read the privacy notice", { exact: false }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/en/account?welcome=1");

    await page.getByRole("link", { name: "Download everything Ponte holds about you, or delete your account" }).click();
    await page.waitForURL("**/en/account/privacy");
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (ZIP)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ponte-data-\d{4}-\d{2}-\d{2}\.zip$/);

    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.getByText("Tick the box to confirm.").waitFor();
    await expectAccessible(page, "delete form with errors");
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("I understand that this cannot be undone.").check();
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL("**/en?accountDeleted=1");
    expect(await page.getByRole("status").first().textContent()).toContain("Your account has been deleted.");

    await page.goto("/en/login");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/en/login");
    await context.close();
  });
});
