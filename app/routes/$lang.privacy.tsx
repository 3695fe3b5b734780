import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { PRIVACY_CONTACT_EMAIL, PRIVACY_NOTICE_VERSION, RETENTION_DAYS } from "~/modules/privacy/notice";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["privacy"] };

/** The privacy notice, in every locale: what is kept, why, how long, where, and how to ask. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const t = await getFixedT(locale, "privacy");
  return json({ title: t("notice.title"), version: PRIVACY_NOTICE_VERSION, email: PRIVACY_CONTACT_EMAIL, retention: RETENTION_DAYS });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

const kept = ["account", "organisation", "messages", "technical", "audit"] as const;

export default function PrivacyNotice() {
  const { t } = useTranslation("privacy");
  const { lang } = useParams();
  const { version, email, retention } = useLoaderData<typeof loader>();
  return (
    <article className="prose stack">
      <header>
        <h1>{t("notice.title")}</h1>
        <p className="field__hint">{t("notice.version", { version })}</p>
        <p className="lead">{t("notice.intro")}</p>
      </header>
      <section aria-labelledby="kept">
        <h2 id="kept">{t("notice.kept.title")}</h2>
        <ul>
          {kept.map((item) => (
            <li key={item}>{t(`notice.kept.${item}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="why">
        <h2 id="why">{t("notice.why.title")}</h2>
        <p>{t("notice.why.body")}</p>
      </section>
      <section aria-labelledby="how-long">
        <h2 id="how-long">{t("notice.howLong.title")}</h2>
        <p>{t("notice.howLong.body", { sessionDays: retention.sessions, mailDays: retention.mailOutbox })}</p>
      </section>
      <section aria-labelledby="where">
        <h2 id="where">{t("notice.where.title")}</h2>
        <p>{t("notice.where.body")}</p>
      </section>
      <section aria-labelledby="rights">
        <h2 id="rights">{t("notice.rights.title")}</h2>
        <p>{t("notice.rights.body")}</p>
      </section>
      <section aria-labelledby="ask">
        <h2 id="ask">{t("notice.ask.title")}</h2>
        <p>{t("notice.ask.body", { email })}</p>
        <p>
          <Link to={`/${lang}/account/privacy`}>{t("notice.ask.link")}</Link>
        </p>
      </section>
    </article>
  );
}
