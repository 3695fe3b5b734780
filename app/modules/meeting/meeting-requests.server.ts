import { defaultLocale, matchLocale, type Locale } from "~/i18n/config";
import { notify, type Recipient } from "~/modules/notification/notification.server";
import type { NotificationKind } from "~/modules/notification/kinds";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { prisma, type Prisma } from "~/utils/db.server";
import { isDelegationFirm, type MeetingEdition } from "./edition.server";
import { pairMatchScore } from "./match-input.server";
import { MEETING_REQUEST_RULES, planAsk, planRespond, withinCap, type MeetingSide } from "./requests";
import { changingAgendas } from "./agenda-cache.server";

type Tx = Prisma.TransactionClient;

/**
 * Meeting requests between a buyer and a delegation firm (rules in
 * requests.ts). Every change runs in one transaction holding the two
 * participants' advisory locks, so two requests at once cannot both pass a
 * cap; the other side is told in their language (notification + mail outbox).
 */
export type MeetingActor = { userId: string; side: "BUYER"; buyerCompanyId: string } | { userId: string; side: "FIRM"; firmId: string };

const refusal = (reason: string, status = 409) => new DomainError(reason, { status, messageKey: `meetings:errors.${reason}` });

async function lockParticipants(tx: Tx, editionId: string, buyerCompanyId: string, firmId: string) {
  // Always in the same order (buyer, then firm), so two transactions never wait on each other in a circle.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`meeting:${editionId}:buyer:${buyerCompanyId}`}, 0))`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`meeting:${editionId}:firm:${firmId}`}, 0))`;
}

const open = { in: ["PENDING", "ACCEPTED"] as ("PENDING" | "ACCEPTED")[] };

async function openPairCount(tx: Tx, editionId: string, where: { buyerCompanyId: string } | { firmId: string }, now: Date) {
  return tx.meetingRequest.count({
    where: { editionId, ...where, status: open, OR: [{ status: "ACCEPTED" }, { expiresAt: { gt: now } }] },
  });
}

async function recipientsOf(tx: Tx, where: { buyerCompanyId: string } | { firmId: string }): Promise<Recipient[]> {
  const role = "buyerCompanyId" in where ? "BUYER" : "FIRM_MEMBER";
  return tx.user.findMany({ where: { ...where, role, status: "ACTIVE" }, select: { id: true, email: true, locale: true } });
}

async function tell(tx: Tx, kind: NotificationKind, edition: MeetingEdition, to: MeetingSide, pair: { buyerCompanyId: string; firmId: string }, excerpt?: string | null) {
  const [firm, buyer, fair] = await Promise.all([
    tx.firm.findUnique({ where: { id: pair.firmId }, select: { name: true } }),
    tx.buyerCompany.findUnique({ where: { id: pair.buyerCompanyId }, select: { name: true } }),
    tx.fairEdition.findUnique({ where: { id: edition.id }, select: { name: true } }),
  ]);
  const recipients = await recipientsOf(tx, to === "BUYER" ? { buyerCompanyId: pair.buyerCompanyId } : { firmId: pair.firmId });
  const path = to === "BUYER" ? `/meetings/${edition.slug}/buyer` : `/meetings/${edition.slug}/firm`;
  await notify(tx, {
    recipients,
    kind,
    params: { firmName: firm?.name, buyerCompany: buyer?.name ?? "", fairName: fair?.name, excerpt: excerpt ?? undefined, path },
    link: (locale: Locale) => `/${matchLocale(locale) ?? defaultLocale}${path}`,
  });
}

/** Marks pending requests past their expiry as expired (reads treat them so already). */
export async function sweepExpiredRequests(now = new Date()) {
  const swept = await changingAgendas(prisma.meetingRequest.updateMany({ where: { status: "PENDING", expiresAt: { lte: now } }, data: { status: "EXPIRED" } }));
  return swept.count;
}

export async function askToMeet(actor: MeetingActor, edition: MeetingEdition, counterpartId: string, message: string, now = new Date()) {
  if (edition.past) throw refusal("fairOver");
  const buyerCompanyId = actor.side === "BUYER" ? actor.buyerCompanyId : counterpartId;
  const firmId = actor.side === "FIRM" ? actor.firmId : counterpartId;
  // The firm must be in this delegation and the buyer registered (and not cancelled), whoever asks.
  if (!(await isDelegationFirm(edition.id, firmId))) throw actor.side === "FIRM" ? refusal("notInDelegation", 403) : refusal("firmNotInDelegation", 404);
  const registration = await prisma.meetingRegistration.findUnique({
    where: { editionId_buyerCompanyId: { editionId: edition.id, buyerCompanyId } },
    select: { cancelledAt: true },
  });
  if (!registration || registration.cancelledAt) throw actor.side === "BUYER" ? refusal("notRegistered") : refusal("buyerNotRegistered", 404);
  const matchScore = await pairMatchScore(buyerCompanyId, firmId);
  const side = actor.side;
  return changingAgendas(prisma.$transaction(async (tx) => {
    await lockParticipants(tx, edition.id, buyerCompanyId, firmId);
    const key = { editionId_buyerCompanyId_firmId: { editionId: edition.id, buyerCompanyId, firmId } };
    const pair = await tx.meetingRequest.findUnique({ where: key });
    const plan = planAsk(pair, side, now);
    if (!plan.ok) throw refusal(plan.reason);
    const cap = MEETING_REQUEST_RULES.maxOpenPerParticipant;
    if (!pair) {
      if (!withinCap(await openPairCount(tx, edition.id, side === "BUYER" ? { buyerCompanyId } : { firmId }, now), cap)) throw refusal("capReached");
      if (!withinCap(await openPairCount(tx, edition.id, side === "BUYER" ? { firmId } : { buyerCompanyId }, now), cap)) throw refusal("counterpartCapReached");
    }
    const asked =
      side === "BUYER"
        ? { buyerAskedAt: now, buyerMessage: message || null, buyerAskedById: actor.userId }
        : { firmAskedAt: now, firmMessage: message || null, firmAskedById: actor.userId };
    const saved = pair
      ? await tx.meetingRequest.update({ where: { id: pair.id }, data: { ...asked, status: plan.status, matchScore, decidedAt: now, decidedById: actor.userId } })
      : await tx.meetingRequest.create({ data: { ...asked, editionId: edition.id, buyerCompanyId, firmId, status: plan.status, matchScore, expiresAt: plan.expiresAt } });
    await tell(tx, plan.mutual ? "meeting.accepted" : "meeting.requested", edition, side === "BUYER" ? "FIRM" : "BUYER", { buyerCompanyId, firmId }, message);
    return { id: saved.id, status: saved.status, mutual: plan.mutual };
  }));
}

export async function respondToRequest(actor: MeetingActor, edition: MeetingEdition, requestId: string, decision: "accept" | "decline", now = new Date()) {
  const owner = actor.side === "BUYER" ? { buyerCompanyId: actor.buyerCompanyId } : { firmId: actor.firmId };
  const found = requestId ? await prisma.meetingRequest.findFirst({ where: { id: requestId, editionId: edition.id, ...owner }, select: { buyerCompanyId: true, firmId: true } }) : null;
  // Another party's request is as unknown as a missing one.
  if (!found) throw notFoundError("meetingRequestNotFound");
  return changingAgendas(prisma.$transaction(async (tx) => {
    await lockParticipants(tx, edition.id, found.buyerCompanyId, found.firmId);
    const pair = await tx.meetingRequest.findUniqueOrThrow({ where: { id: requestId } });
    const plan = planRespond(pair, actor.side, decision, now);
    if (!plan.ok) throw refusal(plan.reason);
    if (plan.status === "ACCEPTED") {
      const mine = actor.side === "BUYER" ? { buyerCompanyId: found.buyerCompanyId } : { firmId: found.firmId };
      const agreed = await tx.meetingRequest.count({ where: { editionId: edition.id, ...mine, status: "ACCEPTED" } });
      if (!withinCap(agreed, MEETING_REQUEST_RULES.maxOpenPerParticipant)) throw refusal("capReached");
    }
    await tx.meetingRequest.update({
      where: { id: requestId },
      data: { status: plan.status, declinedBy: plan.status === "DECLINED" ? actor.side : null, decidedAt: now, decidedById: actor.userId },
    });
    await tell(tx, plan.status === "ACCEPTED" ? "meeting.accepted" : "meeting.declined", edition, actor.side === "BUYER" ? "FIRM" : "BUYER", found);
    return { status: plan.status };
  }));
}
