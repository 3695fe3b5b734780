import { DateTime } from "luxon";
import type { Locale } from "~/i18n/config";
import { recordAudit } from "~/modules/audit/audit.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { prisma } from "~/utils/db.server";
import type { MeetingEdition } from "./edition.server";
import { answerableStages, followUpDueAt, type FollowUpStage } from "./followups";
import { outcomeRecord, outcomeWindow, type BuyerOutcomeInput, type FirmOutcomeInput, type OutcomeRecord, type OutcomeWindow } from "./outcome";

/**
 * Meeting outcomes, the I/O side: each side lists its published meetings
 * with what it recorded, and records or changes its own record while the
 * meeting's window is open (outcome.ts). A side reaches only meetings of its
 * own requests: another party's request id is 404, as an unknown one.
 */
export type OutcomeOwner = { side: "FIRM"; firmId: string } | { side: "BUYER"; buyerCompanyId: string };

const ownerWhere = (owner: OutcomeOwner) => (owner.side === "FIRM" ? { firmId: owner.firmId } : { buyerCompanyId: owner.buyerCompanyId });

const recordSelect = {
  attendance: true,
  interest: true,
  samplesRequested: true,
  quotationSent: true,
  intendedOrderUsd: true,
  orderPlaced: true,
  confirmedOrderUsd: true,
  rating: true,
  notes: true,
  updatedAt: true,
  correctedAt: true,
} as const;

export interface OutcomeRow {
  requestId: string;
  startsAt: string;
  when: string;
  counterpart: string;
  window: OutcomeWindow;
  record: (OutcomeRecord & { updatedAt: string; corrected: boolean }) | null;
  /** The firm's follow-ups: the stages it may answer now, and what it answered at each (the history). */
  followUps: { answerable: FollowUpStage[]; answered: FollowUpAnswer[] };
}

export interface FollowUpAnswer {
  stage: number;
  answeredAt: string;
  orderPlaced: boolean;
  confirmedOrderUsd: number | null;
  notes: string | null;
}

async function published(editionId: string) {
  const grid = await prisma.meetingGrid.findUnique({ where: { editionId }, select: { status: true } });
  return grid?.status === "PUBLISHED";
}

/** The side's meetings at the edition, earliest first, each with its own record. Nothing before publishing. */
export async function outcomesFor(edition: MeetingEdition, owner: OutcomeOwner, locale: Locale, now = new Date()): Promise<OutcomeRow[]> {
  if (!(await published(edition.id))) return [];
  const rows = await prisma.meeting.findMany({
    where: { editionId: edition.id, request: { ...ownerWhere(owner), status: "ACCEPTED" } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      requestId: true,
      startsAt: true,
      request: {
        select: {
          firm: { select: { name: true } },
          buyerCompany: { select: { name: true } },
          outcomes: { where: { side: owner.side }, select: recordSelect },
          followUps: owner.side === "FIRM" ? { where: { answeredAt: { not: null } }, orderBy: { stage: "asc" }, select: { stage: true, answeredAt: true, orderPlaced: true, confirmedOrderUsd: true, notes: true } } : false,
        },
      },
    },
  });
  return rows.map((row) => {
    const record = row.request.outcomes[0];
    return {
      requestId: row.requestId,
      startsAt: row.startsAt.toISOString(),
      when: `${DateTime.fromJSDate(row.startsAt, { zone: edition.timeZone }).setLocale(locale).toLocaleString(DateTime.DATETIME_MED)} (${edition.timeZone.replace(/_/g, " ")})`,
      counterpart: owner.side === "FIRM" ? row.request.buyerCompany.name : displayTextIn(row.request.firm.name, locale),
      window: outcomeWindow(row.startsAt, now),
      record: record ? { ...record, updatedAt: record.updatedAt.toISOString(), corrected: record.correctedAt !== null } : null,
      followUps:
        owner.side === "FIRM"
          ? {
              answerable: record?.attendance === "HELD" ? answerableStages(row.startsAt, now) : [],
              answered: (row.request.followUps ?? []).map((entry) => ({ ...entry, answeredAt: entry.answeredAt!.toISOString() })),
            }
          : { answerable: [], answered: [] },
    };
  });
}

const windowError = (window: Exclude<OutcomeWindow, "open">) =>
  new DomainError(window === "notYet" ? "outcomeTooEarly" : "outcomeClosed", { status: 409, messageKey: `meetingReport:errors.${window === "notYet" ? "tooEarly" : "closed"}` });

/** Records or changes the side's outcome of one of its meetings. */
export async function recordOutcome(
  actor: { userId: string },
  edition: MeetingEdition,
  input: { side: "FIRM"; firmId: string; value: FirmOutcomeInput } | { side: "BUYER"; buyerCompanyId: string; value: BuyerOutcomeInput },
  now = new Date(),
) {
  const owner: OutcomeOwner = input.side === "FIRM" ? { side: "FIRM", firmId: input.firmId } : { side: "BUYER", buyerCompanyId: input.buyerCompanyId };
  const meeting = await prisma.meeting.findFirst({
    where: { editionId: edition.id, requestId: input.value.requestId, request: { ...ownerWhere(owner), status: "ACCEPTED" } },
    select: { startsAt: true },
  });
  if (!meeting || !(await published(edition.id))) throw notFoundError("meetingNotFound");
  const window = outcomeWindow(meeting.startsAt, now);
  if (window !== "open") throw windowError(window);
  const data = { ...outcomeRecord(input.side === "FIRM" ? { side: "FIRM", value: input.value } : { side: "BUYER", value: input.value }), recordedById: actor.userId };
  const stage = input.side === "FIRM" ? input.value.followUpStage : undefined;
  if (stage !== undefined && followUpDueAt(meeting.startsAt, stage).getTime() > now.getTime()) {
    throw new DomainError("followUpTooEarly", { status: 409, messageKey: "meetingReport:errors.followUpTooEarly" });
  }
  const requestId = input.value.requestId;
  await prisma.$transaction(async (tx) => {
    await tx.meetingOutcome.upsert({ where: { requestId_side: { requestId, side: input.side } }, create: { requestId, side: input.side, ...data }, update: data });
    if (stage === undefined) return;
    // The follow-up's answer, kept per stage beside the outcome it updated.
    const answer = { answeredAt: now, answeredById: actor.userId, orderPlaced: data.orderPlaced, confirmedOrderUsd: data.confirmedOrderUsd, notes: data.notes };
    await tx.meetingFollowUp.upsert({ where: { requestId_stage: { requestId, stage } }, create: { requestId, stage, ...answer }, update: answer });
  });
}

/**
 * Bureau staff correct a side's record (a firm that typed a value in the
 * wrong currency, a no-show recorded against the wrong side); the change is
 * audited against the edition, with the fields before and after.
 */
export async function correctOutcome(
  staff: { userId: string },
  edition: MeetingEdition,
  input: { side: "FIRM"; value: FirmOutcomeInput } | { side: "BUYER"; value: BuyerOutcomeInput },
) {
  const requestId = input.value.requestId;
  const meeting = await prisma.meeting.findFirst({ where: { editionId: edition.id, requestId }, select: { id: true } });
  if (!meeting) throw notFoundError("meetingNotFound");
  const data = outcomeRecord(input.side === "FIRM" ? { side: "FIRM", value: input.value } : { side: "BUYER", value: input.value });
  await prisma.$transaction(async (tx) => {
    const before = await tx.meetingOutcome.findUnique({ where: { requestId_side: { requestId, side: input.side } }, select: recordSelect });
    await tx.meetingOutcome.upsert({
      where: { requestId_side: { requestId, side: input.side } },
      create: { requestId, side: input.side, ...data, correctedAt: new Date() },
      update: { ...data, correctedAt: new Date() },
    });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, to] of Object.entries(data)) {
      const from = before ? before[field as keyof OutcomeRecord] : null;
      if (from !== to) changes[field] = { from, to };
    }
    await recordAudit(tx, { actorId: staff.userId, entityType: "fair", entityId: edition.id, action: "meetings.outcome.correct", changes: { requestId: { from: null, to: requestId }, side: { from: null, to: input.side }, ...changes } });
  });
}

/** Every recorded outcome of the edition, both sides, for the bureau's corrections. */
export async function recordedOutcomes(edition: MeetingEdition, locale: Locale) {
  const rows = await prisma.meetingOutcome.findMany({
    where: { request: { editionId: edition.id } },
    orderBy: [{ requestId: "asc" }, { side: "asc" }],
    take: 1000,
    select: { requestId: true, side: true, ...recordSelect, request: { select: { firm: { select: { name: true } }, buyerCompany: { select: { name: true } } } } },
  });
  return rows.map(({ requestId, side, request, updatedAt, correctedAt, ...record }) => ({
    requestId,
    side,
    firm: displayTextIn(request.firm.name, locale),
    buyer: request.buyerCompany.name,
    record: { ...record, updatedAt: updatedAt.toISOString(), corrected: correctedAt !== null },
  }));
}
