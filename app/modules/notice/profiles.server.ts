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
    certifications: readCertifications(firm.certifications),
    sizeBand: firm.employeesBand,
    verified: firm.verification === "VERIFIED",
  }));
}

function readCertifications(value: unknown): { code: string; validUntil?: string | null }[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((row): row is { code: string; validUntil?: unknown } => !!row && typeof row === "object" && typeof (row as { code?: unknown }).code === "string")
    .map((row) => ({ code: row.code, validUntil: typeof row.validUntil === "string" ? row.validUntil : null }));
}

/** Today in UTC, as targeting compares certificate validity. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
