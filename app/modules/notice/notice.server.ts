import { DateTime } from "luxon";
import { prisma, type Prisma } from "~/utils/db.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { recordAudit } from "~/modules/audit/audit.server";
import { authored } from "~/modules/i18n-text/localized-text";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { attachmentStore } from "~/modules/inquiry/storage.server";
import type { Locale } from "~/i18n/config";
import type { CheckedPdf } from "./attachments.server";
import type { NoticeFormValues } from "./notice.schema";
import { readRules, TargetingRulesSchema, type TargetingRules } from "./rules";
import { requestNoticeTranslations } from "./notice-translation.server";

/**
 * Writing and reading the bureau's notices. Dates are days in the bureau's
 * zone (Asia/Shanghai): validity starts at the day's start, the deadline
 * ends with its last second; all stored in UTC.
 */
export const NOTICE_ZONE = "Asia/Shanghai";

export const dayStart = (day: string) => DateTime.fromISO(day, { zone: NOTICE_ZONE }).startOf("day").toUTC().toJSDate();
export const dayEnd = (day: string) => DateTime.fromISO(day, { zone: NOTICE_ZONE }).endOf("day").toUTC().toJSDate();
export const dayOf = (date: Date | null) => (date ? DateTime.fromJSDate(date).setZone(NOTICE_ZONE).toISODate() : null);

const noticeError = (code: string, field?: string, params?: Record<string, string | number>, status = 400) =>
  new DomainError(code, { status, messageKey: `notices:errors.${code}`, field, params });

/** The rules of the form, validated, with their towns, clusters and certifications known. */
export async function rulesFromForm(values: Pick<NoticeFormValues, "townIds" | "clusterIds" | "hsCodes" | "markets" | "certificationsHeld" | "certificationsMissing" | "sizeBands" | "verified">): Promise<TargetingRules> {
  const parsed = TargetingRulesSchema.safeParse({
    townIds: values.townIds,
    clusterIds: values.clusterIds,
    hsCodes: values.hsCodes,
    markets: values.markets,
    certificationsHeld: values.certificationsHeld,
    certificationsMissing: values.certificationsMissing,
    sizeBands: values.sizeBands,
    verified: values.verified,
  });
  if (!parsed.success) throw noticeError("rules", String(parsed.error.issues[0]?.path[0] ?? ""));
  const rules = parsed.data;
  const [towns, clusters, certs] = await Promise.all([
    prisma.town.count({ where: { id: { in: rules.townIds } } }),
    prisma.cluster.count({ where: { id: { in: rules.clusterIds } } }),
    prisma.certification.count({ where: { code: { in: [...new Set([...rules.certificationsHeld, ...rules.certificationsMissing])] } } }),
  ]);
  if (towns !== new Set(rules.townIds).size) throw noticeError("unknownValue", "townIds");
  if (clusters !== new Set(rules.clusterIds).size) throw noticeError("unknownValue", "clusterIds");
  if (certs !== new Set([...rules.certificationsHeld, ...rules.certificationsMissing]).size) throw noticeError("unknownValue", "certificationsHeld");
  return rules;
}

/**
 * Creates a notice or changes one not yet sent, with its new PDFs (stored
 * before the transaction; removed again if it fails). Audited.
 */
export async function saveNotice(input: { id?: string; values: NoticeFormValues; pdfs: CheckedPdf[]; actorId: string; now?: Date }): Promise<{ id: string }> {
  const now = input.now ?? new Date();
  const values = input.values;
  const before = input.id ? await prisma.policyNotice.findUnique({ where: { id: input.id }, select: { id: true, status: true, title: true, body: true } }) : null;
  if (input.id && !before) throw notFoundError();
  if (before?.status === "SENT") throw noticeError("alreadySent", undefined, undefined, 409);
  const rules = await rulesFromForm(values);
  const deadline = values.deadline ? dayEnd(values.deadline) : null;
  if (deadline && deadline < now) throw noticeError("deadlinePast", "deadline");

  const store = attachmentStore();
  const stored: { key: string; pdf: CheckedPdf }[] = [];
  for (const pdf of input.pdfs) stored.push({ key: await store.put(pdf.bytes), pdf });
  const data = {
    title: authored({ "zh-CN": values.titleZh, en: values.titleEn, pt: values.titlePt }) as Prisma.InputJsonValue,
    body: authored({ "zh-CN": values.bodyZh, en: values.bodyEn, pt: values.bodyPt }) as Prisma.InputJsonValue,
    category: values.category,
    department: values.department,
    validFrom: values.validFrom ? dayStart(values.validFrom) : null,
    validUntil: values.validUntil ? dayEnd(values.validUntil) : null,
    deadline,
    isPublic: values.isPublic === "on",
    rules: rules as unknown as Prisma.InputJsonValue,
  };
  try {
    return await prisma.$transaction(async (tx) => {
      let id = input.id;
      let removedKeys: string[] = [];
      if (id) {
        const removed = await tx.policyNoticeAttachment.findMany({ where: { noticeId: id, id: { in: values.removeAttachmentIds } }, select: { id: true, storageKey: true } });
        await tx.policyNoticeAttachment.deleteMany({ where: { id: { in: removed.map((row) => row.id) } } });
        removedKeys = removed.map((row) => row.storageKey);
        // A notice changed while scheduled keeps its schedule; the claim at sending reads the latest version.
        await tx.policyNotice.update({ where: { id }, data });
      } else {
        id = (await tx.policyNotice.create({ data: { ...data, createdById: input.actorId }, select: { id: true } })).id;
      }
      if ((await tx.policyNoticeAttachment.count({ where: { noticeId: id } })) + stored.length > 5) throw noticeError("tooManyAttachments", "attachment", { count: 5, file: "", size: 10 });
      for (const { key, pdf } of stored) {
        await tx.policyNoticeAttachment.create({ data: { noticeId: id, storageKey: key, fileName: pdf.fileName, contentType: "application/pdf", sizeBytes: pdf.bytes.byteLength } });
      }
      await recordAudit(tx, {
        actorId: input.actorId,
        entityType: "policyNotice",
        entityId: id,
        action: input.id ? "update" : "create",
        changes: { title: values.titleZh, category: values.category, isPublic: data.isPublic, rules, attachmentsAdded: stored.length, attachmentsRemoved: removedKeys.length },
      });
      await requestNoticeTranslations(tx, id, data, before ?? undefined);
      // Files of removed attachments go once the rows are gone for good.
      queueMicrotask(() => void Promise.all(removedKeys.map((key) => store.delete(key))).catch(() => undefined));
      return { id };
    });
  } catch (error) {
    await Promise.all(stored.map(({ key }) => store.delete(key)));
    throw error;
  }
}

/** A notice as the bureau edits and reviews it. */
export async function getNoticeForBureau(id: string, locale: Locale) {
  const notice = await prisma.policyNotice.findUnique({
    where: { id },
    include: { attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true } } },
  });
  if (!notice) return null;
  const text = (value: unknown, lang: string) => ((value as Record<string, { text?: string }> | null)?.[lang]?.text ?? "");
  return {
    id: notice.id,
    status: notice.status,
    displayTitle: displayTextIn(notice.title, locale),
    form: {
      titleZh: text(notice.title, "zh-CN"),
      titleEn: text(notice.title, "en"),
      titlePt: text(notice.title, "pt"),
      bodyZh: text(notice.body, "zh-CN"),
      bodyEn: text(notice.body, "en"),
      bodyPt: text(notice.body, "pt"),
      category: notice.category,
      department: notice.department,
      validFrom: dayOf(notice.validFrom),
      validUntil: dayOf(notice.validUntil),
      deadline: dayOf(notice.deadline),
      isPublic: notice.isPublic,
    },
    rules: readRules(notice.rules),
    attachments: notice.attachments,
    deadline: notice.deadline?.toISOString() ?? null,
    scheduledAt: notice.scheduledAt?.toISOString() ?? null,
    sentAt: notice.sentAt?.toISOString() ?? null,
    remindedAt: notice.remindedAt?.toISOString() ?? null,
    recipientCount: notice.recipientCount,
  };
}

/** The bureau's list of notices, newest first. */
export async function listNoticesForBureau(locale: Locale) {
  const rows = await prisma.policyNotice.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, title: true, category: true, status: true, isPublic: true, scheduledAt: true, sentAt: true, recipientCount: true, deadline: true, _count: { select: { receipts: { where: { readAt: { not: null } } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    title: displayTextIn(row.title, locale),
    category: row.category,
    status: row.status,
    isPublic: row.isPublic,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    deadline: row.deadline?.toISOString() ?? null,
    recipientCount: row.recipientCount,
    readCount: row._count.receipts,
  }));
}
