import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TrainingSessionForm } from "~/components/training";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { SessionFormSchema } from "~/modules/training/training.schema";
import { updateTrainingSession } from "~/modules/training/session-changes.server";
import { sessionFormValues } from "~/modules/training/training.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { noticeFormOptions } from "~/modules/notice/form-options.server";

export const handle = { i18n: ["training", "validation", "notices"] };

/** The bureau changes a session still to come: registered firms are told of a new time, place, link or title. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const values = await sessionFormValues(params.sessionId ?? "");
  if (!values) notFound();
  const t = await getFixedT(locale, "training");
  return json({ title: t("bureau.editTitle"), values, options: await noticeFormOptions(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const submission = parseSubmission(await readFormData(request), { schema: SessionFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    const sessionId = params.sessionId ?? "";
    const { changes } = await updateTrainingSession(sessionId, submission.value, { actorId: staff.id });
    return redirect(`/${locale}/bureau/training/${sessionId}?saved=${changes.length ? "told" : "quiet"}`);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result }, { status });
  }
}

export default function EditTrainingSession() {
  const { t } = useTranslation("training");
  const { lang, sessionId } = useParams();
  const { values, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/training/${sessionId}`}>{t("bureau.back")}</Link>
      </p>
      <h1>{t("bureau.editTitle")}</h1>
      <TrainingSessionForm lastResult={actionData?.result} defaultValue={values} options={options} submitLabel={t("form.update")} />
    </div>
  );
}
