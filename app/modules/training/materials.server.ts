import { prisma, type Prisma } from "~/utils/db.server";
import { notFoundError } from "~/utils/domain-error";
import { recordAudit } from "~/modules/audit/audit.server";
import { attachmentStore } from "~/modules/inquiry/storage.server";
import type { CheckedPdf } from "~/modules/notice/attachments.server";
import { loadTargetProfiles } from "~/modules/notice/profiles.server";
import { readRules } from "~/modules/notice/rules";
import { evaluateTargeting } from "~/modules/notice/targeting";
import { zhongshanDay } from "~/utils/time-zone";
import { isBureau, type AuthUser } from "~/modules/access/user.server";
import { firmAudienceCheck } from "./audience.server";
import { deletionProblem, materialsProblem, mayGetMaterials } from "./materials";
import { lockSession, tellFirm, trainingError } from "./training.server";

/**
 * A training session's materials and recording (issue 11): the bureau
 * attaches up to five PDFs (recognised from their bytes, in the attachment
 * store the notices and inquiries use), removes them, and sets the
 * recording's https link once the session has started. Registered firms
 * (those the session's rules reach) get one notice and mail per change.
 * Every change is audited; deleting a session deletes its files.
 */
type Tx = Prisma.TransactionClient;

const materialSelect = { id: true, fileName: true, sizeBytes: true, createdAt: true } as const;

/** The session's files, oldest first (for the pages). */
export async function sessionMaterials(sessionId: string) {
  const rows = await prisma.trainingMaterial.findMany({ where: { sessionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: materialSelect });
  return rows.map((row) => ({ id: row.id, fileName: row.fileName, sizeBytes: row.sizeBytes, createdAt: row.createdAt.toISOString() }));
}

/**
 * The firms told of new materials: those holding a seat (or recorded as
 * present) that the session's rules still reach. Read before the
 * transaction (the profiles are read outside it).
 */
async function firmsToTell(sessionId: string, now: Date): Promise<string[]> {
  const session = await prisma.trainingSession.findUnique({
    where: { id: sessionId },
    select: { rules: true, registrations: { where: { OR: [{ status: "REGISTERED" }, { attended: true }] }, select: { firmId: true } } },
  });
  if (!session) throw notFoundError();
  const firmIds = session.registrations.map((row) => row.firmId);
  if (session.rules === null || firmIds.length === 0) return firmIds;
  const rules = readRules(session.rules);
  if (!rules) return [];
  const today = zhongshanDay(now);
  const profiles = await loadTargetProfiles({ rules, firmIds });
  return profiles.filter((profile) => evaluateTargeting(rules, profile, today).match).map((profile) => profile.firmId);
}

async function tellFirms(tx: Tx, sessionId: string, firmIds: string[], kind: "training.materials" | "training.recording") {
  if (firmIds.length === 0) return;
  const session = await tx.trainingSession.findUniqueOrThrow({ where: { id: sessionId }, select: { title: true, startsAt: true } });
  for (const firmId of firmIds) await tellFirm(tx, { firmId, kind, session });
}

/**
 * Attaches the checked PDFs: their bytes are stored first, the rows written
 * under the session's lock (so two uploads at once cannot pass five files),
 * the stored files removed again when anything fails. One notice per upload.
 */
export async function addMaterials(sessionId: string, input: { pdfs: CheckedPdf[]; actorId: string; now?: Date }) {
  if (input.pdfs.length === 0) throw trainingError("noMaterial", 400, "attachment");
  const now = input.now ?? new Date();
  const told = await firmsToTell(sessionId, now);
  const store = attachmentStore();
  const stored: { key: string; pdf: CheckedPdf }[] = [];
  try {
    for (const pdf of input.pdfs) stored.push({ key: await store.put(pdf.bytes), pdf });
    return await prisma.$transaction(async (tx) => {
      // A cancelled session's firms were told it will not take place: nothing to add to it.
      if ((await lockSession(tx, sessionId)).cancelledAt) throw trainingError("sessionCancelled", 409, "attachment");
      const attached = await tx.trainingMaterial.count({ where: { sessionId } });
      if (materialsProblem({ attached, adding: stored.length })) throw trainingError("tooManyMaterials", 400, "attachment");
      for (const { key, pdf } of stored) {
        await tx.trainingMaterial.create({ data: { sessionId, storageKey: key, fileName: pdf.fileName, contentType: "application/pdf", sizeBytes: pdf.bytes.byteLength, createdById: input.actorId } });
      }
      await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: "add-material", changes: { files: stored.map(({ pdf }) => pdf.fileName) } });
      await tellFirms(tx, sessionId, told, "training.materials");
      return { added: stored.length, told: told.length };
    });
  } catch (error) {
    await Promise.all(stored.map(({ key }) => store.delete(key)));
    throw error;
  }
}

/** Removes one file of the session (another session's file id is not found). */
export async function removeMaterial(sessionId: string, materialId: string, input: { actorId: string }) {
  const key = await prisma.$transaction(async (tx) => {
    const material = await tx.trainingMaterial.findFirst({ where: { id: materialId, sessionId }, select: { id: true, storageKey: true, fileName: true } });
    if (!material) throw trainingError("unknownMaterial", 404);
    await tx.trainingMaterial.delete({ where: { id: material.id } });
    await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: "remove-material", changes: { file: material.fileName } });
    return material.storageKey;
  });
  // The file goes once its row is gone for good.
  await attachmentStore().delete(key);
}

/**
 * Sets (or, with null, takes down) the recording's link, once the session
 * has started. Firms are told when a new link is set, not when it is taken down.
 */
export async function setRecording(sessionId: string, input: { url: string | null; actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const told = input.url ? await firmsToTell(sessionId, now) : [];
  return prisma.$transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (locked.cancelledAt) throw trainingError("sessionCancelled", 409);
    if (locked.startsAt > now) throw trainingError("recordingBeforeStart", 409, "recordingUrl");
    const before = await tx.trainingSession.findUniqueOrThrow({ where: { id: sessionId }, select: { recordingUrl: true } });
    if (before.recordingUrl === input.url) return { changed: false, told: 0 };
    await tx.trainingSession.update({ where: { id: sessionId }, data: { recordingUrl: input.url, recordingSetAt: input.url ? now : null } });
    await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: "set-recording", changes: { from: before.recordingUrl, to: input.url } });
    if (input.url) await tellFirms(tx, sessionId, told, "training.recording");
    return { changed: true, told: input.url ? told.length : 0 };
  });
}

/**
 * A session's file for a viewer who may get it (the bureau; a seated firm
 * the rules reach); null for anyone else, and for an id of another session.
 */
export async function materialForViewer(sessionId: string, materialId: string, viewer: Pick<AuthUser, "role" | "firmId"> | null) {
  if (!viewer) return null;
  const material = await prisma.trainingMaterial.findFirst({
    where: { id: materialId, sessionId },
    select: { storageKey: true, fileName: true, contentType: true, session: { select: { rules: true } } },
  });
  if (!material) return null;
  if (isBureau(viewer)) return material;
  if (viewer.role !== "FIRM_MEMBER" || !viewer.firmId) return null;
  const registration = await prisma.trainingRegistration.findUnique({ where: { sessionId_firmId: { sessionId, firmId: viewer.firmId } }, select: { status: true, attended: true } });
  if (!registration) return null;
  const targeted = (await firmAudienceCheck(viewer.firmId))(material.session.rules);
  return mayGetMaterials({ bureau: false, registration, targeted }) ? material : null;
}

/**
 * Deletes a session with its files, when no firm would lose a seat untold
 * (cancelled, or nobody registered or waiting). Audited.
 */
export async function deleteTrainingSession(sessionId: string, input: { actorId: string }) {
  const keys = await prisma.$transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    const concerned = await tx.trainingRegistration.count({ where: { sessionId, status: { in: ["REGISTERED", "WAITLISTED"] } } });
    if (deletionProblem({ cancelled: !!locked.cancelledAt, concerned })) throw trainingError("stillRegistered", 409);
    const materials = await tx.trainingMaterial.findMany({ where: { sessionId }, select: { storageKey: true } });
    const session = await tx.trainingSession.delete({ where: { id: sessionId }, select: { title: true } });
    const title = (session.title as Record<string, { text?: string }>)["zh-CN"]?.text ?? "";
    await recordAudit(tx, { actorId: input.actorId, entityType: "trainingSession", entityId: sessionId, action: "delete", changes: { title, files: materials.length } });
    return materials.map((row) => row.storageKey);
  });
  await Promise.all(keys.map((key) => attachmentStore().delete(key)));
  return { files: keys.length };
}

/** The bureau's materials page: the session's title, whether it started or was cancelled, its files and recording; null when there is none. */
export async function materialsPageFor(sessionId: string) {
  const session = await prisma.trainingSession.findUnique({ where: { id: sessionId }, select: { id: true, title: true, startsAt: true, endsAt: true, cancelledAt: true, recordingUrl: true } });
  if (!session) return null;
  return { session, materials: await sessionMaterials(sessionId) };
}
