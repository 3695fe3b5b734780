import type { Locale } from "~/i18n/config";
import { getNoticeForViewer, noticeAttachmentFor } from "~/modules/notice/firm-notices.server";
import { notFound } from "~/utils/http.server";
import { getOptionalUser } from "./user.server";

/**
 * A policy notice exists for a visitor when it is sent and public, or sent
 * and meant for their firm (its rules match the firm, or it was sent to
 * it); bureau staff see every notice. Anyone else gets 404: a targeted
 * notice's existence is not revealed.
 */
export async function requireNoticeViewer(request: Request, noticeId: string | undefined, locale: Locale) {
  const viewer = await getOptionalUser(request);
  const notice = noticeId ? await getNoticeForViewer(noticeId, viewer, locale) : null;
  if (!notice) notFound();
  return { viewer, notice };
}

/** The same visibility for a notice's PDF. */
export async function requireNoticeAttachmentViewer(request: Request, noticeId: string | undefined, attachmentId: string | undefined) {
  const viewer = await getOptionalUser(request);
  const attachment = noticeId && attachmentId ? await noticeAttachmentFor(noticeId, attachmentId, viewer) : null;
  if (!attachment) notFound();
  return { viewer, attachment };
}
