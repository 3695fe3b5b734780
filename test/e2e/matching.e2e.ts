import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFitsWidth, launchBrowser, newContext, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Demo data: buyer@ponte.demo's request for LED ceiling lights (HS 9405.11, 500
// pieces, 25 USD, CE and INMETRO, to Brazil), and firm@ponte.demo's Guzhen
// lighting firm, which holds CE and INMETRO and exports to Brazil.
const DEMO_REQUEST = "seed-r-000000";
const DEMO_REQUEST_TITLE = "Procuramos luminária de teto LED — 500 peças";

describe("matching in the browser", () => {
  it("a buyer's request lists matches with reasons", async () => {
    const context = await newContext(browser, { acceptLanguage: "pt-BR,pt;q=0.9" });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    await signIn(page, "pt-PT", "buyer@ponte.demo", "Ponte-buyer-2026");

    await page.goto(`/pt-PT/account/requests/${DEMO_REQUEST}`);
    await page.getByRole("link", { name: "Ver fornecedores correspondentes" }).click();
    await page.waitForURL(`**/pt-PT/account/requests/${DEMO_REQUEST}/matches`);
    await page.getByRole("heading", { level: 1, name: `Correspondências para “${DEMO_REQUEST_TITLE}”` }).waitFor();

    // Ranked, each with a score and its reasons in Portuguese.
    const matches = page.locator("ol.match-list > li");
    expect(await matches.count()).toBeGreaterThanOrEqual(5);
    const first = matches.first();
    expect(await first.textContent()).toContain("SH 9405.11 exato");
    const scores = await page.locator("ol.match-list meter").evaluateAll((meters) => meters.map((meter) => Number((meter as HTMLMeterElement).value)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const reasons = await page.locator(".match-reason").allTextContents();
    expect(reasons.some((text) => text.includes("a equipa comercial fala português"))).toBe(true);
    expect(reasons.some((text) => text.includes("já exporta para este mercado (Brasil)"))).toBe(true);
    expect(reasons.some((text) => /encomenda mínima [\d.]+ [≤>] os seus 500/.test(text))).toBe(true);
    // What counts against a match is said in words, not only in colour.
    const against = page.locator(".match-reason--negative");
    expect(await against.count()).toBeGreaterThan(0);
    expect(await against.first().textContent()).toContain("Contra:");
    expect(await first.getByRole("link").first().getAttribute("href")).toMatch(/^\/pt-PT\/products\//);
    expect(await first.locator('a[href^="/pt-PT/firms/"]').count()).toBe(1);
    await expectAccessible(page);

    // By supplier, without JavaScript's help: a plain link.
    await page.getByRole("link", { name: "Por fornecedor" }).click();
    await page.waitForURL(/\?by=firm$/);
    // The address changes as the navigation ends; the new list renders right after it.
    await expect.poll(() => page.getByRole("link", { name: "Por fornecedor" }).getAttribute("aria-current")).toBe("page");
    await expect.poll(() => page.locator("ol.match-list > li").first().textContent()).toMatch(/Melhor produto:/);
    await expectAccessible(page);

    // Straight to an inquiry about the product, from the request.
    await page.getByRole("link", { name: "Por produto" }).click();
    await page.waitForURL(/\?by=product$/);
    await expect.poll(() => page.getByRole("link", { name: "Por produto" }).getAttribute("aria-current")).toBe("page");
    await page.locator("ol.match-list > li").first().getByRole("link", { name: /Pedir cotação/ }).click();
    await page.waitForURL(/\/pt-PT\/inquiries\/new\?firm=[^&]+&product=[^&]+&request=seed-r-000000$/);
    await page.getByText(DEMO_REQUEST_TITLE).first().waitFor();
    expect(await page.locator("input[name=requestId]").inputValue()).toBe(DEMO_REQUEST);
    expect(await page.getByLabel("Quantidade").inputValue()).toBe("500");

    // At a phone's width.
    const phone = await newContext(browser, { phone: true, acceptLanguage: "pt" });
    await phone.addCookies(await context.cookies());
    const phonePage = await phone.newPage();
    for (const path of [`/pt-PT/account/requests/${DEMO_REQUEST}/matches`, `/pt-PT/account/requests/${DEMO_REQUEST}/matches?by=firm`]) {
      await phonePage.goto(path);
      await expectFitsWidth(phonePage, path);
      await expectAccessible(phonePage, path);
    }
    expect(pageErrors).toEqual([]);
    await Promise.all([context.close(), phone.close()]);
  });

  it("a firm sees matching requests", async () => {
    const context = await newContext(browser, { acceptLanguage: "zh-CN,zh;q=0.9" });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    await signIn(page, "zh-CN", "firm@ponte.demo", "Ponte-firm-2026");

    // From the account menu.
    await page.getByRole("navigation", { name: "我的账号" }).getByRole("link", { name: "买家需求" }).click();
    await page.waitForURL(/\/zh-CN\/catalog\/firms\/[^/]+\/requests$/);
    const requestsPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: /的买家需求$/ }).waitFor();
    await expect.poll(() => page.getByRole("navigation", { name: "企业栏目" }).getByRole("link", { name: "买家需求" }).getAttribute("aria-current")).toBe("page");

    const card = page.locator("ol.match-list > li").filter({ hasText: DEMO_REQUEST_TITLE });
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain("HS 9405.11 完全匹配");
    expect(text).toContain("贵司已出口到巴西");
    expect(text).toContain("已获 CE和INMETRO 认证");
    expect(text).toContain("贵司最匹配的产品：");
    await expectAccessible(page);

    // Answering opens a conversation with the buyer.
    await card.getByRole("link", { name: /回复此需求/ }).click();
    await page.waitForURL(new RegExp(`/requests/${DEMO_REQUEST}\\?product=`));
    await page.getByRole("heading", { level: 1, name: "回复买家需求" }).waitFor();
    await expectAccessible(page);
    const chosen = page.locator("input[name=productIds]:checked");
    expect(await chosen.count()).toBe(1);
    await page.getByLabel("您的消息").fill("您好！我们的LED吸顶灯已获 CE 和 INMETRO 认证，500 件 FOB 中山每件 22 美元，交期 25 天。");
    await page.getByRole("button", { name: "发送回复" }).click();
    await page.waitForURL(/\/zh-CN\/inquiries\/[^/?]+\?sent=1$/);
    await page.getByText("您的回复已发送给买家。").waitFor();
    expect(await page.textContent("main")).toContain(DEMO_REQUEST_TITLE);
    await expectAccessible(page);

    // The request now leads to the conversation rather than to a second answer.
    await page.goto(requestsPath);
    await page.locator("ol.match-list > li").filter({ hasText: DEMO_REQUEST_TITLE }).getByRole("link", { name: "已回复：打开对话" }).waitFor();

    const phone = await newContext(browser, { phone: true, acceptLanguage: "zh-CN" });
    await phone.addCookies(await context.cookies());
    const phonePage = await phone.newPage();
    for (const path of [requestsPath, `${requestsPath}/${DEMO_REQUEST}`]) {
      await phonePage.goto(path);
      await expectFitsWidth(phonePage, path);
      await expectAccessible(phonePage, path);
    }
    expect(pageErrors).toEqual([]);
    await Promise.all([context.close(), phone.close()]);
  });
});
