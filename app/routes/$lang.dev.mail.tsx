import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDateTime } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { devMailboxEnabled, listDevMails } from "~/modules/mail/dev-mailbox.server";
import { requireAdmin } from "~/modules/access/user.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";

export const handle = { i18n: ["notification"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];

/**
 * The mails written to DATA_DIR/mail when no SMTP server is configured.
 * Development only: 404 in production unless MAIL_DEV_PAGE=true, and then
 * for administrators only (the mails are other people's).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  if (!devMailboxEnabled()) notFound();
  if (getEnv().NODE_ENV === "production") await requireAdmin(request);
  const t = await getFixedT(locale, "notification");
  return json(
    { title: t("devMailbox.title"), dir: "DATA_DIR/mail", mails: await listDevMails() },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function DevMailboxPage() {
  const { t } = useTranslation("notification");
  const { dir, mails } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg mail-list">
      <h1>{t("devMailbox.title")}</h1>
      <p>{t("devMailbox.intro", { dir })}</p>
      {mails.length === 0 ? <p>{t("devMailbox.empty")}</p> : null}
      {mails.map((mail) => (
        <article key={mail.file} className="card stack" aria-label={mail.subject}>
          <h2>{mail.subject}</h2>
          <dl className="facts">
            <dt>{t("devMailbox.to")}</dt>
            <dd>{mail.to}</dd>
            <dt>{t("devMailbox.date")}</dt>
            <dd>
              <FormattedDateTime value={mail.date} />
            </dd>
            <dt>{t("devMailbox.language")}</dt>
            <dd>{mail.language}</dd>
          </dl>
          <pre>{mail.text}</pre>
        </article>
      ))}
    </div>
  );
}
