import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/formatted";
import { ReasonList } from "~/components/notice-bureau";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { policiesForFirm } from "~/modules/notice/firm-notices.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["notices"] };

/** "Policies for me": the notices whose rules match the firm's profile, with the reasons. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const t = await getFixedT(locale, "notices");
  return json({ title: t("policies.title"), policies: await policiesForFirm(member.firmId, locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function PoliciesForMe() {
  const { t } = useTranslation("notices");
  const { lang } = useParams();
  const { policies } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("policies.title")}</h1>
        <p className="lead">{t("policies.intro")}</p>
      </header>
      {policies.length === 0 ? (
        <p>{t("policies.empty")}</p>
      ) : (
        <ul className="plain-list stack" data-testid="policies">
          {policies.map((policy) => (
            <li key={policy.id} className="card stack">
              <h2>
                <Link to={`/${lang}/notices/${policy.id}`}>{policy.title}</Link>
              </h2>
              <p>
                <span className="badge">{t(`category.${policy.category}`, { defaultValue: policy.category })}</span> {policy.department}
                {policy.deadline ? (
                  <>
                    {" · "}
                    {t("deadline")} <FormattedDate value={policy.deadline} />
                  </>
                ) : null}{" "}
                {!policy.read ? <span className="badge">{t("policies.unread")}</span> : null}
                {policy.interested ? <span className="badge">{t("policies.interested")}</span> : null}
                {policy.applied ? <span className="badge">{t("policies.applied")}</span> : null}
                {!policy.open ? <span className="badge">{t("policies.closed")}</span> : null}
              </p>
              <div>
                <strong>{t("policies.why")}</strong>
                <ReasonList reasons={policy.reasons} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
