import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import { addReferenceAlias, installAliasSeeds, loadReferenceNameIndexes, removeReferenceAlias } from "~/modules/reference/aliases.server";
import { installReferenceData } from "../../prisma/seed/seed.server";
import { aliasSeeds } from "../../prisma/seed/aliases";

/**
 * Aliases of the reference data (issue 14): installed at every start
 * without changing what the bureau did, one owner per name.
 */
const actor = { id: null, label: "test" };

async function clusterId(slug: string) {
  return (await prisma.cluster.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

describe("reference aliases", () => {
  it("are installed once, and what the bureau removed stays removed", async () => {
    await installReferenceData();
    const count = await prisma.referenceAlias.count();
    expect(count).toBeGreaterThan(20);
    await installReferenceData();
    expect(await prisma.referenceAlias.count()).toBe(count);

    const wujin = await prisma.referenceAlias.findUniqueOrThrow({ where: { kind_key: { kind: "cluster", key: "五金" } }, select: { id: true, clusterId: true, origin: true } });
    expect(wujin).toMatchObject({ clusterId: await clusterId("hardware"), origin: "seed" });
    await removeReferenceAlias({ id: wujin.id, actor });
    await installReferenceData();
    expect((await loadReferenceNameIndexes()).cluster.find("五金")).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "alias-remove", changes: { path: ["alias"], equals: "五金" } } })).toBe(1);

    // The bureau gives it back: found again, and audited.
    await addReferenceAlias({ target: { kind: "cluster", id: await clusterId("hardware") }, alias: "五金", actor });
    const indexes = await loadReferenceNameIndexes();
    expect(indexes.cluster.find("五金")?.id).toBe(await clusterId("hardware"));
    expect(indexes.town.match("Xiǎolǎn")?.label).toBe("Xiaolan");
    expect(indexes.town.match("小欖")?.label).toBe("小榄");
    expect(indexes.cluster.match("燈飾")?.label).toBe("灯饰");
    expect(indexes.certification.find("3C")).toBe("CCC");
    expect(indexes.certification.find("ISO-9001")).toBe("ISO9001");
  }, 180_000);

  it("refuses an alias another cluster already has, by alias or by name, saying which", async () => {
    await installReferenceData();
    const lighting = { kind: "cluster" as const, id: await clusterId("lighting") };
    const taken = await addReferenceAlias({ target: lighting, alias: "五金", actor }).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(DomainError);
    expect(taken).toMatchObject({ code: "aliasTaken", status: 409, messageKey: "catalog:mapping.aliasTaken", params: { alias: "五金", owner: "五金锁具" } });
    // A spelling variant of another cluster's own name is the same name.
    await expect(addReferenceAlias({ target: lighting, alias: "hardware-and-locks", actor })).rejects.toMatchObject({ code: "aliasTaken" });
    await expect(addReferenceAlias({ target: lighting, alias: "  ", actor })).rejects.toMatchObject({ code: "aliasInvalid", status: 400 });
    expect(await prisma.referenceAlias.count({ where: { clusterId: lighting.id, alias: { in: ["五金", "hardware-and-locks"] } } })).toBe(0);
  }, 120_000);

  it("skips a seeded alias that would name two clusters, keeping the first", async () => {
    await installReferenceData();
    const result = await installAliasSeeds([...aliasSeeds, { kind: "cluster", target: "lighting", aliases: ["锁具", "HARDWARE-AND-LOCKS", "LED灯"] }]);
    // 锁具 is hardware's already (its row stands); hardware's own name can't become lighting's.
    expect(result.skipped).toEqual(["cluster:HARDWARE-AND-LOCKS"]);
    expect(result.added).toBe(1);
    const indexes = await loadReferenceNameIndexes();
    expect(indexes.cluster.find("锁具")?.id).toBe(await clusterId("hardware"));
    expect(indexes.cluster.find("LED灯")?.id).toBe(await clusterId("lighting"));
  }, 120_000);
});
