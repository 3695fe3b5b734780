import { isLimited, takeHits, type Limit } from "~/utils/rate-limit.server";

/**
 * New inquiries per buyer (account) and per address: enough for a real
 * buyer comparing suppliers, too few for a spam run. Windows stay within
 * the rate limiter's 24 hours.
 */
export const inquiryLimits = {
  perBuyerHour: { bucket: "inquiry:buyer:hour", max: 10, windowMs: 60 * 60 * 1000 },
  perBuyerDay: { bucket: "inquiry:buyer:day", max: 30, windowMs: 24 * 60 * 60 * 1000 },
  perAddressHour: { bucket: "inquiry:address:hour", max: 20, windowMs: 60 * 60 * 1000 },
} satisfies Record<string, Limit>;

export async function isInquiryLimited(userId: string, address: string) {
  const checks = await Promise.all([
    isLimited(inquiryLimits.perBuyerHour, userId),
    isLimited(inquiryLimits.perBuyerDay, userId),
    isLimited(inquiryLimits.perAddressHour, address),
  ]);
  return checks.some(Boolean);
}

/** Counts a new inquiry against every limit, atomically; null when one is reached meanwhile. */
export function takeInquiryHit(userId: string, address: string) {
  return takeHits([
    { limit: inquiryLimits.perBuyerHour, key: userId },
    { limit: inquiryLimits.perBuyerDay, key: userId },
    { limit: inquiryLimits.perAddressHour, key: address },
  ]);
}

/**
 * Answers to sourcing requests (threads a firm starts): per firm and per
 * member. A firm answering every request it sees would be spam to buyers.
 */
export const offerLimits = {
  perMemberHour: { bucket: "offer:member:hour", max: 10, windowMs: 60 * 60 * 1000 },
  perFirmDay: { bucket: "offer:firm:day", max: 30, windowMs: 24 * 60 * 60 * 1000 },
} satisfies Record<string, Limit>;

export async function isOfferLimited(userId: string, firmId: string) {
  const checks = await Promise.all([isLimited(offerLimits.perMemberHour, userId), isLimited(offerLimits.perFirmDay, firmId)]);
  return checks.some(Boolean);
}

/** Counts an answer against every limit, atomically; null when one is reached meanwhile. */
export function takeOfferHit(userId: string, firmId: string) {
  return takeHits([
    { limit: offerLimits.perMemberHour, key: userId },
    { limit: offerLimits.perFirmDay, key: firmId },
  ]);
}
