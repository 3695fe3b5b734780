import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireUser } from "~/utils/auth.server";

export const handle = { i18n: ["buyer", "import"] };

/** The signed-in user's area: the account, and the pages of their firm or buying company. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  return json({ role: user.role, hasFirm: !!user.firmId, hasBuyerCompany: !!user.buyerCompanyId });
}

export default function AccountLayout() {
  const { t } = useTranslation("buyer");
  const { t: tImport } = useTranslation("import");
  const { lang } = useParams();
  const { role, hasFirm, hasBuyerCompany } = useLoaderData<typeof loader>();
  const links = [
    { to: `/${lang}/account`, label: t("nav.account"), end: true },
    ...(role === "BUYER" && hasBuyerCompany
      ? [
          { to: `/${lang}/account/company`, label: t("nav.company") },
          { to: `/${lang}/account/requests`, label: t("nav.requests") },
        ]
      : []),
    ...(role === "FIRM_MEMBER" && hasFirm ? [{ to: `/${lang}/account/import`, label: tImport("nav.firmImport") }] : []),
  ];
  return (
    <div className="area">
      {links.length > 1 ? (
        <nav className="area-nav" aria-label={t("nav.label")}>
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          ))}
        </nav>
      ) : null}
      <div className="area-body">
        <Outlet />
      </div>
    </div>
  );
}
