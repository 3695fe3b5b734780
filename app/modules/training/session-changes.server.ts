import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { authored } from "~/modules/i18n-text/localized-text";
import { checkSessionTimes, capacityProblem, materialChanges, zonedInstant } from "./session";
import { lockSession, promoteWaiting, tellFirm, trainingError } from "./training.server";
import type { SessionFormValues } from "./training.schema";
import { rulesColumn, sessionRulesFromForm } from "./audience.server";

/**
 * The bureau changes or cancels a training session (issue 11). Under the
 * session's lock: the seats cannot go below the firms registered, a raise
 * seats the waiting firms, and a change of title, time, place or link
 * raises the calendar SEQUENCE and tells every registered firm (notice and
 * mail in its language), as a cancellation does. Every change is audited.
 */
const registeredFirms = async (tx: Prisma.TransactionClient, sessionId: string) =>
  (await tx.trainingRegistration.findMany({ where: { sessionId, status: "REGISTERED" }, select: { firmId: true } })).map((row) => row.firmId);

export async function updateTrainingSession(sessionId: string, values: SessionFormValues, input: { actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const startsAt = zonedInstant(values.startsAt);
  const endsAt = zonedInstant(values.endsAt);
  if (!startsAt) throw trainingError("time", 400, "startsAt");
  if (!endsAt) throw trainingError("time", 400, "endsAt");
  const rules = await sessionRulesFromForm(values);
  return prisma.$transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (locked.cancelledAt) throw trainingError("sessionCancelled", 409);
    if (locked.startsAt <= now) throw trainingError("closed", 409);
    const problem = checkSessionTimes({ startsAt, endsAt, now });
    if (problem) throw trainingError(problem.problem, 400, problem.field);
    const registered = await tx.trainingRegistration.count({ where: { sessionId, status: "REGISTERED" } });
    if (capacityProblem({ capacity: values.capacity, registered })) throw trainingError("belowRegistered", 400, "capacity");
    const before = await tx.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
    const after = { title: values.titleZh, startsAt, endsAt, place: values.place || null, videoLink: values.videoLink || null };
    const beforeTitle = (before.title as Record<string, { text?: string }>)["zh-CN"]?.text ?? "";
    const changes = materialChanges({ title: beforeTitle, startsAt: before.startsAt, endsAt: before.endsAt, place: before.place, videoLink: before.videoLink }, after);
    const session = await tx.trainingSession.update({
      where: { id: sessionId },
      data: {
        title: authored({ "zh-CN": values.titleZh, en: values.titleEn, pt: values.titlePt }) as Prisma.InputJsonValue,
        description: authored({ "zh-CN": values.descriptionZh, en: values.descriptionEn, pt: values.descriptionPt }) as Prisma.InputJsonValue,
        startsAt,
        endsAt,
        place: after.place,
        videoLink: after.videoLink,
        capacity: values.capacity,
        rules: rulesColumn(rules),
        ...(changes.length ? { sequence: { increment: 1 } } : {}),
        // A new time is a new day-before: remind again.
        ...(changes.includes("time") ? { remindedAt: null } : {}),
      },
      select: { title: true, startsAt: true, sequence: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      entityType: "trainingSession",
      entityId: sessionId,
      action: "update",
      changes: { changed: changes, rules, capacity: { from: before.capacity, to: values.capacity }, startsAt: startsAt.toISOString() },
    });
    const seated = values.capacity > before.capacity ? await promoteWaiting(tx, sessionId, { capacity: values.capacity, actorId: input.actorId }) : [];
    if (changes.length) {
      for (const firmId of await registeredFirms(tx, sessionId)) {
        if (!seated.includes(firmId)) await tellFirm(tx, { firmId, kind: "training.changed", session });
      }
    }
    return { changes, seated: seated.length };
  });
}

/** Cancels the session: no more seats are taken; registered and waiting firms are told, their calendar entries turn CANCELLED. */
export async function cancelTrainingSession(sessionId: string, input: { actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (locked.cancelledAt) throw trainingError("sessionCancelled", 409);
    if (locked.startsAt <= now) throw trainingError("closed", 409);
    const session = await tx.trainingSession.update({ where: { id: sessionId }, data: { cancelledAt: now, sequence: { increment: 1 } }, select: { title: true, startsAt: true } });
    const concerned = await tx.trainingRegistration.findMany({ where: { sessionId, status: { in: ["REGISTERED", "WAITLISTED"] } }, select: { firmId: true } });
    await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: "cancel", changes: { firmsTold: concerned.length } });
    for (const row of concerned) await tellFirm(tx, { firmId: row.firmId, kind: "training.cancelled", session });
    return { told: concerned.length };
  });
}
