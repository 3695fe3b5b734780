import { heldCertificates } from "~/modules/reference/certificate-validity";
import { prisma } from "~/utils/db.server";
import type { TargetingRules } from "./rules";
import type { FirmTargetProfile } from "./targeting";

/**
 * The firms' profiles as targeting reads them. Product HS codes are read only
 * when the rules ask for them, and only as headings (4 digits), since rules
 * name chapters or headings.
 */
export async function loadTargetProfiles(options: { rules: TargetingRules | null; firmIds?: string[] }): Promise<FirmTargetProfile[]> {
  const where = options.firmIds ? { id: { in: options.firmIds } } : {};
  const firms = await prisma.firm.findMany({
    where,
    orderBy: { id: "asc" },
    select: { id: true, townId: true, clusterId: true, exportMarkets: true, certifications: true, employeesBand: true, verification: true },
  });
  const headings = new Map<string, string[]>();
  if (!options.rules || options.rules.hsCodes.length > 0) {
    const rows = options.firmIds
      ? await prisma.$queryRaw<{ firmId: string; heading: string }[]>`
          SELECT DISTINCT "firmId", left("hsCode", 4) AS heading FROM "Product" WHERE "firmId" = ANY(${options.firmIds})`
      : await prisma.$queryRaw<{ firmId: string; heading: string }[]>`SELECT DISTINCT "firmId", left("hsCode", 4) AS heading FROM "Product"`;
    for (const row of rows) {
      const list = headings.get(row.firmId) ?? [];
      list.push(row.heading);
      headings.set(row.firmId, list);
    }
  }
  return firms.map((firm) => ({
    firmId: firm.id,
    townId: firm.townId,
    clusterId: firm.clusterId,
    hsCodes: headings.get(firm.id) ?? [],
    exportMarkets: firm.exportMarkets,
    certifications: heldCertificates(firm.certifications),
    sizeBand: firm.employeesBand,
    verified: firm.verification === "VERIFIED",
  }));
}
