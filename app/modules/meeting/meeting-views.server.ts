import { localeTags, type Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { countryName } from "~/modules/reference/countries.server";
import { languageName } from "~/modules/reference/languages.server";
import { quantityUnitName } from "~/modules/reference/units";
import { prisma } from "~/utils/db.server";
import type { MeetingEdition } from "./edition.server";
import { rankDelegationFirms } from "./match-input.server";
import { effectiveStatus, isMutual, rankPairs } from "./requests";

/**
 * What each side sees of the meeting requests at an edition. Declined pairs
 * are gone from both sides' lists (a decline removes the pair); expired ones
 * are shown as such to the side that asked.
 */

const pairSelect = {
  id: true,
  buyerCompanyId: true,
  firmId: true,
  status: true,
  buyerAskedAt: true,
  buyerMessage: true,
  firmAskedAt: true,
  firmMessage: true,
  matchScore: true,
  expiresAt: true,
  createdAt: true,
} as const;

function pairState(pair: { id: string; status: "PENDING" | "ACCEPTED" | "DECLINED" | "EXPIRED"; buyerAskedAt: Date | null; firmAskedAt: Date | null; expiresAt: Date }, me: "BUYER" | "FIRM", now: Date) {
  return {
    id: pair.id,
    status: effectiveStatus(pair, now),
    mutual: isMutual(pair),
    askedByMe: (me === "BUYER" ? pair.buyerAskedAt : pair.firmAskedAt) !== null,
    askedByThem: (me === "BUYER" ? pair.firmAskedAt : pair.buyerAskedAt) !== null,
    expiresAt: pair.expiresAt.toISOString(),
  };
}

export async function buyerMeetingView(edition: MeetingEdition, buyerCompanyId: string, locale: Locale, now = new Date()) {
  const [firms, pairs] = await Promise.all([
    rankDelegationFirms(edition.id, buyerCompanyId, locale),
    prisma.meetingRequest.findMany({ where: { editionId: edition.id, buyerCompanyId }, select: pairSelect }),
  ]);
  const pairOf = new Map(pairs.map((pair) => [pair.firmId, pair]));
  const shown = firms
    .filter((firm) => pairOf.get(firm.firmId)?.status !== "DECLINED")
    .map((firm) => {
      const pair = pairOf.get(firm.firmId);
      return { ...firm, request: pair ? { ...pairState(pair, "BUYER", now), theirMessage: pair.firmMessage, matchScore: pair.matchScore } : null };
    });
  // Firms that asked (and agreed pairs, mutual first) above the rest, which keep the matching's order.
  const rankOf = (entry: (typeof shown)[number]) => (!entry.request ? 3 : entry.request.mutual ? 0 : entry.request.status === "ACCEPTED" ? 1 : entry.request.askedByThem && entry.request.status === "PENDING" ? 2 : 3);
  return shown.map((entry, index) => ({ entry, index })).sort((a, b) => rankOf(a.entry) - rankOf(b.entry) || a.index - b.index).map(({ entry }) => entry);
}

export async function firmMeetingView(edition: MeetingEdition, firmId: string, locale: Locale, now = new Date()) {
  const pairs = rankPairs(
    await prisma.meetingRequest.findMany({ where: { editionId: edition.id, firmId, status: { not: "DECLINED" } }, select: pairSelect }),
  );
  const registered = await prisma.meetingRegistration.findMany({
    where: { editionId: edition.id, cancelledAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: { buyerCompanyId: true, mode: true, languages: true, needsInterpreter: true, days: true },
  });
  const declined = new Set(
    (await prisma.meetingRequest.findMany({ where: { editionId: edition.id, firmId, status: "DECLINED" }, select: { buyerCompanyId: true } })).map((row) => row.buyerCompanyId),
  );
  const companyIds = [...new Set([...pairs.map((pair) => pair.buyerCompanyId), ...registered.map((row) => row.buyerCompanyId)])];
  const companies = await prisma.buyerCompany.findMany({
    where: { id: { in: companyIds } },
    select: {
      id: true,
      name: true,
      country: true,
      interests: true,
      requests: { where: { status: "OPEN" }, orderBy: { createdAt: "desc" }, take: 5, select: { id: true, title: true, hsCodes: true, quantity: true, unit: true } },
    },
  });
  const registration = new Map(registered.map((row) => [row.buyerCompanyId, row]));
  const describe = (id: string) => {
    const company = companies.find((row) => row.id === id)!;
    const reg = registration.get(id);
    return {
      buyerCompanyId: id,
      name: company.name,
      country: company.country ? countryName(company.country, locale) : null,
      interests: company.interests,
      wants: company.requests.map((request) => ({ id: request.id, title: displayTextIn(request.title, locale), hsCodes: request.hsCodes, quantity: request.quantity, unit: quantityUnitName(request.unit, locale) || null })),
      mode: reg?.mode ?? null,
      // Named in the reader's language (a Chinese firm reads 葡萄牙语, not "pt"), as the unit of what the buyer wants.
      languages: (reg?.languages ?? []).map((code) => languageName(code, localeTags[locale])),
      needsInterpreter: reg?.needsInterpreter ?? false,
    };
  };
  const withPair = new Set(pairs.map((pair) => pair.buyerCompanyId));
  return {
    requests: pairs
      .filter((pair) => registration.has(pair.buyerCompanyId))
      .map((pair) => ({ ...describe(pair.buyerCompanyId), request: { ...pairState(pair, "FIRM", now), theirMessage: pair.buyerMessage, matchScore: pair.matchScore } })),
    others: registered.filter((row) => !withPair.has(row.buyerCompanyId) && !declined.has(row.buyerCompanyId)).map((row) => describe(row.buyerCompanyId)),
  };
}
