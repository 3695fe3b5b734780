import { Form, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The account page's section where a user chooses which notices also come
 * by e-mail. It posts to /$lang/notifications/preferences.
 */
export function NotificationPreferences({ preferences, saved }: { preferences: { kind: string; email: boolean }[]; saved: boolean }) {
  const { t } = useTranslation("notification");
  const { lang } = useParams();
  return (
    <section className="card" id="notification-preferences" aria-labelledby="notification-preferences-title">
      <h2 id="notification-preferences-title">{t("preferences.title")}</h2>
      {saved ? (
        <p className="notice notice--success" role="status">
          {t("preferences.saved")}
        </p>
      ) : null}
      {preferences.length === 0 ? (
        <p>{t("preferences.none")}</p>
      ) : (
        <Form method="post" action={`/${lang}/notifications/preferences`} className="stack">
          <fieldset className="stack">
            <legend>{t("preferences.intro")}</legend>
            {preferences.map((preference) => (
              // eslint-disable-next-line jsx-a11y/label-has-associated-control -- the input is inside the label
              <label key={preference.kind} className="choice">
                <input type="checkbox" name="email" value={preference.kind} defaultChecked={preference.email} />
                <span>{t(`preferences.kinds.${preference.kind}`)}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--secondary">
            {t("preferences.save")}
          </button>
        </Form>
      )}
    </section>
  );
}
