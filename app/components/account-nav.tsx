import { NavLink, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";

/**
 * The menu of the signed-in user's area: the account page and the pages of
 * their buying company or firm. Each page renders it (rather than a layout
 * route), so a form posted to /account still reaches the account page's own
 * action.
 */
export function AccountNav() {
  const { t } = useTranslation("buyer");
  const { t: tImport } = useTranslation("import");
  const { lang } = useParams();
  const role = useRootData()?.user?.role;
  const links = [
    { to: `/${lang}/account`, label: t("nav.account"), end: true },
    ...(role === "BUYER"
      ? [
          { to: `/${lang}/account/company`, label: t("nav.company"), end: false },
          { to: `/${lang}/account/requests`, label: t("nav.requests"), end: false },
        ]
      : []),
    ...(role === "FIRM_MEMBER"
      ? [
          { to: `/${lang}/catalog/requests`, label: t("nav.firmRequests"), end: false },
          { to: `/${lang}/delegations`, label: t("nav.delegations"), end: false },
          { to: `/${lang}/training`, label: t("nav.training"), end: false },
          { to: `/${lang}/account/import`, label: tImport("nav.firmImport"), end: false },
          { to: `/${lang}/problems`, label: t("nav.problems"), end: false },
        ]
      : []),
  ];
  if (links.length < 2) return null;
  return (
    <nav className="area-nav" aria-label={t("nav.label")}>
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end}>
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
