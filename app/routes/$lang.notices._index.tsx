import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormattedDate } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { ARCHIVE_PAGE_SIZE, searchPublicNotices } from "~/modules/notice/archive.server";
import { noticeCategories } from "~/modules/notice/notice.schema";
import { pageMeta } from "~/utils/meta";
import { pageNumber, parseQuery } from "~/utils/query";
import { LocalizedTranslatedText, TranslatedTitle } from "~/components/translated-text";

export const handle = { i18n: ["notices", "translation"] };

const ArchiveQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  category: z.enum(noticeCategories).optional().catch(undefined),
  page: pageNumber,
});

/** The public archive of the bureau's public notices, searchable in any of the three languages. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const query = parseQuery(request, ArchiveQuery);
  const t = await getFixedT(locale, "notices");
  const found = await searchPublicNotices(query, locale);
  const pages = Math.max(1, Math.ceil(found.total / ARCHIVE_PAGE_SIZE));
  return json({ title: t("archive.title"), description: t("archive.intro"), query, total: found.total, pages, notices: found.notices });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "", data?.description);

export default function NoticeArchive() {
  const { t } = useTranslation("notices");
  const { lang } = useParams();
  const { query, total, pages, notices } = useLoaderData<typeof loader>();
  const link = (page: number) => `?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.category ? { category: query.category } : {}), page: String(page) })}`;
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("archive.title")}</h1>
        <p className="lead">{t("archive.intro")}</p>
      </header>
      <Form method="get" className="search-form" role="search">
        <label htmlFor="notice-q">{t("archive.search")}</label>
        <input id="notice-q" type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} />
        <label htmlFor="notice-category">{t("archive.category")}</label>
        <select id="notice-category" name="category" defaultValue={query.category ?? ""}>
          <option value="">{t("archive.allCategories")}</option>
          {noticeCategories.map((category) => (
            <option key={category} value={category}>
              {t(`category.${category}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t("archive.submit")}
        </button>
      </Form>
      <p role="status">{t("archive.found", { count: total })}</p>
      <ul className="plain-list stack" data-testid="archive">
        {notices.map((notice) => (
          <li key={notice.id} className="card stack">
            <TranslatedTitle
              view={notice.titleView}
              render={(text, language) => (
                <h2>
                  <Link to={`/${lang}/notices/${notice.id}`} lang={language}>
                    {text}
                  </Link>
                </h2>
              )}
            />
            <p className="muted">
              {t(`category.${notice.category}`, { defaultValue: notice.category })} · {notice.department}
              {notice.sentAt ? (
                <>
                  {" · "}
                  <FormattedDate value={notice.sentAt} />
                </>
              ) : null}
            </p>
            <LocalizedTranslatedText view={notice.bodyView}>
              <p>{notice.excerpt}</p>
            </LocalizedTranslatedText>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("archive.pages")}>
          {query.page > 1 ? <Link to={link(query.page - 1)}>{t("archive.previous")}</Link> : null}
          {query.page < pages ? <Link to={link(query.page + 1)}>{t("archive.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
