import { useTranslation } from "react-i18next";
import { ATTACHMENT_FIELD, attachmentAccept, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/modules/inquiry/attachment-limits";
import { ErrorList } from "./forms";
import { FormattedNumber } from "./formatted";

/**
 * Small pieces of the inquiry pages, shared with other areas (the firm
 * profile shows FirmResponseStats).
 */

/** "Written in Portuguese", in the reader's language (Intl.DisplayNames). */
export function MessageLanguage({ language, source }: { language: string; source: string }) {
  const { t, i18n } = useTranslation("inquiry");
  let name = language;
  try {
    name = new Intl.DisplayNames([i18n.language], { type: "language" }).of(language) ?? language;
  } catch {
    // An unknown code is shown as it is.
  }
  return (
    <span className="message-language" suppressHydrationWarning>
      {t(source === "detected" ? "thread.writtenIn" : "thread.languageFromLocale", { language: name })}
    </span>
  );
}

export interface ResponseStatsProps {
  inquiries: number;
  answered: number;
  withinHours: number | null;
  answerRatePercent: number | null;
}

/**
 * "Usually answers within N hours · answers 90% of inquiries", for a firm's
 * page. Pass the result of getFirmResponseStats (nothing is shown for null).
 */
export function FirmResponseStats({ stats }: { stats: ResponseStatsProps | null }) {
  const { t } = useTranslation("inquiry");
  if (!stats) return null;
  return (
    <section className="response-stats" aria-label={t("response.title")}>
      <p className="response-stats__main">
        {stats.withinHours === null ? t("response.noAnswers") : t("response.within", { count: stats.withinHours })}
      </p>
      {stats.answerRatePercent !== null ? <p>{t("response.rate", { percent: stats.answerRatePercent })}</p> : null}
      <p className="muted">{t("response.basis", { count: stats.inquiries })}</p>
    </section>
  );
}

/** The file field of a message: images and PDF, with the limits said and the refusals shown. */
export function AttachmentField({ id, errors, disabled }: { id: string; errors: string[] | null; disabled?: boolean }) {
  const { t } = useTranslation("inquiry");
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{t("thread.attach")}</label>
      <p id={hintId} className="field__hint">
        {t("thread.attachHint", { size: Math.round(MAX_ATTACHMENT_BYTES / (1024 * 1024)), count: MAX_ATTACHMENTS })}
      </p>
      <input
        id={id}
        type="file"
        name={ATTACHMENT_FIELD}
        multiple
        accept={attachmentAccept}
        disabled={disabled}
        aria-describedby={errors ? `${hintId} ${errorId}` : hintId}
        aria-invalid={errors ? true : undefined}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** A message's attachments: name (opens in a new tab), type and size. */
export function AttachmentList({ label, attachments, href }: { label: string; attachments: { id: string; fileName: string; contentType: string; sizeBytes: number }[]; href: (attachmentId: string) => string }) {
  const { t } = useTranslation("common");
  if (!attachments.length) return null;
  return (
    <ul className="attachments" aria-label={label}>
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={href(attachment.id)} target="_blank" rel="noreferrer">
            {attachment.fileName}
          </a>{" "}
          <span className="muted">
            ({attachment.contentType === "application/pdf" ? "PDF" : attachment.contentType.replace("image/", "").toUpperCase()},{" "}
            <FormattedNumber value={Math.max(1, Math.round(attachment.sizeBytes / 1024))} /> {t("abbr.kb")})
          </span>
        </li>
      ))}
    </ul>
  );
}
