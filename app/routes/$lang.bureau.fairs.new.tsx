import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { EditionSchema } from "~/modules/fair/edition.schema";
import { createEdition, listFairSeries } from "~/modules/fair/editions.server";
import { compactRows } from "~/modules/delegation/call-form";
import { EditionForm } from "~/components/delegation/edition-form";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["delegation", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "delegation");
  return json({ title: t("edition.newTitle"), series: await listFairSeries(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const formData = compactRows(await readFormData(request), ["phases"]);
  const submission = parseSubmission(formData, { schema: EditionSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    const { slug } = await createEdition({ userId: staff.id }, submission.value);
    return redirect(`/${locale}/bureau/fairs/${slug}?saved=1`);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result }, { status });
  }
}

export default function NewEdition() {
  const { t } = useTranslation("delegation");
  const { lang } = useParams();
  const { series } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/fairs`}>{t("fairs.back")}</Link>
      </p>
      <h1>{t("edition.newTitle")}</h1>
      <EditionForm
        id="edition-new"
        lastResult={actionData?.result}
        defaultValue={{ timeZone: "Asia/Macau", online: false, phases: [] }}
        series={series}
        slugLocked={false}
        submitLabel={t("edition.create")}
      />
    </div>
  );
}
