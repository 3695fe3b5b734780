import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** What the loader says about a text's translation (app/modules/translation/views.server.ts). */
export type TranslationViewData =
  | { state: "original" | "pending" | "none" }
  | { state: "machine" | "authored"; text: string; engine: string };

/**
 * A text someone wrote, shown in the reader's language when a translation
 * exists: a machine translation carries a visible mark, and the original is
 * one click away in a <details> (works without JavaScript). Without a
 * translation the original is shown, marked "not translated" or "on its way".
 */
export function TranslatedText({
  original,
  language,
  translation,
  className,
  as: Tag = "p",
  id,
}: {
  original: string;
  language: string;
  translation: TranslationViewData;
  className?: string;
  /** The element the text is shown in (a heading for a title). */
  as?: "p" | "h2";
  id?: string;
}) {
  const { t, i18n } = useTranslation("translation");
  if (translation.state === "machine" || translation.state === "authored") {
    return (
      <div className="translated stack-sm" data-translation={translation.state}>
        <Tag className={className} lang={i18n.language} id={id}>
          {translation.text}
        </Tag>
        <p className="translated__mark muted">
          <small>{translation.state === "machine" ? t("mark.machine") : t("mark.authored")}</small>
        </p>
        <details className="translated__original">
          <summary>{t("showOriginal")}</summary>
          <p className={className} lang={language}>
            {original}
          </p>
        </details>
      </div>
    );
  }
  return (
    <div className="translated stack-sm" data-translation={translation.state}>
      <Tag className={className} lang={language} id={id}>
        {original}
      </Tag>
      {translation.state === "original" ? null : (
        <p className="translated__mark muted">
          <small>{translation.state === "pending" ? t("mark.pending") : t("mark.none")}</small>
        </p>
      )}
    </div>
  );
}

/**
 * Free text stored in several languages (a description, a notice): shown as
 * the page always showed it (`children`) when the reader's language has its
 * own text; otherwise translated and marked, or marked "not translated".
 */
export function LocalizedTranslatedText({
  view,
  children,
  as,
  className,
}: {
  view: { text: string; language: string; translation: TranslationViewData };
  children: ReactNode;
  as?: "p" | "h2";
  className?: string;
}) {
  if (view.translation.state === "original") return <>{children}</>;
  return <TranslatedText original={view.text} language={view.language} translation={view.translation} as={as} className={className} />;
}

/**
 * A title in the reader's language when it was translated: `render` draws the
 * heading (a link, an h1) with the text to show; a translated title is
 * followed by the mark and the original, which is short enough to show as is.
 */
export function TranslatedTitle({
  view,
  render,
}: {
  view: { text: string; language: string; translation: TranslationViewData };
  render: (text: string, lang: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation("translation");
  const { translation } = view;
  if (translation.state === "machine" || translation.state === "authored") {
    return (
      <div className="translated stack-sm" data-translation={translation.state}>
        {render(translation.text, i18n.language)}
        <p className="translated__mark muted">
          <small>
            {translation.state === "machine" ? t("mark.machine") : t("mark.authored")} · {t("original")}: <span lang={view.language}>{view.text}</span>
          </small>
        </p>
      </div>
    );
  }
  return (
    <>
      {render(view.text, view.language)}
      {translation.state === "original" ? null : (
        <p className="translated__mark muted">
          <small>{translation.state === "pending" ? t("mark.pending") : t("mark.none")}</small>
        </p>
      )}
    </>
  );
}
