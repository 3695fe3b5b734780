import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withUsccCheck } from "~/modules/firm/uscc";
import { expectAccessible, launchBrowser, newContext, signIn, trackPageErrors, waitForHydration } from "./support/browser";
import { sentTo, waitForMail } from "./support/mail";

/**
 * Issue 10's "Done when", in Chromium against the server `npm start` runs:
 * a buyer (Portuguese UI) registers for an MIF edition and asks to meet two
 * firms of the delegation; a firm (Chinese UI) accepts one; the bureau sets
 * the grid, runs the scheduler and publishes; both sides see the meeting in
 * their agenda in their own language and time zone (the buyer meets
 * remotely from São Paulo); the buyer's calendar feed parses with ical.js
 * and keeps the meeting's UID, with a higher SEQUENCE and the new time,
 * after the bureau moves the meeting; the firm records the outcome and the
 * bureau's report counts it.
 *
 * The seeded editions with a delegation are either over (no registration)
 * or months ahead (no outcome can be recorded before a meeting starts), so
 * the bureau makes an MIF edition that runs from yesterday to tomorrow in
 * Macao, with its delegation, as delegations.e2e.ts does; the meetings are
 * placed yesterday evening, Macao time (the morning in São Paulo).
 */

/** The Portuguese UI's language segment (one place, for the /pt → /pt-BR rename). */
const PT = "pt-PT";
const ZH = "zh-CN";
const FAIR_ZONE = "Asia/Macau";
const BUYER_ZONE = "America/Sao_Paulo";

let browser: Browser;
let bureau: Page;
/** Errors thrown in any page of the test (each context's list). */
const pageErrors: string[][] = [];
async function context(options: Parameters<typeof newContext>[1] = {}) {
  const created = await newContext(browser, options);
  pageErrors.push(trackPageErrors(created));
  return created;
}
const contexts: BrowserContext[] = [];
async function signedIn(locale: "en" | "pt-PT" | "zh-CN", email: string, password: string, landing: "account" | "bureau" = "account") {
  const created = await context({ acceptLanguage: locale === "en" ? "en-GB,en;q=0.9" : locale === "pt-PT" ? "pt-PT,pt;q=0.9" : "zh-CN,zh;q=0.9" });
  contexts.push(created);
  const page = await created.newPage();
  await signIn(page, locale, email, password, landing);
  return page;
}

const stamp = String(Date.now()).slice(-8);
const today = DateTime.now().setZone(FAIR_ZONE);
/** The meeting day: yesterday in Macao, so that the outcome can be recorded today. */
const meetingDay = today.minus({ days: 1 }).toISODate()!;
const edition = {
  slug: `mif-meetings-${stamp}`,
  shortName: `MIF M ${stamp}`,
  nameZh: `澳门国际贸易投资展览会（洽谈测试${stamp}）`,
  nameEn: `Macao International Trade and Investment Fair (meetings test ${stamp})`,
  startsOn: meetingDay,
  endsOn: today.plus({ days: 1 }).toISODate()!,
};
const slot = (hhmm: string) => DateTime.fromISO(`${meetingDay}T${hhmm}`, { zone: FAIR_ZONE });

const accounts = {
  bureau: { email: "bureau@ponte.demo", password: "Ponte-bureau-2026" },
  firm: { email: "firm@ponte.demo", password: "Ponte-firm-2026" },
  buyer: { email: "buyer@ponte.demo", password: "Ponte-buyer-2026" },
};
const secondFirm = { email: `meetings-firm-${stamp}@example.test`, company: `中山市小榄洽谈测试${stamp}有限公司`, password: "Ponte-meetings-e2e-2026", firmId: "" };

let buyer: Page;
let firm: Page;
/** The ids of the two delegation firms the buyer asks: the demo firm (it accepts) and the second one. */
let demoFirmId = "";
let feedUrl = "";
let firstUid = "";
let firstSequence = 0;

beforeAll(async () => {
  browser = await launchBrowser();
  bureau = await signedIn("en", accounts.bureau.email, accounts.bureau.password, "bureau");
});
afterAll(async () => {
  await browser?.close();
});

type FeedEvent = { uid: string; sequence: number; status: string; tzid: string | null; start: DateTime; summary: string };
/** The feed as a calendar app reads it: ical.js, with the VTIMEZONE the file carries. */
async function readFeed(url: string): Promise<{ events: FeedEvent[]; zones: string[] }> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const zones = calendar.getAllSubcomponents("vtimezone").map((zone) => String(zone.getFirstPropertyValue("tzid")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue("status") ?? ""),
      tzid: (vevent.getFirstProperty("dtstart")?.getParameter("tzid") as string | undefined) ?? null,
      start: DateTime.fromJSDate(event.startDate.toJSDate()),
      summary: event.summary,
    };
  });
  return { events, zones };
}

describe("meetings at MIF, from the registration to the report", () => {
  it("lets the bureau make an MIF edition running now, with the demo firm and a new firm in its delegation", { timeout: 240_000 }, async () => {
    // A second firm registers (Chinese), adds a product and is verified by the bureau.
    const firmContext = await context({ acceptLanguage: "zh-CN,zh;q=0.9" });
    contexts.push(firmContext);
    const newFirm = await firmContext.newPage();
    await newFirm.goto(`/${ZH}/register`);
    await newFirm.getByLabel("中山出口企业").check();
    await newFirm.getByLabel("公司名称").fill(secondFirm.company);
    await newFirm.getByLabel("统一社会信用代码").fill(withUsccCheck(`91442009${stamp}X`));
    await newFirm.getByLabel("镇街").selectOption({ label: "小榄" });
    await newFirm.getByLabel("您的姓名").fill("林测试");
    await newFirm.getByLabel("电子邮箱").fill(secondFirm.email);
    await newFirm.getByLabel("密码", { exact: true }).fill(secondFirm.password);
    await newFirm.getByLabel("再次输入密码").fill(secondFirm.password);
    await newFirm.getByLabel("我已阅读隐私声明", { exact: false }).check();
    await newFirm.getByRole("button", { name: "创建账号" }).click();
    await newFirm.waitForURL(`**/${ZH}/account?welcome=1`);
    await newFirm.goto(`/${ZH}/catalog`);
    await newFirm.waitForURL(new RegExp(`/${ZH}/catalog/firms/[^/]+$`));
    secondFirm.firmId = new URL(newFirm.url()).pathname.split("/").pop() ?? "";
    await newFirm.goto(`/${ZH}/catalog/firms/${secondFirm.firmId}/products/new`);
    await newFirm.getByLabel("产品类型").selectOption({ index: 5 });
    await newFirm.getByLabel("在公开企业名录中显示此产品").check();
    await newFirm.getByRole("button", { name: "创建产品" }).click();
    await newFirm.waitForURL(new RegExp(`/${ZH}/catalog/products/[^/?]+\\?created=1$`));
    await bureau.goto(`/en/bureau/verification/${secondFirm.firmId}`);
    await bureau.getByRole("button", { name: "Verify and publish" }).click();
    await bureau.getByText("The firm is verified and its profile and products are now public.").waitFor();

    // The edition (yesterday to tomorrow in Macao) and its call, open until the day after tomorrow.
    await bureau.goto("/en/bureau/fairs/new");
    await bureau.getByLabel("Address (slug)").fill(edition.slug);
    const series = bureau.getByLabel("Fair", { exact: true });
    await series.selectOption((await series.locator("option", { hasText: /^MIF · / }).getAttribute("value")) ?? "");
    await bureau.getByLabel("Short name").fill(edition.shortName);
    await bureau.getByLabel("Name (中文)").fill(edition.nameZh);
    await bureau.getByLabel("Name (English)").fill(edition.nameEn);
    await bureau.getByLabel("City (中文)").fill("澳门");
    await bureau.getByLabel("City (English)").fill("Macao");
    await bureau.getByLabel("First day").fill(edition.startsOn);
    await bureau.getByLabel("Last day").fill(edition.endsOn);
    await bureau.getByRole("button", { name: "Create the edition" }).click();
    await bureau.waitForURL(`**/en/bureau/fairs/${edition.slug}?saved=1`);
    await bureau.goto(`/en/bureau/fairs/${edition.slug}/call`);
    await bureau.getByText("This edition has no delegation call yet.").waitFor();
    await bureau.getByLabel("Application deadline").fill(today.plus({ days: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"));
    await bureau.getByLabel("Places in the delegation (quota)").fill("2");
    await bureau.getByRole("button", { name: "Create the call (draft)" }).click();
    await bureau.getByText("The call has been saved.").waitFor();
    await bureau.getByRole("button", { name: "Open for applications" }).click();
    await bureau.getByText("The call has moved on.").waitFor();

    // Both firms apply, in Chinese.
    firm = await signedIn(ZH, accounts.firm.email, accounts.firm.password);
    const applications: string[] = [];
    for (const page of [firm, newFirm]) {
      await page.goto(`/${ZH}/delegations`);
      const link = page.locator("li.card", { hasText: stamp }).locator('a[href*="/delegations/calls/"]').first();
      await page.goto((await link.getAttribute("href")) ?? "");
      await page.getByLabel("展位类型").selectOption({ index: 1 });
      await page.locator("fieldset", { has: page.getByText("参展产品", { exact: true }) }).getByRole("checkbox").first().check();
      await page.getByLabel("参展人员").fill("李娜，外贸经理");
      await page.getByRole("button", { name: "提交申请" }).click();
      await page.waitForURL(/\/delegations\/applications\/[^/?]+\?applied=1$/);
      applications.push(new URL(page.url()).pathname.split("/").pop() ?? "");
    }

    // The bureau closes the call and approves both.
    await bureau.goto(`/en/bureau/fairs/${edition.slug}/call`);
    await bureau.getByRole("button", { name: "Close applications" }).click();
    await bureau.getByText("The call has moved on.").waitFor();
    await bureau.goto(`/en/bureau/fairs/${edition.slug}/applications`);
    for (const applicationId of applications) {
      const row = bureau.locator(`tr[data-application="${applicationId}"]`);
      const form = row.locator("form.decision-form");
      await form.getByLabel("Decision").selectOption({ label: "Approve" });
      await form.getByRole("button", { name: "Record the decision" }).click();
      await expect.poll(() => row.locator("td").nth(3).textContent(), { timeout: 30_000 }).toContain("Approved");
    }
    expect(await bureau.textContent("main")).toContain("2 of 2 places given.");
  });

  it("lets a buyer in Portuguese register remotely from São Paulo and ask to meet two firms", async () => {
    buyer = await signedIn(PT, accounts.buyer.email, accounts.buyer.password);
    await buyer.goto(`/${PT}/meetings`);
    await buyer.locator("li.card", { hasText: stamp }).getByRole("link").click();
    await buyer.waitForURL(`**/${PT}/meetings/${edition.slug}/buyer`);
    await waitForHydration(buyer);
    await buyer.getByRole("heading", { name: "Inscrever-se para reuniões" }).waitFor();
    const registration = buyer.locator("#meeting-registration");
    await registration.locator(`input[name="days"][value="${meetingDay}"]`).check();
    await registration.getByLabel("Como se reúne").selectOption("REMOTE");
    await registration.getByLabel("O seu fuso horário").selectOption(BUYER_ZONE);
    await registration.getByLabel("Link de vídeo").fill("https://meet.example.com/ana-souza");
    await registration.locator('input[name="languages"][value="pt"]').check();
    await registration.getByRole("button", { name: "Inscrever-se" }).click();
    await buyer.getByText("A sua inscrição foi guardada.").waitFor();

    const firms = buyer.getByTestId("meeting-firms").locator("li[data-firm]");
    await firms.nth(1).waitFor();
    expect(await firms.count()).toBe(2);
    const ids = await firms.evaluateAll((items) => items.map((item) => item.getAttribute("data-firm") ?? ""));
    expect(ids).toContain(secondFirm.firmId);
    demoFirmId = ids.find((id) => id !== secondFirm.firmId) ?? "";
    for (const id of [demoFirmId, secondFirm.firmId]) {
      const card = buyer.locator(`li[data-firm="${id}"]`);
      await card.getByLabel("Mensagem curta (opcional)").fill("Procuramos candeeiros LED para o Brasil.");
      await card.getByRole("button", { name: "Pedir reunião" }).click();
      await buyer.getByText("O seu pedido foi enviado.").waitFor();
      await card.getByText("Pedido enviado, à espera de resposta").waitFor();
    }
    await expectAccessible(buyer);
  });

  it("lets the firm in Chinese accept the buyer's request", async () => {
    await firm.goto(`/${ZH}/meetings/${edition.slug}/firm`);
    await waitForHydration(firm);
    const requests = firm.getByTestId("meeting-requests").locator("li[data-buyer]");
    await requests.first().waitFor();
    expect(await requests.count()).toBe(1);
    await requests.first().getByText("Procuramos candeeiros LED para o Brasil.").waitFor();
    // What the firm reads of the buyer is in Chinese: the languages by name, the quantities' units too.
    const card = (await requests.first().textContent()) ?? "";
    expect(card).toContain("使用 葡萄牙语");
    expect(card).toContain("远程（视频通话）");
    expect(card).not.toMatch(/\b(pieces|units|sets)\b/);
    await requests.first().getByRole("button", { name: "接受" }).click();
    await firm.getByText("洽谈已约定。商务局排定展会日程后将列入日程。").waitFor();
    await requests.first().getByText("已约定").waitFor();
  });

  let meetingId = "";
  let placedAt = "";
  it("lets the bureau set the grid, run the scheduler and publish", async () => {
    await bureau.goto(`/en/bureau/meetings/${edition.slug}`);
    await waitForHydration(bureau);
    const grid = bureau.locator("#meeting-grid");
    for (const box of await grid.locator('input[name="days"]').all()) {
      if ((await box.getAttribute("value")) === meetingDay) await box.check();
      else await box.uncheck();
    }
    await grid.getByLabel("First meeting from (HH:MM)").fill("19:00");
    await grid.getByLabel("Last meeting ends by (HH:MM)").fill("21:00");
    await grid.getByLabel("Breaks").fill("");
    await grid.getByLabel("Slot length (minutes)").fill("30");
    await grid.getByLabel("Tables").fill("4");
    await grid.getByLabel("Interpreter pool").fill("Ana Lopes; pt zh; 09:00-22:00");
    await grid.getByRole("button", { name: "Save grid" }).click();
    await bureau.getByText("The grid is saved.").waitFor();

    await bureau.getByRole("button", { name: "Run the scheduler" }).click();
    await bureau.getByText("The scheduler has run. Check the result, then publish.").waitFor();
    await bureau.getByRole("heading", { name: "1 meeting placed" }).waitFor();
    const row = bureau.locator("tr[data-meeting]");
    meetingId = (await row.getAttribute("data-meeting")) ?? "";
    placedAt = ((await row.locator("td").first().textContent()) ?? "").trim();
    expect(placedAt).toMatch(new RegExp(`^${meetingDay} (19:00|19:30|20:00|20:30)$`));
    expect(await row.textContent()).toContain("Remote");
    await bureau.getByRole("button", { name: "Publish the schedule" }).click();
    await bureau.getByText("The schedule is published; participants are told.").waitFor();
    await bureau.getByText("Published", { exact: true }).waitFor();
  });

  it("shows the meeting in the buyer's agenda in Portuguese, in Macao's time and São Paulo's", async () => {
    const start = slot(placedAt.slice(-5));
    const end = start.plus({ minutes: 30 });
    await buyer.goto(`/${PT}/meetings/${edition.slug}/buyer/agenda`);
    await waitForHydration(buyer);
    await buyer.getByRole("heading", { name: /^As minhas reuniões na / }).waitFor();
    const agenda = buyer.getByTestId("agenda");
    expect(await agenda.locator("thead").textContent()).toContain(`Hora / 时间 (${FAIR_ZONE})`);
    const cells = await agenda.locator("tbody tr").first().locator("td").allTextContents();
    expect(cells[0]).toBe(start.setLocale("pt").toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" }));
    expect(cells[1]).toBe(`${start.toFormat("HH:mm")}–${end.toFormat("HH:mm")}`);
    const own = start.setZone(BUYER_ZONE);
    // 19:00 in Macao is 08:00 in São Paulo (UTC−3, no summer time since 2019): the morning, the same calendar day.
    expect(own.hour).toBe(start.hour - 11);
    expect(cells[2]).toContain(`${own.toFormat("HH:mm")}–${own.plus({ minutes: 30 }).toFormat("HH:mm")} (America/Sao Paulo)`);
    expect(cells[4]).toContain("Videochamada");
    expect(cells[4]).toContain("https://meet.example.com/ana-souza");
    await expectAccessible(buyer);
  });

  it("shows the meeting in the firm's agenda in Chinese, in Macao's time", async () => {
    const start = slot(placedAt.slice(-5));
    await firm.goto(`/${ZH}/meetings/${edition.slug}/firm/agenda`);
    await waitForHydration(firm);
    await firm.getByRole("heading", { name: /^我在.*的洽谈$/ }).waitFor();
    const agenda = firm.getByTestId("agenda");
    expect(await agenda.locator("thead").textContent()).toContain(`时间 (${FAIR_ZONE})`);
    const cells = await agenda.locator("tbody tr").first().locator("td").allTextContents();
    expect(cells[0]).toBe(start.setLocale("zh-CN").toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" }));
    expect(cells[1]).toBe(`${start.toFormat("HH:mm")}–${start.plus({ minutes: 30 }).toFormat("HH:mm")}`);
    expect(cells[2]).toBe("");
    expect(cells[4]).toContain("视频通话");
    await expectAccessible(firm);
  });

  it("gives the buyer a calendar feed that keeps the meeting's UID when the bureau moves it", async () => {
    await buyer.getByRole("button", { name: "Criar um endereço de subscrição" }).click();
    const input = buyer.getByTestId("feed-url");
    await input.waitFor();
    feedUrl = await input.inputValue();
    expect(feedUrl).toMatch(/\/feeds\/meetings\/[A-Za-z0-9_-]{43}\.ics$/);

    const before = await readFeed(feedUrl);
    expect(before.zones).toEqual([FAIR_ZONE]);
    expect(before.events).toHaveLength(1);
    const [event] = before.events;
    expect(event.tzid).toBe(FAIR_ZONE);
    expect(event.summary).toMatch(/^Reunião com /);
    expect(event.start.toMillis()).toBe(slot(placedAt.slice(-5)).toMillis());
    firstUid = event.uid;
    firstSequence = event.sequence;
    expect(firstUid).toMatch(/@meetings\.ponte$/);

    // The bureau moves the meeting to another slot of the same evening.
    const target = placedAt.endsWith("20:30") ? "19:00" : "20:30";
    await bureau.goto(`/en/bureau/meetings/${edition.slug}`);
    await waitForHydration(bureau);
    const row = bureau.locator(`tr[data-meeting="${meetingId}"]`);
    await row.locator('select[name="slotId"]').selectOption(`${meetingDay}T${target}`);
    await row.getByRole("button", { name: "Move and lock" }).click();
    await bureau.getByText("The meeting is moved and locked.").waitFor();
    await expect.poll(async () => ((await bureau.locator(`tr[data-meeting="${meetingId}"] td`).first().textContent()) ?? "").trim(), { timeout: 30_000 }).toBe(`${meetingDay} ${target}`);
    placedAt = `${meetingDay} ${target}`;

    const after = await readFeed(feedUrl);
    expect(after.events).toHaveLength(1);
    expect(after.events[0].uid).toBe(firstUid);
    expect(after.events[0].sequence).toBeGreaterThan(firstSequence);
    expect(after.events[0].status).not.toBe("CANCELLED");
    expect(after.events[0].tzid).toBe(FAIR_ZONE);
    expect(after.events[0].start.toMillis()).toBe(slot(target).toMillis());

    // Both sides are told by mail, each in their language (only when the test's own server runs, with its SMTP server).
    if (inject("smtpMailDir")) {
      const toBuyer = await waitForMail((mail) => sentTo(mail, accounts.buyer.email) && (mail.subject ?? "").includes(stamp) && (mail.subject ?? "").includes("mudaram"), 60_000);
      expect(toBuyer.text).toContain("Veja a sua agenda no Ponte");
      const toFirm = await waitForMail((mail) => sentTo(mail, accounts.firm.email) && (mail.subject ?? "").includes(stamp) && (mail.subject ?? "").includes("有变动"), 60_000);
      expect(toFirm.subject).toContain(edition.nameZh);
    }

    // The agenda page shows the new time too.
    await buyer.goto(`/${PT}/meetings/${edition.slug}/buyer/agenda`);
    const own = slot(target).setZone(BUYER_ZONE);
    expect(await buyer.getByTestId("agenda").locator("tbody tr").first().textContent()).toContain(`${own.toFormat("HH:mm")}–${own.plus({ minutes: 30 }).toFormat("HH:mm")}`);
  });

  it("lets the firm record the outcome, and the bureau's report counts it", async () => {
    await firm.goto(`/${ZH}/meetings/${edition.slug}/firm/outcomes`);
    await waitForHydration(firm);
    const form = firm.locator("form[data-outcome]");
    await form.getByLabel("洽谈是否举行？").selectOption("HELD");
    await form.getByLabel("意向", { exact: true }).selectOption("HIGH");
    await form.getByLabel("意向订单金额（美元）").fill("25000");
    await form.getByLabel("备注").fill("客户需要巴西 INMETRO 认证的样品。");
    await form.getByRole("button", { name: "保存结果" }).click();
    await firm.getByText("结果已保存。").waitFor();
    await firm.getByText("已登记：已举行").waitFor();

    await bureau.goto(`/en/bureau/meetings/${edition.slug}/report`);
    await waitForHydration(bureau);
    const totals = bureau.locator('table[data-table="totals"]');
    const figure = (name: string) => totals.locator(`tr[data-figure="${name}"] td`).first();
    expect(await figure("held").getAttribute("data-value")).toBe("1");
    expect((await figure("held").textContent())?.trim()).toBe("1");
    expect(await figure("scheduled").getAttribute("data-value")).toBe("1");
    expect(await figure("requested").getAttribute("data-value")).toBe("2");
    expect(await figure("intendedUsd").getAttribute("data-value")).toBe("25000");
    expect(await figure("noShows").getAttribute("data-value")).toBe("0");
    await expectAccessible(bureau);
  });

  it("threw no error in any page once React took over", () => {
    expect(pageErrors.flat()).toEqual([]);
  });
});
