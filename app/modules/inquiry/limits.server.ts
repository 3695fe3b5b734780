import { isLimited, recordHit, type Limit } from "~/utils/rate-limit.server";

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

export async function recordInquiryHit(userId: string, address: string) {
  await recordHit(inquiryLimits.perBuyerHour, userId);
  await recordHit(inquiryLimits.perBuyerDay, userId);
  await recordHit(inquiryLimits.perAddressHour, address);
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

export async function recordOfferHit(userId: string, firmId: string) {
  await recordHit(offerLimits.perMemberHour, userId);
  await recordHit(offerLimits.perFirmDay, firmId);
}
