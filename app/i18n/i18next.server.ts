import type { EntryContext } from "@remix-run/node";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { defaultLocale, i18nOptions, supportedLocales, type Locale, type Namespace } from "./config";
import { resources } from "./resources";
import { requestLocale } from "./locale.server";

/**
 * remix-i18next works out a page's namespaces from its routes
 * (routeNamespaces). It does not decide the language: should anything ask
 * it (`getLocale`), it answers what requestLocale answers.
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

/**
 * A translation function for server code: loaders, actions, e-mails, API
 * errors. It comes from the same instance a page in that language and those
 * namespaces renders with (createRequestI18n), so it shares the remembered
 * language lists and plain lookups: remix-i18next's own `getFixedT` built a
 * fresh instance each time, and even one kept per language worked out the
 * language list again on every call (a sixth of the search page loader's CPU).
 */
export async function getFixedT(locale: Locale, ns: Namespace | readonly [Namespace, ...Namespace[]] = "common"): Promise<TFunction> {
  const key = `${locale}\u0000${typeof ns === "string" ? ns : ns.join(",")}`;
  let t = fixedTs.get(key);
  if (!t) {
    const namespaces = typeof ns === "string" ? [ns] : [...ns];
    t = createRequestI18n(locale, namespaces).then((instance) => instance.getFixedT(locale, namespaces) as TFunction);
    fixedTs.set(key, t);
    t.catch(() => fixedTs.delete(key));
  }
  return t;
}
const fixedTs = new Map<string, Promise<TFunction>>();

/**
 * The i18next instance a page renders with: a clone of one instance
 * initialised at start, sharing its (read-only) resources, with the page's
 * language and namespaces. Initialising every namespace of every language
 * again for each page cost milliseconds of CPU per request, and making even
 * a clone per request a few per cent of a page's.
 *
 * So one clone serves every page of the same language and namespaces. Pages
 * in different languages never share one; and nothing changes a clone while
 * rendering on the server: the language is fixed when it is made, the
 * resources are all there (nothing to load), and `useChangeLanguage` runs in
 * an effect, which is for the browser only.
 */
export async function createRequestI18n(locale: Locale, ns: string[]): Promise<I18n> {
  const key = `${locale}|${ns.join(",")}`;
  let instance = renderInstances.get(key);
  if (!instance) {
    const base = await (renderBase ??= initRenderBase());
    instance = base.cloneInstance({ lng: locale, ns });
    rememberPlainTranslations(instance);
    // Namespace lists come from the route modules: a few dozen, but bound them anyway.
    if (renderInstances.size >= MAX_RENDER_INSTANCES) renderInstances.delete(renderInstances.keys().next().value!);
    renderInstances.set(key, instance);
  }
  return instance;
}
const MAX_RENDER_INSTANCES = 500;
const renderInstances = new Map<string, I18n>();
let renderBase: Promise<I18n> | undefined;
async function initRenderBase(): Promise<I18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nOptions, lng: defaultLocale, resources });
  rememberResolveHierarchy(instance);
  return instance;
}

/**
 * i18next works out the languages to look a key up in (`zh-CN` → `zh-CN`,
 * `zh`, then the fallbacks) on every `t` call, canonicalising each code with
 * `Intl.getCanonicalLocales`: a few per cent of a page's CPU. The answer only
 * depends on the code (the options are fixed), so it is kept per code; the
 * clones made for each request share this instance's language utilities.
 */
function rememberResolveHierarchy(instance: I18n) {
  const utils = instance.services.languageUtils as { toResolveHierarchy(code: string, fallbackCode?: unknown): string[] };
  const original = utils.toResolveHierarchy.bind(utils);
  const known = new Map<string, string[]>();
  utils.toResolveHierarchy = (code, fallbackCode) => {
    if (fallbackCode !== undefined || typeof code !== "string") return original(code, fallbackCode);
    let codes = known.get(code);
    if (!codes) {
      codes = original(code);
      // Codes come from URLs and headers through the locale check, but bound it anyway.
      if (known.size < 64) known.set(code, codes);
    }
    return codes.slice();
  };
}

/**
 * Remix hands the entry every route module of the build, not only the
 * page's, so remix-i18next's `getRouteNamespaces` walks all of them on each
 * page for the same answer: kept per build (its root module is one object
 * for as long as the build is).
 */
export function routeNamespaces(context: EntryContext): string[] {
  const build = context.routeModules.root ?? context.routeModules;
  let namespaces = namespacesByBuild.get(build);
  if (!namespaces) namespacesByBuild.set(build, (namespaces = remixI18next.getRouteNamespaces(context)));
  return namespaces;
}
const namespacesByBuild = new WeakMap<object, string[]>();

/**
 * A page looks up the same few dozen words on every render (the header,
 * the form labels), and each i18next lookup walks languages and namespaces
 * again: a few microseconds each. A render instance's language and
 * resources never change (see createRequestI18n), so a plain lookup — a key
 * with no count, context, default or values — gives the same text every
 * time and is kept. Anything else goes to i18next as before.
 */
function rememberPlainTranslations(instance: I18n) {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const known = new Map<string, unknown>();
  instance.t = ((key: unknown, options?: unknown) => {
    const memo = typeof key === "string" ? plainKey(key, options) : null;
    if (memo === null) return translate(key, options);
    let text = known.get(memo);
    if (text === undefined) {
      text = translate(key, options);
      // Keys come from the code, not from requests; bound it anyway.
      if (known.size < MAX_PLAIN_TRANSLATIONS) known.set(memo, text);
    }
    return text;
  }) as I18n["t"];
}
const MAX_PLAIN_TRANSLATIONS = 20_000;
/** What `getFixedT`'s function adds to a call's options; any other option makes the call not plain. */
const fixedOptions = new Set(["lng", "lngs", "ns", "keyPrefix"]);

function plainKey(key: string, options: unknown): string | null {
  if (options === undefined) return `\u0000\u0000\u0000${key}`;
  if (typeof options !== "object" || options === null) return null;
  const given = options as Record<string, unknown>;
  for (const name in given) if (!fixedOptions.has(name) || !isWords(given[name])) return null;
  return `${words(given.lng)}\u0000${words(given.lngs)}\u0000${words(given.ns)}\u0000${words(given.keyPrefix)}\u0000${key}`;
}

const words = (value: unknown) => (Array.isArray(value) ? value.join(",") : ((value as string | null | undefined) ?? ""));

/** An option `getFixedT` set: a code, a list of them, or nothing (it leaves `lngs` null when it has no language of its own). */
const isWords = (value: unknown) => value === undefined || value === null || typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string"));
