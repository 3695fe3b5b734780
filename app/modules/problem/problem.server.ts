import { prisma } from "~/utils/db.server";
import type { ProblemViewer } from "~/modules/access/problem.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import type { CheckedAttachment } from "~/modules/inquiry/attachment.server";
import { detectMessageLanguage } from "~/modules/inquiry/language";
import { attachmentStore } from "~/modules/inquiry/storage.server";
import { attachmentRows, withStoredAttachments } from "~/modules/inquiry/thread-writes.server";
import { bureauWatchers, notifyProblem } from "./notify.server";
import { firstAnswerDue, slaState } from "./sla";
import type { ProblemCategory, ProblemStatus } from "./status";

/**
 * Raising a problem and reading problems: the firm's own list, the bureau's
 * list, one problem's thread. What happens in a thread: thread.server.ts.
 */

export async function raiseProblem(
  member: { id: string; firmId: string; locale: string },
  input: { category: ProblemCategory; subject: string; body: string },
  attachments: CheckedAttachment[],
  now = new Date(),
) {
  const language = detectMessageLanguage(`${input.subject}\n${input.body}`, member.locale);
  return withStoredAttachments(attachments, (keys) =>
    prisma.$transaction(async (tx) => {
      const problem = await tx.problem.create({
        data: {
          firmId: member.firmId,
          raisedById: member.id,
          category: input.category,
          subject: input.subject,
          firstAnswerDueAt: firstAnswerDue(now),
          lastMessageAt: now,
          createdAt: now,
          messages: {
            create: { authorId: member.id, side: "FIRM", body: input.body, language: language.language, createdAt: now, attachments: { create: attachmentRows(attachments, keys) } },
          },
        },
        select: { id: true, subject: true },
      });
      await recordAudit(tx, { actorId: member.id, entityType: "problem", entityId: problem.id, action: "raise", changes: { category: input.category, attachments: attachments.length } });
      const firm = await tx.firm.findUniqueOrThrow({ where: { id: member.firmId }, select: { name: true } });
      await notifyProblem(tx, await bureauWatchers(tx, null), "problem.raised", problem, member.id, input.body, { firmName: firm.name });
      return problem;
    }),
  );
}

const listFields = {
  id: true,
  category: true,
  subject: true,
  status: true,
  department: true,
  createdAt: true,
  lastMessageAt: true,
  firstAnswerDueAt: true,
  firstAnsweredAt: true,
  rating: true,
} as const;

function listItem(row: { createdAt: Date; lastMessageAt: Date; firstAnswerDueAt: Date; firstAnsweredAt: Date | null; status: ProblemStatus }, now: Date) {
  return {
    createdAt: row.createdAt.toISOString(),
    lastMessageAt: row.lastMessageAt.toISOString(),
    firstAnswerDueAt: row.firstAnswerDueAt.toISOString(),
    sla: row.status === "CLOSED" && !row.firstAnsweredAt ? null : slaState(row, now),
  };
}

/** The firm's problems, latest activity first. */
export async function listFirmProblems(firmId: string, now = new Date()) {
  const rows = await prisma.problem.findMany({ where: { firmId }, orderBy: { lastMessageAt: "desc" }, take: 200, select: listFields });
  return rows.map((row) => ({ ...row, ...listItem(row, now) }));
}

/** The bureau's queue: not closed first, oldest deadline first; filtered. */
export async function listBureauProblems(
  filter: { status?: ProblemStatus; category?: ProblemCategory; assigned?: "me" | "none" },
  viewerId: string,
  locale: Locale,
  now = new Date(),
) {
  const rows = await prisma.problem.findMany({
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.assigned === "me" ? { assigneeId: viewerId } : filter.assigned === "none" ? { assigneeId: null } : {}),
    },
    orderBy: [{ status: "asc" }, { firstAnswerDueAt: "asc" }],
    take: 300,
    select: { ...listFields, firm: { select: { id: true, name: true } }, assignee: { select: { displayName: true } } },
  });
  return rows.map((row) => ({
    ...row,
    ...listItem(row, now),
    firm: { id: row.firm.id, name: textIn(row.firm.name, locale, textFallbacks[locale]) },
    assignee: row.assignee?.displayName ?? null,
  }));
}

/** One problem as its viewer may see it: the firm never sees internal notes or who is assigned by name. */
export async function getProblem(viewer: ProblemViewer, locale: Locale, now = new Date()) {
  const bureau = viewer.side === "BUREAU";
  const problem = await prisma.problem.findUniqueOrThrow({
    where: { id: viewer.problemId },
    select: {
      ...listFields,
      closedAt: true,
      ratingComment: true,
      assigneeId: true,
      firm: { select: { id: true, name: true } },
      assignee: { select: { displayName: true } },
      messages: {
        where: bureau ? {} : { internal: false },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          side: true,
          internal: true,
          body: true,
          language: true,
          createdAt: true,
          author: { select: { id: true, displayName: true } },
          attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, contentType: true, sizeBytes: true } },
        },
      },
    },
  });
  // Opening the problem reads its notices.
  await prisma.notification.updateMany({ where: { userId: viewer.user.id, readAt: null, params: { path: ["problemId"], equals: problem.id } }, data: { readAt: now } });
  const staff = bureau
    ? await prisma.user.findMany({ where: { role: { in: ["BUREAU_STAFF", "ADMIN"] }, status: "ACTIVE" }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true } })
    : [];
  return {
    ...problem,
    ...listItem(problem, now),
    side: viewer.side,
    closedAt: problem.closedAt?.toISOString() ?? null,
    firm: { id: problem.firm.id, name: textIn(problem.firm.name, locale, textFallbacks[locale]) },
    assigneeId: bureau ? problem.assigneeId : null,
    assignee: bureau ? problem.assignee?.displayName ?? null : null,
    answered: problem.firstAnsweredAt !== null,
    staff,
    messages: problem.messages.map((message) => ({
      ...message,
      createdAt: message.createdAt.toISOString(),
      own: message.author?.id === viewer.user.id,
      // The firm reads the bureau's answers as the bureau's, not a person's.
      authorName: message.side === "BUREAU" && !bureau ? null : message.author?.displayName ?? null,
      author: undefined,
    })),
  };
}

/** An attachment's bytes, if the viewer may see its message (internal notes: the bureau only). */
export async function getProblemAttachment(viewer: ProblemViewer, attachmentId: string) {
  const attachment = await prisma.problemAttachment.findFirst({
    where: { id: attachmentId, message: { problemId: viewer.problemId, ...(viewer.side === "BUREAU" ? {} : { internal: false }) } },
    select: { storageKey: true, fileName: true, contentType: true },
  });
  if (!attachment) return null;
  const bytes = await attachmentStore().get(attachment.storageKey);
  return bytes ? { ...attachment, bytes } : null;
}
