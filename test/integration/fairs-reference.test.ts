import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedReference } from "../../prisma/seed/seed.server";

describe("fairs as reference data", () => {
  it("installs the series and their editions, with the venue's time zone and the Canton Fair's phases, and changes nothing on a second run", async () => {
    await seedReference();
    const series = await prisma.fairSeries.findMany({ orderBy: { position: "asc" }, select: { slug: true, timeZone: true, markets: true } });
    expect(series.map((entry) => entry.slug)).toEqual(["mif", "plpex", "mfe", "canton-fair"]);
    expect(series[0].markets).toContain("BR");
    const canton = await prisma.fairEdition.findUniqueOrThrow({
      where: { slug: "canton-fair-141" },
      select: { timeZone: true, online: true, series: { select: { slug: true } }, phases: { orderBy: { number: "asc" }, select: { number: true, startsOn: true, endsOn: true } } },
    });
    expect(canton.timeZone).toBe("Asia/Shanghai");
    expect(canton.online).toBe(true);
    expect(canton.series?.slug).toBe("canton-fair");
    expect(canton.phases.map((phase) => [phase.number, phase.startsOn.toISOString().slice(0, 10), phase.endsOn.toISOString().slice(0, 10)])).toEqual([
      [1, "2027-04-15", "2027-04-19"],
      [2, "2027-04-23", "2027-04-27"],
      [3, "2027-05-01", "2027-05-05"],
    ]);
    const mif = await prisma.fairEdition.findUniqueOrThrow({ where: { slug: "mif-2026" }, select: { id: true, timeZone: true, series: { select: { slug: true } } } });
    expect(mif).toMatchObject({ timeZone: "Asia/Macau", series: { slug: "mif" } });

    // The bureau's edit survives the next start.
    await prisma.fairEdition.update({ where: { id: mif.id }, data: { shortName: "MIF 2026 (31.ª)" } });
    const counts = async () => [await prisma.fairSeries.count(), await prisma.fairEdition.count(), await prisma.fairPhase.count()];
    const before = await counts();
    await seedReference();
    expect(await counts()).toEqual(before);
    expect((await prisma.fairEdition.findUniqueOrThrow({ where: { id: mif.id } })).shortName).toBe("MIF 2026 (31.ª)");
  });
});
