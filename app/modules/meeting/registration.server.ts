import { DomainError } from "~/utils/domain-error";
import { prisma } from "~/utils/db.server";
import type { MeetingEdition } from "./edition.server";
import type { RegistrationInput } from "./registration.schema";
import { changingAgendas } from "./agenda-cache.server";

/**
 * A buyer's registration for meetings at an edition: created, edited,
 * cancelled (a cancelled registration keeps its row; registering again
 * revives it). Cancelling withdraws the buyer from the edition's pending
 * and agreed meeting requests, which the firms then no longer see.
 */
export interface BuyerActor {
  userId: string;
  buyerCompanyId: string;
}

const registrationSelect = {
  id: true,
  days: true,
  mode: true,
  timeZone: true,
  videoLink: true,
  languages: true,
  needsInterpreter: true,
  cancelledAt: true,
  updatedAt: true,
} as const;

export async function getRegistration(editionId: string, buyerCompanyId: string) {
  const row = await prisma.meetingRegistration.findUnique({ where: { editionId_buyerCompanyId: { editionId, buyerCompanyId } }, select: registrationSelect });
  if (!row) return null;
  return { ...row, cancelledAt: row.cancelledAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString() };
}

/** Whether the company is registered (and not cancelled) for the edition. */
export async function isRegistered(editionId: string, buyerCompanyId: string): Promise<boolean> {
  return (await prisma.meetingRegistration.count({ where: { editionId, buyerCompanyId, cancelledAt: null } })) > 0;
}

export async function saveRegistration(actor: BuyerActor, edition: MeetingEdition, input: RegistrationInput) {
  if (edition.past) throw new DomainError("fairOver", { status: 409, messageKey: "meetings:errors.fairOver" });
  const data = {
    days: input.days,
    mode: input.mode,
    timeZone: input.timeZone,
    videoLink: input.videoLink,
    languages: input.languages,
    needsInterpreter: input.needsInterpreter,
    cancelledAt: null,
  };
  return changingAgendas(prisma.meetingRegistration.upsert({
    where: { editionId_buyerCompanyId: { editionId: edition.id, buyerCompanyId: actor.buyerCompanyId } },
    create: { ...data, editionId: edition.id, buyerCompanyId: actor.buyerCompanyId, createdById: actor.userId },
    update: data,
    select: { id: true },
  }));
}

export async function cancelRegistration(actor: BuyerActor, edition: MeetingEdition, now = new Date()) {
  await changingAgendas(prisma.$transaction(async (tx) => {
    const cancelled = await tx.meetingRegistration.updateMany({
      where: { editionId: edition.id, buyerCompanyId: actor.buyerCompanyId, cancelledAt: null },
      data: { cancelledAt: now },
    });
    if (cancelled.count === 0) throw new DomainError("notRegistered", { status: 409, messageKey: "meetings:errors.notRegistered" });
    await tx.meetingRequest.updateMany({
      where: { editionId: edition.id, buyerCompanyId: actor.buyerCompanyId, status: { in: ["PENDING", "ACCEPTED"] } },
      data: { status: "DECLINED", declinedBy: "BUYER", decidedAt: now, decidedById: actor.userId },
    });
  }));
}
