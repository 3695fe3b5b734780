/**
 * Which firms a delegation call is for, and why a firm is not: the page of
 * open calls shows every call with its reasons, so a firm knows what to fix
 * (verify its profile, add a product) or that the call is for another town.
 * Pure.
 */

export interface CallEligibility {
  /** Towns whose firms may apply; empty means every town. */
  townIds: readonly string[];
  /** Clusters whose firms may apply; empty means every cluster. */
  clusterIds: readonly string[];
  /** Only firms the bureau has verified. */
  verifiedOnly: boolean;
  /** Published products a firm must have to show at the fair. */
  minProducts: number;
}

export interface FirmForEligibility {
  townId: string | null;
  clusterId: string | null;
  verified: boolean;
  publishedProducts: number;
}

export type IneligibleReason =
  | { code: "notVerified" }
  | { code: "otherTown"; townIds: readonly string[] }
  | { code: "otherCluster"; clusterIds: readonly string[] }
  | { code: "tooFewProducts"; needed: number; has: number };

/** Every reason the firm may not apply (none: it may). */
export function ineligibleReasons(firm: FirmForEligibility, call: CallEligibility): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (call.verifiedOnly && !firm.verified) reasons.push({ code: "notVerified" });
  if (call.townIds.length && (!firm.townId || !call.townIds.includes(firm.townId))) reasons.push({ code: "otherTown", townIds: call.townIds });
  if (call.clusterIds.length && (!firm.clusterId || !call.clusterIds.includes(firm.clusterId))) reasons.push({ code: "otherCluster", clusterIds: call.clusterIds });
  if (firm.publishedProducts < call.minProducts) reasons.push({ code: "tooFewProducts", needed: call.minProducts, has: firm.publishedProducts });
  return reasons;
}

export function isEligible(firm: FirmForEligibility, call: CallEligibility): boolean {
  return ineligibleReasons(firm, call).length === 0;
}
