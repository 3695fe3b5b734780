import { prisma } from "~/utils/db.server";
import { forbidden, notFound } from "~/utils/http.server";
import { isBureau, requireUser, type AuthUser } from "./user.server";

export type Side = "BUYER" | "FIRM";

/** The party a user acts for: their buying company or their firm. */
export type Party = { side: "BUYER"; buyerCompanyId: string } | { side: "FIRM"; firmId: string };

export function partyOf(user: Pick<AuthUser, "role" | "firmId" | "buyerCompanyId">): Party | null {
  if (user.role === "BUYER" && user.buyerCompanyId) return { side: "BUYER", buyerCompanyId: user.buyerCompanyId };
  if (user.role === "FIRM_MEMBER" && user.firmId) return { side: "FIRM", firmId: user.firmId };
  return null;
}

/** Who reads a thread: one of its parties (side), or bureau staff on a reported thread (bureau). */
export interface InquiryViewer {
  user: AuthUser;
  inquiryId: string;
  firmId: string;
  buyerCompanyId: string;
  side: Side | null;
  bureau: boolean;
}

/** Who acts in a thread: one of its parties. */
export interface InquiryParty extends InquiryViewer {
  side: Side;
}

/**
 * The thread as the signed-in user may see it: the two parties, and bureau
 * staff once the thread has been reported. Anyone else gets 404 (not even
 * its existence); anonymous visitors are sent to sign in.
 */
export async function requireInquiryViewer(request: Request, inquiryId: string): Promise<InquiryViewer> {
  const user = await requireUser(request);
  const inquiry = await prisma.inquiry.findUnique({
    where: { id: inquiryId },
    select: { id: true, firmId: true, buyerCompanyId: true, _count: { select: { reports: true } } },
  });
  if (!inquiry) notFound();
  const party = partyOf(user);
  let side: Side | null = null;
  if (party?.side === "BUYER" && party.buyerCompanyId === inquiry.buyerCompanyId) side = "BUYER";
  if (party?.side === "FIRM" && party.firmId === inquiry.firmId) side = "FIRM";
  const bureau = side === null && isBureau(user) && inquiry._count.reports > 0;
  if (!side && !bureau) notFound();
  return { user, inquiryId: inquiry.id, firmId: inquiry.firmId, buyerCompanyId: inquiry.buyerCompanyId, side, bureau };
}

/** Only a party may act on a thread (bureau staff read reported ones, nothing more): 403; with `side`, only that party. */
export async function requireInquiryParty(request: Request, inquiryId: string, side?: Side): Promise<InquiryParty> {
  const viewer = await requireInquiryViewer(request, inquiryId);
  if (!viewer.side) forbidden();
  if (side && viewer.side !== side) forbidden();
  return { ...viewer, side: viewer.side };
}

/** A buyer or a firm member, with the party whose inbox they read; anyone else 403. */
export async function requireInboxParty(request: Request): Promise<{ user: AuthUser; party: Party }> {
  const user = await requireUser(request);
  const party = partyOf(user);
  if (!party) forbidden();
  return { user, party };
}
