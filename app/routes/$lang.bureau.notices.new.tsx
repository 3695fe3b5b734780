import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NoticeForm } from "~/components/notice-form";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { noticeFormOptions } from "~/modules/notice/form-options.server";
import { submitNoticeForm } from "~/modules/notice/submit.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["notices", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "notices");
  return json({ title: t("new.title"), options: await noticeFormOptions(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const result = await submitNoticeForm(request, { actorId: staff.id, attached: 0 });
  if ("id" in result) return redirect(`/${locale}/bureau/notices/${result.id}`);
  return json({ result: result.reply }, { status: result.status });
}

export default function NewNotice() {
  const { t } = useTranslation("notices");
  const { lang } = useParams();
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/notices`}>{t("bureau.back")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      <NoticeForm lastResult={actionData?.result} defaults={{}} rules={null} options={options} submitLabel={t("new.save")} />
    </div>
  );
}
