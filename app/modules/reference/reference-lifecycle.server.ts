import { prisma, type Prisma } from "~/utils/db.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { recordAudit, diffFields } from "~/modules/audit/audit.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { asLocalizedText, mergeAuthored } from "~/modules/i18n-text/localized-text";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { isCountryCode } from "./countries.server";
import { loadReferenceNameIndexes } from "./aliases.server";
import { foldName } from "./names";
import { parseHsHeadings, parseMarkets, parseReminderDays, usageTotal, type ReferenceUsage, type TownDesignation } from "./reference-edit";

/**
 * Bureau → Reference data, the records themselves: towns and clusters added
 * and removed, a town's designation and specialty, a certification's rules.
 * A town or cluster still in use is never removed (nothing is orphaned);
 * one removed leaves a `ReferenceRetirement` row so the installer does not
 * bring a seeded one back. Every change is audited.
 */
type Actor = { id: string };
type Tx = Prisma.TransactionClient;
type Kind = "town" | "cluster";

const authored = (zh: string, en: string, pt?: string) => mergeAuthored({}, { "zh-CN": zh, en, pt: pt ?? "" }) as Prisma.InputJsonObject;

/** Refuses names and codes another town or cluster already has ("古镇" names one town only). */
async function assertNamesFree(tx: Tx, kind: Kind, slug: string, names: [field: string, text: string | undefined][]) {
  const taken = await (kind === "town" ? tx.town.count({ where: { slug } }) : tx.cluster.count({ where: { slug } }));
  if (taken) throw new DomainError("slugTaken", { status: 409, messageKey: "reference:errors.slugTaken", field: "slug", params: { slug } });
  const indexes = await loadReferenceNameIndexes(tx);
  for (const [field, text] of names) {
    if (!text || !foldName(text, kind)) continue;
    const owner = indexes[kind].match(text);
    if (owner) throw new DomainError("nameTaken", { status: 409, messageKey: "reference:errors.nameTaken", field, params: { name: text, owner: owner.label } });
  }
}

export interface AddTownInput {
  slug: string;
  nameZh: string;
  nameEn: string;
  namePt?: string;
  designation?: TownDesignation;
  designatedBy?: string;
}

export async function addTown(input: AddTownInput, actor: Actor): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await assertNamesFree(tx, "town", input.slug, [["nameZh", input.nameZh], ["nameEn", input.nameEn], ["namePt", input.namePt]]);
    const position = (await tx.town.aggregate({ _max: { position: true } }))._max.position ?? 0;
    const town = await tx.town.create({
      data: {
        slug: input.slug,
        name: authored(input.nameZh, input.nameEn, input.namePt),
        designation: input.designation ?? null,
        designatedBy: input.designatedBy || null,
        position: position + 1,
      },
      select: { id: true },
    });
    // A code removed before may come back: the bureau decided so.
    await tx.referenceRetirement.deleteMany({ where: { kind: "town", code: input.slug } });
    await recordAudit(tx, {
      actorId: actor.id,
      entityType: "town",
      entityId: town.id,
      action: "create",
      changes: { slug: input.slug, name: asLocalizedText(authored(input.nameZh, input.nameEn, input.namePt)), designation: input.designation ?? null },
    });
    return town.id;
  });
}

export interface AddClusterInput {
  slug: string;
  nameZh: string;
  nameEn: string;
  namePt?: string;
  townId?: string;
  hsHeadings?: string;
}

export async function addCluster(input: AddClusterInput, actor: Actor): Promise<string> {
  return prisma.$transaction(async (tx) => {
    if (input.townId && !(await tx.town.count({ where: { id: input.townId } }))) {
      throw new DomainError("townUnknown", { status: 400, messageKey: "reference:errors.townUnknown", field: "townId" });
    }
    await assertNamesFree(tx, "cluster", input.slug, [["nameZh", input.nameZh], ["nameEn", input.nameEn], ["namePt", input.namePt]]);
    const position = (await tx.cluster.aggregate({ _max: { position: true } }))._max.position ?? 0;
    const hsHeadings = input.hsHeadings ? parseHsHeadings(input.hsHeadings).headings : [];
    const name = authored(input.nameZh, input.nameEn, input.namePt);
    const cluster = await tx.cluster.create({
      data: { slug: input.slug, name, townId: input.townId || null, hsHeadings, position: position + 1 },
      select: { id: true },
    });
    await tx.referenceRetirement.deleteMany({ where: { kind: "cluster", code: input.slug } });
    await recordAudit(tx, {
      actorId: actor.id,
      entityType: "cluster",
      entityId: cluster.id,
      action: "create",
      changes: { slug: input.slug, name: asLocalizedText(name), townId: input.townId || null, hsHeadings },
    });
    return cluster.id;
  });
}

/** What uses a town or cluster: firms, its clusters, notices' targeting rules, delegation calls, firms' pending changes. */
export async function referenceUsage(kind: Kind, id: string, db: Tx | typeof prisma = prisma): Promise<ReferenceUsage> {
  if (kind === "town") {
    const [firms, clusters, pending, calls, notices] = await Promise.all([
      db.firm.count({ where: { townId: id } }),
      db.cluster.count({ where: { townId: id } }),
      db.firmPendingChange.count({ where: { townId: id } }),
      db.delegationCall.count({ where: { townIds: { has: id } } }),
      db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "PolicyNotice" WHERE jsonb_typeof("rules"->'townIds') = 'array' AND "rules"->'townIds' ? ${id}`,
    ]);
    return { firms, clusters, pending, calls, notices: Number(notices[0]?.count ?? 0) };
  }
  const slug = (await db.cluster.findUnique({ where: { id }, select: { slug: true } }))?.slug ?? "";
  const [firms, calls, notices] = await Promise.all([
    db.firm.count({ where: { clusterId: id } }),
    // A call names clusters for eligibility (ids) and for its score (slugs, "priority clusters").
    db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "DelegationCall" WHERE ${id} = ANY("clusterIds")
      OR (jsonb_typeof("scoringContext"->'priorityClusters') = 'array' AND "scoringContext"->'priorityClusters' ? ${slug})`,
    db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "PolicyNotice" WHERE jsonb_typeof("rules"->'clusterIds') = 'array' AND "rules"->'clusterIds' ? ${id}`,
  ]);
  return { firms, clusters: 0, pending: 0, calls: Number(calls[0]?.count ?? 0), notices: Number(notices[0]?.count ?? 0) };
}

/**
 * Removes an unused town or cluster, with its aliases. Refused (409), with
 * the count of what uses it, while anything does. Audited; remembered so
 * the installer does not bring it back.
 */
export async function removeReference(input: { kind: Kind; id: string }, actor: Actor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row =
      input.kind === "town"
        ? await tx.town.findUnique({ where: { id: input.id }, select: { slug: true, name: true } })
        : await tx.cluster.findUnique({ where: { id: input.id }, select: { slug: true, name: true } });
    if (!row) throw notFoundError();
    // Rows that would start using it meanwhile wait for this transaction.
    if (input.kind === "town") await tx.$executeRaw`SELECT 1 FROM "Town" WHERE "id" = ${input.id} FOR UPDATE`;
    else await tx.$executeRaw`SELECT 1 FROM "Cluster" WHERE "id" = ${input.id} FOR UPDATE`;
    const usage = await referenceUsage(input.kind, input.id, tx);
    const total = usageTotal(usage);
    if (total > 0) {
      const name = displayTextIn(row.name, "en") || row.slug;
      throw new DomainError("referenceInUse", {
        status: 409,
        messageKey: "reference:errors.inUse",
        params: { name: displayTextIn(row.name, "zh-CN") ? `${name} (${displayTextIn(row.name, "zh-CN")})` : name, total, ...usage },
      });
    }
    if (input.kind === "town") await tx.town.delete({ where: { id: input.id } });
    else await tx.cluster.delete({ where: { id: input.id } });
    await tx.referenceRetirement.upsert({
      where: { kind_code: { kind: input.kind, code: row.slug } },
      create: { kind: input.kind, code: row.slug, retiredById: actor.id },
      update: { retiredAt: new Date(), retiredById: actor.id },
    });
    await recordAudit(tx, { actorId: actor.id, entityType: input.kind, entityId: input.id, action: "delete", changes: { slug: row.slug, name: asLocalizedText(row.name) } });
  });
}

export interface DesignateInput {
  id: string;
  designation?: TownDesignation;
  designatedBy?: string;
  specialtyZh?: string;
  specialtyEn?: string;
  specialtyPt?: string;
}

/** A town's designation (provincial specialty town, national base, or none recorded), who made it, and its specialty industry. */
export async function designateTown(input: DesignateInput, actor: Actor): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.town.findUnique({ where: { id: input.id }, select: { designation: true, designatedBy: true, specialty: true } });
    if (!before) throw notFoundError();
    const specialty = mergeAuthored(before.specialty, { "zh-CN": input.specialtyZh ?? "", en: input.specialtyEn ?? "", pt: input.specialtyPt ?? "" }) as Prisma.InputJsonObject;
    const after = { designation: input.designation ?? null, designatedBy: input.designatedBy || null, specialty };
    const changes = diffFields({ ...before, specialty: asLocalizedText(before.specialty) } as Record<string, unknown>, { ...after, specialty: asLocalizedText(specialty) }, [
      "designation",
      "designatedBy",
      "specialty",
    ]);
    if (Object.keys(changes).length === 0) return [];
    await tx.town.update({ where: { id: input.id }, data: after });
    await recordAudit(tx, { actorId: actor.id, entityType: "town", entityId: input.id, action: "update", changes });
    return Object.keys(changes);
  });
}

export interface CertificationRulesInput {
  id: string;
  markets?: string;
  validityMonths?: number;
  expiryRequired?: "on";
  reminderDays?: string;
}

/** A certification's markets and validity rules, as the bureau sets them. Audited. */
export async function setCertificationRules(input: CertificationRulesInput, actor: Actor): Promise<string[]> {
  const { markets, invalid } = parseMarkets(input.markets ?? "", isCountryCode);
  if (invalid.length) {
    throw new DomainError("marketInvalid", { status: 400, messageKey: "reference:errors.marketInvalid", field: "markets", params: { value: invalid[0].slice(0, 20) } });
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.certification.findUnique({ where: { code: input.id }, select: { markets: true, validityMonths: true, expiryRequired: true, reminderDays: true } });
    if (!before) throw notFoundError();
    const after = {
      markets,
      validityMonths: input.validityMonths ?? null,
      expiryRequired: input.expiryRequired === "on",
      reminderDays: parseReminderDays(input.reminderDays ?? "").days,
    };
    const changes = diffFields(before as Record<string, unknown>, after, ["markets", "validityMonths", "expiryRequired", "reminderDays"]);
    if (Object.keys(changes).length === 0) return [];
    await tx.certification.update({ where: { code: input.id }, data: after });
    await recordAudit(tx, { actorId: actor.id, entityType: "certification", entityId: input.id, action: "update", changes });
    // Badges, facet values and filter hits follow the rules: the firms that list the certification, and their products, go back to the index.
    if ("markets" in changes || "validityMonths" in changes || "expiryRequired" in changes) {
      const firms = await tx.$queryRaw<{ id: string }[]>`
        SELECT f.id FROM "Firm" f
        WHERE jsonb_typeof(f.certifications) = 'array'
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(f.certifications) c WHERE jsonb_typeof(c) = 'object' AND c->>'code' = ${input.id})`;
      const firmIds = firms.map((firm) => firm.id);
      const products = firmIds.length ? await tx.product.findMany({ where: { firmId: { in: firmIds } }, select: { id: true } }) : [];
      await enqueueSearchSync(tx, "firm", firmIds);
      await enqueueSearchSync(tx, "product", products.map((product) => product.id));
    }
    return Object.keys(changes);
  });
}
