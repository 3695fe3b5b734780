import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NoticeForm } from "~/components/notice-form";
import { NoticeRevisionForm } from "~/components/notice-history";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { noticeFormOptions } from "~/modules/notice/form-options.server";
import { getNoticeForBureau } from "~/modules/notice/notice.server";
import { submitNoticeForm } from "~/modules/notice/submit.server";
import { reviseSentNotice } from "~/modules/notice/history.server";
import { RevisionSchema } from "~/modules/notice/notice.schema";
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
  const t = await getFixedT(locale, "notices");
  return json({ title: t("edit.title", { title: notice.displayTitle }), notice, options: await noticeFormOptions(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const notice = await getNoticeForBureau(params.noticeId ?? "", locale);
  if (!notice) notFound();
  if (notice.status === "SENT") {
    // A sent notice: only its texts are corrected, and the texts it had are kept.
    const submission = parseSubmission(await readFormData(request), { schema: RevisionSchema });
    if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
    try {
      await reviseSentNotice(notice.id, { values: submission.value, actorId: staff.id });
      return redirect(`/${locale}/bureau/notices/${notice.id}`);
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ result }, { status });
    }
  }
  const result = await submitNoticeForm(request, { id: notice.id, actorId: staff.id, attached: notice.attachments.length });
  if ("id" in result) return redirect(`/${locale}/bureau/notices/${result.id}`);
  return json({ result: result.reply }, { status: result.status });
}

export default function EditNotice() {
  const { t } = useTranslation("notices");
  const { lang } = useParams();
  const { notice, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/notices/${notice.id}`}>{t("edit.back")}</Link>
      </p>
      <h1>{notice.status === "SENT" ? t("revise.heading") : t("edit.heading")}</h1>
      {notice.status === "SENT" ? (
        <NoticeRevisionForm lastResult={actionData?.result} defaults={textDefaults(notice.form)} />
      ) : (
        <NoticeForm lastResult={actionData?.result} defaults={notice.form} rules={notice.rules} options={options} attachments={notice.attachments} submitLabel={t("edit.save")} />
      )}
    </div>
  );
}

const textDefaults = (form: Record<string, unknown>) =>
  Object.fromEntries(["titleZh", "titleEn", "titlePt", "bodyZh", "bodyEn", "bodyPt"].map((key) => [key, typeof form[key] === "string" ? (form[key] as string) : ""]));
