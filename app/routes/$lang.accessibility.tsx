import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { ACCESSIBILITY_REVIEWED_ON, PRIVACY_CONTACT_EMAIL } from "~/modules/privacy/notice";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["privacy"] };

/** The accessibility statement: the WCAG 2.1 AA target, and what is known not to meet it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const t = await getFixedT(locale, "privacy");
  return json({ title: t("accessibility.title"), email: PRIVACY_CONTACT_EMAIL, reviewedOn: ACCESSIBILITY_REVIEWED_ON });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

const known = ["charts", "translations", "attachments", "hsPicker"] as const;

export default function AccessibilityStatement() {
  const { t } = useTranslation("privacy");
  const { email, reviewedOn } = useLoaderData<typeof loader>();
  return (
    <article className="prose stack">
      <header>
        <h1>{t("accessibility.title")}</h1>
        <p className="lead">{t("accessibility.intro")}</p>
      </header>
      <section aria-labelledby="status">
        <h2 id="status">{t("accessibility.status.title")}</h2>
        <p>{t("accessibility.status.body")}</p>
      </section>
      <section aria-labelledby="known">
        <h2 id="known">{t("accessibility.known.title")}</h2>
        <ul>
          {known.map((item) => (
            <li key={item}>{t(`accessibility.known.${item}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="feedback">
        <h2 id="feedback">{t("accessibility.feedback.title")}</h2>
        <p>{t("accessibility.feedback.body", { email })}</p>
      </section>
      <p className="field__hint">
        <PreparedOn date={reviewedOn} />
      </p>
    </article>
  );
}

function PreparedOn({ date }: { date: string }) {
  const { t } = useTranslation("privacy");
  // The date goes through the shared formatter; the sentence around it is translated.
  const [before, after] = t("accessibility.prepared", { date: "\u0000" }).split("\u0000");
  return (
    <>
      {before}
      <FormattedDate value={date} />
      {after}
    </>
  );
}
