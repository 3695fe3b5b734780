import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { EditionSchema } from "~/modules/fair/edition.schema";
import { getEditionForm, listFairSeries, updateEdition } from "~/modules/fair/editions.server";
import { compactRows } from "~/modules/delegation/call-form";
import { EditionForm } from "~/components/delegation/edition-form";
import { domainErrorReply, throwDomainError } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["delegation", "validation"] };

async function loadEdition(slug: string | undefined) {
  try {
    return await getEditionForm(slug ?? "");
  } catch (error) {
    throwDomainError(error);
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const edition = await loadEdition(params.slug);
  return json({ title: edition.value.shortName, edition: edition.value, series: await listFairSeries(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const edition = await loadEdition(params.slug);
  const formData = compactRows(await readFormData(request), ["phases"]);
  // The slug is the edition's public address: it stays what it is.
  formData.set("slug", edition.value.slug);
  const submission = parseSubmission(formData, { schema: EditionSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  try {
    await updateEdition({ userId: staff.id }, edition.value.slug, submission.value);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, saved: false }, { status });
  }
  return json({ result: submission.reply(), saved: true });
}

export default function EditEdition() {
  const { t } = useTranslation("delegation");
  const { lang } = useParams();
  const [search] = useSearchParams();
  const { edition, series } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/fairs`}>{t("fairs.back")}</Link>
      </p>
      <header className="stack">
        <h1>{edition.shortName}</h1>
        <p>
          <Link to={`/${lang}/bureau/fairs/${edition.slug}/call`}>{t("fairs.openCall")}</Link>
          {" · "}
          <Link to={`/${lang}/bureau/fairs/${edition.slug}/applications`}>{t("fairs.ranking")}</Link>
          {" · "}
          <Link to={`/${lang}/fairs/${edition.slug}`}>{t("edition.publicPage")}</Link>
        </p>
      </header>
      {actionData?.saved || search.get("saved") ? (
        <p className="notice notice--success" role="status">
          {t("edition.saved")}
        </p>
      ) : null}
      <EditionForm id={`edition-${edition.slug}`} lastResult={actionData?.result} defaultValue={edition} series={series} slugLocked submitLabel={t("edition.save")} />
    </div>
  );
}
