import { prisma, type Prisma } from "~/utils/db.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { recordAudit } from "~/modules/audit/audit.server";
import { authored } from "~/modules/i18n-text/localized-text";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import type { Locale } from "~/i18n/config";
import { changesBetween, textsDiffer, type TextVersion, type VersionChange } from "./history";
import type { RevisionValues } from "./notice.schema";
import { requestNoticeTranslations } from "./notice-translation.server";

/**
 * A sent notice's texts can be corrected; each correction keeps the text it
 * replaced as a version (PolicyNoticeVersion), so readers see that the
 * notice was edited and what changed. Audited.
 */
const revisionError = (code: string, status = 400) => new DomainError(code, { status, messageKey: `notices:errors.${code}` });

const plain = (value: unknown, lang: string) => (value as Record<string, { text?: string }> | null)?.[lang]?.text ?? "";
const textsOf = (title: unknown, body: unknown) => ({
  titleZh: plain(title, "zh-CN"),
  titleEn: plain(title, "en"),
  titlePt: plain(title, "pt"),
  bodyZh: plain(body, "zh-CN"),
  bodyEn: plain(body, "en"),
  bodyPt: plain(body, "pt"),
});

export async function reviseSentNotice(noticeId: string, input: { values: RevisionValues; actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const values = input.values;
  await prisma.$transaction(async (tx) => {
    // The row lock orders concurrent corrections, so version numbers never collide.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "PolicyNotice" WHERE "id" = ${noticeId} FOR UPDATE`;
    if (!locked) throw notFoundError();
    const notice = await tx.policyNotice.findUniqueOrThrow({ where: { id: noticeId }, select: { status: true, title: true, body: true } });
    if (notice.status !== "SENT") throw revisionError("notSentYet", 409);
    const before = textsOf(notice.title, notice.body);
    if (!textsDiffer(before, values)) throw revisionError("unchanged");
    const version = (await tx.policyNoticeVersion.count({ where: { noticeId } })) + 1;
    await tx.policyNoticeVersion.create({
      data: { noticeId, version, title: notice.title as Prisma.InputJsonValue, body: notice.body as Prisma.InputJsonValue, replacedAt: now, editedById: input.actorId },
    });
    const texts = { title: authored({ "zh-CN": values.titleZh, en: values.titleEn, pt: values.titlePt }), body: authored({ "zh-CN": values.bodyZh, en: values.bodyEn, pt: values.bodyPt }) };
    await tx.policyNotice.update({
      where: { id: noticeId },
      data: { title: texts.title as Prisma.InputJsonValue, body: texts.body as Prisma.InputJsonValue, editedAt: now },
    });
    await requestNoticeTranslations(tx, noticeId, texts, notice);
    const changed = Object.keys(before).filter((key) => (before[key as keyof typeof before] ?? "").trim() !== (values[key as keyof RevisionValues] ?? "").trim());
    await recordAudit(tx, { actorId: input.actorId, entityType: "policyNotice", entityId: noticeId, action: "revise", changes: { version: version + 1, fields: changed } });
  });
}

/**
 * The changes of an edited notice in the reader's language, newest first
 * (empty when it was never edited after sending).
 */
export async function noticeHistory(noticeId: string, locale: Locale) {
  const notice = await prisma.policyNotice.findUnique({
    where: { id: noticeId },
    select: { title: true, body: true, sentAt: true, editedAt: true, versions: { orderBy: { version: "asc" }, select: { version: true, title: true, body: true, replacedAt: true } } },
  });
  if (!notice || notice.versions.length === 0) return { editedAt: null, changes: [] as (Omit<VersionChange, "at"> & { at: string })[] };
  const versions: TextVersion[] = notice.versions.map((row, index) => ({
    version: row.version,
    title: displayTextIn(row.title, locale),
    body: displayTextIn(row.body, locale),
    since: index === 0 ? (notice.sentAt ?? row.replacedAt) : notice.versions[index - 1].replacedAt,
  }));
  const last = notice.versions[notice.versions.length - 1];
  versions.push({ version: last.version + 1, title: displayTextIn(notice.title, locale), body: displayTextIn(notice.body, locale), since: last.replacedAt });
  return {
    editedAt: (notice.editedAt ?? last.replacedAt).toISOString(),
    changes: changesBetween(versions).map((change) => ({ ...change, at: change.at.toISOString() })),
  };
}
