import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { zhongshanDay } from "~/utils/time-zone";
import { ensureIndexes } from "~/modules/search/reindex.server";
import { drainSearchOutboxFully } from "~/modules/search/sync.server";
import { searchProducts, searchFirms } from "~/modules/search/queries.server";
import { parseFirmSearch, parseProductSearch } from "~/modules/search/search-params";
import { getFirmPage, getProductPage } from "~/modules/directory/directory.server";
import { runCertificateWatch, CERTIFICATE_WATCH_JOB } from "~/modules/reference/certificate-watch.server";
import { listNotifications } from "~/modules/notification/notification.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createFirm, createUser } from "../support/factories";

/**
 * Issue 14 item 4: an expired certificate is shown as expired and gives no
 * facet value, no filter hit and no match reason; firms are reminded 60 and
 * 15 days before a certificate ends, once each.
 */
const DAY = 86_400_000;
const today = zhongshanDay();
const dayFrom = (days: number) => zhongshanDay(new Date(Date.now() + days * DAY));
let firm: { id: string; slug: string };
let productId: string;
let memberId: string;

async function search(kind: "products" | "firms", query: string) {
  const parsed = kind === "products" ? parseProductSearch(new URLSearchParams(query)) : parseFirmSearch(new URLSearchParams(query));
  if (!parsed.ok) throw new Error("bad query");
  const options = { locale: "en" as const, viewer: null };
  return kind === "products" ? searchProducts(parsed.input as never, options) : searchFirms(parsed.input as never, options);
}

beforeAll(async () => {
  await seedReference();
  firm = await createFirm({ nameZh: "中山市古镇证书有效期测试灯饰有限公司" });
  await prisma.firm.update({
    where: { id: firm.id },
    data: {
      certifications: [
        { code: "CE", validUntil: "2024-05-31" },
        { code: "UL", validUntil: dayFrom(14) },
        { code: "RoHS", validUntil: dayFrom(45) },
      ],
    },
  });
  const product = await prisma.product.create({
    data: {
      slug: "certificate-test-ceiling-light",
      firmId: firm.id,
      hsCode: "940511",
      name: { "zh-CN": { text: "证书测试吸顶灯", origin: "author" }, en: { text: "Certificate test ceiling light", origin: "author" } },
      description: {},
      certifications: ["CE", "UL"],
    },
  });
  productId = product.id;
  memberId = (await createUser("FIRM_MEMBER", { firmId: firm.id, locale: "zh-CN" })).id;
  await ensureIndexes();
  await prisma.searchOutbox.createMany({ data: [{ entityType: "firm", entityId: firm.id }, { entityType: "product", entityId: productId }] });
  await drainSearchOutboxFully();
}, 180_000);

describe("expired certificates", () => {
  it("give no filter hit and no facet value, in products and firms", async () => {
    const words = "q=" + encodeURIComponent("Certificate test ceiling light");
    const withCe = await search("products", `${words}&cert=CE`);
    expect(withCe.hits.map((hit) => (hit as { id: string }).id)).not.toContain(productId);
    const withUl = await search("products", `${words}&cert=UL`);
    expect(withUl.hits.map((hit) => (hit as { id: string }).id)).toContain(productId);
    const all = await search("products", words);
    const certFacet = all.facets.cert?.map((value) => value.value) ?? [];
    expect(certFacet).toContain("UL");
    expect(certFacet).not.toContain("CE");

    const firms = await search("firms", `q=${encodeURIComponent("证书有效期测试")}&cert=CE`);
    expect(firms.hits.map((hit) => (hit as { id: string }).id)).not.toContain(firm.id);
    const firmsUl = await search("firms", `q=${encodeURIComponent("证书有效期测试")}&cert=UL`);
    expect(firmsUl.hits.map((hit) => (hit as { id: string }).id)).toContain(firm.id);
  });

  it("are shown as expired on the firm's page and the product's", async () => {
    const page = await getFirmPage(firm.slug, "en", null);
    const byCode = new Map(page!.certifications.map((row) => [row.code, row]));
    expect(byCode.get("CE")?.expired).toBe(true);
    expect(byCode.get("UL")?.expired).toBe(false);
    const product = await getProductPage(productId, "en", null);
    expect(product!.certifications.find((row) => row.code === "CE")?.expired).toBe(true);
    expect(product!.certifications.find((row) => row.code === "UL")?.expired).toBe(false);
  });
});

describe("the daily certificate watch", () => {
  it("reminds the firm's members once per certificate and threshold, in their language", async () => {
    await prisma.dailyJobRun.deleteMany({ where: { job: CERTIFICATE_WATCH_JOB } });
    const first = await runCertificateWatch();
    expect(first).toMatchObject({ ran: true, day: today });
    const reminders = await prisma.certificateReminder.findMany({ where: { firmId: firm.id }, orderBy: { code: "asc" } });
    expect(reminders.map((row) => [row.code, row.daysBefore])).toEqual([
      ["RoHS", 60],
      ["UL", 15],
    ]);
    const notices = await listNotifications(memberId, "zh-CN");
    const ul = notices.find((notice) => notice.title.includes("UL"));
    expect(ul?.title).toBe("中山市古镇证书有效期测试灯饰有限公司的UL证书将在14天后到期");
    expect(ul?.href).toBe(`/zh-CN/catalog/firms/${firm.id}`);
    const mails = await prisma.mailOutbox.findMany({ where: { userId: memberId } });
    expect(mails).toHaveLength(2);
    expect(mails.every((mail) => mail.locale === "zh-CN")).toBe(true);

    // The same day again: claimed already, nothing sent twice.
    expect((await runCertificateWatch()).ran).toBe(false);
    // The next day: the same thresholds are not reached again.
    const next = await runCertificateWatch(new Date(Date.now() + DAY));
    expect(next.ran).toBe(true);
    expect(await prisma.certificateReminder.count({ where: { firmId: firm.id } })).toBe(2);
    expect(await prisma.notification.count({ where: { userId: memberId, kind: "certificate.expiring" } })).toBe(2);
  });

  it("sends back to the index the firms whose certificates ran out since the last run", async () => {
    const other = await createFirm();
    await prisma.firm.update({ where: { id: other.id }, data: { certifications: [{ code: "CE", validUntil: dayFrom(-1) }] } });
    const untouched = await createFirm();
    await prisma.firm.update({ where: { id: untouched.id }, data: { certifications: [{ code: "CE", validUntil: dayFrom(-30) }] } });
    await drainSearchOutboxFully();
    await prisma.dailyJobRun.deleteMany({ where: { job: CERTIFICATE_WATCH_JOB } });
    await prisma.dailyJobRun.create({ data: { job: CERTIFICATE_WATCH_JOB, day: dayFrom(-2), finishedAt: new Date() } });
    const report = await runCertificateWatch();
    expect(report.ran).toBe(true);
    const queued = await prisma.searchOutbox.findMany({ where: { entityType: "firm", status: "PENDING" }, select: { entityId: true } });
    const ids = queued.map((row) => row.entityId);
    expect(ids).toContain(other.id);
    expect(ids).not.toContain(untouched.id);
  });
});
