import { notify } from "~/modules/notification/notification.server";
import { prisma } from "~/utils/db.server";
import { dueFollowUp, FOLLOW_UP_RULES, recordClosesAt } from "./followups";
import { OUTCOME_RULES } from "./outcome";

/**
 * Follow-up reminders (issue 10, item 7): 30, 90 and 180 days after each
 * held meeting (followups.ts says when), the firm is told — inbox and mail,
 * in each member's language — with a link to that meeting's record on its
 * outcomes page. Run by the worker loop of every instance and by
 * `npm run cli -- remind-followups`; sent once: the MeetingFollowUp row
 * (meeting, stage) is inserted first in the transaction that writes the
 * notices (ON CONFLICT DO NOTHING), so a stage already reminded — or already
 * answered by the firm — is skipped, whatever the number of workers.
 */
export interface FollowUpReminderRun {
  meetings: number;
  reminded: number;
}

export async function sendFollowUpReminders(now = new Date()): Promise<FollowUpReminderRun> {
  const firstStage = FOLLOW_UP_RULES.stages[0];
  const meetings = await prisma.meeting.findMany({
    where: {
      // Meetings whose first stage may be due and whose record is still open.
      startsAt: { lte: new Date(now.getTime() - (firstStage - 1) * 86_400_000), gt: new Date(now.getTime() - OUTCOME_RULES.editableDays * 86_400_000) },
      edition: { meetingGrid: { is: { status: "PUBLISHED" } } },
      request: { status: "ACCEPTED", outcomes: { some: { attendance: "HELD" } } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      requestId: true,
      startsAt: true,
      edition: { select: { slug: true, name: true } },
      request: {
        select: {
          firmId: true,
          firm: { select: { name: true } },
          buyerCompany: { select: { name: true } },
          outcomes: { select: { side: true, attendance: true, updatedAt: true } },
          followUps: { select: { stage: true } },
        },
      },
    },
  });
  let reminded = 0;
  for (const meeting of meetings) {
    const firm = meeting.request.outcomes.find((outcome) => outcome.side === "FIRM");
    const attendance = (firm ?? meeting.request.outcomes.find((outcome) => outcome.side === "BUYER"))?.attendance;
    const stage = dueFollowUp(
      { startsAt: meeting.startsAt, held: attendance === "HELD", outcomeUpdatedAt: firm?.updatedAt ?? null, claimedStages: meeting.request.followUps.map((row) => row.stage) },
      now,
    );
    if (stage === null || now.getTime() >= recordClosesAt(meeting.startsAt).getTime()) continue;
    reminded += await prisma.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        INSERT INTO "MeetingFollowUp" ("requestId", "stage", "remindedAt")
        VALUES (${meeting.requestId}, ${stage}, ${now.toISOString()}::timestamp)
        ON CONFLICT DO NOTHING`;
      if (claimed === 0) return 0;
      const recipients = await tx.user.findMany({ where: { firmId: meeting.request.firmId, role: "FIRM_MEMBER", status: "ACTIVE" }, select: { id: true, email: true, locale: true } });
      const href = `/meetings/${meeting.edition.slug}/firm/outcomes`;
      await notify(tx, {
        recipients,
        kind: "meeting.followUp",
        params: { fairName: meeting.edition.name, firmName: meeting.request.firm.name, buyerCompany: meeting.request.buyerCompany.name, startsAt: meeting.startsAt.toISOString(), timeZone: FOLLOW_UP_RULES.zone, followUpDays: stage, path: href },
        link: (locale) => `/${locale}${href}#meeting-${meeting.requestId}`,
      });
      return 1;
    });
  }
  return { meetings: meetings.length, reminded };
}
