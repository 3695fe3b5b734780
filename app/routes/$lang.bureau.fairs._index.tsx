import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { listEditionsForBureau } from "~/modules/fair/editions.server";
import { FormattedDateRange, FormattedDateTime } from "~/components/formatted";
import { TableWrap } from "~/components/table-wrap";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["delegation", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "delegation");
  return json({ title: t("fairs.title"), editions: await listEditionsForBureau(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function BureauFairs() {
  const { t } = useTranslation("delegation");
  const { lang } = useParams();
  const { editions } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("fairs.title")}</h1>
        <p className="lead">{t("fairs.intro")}</p>
        <p>
          <Link className="button" to={`/${lang}/bureau/fairs/new`}>
            {t("fairs.new")}
          </Link>
        </p>
      </header>
      <section className="card stack" aria-labelledby="editions-title">
        <h2 id="editions-title">{t("fairs.editions")}</h2>
        <TableWrap label={t("fairs.editions")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("fairs.edition")}</th>
                <th scope="col">{t("fairs.dates")}</th>
                <th scope="col">{t("fairs.city")}</th>
                <th scope="col">{t("fairs.call")}</th>
                <th scope="col">{t("fairs.applications")}</th>
                <th scope="col">{t("fairs.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {editions.map((edition) => (
                <tr key={edition.slug}>
                  <td>
                    <Link to={`/${lang}/bureau/fairs/${edition.slug}`}>{edition.shortName}</Link>
                    <br />
                    <small>{edition.name}</small>
                  </td>
                  <td>
                    <FormattedDateRange from={edition.startsOn} to={edition.endsOn} />
                  </td>
                  <td>{edition.city}</td>
                  <td>
                    {edition.call ? (
                      <>
                        <span className={`badge badge--call-${edition.call.status.toLowerCase()}`}>{t(`callStatus.${edition.call.status}`)}</span>
                        <br />
                        <small>
                          {t("fairs.deadline")}: <FormattedDateTime value={edition.call.deadline} />
                        </small>
                      </>
                    ) : (
                      t("fairs.noCall")
                    )}
                  </td>
                  <td>{edition.call ? t("fairs.applicationsOf", { count: edition.call.applications, quota: edition.call.quota }) : "—"}</td>
                  <td>
                    <Link to={`/${lang}/bureau/fairs/${edition.slug}/call`}>{edition.call ? t("fairs.openCall") : t("fairs.createCall")}</Link>
                    {edition.call ? (
                      <>
                        {" · "}
                        <Link to={`/${lang}/bureau/fairs/${edition.slug}/applications`}>{t("fairs.ranking")}</Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </div>
  );
}
