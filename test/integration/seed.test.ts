import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { installReferenceData, seedDemo, seedIfEmpty } from "../../prisma/seed/seed.server";
import { demoAccounts, scales } from "../../prisma/seed/demo";
import { towns } from "../../prisma/seed/reference";

describe("seeding", () => {
  it("seeds an empty database once, with demo accounts for each role", async () => {
    // Every start installs the reference data first; the database is still empty of firms and accounts.
    await installReferenceData();
    expect(await prisma.town.count()).toBe(towns.length);
    expect(await seedIfEmpty()).toBe(true);
    expect(await prisma.firm.count()).toBe(scales.small.firms);
    expect(await prisma.product.count()).toBe(scales.small.products);
    expect(await prisma.buyerCompany.count()).toBe(scales.small.buyers);
    expect(await prisma.sourcingRequest.count()).toBe(scales.small.requests);
    expect(await prisma.town.count()).toBe(towns.length);
    expect(await prisma.fairEdition.count({ where: { shortName: { startsWith: "MIF" } } })).toBeGreaterThan(0);
    for (const account of demoAccounts) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
    }
    const firmUser = await prisma.user.findUniqueOrThrow({ where: { email: "firm@ponte.demo" }, include: { firm: true } });
    expect(firmUser.firm).toMatchObject({ verification: "VERIFIED", published: true });
    expect(await seedIfEmpty()).toBe(false);
  });

  it("replaces the demo data without touching what users made", async () => {
    const own = await prisma.buyerCompany.create({ data: { name: "Real Buyer Lda.", country: "PT" } });
    await seedDemo({ firms: 12, products: 30, buyers: 5, requests: 9 });
    expect(await prisma.firm.count()).toBe(12);
    expect(await prisma.product.count()).toBe(30);
    expect(await prisma.buyerCompany.count()).toBe(6);
    expect(await prisma.buyerCompany.findUnique({ where: { id: own.id } })).not.toBeNull();
    const firmUser = await prisma.user.findUniqueOrThrow({ where: { email: "firm@ponte.demo" } });
    expect(firmUser.firmId).toBe("seed-f-000000");
  });
});
