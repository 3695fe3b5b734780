import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { localeTags, type Locale } from "~/i18n/config";
import { alternateUrls, requestLocale, urlLocale } from "~/i18n/locale.server";
import { i18nVersion } from "~/i18n/version.server";
import { getHeaderUser } from "~/modules/access/user.server";
import { followChosenLocale } from "~/modules/user/user.server";
import { getEnv } from "~/utils/env.server";
import { useNonce } from "~/utils/nonce";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import { errorTitleKey, GeneralErrorBoundary } from "~/components/error-boundary";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// "problems": the firm's and the bureau's menus link to the problems pages from any page.
export const handle = { i18n: ["common"] };

/** The root loader never throws: a broken database still renders a page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await requestLocale(request);
  const user = await getHeaderUser(request).catch(() => null);
  if (user) await followChosenLocale(user, urlLocale(request)).catch(() => undefined);
  return json({
    locale,
    i18nVersion,
    alternates: alternateUrls(request, getEnv().PUBLIC_URL),
    user: user ? { displayName: user.displayName, role: user.role, email: user.email, unreadNotifications: user.unreadNotifications } : null,
  });
}

export type RootLoaderData = ReturnType<typeof useRootData>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({
  locale,
  children,
  version,
  title,
}: {
  locale: Locale;
  children: React.ReactNode;
  version: string;
  /** Only for error pages, which have no route meta. */
  title?: string;
}) {
  const nonce = useNonce();
  const data = useRootData();
  return (
    <html lang={localeTags[locale]} dir="ltr" data-i18n-version={version}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : <Meta />}
        {data?.alternates.map((alternate) => (
          <link key={alternate.hrefLang} rel="alternate" hrefLang={alternate.hrefLang} href={alternate.href} />
        ))}
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRootData();
  const locale = (data?.locale ?? "en") as Locale;
  useChangeLanguage(locale);
  // Says the page is interactive (the search-as-you-type form, say): browser
  // tests wait for it rather than for the network.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <Document locale={locale} version={data?.i18nVersion ?? "0"}>
      <SiteHeader locale={locale} user={data?.user ?? null} />
      <main id="main" className="page">
        <Outlet />
      </main>
      <SiteFooter locale={locale} />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRootData();
  const { i18n, t } = useTranslation("common");
  const locale = (data?.locale ?? i18n.language ?? "en") as Locale;
  return (
    <Document locale={locale} version={data?.i18nVersion ?? "0"} title={`${t(errorTitleKey(error))} · Ponte`}>
      <SiteHeader locale={locale} user={data?.user ?? null} />
      <main id="main" className="page">
        <GeneralErrorBoundary error={error} />
      </main>
    </Document>
  );
}
