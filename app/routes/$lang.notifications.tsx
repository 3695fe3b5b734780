import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDateTime } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { listNotifications, markNotificationsRead } from "~/modules/notification/notification.server";
import { requireUser } from "~/modules/access/user.server";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";

export const handle = { i18n: ["notification", "inquiry", "translation"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  const t = await getFixedT(locale, "notification");
  return json(
    { title: t("title"), notifications: await listNotifications(user.id, locale) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

/** Marks every notice of the signed-in user read. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  await markNotificationsRead(user.id);
  return json({ done: true });
}

export default function NotificationsPage() {
  const { t } = useTranslation("notification");
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.some((notification) => !notification.read);
  return (
    <div className="stack-lg">
      <h1>{t("title")}</h1>
      {unread ? (
        <Form method="post">
          <button type="submit" className="button button--secondary">
            {t("markAllRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((notification) => (
            <li key={notification.id} className={`notification${notification.read ? "" : " notification--unread"}`}>
              <p>
                {notification.read ? null : <span className="unread-mark">{t("unread")} · </span>}
                <strong>{notification.title}</strong> · <FormattedDateTime value={notification.createdAt} />
              </p>
              <p>{notification.body}</p>
              {notification.translatedExcerpt ? (
                <>
                  <blockquote>{notification.translatedExcerpt}</blockquote>
                  <p className="muted">
                    <small>{notification.translationMark}</small>
                  </p>
                  <details>
                    <summary>{t("translation:showOriginal")}</summary>
                    <blockquote>{notification.excerpt}</blockquote>
                  </details>
                </>
              ) : notification.excerpt ? (
                <blockquote>{notification.excerpt}</blockquote>
              ) : null}
              {notification.href ? <Link to={notification.href}>{t("open")}</Link> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
