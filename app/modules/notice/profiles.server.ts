import { heldCertificates } from "~/modules/reference/certificate-validity";
import { loadCertificationRules } from "~/modules/reference/certifications.server";
import { prisma } from "~/utils/db.server";
import type { TargetingRules } from "./rules";
import type { FirmTargetProfile } from "./targeting";

interface FirmRow {
  id: string;
  townId: string | null;
  clusterId: string | null;
  exportMarkets: string[];
  certifications: unknown;
  employeesBand: string | null;
  verification: string;
}

/**
 * The firms' profiles as targeting reads them. Product HS codes are read only
 * when the rules ask for them, and only as headings (4 digits), since rules
 * name chapters or headings.
 */
export async function loadTargetProfiles(options: { rules: TargetingRules | null; firmIds?: string[] }): Promise<FirmTargetProfile[]> {
  // One raw query: the ORM's row mapping is most of the time over 10,000 firms (npm run bench -- notices).
  const firms = options.firmIds
    ? await prisma.$queryRaw<FirmRow[]>`
        SELECT "id", "townId", "clusterId", "exportMarkets", "certifications", "employeesBand", "verification"::text AS "verification"
          FROM "Firm" WHERE "id" = ANY(${options.firmIds}) ORDER BY "id"`
    : await prisma.$queryRaw<FirmRow[]>`
        SELECT "id", "townId", "clusterId", "exportMarkets", "certifications", "employeesBand", "verification"::text AS "verification"
          FROM "Firm" ORDER BY "id"`;
  // A certificate holds under its certification's rules (validity months, a required expiry).
  const certificationRules = await loadCertificationRules();
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
    certifications: heldCertificates(firm.certifications, certificationRules),
    sizeBand: firm.employeesBand,
    verified: firm.verification === "VERIFIED",
  }));
}
