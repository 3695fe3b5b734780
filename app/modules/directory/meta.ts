import type { MetaDescriptor } from "@remix-run/node";
import { supportedLocales, type Locale } from "~/i18n/config";
import { pageMeta } from "~/utils/meta";

/** Open Graph locale of each display locale (language_TERRITORY). */
const ogLocales: Record<Locale, string> = { "zh-CN": "zh_CN", "zh-Hant": "zh_HK", en: "en_US", "pt-BR": "pt_BR", "pt-PT": "pt_PT" };

export interface SharePreview {
  title: string;
  description: string;
  /** Absolute URL of this page (canonical). */
  url: string;
  /** Absolute URL of an image, if the page has one. */
  image?: string | null;
  locale: string;
  type?: "website" | "profile" | "product";
  /** Drafts seen by their own firm or the bureau stay out of search engines. */
  noindex?: boolean;
}

/** Title, description, canonical link and Open Graph tags of a public directory page. */
export function directoryMeta(preview: SharePreview | undefined): MetaDescriptor[] {
  if (!preview) return pageMeta("");
  return [
    ...pageMeta(preview.title, preview.description),
    { tagName: "link", rel: "canonical", href: preview.url },
    { property: "og:type", content: preview.type === "product" ? "product" : preview.type === "profile" ? "profile" : "website" },
    { property: "og:url", content: preview.url },
    { property: "og:locale", content: ogLocales[preview.locale as Locale] ?? "en_US" },
    ...supportedLocales.filter((locale) => locale !== preview.locale).map((locale) => ({ property: "og:locale:alternate", content: ogLocales[locale] })),
    ...(preview.image ? [{ property: "og:image", content: preview.image }] : []),
    { name: "twitter:card", content: preview.image ? "summary_large_image" : "summary" },
    ...(preview.noindex ? [{ name: "robots", content: "noindex" }] : []),
  ];
}
