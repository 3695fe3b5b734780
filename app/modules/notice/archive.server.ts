import { prisma, type Prisma } from "~/utils/db.server";
import { textFallbacks, type Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { toSimplified } from "~/modules/i18n-text/chinese-script.server";
import type { LocalizedView } from "~/modules/translation/localized.server";
import type { NoticeCategory } from "./notice.schema";
import { noticeTextViews } from "./notice-translation.server";

/**
 * The public archive: sent public notices, searched in the database
 * (substring match over the titles and bodies in every language). Notices
 * are few (hundreds a year) and a substring match finds Chinese words that
 * Meilisearch's prefix-only Chinese matching misses; see README.
 */
export const ARCHIVE_PAGE_SIZE = 20;

function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export async function searchPublicNotices(input: { q?: string; category?: NoticeCategory; page: number }, locale: Locale) {
  const where: Prisma.PolicyNoticeWhereInput = { status: "SENT", isPublic: true, ...(input.category ? { category: input.category } : {}) };
  const q = input.q?.trim();
  if (q) {
    // Traditional characters are searched as Simplified (notices are written in Simplified).
    const pattern = likePattern(toSimplified(q));
    const ids = await prisma.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "PolicyNotice"
       WHERE "status" = 'SENT' AND "isPublic"
         AND concat_ws(' ', "title"->'zh-CN'->>'text', "title"->'en'->>'text', "title"->'pt'->>'text',
                            "body"->'zh-CN'->>'text', "body"->'en'->>'text', "body"->'pt'->>'text', "department") ILIKE ${pattern}`;
    where.id = { in: ids.map((row) => row.id) };
  }
  const [total, rows] = await Promise.all([
    prisma.policyNotice.count({ where }),
    prisma.policyNotice.findMany({
      where,
      orderBy: { sentAt: "desc" },
      skip: (input.page - 1) * ARCHIVE_PAGE_SIZE,
      take: ARCHIVE_PAGE_SIZE,
      select: { id: true, title: true, body: true, category: true, department: true, sentAt: true, deadline: true },
    }),
  ]);
  const views = await noticeTextViews(rows, locale);
  return {
    total,
    notices: rows.map((row) => ({
      id: row.id,
      title: displayTextIn(row.title, locale),
      excerpt: excerpt(displayTextIn(row.body, locale)),
      // Written in another language: the machine translation (marked) beside the original.
      titleView: views.titles[row.id],
      bodyView: excerptView(views.bodies[row.id]),
      category: row.category,
      department: row.department,
      sentAt: row.sentAt?.toISOString() ?? null,
      deadline: row.deadline?.toISOString() ?? null,
    })),
    fallbacks: textFallbacks[locale],
  };
}

/** A body's view cut to an excerpt, the translation too. */
function excerptView(view: LocalizedView): LocalizedView {
  const { translation } = view;
  return {
    ...view,
    text: excerpt(view.text),
    translation: translation.state === "machine" || translation.state === "authored" ? { ...translation, text: excerpt(translation.text) } : translation,
  };
}

function excerpt(text: string, max = 200) {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : flat;
}
