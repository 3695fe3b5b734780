import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { zhongshanDay } from "~/utils/time-zone";
import { ensureIndexes } from "~/modules/search/reindex.server";
import { drainSearchOutboxFully } from "~/modules/search/sync.server";
import { searchFirms, searchProducts } from "~/modules/search/queries.server";
import { parseFirmSearch, parseProductSearch } from "~/modules/search/search-params";
import { runCertificateWatch, CERTIFICATE_WATCH_JOB } from "~/modules/reference/certificate-watch.server";
import { setCertificationRules } from "~/modules/reference/reference-lifecycle.server";
import { addMonthsLessOneDay } from "~/modules/reference/certificate-validity";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser } from "../support/factories";
import { createSupplier } from "../support/inquiry-factories";

/**
 * Issue 14 item 1: a certificate whose last valid day comes only from its
 * certification's validity months leaves the facets and filters the day it
 * ends (the daily certificate watch finds it, as it finds stated ends), and
 * a change of a certification's rules on the reference page sends the
 * firms that list it, and their products, back to the index.
 */
const DAY = 86_400_000;
const today = zhongshanDay();
const dayFrom = (days: number) => zhongshanDay(new Date(Date.now() + days * DAY));
/** The first valid day from which `months` of validity end on `lastDay`. */
function firstDayEndingOn(lastDay: string, months: number): string {
  const [year, month, day] = lastDay.split("-").map(Number);
  for (let back = -3; back <= 3; back++) {
    const candidate = new Date(Date.UTC(year, month - 1 - months, day + back)).toISOString().slice(0, 10);
    if (addMonthsLessOneDay(candidate, months) === lastDay) return candidate;
  }
  throw new Error(`no first day ends on ${lastDay}`);
}

async function hits(kind: "products" | "firms", cert: string): Promise<string[]> {
  const query = new URLSearchParams({ cert });
  const parsed = kind === "products" ? parseProductSearch(query) : parseFirmSearch(query);
  if (!parsed.ok) throw new Error("bad query");
  const options = { locale: "en" as const, viewer: null };
  const result = kind === "products" ? await searchProducts(parsed.input as never, options) : await searchFirms(parsed.input as never, options);
  return result.hits.map((hit) => (hit as { id: string }).id);
}

async function supplierWith(certifications: object[]) {
  const supplier = await createSupplier();
  await prisma.firm.update({ where: { id: supplier.firm.id }, data: { certifications } });
  await prisma.product.updateMany({ where: { firmId: supplier.firm.id }, data: { published: true, certifications: certifications.map((entry) => (entry as { code: string }).code) } });
  return { id: supplier.firm.id, productIds: supplier.products.map((product) => product.id) };
}

async function index(firms: { id: string; productIds: string[] }[]) {
  await prisma.searchOutbox.createMany({
    data: firms.flatMap((firm) => [{ entityType: "firm", entityId: firm.id }, ...firm.productIds.map((entityId) => ({ entityType: "product", entityId }))]),
  });
  await drainSearchOutboxFully();
}

async function pending(entityType: string): Promise<string[]> {
  return (await prisma.searchOutbox.findMany({ where: { entityType, status: "PENDING" }, select: { entityId: true } })).map((row) => row.entityId);
}

beforeAll(async () => {
  await seedReference();
  await ensureIndexes();
}, 180_000);

describe("the daily certificate watch and derived expiries", () => {
  it("re-indexes a firm whose certificate ended yesterday by its rule's months, and the facet value goes", async () => {
    // ISO 9001 holds 36 months (seeded rule). Indexed while it still held: the rule had no months then.
    const lapsed = await supplierWith([{ code: "ISO9001", validFrom: firstDayEndingOn(dayFrom(-1), 36) }]);
    const longAgo = await supplierWith([{ code: "ISO9001", validFrom: firstDayEndingOn(dayFrom(-30), 36) }]);
    await prisma.certification.update({ where: { code: "ISO9001" }, data: { validityMonths: null } });
    await index([lapsed, longAgo]);
    await prisma.certification.update({ where: { code: "ISO9001" }, data: { validityMonths: 36 } });
    expect(await hits("firms", "ISO9001")).toContain(lapsed.id);
    expect(await hits("products", "ISO9001")).toEqual(expect.arrayContaining(lapsed.productIds));

    await prisma.dailyJobRun.deleteMany({ where: { job: CERTIFICATE_WATCH_JOB } });
    await prisma.dailyJobRun.create({ data: { job: CERTIFICATE_WATCH_JOB, day: dayFrom(-2), finishedAt: new Date() } });
    const report = await runCertificateWatch();
    expect(report).toMatchObject({ ran: true, day: today });
    expect(await pending("firm")).toContain(lapsed.id);
    expect(await pending("firm")).not.toContain(longAgo.id);
    expect(await pending("product")).toEqual(expect.arrayContaining(lapsed.productIds));
    await drainSearchOutboxFully();
    expect(await hits("firms", "ISO9001")).not.toContain(lapsed.id);
    for (const id of lapsed.productIds) expect(await hits("products", "ISO9001")).not.toContain(id);
  }, 120_000);

  it("finds, on the day its clock says, a certificate whose derived last day was the day before", async () => {
    const endsToday = await supplierWith([{ code: "ISO9001", validFrom: firstDayEndingOn(today, 36) }]);
    await drainSearchOutboxFully();
    await prisma.dailyJobRun.deleteMany({ where: { job: CERTIFICATE_WATCH_JOB } });
    await prisma.dailyJobRun.create({ data: { job: CERTIFICATE_WATCH_JOB, day: dayFrom(-1), finishedAt: new Date() } });
    // Today it still holds (its last valid day): today's run leaves it.
    expect(await runCertificateWatch()).toMatchObject({ ran: true, day: today });
    expect(await pending("firm")).not.toContain(endsToday.id);
    // Tomorrow's run (its `now`) finds it.
    const tomorrow = await runCertificateWatch(new Date(Date.now() + DAY));
    expect(tomorrow).toMatchObject({ ran: true, day: dayFrom(1) });
    expect(await pending("firm")).toContain(endsToday.id);
    await drainSearchOutboxFully();
  }, 120_000);
});

describe("a change of a certification's rules on the reference page", () => {
  it("sends the firms that list it and their products back to the index, so facets follow", async () => {
    const bureau = await createUser("BUREAU_STAFF");
    const holder = await supplierWith([{ code: "RoHS", validFrom: "2020-01-01" }]);
    const other = await supplierWith([{ code: "UL", validUntil: "2031-01-01" }]);
    await index([holder, other]);
    expect(await hits("firms", "RoHS")).toContain(holder.id);

    // Reminder days only: nothing searchable changes.
    expect(await setCertificationRules({ id: "RoHS", markets: "EU", reminderDays: "30" }, { id: bureau.id })).toEqual(["reminderDays"]);
    expect(await pending("firm")).not.toContain(holder.id);

    // Two years from the first day: the 2020 certificate no longer holds.
    const changed = await setCertificationRules({ id: "RoHS", markets: "EU", validityMonths: 24, reminderDays: "30" }, { id: bureau.id });
    expect(changed).toEqual(["validityMonths"]);
    expect(await pending("firm")).toContain(holder.id);
    expect(await pending("firm")).not.toContain(other.id);
    expect(await pending("product")).toEqual(expect.arrayContaining(holder.productIds));
    const audit = await prisma.auditEvent.findFirst({ where: { entityType: "certification", entityId: "RoHS" }, orderBy: { createdAt: "desc" } });
    expect(audit?.action).toBe("update");
    await drainSearchOutboxFully();
    expect(await hits("firms", "RoHS")).not.toContain(holder.id);
    for (const id of holder.productIds) expect(await hits("products", "RoHS")).not.toContain(id);

    // Requiring a stated last day instead: a certificate without one stops counting too.
    const undated = await supplierWith([{ code: "UL" }]);
    await index([undated]);
    expect(await hits("firms", "UL")).toEqual(expect.arrayContaining([undated.id, other.id]));
    await setCertificationRules({ id: "UL", markets: "US, CA", expiryRequired: "on" }, { id: bureau.id });
    await drainSearchOutboxFully();
    const ul = await hits("firms", "UL");
    expect(ul).toContain(other.id);
    expect(ul).not.toContain(undated.id);
  }, 120_000);
});
