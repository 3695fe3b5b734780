import type { Locale } from "~/i18n/config";
import { listTowns } from "~/modules/reference/towns.server";
import { certificationOptions } from "~/modules/reference/certifications.server";
import type { NoticeFormOptions } from "~/components/notice-form";

/** What the notice form offers: towns with their clusters, certifications. */
export async function noticeFormOptions(locale: Locale): Promise<NoticeFormOptions> {
  const [towns, certifications] = await Promise.all([listTowns(locale), certificationOptions(locale)]);
  return { towns, certifications };
}
