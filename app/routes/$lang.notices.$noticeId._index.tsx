import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { LocalizedTranslatedText, TranslatedTitle } from "~/components/translated-text";
import { FormattedDate } from "~/components/formatted";
import { ReasonList } from "~/components/notice-bureau";
import { NoticeHistory } from "~/components/notice-history";
import { requireUrlLocale } from "~/i18n/locale.server";
import { directoryMeta } from "~/modules/directory/meta";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { excerptOf } from "~/modules/notification/kinds";
import { getEnv } from "~/utils/env.server";
import { requireNoticeViewer } from "~/modules/access/notice.server";
import { markNoticeAction, markNoticeRead } from "~/modules/notice/firm-notices.server";
import { noticeHistory } from "~/modules/notice/history.server";
import { FirmNoticeActionSchema } from "~/modules/notice/notice.schema";
import { forbidden } from "~/utils/http.server";
import { parseSubmission, readFormData } from "~/utils/form.server";

export const handle = { i18n: ["notices", "translation"] };

/** A notice, for whoever may see it; a member of a firm it is meant for reading it marks it read. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { viewer, notice } = await requireNoticeViewer(request, params.noticeId, locale);
  if (viewer?.role === "FIRM_MEMBER" && viewer.firmId && notice.firm) {
    await markNoticeRead(notice.id, viewer.firmId, viewer.id);
    if (!notice.firm.readAt) notice.firm.readAt = new Date().toISOString();
  }
  // Public notices are shared and indexed (canonical link, description); targeted ones stay out of search engines.
  const preview = {
    title: notice.title,
    description: excerptOf(notice.body, 160),
    url: `${publicOrigin(request, getEnv().PUBLIC_URL)}/${locale}/notices/${notice.id}`,
    locale,
    type: "website" as const,
    noindex: !notice.isPublic,
  };
  return json({ title: notice.title, notice, preview, history: await noticeHistory(notice.id, locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => directoryMeta(data?.preview);

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { viewer, notice } = await requireNoticeViewer(request, params.noticeId, locale);
  // Only a firm's members say what their firm does with a notice.
  if (viewer?.role !== "FIRM_MEMBER" || !viewer.firmId) forbidden();
  const submission = parseSubmission(await readFormData(request), { schema: FirmNoticeActionSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), done: null }, { status: 400 });
  await markNoticeAction(notice.id, viewer.firmId, submission.value.intent);
  return json({ result: submission.reply(), done: submission.value.intent });
}

export default function NoticePage() {
  const { t } = useTranslation("notices");
  const { notice, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { lang } = useParams();
  return (
    <article className="stack-lg">
      <header className="stack">
        <TranslatedTitle
          view={notice.titleView}
          render={(text, language) => (
            <h1 lang={language} data-testid="notice-title">
              {text}
            </h1>
          )}
        />
        <p className="muted">
          <span className="badge">{t(`category.${notice.category}`, { defaultValue: notice.category })}</span> {notice.department}
          {notice.sentAt ? (
            <>
              {" · "}
              <FormattedDate value={notice.sentAt} />
            </>
          ) : null}
        </p>
        <dl className="facts">
          {notice.validFrom || notice.validUntil ? (
            <>
              <dt>{t("validity")}</dt>
              <dd>
                {notice.validFrom ? <FormattedDate value={notice.validFrom} /> : "…"} – {notice.validUntil ? <FormattedDate value={notice.validUntil} /> : "…"}
              </dd>
            </>
          ) : null}
          {notice.deadline ? (
            <>
              <dt>{t("deadline")}</dt>
              <dd>
                <FormattedDate value={notice.deadline} />
              </dd>
            </>
          ) : null}
        </dl>
      </header>
      <NoticeHistory editedAt={history.editedAt} changes={history.changes} />
      {/* The body is text, never markup: React escapes it, line breaks are kept by CSS. */}
      <div data-testid="notice-body">
        <LocalizedTranslatedText view={notice.bodyView} className="notice-body">
          {notice.translated ? <p className="muted">{t("originalLanguage")}</p> : null}
          <div lang={notice.bodyLang} className="notice-body">
            {notice.body}
          </div>
        </LocalizedTranslatedText>
      </div>
      {notice.attachments.length ? (
        <section className="stack" aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t("attachments")}</h2>
          <ul className="plain-list">
            {notice.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/${lang}/notices/${notice.id}/attachments/${attachment.id}`}>{attachment.fileName}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {notice.firm ? (
        <section className="card stack" aria-labelledby="for-you-title">
          <h2 id="for-you-title">{t("forYou.title")}</h2>
          <ReasonList reasons={notice.reasons} />
          <p>
            {notice.firm.appliedAt ? t("forYou.applied") : notice.firm.interestedAt ? t("forYou.interested") : t("forYou.read")}
          </p>
          {actionData?.done ? (
            <p className="notice notice--success" role="status">
              {t(`forYou.done.${actionData.done}`)}
            </p>
          ) : null}
          <ErrorList errors={actionData?.result?.error?.intent} />
          <Form method="post" className="inline-actions">
            <button type="submit" name="intent" value="interested" className="button button--secondary" disabled={navigation.state === "submitting"}>
              {t("forYou.markInterested")}
            </button>
            <button type="submit" name="intent" value="applied" className="button" disabled={navigation.state === "submitting"}>
              {t("forYou.markApplied")}
            </button>
            <button type="submit" name="intent" value="notInterested" className="button button--secondary" disabled={navigation.state === "submitting"}>
              {t("forYou.markNotInterested")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
