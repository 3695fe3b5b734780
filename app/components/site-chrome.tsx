import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeNames, supportedLocales, type Locale } from "~/i18n/config";
import { currentLinkProps, useFollowLink, type FollowLink } from "./follow-link";

interface HeaderUser {
  displayName: string;
  role: string;
  unreadNotifications?: number;
}

const BUREAU = new Set(["BUREAU_STAFF", "ADMIN"]);

/**
 * The header on every page. Its links are plain anchors with one click
 * handler (useFollowLink's props) and NavLink's marks worked out here
 * (currentLinkProps), not a <Link> or <NavLink> each.
 */
export function SiteHeader({ locale, user }: { locale: Locale; user: HeaderUser | null }) {
  const { t } = useTranslation("common");
  const { pathname } = useLocation();
  const link = useFollowLink();
  const nav = (to: string, text: string, options?: { end?: boolean; className?: string }) => (
    <a {...link(to)} {...currentLinkProps(pathname, to, options)}>
      {text}
    </a>
  );
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="site-header__inner">
        <a {...link(`/${locale}`)} className="brand">
          <span className="brand__mark" aria-hidden="true">
            ⌒
          </span>
          <span className="brand__name">Ponte</span>
          <span className="brand__tagline">{t("brand.tagline")}</span>
        </a>
        <nav aria-label={t("nav.main")} className="site-nav">
          {nav(`/${locale}`, t("nav.home"), { end: true })}
          {nav(`/${locale}/search`, t("nav.search"))}
          {nav(`/${locale}/firms`, t("nav.directory"))}
          {user?.role === "FIRM_MEMBER" ? nav(`/${locale}/catalog`, t("nav.catalog")) : null}
          {user && BUREAU.has(user.role) ? nav(`/${locale}/catalog`, t("nav.catalogBureau")) : null}
          {user && BUREAU.has(user.role) ? nav(`/${locale}/bureau`, t("nav.bureau")) : null}
          {user?.role === "ADMIN" ? nav(`/${locale}/admin/users`, t("nav.admin")) : null}
          {user && (user.role === "BUYER" || user.role === "FIRM_MEMBER") ? nav(`/${locale}/inquiries`, t("nav.inquiries")) : null}
        </nav>
        <div className="site-header__end">
          <LanguageSwitcher locale={locale} />
          {user ? (
            <div className="account-menu">
              <NotificationsLink locale={locale} unread={user.unreadNotifications ?? 0} pathname={pathname} link={link} />
              {nav(`/${locale}/account`, user.displayName, { className: "account-menu__name" })}
              <Form method="post" action={`/${locale}/logout`}>
                <button type="submit" className="button button--quiet">
                  {t("nav.signOut")}
                </button>
              </Form>
            </div>
          ) : (
            <div className="account-menu">
              {nav(`/${locale}/login`, t("nav.signIn"))}
              <a {...link(`/${locale}/register`)} className="button button--small">
                {t("nav.register")}
              </a>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}

/** The bell in the header: the in-app notices, with the unread count. */
function NotificationsLink({ locale, unread, pathname, link }: { locale: Locale; unread: number; pathname: string; link: FollowLink }) {
  const { t } = useTranslation("common");
  const to = `/${locale}/notifications`;
  return (
    <a
      {...link(to)}
      {...currentLinkProps(pathname, to, { className: "notifications-link" })}
      aria-label={unread ? t("nav.notificationsUnread", { count: unread }) : t("nav.notifications")}
    >
      <span aria-hidden="true">🔔</span>
      {unread ? (
        <span className="notifications-link__count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </a>
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
