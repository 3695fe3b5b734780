import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The sections of a firm in the catalogue: profile, products, matching buyer requests. */
export function FirmTabs({ lang, firmId, current }: { lang: string | undefined; firmId: string; current: "profile" | "products" | "requests" }) {
  const { t } = useTranslation("catalog");
  const tabs = [
    { key: "profile", to: `/${lang}/catalog/firms/${firmId}`, label: t("nav.profile") },
    { key: "products", to: `/${lang}/catalog/firms/${firmId}/products`, label: t("nav.products") },
    { key: "requests", to: `/${lang}/catalog/firms/${firmId}/requests`, label: t("nav.requests") },
  ] as const;
  return (
    <nav aria-label={t("nav.firmSections")} className="tabs">
      {tabs.map((tab) => (
        <Link key={tab.key} to={tab.to} aria-current={tab.key === current ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
