import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFitsWidth, launchBrowser, newContext, signIn } from "./support/browser";
import { sentTo, waitForMail } from "./support/mail";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Demo data: the Guzhen lighting firm of firm@ponte.demo and its first product.
const DEMO_FIRM = "seed-f-000000";
const DEMO_PRODUCT = "seed-p-0000000";
const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe("an inquiry in the browser", () => {
  it("goes from a Portuguese-speaking buyer to a Chinese firm and back, by page and by e-mail", async () => {
    const buyerContext = await newContext(browser, { acceptLanguage: "pt-BR,pt;q=0.9" });
    const buyer = await buyerContext.newPage();
    // Any script error (a hydration mismatch included) fails the test.
    const pageErrors: string[] = [];
    buyer.on("pageerror", (error) => pageErrors.push(`${buyer.url()}: ${error.message}`));
    await buyer.goto("/pt-PT/login");
    await buyer.getByLabel("E-mail").fill("buyer@ponte.demo");
    await buyer.getByLabel("Palavra-passe").fill("Ponte-buyer-2026");
    await buyer.getByRole("button", { name: "Entrar" }).click();
    await buyer.waitForURL("**/pt-PT/account");

    // From the product page, as a buyer finds it.
    await buyer.goto(`/pt-PT/products/${DEMO_PRODUCT}`);
    await buyer.getByRole("link", { name: "Pedir cotação" }).click();
    await buyer.waitForURL(`**/pt-PT/inquiries/new?product=${DEMO_PRODUCT}`);
    await buyer.getByRole("heading", { name: "Pedir cotação" }).waitFor();
    expect(await buyer.locator("input[name=firmId]").inputValue()).toBe(DEMO_FIRM);
    expect(await buyer.locator(`input[name=productIds][value=${DEMO_PRODUCT}]`).isChecked()).toBe(true);
    await expectAccessible(buyer);

    // A message too short to send is refused in Portuguese, and nothing typed is lost.
    await buyer.getByLabel("Quantidade").fill("500");
    await buyer.getByRole("button", { name: "Enviar pedido" }).click();
    await expect.poll(() => buyer.locator("#new-inquiry").textContent()).toContain("Escreva uma mensagem.");
    expect(await buyer.getByLabel("Quantidade").inputValue()).toBe("500");

    await buyer.getByLabel("Unidade", { exact: true }).selectOption({ label: "peças" });
    await buyer.getByLabel("Preço-alvo por unidade (USD)").fill("12.50");
    await buyer.getByLabel("Incoterm").selectOption("FOB");
    await buyer.getByLabel("País de destino").selectOption({ label: "Brasil" });
    await buyer
      .getByLabel("Mensagem", { exact: true })
      .fill("Olá! Gostaríamos de uma cotação para 500 luminárias de teto LED com certificação INMETRO, entrega no porto de Santos.");
    await buyer.getByLabel("Anexar ficheiros").setInputFiles({ name: "modelo.png", mimeType: "image/png", buffer: onePixelPng });
    await buyer.getByRole("button", { name: "Enviar pedido" }).click();
    await buyer.waitForURL(/\/pt-PT\/inquiries\/[^/?]+\?sent=1$/);
    const threadPath = new URL(buyer.url()).pathname;
    const inquiryId = threadPath.split("/").pop()!;
    await buyer.getByText("O seu pedido de cotação foi enviado.").waitFor();
    expect(await buyer.textContent("main")).toContain("Ainda não lida");
    await expectAccessible(buyer);

    // The firm's member is told by e-mail, in Chinese.
    const toFirm = await waitForMail((mail) => sentTo(mail, "firm@ponte.demo") && (mail.text ?? "").includes(inquiryId));
    expect(toFirm.subject).toBe("收到来自 Importadora Atlântico Ltda. 的新询盘 · Ponte");
    expect(toFirm.headers.get("content-language")).toBe("zh-CN");

    // The firm answers in its Chinese interface.
    const firmContext = await newContext(browser, { acceptLanguage: "zh-CN,zh;q=0.9" });
    const firm = await firmContext.newPage();
    firm.on("pageerror", (error) => pageErrors.push(`${firm.url()}: ${error.message}`));
    await firm.goto("/zh-CN/login");
    await firm.getByLabel("电子邮箱").fill("firm@ponte.demo");
    await firm.getByLabel("密码").fill("Ponte-firm-2026");
    await firm.getByRole("button", { name: "登录" }).click();
    await firm.waitForURL("**/zh-CN/account");
    await firm.getByRole("link", { name: /通知，\d+ 条未读/ }).waitFor();
    await firm.getByRole("link", { name: "询盘", exact: true }).click();
    await firm.waitForURL("**/zh-CN/inquiries");
    await firm.getByRole("heading", { name: "本企业收到的询盘" }).waitFor();
    await expectAccessible(firm);
    await firm.locator(`a[href="/zh-CN/inquiries/${inquiryId}"]`).click();
    await firm.waitForURL(`**/zh-CN/inquiries/${inquiryId}`);
    await firm.getByText("使用语言：葡萄牙语").waitFor();
    const thread = await firm.textContent("main");
    expect(thread).toContain("使用语言：葡萄牙语");
    expect(thread).toContain("Importadora Atlântico Ltda.");
    expect(thread).toContain("modelo.png");
    await expectAccessible(firm);

    await firm.getByLabel("您的消息").fill("您好！LED吸顶灯 FOB 中山价格为每件 11.80 美元，交期 25 天，可提供 INMETRO 证书。");
    await firm.getByRole("button", { name: "发送", exact: true }).click();
    await firm.getByText("消息已发送。").waitFor();
    await firm.getByLabel("状态", { exact: true }).selectOption({ label: "已报价" });
    await firm.getByRole("button", { name: "更新状态" }).click();
    await firm.getByText("状态已更新。").waitFor();
    await expect.poll(() => firm.textContent("main")).toContain("状态已改为“已报价”");

    // The buyer hears of the answer by e-mail, in Portuguese, and reads it on the page.
    const toBuyer = await waitForMail((mail) => sentTo(mail, "buyer@ponte.demo") && (mail.text ?? "").includes("FOB 中山价格"));
    expect(toBuyer.subject).toBe("Nova mensagem sobre o seu pedido de cotação · Ponte");
    expect(toBuyer.headers.get("content-language")).toBe("pt-PT");
    expect(toBuyer.text).toContain(`/pt-PT/inquiries/${inquiryId}`);

    await buyer.goto(threadPath);
    const answered = await buyer.textContent("main");
    expect(answered).toContain("FOB 中山价格");
    expect(answered).toContain("Escrito em chinês");
    expect(answered).toContain("Cotado");
    expect(answered).toContain("✓✓ Lida");
    await expectAccessible(buyer);

    // The same pages at a phone's width.
    const phone = await newContext(browser, { phone: true, acceptLanguage: "zh-CN" });
    await phone.addCookies(await firmContext.cookies());
    const phonePage = await phone.newPage();
    for (const path of ["/zh-CN/inquiries", `/zh-CN/inquiries/${inquiryId}`, "/zh-CN/notifications"]) {
      await phonePage.goto(path);
      await expectFitsWidth(phonePage, path);
      await expectAccessible(phonePage, path);
    }
    expect(pageErrors).toEqual([]);
    await Promise.all([buyerContext.close(), firmContext.close(), phone.close()]);
  });

  it("shows the bureau its inquiry figures as a table and a chart", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "en", "bureau@ponte.demo", "Ponte-bureau-2026", "bureau");
    await page.getByRole("link", { name: "Inquiry figures" }).click();
    await page.getByRole("heading", { name: "Inquiry figures" }).waitFor();
    await page.getByLabel("Group by").selectOption("country");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/by=country/);
    await page.getByRole("rowheader", { name: "Brazil" }).waitFor();
    expect(await page.locator("svg.chart[role=img]").count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page);
    await context.close();
  });
});
