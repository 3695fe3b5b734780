import { prisma, type Prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import { log } from "~/utils/logger.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import { toSimplified } from "~/modules/i18n-text/chinese-script.server";
import { buildNameIndex, foldName, type NameIndex, type NamedEntry, type ReferenceKind } from "./names";

/**
 * Aliases of towns, clusters and certifications (the `ReferenceAlias` rows)
 * and the name indexes built from them with the reference data's own names.
 * An alias names one thing: the database holds one row per kind and folded
 * key, and a key that is already another entry's name or alias is refused.
 */
type Tx = Prisma.TransactionClient | typeof prisma;

export interface AliasSeed {
  kind: ReferenceKind;
  /** Town or cluster slug, certification code. */
  target: string;
  aliases: string[];
}

export interface ReferenceNameIndexes {
  town: NameIndex<string>;
  cluster: NameIndex<{ id: string; townId: string | null }>;
  certification: NameIndex<string>;
}

function texts(name: unknown): { zh: string | null; en: string | null; all: string[] } {
  const text = asLocalizedText(name);
  const all = Object.values(text)
    .map((entry) => entry?.text ?? "")
    .filter(Boolean);
  return { zh: text["zh-CN"]?.text ?? null, en: text.en?.text ?? null, all };
}

function entry<T>(value: T, own: string, name: unknown, aliases: { alias: string }[]): NamedEntry<T> {
  const { zh, en, all } = texts(name);
  return { value, label: zh ?? en ?? own, latinLabel: en ?? own, names: [own, ...all], aliases: aliases.map((row) => row.alias) };
}

const activeAliases = { where: { removedAt: null }, select: { alias: true } } as const;

/** Every name of the reference data, with the aliases not removed. */
export async function loadReferenceNameIndexes(db: Tx = prisma): Promise<ReferenceNameIndexes> {
  const [towns, clusters, certifications] = await Promise.all([
    db.town.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { id: true, slug: true, name: true, aliases: activeAliases } }),
    db.cluster.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { id: true, slug: true, name: true, townId: true, aliases: activeAliases } }),
    db.certification.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, aliases: activeAliases } }),
  ]);
  const indexes: ReferenceNameIndexes = {
    town: withSimplified(buildNameIndex("town", towns.map((town) => entry(town.id, town.slug, town.name, town.aliases)))),
    cluster: withSimplified(
      buildNameIndex(
        "cluster",
        clusters.map((cluster) => entry({ id: cluster.id, townId: cluster.townId }, cluster.slug, cluster.name, cluster.aliases)),
      ),
    ),
    certification: withSimplified(
      buildNameIndex(
        "certification",
        certifications.map((row) => ({ ...entry(row.code, row.code, row.name, row.aliases), label: row.code, latinLabel: row.code })),
      ),
    ),
  };
  for (const [kind, index] of Object.entries(indexes)) {
    for (const conflict of index.conflicts) log.warn("reference name claimed twice; the first keeps it", { kind, ...conflict });
  }
  return indexes;
}

/** Traditional Chinese written where the data is Simplified (燈飾 for 灯饰) is found too. */
function withSimplified<T>(index: NameIndex<T>): NameIndex<T> {
  const simplified = (text: string) => (/[\u3400-\u9fff]/u.test(text) ? toSimplified(text) : text);
  return {
    ...index,
    match: (text) => index.match(text) ?? (simplified(text) !== text ? index.match(simplified(text)) : null),
    find: (text) => index.find(text) ?? (simplified(text) !== text ? index.find(simplified(text)) : null),
    suggest: (text) => index.suggest(text) ?? (simplified(text) !== text ? index.suggest(simplified(text)) : null),
  };
}

type AliasTarget = { kind: ReferenceKind; id: string };

function targetColumns(target: AliasTarget) {
  return target.kind === "town" ? { townId: target.id } : target.kind === "cluster" ? { clusterId: target.id } : { certificationCode: target.id };
}

function sameTarget(row: { townId: string | null; clusterId: string | null; certificationCode: string | null }, target: AliasTarget) {
  return (row.townId ?? row.clusterId ?? row.certificationCode) === target.id;
}

/** The owner of an alias key other than `target`, named for the error message; null when free. */
async function claimedBy(db: Tx, target: AliasTarget, alias: string, indexes: ReferenceNameIndexes): Promise<string | null> {
  const key = foldName(alias, target.kind);
  const row = await db.referenceAlias.findUnique({
    where: { kind_key: { kind: target.kind, key } },
    select: { removedAt: true, townId: true, clusterId: true, certificationCode: true },
  });
  if (row && !row.removedAt && !sameTarget(row, target)) return indexes[target.kind].match(alias)?.label ?? alias;
  const owner = indexes[target.kind].match(alias);
  if (owner && !ownerIs(owner.value, target)) return owner.label;
  return null;
}

function ownerIs(value: string | { id: string }, target: AliasTarget) {
  return (typeof value === "string" ? value : value.id) === target.id;
}

/**
 * Adds an alias the bureau typed. Refused with a clear error when it is
 * empty, too long, or already another entry's name or alias ("五金" can't
 * name two clusters). Audited.
 */
export async function addReferenceAlias(input: { target: AliasTarget; alias: string; actor: { id: string | null; label?: string | null } }) {
  const alias = input.alias.normalize("NFKC").trim();
  const key = foldName(alias, input.target.kind);
  if (!key || alias.length > 100) {
    throw new DomainError("aliasInvalid", { status: 400, messageKey: "catalog:mapping.aliasInvalid", field: "alias" });
  }
  return prisma.$transaction(async (tx) => {
    const indexes = await loadReferenceNameIndexes(tx);
    const owner = await claimedBy(tx, input.target, alias, indexes);
    if (owner) {
      throw new DomainError("aliasTaken", { status: 409, messageKey: "catalog:mapping.aliasTaken", field: "alias", params: { alias, owner } });
    }
    const saved = await tx.referenceAlias.upsert({
      where: { kind_key: { kind: input.target.kind, key } },
      create: { kind: input.target.kind, key, alias, origin: "bureau", ...targetColumns(input.target) },
      update: { alias, origin: "bureau", removedAt: null, townId: null, clusterId: null, certificationCode: null, ...targetColumns(input.target) },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      actorLabel: input.actor.label ?? undefined,
      entityType: input.target.kind,
      entityId: input.target.id,
      action: "alias-add",
      changes: { alias },
    });
    return saved;
  });
}

/** Removes an alias; a seeded one stays removed (the installer skips it). Audited. */
export async function removeReferenceAlias(input: { id: string; actor: { id: string | null; label?: string | null } }) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.referenceAlias.findUnique({ where: { id: input.id }, select: { alias: true, kind: true, townId: true, clusterId: true, certificationCode: true } });
    if (!row) throw new DomainError("aliasNotFound", { status: 404, messageKey: "common:errors.notFound.body" });
    await tx.referenceAlias.update({ where: { id: input.id }, data: { removedAt: new Date() } });
    await recordAudit(tx, {
      actorId: input.actor.id,
      actorLabel: input.actor.label ?? undefined,
      entityType: row.kind,
      entityId: row.townId ?? row.clusterId ?? row.certificationCode ?? input.id,
      action: "alias-remove",
      changes: { alias: row.alias },
    });
  });
}

/**
 * Installs the seeded aliases (at every start, with the reference data):
 * adds those missing, never changes or revives a row that is there (the
 * bureau's, or one it removed), and skips, with a warning, an alias that is
 * already another entry's name or alias.
 */
export async function installAliasSeeds(seeds: AliasSeed[]): Promise<{ added: number; skipped: string[] }> {
  const [towns, clusters, certifications, existing] = await Promise.all([
    prisma.town.findMany({ select: { id: true, slug: true } }),
    prisma.cluster.findMany({ select: { id: true, slug: true } }),
    prisma.certification.findMany({ select: { code: true } }),
    prisma.referenceAlias.findMany({ select: { kind: true, key: true } }),
  ]);
  const ids: Record<ReferenceKind, Map<string, string>> = {
    town: new Map(towns.map((town) => [town.slug, town.id])),
    cluster: new Map(clusters.map((cluster) => [cluster.slug, cluster.id])),
    certification: new Map(certifications.map((row) => [row.code, row.code])),
  };
  const taken = new Set(existing.map((row) => `${row.kind}:${row.key}`));
  const indexes = await loadReferenceNameIndexes();
  const rows: Prisma.ReferenceAliasCreateManyInput[] = [];
  const skipped: string[] = [];
  for (const seed of seeds) {
    const id = ids[seed.kind].get(seed.target);
    // The bureau may have deleted the town or cluster: its aliases go with it.
    if (!id) continue;
    for (const alias of seed.aliases) {
      const key = foldName(alias, seed.kind);
      if (!key) continue;
      // A row with that key is there (the seed's, or the bureau's decision, even a removal): it stands.
      if (taken.has(`${seed.kind}:${key}`)) continue;
      const owner = indexes[seed.kind].match(alias);
      if (owner && !ownerIs(owner.value, { kind: seed.kind, id })) {
        skipped.push(`${seed.kind}:${alias}`);
        log.warn("alias not installed: it already names another entry", { kind: seed.kind, alias, target: seed.target, owner: owner.label });
        continue;
      }
      taken.add(`${seed.kind}:${key}`);
      rows.push({ kind: seed.kind, key, alias, origin: "seed", ...targetColumns({ kind: seed.kind, id }) });
    }
  }
  const { count } = await prisma.referenceAlias.createMany({ data: rows, skipDuplicates: true });
  return { added: count, skipped };
}
