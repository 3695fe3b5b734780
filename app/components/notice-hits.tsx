import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/formatted";

export interface NoticeHit {
  id: string;
  title: string;
  department: string;
  sentAt: string | null;
}

/** Public policy notices found by the site search, with a link to the archive's full list. */
export function NoticeHits({
  hits,
  total,
  q,
  lang,
}: {
  hits: NoticeHit[];
  total: number;
  q: string;
  lang: string;
}) {
  const { t } = useTranslation("search");
  if (!hits.length) return null;
  return (
    <section className="card stack" aria-labelledby="notice-hits-title">
      <h2 id="notice-hits-title">{t("notices.title")}</h2>
      <ul className="stack">
        {hits.map((hit) => (
          <li key={hit.id}>
            <Link to={`/${lang}/notices/${hit.id}`}>{hit.title}</Link> ·{" "}
            {hit.department}
            {hit.sentAt ? (
              <>
                {" "}
                · <FormattedDate value={hit.sentAt} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {total > hits.length ? (
        <Link to={`/${lang}/notices?${new URLSearchParams({ q })}`}>
          {t("notices.all", { count: total })}
        </Link>
      ) : null}
    </section>
  );
}
