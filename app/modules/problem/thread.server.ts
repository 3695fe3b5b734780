import { prisma, type Prisma } from "~/utils/db.server";
import type { ProblemViewer } from "~/modules/access/problem.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { CheckedAttachment } from "~/modules/inquiry/attachment.server";
import { detectMessageLanguage } from "~/modules/inquiry/language";
import { attachmentRows, withStoredAttachments } from "~/modules/inquiry/thread-writes.server";
import { DomainError, forbiddenError } from "~/utils/domain-error";
import { bureauWatchers, firmMembers, notifyProblem } from "./notify.server";
import { nextStatus, type ProblemEvent, type ProblemRefusal } from "./status";

/**
 * What the firm and the bureau do in a problem's thread. Each takes the
 * context requireProblemViewer checked, asks the pure state machine
 * (status.ts) and writes the change, its audit event and its notices in
 * one transaction.
 */
type Tx = Prisma.TransactionClient;

const refusalStatus: Record<ProblemRefusal, number> = { closed: 409, notClosed: 409, notAnswered: 409, reopenTooLate: 409 };

function refused(refusal: ProblemRefusal, field?: string): DomainError {
  return new DomainError(refusal, { status: refusalStatus[refusal], messageKey: `problems:errors.${refusal}`, field });
}

async function current(tx: Tx, problemId: string) {
  // Row lock: two people acting at once take turns, and the second sees the first's status.
  await tx.$executeRaw`SELECT 1 FROM "Problem" WHERE "id" = ${problemId} FOR UPDATE`;
  return tx.problem.findUniqueOrThrow({
    where: { id: problemId },
    select: { id: true, subject: true, status: true, firmId: true, assigneeId: true, department: true, closedAt: true, firstAnsweredAt: true },
  });
}

function move(problem: { status: "OPEN" | "ANSWERED" | "CLOSED" }, event: ProblemEvent, field?: string) {
  const next = nextStatus(problem.status, event);
  if (!next.ok) throw refused(next.refusal, field);
  return next.status;
}

/** A message in the thread; bureau staff may make it an internal note, which the firm never sees nor hears of. */
export async function postProblemMessage(viewer: ProblemViewer, input: { body: string; internal: boolean }, attachments: CheckedAttachment[], now = new Date()) {
  if (input.internal && viewer.side !== "BUREAU") throw forbiddenError();
  const language = detectMessageLanguage(input.body, viewer.user.locale);
  await withStoredAttachments(attachments, (keys) =>
    prisma.$transaction(async (tx) => {
      const problem = await current(tx, viewer.problemId);
      const status = move(problem, input.internal ? { type: "note" } : { type: "message", side: viewer.side }, "body");
      await tx.problemMessage.create({
        data: {
          problemId: problem.id,
          authorId: viewer.user.id,
          side: viewer.side,
          internal: input.internal,
          body: input.body,
          language: language.language,
          createdAt: now,
          attachments: { create: attachmentRows(attachments, keys) },
        },
      });
      if (input.internal) {
        await recordAudit(tx, { actorId: viewer.user.id, entityType: "problem", entityId: problem.id, action: "note" });
        return;
      }
      const firstAnswer = viewer.side === "BUREAU" && !problem.firstAnsweredAt;
      await tx.problem.update({
        where: { id: problem.id },
        data: { status, lastMessageAt: now, ...(firstAnswer ? { firstAnsweredAt: now } : {}) },
      });
      await recordAudit(tx, {
        actorId: viewer.user.id,
        entityType: "problem",
        entityId: problem.id,
        action: viewer.side === "BUREAU" ? "answer" : "reply",
        changes: status !== problem.status ? { status: { from: problem.status, to: status } } : {},
      });
      if (viewer.side === "BUREAU") await notifyProblem(tx, await firmMembers(tx, problem.firmId), "problem.answered", problem, viewer.user.id, input.body);
      else await notifyProblem(tx, await bureauWatchers(tx, problem.assigneeId), "problem.replied", problem, viewer.user.id, input.body);
    }),
  );
}

/** The bureau gives the problem to a staff member (or nobody) and a department. */
export async function assignProblem(viewer: ProblemViewer, input: { assigneeId?: string; department?: string }) {
  if (viewer.side !== "BUREAU") throw forbiddenError();
  await prisma.$transaction(async (tx) => {
    const problem = await current(tx, viewer.problemId);
    move(problem, { type: "assign" });
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId) {
      const staff = await tx.user.findFirst({ where: { id: assigneeId, role: { in: ["BUREAU_STAFF", "ADMIN"] }, status: "ACTIVE" }, select: { id: true } });
      if (!staff) throw new DomainError("notStaff", { status: 400, messageKey: "problems:errors.notStaff", field: "assigneeId" });
    }
    const department = input.department ?? null;
    await tx.problem.update({ where: { id: problem.id }, data: { assigneeId, department } });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      entityType: "problem",
      entityId: problem.id,
      action: "assign",
      changes: { assigneeId: { from: problem.assigneeId, to: assigneeId }, department: { from: problem.department, to: department } },
    });
    if (assigneeId && assigneeId !== problem.assigneeId) await notifyProblem(tx, await bureauWatchers(tx, assigneeId), "problem.assigned", problem, viewer.user.id);
  });
}

/** Either side closes the problem, or reopens it (the firm within FIRM_REOPEN_DAYS); the other side hears of it. */
export async function setProblemOpen(viewer: ProblemViewer, intent: "close" | "reopen", now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const problem = await current(tx, viewer.problemId);
    const event: ProblemEvent = intent === "close" ? { type: "close", side: viewer.side } : { type: "reopen", side: viewer.side, closedAt: problem.closedAt, now };
    const status = move(problem, event);
    await tx.problem.update({ where: { id: problem.id }, data: { status, closedAt: intent === "close" ? now : null } });
    await recordAudit(tx, { actorId: viewer.user.id, entityType: "problem", entityId: problem.id, action: intent, changes: { status: { from: problem.status, to: status } } });
    const recipients = viewer.side === "BUREAU" ? await firmMembers(tx, problem.firmId) : await bureauWatchers(tx, problem.assigneeId);
    await notifyProblem(tx, recipients, intent === "close" ? "problem.closed" : "problem.reopened", problem, viewer.user.id);
  });
}

/** The firm rates the bureau's answer of a closed problem (1-5, with a comment); rating again replaces it. */
export async function rateProblem(viewer: ProblemViewer, input: { rating: number; comment?: string }, now = new Date()) {
  if (viewer.side !== "FIRM") throw forbiddenError();
  await prisma.$transaction(async (tx) => {
    const problem = await current(tx, viewer.problemId);
    move(problem, { type: "rate", answered: problem.firstAnsweredAt !== null });
    await tx.problem.update({ where: { id: problem.id }, data: { rating: input.rating, ratingComment: input.comment ?? null, ratedAt: now } });
    await recordAudit(tx, { actorId: viewer.user.id, entityType: "problem", entityId: problem.id, action: "rate", changes: { rating: input.rating } });
  });
}
