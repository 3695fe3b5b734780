import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDateTime } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { listInbox } from "~/modules/inquiry/inbox.server";
import { countryName } from "~/modules/reference/countries.server";
import { requireInboxParty } from "~/modules/access/inquiry.server";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";

export const handle = { i18n: ["inquiry"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];

/** The inbox of a buyer's company or of a firm (all its members share it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { party } = await requireInboxParty(request);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1));
  const inbox = await listInbox(party, locale, page);
  const t = await getFixedT(locale, "inquiry");
  return json(
    {
      title: t(inbox.side === "FIRM" ? "inbox.titleFirm" : "inbox.titleBuyer"),
      inbox: {
        ...inbox,
        threads: inbox.threads.map((thread) => ({
          ...thread,
          counterpartCountry: thread.counterpartCountry ? countryName(thread.counterpartCountry, locale) : null,
        })),
      },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function InboxPage() {
  const { t, i18n } = useTranslation("inquiry");
  const { title, inbox } = useLoaderData<typeof loader>();
  const lang = i18n.language;
  return (
    <div className="stack-lg">
      <h1>{title}</h1>
      {inbox.threads.length === 0 ? (
        <p>{t(inbox.side === "BUYER" ? "inbox.emptyBuyer" : "inbox.empty")}</p>
      ) : (
        <ul className="inbox-list">
          {inbox.threads.map((thread) => (
            <li key={thread.id}>
              <Link to={`/${lang}/inquiries/${thread.id}`} className={`inbox-item${thread.unread ? " inbox-item--unread" : ""}`}>
                <span className="inbox-item__top">
                  <strong>
                    {thread.unread ? <span className="unread-mark">{t("inbox.unread")} · </span> : null}
                    {thread.counterpart}
                    {thread.counterpartCountry ? ` · ${thread.counterpartCountry}` : ""}
                  </strong>
                  <span>
                    <span className={`badge inquiry-status inquiry-status--${thread.status.toLowerCase()}`}>{t(`status.${thread.status}`)}</span>{" "}
                    <FormattedDateTime value={thread.lastMessageAt} />
                  </span>
                </span>
                <span className="inbox-item__products">
                  {thread.products.length ? thread.products.join(" · ") : t("inbox.generalInquiry")}
                  {thread.moreProducts ? ` ${t("inbox.more", { count: thread.moreProducts })}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {inbox.pages > 1 ? (
        <nav className="pager" aria-label={t("inbox.page", { page: inbox.page, pages: inbox.pages })}>
          {inbox.page > 1 ? <Link to={`?page=${inbox.page - 1}`}>{t("inbox.previous")}</Link> : null}
          <span>{t("inbox.page", { page: inbox.page, pages: inbox.pages })}</span>
          {inbox.page < inbox.pages ? <Link to={`?page=${inbox.page + 1}`}>{t("inbox.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
