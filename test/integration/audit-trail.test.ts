import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { installReferenceData } from "../../prisma/seed/seed.server";
import { createFirm, createUser } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Issue 14, item 5: the audit trail as the bureau reads it — actions named
 * in the reader's language, "field: before → after" with the fields' own
 * labels and values (country and town names, not codes), lists compared as
 * sets, times in Zhongshan's zone, filtered by firm and paged by cursor.
 */
let server: TestServer;
let client: TestClient;
let staff: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  server = await startTestServer();
  await installReferenceData();
  staff = await createUser("BUREAU_STAFF");
  client = new TestClient(server.url);
  await signIn(client, staff.email, staff.password);
}, 120_000);
afterAll(async () => {
  await server.close();
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ");

describe("the audit trail, as people read it", () => {
  it("names actions and fields in the reader's language, shows names instead of codes and ignores reordering", async () => {
    const firm = await createFirm();
    const [guzhen, xiaolan] = await Promise.all(["guzhen", "xiaolan"].map((slug) => prisma.town.findUniqueOrThrow({ where: { slug }, select: { id: true } })));
    await prisma.auditEvent.create({
      data: {
        actorId: staff.id,
        entityType: "firm",
        entityId: firm.id,
        action: "update-profile-by-bureau",
        createdAt: new Date("2026-03-01T20:30:00Z"),
        changes: {
          exportMarkets: { from: ["BR", "PT"], to: ["PT", "AO", "BR"] },
          languages: { from: ["zh", "en"], to: ["en", "zh"] },
          townId: { from: guzhen.id, to: xiaolan.id },
          employeesBand: { from: "1-49", to: "50-99" },
        },
      },
    });
    const pt = text(await (await client.get(`/pt-BR/bureau/audit?firm=${firm.id}`)).text());
    expect(pt).toContain("Perfil alterado pelo escritório");
    expect(pt).toContain("Mercados de exportação");
    expect(pt).toContain("adicionado: Angola");
    expect(pt).not.toContain("removido");
    // Reordered only: no line for the languages.
    expect(pt).not.toContain("Idiomas");
    expect(pt).toContain("Cidade especializada");
    expect(pt).toMatch(/Guzhen → .*Xiaolan/);
    expect(pt).toContain("50–99");
    // 20:30 UTC is 04:30 the next day in Zhongshan.
    expect(pt).toMatch(/2 de mar\.? de 2026,? 04:30/);

    const zh = text(await (await client.get(`/zh-CN/bureau/audit?firm=${firm.id}`)).text());
    expect(zh).toContain("资料由商务局修改");
    expect(zh).toContain("出口市场");
    expect(zh).toContain("新增：安哥拉");
    expect(zh).toMatch(/古镇 → .*小榄/);

    // The firm's review page shows the same readable history.
    const review = text(await (await client.get(`/en/bureau/verification/${firm.id}`)).text());
    expect(review).toContain("Profile changed by the bureau");
    expect(review).toContain("added: Angola");
  });

  it("filters by a firm (its credit code) with its products, and names unknown actions generically", async () => {
    const [mine, other] = await Promise.all([createFirm(), createFirm()]);
    const product = await prisma.product.create({ data: { firmId: mine.id, slug: `lamp-${mine.id}`, hsCode: "940511", name: { en: { text: "Audit lamp", origin: "author" } }, description: {} } });
    await prisma.auditEvent.createMany({
      data: [
        { actorId: staff.id, entityType: "product", entityId: product.id, action: "update-by-bureau", changes: { published: { from: false, to: true } } },
        { actorId: staff.id, entityType: "firm", entityId: mine.id, action: "brand-new-action", changes: {} },
        { actorId: staff.id, entityType: "firm", entityId: other.id, action: "update", changes: { phone: { from: "1", to: "other-firm-phone" } } },
      ],
    });
    const page = text(await (await client.get(`/en/bureau/audit?firm=${mine.uscc}`)).text());
    expect(page).toContain("Audit lamp");
    expect(page).toContain("Changed by the bureau");
    expect(page).toMatch(/Public no → .*yes/);
    expect(page).toContain("Changed (brand-new-action)");
    expect(page).not.toContain("other-firm-phone");
    // An unknown firm shows nothing, not everything.
    expect(text(await (await client.get("/en/bureau/audit?firm=NO-SUCH-FIRM")).text())).toContain("Nothing has been recorded yet.");
  });

  it("pages by cursor: a new event does not shift the older page, and the newer link leads back", async () => {
    const firm = await createFirm();
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ actorId: staff.id, entityType: "firm", entityId: firm.id, action: "update", changes: { website: { from: null, to: `https://site-${i}.example` } } })),
    });
    const first = await (await client.get(`/en/bureau/audit?firm=${firm.id}`)).text();
    expect(first).toContain("site-59.example");
    expect(first).not.toContain("site-9.example");
    const older = /href="[^"]*(\?[^"]*before=\d+[^"]*)"/.exec(first)?.[1].replaceAll("&amp;", "&");
    expect(older).toContain(`firm=${firm.id}`);
    // Something happens meanwhile: the next page is still the next ten.
    await prisma.auditEvent.create({ data: { actorId: staff.id, entityType: "firm", entityId: firm.id, action: "update", changes: { website: { from: null, to: "https://late.example" } } } });
    const second = await (await client.get(`/en/bureau/audit${older}`)).text();
    expect(second).toContain("site-9.example");
    expect(second).toContain("site-0.example");
    expect(second).not.toContain("site-10.example");
    expect(second).not.toContain("Older ›");
    const newer = /href="[^"]*(\?[^"]*after=\d+[^"]*)"/.exec(second)?.[1].replaceAll("&amp;", "&");
    const back = await (await client.get(`/en/bureau/audit${newer}`)).text();
    expect(back).toContain("site-10.example");
    expect(back).toContain("site-59.example");
    expect(back).not.toContain("site-9.example");
    expect(back).not.toContain("late.example");
    // Nonsense cursors are ignored.
    expect((await client.get(`/en/bureau/audit?before=abc&after=${"9".repeat(40)}`)).status).toBe(200);
  });
});
