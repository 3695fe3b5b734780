import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { createUser } from "../support/factories";
import { createSupplier } from "../support/inquiry-factories";

/** The public fair pages (issue 9): editions coming and past, one edition, its delegation once published. */
let server: TestServer;
const get = (path: string) => new TestClient(server.url).get(path);

beforeAll(async () => {
  await seedReference();
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("public fair pages", () => {
  it("list coming and past editions in the reader's language", async () => {
    const day = (offset: number) => new Date(`${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
    const edition = (slug: string, pt: string, from: number) => ({
      slug,
      shortName: slug,
      name: { pt: { text: pt, origin: "author" }, "zh-CN": { text: `${pt}（中文）`, origin: "author" } },
      city: { pt: { text: "Macau", origin: "author" } },
      startsOn: day(from),
      endsOn: day(from + 3),
    });
    await prisma.fairEdition.createMany({ data: [edition("test-coming", "Feira que vem", 30), edition("test-past", "Feira que passou", -40)] });
    const pt = await get("/pt-PT/fairs");
    expect(pt.status).toBe(200);
    const html = await pt.text();
    expect(html).toContain("Próximas edições");
    const coming = html.slice(html.indexOf("Próximas edições"), html.indexOf("Edições anteriores"));
    const past = html.slice(html.indexOf("Edições anteriores"));
    expect(coming).toContain("Feira que vem");
    expect(past).toContain("Feira que passou");
    expect(coming).not.toContain("Feira que passou");
    expect(html).toContain('hrefLang="zh-Hant"');
    const zh = await (await get("/zh-CN/fairs")).text();
    expect(zh).toContain("第32届澳门国际贸易投资展览会");
    expect(zh).toContain("Feira que vem（中文）");
  });

  it("show one edition with its phases and time zone, and its delegation only once the roster is published", async () => {
    const page = await get("/en/fairs/canton-fair-141");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Phase 3");
    expect(html).toContain("Asia/Shanghai");
    expect(html).toContain("has not published the delegation");
    expect((await get("/en/fairs/no-such-fair")).status).toBe(404);

    const supplier = await createSupplier();
    await prisma.product.updateMany({ where: { firmId: supplier.firm.id }, data: { published: true } });
    const edition = await prisma.fairEdition.findUniqueOrThrow({ where: { slug: "mif-2027" } });
    const staff = await createUser("BUREAU_STAFF");
    const call = await prisma.delegationCall.create({
      data: { editionId: edition.id, status: "SELECTED", opensAt: new Date("2027-01-01"), deadline: new Date("2027-06-30"), quota: 10, createdById: staff.id },
    });
    await prisma.delegationApplication.create({
      data: { callId: call.id, firmId: supplier.firm.id, status: "APPROVED", boothTypeCode: "STD", booth: "A12", productIds: [supplier.products[0].id] },
    });
    const productName = (supplier.products[0].name as Record<string, { text: string }>)["zh-CN"].text;
    expect(await (await get("/zh-CN/fairs/mif-2027")).text()).not.toContain(productName);
    await prisma.delegationCall.update({ where: { id: call.id }, data: { status: "ROSTER_PUBLISHED", rosterPublishedAt: new Date() } });
    const published = await (await get("/zh-CN/fairs/mif-2027")).text();
    expect(published).toContain(`/zh-CN/firms/${supplier.firm.slug}`);
    expect(published).toContain("展位 A12");
    expect(published).toContain(productName);
  });

  it("are in the sitemap in every locale", async () => {
    const xml = await (await get("/sitemap.xml")).text();
    for (const lang of ["zh-CN", "zh-Hant", "en", "pt-BR", "pt-PT"]) {
      expect(xml).toContain(`<loc>${server.url}/${lang}/fairs</loc>`);
      expect(xml).toContain(`<loc>${server.url}/${lang}/fairs/mif-2027</loc>`);
    }
  });
});
