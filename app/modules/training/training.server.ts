import { prisma, type Prisma } from "~/utils/db.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { recordAudit } from "~/modules/audit/audit.server";
import { authored } from "~/modules/i18n-text/localized-text";
import { emptyRules, readRules } from "~/modules/notice/rules";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { notify } from "~/modules/notification/notification.server";
import type { NotificationKind } from "~/modules/notification/kinds";
import type { Locale } from "~/i18n/config";
import { attendanceFigures, cancellationOutcome, checkSessionTimes, localInputValue, promotable, registrationOutcome, seatsLeft, sessionTimeText, TRAINING_ZONE, waitlistOutcome, zonedInstant, type RegistrationState } from "./session";
import type { SessionFormValues } from "./training.schema";
import { mayGetMaterials } from "./materials";
import { firmAudienceCheck, rulesColumn, sessionAudienceCount, sessionRulesFromForm } from "./audience.server";

/**
 * The bureau's training sessions (issue 11): created by the bureau, a seat
 * per firm taken and given back under a row lock on the session (SELECT …
 * FOR UPDATE), so concurrent registrations accept exactly the capacity;
 * registrants are told by notice and mail, reminded the day before, and the
 * bureau records who attended. Every change is audited.
 */
type Tx = Prisma.TransactionClient;

export const trainingError = (code: string, status = 400, field?: string) => new DomainError(code, { status, messageKey: `training:errors.${code}`, field });

/** Creates a session from the bureau's form. Audited. */
export async function createTrainingSession(values: SessionFormValues, input: { actorId: string; now?: Date }): Promise<{ id: string }> {
  const now = input.now ?? new Date();
  const startsAt = zonedInstant(values.startsAt);
  const endsAt = zonedInstant(values.endsAt);
  if (!startsAt) throw trainingError("time", 400, "startsAt");
  if (!endsAt) throw trainingError("time", 400, "endsAt");
  const problem = checkSessionTimes({ startsAt, endsAt, now });
  if (problem) throw trainingError(problem.problem, 400, problem.field);
  const rules = await sessionRulesFromForm(values);
  return prisma.$transaction(async (tx) => {
    const session = await tx.trainingSession.create({
      data: {
        title: authored({ "zh-CN": values.titleZh, en: values.titleEn, pt: values.titlePt }) as Prisma.InputJsonValue,
        description: authored({ "zh-CN": values.descriptionZh, en: values.descriptionEn, pt: values.descriptionPt }) as Prisma.InputJsonValue,
        startsAt,
        endsAt,
        place: values.place || null,
        videoLink: values.videoLink || null,
        capacity: values.capacity,
        rules: rulesColumn(rules),
        createdById: input.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      entityType: "trainingSession",
      entityId: session.id,
      action: "create",
      changes: { title: values.titleZh, startsAt: startsAt.toISOString(), capacity: values.capacity, rules },
    });
    return session;
  });
}

/** A session's fields as the bureau's form shows them (times on Zhongshan's clock); null when there is none. */
export async function sessionFormValues(id: string): Promise<Record<string, string | string[]> | null> {
  const session = await prisma.trainingSession.findUnique({ where: { id } });
  if (!session) return null;
  // Only what a person wrote: machine translations are not the bureau's text to edit.
  const text = (value: unknown, locale: string) => {
    const entry = (value as Record<string, { text?: string; origin?: string }> | null)?.[locale];
    return entry?.origin === "author" ? (entry.text ?? "") : "";
  };
  return {
    titleZh: text(session.title, "zh-CN"),
    titleEn: text(session.title, "en"),
    titlePt: text(session.title, "pt"),
    descriptionZh: text(session.description, "zh-CN"),
    descriptionEn: text(session.description, "en"),
    descriptionPt: text(session.description, "pt"),
    startsAt: localInputValue(session.startsAt),
    endsAt: localInputValue(session.endsAt),
    place: session.place ?? "",
    videoLink: session.videoLink ?? "",
    capacity: String(session.capacity),
    ...sessionRulesFormValues(session.rules),
  };
}

/** The stored rules as the form's fields (the rule kinds a session offers: towns, clusters, markets, verification). */
function sessionRulesFormValues(stored: unknown) {
  const rules = readRules(stored ?? {}) ?? emptyRules;
  return { townIds: rules.townIds, clusterIds: rules.clusterIds, markets: rules.markets.join(" "), verified: rules.verified };
}

/** The bureau's list: every session, newest start first, with seats and attendance. */
export async function listSessionsForBureau(locale: Locale) {
  const sessions = await prisma.trainingSession.findMany({
    orderBy: { startsAt: "desc" },
    take: 200,
    select: { id: true, title: true, startsAt: true, endsAt: true, capacity: true, cancelledAt: true, registrations: { where: { status: "REGISTERED" }, select: { attended: true } } },
  });
  return sessions.map((session) => ({
    id: session.id,
    cancelled: !!session.cancelledAt,
    title: displayTextIn(session.title, locale),
    startsAt: session.startsAt.toISOString(),
    when: sessionTimeText(session.startsAt, session.endsAt, locale),
    capacity: session.capacity,
    figures: attendanceFigures(session.registrations),
  }));
}

/** One session as the bureau sees it: its registrants (firm names) and their attendance. */
export async function getSessionForBureau(id: string, locale: Locale) {
  const session = await prisma.trainingSession.findUnique({
    where: { id },
    include: {
      registrations: { where: { status: "REGISTERED" }, orderBy: { createdAt: "asc" }, select: { id: true, attended: true, createdAt: true, firm: { select: { id: true, name: true } } } },
      _count: { select: { registrations: { where: { status: "WAITLISTED" } } } },
    },
  });
  if (!session) return null;
  return {
    ...sessionView(session, locale),
    /** Firms the rules reach; null: open to every firm. */
    audience: await sessionAudienceCount(session.rules),
    remindedAt: session.remindedAt?.toISOString() ?? null,
    waiting: session._count.registrations,
    registrants: session.registrations.map((row) => ({ id: row.id, firmId: row.firm.id, firmName: displayTextIn(row.firm.name, locale), attended: row.attended, at: row.createdAt.toISOString() })),
    figures: attendanceFigures(session.registrations),
  };
}

function sessionView(session: { id: string; title: unknown; description: unknown; startsAt: Date; endsAt: Date; place: string | null; videoLink: string | null; capacity: number; cancelledAt: Date | null }, locale: Locale) {
  return {
    id: session.id,
    cancelled: !!session.cancelledAt,
    title: displayTextIn(session.title, locale),
    description: displayTextIn(session.description, locale),
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    /** On Zhongshan's clock, with the zone named. */
    when: sessionTimeText(session.startsAt, session.endsAt, locale),
    place: session.place,
    videoLink: session.videoLink,
    capacity: session.capacity,
  };
}

/** Sessions for a firm: those still to come, and the past ones it registered for; with its own state and the seats left. */
export async function listSessionsForFirm(firmId: string, locale: Locale, now = new Date()) {
  const sessions = await prisma.trainingSession.findMany({
    where: { OR: [{ endsAt: { gt: now } }, { registrations: { some: { firmId, status: "REGISTERED" } } }] },
    orderBy: { startsAt: "asc" },
    take: 200,
    include: {
      registrations: { where: { status: { in: ["REGISTERED", "WAITLISTED"] } }, select: { firmId: true, attended: true, status: true } },
      materials: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, sizeBytes: true } },
    },
  });
  const targeted = await firmAudienceCheck(firmId, now);
  // Sessions whose rules the firm does not meet are not shown (unless it holds a seat or waits for one).
  const visible = sessions.filter((session) => targeted(session.rules) || session.registrations.some((row) => row.firmId === firmId));
  return visible.map((session) => {
    const seated = session.registrations.filter((row) => row.status === "REGISTERED");
    const own = seated.find((row) => row.firmId === firmId);
    // The materials and the recording: to the seated firms the rules reach (app/modules/training/materials.ts).
    const mayGet = mayGetMaterials({ bureau: false, registration: own ?? null, targeted: targeted(session.rules) });
    return {
      ...sessionView(session, locale),
      registered: !!own,
      waiting: session.registrations.some((row) => row.firmId === firmId && row.status === "WAITLISTED"),
      attended: own?.attended ?? null,
      seatsLeft: seatsLeft(session.capacity, seated.length),
      open: session.startsAt > now && !session.cancelledAt,
      materials: mayGet ? session.materials : [],
      recordingUrl: mayGet ? session.recordingUrl : null,
    };
  });
}

/** Locks the session's row for the rest of the transaction and reads what the decision needs. */
export async function lockSession(tx: Tx, sessionId: string) {
  const [row] = await tx.$queryRaw<{ capacity: number; startsAt: Date; cancelledAt: Date | null; rules: unknown }[]>`
    SELECT "capacity", "startsAt", "cancelledAt", "rules" FROM "TrainingSession" WHERE "id" = ${sessionId} FOR UPDATE`;
  if (!row) throw notFoundError();
  return row;
}

/** Locks the session and refuses any seat change once the bureau cancelled it. */
async function lockOpenSession(tx: Tx, sessionId: string) {
  const session = await lockSession(tx, sessionId);
  if (session.cancelledAt) throw trainingError("sessionCancelled", 409);
  return session;
}

/** A firm outside the session's rules does not see it: not found (checked before the transaction, which holds the connection). */
async function requireTargeted(sessionId: string, firmId: string) {
  const session = await prisma.trainingSession.findUnique({ where: { id: sessionId }, select: { rules: true } });
  if (!session || !(await firmAudienceCheck(firmId))(session.rules)) throw notFoundError();
}

async function firmMembers(tx: Tx, firmId: string) {
  return tx.user.findMany({ where: { firmId, role: "FIRM_MEMBER", status: "ACTIVE" }, select: { id: true, email: true, locale: true } });
}

export async function tellFirm(tx: Tx, input: { firmId: string; kind: NotificationKind; session: { title: unknown; startsAt: Date } }) {
  await notify(tx, {
    recipients: await firmMembers(tx, input.firmId),
    kind: input.kind,
    params: { noticeTitle: input.session.title, deadline: input.session.startsAt.toISOString(), timeZone: TRAINING_ZONE, path: "/training" },
    link: (locale) => `/${locale}/training`,
  });
}

/**
 * Takes a seat for the firm: refused when the session is full (409), has
 * started, or the firm already holds one. The firm's members get a notice.
 */
export async function registerForSession(sessionId: string, input: { firmId: string; actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  await requireTargeted(sessionId, input.firmId);
  await prisma.$transaction(async (tx) => {
    const session = await lockOpenSession(tx, sessionId);
    const current = await tx.trainingRegistration.findUnique({ where: { sessionId_firmId: { sessionId, firmId: input.firmId } }, select: { status: true } });
    const taken = await tx.trainingRegistration.count({ where: { sessionId, status: "REGISTERED", firmId: { not: input.firmId } } });
    const outcome = registrationOutcome({ capacity: session.capacity, taken, current: (current?.status ?? null) as RegistrationState, startsAt: session.startsAt, now });
    if (outcome === "full") throw trainingError("full", 409);
    if (outcome === "closed") throw trainingError("closed", 409);
    if (outcome === "already") throw trainingError("already", 409);
    await tx.trainingRegistration.upsert({
      where: { sessionId_firmId: { sessionId, firmId: input.firmId } },
      create: { sessionId, firmId: input.firmId },
      update: { status: "REGISTERED", attended: null },
    });
    await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: "register", changes: { firmId: input.firmId } });
    const full = await tx.trainingSession.findUniqueOrThrow({ where: { id: sessionId }, select: { title: true, startsAt: true } });
    await tellFirm(tx, { firmId: input.firmId, kind: "training.registered", session: full });
  });
}

/**
 * The firm waits for a seat of a full session (it takes one at once when a
 * seat is free). Waiting firms are seated in the order they joined.
 */
export async function joinWaitlist(sessionId: string, input: { firmId: string; actorId: string; now?: Date }): Promise<"registered" | "waitlisted"> {
  const now = input.now ?? new Date();
  await requireTargeted(sessionId, input.firmId);
  return prisma.$transaction(async (tx) => {
    const session = await lockOpenSession(tx, sessionId);
    const current = await tx.trainingRegistration.findUnique({ where: { sessionId_firmId: { sessionId, firmId: input.firmId } }, select: { status: true } });
    const taken = await tx.trainingRegistration.count({ where: { sessionId, status: "REGISTERED", firmId: { not: input.firmId } } });
    const outcome = waitlistOutcome({ capacity: session.capacity, taken, current: (current?.status ?? null) as RegistrationState, startsAt: session.startsAt, now });
    if (outcome === "closed" || outcome === "already" || outcome === "alreadyWaiting") throw trainingError(outcome, 409);
    const status = outcome === "registered" ? "REGISTERED" : "WAITLISTED";
    await tx.trainingRegistration.upsert({
      where: { sessionId_firmId: { sessionId, firmId: input.firmId } },
      create: { sessionId, firmId: input.firmId, status },
      update: { status, attended: null },
    });
    await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: outcome === "registered" ? "register" : "joinWaitlist", changes: { firmId: input.firmId } });
    if (outcome === "registered") {
      const full = await tx.trainingSession.findUniqueOrThrow({ where: { id: sessionId }, select: { title: true, startsAt: true } });
      await tellFirm(tx, { firmId: input.firmId, kind: "training.registered", session: full });
    }
    return outcome;
  });
}

/**
 * Seats the waiting firms, first come first served, while seats are free;
 * each is told. Runs under the session's lock. Returns the firms seated.
 */
export async function promoteWaiting(tx: Tx, sessionId: string, input: { capacity: number; actorId: string }): Promise<string[]> {
  const taken = await tx.trainingRegistration.count({ where: { sessionId, status: "REGISTERED" } });
  const waiting = await tx.trainingRegistration.findMany({ where: { sessionId, status: "WAITLISTED" }, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], select: { id: true, firmId: true } });
  const seated = waiting.slice(0, promotable({ capacity: input.capacity, taken, waiting: waiting.length }));
  if (seated.length === 0) return [];
  await tx.trainingRegistration.updateMany({ where: { id: { in: seated.map((row) => row.id) } }, data: { status: "REGISTERED", attended: null } });
  const session = await tx.trainingSession.findUniqueOrThrow({ where: { id: sessionId }, select: { title: true, startsAt: true } });
  for (const row of seated) {
    await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: "promoteFromWaitlist", changes: { firmId: row.firmId } });
    await tellFirm(tx, { firmId: row.firmId, kind: "training.promoted", session });
  }
  return seated.map((row) => row.firmId);
}

/** Gives the firm's seat (or its place on the waitlist) back before the session starts; the first waiting firm takes a freed seat. */
export async function cancelRegistration(sessionId: string, input: { firmId: string; actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    const session = await lockOpenSession(tx, sessionId);
    const current = await tx.trainingRegistration.findUnique({ where: { sessionId_firmId: { sessionId, firmId: input.firmId } }, select: { status: true } });
    const outcome = cancellationOutcome({ current: (current?.status ?? null) as RegistrationState, startsAt: session.startsAt, now });
    if (outcome === "notRegistered") throw trainingError("notRegistered", 409);
    if (outcome === "closed") throw trainingError("closed", 409);
    await tx.trainingRegistration.update({ where: { sessionId_firmId: { sessionId, firmId: input.firmId } }, data: { status: "CANCELLED" } });
    await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: current?.status === "WAITLISTED" ? "leaveWaitlist" : "cancelRegistration", changes: { firmId: input.firmId } });
    if (current?.status === "REGISTERED") await promoteWaiting(tx, sessionId, { capacity: session.capacity, actorId: input.actorId });
  });
}

/**
 * Records attendance once the session has started: the registrations listed
 * attended, every other registration absent. Ids of other sessions are refused.
 */
export async function recordAttendance(sessionId: string, input: { attendedIds: string[]; actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const session = await prisma.trainingSession.findUnique({ where: { id: sessionId }, select: { startsAt: true } });
  if (!session) throw notFoundError();
  if (session.startsAt > now) throw trainingError("notStarted", 409);
  const registrations = await prisma.trainingRegistration.findMany({ where: { sessionId, status: "REGISTERED" }, select: { id: true } });
  const known = new Set(registrations.map((row) => row.id));
  const attended = new Set(input.attendedIds);
  if ([...attended].some((id) => !known.has(id))) throw trainingError("unknownRegistration", 400);
  await prisma.$transaction(async (tx) => {
    await tx.trainingRegistration.updateMany({ where: { sessionId, status: "REGISTERED", id: { in: [...attended] } }, data: { attended: true } });
    await tx.trainingRegistration.updateMany({ where: { sessionId, status: "REGISTERED", id: { notIn: [...attended] } }, data: { attended: false } });
    await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: "attendance", changes: { attended: attended.size, absent: known.size - attended.size } });
  });
  return { attended: attended.size, absent: known.size - attended.size };
}

/**
 * Reminds the registrants of the sessions starting within the lead time,
 * once: the conditional update of `remindedAt` is the claim, so instances
 * running this side by side never remind twice.
 */
export async function sendTrainingReminders(now = new Date(), leadHours = 24) {
  const due = await prisma.trainingSession.findMany({
    where: { remindedAt: null, cancelledAt: null, startsAt: { gt: now, lte: new Date(now.getTime() + leadHours * 3_600_000) } },
    select: { id: true, title: true, startsAt: true },
  });
  let firms = 0;
  for (const session of due) {
    firms += await prisma.$transaction(async (tx) => {
      const claimed = await tx.trainingSession.updateMany({ where: { id: session.id, remindedAt: null }, data: { remindedAt: now } });
      if (claimed.count === 0) return 0;
      const registrations = await tx.trainingRegistration.findMany({ where: { sessionId: session.id, status: "REGISTERED" }, select: { firmId: true } });
      for (const row of registrations) await tellFirm(tx, { firmId: row.firmId, kind: "training.reminder", session });
      return registrations.length;
    });
  }
  return { sessions: due.length, firms };
}

/** The session a firm registered for, as fields for its calendar entry; null when the firm holds no registration (seat given back: cancelled entry). */
export async function sessionForCalendar(sessionId: string, firmId: string, locale: Locale) {
  const session = await prisma.trainingSession.findUnique({
    where: { id: sessionId },
    include: { registrations: { where: { firmId }, select: { status: true } } },
  });
  const registration = session?.registrations[0];
  if (!session || !registration || registration.status === "WAITLISTED") return null;
  const view = sessionView(session, locale);
  return { ...view, startsAt: session.startsAt, endsAt: session.endsAt, updatedAt: session.updatedAt, sequence: session.sequence, cancelled: registration.status !== "REGISTERED" || !!session.cancelledAt };
}
