import { prisma, type Prisma } from "~/utils/db.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { recordAudit, diffFields } from "~/modules/audit/audit.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { asLocalizedText, mergeAuthored } from "~/modules/i18n-text/localized-text";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import type { Locale } from "~/i18n/config";
import { addReferenceAlias, loadReferenceNameIndexes, removeReferenceAlias } from "./aliases.server";
import { foldName } from "./names";
import { parseHsHeadings } from "./reference-edit";

/**
 * Bureau → Reference data: towns, clusters and certifications with their
 * aliases, as the bureau edits them. Every change is audited; a change to
 * a name shown in search re-indexes the firms (and their products) that
 * carry it, through the search outbox.
 */
type Actor = { id: string };

const aliasSelect = { where: { removedAt: null }, orderBy: { alias: "asc" }, select: { id: true, alias: true, origin: true } } as const;

const names = (value: unknown) => {
  const text = asLocalizedText(value);
  return { zh: text["zh-CN"]?.text ?? "", en: text.en?.text ?? "", pt: text.pt?.text ?? "" };
};

export async function listReferenceData(locale: Locale) {
  const [towns, clusters, certifications] = await Promise.all([
    prisma.town.findMany({
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, name: true, aliases: aliasSelect, _count: { select: { firms: true } } },
    }),
    prisma.cluster.findMany({
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, name: true, hsHeadings: true, town: { select: { name: true } }, aliases: aliasSelect, _count: { select: { firms: true } } },
    }),
    prisma.certification.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, aliases: aliasSelect } }),
  ]);
  return {
    towns: towns.map((town) => ({ id: town.id, slug: town.slug, label: displayTextIn(town.name, locale), names: names(town.name), firms: town._count.firms, aliases: town.aliases })),
    clusters: clusters.map((cluster) => ({
      id: cluster.id,
      slug: cluster.slug,
      label: displayTextIn(cluster.name, locale),
      names: names(cluster.name),
      town: cluster.town ? displayTextIn(cluster.town.name, locale) : null,
      hsHeadings: cluster.hsHeadings,
      firms: cluster._count.firms,
      aliases: cluster.aliases,
    })),
    certifications: certifications.map((row) => ({ id: row.code, slug: row.code, label: displayTextIn(row.name, locale), aliases: row.aliases })),
  };
}

export interface RenameInput {
  kind: "town" | "cluster";
  id: string;
  nameZh: string;
  nameEn: string;
  namePt?: string;
  hsHeadings?: string;
}

/**
 * Renames a town or a cluster (and sets a cluster's HS headings). A name
 * another town or cluster is known by (its name or an alias) is refused:
 * imports would no longer know which one is meant.
 */
export async function renameReference(input: RenameInput, actor: Actor): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const before =
      input.kind === "town"
        ? await tx.town.findUnique({ where: { id: input.id }, select: { name: true } })
        : await tx.cluster.findUnique({ where: { id: input.id }, select: { name: true, hsHeadings: true } });
    if (!before) throw notFoundError();
    const name = mergeAuthored(before.name, { "zh-CN": input.nameZh, en: input.nameEn, pt: input.namePt ?? "" }) as Prisma.InputJsonObject;
    const indexes = await loadReferenceNameIndexes(tx);
    for (const [field, text] of [["nameZh", input.nameZh], ["nameEn", input.nameEn], ["namePt", input.namePt]] as const) {
      if (!text || !foldName(text, input.kind)) continue;
      const owner = indexes[input.kind].match(text);
      const ownerId = owner ? (typeof owner.value === "string" ? owner.value : owner.value.id) : null;
      if (owner && ownerId !== input.id) {
        throw new DomainError("nameTaken", { status: 409, messageKey: "reference:errors.nameTaken", field, params: { name: text, owner: owner.label } });
      }
    }
    const after: Record<string, unknown> = { name };
    if (input.kind === "cluster" && input.hsHeadings !== undefined) after.hsHeadings = parseHsHeadings(input.hsHeadings).headings;
    const changes = diffFields({ ...before, name: asLocalizedText(before.name) } as Record<string, unknown>, after, ["name", "hsHeadings"]);
    if (Object.keys(changes).length === 0) return [];
    if (input.kind === "town") await tx.town.update({ where: { id: input.id }, data: { name } });
    else await tx.cluster.update({ where: { id: input.id }, data: after as { name: Prisma.InputJsonObject; hsHeadings?: string[] } });
    await recordAudit(tx, { actorId: actor.id, entityType: input.kind, entityId: input.id, action: "update", changes });
    // Firm and product documents carry the town's and the cluster's names.
    const firms = await tx.firm.findMany({ where: input.kind === "town" ? { townId: input.id } : { clusterId: input.id }, select: { id: true } });
    const products = firms.length ? await tx.product.findMany({ where: { firmId: { in: firms.map((firm) => firm.id) } }, select: { id: true } }) : [];
    await enqueueSearchSync(tx, "firm", firms.map((firm) => firm.id));
    await enqueueSearchSync(tx, "product", products.map((product) => product.id));
    return Object.keys(changes);
  });
}

export async function addAlias(input: { kind: "town" | "cluster" | "certification"; id: string; alias: string }, actor: Actor) {
  const exists =
    input.kind === "town"
      ? await prisma.town.count({ where: { id: input.id } })
      : input.kind === "cluster"
        ? await prisma.cluster.count({ where: { id: input.id } })
        : await prisma.certification.count({ where: { code: input.id } });
  if (!exists) throw notFoundError();
  return addReferenceAlias({ target: { kind: input.kind, id: input.id }, alias: input.alias, actor: { id: actor.id } });
}

/** Writes an alias differently ("Xiao lan" → "Xiaolan"): the old spelling is retired, the new one checked like any new alias. */
export async function renameAlias(input: { aliasId: string; alias: string }, actor: Actor) {
  const row = await prisma.referenceAlias.findUnique({
    where: { id: input.aliasId },
    select: { alias: true, kind: true, removedAt: true, townId: true, clusterId: true, certificationCode: true },
  });
  if (!row || row.removedAt) throw notFoundError();
  const kind = row.kind as "town" | "cluster" | "certification";
  const id = row.townId ?? row.clusterId ?? row.certificationCode;
  if (!id) throw notFoundError();
  if (row.alias === input.alias.normalize("NFKC").trim()) return;
  // The same folded key is the same row: only its spelling changes.
  if (foldName(row.alias, kind) === foldName(input.alias, kind)) {
    await prisma.$transaction(async (tx) => {
      await tx.referenceAlias.update({ where: { id: input.aliasId }, data: { alias: input.alias.normalize("NFKC").trim(), origin: "bureau" } });
      await recordAudit(tx, { actorId: actor.id, entityType: kind, entityId: id, action: "alias-rename", changes: { alias: { from: row.alias, to: input.alias } } });
    });
    return;
  }
  await addReferenceAlias({ target: { kind, id }, alias: input.alias, actor: { id: actor.id } });
  await removeReferenceAlias({ id: input.aliasId, actor: { id: actor.id } });
}

export async function retireAlias(aliasId: string, actor: Actor) {
  const row = await prisma.referenceAlias.findUnique({ where: { id: aliasId }, select: { removedAt: true } });
  if (!row || row.removedAt) throw notFoundError();
  await removeReferenceAlias({ id: aliasId, actor: { id: actor.id } });
}
