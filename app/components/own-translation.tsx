import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * Under one's own message: what the other side reads (the machine's
 * translation, or one's own), and a form to replace it with one's own words,
 * which then count as authored. A plain form: works without JavaScript.
 */
export function OwnTranslations({ messageId, translations }: { messageId: string; translations: { targetLang: string; text: string; authored: boolean }[] }) {
  const { t, i18n } = useTranslation("translation");
  if (translations.length === 0) return null;
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: "language" }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  return (
    <>
      {translations.map((translation) => (
        <details key={translation.targetLang} className="own-translation">
          <summary suppressHydrationWarning>{t("own.summary", { language: languageName(translation.targetLang) })}</summary>
          <p className="muted">
            <small>{translation.authored ? t("mark.authored") : t("mark.machine")}</small>
          </p>
          <Form method="post" className="stack-sm">
            <input type="hidden" name="intent" value="translation" />
            <input type="hidden" name="messageId" value={messageId} />
            <input type="hidden" name="targetLang" value={translation.targetLang} />
            <label htmlFor={`own-${messageId}-${translation.targetLang}`}>{t("own.label")}</label>
            <textarea id={`own-${messageId}-${translation.targetLang}`} name="text" rows={3} defaultValue={translation.text} lang={translation.targetLang} maxLength={20000} required />
            <div>
              <button type="submit" className="button button--small">
                {t("own.save")}
              </button>
            </div>
          </Form>
        </details>
      ))}
    </>
  );
}
