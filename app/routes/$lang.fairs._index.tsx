import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDateRange } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { directoryMeta } from "~/modules/directory/meta";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { listFairEditions } from "~/modules/fair/fairs.server";
import { catalogStyles } from "~/styles/catalog";
import { getEnv } from "~/utils/env.server";

export const handle = { i18n: ["directory"] };
export const links: LinksFunction = () => catalogStyles;

/** /<lang>/fairs: the fairs the bureau takes Zhongshan's firms to, coming and past. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const [editions, t] = await Promise.all([listFairEditions(locale), getFixedT(locale, "directory")]);
  const origin = publicOrigin(request, getEnv().PUBLIC_URL);
  return json({
    ...editions,
    preview: { title: t("fairs.title"), description: t("fairs.description"), url: `${origin}/${locale}/fairs`, locale, type: "website" as const },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => directoryMeta(data?.preview);

type Edition = ReturnType<typeof useLoaderData<typeof loader>>["coming"][number];

function EditionList({ editions, lang }: { editions: Edition[]; lang: string }) {
  const { t } = useTranslation("directory");
  return (
    <ul className="card-grid">
      {editions.map((edition) => (
        <li key={edition.id} className="card fair-card">
          <p className="fair-card__short">{edition.shortName}</p>
          <h3>
            <Link to={`/${lang}/fairs/${edition.slug}`}>{edition.name}</Link>
          </h3>
          <p>
            {edition.city} · <FormattedDateRange from={edition.startsOn} to={edition.endsOn} />
          </p>
          {edition.online ? <p className="muted">{t("fairs.online")}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export default function FairsPage() {
  const { t } = useTranslation("directory");
  const { lang = "en" } = useParams();
  const { coming, past } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg directory-page">
      <header className="stack">
        <h1>{t("fairs.title")}</h1>
        <p className="lead">{t("fairs.description")}</p>
      </header>
      <section aria-labelledby="fairs-coming" className="stack">
        <h2 id="fairs-coming">{t("fairs.coming")}</h2>
        {coming.length ? <EditionList editions={coming} lang={lang} /> : <p>{t("fairs.noneComing")}</p>}
      </section>
      <section aria-labelledby="fairs-past" className="stack">
        <h2 id="fairs-past">{t("fairs.past")}</h2>
        {past.length ? <EditionList editions={past} lang={lang} /> : <p>{t("fairs.nonePast")}</p>}
      </section>
    </div>
  );
}
