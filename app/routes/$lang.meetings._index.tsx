import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireUser } from "~/modules/access/user.server";
import { listMeetingEditions } from "~/modules/meeting/edition.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["meetings"] };

/** The editions where meetings can be arranged, with the signed-in user's way in (buyer or firm). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  const t = await getFixedT(locale, "meetings");
  const side = user.role === "BUYER" ? "buyer" : user.role === "FIRM_MEMBER" ? "firm" : "bureau";
  return json({ title: t("index.title"), side, editions: await listMeetingEditions(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function MeetingEditions() {
  const { t } = useTranslation("meetings");
  const { lang } = useParams();
  const { side, editions } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("index.title")}</h1>
        <p className="lead">{t("index.intro")}</p>
      </header>
      {editions.length === 0 ? <p>{t("index.none")}</p> : null}
      <ul className="stack">
        {editions.map((edition) => (
          <li key={edition.slug} className="card">
            <h2>{edition.name}</h2>
            <p>
              {edition.startsOn} – {edition.endsOn}
            </p>
            <Link to={side === "bureau" ? `/${lang}/bureau/meetings/${edition.slug}` : `/${lang}/meetings/${edition.slug}/${side}`}>{t(`index.open.${side}`)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
