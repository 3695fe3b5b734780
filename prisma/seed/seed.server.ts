/**
 * Seeding: reference data (towns, clusters, certifications, fairs) and the
 * demo data set at a chosen scale. `npm start` seeds the small set into an
 * empty database; `npm run cli -- seed --scale large` replaces the demo data.
 */
import { currentDatabase, prisma, type Prisma } from "~/utils/db.server";
import { withAdvisoryLock } from "~/utils/migrate.server";
import { hashPassword } from "~/utils/password.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { log } from "~/utils/logger.server";
import { certifications, fairSeries, fairs, towns } from "./reference";
import { seedDemoDelegations } from "./delegations";
import { aliasSeeds } from "./aliases";
import { installAliasSeeds } from "~/modules/reference/aliases.server";
import { buyerSeed, demoAccounts, firmSeed, productSeed, requestSeed, scales, type Scale, type ScaleName } from "./demo";

const BATCH = 1000;

export async function seedReference() {
  // A town or cluster the bureau removed stays removed (issue 14).
  const retired = new Set((await prisma.referenceRetirement.findMany({ select: { kind: true, code: true } })).map((row) => `${row.kind}:${row.code}`));
  for (const [position, town] of towns.entries()) {
    const saved = retired.has(`town:${town.slug}`)
      ? null
      : await prisma.town.upsert({
          where: { slug: town.slug },
          create: { slug: town.slug, name: authoredJson(town.name), position, designation: town.designation ?? null, specialty: town.specialty ? authoredJson(town.specialty) : {} },
          update: {},
          select: { id: true },
        });
    if (!town.cluster || retired.has(`cluster:${town.cluster.slug}`)) continue;
    await prisma.cluster.upsert({
      where: { slug: town.cluster.slug },
      create: {
        slug: town.cluster.slug,
        name: authoredJson(town.cluster.name),
        townId: saved?.id ?? null,
        hsHeadings: town.cluster.hsHeadings,
        position,
      },
      update: {},
    });
  }
  await prisma.certification.createMany({
    data: certifications.map((certification) => ({
      code: certification.code,
      name: authoredJson(certification.name),
      markets: certification.markets,
      validityMonths: certification.validityMonths ?? null,
    })),
    skipDuplicates: true,
  });
  await installAliasSeeds(aliasSeeds);
  for (const [position, series] of fairSeries.entries()) {
    await prisma.fairSeries.upsert({
      where: { slug: series.slug },
      create: {
        slug: series.slug,
        shortName: series.shortName,
        name: authoredJson(series.name),
        organiser: authoredJson(series.organiser),
        website: series.website ?? null,
        timeZone: series.timeZone,
        markets: series.markets,
        position,
      },
      update: {},
    });
  }
  const seriesIds = new Map((await prisma.fairSeries.findMany({ select: { id: true, slug: true } })).map((series) => [series.slug, series.id]));
  for (const fair of fairs) {
    const edition = await prisma.fairEdition.upsert({
      where: { slug: fair.slug },
      create: {
        slug: fair.slug,
        seriesId: seriesIds.get(fair.series) ?? null,
        shortName: fair.shortName,
        name: authoredJson(fair.name),
        city: authoredJson(fair.city),
        venue: authoredJson(fair.venue),
        startsOn: new Date(`${fair.startsOn}T00:00:00Z`),
        endsOn: new Date(`${fair.endsOn}T00:00:00Z`),
        timeZone: fair.timeZone ?? "Asia/Macau",
        online: fair.online ?? false,
        website: fair.website ?? null,
      },
      // Editions from before fairs had series get theirs; nothing the bureau edited is overwritten.
      update: {},
      select: { id: true, seriesId: true },
    });
    if (!edition.seriesId && seriesIds.has(fair.series)) await prisma.fairEdition.update({ where: { id: edition.id }, data: { seriesId: seriesIds.get(fair.series) } });
    for (const phase of fair.phases ?? []) {
      await prisma.fairPhase.upsert({
        where: { editionId_number: { editionId: edition.id, number: phase.number } },
        create: {
          editionId: edition.id,
          number: phase.number,
          startsOn: new Date(`${phase.startsOn}T00:00:00Z`),
          endsOn: new Date(`${phase.endsOn}T00:00:00Z`),
          categories: phase.categories.map((category) => authoredJson(category)),
        },
        update: {},
      });
    }
  }
}

function authoredJson(values: Record<string, string>): Prisma.InputJsonValue {
  return Object.fromEntries(Object.entries(values).map(([locale, text]) => [locale, { text, origin: "author" }]));
}

async function inBatches(total: number, write: (from: number, to: number) => Promise<void>) {
  for (let from = 0; from < total; from += BATCH) await write(from, Math.min(total, from + BATCH));
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Removes the previous demo data set (ids starting with "seed-"); other records stay. */
async function removeDemoData() {
  await prisma.user.updateMany({ where: { firmId: { startsWith: "seed-" } }, data: { firmId: null } });
  await prisma.user.updateMany({ where: { buyerCompanyId: { startsWith: "seed-" } }, data: { buyerCompanyId: null } });
  await prisma.sourcingRequest.deleteMany({ where: { id: { startsWith: "seed-" } } });
  await prisma.product.deleteMany({ where: { id: { startsWith: "seed-" } } });
  await prisma.buyerCompany.deleteMany({ where: { id: { startsWith: "seed-" } } });
  await prisma.firm.deleteMany({ where: { id: { startsWith: "seed-" } } });
  await prisma.delegationCall.deleteMany({ where: { id: { startsWith: "seed-" } } });
}

export async function seedDemo(scale: Scale, today = new Date()) {
  const started = Date.now();
  await seedReference();
  await removeDemoData();
  const townIds = new Map((await prisma.town.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  const clusterIds = new Map((await prisma.cluster.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  const verifiedAt = new Date(today.getTime() - 30 * 86_400_000);

  await inBatches(scale.firms, async (from, to) => {
    await prisma.firm.createMany({
      data: range(from, to).map((index) => {
        const { index: _i, townSlug, clusterSlug, brandPinyin: _b, ...firm } = firmSeed(index);
        return {
          ...firm,
          townId: townIds.get(townSlug) ?? null,
          clusterId: clusterIds.get(clusterSlug) ?? null,
          verifiedAt: firm.verification === "VERIFIED" ? verifiedAt : null,
        };
      }),
    });
  });
  await inBatches(scale.products, async (from, to) => {
    await prisma.product.createMany({
      data: range(from, to).map((index) => productSeed(index, scale) as Prisma.ProductCreateManyInput),
    });
  });
  await inBatches(scale.buyers, async (from, to) => {
    await prisma.buyerCompany.createMany({
      data: range(from, to).map((index) => {
        const { locale: _locale, ...buyer } = buyerSeed(index);
        return buyer;
      }),
    });
  });
  await inBatches(scale.requests, async (from, to) => {
    await prisma.sourcingRequest.createMany({
      data: range(from, to).map((index) => requestSeed(index, scale, today) as Prisma.SourcingRequestCreateManyInput),
    });
  });

  for (const account of demoAccounts) {
    const firmId = "firmIndex" in account ? firmSeed(account.firmIndex).id : null;
    const buyerCompanyId = "buyerIndex" in account ? buyerSeed(account.buyerIndex).id : null;
    const passwordHash = await hashPassword(account.password);
    await prisma.user.upsert({
      where: { email: account.email },
      create: { email: account.email, displayName: account.displayName, role: account.role, locale: account.locale, passwordHash, firmId, buyerCompanyId },
      update: { firmId, buyerCompanyId, role: account.role, status: "ACTIVE" },
    });
  }
  await seedDemoDelegations(today);
  await recordAudit(prisma, {
    actorId: null,
    actorLabel: "seed",
    entityType: "system",
    entityId: "demo-data",
    action: "seed",
    changes: { ...scale },
  });
  log.info("demo data seeded", { ...scale, ms: Date.now() - started });
}

export function scaleFor(name: string): Scale {
  if (!(name in scales)) throw new Error(`Unknown scale "${name}"; use ${Object.keys(scales).join(", ")}.`);
  return scales[name as ScaleName];
}

// Held while an empty database is checked and seeded (the migrations hold their own).
const SEED_LOCK_ID = 72707370;

/**
 * First start: an empty database gets the reference data and the small demo
 * set. Under an advisory lock, so that instances starting together on one
 * empty PostgreSQL seed it once: the others wait, then find it seeded.
 */
/**
 * Towns, clusters, certifications and fairs are platform data, not demo data
 * (issue 14): installed at every start, after the migrations, under a lock of
 * their own so instances starting together don't race. Rows are only added,
 * never updated, so what the bureau edited stays as it is.
 */
const REFERENCE_LOCK_ID = 72707371;

export async function installReferenceData() {
  await withAdvisoryLock(currentDatabase().sql, REFERENCE_LOCK_ID, () => seedReference());
}

export async function seedIfEmpty() {
  return withAdvisoryLock(currentDatabase().sql, SEED_LOCK_ID, async () => {
    // Reference data is there from the start; an empty database is one without firms or accounts.
    const [firms, users] = await Promise.all([prisma.firm.count(), prisma.user.count()]);
    if (firms > 0 || users > 0) return false;
    log.info("empty database: seeding the small demo data set");
    await seedDemo(scales.small);
    return true;
  });
}
