import { renderToStaticMarkup } from "react-dom/server";
import { getFixedT } from "~/i18n/i18next.server";
import { localeTags, type Locale } from "~/i18n/config";
import { getEnv } from "~/utils/env.server";
import type { NotificationKind, NotificationParams } from "~/modules/notification/kinds";
import { noticeNamespaces, renderNotice } from "~/modules/notification/render";

/** Absolute address of a page, for links in e-mails. */
export function absoluteUrl(pathname: string): string {
  const env = getEnv();
  const origin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : `http://localhost:${env.PORT}`;
  return new URL(pathname, origin).toString();
}

/**
 * A notice as an e-mail in the recipient's language: a plain-text part and an
 * HTML part rendered by React (which escapes whatever the users wrote).
 */
export async function renderNoticeMail(input: { locale: Locale; kind: NotificationKind; params: NotificationParams; link: string }) {
  const t = await getFixedT(input.locale, noticeNamespaces);
  const notice = renderNotice(t, input.locale, input.kind, input.params);
  const url = absoluteUrl(input.link);
  const action = t("mail.open");
  const footer = t("mail.footer");
  // The original first (it is what was written), then the marked machine translation.
  const translation = notice.translatedExcerpt ? `\n${notice.translationMark}:\n> ${notice.translatedExcerpt}` : "";
  const text = [notice.body, notice.excerpt ? `\n> ${notice.excerpt}` : "", translation, `\n${action}: ${url}`, `\n--\n${footer}`].join("\n");
  const html =
    "<!doctype html>" +
    renderToStaticMarkup(
      <html lang={localeTags[input.locale]}>
        <head>
          <meta charSet="utf-8" />
          <title>{notice.title}</title>
        </head>
        <body>
          <h1>{notice.title}</h1>
          <p>{notice.body}</p>
          {notice.excerpt ? <blockquote>{notice.excerpt}</blockquote> : null}
          {notice.translatedExcerpt ? (
            <>
              <p>
                <small>{notice.translationMark}</small>
              </p>
              <blockquote lang={input.locale}>{notice.translatedExcerpt}</blockquote>
            </>
          ) : null}
          <p>
            <a href={url}>{action}</a>
          </p>
          <hr />
          <p>
            <small>{footer}</small>
          </p>
        </body>
      </html>,
    );
  return { subject: `${notice.title} · Ponte`, text, html };
}
