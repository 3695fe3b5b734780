import crypto from "node:crypto";

/**
 * The name a deleted account keeps in the audit trail: the same person gets
 * the same pseudonym in every event (so the trail still reads as "one person
 * did these"), and nobody without the server's secret can turn it back into
 * the account. Only a-z, 0-9 and "-".
 */
export function pseudonymFor(userId: string, secret: string): string {
  const digest = crypto.createHmac("sha256", secret).update(`deleted-user:${userId}`).digest("hex");
  return `deleted-${digest.slice(0, 16)}`;
}

export function isPseudonym(value: string | null | undefined): boolean {
  return typeof value === "string" && /^deleted-[0-9a-f]{16}$/.test(value);
}
