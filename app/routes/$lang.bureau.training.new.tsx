import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TrainingSessionForm } from "~/components/training";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { SessionFormSchema } from "~/modules/training/training.schema";
import { createTrainingSession } from "~/modules/training/training.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";
import { noticeFormOptions } from "~/modules/notice/form-options.server";

export const handle = { i18n: ["training", "validation", "notices"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "training");
  return json({ title: t("new.title"), options: await noticeFormOptions(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const submission = parseSubmission(await readFormData(request), { schema: SessionFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    const { id } = await createTrainingSession(submission.value, { actorId: staff.id });
    return redirect(`/${locale}/bureau/training/${id}`);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result }, { status });
  }
}

export default function NewTrainingSession() {
  const { t } = useTranslation("training");
  const { lang } = useParams();
  const actionData = useActionData<typeof action>();
  const { options } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/training`}>{t("bureau.back")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      <TrainingSessionForm lastResult={actionData?.result} options={options} />
    </div>
  );
}
