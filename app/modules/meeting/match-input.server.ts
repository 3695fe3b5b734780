import type { Locale } from "~/i18n/config";
import { completenessSelect } from "~/modules/firm/completeness";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { requestSelect, toMatchRequest } from "~/modules/matching/match-request.server";
import { reasonRendererFor, type Perspective, type RenderedReason } from "~/modules/matching/reasons.server";
import type { MatchRequest } from "~/modules/matching/score";
import { heldCertificates, productCertificationCodes, type CertificationRules } from "~/modules/reference/certificate-validity";
import { loadCertificationRules } from "~/modules/reference/certifications.server";
import { firmQuality } from "~/modules/search/documents.server";
import { zhongshanDay } from "~/utils/time-zone";
import { prisma, type Prisma } from "~/utils/db.server";
import { delegationFirmWhere } from "./edition.server";
import { profileAsRequest, rankFirmsForBuyer, type RankableFirm } from "./firm-ranking";

/**
 * What the matching reads for meetings, from the database: a buyer's open
 * sourcing requests (or its profile), and the delegation's firms with their
 * published products. Ranking itself is pure (firm-ranking.ts).
 */
const firmSelect = {
  id: true,
  verification: true,
  ...completenessSelect,
  products: {
    where: { published: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, hsCode: true, moq: true, moqUnit: true, priceMinUsd: true, certifications: true },
  },
} satisfies Prisma.FirmSelect;

type FirmRow = Awaited<ReturnType<typeof loadFirms>>[number];

function loadFirms(where: Prisma.FirmWhereInput) {
  return prisma.firm.findMany({ where, orderBy: { id: "asc" }, take: 500, select: firmSelect });
}

/** A firm as ranking reads it: a product claims only the certifications its firm validly holds today (or never listed). */
function asRankable(firm: FirmRow, rules: CertificationRules, today: string): RankableFirm<string> {
  const quality = firmQuality(firm);
  const certificates = heldCertificates(firm.certifications, rules);
  return {
    id: firm.id,
    products: firm.products.map((product) => ({
      id: product.id,
      product: {
        hsCode: product.hsCode,
        textScore: 0,
        certifications: productCertificationCodes(product.certifications, certificates, today),
        moq: product.moq,
        moqUnit: product.moqUnit,
        priceMinUsd: product.priceMinUsd === null ? null : Number(product.priceMinUsd),
        markets: firm.exportMarkets,
        languages: firm.languages,
        verified: firm.verification === "VERIFIED",
        quality,
      },
    })),
  };
}

/** The buyer's open requests as matching reads them, or the company's profile when it has none. */
export async function buyerMatchRequests(buyerCompanyId: string, rules: CertificationRules): Promise<{ requests: MatchRequest[]; titles: unknown[] }> {
  const rows = await prisma.sourcingRequest.findMany({
    where: { buyerCompanyId, status: "OPEN" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 20,
    select: requestSelect,
  });
  if (rows.length) return { requests: rows.map((row) => toMatchRequest(row, rules)), titles: rows.map((row) => row.title) };
  const company = await prisma.buyerCompany.findUnique({
    where: { id: buyerCompanyId },
    select: { interests: true, country: true, languages: true, requiredCertifications: true },
  });
  const fallback = company ? profileAsRequest(company, rules) : null;
  return { requests: fallback ? [fallback] : [], titles: [] };
}

export interface RankedDelegationFirm {
  firmId: string;
  name: string;
  score: number;
  reasons: RenderedReason[];
  products: { id: string; name: string }[];
}

/** The delegation's firms ranked for the buyer, with reasons worded for `perspective` in `locale`. */
export async function rankDelegationFirms(editionId: string, buyerCompanyId: string, locale: Locale, options: { firmIds?: string[]; perspective?: Perspective } = {}) {
  const rules = await loadCertificationRules();
  const [{ requests }, firms] = await Promise.all([
    buyerMatchRequests(buyerCompanyId, rules),
    loadFirms({ ...delegationFirmWhere(editionId), ...(options.firmIds ? { id: { in: options.firmIds } } : {}) }),
  ]);
  const today = zhongshanDay();
  const byId = new Map(firms.map((firm) => [firm.id, firm]));
  const word = await reasonRendererFor(locale, options.perspective ?? "buyer");
  return rankFirmsForBuyer(
    requests,
    firms.map((firm) => asRankable(firm, rules, today)),
  ).map((ranked): RankedDelegationFirm => {
    const firm = byId.get(ranked.firmId)!;
    const productName = new Map(firm.products.map((product) => [product.id, displayTextIn(product.name, locale)]));
    return {
      firmId: ranked.firmId,
      name: displayTextIn(firm.name, locale),
      score: ranked.score,
      reasons: ranked.reasons.map(word),
      products: ranked.productIds.slice(0, 3).map((id) => ({ id, name: productName.get(id) ?? "" })),
    };
  });
}

/** The match score of one pair (0 when the firm fits none of the buyer's requests). */
export async function pairMatchScore(buyerCompanyId: string, firmId: string): Promise<number> {
  const rules = await loadCertificationRules();
  const [{ requests }, firms] = await Promise.all([buyerMatchRequests(buyerCompanyId, rules), loadFirms({ id: firmId })]);
  const today = zhongshanDay();
  return rankFirmsForBuyer(
    requests,
    firms.map((firm) => asRankable(firm, rules, today)),
  )[0]?.score ?? 0;
}
