import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withUsccCheck } from "~/modules/firm/uscc";
import { expectAccessible, expectFitsWidth, launchBrowser, newContext } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the platform in the browser", () => {
  it("greets a Brazilian visitor in Portuguese and switches to Chinese on the same page", async () => {
    const context = await newContext(browser, { acceptLanguage: "pt-BR,pt;q=0.9,en;q=0.5" });
    const page = await context.newPage();
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/pt-BR");
    expect(await page.getAttribute("html", "lang")).toBe("pt-BR");
    await expect.poll(() => page.textContent("h1")).toContain("Os fabricantes de Zhongshan");
    const alternates = await page.$$eval("link[rel=alternate]", (links) => links.map((link) => link.getAttribute("hreflang")));
    expect(alternates).toEqual(["zh-CN", "zh-Hant", "en", "pt-BR", "pt-PT", "pt", "x-default"]);
    await expectAccessible(page);

    await page.goto("/pt-PT/login");
    await page.getByRole("navigation", { name: "Idioma" }).getByRole("link", { name: "简体中文" }).click();
    await page.waitForURL("**/zh-CN/login");
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.textContent("h1")).toBe("登录");
    await context.close();
  });

  it("registers a firm in Chinese, signs out and signs in again", async () => {
    const context = await newContext(browser, { acceptLanguage: "zh-CN,zh;q=0.9" });
    const page = await context.newPage();
    const email = `firm-${Date.now()}@example.test`;
    const password = "中山古镇灯饰出口企业的密码很长很长";
    await page.goto("/zh-CN/register");
    await expectAccessible(page);
    await page.getByLabel("中山出口企业").check();
    await page.getByLabel("公司名称").fill("中山市古镇测试灯饰有限公司");
    await page.getByLabel("统一社会信用代码").fill(withUsccCheck(`91442000${String(Date.now()).slice(-8)}X`));
    await page.getByLabel("镇街").selectOption({ label: "古镇" });
    await page.getByLabel("您的姓名").fill("陈测试");
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel("密码", { exact: true }).fill(password);
    await page.getByLabel("再次输入密码").fill(password);
    await page.getByLabel("我已阅读隐私声明", { exact: false }).check();
    await page.getByRole("button", { name: "创建账号" }).click();
    await page.waitForURL("**/zh-CN/account?welcome=1");
    await expect.poll(() => page.textContent("main")).toContain("中山市古镇测试灯饰有限公司");
    expect(await page.textContent("main")).toContain("待审核");
    await expectAccessible(page);

    await page.getByRole("button", { name: "退出" }).click();
    await page.waitForURL(/\/zh-CN$/);
    await page.goto("/zh-CN/account");
    await page.waitForURL("**/zh-CN/login?redirectTo=%2Fzh-CN%2Faccount");

    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL("**/zh-CN/account");
    await expect.poll(() => page.textContent("main")).toContain(email);
    await context.close();
  });

  it("shows sign-in errors in the user's language and keeps the e-mail typed", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/pt-PT/login");
    await page.getByLabel("E-mail").fill("ninguem@example.test");
    await page.getByLabel("Palavra-passe").fill("errada-errada");
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect.poll(() => page.textContent("form")).toContain("não correspondem a uma conta ativa");
    expect(await page.inputValue("input[name=email]")).toBe("ninguem@example.test");
    await context.close();
  });

  it("keeps buyers out of the bureau area and lets bureau staff in", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/en/login");
    await page.getByLabel("E-mail").fill("buyer@ponte.demo");
    await page.getByLabel("Password").fill("Ponte-buyer-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/en/account");
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    const response = await page.goto("/en/bureau");
    expect(response?.status()).toBe(403);
    expect(await page.textContent("h1")).toBe("Not allowed");
    await context.close();

    const staff = await newContext(browser);
    const staffPage = await staff.newPage();
    await staffPage.goto("/en/login");
    await staffPage.getByLabel("E-mail").fill("bureau@ponte.demo");
    await staffPage.getByLabel("Password").fill("Ponte-bureau-2026");
    await staffPage.getByRole("button", { name: "Sign in" }).click();
    await staffPage.waitForURL("**/en/bureau");
    await staffPage.getByRole("heading", { name: "Bureau overview" }).waitFor();
    await expectAccessible(staffPage);
    await staff.close();
  });

  it("works at a phone's width on every page of the foundation", async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    for (const path of ["/en", "/pt-PT/login", "/zh-CN/register", "/pt-PT/nao-existe"]) {
      await page.goto(path);
      await expectFitsWidth(page, path);
      await expectAccessible(page, path);
    }
    await page.goto("/en/login");
    await page.getByLabel("E-mail").fill("admin@ponte.demo");
    await page.getByLabel("Password").fill("Ponte-admin-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/en/bureau");
    await page.getByRole("heading", { name: "Bureau overview" }).waitFor();
    for (const path of ["/en/bureau", "/en/admin/users", "/en/account"]) {
      await page.goto(path);
      await expectFitsWidth(page, path);
      await expectAccessible(page, path);
    }
    await context.close();
  });
});
