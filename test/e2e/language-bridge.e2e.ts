import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, trackPageErrors } from "./support/browser";
import { sentTo, waitForMail } from "./support/mail";

/**
 * Issue 12's "Done when": a Brazilian buyer writes a request in words and a
 * message; the firm reads both in Chinese, marked as machine translation,
 * the original one click away, and answers in Chinese; the buyer reads the
 * answer in Portuguese in the thread and in the e-mail. The e2e server runs
 * with TRANSLATE_URL pointing at the LibreTranslate stand-in of
 * test/support/libretranslate.ts, which marks what it translates ("[zh] …").
 */
const PT = "pt-BR";
const DEMO_FIRM = "seed-f-000000";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in through the form, whatever the labels say in the locale. */
async function signInAs(page: Page, locale: string, email: string, password: string) {
  await page.goto(`/${locale}/login`);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(password);
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL(`**/${locale}/account`);
}

/** Reloads until the page shows `selector` (translations are made in the background). */
async function reloadUntil(page: Page, selector: string, timeoutMs = 60_000) {
  await expect
    .poll(
      async () => {
        if (await page.locator(selector).count()) return true;
        await page.reload();
        return (await page.locator(selector).count()) > 0;
      },
      { timeout: timeoutMs, interval: 1_000 },
    )
    .toBe(true);
}

// Two people, two mail round trips and background translations: longer than the default minute on a busy machine.
describe("the language bridge in the browser", () => {
  it("carries a Brazilian buyer's words to a Chinese firm and the answer back, translated and marked", async () => {
    const buyerContext = await newContext(browser, { acceptLanguage: "pt-BR,pt;q=0.9" });
    const firmContext = await newContext(browser, { acceptLanguage: "zh-CN,zh;q=0.9" });
    const errors = [...[buyerContext, firmContext].map(trackPageErrors)];
    const buyer = await buyerContext.newPage();
    await signInAs(buyer, PT, "buyer@ponte.demo", "Ponte-buyer-2026");

    // A request in words: no HS code typed, no certification ticked.
    await buyer.goto(`/${PT}/account/requests/new`);
    expect(await buyer.locator("input[name=requiredCertifications]:checked").count()).toBe(0);
    // Written in Portuguese, whichever variant the interface shows.
    expect(await buyer.locator("select[name=titleLocale]").inputValue()).toBe("pt");
    await buyer.locator("input[name=title]").fill("Olá, Preciso de luminárias para lojas com entrega em Santos");
    await buyer.locator("textarea[name=keywords]").fill("luminária de teto LED 18 W, branco");
    await buyer.locator("input[name=quantity]").fill("800");
    await buyer.locator("select[name=visibility]").selectOption("PUBLIC");
    await buyer.locator("main form button[type=submit]").last().click();
    await buyer.waitForURL(new RegExp(`/${PT}/account/requests\\?created=`));
    const requestId = new URL(buyer.url()).searchParams.get("created")!;

    // A message to the firm about that request.
    await buyer.goto(`/${PT}/inquiries/new?firm=${DEMO_FIRM}&request=${requestId}`);
    await buyer.locator("textarea[name=message]").fill("Olá! Preciso de 800 luminárias de teto LED com entrega em Santos. Qual é o prazo?");
    await buyer.locator("main form button[type=submit]").last().click();
    await buyer.waitForURL(new RegExp(`/${PT}/inquiries/[^/?]+\\?sent=1$`));
    const inquiryId = new URL(buyer.url()).pathname.split("/").pop()!;

    // The firm, in Chinese: the request's title and the message, each translated and marked, the original behind one click.
    const firm = await firmContext.newPage();
    await signInAs(firm, "zh-CN", "firm@ponte.demo", "Ponte-firm-2026");
    await firm.goto(`/zh-CN/catalog/firms/${DEMO_FIRM}/requests/${requestId}`);
    await reloadUntil(firm, "#answer-request-title");
    const title = firm.locator(".translated", { has: firm.locator("#answer-request-title") });
    await reloadUntil(firm, '.translated[data-translation="machine"] #answer-request-title');
    expect(await title.locator("#answer-request-title").textContent()).toMatch(/^\[zh\] 您好, 我需要/);
    expect(await title.locator(".translated__mark").textContent()).toBe("机器翻译：并非作者原文");
    const titleOriginal = title.locator("details.translated__original");
    expect(await titleOriginal.locator("p").isVisible()).toBe(false);
    await titleOriginal.locator("summary").click();
    await expect.poll(() => titleOriginal.locator("p").isVisible()).toBe(true);
    expect(await titleOriginal.locator("p").textContent()).toBe("Olá, Preciso de luminárias para lojas com entrega em Santos");
    expect(await titleOriginal.locator("p").getAttribute("lang")).toMatch(/^pt/);

    await firm.goto(`/zh-CN/inquiries/${inquiryId}`);
    await reloadUntil(firm, '.message .translated[data-translation="machine"]');
    const message = firm.locator('.message .translated[data-translation="machine"]').first();
    expect(await message.locator(".message__body").first().textContent()).toMatch(/^\[zh\] 您好! 我需要 800/);
    expect(await message.locator(".translated__mark").textContent()).toBe("机器翻译：并非作者原文");
    await message.locator("details.translated__original summary").click();
    await expect.poll(() => message.locator("details.translated__original p").textContent()).toContain("Olá! Preciso de 800 luminárias");

    // The firm was told by e-mail in Chinese, the translation beside the original.
    const toFirm = await waitForMail((mail) => sentTo(mail, "firm@ponte.demo") && (mail.text ?? "").includes(inquiryId), 200_000);
    expect(toFirm.text).toContain("Olá! Preciso de 800");

    // The firm answers in Chinese.
    await firm.locator("textarea[name=body]").fill("您好！价格每件 11.80 美元，交期 25 天。");
    await firm.locator('form:has(input[name=intent][value=message]) button[type=submit]').click();
    await firm.getByText("消息已发送。").waitFor();

    // The buyer reads the answer in Portuguese on the thread, marked, the Chinese one click away…
    await buyer.goto(`/${PT}/inquiries/${inquiryId}`);
    await reloadUntil(buyer, '.message .translated[data-translation="machine"]');
    const answer = buyer.locator('.message .translated[data-translation="machine"]').last();
    expect(await answer.locator(".message__body").first().textContent()).toBe("[pt] Olá！preço por peça 11.80 美元，交期 25 天。");
    expect(await answer.locator(".message__body").first().getAttribute("lang")).toBe(PT);
    expect(await answer.locator("details.translated__original p").getAttribute("lang")).toMatch(/^zh/);
    expect(await answer.locator("details.translated__original p").textContent()).toBe("您好！价格每件 11.80 美元，交期 25 天。");

    // …and in the e-mail: the translation, marked, and the original.
    const toBuyer = await waitForMail((mail) => sentTo(mail, "buyer@ponte.demo") && (mail.text ?? "").includes("价格每件 11.80"), 200_000);
    expect(toBuyer.text).toContain("[pt] Olá！preço por peça 11.80");
    expect(toBuyer.text).toContain("Tradução automática");
    expect(toBuyer.text).toContain(`/${PT}/inquiries/${inquiryId}`);

    expect(errors.flat()).toEqual([]);
    await Promise.all([buyerContext.close(), firmContext.close()]);
  }, 240_000);
});
