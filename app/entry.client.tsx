import { RemixBrowser } from "@remix-run/react";
import { createInstance } from "i18next";
import HttpBackend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nOptions } from "~/i18n/config";

async function hydrate() {
  const html = document.documentElement;
  // Translations are versioned by their content hash, so a browser never
  // mixes a new server with an old cached bundle.
  const version = html.dataset.i18nVersion ?? "0";
  const i18next = createInstance();
  await i18next
    .use(initReactI18next)
    .use(HttpBackend)
    .init({
      ...i18nOptions,
      lng: html.lang,
      ns: getInitialNamespaces(),
      backend: { loadPath: `/locales/{{lng}}/{{ns}}?v=${version}` },
      detection: undefined,
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
