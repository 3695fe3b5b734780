import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { FormattedDateTime } from "~/components/formatted";
import { NoticeAudience, NoticeReadStatistics, NoticeSendForms } from "~/components/notice-bureau";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { remindUnread, scheduleNotice, sendNoticeNow, unscheduleNotice } from "~/modules/notice/delivery.server";
import { SendSchema } from "~/modules/notice/notice.schema";
import { getNoticeForBureau } from "~/modules/notice/notice.server";
import { previewAudience, readStatistics } from "~/modules/notice/stats.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["notices", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const notice = await getNoticeForBureau(params.noticeId ?? "", locale);
  if (!notice) notFound();
  const [audience, statistics] = await Promise.all([
    notice.status === "SENT" ? null : previewAudience(notice.rules, locale),
    notice.status === "SENT" ? readStatistics(notice.id, locale) : null,
  ]);
  const open = !notice.deadline || new Date(notice.deadline) > new Date();
  return json({ title: notice.displayTitle, notice, audience, statistics, open });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const noticeId = params.noticeId ?? "";
  const formData = await readFormData(request);
  const submission = parseSubmission(formData, { schema: SendSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), done: null, reminded: null }, { status: 400 });
  const value = submission.value;
  try {
    let reminded: number | null = null;
    if (value.intent === "sendNow") await sendNoticeNow(noticeId, { actorId: staff.id, confirmEmpty: value.confirmEmpty === "on" });
    else if (value.intent === "schedule") await scheduleNotice(noticeId, { actorId: staff.id, sendAt: value.sendAt, confirmEmpty: value.confirmEmpty === "on" });
    else if (value.intent === "unschedule") await unscheduleNotice(noticeId, staff.id);
    else reminded = (await remindUnread(noticeId, { actorId: staff.id })).firms;
    return json({ result: submission.reply({ resetForm: true }), done: value.intent, reminded });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, done: null, reminded: null }, { status });
  }
}

export default function BureauNotice() {
  const { t } = useTranslation("notices");
  const { lang } = useParams();
  const { notice, audience, statistics, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/notices`}>{t("bureau.back")}</Link>
      </p>
      <header className="stack">
        <h1>{notice.displayTitle}</h1>
        <p>
          <span className="badge">{t(`status.${notice.status}`)}</span> {notice.form.isPublic ? <span className="badge">{t("public")}</span> : <span className="badge">{t("targetedOnly")}</span>}{" "}
          {notice.scheduledAt && notice.status === "SCHEDULED" ? (
            <>
              {t("bureau.scheduledFor")} <FormattedDateTime value={notice.scheduledAt} />
            </>
          ) : null}
          {notice.sentAt ? (
            <>
              {t("bureau.sentAt")} <FormattedDateTime value={notice.sentAt} />
            </>
          ) : null}
        </p>
        <p>
          <Link to={`/${lang}/notices/${notice.id}`}>{t("bureau.view")}</Link>
          {" · "}
          <Link to={`/${lang}/bureau/notices/${notice.id}/edit`}>{notice.status === "SENT" ? t("bureau.revise") : t("bureau.edit")}</Link>
        </p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`bureau.done.${actionData.done}`, { count: actionData.reminded ?? 0 })}
        </p>
      ) : null}
      <ErrorList errors={actionData?.result?.error?.[""] ?? actionData?.result?.error?.confirmEmpty ?? actionData?.result?.error?.sendAt} />
      {audience ? <NoticeAudience audience={audience} /> : null}
      {notice.status !== "SENT" ? <NoticeSendForms status={notice.status} audienceCount={audience?.count ?? 0} /> : null}
      {statistics ? <NoticeReadStatistics statistics={statistics} open={open} remindedAt={notice.remindedAt} /> : null}
    </div>
  );
}
