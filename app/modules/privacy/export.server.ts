import { PassThrough, type Readable } from "node:stream";
import yazl from "yazl";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import { log } from "~/utils/logger.server";
import { attachmentStore } from "~/modules/inquiry/storage.server";
import { objectStorage } from "~/modules/media/storage.server";
import { attachmentPath, EXPORT_FORMAT, imagePath, toPortable, type ExportedFile } from "./export-bundle";

/** No account with that e-mail (never existed, or deleted): a clear refusal, 404. */
export const unknownAccount = () => new DomainError("unknownAccount", { status: 404, messageKey: "privacy:errors.unknownAccount" });

export async function findAccountIdByEmail(email: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw unknownAccount();
  return user.id;
}

interface StoredImageRef {
  key?: unknown;
  thumbKey?: unknown;
}

/**
 * Everything Ponte holds about one person, as one JSON document, and the
 * files that go with it. What their organisation holds (the firm's profile
 * and products, the buying company and its requests) is included where they
 * are a member, since they wrote or may have written it.
 */
export async function collectPersonalData(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      status: true,
      locale: true,
      createdAt: true,
      updatedAt: true,
      passwordChangedAt: true,
      privacyConsentVersion: true,
      privacyConsentAt: true,
      firmId: true,
      buyerCompanyId: true,
    },
  });
  if (!user) throw unknownAccount();
  const [problemsRaised, problemMessages] = await Promise.all([
    prisma.problem.findMany({
      where: { raisedById: userId },
      select: { id: true, firmId: true, category: true, subject: true, status: true, createdAt: true, closedAt: true, rating: true, ratingComment: true, ratedAt: true },
      orderBy: { createdAt: "asc" },
    }),
    prisma.problemMessage.findMany({
      where: { authorId: userId },
      select: { id: true, problemId: true, side: true, internal: true, body: true, language: true, createdAt: true, attachments: { select: { id: true, fileName: true, contentType: true, sizeBytes: true, storageKey: true, createdAt: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const [sessions, notifications, notificationPreferences, messages, reports, auditEvents, inquiriesStarted, requests, firm, buyerCompany] = await Promise.all([
    prisma.session.findMany({ where: { userId }, select: { createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ipAddress: true }, orderBy: { createdAt: "asc" } }),
    prisma.notification.findMany({ where: { userId }, select: { kind: true, inquiryId: true, params: true, readAt: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    prisma.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true } }),
    prisma.inquiryMessage.findMany({
      where: { authorId: userId },
      select: { id: true, inquiryId: true, side: true, body: true, language: true, statusChange: true, createdAt: true, attachments: { select: { id: true, fileName: true, contentType: true, sizeBytes: true, storageKey: true, createdAt: true } } },
      orderBy: { createdAt: "asc" },
    }),
    prisma.inquiryReport.findMany({ where: { reporterId: userId }, select: { inquiryId: true, side: true, reason: true, createdAt: true, resolvedAt: true } }),
    prisma.auditEvent.findMany({
      where: { OR: [{ actorId: userId }, { entityType: "user", entityId: userId }] },
      select: { entityType: true, entityId: true, action: true, changes: true, createdAt: true },
      orderBy: { id: "asc" },
    }),
    prisma.inquiry.findMany({ where: { createdById: userId }, select: { id: true, firmId: true, status: true, quantity: true, unit: true, incoterm: true, destinationCountry: true, createdAt: true } }),
    prisma.sourcingRequest.findMany({ where: { createdById: userId }, orderBy: { createdAt: "asc" } }),
    user.firmId
      ? prisma.firm.findUnique({
          where: { id: user.firmId },
          select: {
            id: true, slug: true, uscc: true, name: true, description: true, address: true, website: true, email: true, phone: true, contacts: true, logoKey: true, createdAt: true,
            products: { select: { id: true, hsCode: true, name: true, description: true, images: true, createdAt: true, updatedAt: true }, orderBy: { createdAt: "asc" } },
          },
        })
      : null,
    user.buyerCompanyId
      ? prisma.buyerCompany.findUnique({ where: { id: user.buyerCompanyId }, select: { id: true, name: true, country: true, buyerType: true, languages: true, interests: true, description: true, website: true, createdAt: true } })
      : null,
  ]);

  const files: (ExportedFile & { source: { store: "attachments" | "media"; key: string } })[] = [];
  for (const message of [...messages, ...problemMessages]) {
    for (const attachment of message.attachments) {
      files.push({
        path: attachmentPath(attachment.id, attachment.fileName),
        kind: "attachment",
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
        source: { store: "attachments", key: attachment.storageKey },
      });
    }
  }
  if (firm?.logoKey) files.push({ path: imagePath("firm-logo", firm.logoKey), kind: "firm-logo", fileName: firm.logoKey, contentType: "image/webp", sizeBytes: null, source: { store: "media", key: firm.logoKey } });
  for (const product of firm?.products ?? []) {
    for (const image of (Array.isArray(product.images) ? product.images : []) as StoredImageRef[]) {
      if (typeof image?.key === "string") {
        files.push({ path: imagePath("product-image", image.key), kind: "product-image", fileName: image.key, contentType: "image/webp", sizeBytes: null, source: { store: "media", key: image.key } });
      }
    }
  }

  const { firmId: _firmId, buyerCompanyId: _buyerCompanyId, ...account } = user;
  const document = toPortable({
    format: EXPORT_FORMAT,
    exportedAt: new Date(),
    account,
    sessions,
    notifications,
    notificationPreferences,
    inquiriesStarted,
    messages: messages.map(({ attachments, ...message }) => ({
      ...message,
      attachments: attachments.map(({ storageKey: _key, ...attachment }) => ({ ...attachment, path: attachmentPath(attachment.id, attachment.fileName) })),
    })),
    reports,
    // Problems raised with the bureau (issue 11) and the messages the person wrote in them.
    problemsRaised,
    problemMessages: problemMessages.map(({ attachments, ...message }) => ({
      ...message,
      attachments: attachments.map(({ storageKey: _key, ...attachment }) => ({ ...attachment, path: attachmentPath(attachment.id, attachment.fileName) })),
    })),
    sourcingRequests: requests,
    firm,
    buyerCompany,
    auditEvents,
    files: files.map(({ source: _source, ...file }) => file),
  }) as Record<string, unknown>;
  return { document, files };
}

/**
 * The export as a ZIP stream: data.json and every file. A file missing from
 * storage is listed in data.json as it is in the database and left out of
 * the ZIP (with a warning in the log), never a failed download.
 */
export async function personalDataZip(userId: string): Promise<Readable> {
  const { document, files } = await collectPersonalData(userId);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(document, null, 2)), "data.json");
  const attachments = attachmentStore();
  const media = objectStorage();
  for (const file of files) {
    const bytes = file.source.store === "attachments" ? await attachments.get(file.source.key) : (await media.get(file.source.key))?.body;
    if (!bytes) {
      log.warn("personal-data export: a file is missing from storage", { path: file.path });
      continue;
    }
    zip.addBuffer(Buffer.from(bytes), file.path);
  }
  zip.end();
  const output = new PassThrough();
  zip.outputStream.pipe(output);
  return output;
}
