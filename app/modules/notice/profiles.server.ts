import { heldCertificates } from "~/modules/reference/certificate-validity";
import { loadCertificationRules } from "~/modules/reference/certifications.server";
import { prisma } from "~/utils/db.server";
import type { TargetingRules } from "./rules";
import { zhongshanDay } from "~/utils/time-zone";
import { selectAudience, type FirmTargetProfile, type TargetReason } from "./targeting";
import { rulesSql } from "./targeting-sql";

/** A firm's profile as one compact row: id, town, cluster, markets, certifications, size band, verified. */
type FirmRow = [string, string | null, string | null, string[] | null, unknown, string | null, boolean];

/**
 * The firms' profiles as targeting reads them: those of `firmIds`, or, with
 * `narrow`, only those the rules' SQL conditions leave (targeting-sql.ts),
 * first `limit` by id. Product HS codes are read only when the rules ask for
 * them, and only as headings (4 digits), since rules name chapters or headings.
 */
export async function loadTargetProfiles(options: { rules: TargetingRules | null; firmIds?: string[]; narrow?: boolean; limit?: number }): Promise<FirmTargetProfile[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (options.firmIds) {
    params.push(options.firmIds);
    conditions.push(`f."id" = ANY($1::text[])`);
  }
  if (options.narrow && options.rules) {
    const sql = rulesSql(options.rules, params.length + 1);
    conditions.push(sql.where);
    params.push(...sql.params);
  }
  const limit = options.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(options.limit))}` : "";
  // One row of JSON for all the firms: mapping 10,000 rows through the driver adapter was most of a preview's time (npm run bench -- notices).
  const [{ rows }] = await prisma.$queryRawUnsafe<{ rows: string | null }[]>(
    `SELECT json_agg(json_build_array(t."id", t."townId", t."clusterId", t."exportMarkets", t."certifications", t."employeesBand", t."verified") ORDER BY t."id")::text AS "rows"
       FROM (SELECT f."id", f."townId", f."clusterId", f."exportMarkets", f."certifications", f."employeesBand", f."verification" = 'VERIFIED' AS "verified"
               FROM "Firm" f WHERE ${conditions.join(" AND ") || "TRUE"} ORDER BY f."id" ${limit}) t`,
    ...params,
  );
  const firms = rows ? (JSON.parse(rows) as FirmRow[]) : [];
  // A certificate holds under its certification's rules (validity months, a required expiry).
  const certificationRules = await loadCertificationRules();
  const headings = new Map<string, string[]>();
  if (firms.length && (!options.rules || options.rules.hsCodes.length > 0)) {
    const everyFirm = !options.firmIds && !options.narrow && !options.limit;
    const rows = everyFirm
      ? await prisma.$queryRaw<{ firmId: string; heading: string }[]>`SELECT DISTINCT "firmId", left("hsCode", 4) AS heading FROM "Product"`
      : await prisma.$queryRaw<{ firmId: string; heading: string }[]>`
          SELECT DISTINCT "firmId", left("hsCode", 4) AS heading FROM "Product" WHERE "firmId" = ANY(${firms.map((firm) => firm[0])}::text[])`;
    for (const row of rows) {
      const list = headings.get(row.firmId) ?? [];
      list.push(row.heading);
      headings.set(row.firmId, list);
    }
  }
  return firms.map(([id, townId, clusterId, exportMarkets, certifications, sizeBand, verified]) => ({
    firmId: id,
    townId,
    clusterId,
    hsCodes: headings.get(id) ?? [],
    exportMarkets: exportMarkets ?? [],
    certifications: heldCertificates(certifications, certificationRules),
    sizeBand,
    verified,
  }));
}

/** How many firms the rules' SQL conditions leave (the audience itself when `rulesSql(rules).exact`). */
export async function countNarrowed(rules: TargetingRules): Promise<number> {
  const sql = rulesSql(rules);
  const [{ count }] = await prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS "count" FROM "Firm" f WHERE ${sql.where}`, ...sql.params);
  return count;
}

/**
 * The firms the rules match now, with their reasons: narrowed by the rules'
 * SQL, judged by targeting.ts. With `listed`, only the first that many firms
 * (by id) are returned beside the count, which the database gives alone when
 * every criterion used is said in SQL.
 */
export async function findAudience(rules: TargetingRules, options: { now?: Date; listed?: number } = {}): Promise<{ count: number; firms: { firmId: string; reasons: TargetReason[] }[] }> {
  const today = zhongshanDay(options.now ?? new Date());
  if (options.listed !== undefined && rulesSql(rules).exact) {
    const count = await countNarrowed(rules);
    const firms = count && options.listed > 0 ? selectAudience(rules, await loadTargetProfiles({ rules, narrow: true, limit: options.listed }), today) : [];
    return { count, firms };
  }
  const firms = selectAudience(rules, await loadTargetProfiles({ rules, narrow: true }), today);
  return { count: firms.length, firms: options.listed === undefined ? firms : firms.slice(0, options.listed) };
}
