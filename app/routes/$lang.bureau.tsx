import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";

export const handle = { i18n: ["bureau"] };

/** The bureau's area: bureau staff and admins only, checked on every request. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const user = await requireBureau(request);
  return json({ role: user.role });
}

export default function BureauLayout() {
  const { t } = useTranslation("bureau");
  const { lang } = useParams();
  return (
    <div className="area">
      <nav className="area-nav" aria-label={t("nav.label")}>
        <NavLink to={`/${lang}/bureau`} end>
          {t("nav.overview")}
        </NavLink>
        <NavLink to={`/${lang}/bureau/verification`}>{t("nav.verification")}</NavLink>
        <NavLink to={`/${lang}/bureau/fairs`}>{t("nav.fairs")}</NavLink>
        <NavLink to={`/${lang}/bureau/reference`}>{t("nav.reference")}</NavLink>
        <NavLink to={`/${lang}/bureau/import`}>{t("nav.import")}</NavLink>
        <NavLink to={`/${lang}/bureau/audit`}>{t("nav.audit")}</NavLink>
        <NavLink to={`/${lang}/bureau/search`}>{t("nav.search")}</NavLink>
        <NavLink to={`/${lang}/bureau/inquiries`}>{t("nav.inquiryFigures")}</NavLink>
        <NavLink to={`/${lang}/bureau/reports`}>{t("nav.inquiryReports")}</NavLink>
        <NavLink to={`/${lang}/bureau/notices`}>{t("nav.notices")}</NavLink>
        <NavLink to={`/${lang}/bureau/training`}>{t("nav.training")}</NavLink>
        <NavLink to={`/${lang}/bureau/problems`}>{t("nav.problems")}</NavLink>
      </nav>
      <div className="area-body">
        <Outlet />
      </div>
    </div>
  );
}
