import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firmColumns } from "~/modules/import/columns";
import { expectAccessible, expectFitsWidth, launchBrowser, newContext } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(context: BrowserContext, locale: string, email: string, password: string, labels: { email: string; password: string; submit: string }) {
  const page = await context.newPage();
  await page.goto(`/${locale}/login`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
  return page;
}

const english = { email: "E-mail", password: "Password", submit: "Sign in" };
const portuguese = { email: "E-mail", password: "Palavra-passe", submit: "Entrar" };

function firmsCsv(rows: Record<string, string>[]) {
  const line = (cells: string[]) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",");
  return Buffer.from([line([...firmColumns]), ...rows.map((row) => line(firmColumns.map((column) => row[column] ?? "")))].join("\n"), "utf8");
}

async function checkPages(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    await expectAccessible(page, path);
    await expectFitsWidth(page, path);
  }
}

describe("operations in the browser", () => {
  it("the bureau imports firms: a file with one bad row is refused with that row named, then accepted when fixed", async () => {
    const context = await newContext(browser);
    const page = await signIn(context, "en", "bureau@ponte.demo", "Ponte-bureau-2026", english);
    await page.goto("/en/bureau/import");
    await page.getByRole("heading", { name: "Import and export", level: 1 }).waitFor();
    await expectAccessible(page);

    const stamp = Date.now();
    const good = { external_id: `E2E-${stamp}-1`, name_zh: "中山市古镇浏览器测试灯饰有限公司", name_en: "Browser Test Lighting", town: "古镇", cluster: "灯饰", export_markets: "BR;PT", languages: "zh;en;pt" };
    const bad = { ...good, external_id: `E2E-${stamp}-2`, name_en: "Second Lighting", town: "Atlantis" };

    await page.getByLabel("Firms").check();
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "firms.csv", mimeType: "text/csv", buffer: firmsCsv([good, bad]) });
    await page.getByRole("button", { name: "Import" }).click();
    const problems = page.getByRole("region", { name: "Problems found" });
    await problems.waitFor();
    expect(await problems.textContent()).toContain("Row 3, column town");
    expect(await problems.textContent()).toContain("Unknown town “Atlantis”");
    expect(await page.getByRole("alert").first().textContent()).toContain("The file was refused: 1 problem.");
    await expectAccessible(page, "import report (refused)");

    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "firms.csv", mimeType: "text/csv", buffer: firmsCsv([good, { ...bad, town: "Guzhen" }]) });
    await page.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Imported: 2 rows.");

    // The imported firms are verified; the audit trail shows the import.
    await page.goto(`/en/bureau/audit?actor=bureau%40ponte.demo&entityType=firm`);
    await expect.poll(() => page.textContent("main")).toContain("Browser Test Lighting");
    expect(await page.textContent("main")).toContain("Imported (new)");
    await context.close();
  });

  it("the bureau's new pages pass axe and fit a phone's width", async () => {
    const context = await newContext(browser, { phone: true });
    const page = await signIn(context, "zh-CN", "bureau@ponte.demo", "Ponte-bureau-2026", { email: "电子邮箱", password: "密码", submit: "登录" });
    await checkPages(page, ["/zh-CN/bureau/verification", "/zh-CN/bureau/import", "/zh-CN/bureau/audit", "/pt-PT/bureau/verification?status=VERIFIED"]);
    await page.goto("/zh-CN/bureau/verification");
    await page.locator("table a").first().click();
    await page.getByRole("heading", { name: "审核决定" }).waitFor();
    await expectAccessible(page, "firm review");
    await expectFitsWidth(page, "firm review");
    await context.close();
  });

  it("a buyer posts a sourcing request in Portuguese", async () => {
    const context = await newContext(browser, { acceptLanguage: "pt-BR,pt;q=0.9" });
    const page = await signIn(context, "pt-PT", "buyer@ponte.demo", "Ponte-buyer-2026", portuguese);
    await page.goto("/pt-PT/account/requests");
    await page.getByRole("link", { name: "Publicar um pedido de compra" }).click();
    await page.waitForURL("**/pt-PT/account/requests/new");
    await expectAccessible(page);

    const title = `Procuramos candeeiros de mesa LED ${Date.now()}`;
    await page.getByLabel("O que quer comprar?").fill(title);
    await page.getByLabel("Códigos SH").fill("9405.21, 940511");
    await page.getByLabel("Palavras-chave").fill("candeeiro de mesa, 台灯");
    await page.getByLabel("Quantidade").fill("1200");
    await page.getByLabel("Unidade", { exact: true }).selectOption("pieces");
    await page.getByLabel("Preço-alvo por unidade (USD)").fill("7.5");
    await page.getByLabel("Prazo").fill(`${new Date().getUTCFullYear() + 1}-03-31`);
    await page.getByLabel("Quem pode ver este pedido").selectOption("VERIFIED_FIRMS");
    await page.getByRole("button", { name: "Publicar pedido" }).click();
    await page.waitForURL("**/pt-PT/account/requests?created=*");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("O seu pedido de compra foi publicado.");
    const card = page.getByRole("listitem").filter({ hasText: title });
    expect(await card.textContent()).toContain("9405.21, 9405.11");
    expect(await card.textContent()).toContain("Só empresas verificadas");
    await expectAccessible(page);

    // A wrong code is explained in Portuguese and what was typed stays.
    await page.goto("/pt-PT/account/requests/new");
    await page.getByLabel("O que quer comprar?").fill("Pedido com código errado");
    await page.getByLabel("Códigos SH").fill("9999.99");
    await page.getByRole("button", { name: "Publicar pedido" }).click();
    await expect.poll(() => page.textContent("form#new-request")).toContain("Estes códigos não existem na nomenclatura SH 2022: 9999.99");
    expect(await page.getByLabel("O que quer comprar?").inputValue()).toBe("Pedido com código errado");
    await context.close();
  });

  it("the buyer's and the firm's new pages pass axe and fit a phone's width", async () => {
    const buyer = await newContext(browser, { phone: true });
    const buyerPage = await signIn(buyer, "pt-PT", "buyer@ponte.demo", "Ponte-buyer-2026", portuguese);
    await checkPages(buyerPage, ["/pt-PT/account/company", "/pt-PT/account/requests", "/pt-PT/account/requests/new", "/en/account/company"]);
    await buyerPage.goto("/pt-PT/account/requests");
    await buyerPage.locator(".request-list a").first().click();
    await buyerPage.getByRole("button", { name: /Fechar este pedido|Reabrir este pedido/ }).waitFor();
    await expectAccessible(buyerPage, "request edit");
    await expectFitsWidth(buyerPage, "request edit");
    await buyer.close();

    const firm = await newContext(browser, { phone: true });
    const firmPage = await signIn(firm, "zh-CN", "firm@ponte.demo", "Ponte-firm-2026", { email: "电子邮箱", password: "密码", submit: "登录" });
    await checkPages(firmPage, ["/zh-CN/account/import", "/zh-CN/account"]);
    await firm.close();
  });
});
