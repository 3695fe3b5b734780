import { prisma, type Prisma } from "~/utils/db.server";
import { textFallbacks, type Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { toSimplified } from "~/modules/i18n-text/chinese-script.server";
import type { LocalizedView } from "~/modules/translation/localized.server";
import type { NoticeCategory } from "./notice.schema";
import { searchNoticeIndex } from "~/modules/search/notice-queries.server";
import { log } from "~/utils/logger.server";
import { noticeTextViews } from "./notice-translation.server";

/**
 * The public archive: sent public notices, searched in the `notices`
 * Meilisearch index (modules/search: Chinese folded and split as the product
 * index does it, accents folded, a Chinese word found inside a longer one).
 * When the engine cannot answer, the database answers instead (substring
 * match over the titles and bodies in every language), so the archive never
 * fails with the engine.
 */
export const ARCHIVE_PAGE_SIZE = 20;

type ArchiveInput = { q?: string; category?: NoticeCategory; page: number };

export async function searchPublicNotices(input: ArchiveInput, locale: Locale) {
  const q = input.q?.trim();
  if (q) {
    try {
      const found = await searchNoticeIndex({ q, category: input.category, offset: (input.page - 1) * ARCHIVE_PAGE_SIZE, limit: ARCHIVE_PAGE_SIZE });
      return { ...(await pageOf(found.ids, locale)), total: found.total };
    } catch (error) {
      log.warn("notice search engine unavailable; the database answers", { error: String((error as Error)?.message ?? error) });
    }
  }
  return searchDatabase(input, locale);
}

/** The first public notices matching a query, for the site search page (from the index only). */
export async function noticeHitsFor(q: string, locale: Locale, limit = 5) {
  return noticeHitsOf(await searchNoticeIndex({ q, offset: 0, limit }), locale);
}

/** The same, from ids the index found (the search page asks for them in its product multi-search). */
export async function noticeHitsOf(found: { ids: string[]; total: number }, locale: Locale) {
  return { ...(await pageOf(found.ids, locale)), total: found.total };
}

/** Rows of the given ids, still public and sent (the database has the last word), in the index's order. */
async function pageOf(ids: string[], locale: Locale) {
  const rows = ids.length ? await prisma.policyNotice.findMany({ where: { id: { in: ids }, status: "SENT", isPublic: true }, select: archiveSelect }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { notices: await archiveRows(ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])), locale), fallbacks: textFallbacks[locale] };
}

const archiveSelect = { id: true, title: true, body: true, category: true, department: true, sentAt: true, deadline: true } satisfies Prisma.PolicyNoticeSelect;

/** Rows as the archive lists them; written in another language: the machine translation (marked) beside the original. */
async function archiveRows(rows: Prisma.PolicyNoticeGetPayload<{ select: typeof archiveSelect }>[], locale: Locale) {
  const views = await noticeTextViews(rows, locale);
  return rows.map((row) => ({
    id: row.id,
    title: displayTextIn(row.title, locale),
    excerpt: excerpt(displayTextIn(row.body, locale)),
    titleView: views.titles[row.id],
    bodyView: excerptView(views.bodies[row.id]),
    category: row.category,
    department: row.department,
    sentAt: row.sentAt?.toISOString() ?? null,
    deadline: row.deadline?.toISOString() ?? null,
  }));
}

function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The database's answer: a substring match, newest first (also the list without a query). */
async function searchDatabase(input: ArchiveInput, locale: Locale) {
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
      select: archiveSelect,
    }),
  ]);
  return { total, notices: await archiveRows(rows, locale), fallbacks: textFallbacks[locale] };
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
