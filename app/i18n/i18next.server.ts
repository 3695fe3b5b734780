import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { defaultLocale, i18nOptions, supportedLocales, type Locale, type Namespace } from "./config";
import { resources } from "./resources";
import { requestLocale } from "./locale.server";

/**
 * remix-i18next loads namespaces and gives server code its translation
 * functions. It does not decide the language: should anything ask it
 * (`getLocale`), it answers what requestLocale answers.
 */
export const remixI18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    order: ["custom"],
    findLocale: requestLocale,
  },
  i18next: { ...i18nOptions, resources },
});

/** A translation function for server code: actions, e-mails, API errors. */
export async function getFixedT(locale: Locale, ns: Namespace | readonly [Namespace, ...Namespace[]] = "common"): Promise<TFunction> {
  return remixI18next.getFixedT(locale, ns) as Promise<TFunction>;
}

/** A fresh i18next instance for rendering one request. */
export async function createRequestI18n(locale: Locale, ns: string[]): Promise<I18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nOptions, lng: locale, ns, resources });
  return instance;
}
