import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NoticeForm } from "~/components/notice-form";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { noticeFormOptions } from "~/modules/notice/form-options.server";
import { getNoticeForBureau } from "~/modules/notice/notice.server";
import { submitNoticeForm } from "~/modules/notice/submit.server";
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
      <h1>{t("edit.heading")}</h1>
      {notice.status === "SENT" ? (
        <p className="notice" role="status">
          {t("errors.alreadySent")}
        </p>
      ) : (
        <NoticeForm lastResult={actionData?.result} defaults={notice.form} rules={notice.rules} options={options} attachments={notice.attachments} submitLabel={t("edit.save")} />
      )}
    </div>
  );
}
