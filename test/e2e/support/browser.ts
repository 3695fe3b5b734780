import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";

/** System Chromium (Debian's), never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function baseUrl() {
  return inject("baseUrl");
}

export interface ContextOptions {
  acceptLanguage?: string;
  /** A phone's width (375 px) instead of a desktop's. */
  phone?: boolean;
  /** false: a browser without JavaScript (pages must work as plain HTML). */
  javaScriptEnabled?: boolean;
}

export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl(),
    locale: options.acceptLanguage?.split(",")[0] ?? "en-US",
    extraHTTPHeaders: options.acceptLanguage ? { "Accept-Language": options.acceptLanguage } : undefined,
    viewport: options.phone ? { width: 375, height: 740 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    isMobile: options.phone ?? false,
    hasTouch: options.phone ?? false,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
}

/**
 * Collects the errors thrown in the context's pages (a component that breaks
 * when React takes over the server's HTML shows up only here).
 */
export function trackPageErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on("weberror", (error) => errors.push(error.error().message));
  return errors;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label = page.url()) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  });
  expect(violations, `accessibility of ${label}`).toEqual([]);
}

/** No horizontal scrolling at the current viewport width. */
export async function expectFitsWidth(page: Page, label = page.url()) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow of ${label}`).toBeLessThanOrEqual(0);
}

/** Waits until React has taken over the page (root.tsx marks <html data-hydrated>): before that, only plain HTML works. */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** The sign-in form's labels (e-mail, password, button) in the locales the tests sign in with. */
const signInLabels = { "zh-CN": ["电子邮箱", "密码", "登录"], "pt-BR": ["E-mail", "Senha", "Entrar"], "pt-PT": ["E-mail", "Palavra-passe", "Entrar"], en: ["E-mail", "Password", "Sign in"] } as const;

/**
 * Signs in through the form in `locale` and waits for the page it lands on:
 * buyers and firm members their account, bureau staff the bureau.
 */
export async function signIn(page: Page, locale: keyof typeof signInLabels, email: string, password: string, landing: "account" | "bureau" = "account") {
  const [emailLabel, passwordLabel, submit] = signInLabels[locale];
  await page.goto(`/${locale}/login`);
  await page.getByLabel(emailLabel).fill(email);
  await page.getByLabel(passwordLabel, { exact: true }).fill(password);
  await page.getByRole("button", { name: submit }).click();
  await page.waitForURL(`**/${locale}/${landing}`);
}
