import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { photoWithGps } from "../support/images";
import { baseUrl, expectAccessible, expectFitsWidth, launchBrowser, newContext, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const newPages: string[] = [];

describe("the catalogue in the browser", () => {
  let productPath = "";
  const name = `测试LED吸顶灯 ${Date.now()}`;

  it("lets a firm add a product in Chinese, choosing its HS code with the picker", async () => {
    const context = await newContext(browser, { acceptLanguage: "zh-CN,zh;q=0.9" });
    const page = await context.newPage();
    await signIn(page, "zh-CN", "firm@ponte.demo", "Ponte-firm-2026");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的产品目录" }).click();
    await page.waitForURL(/\/zh-CN\/catalog\/firms\/[^/]+$/);
    await page.getByRole("heading", { name: "您的企业资料完整吗？" }).waitFor();
    await expectAccessible(page);
    newPages.push(new URL(page.url()).pathname);

    await page.getByRole("navigation", { name: "企业栏目" }).getByRole("link", { name: "产品" }).click();
    await page.waitForURL(/\/products$/);
    await expectAccessible(page);
    newPages.push(new URL(page.url()).pathname);
    await page.getByRole("link", { name: "添加产品" }).click();
    await page.waitForURL(/\/products\/new$/);
    newPages.push(new URL(page.url()).pathname);

    await page.getByLabel("产品类型").selectOption({ label: "LED吸顶灯" });
    const picker = page.getByRole("combobox", { name: "HS 编码" });
    await picker.fill("吸顶灯");
    const option = page.getByRole("listbox", { name: "建议的 HS 编码" }).getByRole("option").first();
    await option.waitFor();
    expect(await option.textContent()).toContain("9405.11");
    expect(await picker.getAttribute("aria-expanded")).toBe("true");
    await expectAccessible(page);
    await picker.press("ArrowDown");
    expect(await picker.getAttribute("aria-activedescendant")).toBeTruthy();
    await picker.press("Enter");
    expect(await picker.inputValue()).toBe("9405.11");
    expect(await picker.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => page.locator(".hs-picker__title").textContent()).toContain("枝形吊灯及天花板");

    await page.getByLabel("产品名称（中文）").fill(name);
    await page.getByLabel("功率 (W)").fill("36");
    await page.getByLabel("材质").selectOption({ label: "铝合金" });
    await page.getByLabel("最小起订量").fill("300");
    await page.getByLabel("单位").selectOption({ label: "件" });
    await page.getByLabel("FOB 价格下限（美元）").fill("15.5");
    await page.getByLabel("FOB 价格上限（美元）").fill("22");
    await page.getByLabel("交货期（天）").fill("25");
    await page.getByLabel("CE · 欧盟CE认证").check();
    await page.getByRole("button", { name: "创建产品" }).click();
    await page.waitForURL(/\/zh-CN\/catalog\/products\/[^/?]+\?created=1$/);
    await page.getByText("产品已创建").waitFor();
    productPath = new URL(page.url()).pathname.replace("/zh-CN/catalog", "");
    newPages.push(new URL(page.url()).pathname);

    await page.getByLabel("要添加的图片").setInputFiles({ name: "IMG_2041.jpg", mimeType: "image/jpeg", buffer: await photoWithGps(1200, 900) });
    await page.getByRole("button", { name: "上传图片" }).click();
    await page.getByText("已添加 1 张图片").waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("shows the product to a buyer in Portuguese", async () => {
    const context = await newContext(browser, { acceptLanguage: "pt-BR,pt;q=0.9" });
    const page = await context.newPage();
    await signIn(page, "pt-BR", "buyer@ponte.demo", "Ponte-buyer-2026");
    await page.goto(`/pt-BR${productPath}`);
    expect(await page.getAttribute("html", "lang")).toBe("pt-BR");
    expect(await page.textContent("h1")).toBe("Luminária de teto LED de alumínio 36 W");
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("gerado a partir dos dados do produto");
    expect(main).toContain("Aparelhos de iluminação");
    expect(main).toContain("300 peças");
    expect(main).toContain("Marcação CE (UE)");
    expect(main).toContain("25 dias");
    const image = page.locator(".product-gallery__cover");
    expect(await image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    expect(await page.getAttribute('meta[property="og:title"]', "content")).toContain("Luminária de teto LED de alumínio 36 W");
    await expectAccessible(page);
    newPages.push(new URL(page.url()).pathname);

    await page.getByRole("link", { name: "Diretório" }).first().click();
    await page.waitForURL("**/pt-BR/firms");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Guzhen" }).first().click();
    await page.waitForURL("**/pt-BR/towns/guzhen");
    await expectAccessible(page);
    await context.close();
  });

  it("works without JavaScript: the HS code is a plain field checked on the server", async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, baseURL: baseUrl(), extraHTTPHeaders: { "Accept-Language": "zh-CN" } });
    const page = await plain.newPage();
    await page.goto("/zh-CN/login");
    await page.getByLabel("电子邮箱").fill("firm@ponte.demo");
    await page.getByLabel("密码").fill("Ponte-firm-2026");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL("**/zh-CN/account");
    await page.goto("/zh-CN/catalog");
    await page.goto(`${new URL(page.url()).pathname}/products/new`);
    expect(await page.getAttribute("input[name=hsCode]", "role")).toBeNull();
    await page.getByLabel("HS 编码").fill("灯饰");
    await page.getByLabel("产品名称（中文）").fill("无脚本测试灯");
    await page.getByRole("button", { name: "创建产品" }).click();
    await page.getByText("HS 编码至少有 4 位数字").waitFor();
    expect(await page.inputValue("input[name=nameZh]")).toBe("无脚本测试灯");
    await page.getByLabel("HS 编码").fill("9405.42");
    await page.getByRole("button", { name: "创建产品" }).click();
    await page.waitForURL(/\/catalog\/products\/[^/?]+\?created=1$/);
    await plain.close();
  });

  it("fits a phone's width on every new page", async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signIn(page, "zh-CN", "firm@ponte.demo", "Ponte-firm-2026");
    const pages = [...new Set([...newPages, "/zh-Hant/firms", "/en/clusters/lighting", "/pt-PT/towns/guzhen"])];
    const firmPage = await page.goto("/pt-PT/firms");
    expect(firmPage?.status()).toBe(200);
    const firstFirm = await page.locator(".firm-card a").first().getAttribute("href");
    pages.push(firstFirm!);
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectFitsWidth(page, path);
      await expectAccessible(page, path);
    }
    // Viewing a page in a language makes it the member's language for mail: back to Chinese, as this firm reads.
    await page.goto("/zh-CN/catalog");
    await context.close();
  });
});
