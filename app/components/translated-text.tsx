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
