import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeNames, supportedLocales, type Locale } from "~/i18n/config";

interface HeaderUser {
  displayName: string;
  role: string;
  unreadNotifications?: number;
}

const BUREAU = new Set(["BUREAU_STAFF", "ADMIN"]);

export function SiteHeader({ locale, user }: { locale: Locale; user: HeaderUser | null }) {
  const { t } = useTranslation("common");
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="site-header__inner">
        <Link to={`/${locale}`} className="brand">
          <span className="brand__mark" aria-hidden="true">
            ⌒
          </span>
          <span className="brand__name">Ponte</span>
          <span className="brand__tagline">{t("brand.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="site-nav">
          <NavLink to={`/${locale}`} end>
            {t("nav.home")}
          </NavLink>
          <NavLink to={`/${locale}/search`}>{t("nav.search")}</NavLink>
          <NavLink to={`/${locale}/firms`}>{t("nav.directory")}</NavLink>
          {user?.role === "FIRM_MEMBER" ? <NavLink to={`/${locale}/catalog`}>{t("nav.catalog")}</NavLink> : null}
          {user && BUREAU.has(user.role) ? <NavLink to={`/${locale}/catalog`}>{t("nav.catalogBureau")}</NavLink> : null}
          {user && BUREAU.has(user.role) ? <NavLink to={`/${locale}/bureau`}>{t("nav.bureau")}</NavLink> : null}
          {user?.role === "ADMIN" ? <NavLink to={`/${locale}/admin/users`}>{t("nav.admin")}</NavLink> : null}
          {user && (user.role === "BUYER" || user.role === "FIRM_MEMBER") ? (
            <NavLink to={`/${locale}/inquiries`}>{t("nav.inquiries")}</NavLink>
          ) : null}
        </nav>
        <div className="site-header__end">
          <LanguageSwitcher locale={locale} />
          {user ? (
            <div className="account-menu">
              <NotificationsLink locale={locale} unread={user.unreadNotifications ?? 0} />
              <NavLink to={`/${locale}/account`} className="account-menu__name">
                {user.displayName}
              </NavLink>
              <Form method="post" action={`/${locale}/logout`}>
                <button type="submit" className="button button--quiet">
                  {t("nav.signOut")}
                </button>
              </Form>
            </div>
          ) : (
            <div className="account-menu">
              <NavLink to={`/${locale}/login`}>{t("nav.signIn")}</NavLink>
              <Link to={`/${locale}/register`} className="button button--small">
                {t("nav.register")}
              </Link>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}

/** The bell in the header: the in-app notices, with the unread count. */
function NotificationsLink({ locale, unread }: { locale: Locale; unread: number }) {
  const { t } = useTranslation("common");
  return (
    <NavLink
      to={`/${locale}/notifications`}
      className="notifications-link"
      aria-label={unread ? t("nav.notificationsUnread", { count: unread }) : t("nav.notifications")}
    >
      <span aria-hidden="true">🔔</span>
      {unread ? (
        <span className="notifications-link__count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}

/** Links to the same page in every other language. */
export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  const rest = location.pathname.split("/").slice(2).join("/");
  return (
    <nav aria-label={t("nav.language")} className="language-switcher">
      <ul>
        {supportedLocales.map((candidate) => (
          <li key={candidate}>
            {candidate === locale ? (
              <span aria-current="true" lang={candidate}>
                {localeNames[candidate]}
              </span>
            ) : (
              <a href={`/${candidate}${rest ? `/${rest}` : ""}${location.search}`} lang={candidate} hrefLang={candidate}>
                {localeNames[candidate]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SiteFooter({ locale }: { locale: string }) {
  const { t } = useTranslation("common");
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <nav aria-label={t("privacyLinks.footerLabel")}>
        <ul className="site-footer__links">
          <li>
            <a href={`/${locale}/privacy`}>{t("privacyLinks.notice")}</a>
          </li>
          <li>
            <a href={`/${locale}/accessibility`}>{t("privacyLinks.accessibility")}</a>
          </li>
        </ul>
      </nav>
      <p className="site-footer__small">{t("footer.demo")}</p>
    </footer>
  );
}
